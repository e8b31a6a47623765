//! The outline of a guide: sections, questions, their answers with where they lead, outcomes —
//! each row with its line in the file and a mark for unreachable, dead-end or broken nodes.
//!
//! The editor shows it as a list; selecting a row previews from its question or opens the
//! file at its line.

use crate::guide::{Guide, Link, Source, Target};

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A section heading (the first question of a run of questions in that section).
    Section,
    /// A question (position in the guide).
    Question(usize),
    /// An answer: question and answer positions.
    Answer(usize, usize),
    /// The outcomes' heading.
    Outcomes,
    /// An outcome (position in the guide).
    Outcome(usize),
}

/// What is wrong with a row's node, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Nothing.
    Fine,
    /// No path from the start reaches it.
    Unreachable,
    /// No outcome can be reached from it.
    DeadEnd,
    /// A link that names nothing.
    Broken,
}

/// One row of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row is.
    pub kind: RowKind,
    /// Indentation level.
    pub depth: u8,
    /// The text shown.
    pub text: String,
    /// Where an answer leads, as text (`→ question-id`, `⇒ outcome-id`).
    pub target: String,
    /// 1-based line in the file (0 when unknown).
    pub line: usize,
    /// What is wrong, if anything.
    pub mark: Mark,
}

/// Builds the outline. Works on guides with errors too (from a lenient parse).
pub fn outline(guide: &Guide, source: &Source) -> Vec<Row> {
    let (reach_q, reach_o) = guide.index.reachable(guide.outcomes.len());
    let mut paths: Vec<String> = Vec::new();
    for (q, question) in guide.questions.iter().enumerate() {
        paths.push(format!("questions[{q}]"));
        for a in 0..question.answers.len() {
            paths.push(format!("questions[{q}].answers[{a}]"));
        }
    }
    paths.extend((0..guide.outcomes.len()).map(|o| format!("outcomes[{o}]")));
    let spans = source.locate(paths.iter().map(String::as_str));
    let line_of = |path: String| {
        spans
            .get(&path)
            .map_or(0, |s| source.line_col(s.start).line)
    };

    let mut rows = Vec::new();
    let mut section: Option<&str> = None;
    for (q, question) in guide.questions.iter().enumerate() {
        if section != Some(question.section.as_str()) && !question.section.is_empty() {
            rows.push(Row {
                kind: RowKind::Section,
                depth: 0,
                text: question.section.clone(),
                target: String::new(),
                line: line_of(format!("questions[{q}]")),
                mark: Mark::Fine,
            });
        }
        section = Some(question.section.as_str());
        let mark = if !reach_q.get(q).copied().unwrap_or(false) {
            Mark::Unreachable
        } else if guide.index.questions_left(q).is_none() {
            Mark::DeadEnd
        } else {
            Mark::Fine
        };
        rows.push(Row {
            kind: RowKind::Question(q),
            depth: 1,
            text: format!("{}  {}", question.id, question.text),
            target: String::new(),
            line: line_of(format!("questions[{q}]")),
            mark,
        });
        for (a, answer) in question.answers.iter().enumerate() {
            let leaves = guide.index.leaves(q, a);
            let ids = answer.next.ids();
            let broken = leaves
                .iter()
                .zip(&ids)
                .find(|(t, _)| **t == Target::Missing);
            let (target, mark) = match (leaves.as_slice(), &answer.next, broken) {
                ([Target::Question(_)], Link::Goto(id), _) => (format!("→ {id}"), Mark::Fine),
                ([Target::Outcome(_)], Link::End(id), _) => (format!("⇒ {id}"), Mark::Fine),
                (_, Link::Branch { .. }, None) => (format!("⇢ {}", ids.join(" | ")), Mark::Fine),
                (_, _, Some((_, id))) => (format!("✗ {id}"), Mark::Broken),
                (_, link, None) => (format!("✗ {}", link.target().unwrap_or("")), Mark::Broken),
            };
            rows.push(Row {
                kind: RowKind::Answer(q, a),
                depth: 2,
                text: answer.label.clone(),
                target,
                line: line_of(format!("questions[{q}].answers[{a}]")),
                mark,
            });
        }
    }
    if !guide.outcomes.is_empty() {
        rows.push(Row {
            kind: RowKind::Outcomes,
            depth: 0,
            text: String::new(),
            target: String::new(),
            line: line_of("outcomes[0]".to_string()),
            mark: Mark::Fine,
        });
    }
    for (o, outcome) in guide.outcomes.iter().enumerate() {
        rows.push(Row {
            kind: RowKind::Outcome(o),
            depth: 1,
            text: format!("{}  {}", outcome.id, outcome.title),
            target: String::new(),
            line: line_of(format!("outcomes[{o}]")),
            mark: if reach_o.get(o).copied().unwrap_or(false) {
                Mark::Fine
            } else {
                Mark::Unreachable
            },
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::load::parse_lenient;

    #[test]
    fn rows_carry_lines_targets_and_marks() {
        let text = std::fs::read_to_string("tests/fixtures/check/G0203-missing-question.ron")
            .expect("fixture");
        let source = Source::new("f.ron", text);
        let guide = parse_lenient(&source).expect("parses");
        let rows = outline(&guide, &source);
        let q0 = rows
            .iter()
            .find(|r| r.kind == RowKind::Question(0))
            .expect("q0");
        assert_eq!(q0.line, 8);
        let broken = rows
            .iter()
            .find(|r| r.kind == RowKind::Answer(0, 0))
            .expect("answer");
        assert_eq!(
            (broken.mark, broken.target.as_str(), broken.line),
            (Mark::Broken, "✗ tow", 13)
        );
        let two = rows
            .iter()
            .find(|r| r.kind == RowKind::Question(1))
            .expect("q1");
        assert_eq!(two.mark, Mark::Unreachable);
        let done = rows
            .iter()
            .find(|r| r.kind == RowKind::Outcome(0))
            .expect("outcome");
        assert_eq!((done.mark, done.line), (Mark::Fine, 27));
    }
}
