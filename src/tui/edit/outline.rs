//! The outline as the editor holds it: the rows of [`report::outline`](crate::report::outline)
//! (sanitised for the screen), where each node ends in the file, and a key per row that survives
//! a reload, so the selection stays on the same node when the file changes around it.

use crate::guide::text::sanitize_line;
use crate::guide::{Guide, Source};
use crate::report::outline::{outline, Row, RowKind};

/// A node of the outline by its ids rather than its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKey {
    /// A section heading, by name.
    Section(String),
    /// A question, by id.
    Question(String),
    /// An answer: question id, answer id.
    Answer(String, String),
    /// The outcomes' heading.
    Outcomes,
    /// An outcome, by id.
    Outcome(String),
}

/// The rows of one version of the guide, with the lines each node spans.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    rows: Vec<Row>,
    /// First and last line of each row's node; `None` for headings.
    extents: Vec<Option<(usize, usize)>>,
    keys: Vec<NodeKey>,
}

impl Outline {
    /// Builds the outline of a guide (one with errors too) from its source.
    pub fn build(guide: &Guide, source: &Source) -> Outline {
        let mut rows = outline(guide, source);
        for row in &mut rows {
            row.text = sanitize_line(&row.text);
            row.target = sanitize_line(&row.target);
        }
        let paths: Vec<String> = rows.iter().filter_map(|r| path(r.kind)).collect();
        let spans = source.locate(paths.iter().map(String::as_str));
        let extents = rows
            .iter()
            .map(|r| {
                let span = spans.get(&path(r.kind)?)?;
                let first = source.line_col(span.start).line;
                let last = source
                    .line_col(span.end.saturating_sub(1).max(span.start))
                    .line;
                Some((first, last.max(first)))
            })
            .collect();
        let keys = rows.iter().map(|r| key(guide, r.kind, &r.text)).collect();
        Outline {
            rows,
            extents,
            keys,
        }
    }

    /// The rows, in order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The key of a row.
    pub fn key(&self, row: usize) -> Option<&NodeKey> {
        self.keys.get(row)
    }

    /// The row with this key, if the node still exists.
    pub fn find(&self, key: &NodeKey) -> Option<usize> {
        self.keys.iter().position(|k| k == key)
    }

    /// The innermost node whose text spans `line`: an answer rather than its question.
    pub fn row_at_line(&self, line: usize) -> Option<usize> {
        self.extents
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.map(|(first, last)| (i, first, last)))
            .filter(|&(_, first, last)| first <= line && line <= last)
            .max_by_key(|&(i, first, _)| (first, i))
            .map(|(i, _, _)| i)
    }

    /// The row of a question.
    pub fn question_row(&self, question: usize) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| r.kind == RowKind::Question(question))
    }

    /// The row of an outcome.
    pub fn outcome_row(&self, outcome: usize) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| r.kind == RowKind::Outcome(outcome))
    }

    /// The question a row belongs to: its own, its answer's, or for a section heading the
    /// first question under it. `None` for outcomes.
    pub fn question_of(&self, row: usize) -> Option<usize> {
        match self.rows.get(row)?.kind {
            RowKind::Question(q) | RowKind::Answer(q, _) => Some(q),
            RowKind::Section => self.rows[row..].iter().find_map(|r| match r.kind {
                RowKind::Question(q) => Some(q),
                _ => None,
            }),
            RowKind::Outcomes | RowKind::Outcome(_) => None,
        }
    }
}

/// The value path of a node, as [`Source::locate`] reads it.
fn path(kind: RowKind) -> Option<String> {
    match kind {
        RowKind::Question(q) => Some(format!("questions[{q}]")),
        RowKind::Answer(q, a) => Some(format!("questions[{q}].answers[{a}]")),
        RowKind::Outcome(o) => Some(format!("outcomes[{o}]")),
        RowKind::Section | RowKind::Outcomes => None,
    }
}

fn key(guide: &Guide, kind: RowKind, text: &str) -> NodeKey {
    match kind {
        RowKind::Section => NodeKey::Section(text.to_string()),
        RowKind::Question(q) => NodeKey::Question(guide.questions[q].id.clone()),
        RowKind::Answer(q, a) => NodeKey::Answer(
            guide.questions[q].id.clone(),
            guide.questions[q].answers[a].id.clone(),
        ),
        RowKind::Outcomes => NodeKey::Outcomes,
        RowKind::Outcome(o) => NodeKey::Outcome(guide.outcomes[o].id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::check_path;
    use std::path::Path;

    fn decision() -> (Guide, Source) {
        let checked = check_path(Path::new("guides/decision-making.ron"));
        (checked.guide.expect("usable"), checked.source)
    }

    #[test]
    fn a_line_inside_an_answer_finds_the_answer_not_its_question() {
        let (guide, source) = decision();
        let outline = Outline::build(&guide, &source);
        let line = source
            .text
            .lines()
            .position(|l| l.contains("Goto(\"pace\")"))
            .expect("the link")
            + 1;
        let row = outline.row_at_line(line).expect("a row");
        assert_eq!(
            outline.key(row),
            Some(&NodeKey::Answer("size".into(), "small".into()))
        );
        assert_eq!(
            outline.row_at_line(3),
            None,
            "the guide's header is no node"
        );
    }

    #[test]
    fn section_headings_preview_their_first_question() {
        let (guide, source) = decision();
        let outline = Outline::build(&guide, &source);
        assert_eq!(outline.question_of(0), Some(0));
        let outcomes = outline.find(&NodeKey::Outcomes).expect("heading");
        assert_eq!(outline.question_of(outcomes), None);
    }
}
