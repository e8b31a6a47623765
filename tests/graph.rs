//! `graph`: DOT that a DOT parser accepts (labels escaped, every edge between declared nodes),
//! Mermaid with quoted labels, and unreachable and dead-end nodes marked.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::collections::HashSet;

fn graph(args: &[&str]) -> String {
    graph_exiting(args, 0)
}

/// Runs `graph`, expecting an exit code: 1 for a guide with errors (the graph is still drawn).
fn graph_exiting(args: &[&str], code: i32) -> String {
    let out = support::cli::run(&[&["graph"], args].concat(), "");
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[derive(Debug, PartialEq)]
enum Tok {
    Id(String),
    Punct(&'static str),
}

/// Tokenises DOT: ids, quoted strings (with escapes; an unclosed string or a raw control
/// character is an error), punctuation.
fn tokens(dot: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = dot.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '"' {
            let mut s = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err("unclosed string".into()),
                    Some('"') => break,
                    Some('\\') => {
                        s.push(*chars.get(i + 1).ok_or("dangling escape")?);
                        i += 2;
                    }
                    Some(c) if c.is_control() => {
                        return Err(format!("control character {c:?} in a string"))
                    }
                    Some(c) => {
                        s.push(*c);
                        i += 1;
                    }
                }
            }
            i += 1;
            out.push(Tok::Id(s));
        } else if c.is_alphanumeric() || c == '_' || c == '.' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.')
            {
                i += 1;
            }
            out.push(Tok::Id(chars[start..i].iter().collect()));
        } else if c == '-' && chars.get(i + 1) == Some(&'>') {
            out.push(Tok::Punct("->"));
            i += 2;
        } else {
            let p = match c {
                '{' => "{",
                '}' => "}",
                '[' => "[",
                ']' => "]",
                ';' => ";",
                ',' => ",",
                '=' => "=",
                other => return Err(format!("unexpected {other:?}")),
            };
            out.push(Tok::Punct(p));
            i += 1;
        }
    }
    Ok(out)
}

/// The declared nodes and the edges of a graph.
type Parsed = (HashSet<String>, Vec<(String, String)>);

/// Parses `digraph ID { stmt* }` where a statement is `ID [attrs];`, `ID -> ID [attrs];`,
/// `node|edge|graph [attrs];` or `ID = ID;`. Returns the declared nodes and the edges.
fn parse(dot: &str) -> Result<Parsed, String> {
    let toks = tokens(dot)?;
    let mut i = 0;
    let id = |i: &mut usize| match toks.get(*i) {
        Some(Tok::Id(s)) => {
            *i += 1;
            Ok(s.clone())
        }
        other => Err(format!("expected an id at token {i}, found {other:?}")),
    };
    let punct = |i: &mut usize, p: &str| match toks.get(*i) {
        Some(Tok::Punct(q)) if *q == p => {
            *i += 1;
            Ok(())
        }
        other => Err(format!("expected {p} at token {i}, found {other:?}")),
    };
    let attrs = |i: &mut usize| -> Result<(), String> {
        if toks.get(*i) != Some(&Tok::Punct("[")) {
            return Ok(());
        }
        *i += 1;
        while toks.get(*i) != Some(&Tok::Punct("]")) {
            id(i)?;
            punct(i, "=")?;
            id(i)?;
            if toks.get(*i) == Some(&Tok::Punct(",")) {
                *i += 1;
            }
        }
        *i += 1;
        Ok(())
    };
    if id(&mut i)? != "digraph" {
        return Err("not a digraph".into());
    }
    if matches!(toks.get(i), Some(Tok::Id(_))) {
        i += 1;
    }
    punct(&mut i, "{")?;
    let (mut nodes, mut edges) = (HashSet::new(), Vec::new());
    while toks.get(i) != Some(&Tok::Punct("}")) {
        let first = id(&mut i)?;
        match toks.get(i) {
            Some(Tok::Punct("->")) => {
                i += 1;
                let to = id(&mut i)?;
                attrs(&mut i)?;
                edges.push((first, to));
            }
            Some(Tok::Punct("=")) => {
                i += 1;
                id(&mut i)?;
            }
            _ => {
                attrs(&mut i)?;
                if !matches!(first.as_str(), "node" | "edge" | "graph") {
                    nodes.insert(first);
                }
            }
        }
        punct(&mut i, ";")?;
    }
    i += 1;
    if i != toks.len() {
        return Err("text after the graph".into());
    }
    Ok((nodes, edges))
}

#[test]
fn dot_of_the_flagship_guide_parses_and_every_edge_joins_declared_nodes() {
    let dot = graph(&[]);
    let (nodes, edges) = parse(&dot).expect("valid DOT");
    let guide = coop_guide::guide::check_path(std::path::Path::new("guides/coop-varieties.ron"))
        .guide
        .expect("the flagship loads");
    assert_eq!((guide.questions.len(), guide.outcomes.len()), (13, 14));
    assert_eq!(nodes.len(), 13 + 14, "questions and outcomes");
    // One edge per place an answer can lead: a conditional link draws one per case, and one
    // for otherwise.
    fn leaves(link: &coop_guide::guide::Link) -> usize {
        match link {
            coop_guide::guide::Link::Branch { cases, otherwise } => {
                cases.iter().map(|c| leaves(&c.next)).sum::<usize>() + leaves(otherwise)
            }
            _ => 1,
        }
    }
    let expected: usize = guide
        .questions
        .iter()
        .flat_map(|q| &q.answers)
        .map(|a| leaves(&a.next))
        .sum();
    assert!(expected > 75, "the flagship has conditional links");
    assert_eq!(edges.len(), expected, "one edge per answer and case");
    for (from, to) in &edges {
        assert!(nodes.contains(from) && nodes.contains(to), "{from} -> {to}");
    }
}

#[test]
fn unreachable_and_dead_end_nodes_are_styled() {
    let dot = graph(&["tests/fixtures/check/G0301-unreachable-question.ron"]);
    parse(&dot).expect("valid DOT");
    assert!(dot.contains("(unreachable)\", style=dashed"), "{dot}");
    // A trap (an error: `graph` draws it and exits 1).
    let dot = graph_exiting(&["tests/fixtures/check/G0214-trapped.ron"], 1);
    assert!(dot.contains("(dead end)\", color=red"), "{dot}");
    let mermaid = graph_exiting(
        &[
            "--format",
            "mermaid",
            "tests/fixtures/check/G0214-trapped.ron",
        ],
        1,
    );
    assert!(mermaid.contains("class q1,q2 deadend;"), "{mermaid}");
}

#[test]
fn a_broken_link_is_a_red_dashed_edge_to_its_missing_id_and_graph_exits_1() {
    let fixture = "tests/fixtures/check/G0203-missing-question.ron";
    let dot = graph_exiting(&[fixture], 1);
    let (nodes, edges) = parse(&dot).expect("valid DOT");
    assert_eq!(
        edges.len(),
        3,
        "every link is drawn, the broken one too: {dot}"
    );
    assert!(nodes.contains("m0"), "{dot}");
    assert!(
        edges.contains(&("q0".to_string(), "m0".to_string())),
        "{dot}"
    );
    assert!(
        dot.contains("m0 [label=\"tow\\n(missing)\", color=red"),
        "{dot}"
    );
    assert!(
        dot.contains("q0 -> m0 [label=\"A\", style=dashed, color=red"),
        "{dot}"
    );
    let mermaid = graph_exiting(&["--format", "mermaid", fixture], 1);
    assert!(mermaid.contains("m0[\"tow (missing)\"]"), "{mermaid}");
    assert!(mermaid.contains("q0 -.->|\"A\"| m0"), "{mermaid}");
    assert!(mermaid.contains("class m0 missing;"), "{mermaid}");
    assert!(mermaid.contains("linkStyle 0 stroke:#c00;"), "{mermaid}");
    // A guide with warnings only exits 0.
    graph(&["tests/fixtures/check/G0304-cycle.ron"]);
}

#[test]
fn hostile_labels_are_escaped() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("hostile.ron");
    let base = std::fs::read_to_string("tests/fixtures/check/base.ron").expect("base");
    let hostile = base.replace(
        "text: \"First?\"",
        "text: \"Quote \\\" brace } arrow -> \\\\ end \\u{1b}[2J <b>#x;</b>\"",
    );
    std::fs::write(&path, hostile).expect("write");
    let dot = graph(&[path.to_str().expect("path")]);
    parse(&dot).expect("valid DOT despite the label");
    assert!(!dot.contains('\u{1b}'));
    let mermaid = graph(&["--format", "mermaid", path.to_str().expect("path")]);
    assert!(!mermaid.contains('\u{1b}'));
    let line = mermaid.lines().find(|l| l.contains("q0[")).expect("q0");
    assert_eq!(line.matches('"').count(), 2, "one quoted label: {line}");
    assert!(line.contains("#lt;b#gt;#35;x;#lt;/b#gt;"), "{line}");
}

#[test]
fn the_parser_rejects_broken_dot() {
    assert!(parse("digraph g { a -> ; }").is_err());
    assert!(parse("digraph g { a [label=\"open] ; }").is_err());
    assert!(parse("digraph g { a [label=\"x\"] }").is_err());
}

#[test]
fn a_conditional_link_draws_one_labelled_dashed_edge_per_case() {
    let dot = graph(&["guides/co-op-pay.ron"]);
    let (nodes, edges) = parse(&dot).expect("valid DOT");
    for (from, to) in &edges {
        assert!(nodes.contains(from) && nodes.contains(to), "{from} -> {to}");
    }
    // "Up to about ten" (question 1) goes to "current" (2) for running co-ops, else to "work" (3).
    assert!(
        dot.contains("q1 -> q2 [label=\"Up to about ten · if stage = running\", style=dashed];"),
        "{dot}"
    );
    assert!(
        dot.contains("q1 -> q3 [label=\"Up to about ten · otherwise\", style=dashed];"),
        "{dot}"
    );
    assert!(
        dot.contains("q1 -> q3 [label=\"More than ten\"];"),
        "a plain link stays plain: {dot}"
    );
    let mermaid = graph(&["--format", "mermaid", "guides/co-op-pay.ron"]);
    assert!(
        mermaid.contains("q1 -.->|\"Up to about ten · if stage = running\"| q2"),
        "{mermaid}"
    );
}
