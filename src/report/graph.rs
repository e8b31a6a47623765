//! The whole guide as a graph, for Graphviz (DOT) or Mermaid.
//!
//! Questions are boxes, outcomes are rounded and filled, edges carry answer labels. A
//! conditional link draws one dashed edge per case, labelled with the case's condition (by ids:
//! `if country = uk`), and one for `otherwise`. Questions and outcomes no path reaches are
//! dashed and labelled "unreachable"; questions from which no outcome can be reached are drawn
//! in red and labelled "dead end"; a link that names nothing is a red dashed edge to a red node
//! labelled with the missing id. Node names are generated (`q0`, `o3`, `m1`), never taken from
//! ids, and every label is escaped for its format, so no text in a guide can break out of a
//! label.

use std::fmt::Write as _;

use crate::guide::condition::describe_ids;
use crate::guide::index::Route;
use crate::guide::text::{escape_quoted, sanitize_line};
use crate::guide::validate::validate;
use crate::guide::{Guide, Link, Severity, Target};

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

/// What kind of edge a link is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A plain link.
    Plain,
    /// A case or the `otherwise` of a conditional link.
    Conditional,
    /// A link to an id that names nothing.
    Broken,
}

/// One edge: generated node names, label, kind.
struct Edge {
    from: String,
    to: String,
    label: String,
    kind: Kind,
}

/// Every link, and the ids that name nothing (`m0`, `m1`… in order).
fn edges(guide: &Guide) -> (Vec<Edge>, Vec<String>) {
    fn leaves(
        guide: &Guide,
        link: &Link,
        route: Route,
        when: Option<String>,
        out: &mut Vec<(Option<String>, Target, String)>,
    ) {
        match (link, route) {
            (Link::Branch { cases, otherwise }, Route::Branch(b)) => {
                let Some(node) = guide.index.branch(b) else {
                    return;
                };
                let join = |more: String| match &when {
                    Some(outer) => format!("{outer}, then {more}"),
                    None => more,
                };
                for (case, &(_, next)) in cases.iter().zip(&node.cases) {
                    let label = join(format!("if {}", describe_ids(&case.when)));
                    leaves(guide, &case.next, next, Some(label), out);
                }
                leaves(
                    guide,
                    otherwise,
                    node.otherwise,
                    Some(join("otherwise".into())),
                    out,
                );
            }
            (link, route) => {
                let id = link.target().unwrap_or_default().to_string();
                out.push((when, route.target().unwrap_or(Target::Missing), id));
            }
        }
    }
    let mut edges = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    for (i, q) in guide.questions.iter().enumerate() {
        for (a, answer) in q.answers.iter().enumerate() {
            let mut found = Vec::new();
            leaves(
                guide,
                &answer.next,
                guide.index.route(i, a),
                None,
                &mut found,
            );
            for (when, target, id) in found {
                let (to, kind) = match target {
                    Target::Question(n) => (format!("q{n}"), Kind::Plain),
                    Target::Outcome(o) => (format!("o{o}"), Kind::Plain),
                    Target::Missing => {
                        let m = missing.iter().position(|x| *x == id).unwrap_or_else(|| {
                            missing.push(id.clone());
                            missing.len() - 1
                        });
                        (format!("m{m}"), Kind::Broken)
                    }
                };
                let kind = match (kind, &when) {
                    (Kind::Plain, Some(_)) => Kind::Conditional,
                    (kind, _) => kind,
                };
                let label = match when {
                    Some(when) => format!("{} · {}", short(&answer.label), short(&when)),
                    None => short(&answer.label),
                };
                edges.push(Edge {
                    from: format!("q{i}"),
                    to,
                    label,
                    kind,
                });
            }
        }
    }
    (edges, missing)
}

/// True when the guide drawn has errors: `graph` still draws it, and exits with 1.
pub fn has_errors(guide: &Guide) -> bool {
    validate(&mut guide.clone())
        .iter()
        .any(|d| d.severity() == Severity::Error)
}

/// Renders the guide as a graph.
pub fn render(guide: &Guide, format: GraphFormat) -> String {
    match format {
        GraphFormat::Dot => dot(guide),
        GraphFormat::Mermaid => mermaid(guide),
    }
}

/// The graph in Graphviz's DOT.
fn dot(guide: &Guide) -> String {
    let (reach_q, reach_o) = guide.index.reachable(guide.outcomes.len());
    let dead = |q: usize| reach_q[q] && guide.index.questions_left(q).is_none();
    let mut out = String::new();
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
    let (edges, missing) = edges(guide);
    for (m, id) in missing.iter().enumerate() {
        let label = format!("{}\n(missing)", short(id));
        let _ = writeln!(
            out,
            "    m{m} [label=\"{}\", color=red, fontcolor=red, style=dashed];",
            escape_quoted(&label)
        );
    }
    for e in edges {
        let style = match e.kind {
            Kind::Plain => "",
            Kind::Conditional => ", style=dashed",
            Kind::Broken => ", style=dashed, color=red, fontcolor=red",
        };
        let _ = writeln!(
            out,
            "    {} -> {} [label=\"{}\"{style}];",
            e.from,
            e.to,
            escape_quoted(&e.label)
        );
    }
    let _ = writeln!(out, "}}");
    out
}

/// The graph as a Mermaid flowchart.
fn mermaid(guide: &Guide) -> String {
    let (reach_q, reach_o) = guide.index.reachable(guide.outcomes.len());
    let dead = |q: usize| reach_q[q] && guide.index.questions_left(q).is_none();
    let mut out = String::new();
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
    let (edges, missing) = edges(guide);
    for (m, id) in missing.iter().enumerate() {
        let label = format!("{} (missing)", short(id));
        let _ = writeln!(out, "    m{m}[\"{}\"]", mermaid_escape(&label));
    }
    let mut broken = Vec::new();
    for (n, e) in edges.iter().enumerate() {
        if e.kind == Kind::Broken {
            broken.push(n.to_string());
        }
        let arrow = match e.kind {
            Kind::Plain => "-->",
            Kind::Conditional | Kind::Broken => "-.->",
        };
        let _ = writeln!(
            out,
            "    {} {arrow}|\"{}\"| {}",
            e.from,
            mermaid_escape(&e.label),
            e.to
        );
    }
    let _ = writeln!(out, "    classDef outcome fill:#e8f4e8,stroke:#4a4;");
    let _ = writeln!(
        out,
        "    classDef unreachable stroke-dasharray: 5 5,color:#888;"
    );
    let _ = writeln!(out, "    classDef deadend stroke:#c00,stroke-width:2px;");
    let _ = writeln!(
        out,
        "    classDef missing stroke:#c00,color:#c00,stroke-dasharray: 5 5;"
    );
    if !missing.is_empty() {
        let names: Vec<String> = (0..missing.len()).map(|m| format!("m{m}")).collect();
        let _ = writeln!(out, "    class {} missing;", names.join(","));
        let _ = writeln!(out, "    linkStyle {} stroke:#c00;", broken.join(","));
    }
    let outcomes: Vec<String> = (0..guide.outcomes.len()).map(|o| format!("o{o}")).collect();
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
    out
}
