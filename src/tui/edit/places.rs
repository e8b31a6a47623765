//! Where each node of the guide is in the file as it is now, found by its ids.
//!
//! The outline may show an older version of the guide than the file (its last good version,
//! while the file has errors), so its lines can be out of date: a problem's line names no row,
//! and a row's line is not where the node is any more. Places are read from the file as it is,
//! through the reader's syntax tree, which a file with errors has too: questions, answers and
//! outcomes by id, and the parts of an answer the outline shows (its condition, the cases of a
//! conditional link) by their path in the answer. The outline and the problems meet through
//! these keys, never through line numbers.

use std::collections::HashMap;

use super::outline::NodeKey;
use crate::guide::source::{Source, Span};
use crate::guide::syntax::tree::Kind;
use crate::guide::syntax::{self, NodeId, Problems, Tree};
use crate::guide::text::{has_unsafe, sanitize_line};

/// The nodes of one reading of the file, with their spans.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Every node found, by where it starts (a node before the nodes inside it).
    spans: Vec<(NodeKey, Span)>,
    /// First line of each node (the first one written, when an id is used twice).
    lines: HashMap<NodeKey, usize>,
}

impl Places {
    /// Finds the nodes in a file's text. Nothing here fails: what cannot be read is left out.
    pub fn read(source: &Source) -> Places {
        let text = source.text.as_str();
        if text.trim().is_empty() {
            return Places::default();
        }
        let tree = syntax::parser::parse(text, &mut Problems::new(0)).tree;
        let mut spans: Vec<(NodeKey, Span)> = Vec::new();
        let reader = Reader { text, tree: &tree };
        let Some(root) = tree.find(text, "") else {
            return Places::default();
        };
        for question in reader.list(root, "questions") {
            let Some(q) = reader.id(question) else {
                continue;
            };
            spans.push((NodeKey::Question(q.clone()), tree.span(question)));
            for answer in reader.list(question, "answers") {
                let Some(a) = reader.id(answer) else {
                    continue;
                };
                spans.push((NodeKey::Answer(q.clone(), a.clone()), tree.span(answer)));
                let mut part = |path: String, span: Span| {
                    spans.push((NodeKey::Part(q.clone(), a.clone(), path), span));
                };
                if let Some(when) = reader.field(answer, "when") {
                    part("when".into(), tree.span(when));
                }
                if let Some(next) = reader.field(answer, "next") {
                    reader.branch(next, "next", &mut part);
                }
            }
        }
        for outcome in reader.list(root, "outcomes") {
            if let Some(o) = reader.id(outcome) {
                spans.push((NodeKey::Outcome(o), tree.span(outcome)));
            }
        }
        spans.sort_by_key(|(_, s)| (s.start, std::cmp::Reverse(s.end)));
        let mut lines = HashMap::with_capacity(spans.len());
        for (key, span) in &spans {
            lines
                .entry(key.clone())
                .or_insert_with(|| source.line_col(span.start).line);
        }
        Places { spans, lines }
    }

    /// The first line of a node in the file, if the file has it.
    pub fn line(&self, key: &NodeKey) -> Option<usize> {
        self.lines.get(key).copied()
    }

    /// The innermost node holding the byte at `offset`: an answer rather than its question, a
    /// case rather than its answer.
    pub fn at(&self, offset: usize) -> Option<&NodeKey> {
        // The innermost node is the one that starts last among those holding the offset: look
        // back from the last node starting at or before it (past a few earlier siblings).
        let before = self.spans.partition_point(|(_, s)| s.start <= offset);
        self.spans[..before]
            .iter()
            .rev()
            .find(|(_, s)| offset < s.end.max(s.start + 1))
            .map(|(key, _)| key)
    }

    /// Number of nodes found.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when no node was found.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Reading nodes out of the tree.
struct Reader<'t> {
    text: &'t str,
    tree: &'t Tree,
}

impl Reader<'_> {
    /// The value of a group's field (through `Some(...)`).
    fn field(&self, node: NodeId, name: &str) -> Option<NodeId> {
        let at = self
            .tree
            .items(node)
            .find(|&i| self.tree.field(self.text, i) == Some(name))?;
        Some(self.tree.unwrap_some(self.text, at))
    }

    /// The items of the list in a group's field.
    fn list(&self, node: NodeId, name: &str) -> std::ops::Range<NodeId> {
        match self.field(node, name) {
            Some(list) if self.tree.kind(list) == Kind::List => self.tree.items(list),
            _ => 0..0,
        }
    }

    /// The `id` of a node, as the outline shows ids.
    fn id(&self, node: NodeId) -> Option<String> {
        let id = self.field(node, "id")?;
        if !matches!(self.tree.kind(id), Kind::Str | Kind::RawStr) {
            return None;
        }
        let id = self.tree.text(self.text, id);
        Some(if has_unsafe(&id) || id.contains('\n') {
            sanitize_line(&id)
        } else {
            id.into_owned()
        })
    }

    /// The cases and the `otherwise` of `link` when it is conditional, with their paths from
    /// the answer (`path` is the link's: `next.cases[0]`, `next.otherwise`), nested ones too.
    fn branch(&self, link: NodeId, path: &str, found: &mut dyn FnMut(String, Span)) {
        if self.tree.name(self.text, link) != Some("Branch") {
            return;
        }
        for (k, case) in self.list(link, "cases").enumerate() {
            let part = format!("{path}.cases[{k}]");
            found(part.clone(), self.tree.span(case));
            if let Some(next) = self.field(case, "next") {
                self.branch(next, &format!("{part}.next"), found);
            }
        }
        if let Some(otherwise) = self.field(link, "otherwise") {
            let part = format!("{path}.otherwise");
            found(part.clone(), self.tree.span(otherwise));
            self.branch(otherwise, &part, found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str) -> (Places, Source) {
        let source = Source::new(path, std::fs::read_to_string(path).expect("read"));
        (Places::read(&source), source)
    }

    fn offset_of(source: &Source, needle: &str) -> usize {
        source.text.find(needle).expect("in the file")
    }

    #[test]
    fn an_offset_inside_an_answer_finds_the_answer_not_its_question() {
        let (places, source) = read("guides/decision-making.ron");
        let at = offset_of(&source, "Goto(\"pace\")");
        assert_eq!(
            places.at(at),
            Some(&NodeKey::Answer("size".into(), "small".into()))
        );
        assert_eq!(places.at(offset_of(&source, "version:")), None);
        let line = places.line(&NodeKey::Question("pace".into()));
        assert!(source
            .line(line.expect("pace is there"))
            .is_some_and(|l| l.contains("Question(")));
    }

    #[test]
    fn cases_and_conditions_are_places_of_their_own() {
        let (places, source) = read("guides/co-op-pay.ron");
        let case = offset_of(&source, "Case(when: Answered(\"stage\", \"running\")");
        assert_eq!(
            places.at(case + 10),
            Some(&NodeKey::Part(
                "size".into(),
                "few".into(),
                "next.cases[0]".into()
            ))
        );
        let otherwise = places
            .line(&NodeKey::Part(
                "size".into(),
                "few".into(),
                "next.otherwise".into(),
            ))
            .expect("otherwise");
        assert!(source
            .line(otherwise)
            .is_some_and(|l| l.contains("otherwise")));
    }

    #[test]
    fn a_file_with_syntax_errors_still_has_places() {
        let source = Source::new(
            "g.ron",
            "Guide(questions: [Question(id: \"a\", text: \"unclosed, answers: [])], outcomes: [Outcome(id: \"o\")])",
        );
        let places = Places::read(&source);
        assert!(places.line(&NodeKey::Question("a".into())).is_some());
    }
}
