//! `coop-guide graph`: the whole tree as a graph, for Graphviz or Mermaid.

use std::path::Path;

use super::{print, print_errors, CliError, Outcome};
use crate::cli::GraphFormatArg;
use crate::guide::files::{read_guide, CheckedFile};
use crate::guide::load::parse_lenient;
use crate::report::graph;

/// Draws the guide. A graph is most useful on a broken guide: whatever parsed is drawn, errors
/// and all.
pub fn run(path: Option<&Path>, format: GraphFormatArg) -> Outcome {
    let checked = read_guide(path);
    let guide = match checked.guide {
        Some(guide) => guide,
        None => match parse_lenient(&checked.source) {
            Some(guide) => guide,
            None => {
                print_errors(&CheckedFile {
                    source: checked.source,
                    path: path.map(Path::to_path_buf),
                    diagnostics: checked.diagnostics,
                });
                return Err(CliError::invalid());
            }
        },
    };
    let format = match format {
        GraphFormatArg::Dot => graph::GraphFormat::Dot,
        GraphFormatArg::Mermaid => graph::GraphFormat::Mermaid,
    };
    print(&graph::render(&guide, format))?;
    // The picture is drawn either way; a guide with errors still fails the command.
    if graph::has_errors(&guide) {
        return Err(CliError::invalid());
    }
    Ok(())
}
