//! Markdown written from untrusted text keeps the document's structure: whatever a guide, a
//! session note or a group name holds, the Markdown parses (as CommonMark with GitHub's tables,
//! strikethrough, task lists, footnotes and alerts) into exactly the headings, paragraphs and
//! list items the document model holds, with the text read back unchanged.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use coop_guide::guide::text::sanitize;
use coop_guide::report::doc::{joined, Block, Doc, Marker};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a reader of the Markdown sees, block by block: `h2 text`, `p text`, `list bullet`,
/// `item text strong=1 em=2`, `end list`, and `UNEXPECTED …` for anything the document model
/// never writes (code blocks, quotes, rules, tables, HTML, links, inline code…).
fn outline(md: &str) -> Vec<String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    let mut out = Vec::new();
    let mut text: Option<String> = None;
    let (mut strong, mut em) = (0, 0);
    let mut in_item = false;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Heading { .. }) if !in_item => text = Some(String::new()),
            Event::End(TagEnd::Heading(level)) if !in_item => {
                out.push(format!(
                    "h{} {}",
                    level as u8,
                    norm(&text.take().unwrap_or_default())
                ));
            }
            Event::Start(Tag::Paragraph) if !in_item => text = Some(String::new()),
            Event::End(TagEnd::Paragraph) if !in_item => {
                out.push(format!("p {}", norm(&text.take().unwrap_or_default())));
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::List(first)) if !in_item => out.push(match first {
                Some(n) => format!("list {n}"),
                None => "list bullet".to_string(),
            }),
            Event::End(TagEnd::List(_)) if !in_item => out.push("end list".to_string()),
            Event::Start(Tag::Item) if !in_item => {
                in_item = true;
                text = Some(String::new());
                (strong, em) = (0, 0);
            }
            Event::End(TagEnd::Item) => {
                in_item = false;
                let t = norm(&text.take().unwrap_or_default());
                out.push(format!("item {t} strong={strong} em={em}"));
            }
            Event::Start(Tag::Strong) if in_item => strong += 1,
            Event::Start(Tag::Emphasis) if in_item => em += 1,
            Event::End(TagEnd::Strong | TagEnd::Emphasis) if in_item => {}
            Event::Text(t) => match text.as_mut() {
                Some(buf) => buf.push_str(&t),
                None => out.push(format!("UNEXPECTED stray text {t:?}")),
            },
            Event::SoftBreak | Event::HardBreak if text.is_some() => {
                if let Some(buf) = text.as_mut() {
                    buf.push(' ');
                }
            }
            other => out.push(format!("UNEXPECTED {other:?}")),
        }
    }
    out
}

/// Text as a reader sees it: sanitised, whitespace collapsed.
fn norm(text: &str) -> String {
    sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The outline the document model means: what [`outline`] must find in its Markdown.
fn intended(doc: &Doc) -> Vec<String> {
    let mut out = Vec::new();
    // The kind of list open, if any: `None` for bullets, `Some(first)` for numbers.
    let mut open: Option<Option<usize>> = None;
    for block in &doc.blocks {
        if let Block::Paragraph(text) = block {
            if norm(text).is_empty() {
                continue; // writes nothing, so it cannot end a list either
            }
        }
        let kind = match block {
            Block::Item { marker, .. } => Some(match marker {
                Marker::Bullet => None,
                Marker::Number(n) => Some(*n),
            }),
            _ => None,
        };
        let continues = matches!((open, kind), (Some(a), Some(b)) if a.is_none() == b.is_none());
        if open.is_some() && !continues {
            out.push("end list".to_string());
            open = None;
        }
        match block {
            Block::Heading { level, text } => {
                out.push(format!("h{} {}", level.clamp(&1, &6), norm(text)));
            }
            Block::Paragraph(text) => out.extend(
                text.split("\n\n")
                    .map(norm)
                    .filter(|p| !p.is_empty())
                    .map(|p| format!("p {p}")),
            ),
            Block::Item {
                lead, text, note, ..
            } => {
                if open.is_none() {
                    open = kind;
                    out.push(match kind.flatten() {
                        Some(n) => format!("list {n}"),
                        None => "list bullet".to_string(),
                    });
                }
                let (lead, text) = (norm(lead), norm(text));
                let notes: Vec<String> = sanitize(note)
                    .split('\n')
                    .map(norm)
                    .filter(|l| !l.is_empty())
                    .collect();
                let mut all = vec![joined(&lead, &text)];
                all.extend(notes.iter().cloned());
                out.push(format!(
                    "item {} strong={} em={}",
                    norm(&all.join(" ")),
                    usize::from(!lead.is_empty()),
                    notes.len()
                ));
            }
        }
    }
    if open.is_some() {
        out.push("end list".to_string());
    }
    out
}

/// Text meant to restructure a document: block openers, fences, tables, HTML, links,
/// entities, indentation, line breaks, controls and invisible marks.
const FRAGMENTS: &[&str] = &[
    "~~~",
    "```",
    "~~~ rust",
    "1. ",
    "1) ",
    "99. ",
    "2024.",
    "- ",
    "* ",
    "+ ",
    "# ",
    "## ",
    "> ",
    "---",
    "===",
    "***",
    "___",
    "- - -",
    "| a | b |",
    "|---|---|",
    ":-:",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<script>",
    "[x]: http://e",
    "[x]",
    "(http://e)",
    "[^1]: note",
    "[^1]",
    "&amp;",
    "&#x1b;",
    "&#42;",
    "&",
    "    ",
    "\t",
    "\n",
    "\n",
    "\n\n",
    "\n    ",
    "_",
    "*",
    "`",
    "\\",
    "**",
    "![i](u)",
    "<http://e>",
    "- [ ] ",
    "[ ] ",
    "> [!NOTE]",
    "word",
    "two words",
    " ",
    "#",
    "C#",
    " #",
    "a|b",
    "~~x~~",
    "~",
    "\u{200b}",
    "\u{202e}",
    "\u{1b}[2J",
    "é",
    "→ ",
    "(",
    "?",
    ":",
    "!",
    ".",
    "=",
    "+",
    "-",
    "0",
    "$$",
    "{#id}",
    "\u{a0}",
    "\r\n",
    "\u{2028}",
    "\u{feff}",
];

/// A small deterministic generator (xorshift), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn text(&mut self) -> String {
        (0..self.next(9))
            .map(|_| FRAGMENTS[self.next(FRAGMENTS.len())])
            .collect()
    }
}

fn random_doc(rng: &mut Rng) -> Doc {
    let mut doc = Doc::default();
    let mut number = 1;
    for _ in 0..1 + rng.next(12) {
        match rng.next(5) {
            0 => doc.heading(1 + rng.next(4) as u8, rng.text()),
            1 => doc.paragraph(rng.text()),
            2 => {
                let (lead, text, note) = (rng.text(), rng.text(), rng.text());
                doc.item(Marker::Bullet, lead, text, note);
            }
            _ => {
                let (lead, text, note) = (rng.text(), rng.text(), rng.text());
                doc.item(Marker::Number(number), lead, text, note);
                number += 1;
            }
        }
    }
    doc
}

#[test]
fn no_text_can_restructure_a_document() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..3000 {
        let doc = random_doc(&mut rng);
        let md = doc.to_markdown();
        assert_eq!(
            outline(&md),
            intended(&doc),
            "case {case}\n--- document\n{doc:#?}\n--- markdown\n{md}"
        );
    }
}

#[test]
fn each_kind_of_hostile_line_stays_text() {
    for attack in FRAGMENTS.iter().map(|f| f.trim()).filter(|f| !f.is_empty()) {
        let mut doc = Doc::default();
        doc.heading(1, format!("{attack} title"));
        doc.paragraph(format!(
            "{attack}\n\n{attack} after a break\nand {attack}\n{attack}"
        ));
        doc.item(
            Marker::Number(1),
            attack,
            format!("{attack}\n{attack}"),
            format!("{attack}\n{attack}\n\n{attack}"),
        );
        doc.item(Marker::Bullet, "", attack, attack);
        doc.paragraph("The end.");
        let md = doc.to_markdown();
        assert_eq!(outline(&md), intended(&doc), "{attack:?}\n{md}");
    }
}

#[test]
fn a_fence_in_a_paragraph_does_not_swallow_the_rest() {
    let mut doc = Doc::default();
    doc.heading(1, "Hand-out");
    doc.paragraph("~~~\n\n```");
    doc.heading(2, "Your answers");
    doc.item(Marker::Number(1), "Size?", "— small", "Note: ~~~\n```");
    doc.heading(2, "Next steps");
    let md = doc.to_markdown();
    let outline = outline(&md);
    assert_eq!(
        outline,
        [
            "h1 Hand-out",
            "p ~~~",
            "p ```",
            "h2 Your answers",
            "list 1",
            "item Size? — small Note: ~~~ ``` strong=1 em=2",
            "end list",
            "h2 Next steps",
        ],
        "{md}"
    );
}

// End to end: the real binary, a guide whose every text tries to restructure its Markdown, and
// session files whose notes and group names do.

const HOSTILE_GUIDE: &str = "tests/fixtures/hostile/markdown.ron";

/// Counts lines of an outline by their first word.
fn count(outline: &[String], kind: &str) -> usize {
    outline
        .iter()
        .filter(|l| l.split(' ').next() == Some(kind))
        .count()
}

fn unexpected(outline: &[String]) -> Vec<&String> {
    outline
        .iter()
        .filter(|l| l.starts_with("UNEXPECTED"))
        .collect()
}

fn stdout(args: &[&str]) -> String {
    let out = support::cli::run(args, "");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_hostile_guide_renders_as_the_guide_it_is() {
    let md = stdout(&["markdown", HOSTILE_GUIDE]);
    let o = outline(&md);
    assert!(unexpected(&o).is_empty(), "{:?}\n{md}", unexpected(&o));
    // Title; Questions, Q1, Q2; Outcomes, two outcomes; Test cases.
    assert_eq!(
        ["h1", "h2", "h3"].map(|h| count(&o, h)),
        [1, 3, 4],
        "{o:#?}"
    );
    // The summary line, the intro's three paragraphs, the first outcome's summary in two
    // paragraphs, the second's in one.
    assert_eq!(count(&o, "p"), 7, "{o:#?}");
    // Q1: why, notes, two answers; Q2: why, one answer; outcomes: fits, pro, con, example,
    // step and related, then pro and con; one test case.
    assert_eq!(count(&o, "item"), 15, "{o:#?}");
    assert_eq!(o[0], "h1 ~~~ Guide # =", "{o:#?}");
    assert!(o.contains(&"p ~~~".to_string()), "{o:#?}");
    assert!(
        o.contains(&"h3 Q1 1. Who --- decides? · > Section".to_string()),
        "{o:#?}"
    );
}

#[test]
fn a_hostile_walk_result_keeps_its_structure() {
    // Both questions answered with their first answer: the walk ends at the first outcome.
    let out = support::cli::run(&["play", HOSTILE_GUIDE, "--output", "md"], "1\n1\n\n");
    let md = String::from_utf8_lossy(&out.stdout);
    let o = outline(&md);
    assert!(!md.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(unexpected(&o).is_empty(), "{:?}\n{md}", unexpected(&o));
    assert_eq!(count(&o, "h1"), 1, "{o:#?}");
    assert!(o.iter().any(|l| l == "h1 ~~~ Outcome | one"), "{o:#?}");
}

/// Writes a session of the decision-making guide with a group name and one note.
fn session(dir: &std::path::Path, name: &str, group: &str, note: &str) -> String {
    let path = dir.join(name);
    let quoted = |s: &str| {
        format!(
            "\"{}\"",
            coop_guide::guide::text::escape_quoted(s).replace('\u{1b}', "\\u{1b}")
        )
    };
    let text = format!(
        "Session(format: 1, guide: \"decision-making\", group: {}, \
         answers: [(\"size\", \"small\"), (\"pace\", \"fast\")], \
         notes: [(\"size\", {}), (\"pace\", {})])",
        quoted(group),
        quoted(note),
        quoted(note)
    );
    std::fs::write(&path, text).expect("write session");
    path.display().to_string()
}

const HOSTILE_NOTE: &str = "~~~\nWe said:\n1. slow\n---\n===\n> quoted\n    indented\n# heading\n| a | b |\n|---|---|\n_under_ *star*\n\n```";

#[test]
fn hostile_notes_keep_a_handout_in_shape() {
    let dir = tempfile::tempdir().expect("temp");
    let a = session(dir.path(), "a.ron", "## Alpha\n---", HOSTILE_NOTE);
    let md = stdout(&["report", "--guide", support::DECISION, "--format", "md", &a]);
    let o = outline(&md);
    assert!(unexpected(&o).is_empty(), "{:?}\n{md}", unexpected(&o));
    assert_eq!(
        o[0], "h1 ## Alpha --- — How should our group make decisions?",
        "{md}"
    );
    // Two answers on the path, each a numbered item whose note holds every line of the note,
    // each line emphasised on its own.
    let noted: Vec<&String> = o.iter().filter(|l| l.contains("Note: ")).collect();
    assert_eq!(noted.len(), 2, "{o:#?}");
    for a in noted {
        assert!(
            a.ends_with(
                "Note: ~~~ We said: 1. slow --- === > quoted indented # heading | a | b | \
                 |---|---| _under_ *star* ``` strong=1 em=12"
            ),
            "{a}\n{md}"
        );
    }
    // The result that follows the answers is all there: its headings were not swallowed.
    assert!(count(&o, "h2") >= 2, "{o:#?}");
    assert!(o.iter().any(|l| l.starts_with("h2 Consent")), "{o:#?}");
}

#[test]
fn hostile_notes_keep_a_comparison_in_shape() {
    let dir = tempfile::tempdir().expect("temp");
    let a = session(dir.path(), "a.ron", "Alpha", HOSTILE_NOTE);
    let b = session(dir.path(), "b.ron", "> Beta\n1. x", "plain note");
    let md = stdout(&[
        "report",
        "--guide",
        support::DECISION,
        "--format",
        "md",
        &a,
        &b,
    ]);
    let o = outline(&md);
    assert!(unexpected(&o).is_empty(), "{:?}\n{md}", unexpected(&o));
    assert_eq!(count(&o, "h1"), 1, "{o:#?}");
    // Outcomes, by question, notes side by side.
    assert_eq!(count(&o, "h2"), 3, "{o:#?}");
    assert!(
        o.contains(
            &"item Alpha: ~~~ We said: 1. slow --- === > quoted indented # heading | a | b | \
              |---|---| _under_ *star* ``` strong=1 em=0"
                .to_string()
        ),
        "{o:#?}\n{md}"
    );
    assert!(
        o.contains(&"item > Beta 1. x: plain note strong=1 em=0".to_string()),
        "{o:#?}\n{md}"
    );
}
