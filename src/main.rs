//! coop-guide: parse the command line, dispatch to a command, map the outcome to an exit code.
//! Nothing else; the commands live in `coop_guide::commands`.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use coop_guide::cli::Cli;
use coop_guide::commands::{self, say};
use coop_guide::guide::text::sanitize;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Clap quotes the command line, which may hold anything: clean it first.
            let text = e.render().to_string();
            let text = sanitize(&text);
            let _ = if e.use_stderr() {
                std::io::stderr().lock().write_all(text.as_bytes())
            } else {
                std::io::stdout().lock().write_all(text.as_bytes())
            };
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if let Some(message) = error.message() {
                say(&message);
            }
            ExitCode::from(error.exit().code())
        }
    }
}
