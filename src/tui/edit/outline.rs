//! The outline as the editor holds it: the rows of [`report::outline`](crate::report::outline)
//! (sanitised for the screen), with what depends on the group's earlier answers written out
//! under each answer, and a key per row that survives a reload, so the selection stays on the
//! same node when the file changes around it.
//!
//! Under an answer offered only to some groups comes `only if stage = running`; under an answer
//! whose link is conditional comes one row per case, `if size = few  → current`, then
//! `otherwise  → work` (nested cases deeper still). Conditions are written by ids, as the file
//! has them, so each row fits on one line of a narrow pane; their targets are checked as the
//! answer's are (`✗` when they name nothing).
//!
//! While the file has errors the outline shows the last good version. Two things carry the file
//! as it is over to it: [`Outline::relocate`] puts each row at its node's line in the file now
//! (found by ids in [`Places`]), and [`Outline::mark_broken`] marks the links that are broken
//! now — also those of answers the last good version does not have, which are added under
//! their question.

use super::places::Places;
use crate::guide::condition::describe_ids;
use crate::guide::text::sanitize_line;
use crate::guide::{Guide, Link, Source};
use crate::report::outline::{outline, Mark, Row, RowKind};

/// A node of the outline by its ids rather than its position.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NodeKey {
    /// A section heading, by name.
    Section(String),
    /// A question, by id.
    Question(String),
    /// An answer: question id, answer id.
    Answer(String, String),
    /// A part of an answer shown on a row of its own: question id, answer id, and the part's
    /// path in the answer (`when`, `next.cases[0]`, `next.otherwise`, `next.cases[0].next...`).
    Part(String, String, String),
    /// The outcomes' heading.
    Outcomes,
    /// An outcome, by id.
    Outcome(String),
}

impl NodeKey {
    /// The node this one is written in: an answer's question, a part's answer.
    pub fn parent(&self) -> Option<NodeKey> {
        match self {
            NodeKey::Answer(q, _) => Some(NodeKey::Question(q.clone())),
            NodeKey::Part(q, a, _) => Some(NodeKey::Answer(q.clone(), a.clone())),
            _ => None,
        }
    }

    /// True when this node is `other` or is written inside it.
    pub fn within(&self, other: &NodeKey) -> bool {
        self == other || self.parent().is_some_and(|p| p.within(other))
    }
}

/// The rows of one version of the guide, each with its key.
///
/// A row added by [`Outline::mark_broken`] for an answer the version on show does not have is
/// of kind [`RowKind::Answer`] with its question's position and an answer position past the
/// end of that question's answers: it belongs to the question, and names no answer of this
/// version.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    rows: Vec<Row>,
    keys: Vec<NodeKey>,
}

impl Outline {
    /// Builds the outline of a guide (one with errors too) from its source.
    pub fn build(guide: &Guide, source: &Source) -> Outline {
        let mut out = Outline::default();
        for mut row in outline(guide, source) {
            row.text = sanitize_line(&row.text);
            row.target = sanitize_line(&row.target);
            let key = key(guide, row.kind, &row.text);
            let kind = row.kind;
            out.rows.push(row);
            out.keys.push(key);
            if let RowKind::Answer(q, a) = kind {
                out.parts(guide, q, a);
            }
        }
        out
    }

    /// The rows for the parts of answer `a` of question `q` that depend on earlier answers.
    fn parts(&mut self, guide: &Guide, q: usize, a: usize) {
        let question = &guide.questions[q];
        let answer = &question.answers[a];
        let mut push = |depth: u8, path: String, text: String, (target, mark): (String, Mark)| {
            self.rows.push(Row {
                kind: RowKind::Answer(q, a),
                depth,
                text: sanitize_line(&text),
                target: sanitize_line(&target),
                line: 0,
                mark,
            });
            self.keys
                .push(NodeKey::Part(question.id.clone(), answer.id.clone(), path));
        };
        if let Some(when) = &answer.when {
            push(
                3,
                "when".into(),
                format!("only if {}", describe_ids(when)),
                (String::new(), Mark::Fine),
            );
        }
        branch(guide, &answer.next, "next", 3, &mut push);
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

    /// The row of a node, or of the nearest node it is written in (a part's answer, an
    /// answer's question) that the outline has.
    pub fn find_nearest(&self, key: &NodeKey) -> Option<usize> {
        self.find(key).or_else(|| self.find_nearest(&key.parent()?))
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

    /// Puts each row at the line its node has in the file now: a node the file no longer has
    /// takes the line of the node it was written in, if that is still there; a heading takes
    /// the line of the node after it.
    pub fn relocate(&mut self, places: &Places) {
        for (row, key) in self.rows.iter_mut().zip(&self.keys) {
            let mut at = Some(key.clone());
            while let Some(key) = at {
                if let Some(line) = places.line(&key) {
                    row.line = line;
                    break;
                }
                at = key.parent();
            }
        }
        for i in (0..self.rows.len()).rev() {
            if matches!(self.rows[i].kind, RowKind::Section | RowKind::Outcomes) {
                if let Some(next) = self.rows.get(i + 1).map(|r| r.line) {
                    self.rows[i].line = next;
                }
            }
        }
    }

    /// Marks on this outline the links that are broken in `now`, the outline of the file as it
    /// is (which has errors): a row `now` marks `✗` is marked here too, with what it names; a
    /// broken row this outline does not have is added after the rows of the node it is written
    /// in (when that node is here).
    pub fn mark_broken(&mut self, now: &Outline) {
        for (row, key) in now.rows.iter().zip(&now.keys) {
            if row.mark != Mark::Broken || !matches!(row.kind, RowKind::Answer(..)) {
                continue;
            }
            if let Some(at) = self.find(key) {
                self.rows[at].mark = Mark::Broken;
                self.rows[at].target = row.target.clone();
                continue;
            }
            let Some(parent) = key.parent() else {
                continue;
            };
            let Some(first) = self.find(&parent) else {
                continue;
            };
            let kind = match self.rows[first].kind {
                RowKind::Question(q) => RowKind::Answer(q, usize::MAX),
                other => other,
            };
            let last = (first..self.rows.len())
                .take_while(|&i| self.keys[i].within(&parent))
                .last()
                .unwrap_or(first);
            self.rows.insert(
                last + 1,
                Row {
                    kind,
                    ..row.clone()
                },
            );
            self.keys.insert(last + 1, key.clone());
        }
    }
}

/// Where a link leads, as a row's target: `→ question`, `⇒ outcome`, `⇢ a | b` for a
/// conditional link; `✗ id` (and the broken mark) when it names nothing.
fn leads(guide: &Guide, link: &Link) -> (String, Mark) {
    match link {
        Link::Goto(id) if guide.index.question(id).is_some() => (format!("→ {id}"), Mark::Fine),
        Link::End(id) if guide.index.outcome(id).is_some() => (format!("⇒ {id}"), Mark::Fine),
        Link::Goto(id) | Link::End(id) => (format!("✗ {id}"), Mark::Broken),
        Link::Branch { .. } => (format!("⇢ {}", link.ids().join(" | ")), Mark::Fine),
    }
}

/// The rows of a conditional link: each case, then `otherwise`, each followed by the rows of
/// its own link when that is conditional too.
fn branch(
    guide: &Guide,
    link: &Link,
    path: &str,
    depth: u8,
    push: &mut dyn FnMut(u8, String, String, (String, Mark)),
) {
    let Link::Branch { cases, otherwise } = link else {
        return;
    };
    for (k, case) in cases.iter().enumerate() {
        let part = format!("{path}.cases[{k}]");
        push(
            depth,
            part.clone(),
            format!("if {}", describe_ids(&case.when)),
            leads(guide, &case.next),
        );
        branch(
            guide,
            &case.next,
            &format!("{part}.next"),
            depth.saturating_add(1),
            push,
        );
    }
    let part = format!("{path}.otherwise");
    push(
        depth,
        part.clone(),
        "otherwise".into(),
        leads(guide, otherwise),
    );
    branch(guide, otherwise, &part, depth.saturating_add(1), push);
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

    fn checked(path: &str) -> (Guide, Source) {
        let checked = check_path(Path::new(path));
        (checked.guide.expect("usable"), checked.source)
    }

    #[test]
    fn section_headings_preview_their_first_question() {
        let (guide, source) = checked("guides/decision-making.ron");
        let outline = Outline::build(&guide, &source);
        assert_eq!(outline.question_of(0), Some(0));
        let outcomes = outline.find(&NodeKey::Outcomes).expect("heading");
        assert_eq!(outline.question_of(outcomes), None);
    }

    #[test]
    fn conditional_links_and_answers_are_written_out_under_the_answer() {
        let (guide, source) = checked("guides/co-op-pay.ron");
        let outline = Outline::build(&guide, &source);
        let text = |key: NodeKey| {
            let row = &outline.rows()[outline.find(&key).expect("row")];
            (row.depth, row.text.clone(), row.target.clone())
        };
        let part = |a: &str, path: &str| NodeKey::Part("size".into(), a.into(), path.into());
        assert_eq!(
            text(part("few", "next.cases[0]")),
            (3, "if stage = running".into(), "→ current".into())
        );
        assert_eq!(
            text(part("few", "next.otherwise")),
            (3, "otherwise".into(), "→ work".into())
        );
        let answer = outline
            .find(&NodeKey::Answer("size".into(), "few".into()))
            .expect("answer");
        assert_eq!(
            outline.key(answer + 1),
            Some(&part("few", "next.cases[0]")),
            "right under it"
        );
        let (depth, only, _) = text(NodeKey::Part(
            "difference".into(),
            "keep-scale".into(),
            "when".into(),
        ));
        assert_eq!((depth, only.as_str()), (3, "only if stage = running"));
    }

    #[test]
    fn broken_links_of_the_file_now_are_marked_on_the_last_good_outline() {
        let (guide, source) = checked("guides/decision-making.ron");
        let mut good = Outline::build(&guide, &source);
        let now_text = source.text.replacen("Goto(\"pace\")", "Goto(\"paec\")", 1).replacen(
            "                Answer(\n                    id: \"large\",",
            "                Answer(id: \"huge\", label: \"Hundreds\", next: End(\"nowhere\")),\n                Answer(\n                    id: \"large\",",
            1,
        );
        let now_source = Source::new("g.ron", now_text);
        let now = crate::guide::load::parse_lenient(&now_source).expect("parses");
        good.mark_broken(&Outline::build(&now, &now_source));
        let small = good
            .find(&NodeKey::Answer("size".into(), "small".into()))
            .expect("small");
        assert_eq!(good.rows()[small].mark, Mark::Broken);
        assert_eq!(good.rows()[small].target, "✗ paec");
        let huge = good
            .find(&NodeKey::Answer("size".into(), "huge".into()))
            .expect("the new answer is added");
        assert_eq!(good.rows()[huge].target, "✗ nowhere");
        assert_eq!(good.rows()[huge].text, "Hundreds");
        assert_eq!(good.question_of(huge), Some(0));
        assert_eq!(
            good.key(huge + 1),
            Some(&NodeKey::Section("How you work".into())),
            "after the question's last answer"
        );
    }
}
