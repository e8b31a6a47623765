//! The syntax tree: an arena of small nodes with byte offsets into the source.
//!
//! Nothing here owns text. A string node records where its content starts and ends; it is
//! unescaped only when someone asks for it ([`Tree::text`]). A group's items sit next to each
//! other in the arena (a group is written after its items), so item `i` of a group is one index
//! away and a path such as `questions[3].answers[1].next[0]` is followed without searching lists.

use std::borrow::Cow;

use super::lexer::{ident_end, unescape};
use crate::guide::source::Span;
use crate::guide::to_u32;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// `"text"`, possibly with escapes; also text recovered from curly or single quotes and
    /// from a string whose closing quote is missing.
    Str,
    /// `r"text"` or `r#"text"#`: no escapes.
    RawStr,
    /// `'c'`.
    Char,
    /// A number as written: `2024`, `-1.5`, `0x1f`.
    Number,
    /// A bare word: `true`, `None`, `Goto`, `r#type`.
    Word,
    /// `( ... )` or `Name( ... )`.
    Paren,
    /// `[ ... ]`.
    List,
    /// `{ ... }` or `Name{ ... }` (not part of the guide format; read so the rest can be checked).
    Brace,
    /// Something that could not be read (already reported as a syntax problem).
    Junk,
}

const DAMAGED: u8 = 0x80;

/// A node id: its index in the arena.
pub type NodeId = u32;

/// "No field name" in [`Node::field`].
pub const NO_FIELD: u32 = u32::MAX;

/// One value of the file.
#[derive(Debug, Clone, Copy)]
pub struct Node {
    /// First byte of the value (for a named group, the first byte of its name).
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// Where the field name before it starts (`label: "x"`), or [`NO_FIELD`].
    pub field: u32,
    /// Groups: index of the first item. Strings: first byte of the content.
    pub a: u32,
    /// Groups: number of items. Strings: one past the last byte of the content.
    pub b: u32,
}

impl Node {
    /// Bytes `start..end` kept as an unreadable value (its problem is reported elsewhere).
    pub(super) fn junk(start: u32, end: u32) -> Node {
        Node {
            start,
            end,
            field: NO_FIELD,
            a: start,
            b: start,
        }
    }
}

/// A parsed file: nodes and the text they point into.
#[derive(Debug, Default)]
pub struct Tree {
    pub(super) nodes: Vec<Node>,
    pub(super) kinds: Vec<u8>,
}

impl Tree {
    /// The top value of the file, if there is one.
    pub fn root(&self) -> Option<NodeId> {
        self.nodes.len().checked_sub(1).map(to_u32)
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// Its kind.
    pub fn kind(&self, id: NodeId) -> Kind {
        match self.kinds[id as usize] & !DAMAGED {
            0 => Kind::Str,
            1 => Kind::RawStr,
            2 => Kind::Char,
            3 => Kind::Number,
            4 => Kind::Word,
            5 => Kind::Paren,
            6 => Kind::List,
            7 => Kind::Brace,
            _ => Kind::Junk,
        }
    }

    /// True for a group whose brackets were not closed as written (its items may be wrong).
    pub fn damaged(&self, id: NodeId) -> bool {
        self.kinds[id as usize] & DAMAGED != 0
    }

    /// The byte span of a node.
    pub fn span(&self, id: NodeId) -> Span {
        let n = self.node(id);
        Span {
            start: n.start as usize,
            end: n.end as usize,
        }
    }

    /// True for `( )`, `[ ]` and `{ }` nodes.
    pub fn is_group(&self, id: NodeId) -> bool {
        matches!(self.kind(id), Kind::Paren | Kind::List | Kind::Brace)
    }

    /// The items of a group (empty for other nodes).
    pub fn items(&self, id: NodeId) -> std::ops::Range<NodeId> {
        if self.is_group(id) {
            let n = self.node(id);
            n.a..n.a + n.b
        } else {
            0..0
        }
    }

    /// The name written before a group's bracket (`Answer` in `Answer(...)`), if any.
    pub fn name<'t>(&self, text: &'t str, id: NodeId) -> Option<&'t str> {
        if !self.is_group(id) {
            return None;
        }
        let start = self.node(id).start as usize;
        let end = ident_end(text, start);
        (end > start).then(|| &text[start..end])
    }

    /// The span of a group's name, or of its opening bracket when it has none.
    pub fn head(&self, text: &str, id: NodeId) -> Span {
        let start = self.node(id).start as usize;
        let end = match self.name(text, id) {
            Some(name) => start + name.len(),
            None => start + 1,
        };
        Span {
            start,
            end: end.min(self.node(id).end as usize).max(start),
        }
    }

    /// The field name written before a node, without a raw prefix `r#`.
    pub fn field<'t>(&self, text: &'t str, id: NodeId) -> Option<&'t str> {
        let at = self.node(id).field;
        (at != NO_FIELD).then(|| field_name(text, at as usize))
    }

    /// The span of the field name written before a node.
    pub fn field_span(&self, text: &str, id: NodeId) -> Option<Span> {
        let at = self.node(id).field;
        (at != NO_FIELD).then(|| field_span(text, at as usize))
    }

    /// The source text of a node as written.
    pub fn raw<'t>(&self, text: &'t str, id: NodeId) -> &'t str {
        let n = self.node(id);
        text.get(n.start as usize..n.end as usize).unwrap_or("")
    }

    /// The text a string node holds, unescaped, with line breaks as `\n` even in a file saved
    /// with Windows line endings. Borrowed when nothing needs changing (most strings).
    pub fn text<'t>(&self, text: &'t str, id: NodeId) -> Cow<'t, str> {
        let n = self.node(id);
        let content = text.get(n.a as usize..n.b as usize).unwrap_or("");
        match self.kind(id) {
            Kind::Str | Kind::Char => unescape(content),
            _ if content.contains('\r') => Cow::Owned(content.replace("\r\n", "\n")),
            _ => Cow::Borrowed(content),
        }
    }

    /// The start of the text a string node holds (at most `max` bytes of it, unescaped), for
    /// quoting it in a message without copying a long text whole.
    pub fn text_start<'t>(&self, text: &'t str, id: NodeId, max: usize) -> Cow<'t, str> {
        let n = self.node(id);
        let (a, b) = (n.a as usize, n.b as usize);
        let mut end = b.min(a.saturating_add(max));
        while end > a && !text.is_char_boundary(end) {
            end -= 1;
        }
        let content = text.get(a..end).unwrap_or("");
        match self.kind(id) {
            Kind::Str | Kind::Char => unescape(content),
            _ => Cow::Borrowed(content),
        }
    }

    /// The items of a group that have no field name, in order: the values of a list, or the
    /// values inside `Goto(...)` and `("a", "b")`.
    pub fn positional(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.items(id)
            .filter(move |&i| self.kind(id) == Kind::List || self.node(i).field == NO_FIELD)
    }

    /// The node a value path names: `questions[3].answers[1].next[0]` (fields by name; list
    /// items and the values inside brackets by position). `Some(...)` around a value is looked
    /// through, as the reader reads through it.
    pub fn find(&self, text: &str, path: &str) -> Option<NodeId> {
        let mut at = self.unwrap_some(text, self.root()?);
        let mut rest = path;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('[') {
                let close = after.find(']')?;
                let index: usize = after[..close].parse().ok()?;
                rest = &after[close + 1..];
                at = if self.kind(at) == Kind::List {
                    let items = self.items(at);
                    let i = u32::try_from(index).ok()?;
                    (i < items.end - items.start).then_some(items.start + i)?
                } else {
                    self.positional(at).nth(index)?
                };
            } else {
                let name_and_rest = rest.strip_prefix('.').unwrap_or(rest);
                let end = name_and_rest
                    .find(['.', '['])
                    .unwrap_or(name_and_rest.len());
                let name = &name_and_rest[..end];
                rest = &name_and_rest[end..];
                at = self
                    .items(at)
                    .find(|&i| self.field(text, i) == Some(name))?;
            }
            at = self.unwrap_some(text, at);
        }
        Some(at)
    }

    /// The value inside `Some(value)`, or the node itself.
    pub fn unwrap_some(&self, text: &str, mut id: NodeId) -> NodeId {
        while let Some(inner) = self.some_inner(text, id) {
            id = inner;
        }
        id
    }

    /// `Some(value)` → the value.
    pub fn some_inner(&self, text: &str, id: NodeId) -> Option<NodeId> {
        if self.kind(id) != Kind::Paren || self.name(text, id) != Some("Some") {
            return None;
        }
        let items = self.items(id);
        (items.len() == 1 && self.node(items.start).field == NO_FIELD).then_some(items.start)
    }
}

/// The field name starting at `at`, without a raw prefix.
fn field_name(text: &str, at: usize) -> &str {
    let span = field_span(text, at);
    let name = text.get(span.start..span.end).unwrap_or("");
    name.strip_prefix("r#").unwrap_or(name)
}

/// Where the field name starting at `at` ends: a name, or (for a name written in quotes, which
/// the parser reported) everything up to the closing quote.
fn field_span(text: &str, at: usize) -> Span {
    let quoted = at > 0 && text.as_bytes().get(at - 1) == Some(&b'"');
    let end = if quoted {
        memchr::memchr(b'"', &text.as_bytes()[at.min(text.len())..]).map_or(at, |k| at + k)
    } else {
        ident_end(text, at)
    };
    Span { start: at, end }
}

/// Builds the arena: the parser pushes finished nodes; a group's items are pushed together
/// when the group closes.
#[derive(Debug, Default)]
pub(super) struct Builder {
    pub tree: Tree,
}

impl Builder {
    pub fn with_capacity(nodes: usize) -> Self {
        Builder {
            tree: Tree {
                nodes: Vec::with_capacity(nodes),
                kinds: Vec::with_capacity(nodes),
            },
        }
    }

    /// Appends finished items (a group's, or the root) and returns the index of the first.
    pub fn append(&mut self, items: &[(Node, Kind, bool)]) -> u32 {
        let first = to_u32(self.tree.nodes.len());
        self.tree
            .nodes
            .extend(items.iter().map(|(node, _, _)| *node));
        self.tree.kinds.extend(
            items
                .iter()
                .map(|(_, kind, damaged)| *kind as u8 | if *damaged { DAMAGED } else { 0 }),
        );
        first
    }

    pub fn finish(mut self) -> Tree {
        self.tree.nodes.shrink_to_fit();
        self.tree.kinds.shrink_to_fit();
        self.tree
    }
}
