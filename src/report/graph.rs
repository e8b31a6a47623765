//! The whole guide as a graph, for Graphviz (DOT) or Mermaid.
//!
//! Questions are boxes, outcomes are rounded and filled, edges carry answer labels. Questions
//! and outcomes no path reaches are dashed and labelled "unreachable"; questions from which no
//! outcome can be reached are drawn in red and labelled "dead end". Node names are generated
//! (`q0`, `o3`), never taken from ids, and every label is escaped for its format, so no text in
//! a guide can break out of a label.

use std::fmt::Write as _;

use crate::guide::text::{escape_quoted, sanitize_line};
use crate::guide::{Guide, Target};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
}

/// Longest label kept, in characters (long questions are cut with an ellipsis).
const LABEL_MAX: usize = 60;

fn short(text: &str) -> String {
    let text = sanitize_line(text);
    if text.chars().count() <= LABEL_MAX {
        return text;
    }
    let mut cut: String = text.chars().take(LABEL_MAX - 1).collect();
    cut.push('…');
    cut
}

/// Mermaid labels are quoted; quotes and markup characters become HTML entities.
fn mermaid_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            c => out.push(c),
        }
    }
    out
}

/// Every resolved link: `(from, to, answer label)` with generated node names.
fn edges(guide: &Guide) -> impl Iterator<Item = (String, String, String)> + '_ {
    guide.questions.iter().enumerate().flat_map(move |(i, q)| {
        q.answers.iter().enumerate().filter_map(move |(a, answer)| {
            let to = match guide.index.target(i, a) {
                Target::Question(n) => format!("q{n}"),
                Target::Outcome(o) => format!("o{o}"),
                Target::Missing => return None,
            };
            Some((format!("q{i}"), to, short(&answer.label)))
        })
    })
}

/// Renders the guide as a graph.
pub fn render(guide: &Guide, format: GraphFormat) -> String {
    let (reach_q, reach_o) = guide.index.reachable(guide.outcomes.len());
    let dead = |q: usize| reach_q[q] && guide.index.questions_left(q).is_none();
    let mut out = String::new();
    match format {
        GraphFormat::Dot => {
            let _ = writeln!(out, "digraph \"{}\" {{", escape_quoted(&short(&guide.id)));
            let _ = writeln!(out, "    rankdir=TB;");
            let _ = writeln!(out, "    node [shape=box, fontname=\"Helvetica\"];");
            let _ = writeln!(out, "    edge [fontname=\"Helvetica\", fontsize=10];");
            for (i, q) in guide.questions.iter().enumerate() {
                let mut label = format!("{}\n{}", q.id, short(&q.text));
                let mut style = String::new();
                if !reach_q[i] {
                    label.push_str("\n(unreachable)");
                    style = ", style=dashed, color=gray".into();
                } else if dead(i) {
                    label.push_str("\n(dead end)");
                    style = ", color=red, penwidth=2".into();
                }
                let start = if guide.index.start() == Some(i) {
                    ", penwidth=2"
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "    q{i} [label=\"{}\"{style}{start}];",
                    escape_quoted(&label)
                );
            }
            for (i, o) in guide.outcomes.iter().enumerate() {
                let mut label = format!("{}\n{}", o.id, short(&o.title));
                let mut style = "style=\"rounded,filled\", fillcolor=\"#e8f4e8\"".to_string();
                if !reach_o[i] {
                    label.push_str("\n(unreachable)");
                    style = "style=\"rounded,dashed\", color=gray".into();
                }
                let _ = writeln!(
                    out,
                    "    o{i} [label=\"{}\", {style}];",
                    escape_quoted(&label)
                );
            }
            for (from, to, label) in edges(guide) {
                let _ = writeln!(
                    out,
                    "    {from} -> {to} [label=\"{}\"];",
                    escape_quoted(&label)
                );
            }
            let _ = writeln!(out, "}}");
        }
        GraphFormat::Mermaid => {
            let _ = writeln!(out, "flowchart TD");
            for (i, q) in guide.questions.iter().enumerate() {
                let mut label = format!("{}: {}", q.id, short(&q.text));
                if !reach_q[i] {
                    label.push_str(" (unreachable)");
                } else if dead(i) {
                    label.push_str(" (dead end)");
                }
                let _ = writeln!(out, "    q{i}[\"{}\"]", mermaid_escape(&label));
            }
            for (i, o) in guide.outcomes.iter().enumerate() {
                let mut label = format!("{}: {}", o.id, short(&o.title));
                if !reach_o[i] {
                    label.push_str(" (unreachable)");
                }
                let _ = writeln!(out, "    o{i}([\"{}\"])", mermaid_escape(&label));
            }
            for (from, to, label) in edges(guide) {
                let _ = writeln!(out, "    {from} -->|\"{}\"| {to}", mermaid_escape(&label));
            }
            let _ = writeln!(out, "    classDef outcome fill:#e8f4e8,stroke:#4a4;");
            let _ = writeln!(
                out,
                "    classDef unreachable stroke-dasharray: 5 5,color:#888;"
            );
            let _ = writeln!(out, "    classDef deadend stroke:#c00,stroke-width:2px;");
            let outcomes: Vec<String> =
                (0..guide.outcomes.len()).map(|o| format!("o{o}")).collect();
            if !outcomes.is_empty() {
                let _ = writeln!(out, "    class {} outcome;", outcomes.join(","));
            }
            let unreachable: Vec<String> = (0..guide.questions.len())
                .filter(|&q| !reach_q[q])
                .map(|q| format!("q{q}"))
                .chain(
                    (0..guide.outcomes.len())
                        .filter(|&o| !reach_o[o])
                        .map(|o| format!("o{o}")),
                )
                .collect();
            if !unreachable.is_empty() {
                let _ = writeln!(out, "    class {} unreachable;", unreachable.join(","));
            }
            let dead_ends: Vec<String> = (0..guide.questions.len())
                .filter(|&q| dead(q))
                .map(|q| format!("q{q}"))
                .collect();
            if !dead_ends.is_empty() {
                let _ = writeln!(out, "    class {} deadend;", dead_ends.join(","));
            }
        }
    }
    out
}
