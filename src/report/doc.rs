//! A tiny document model: headings, paragraphs and list items.
//!
//! Results and guide renderings are built once as a [`Doc`], then written as Markdown (hand-outs),
//! as plain wrapped text (plain mode, screen readers) or drawn by the TUI. One builder, several
//! renderings, so they can never say different things.

use std::fmt::Write as _;

use super::markdown::{escape, escape_heading, escape_line};
use crate::guide::text::wrap;

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A bullet.
    Bullet,
    /// A number.
    Number(usize),
}

impl Marker {
    /// The marker as written: `-` or `3.`.
    pub fn text(self) -> String {
        match self {
            Marker::Bullet => "-".to_string(),
            Marker::Number(n) => format!("{n}."),
        }
    }
}

/// An item's lead and text as one line of plain text: `Lead: text`, or `Question? text`.
pub fn joined(lead: &str, text: &str) -> String {
    match (lead.is_empty(), text.is_empty()) {
        (true, _) => text.to_string(),
        (false, true) => lead.to_string(),
        (false, false) if needs_colon(lead, text) => format!("{lead}: {text}"),
        (false, false) => format!("{lead} {text}"),
    }
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading; level 1 is the title.
    Heading {
        /// 1 to 3.
        level: u8,
        /// The heading's text.
        text: String,
    },
    /// A paragraph (may hold `\n\n` breaks).
    Paragraph(String),
    /// A list item: an emphasised lead, text after it, and a quieter note below.
    Item {
        /// Bullet or number.
        marker: Marker,
        /// Shown strong; may be empty.
        lead: String,
        /// Shown after the lead.
        text: String,
        /// Shown below, quieter; may be empty.
        note: String,
    },
}

/// A document: a list of blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
}

impl Doc {
    /// Adds a heading.
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    /// Adds a paragraph, unless it is empty.
    pub fn paragraph(&mut self, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.blocks.push(Block::Paragraph(text));
        }
    }

    /// Adds a bulleted item.
    pub fn bullet(&mut self, lead: impl Into<String>, text: impl Into<String>) {
        self.item(Marker::Bullet, lead, text, "");
    }

    /// Adds a list item with every part.
    pub fn item(
        &mut self,
        marker: Marker,
        lead: impl Into<String>,
        text: impl Into<String>,
        note: impl Into<String>,
    ) {
        self.blocks.push(Block::Item {
            marker,
            lead: lead.into(),
            text: text.into(),
            note: note.into(),
        });
    }

    /// Adds a heading and a bullet per item, if there are items.
    pub fn bullets(&mut self, level: u8, heading: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.heading(level, heading);
        for item in items {
            self.bullet("", item.as_str());
        }
    }

    /// The document without sections that hold nothing: a section heading (level 2) followed
    /// by another section or by the end is left out. Titles (level 1) stay, and so do
    /// sub-headings (level 3), which can be content themselves ("Pace: not placed").
    pub fn without_empty_headings(mut self) -> Doc {
        let blocks = std::mem::take(&mut self.blocks);
        let empty = |i: usize| match blocks.get(i + 1) {
            Some(Block::Heading { level, .. }) => *level <= 2,
            Some(_) => false,
            None => true,
        };
        self.blocks = blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| !matches!(b, Block::Heading { level: 2, .. }) || !empty(*i))
            .map(|(_, b)| b.clone())
            .collect();
        self
    }

    /// Writes every block with `render`, leaving a blank line after each run of list items.
    fn render(&self, mut render: impl FnMut(&mut String, &Block)) -> String {
        let mut out = String::new();
        let mut in_list = false;
        for block in &self.blocks {
            let is_item = matches!(block, Block::Item { .. });
            if in_list && !is_item {
                out.push('\n');
            }
            in_list = is_item;
            render(&mut out, block);
        }
        if in_list {
            out.push('\n');
        }
        out
    }

    /// Writes the document as Markdown, escaping all text: whatever a text holds, the Markdown
    /// has exactly the headings, paragraphs and list items of the document (see
    /// [`super::markdown`]). A heading, a lead and an item's text are one line each; a paragraph
    /// keeps its line breaks; a note keeps them too, each line emphasised on its own (emphasis
    /// cannot span lines safely) and joined by hard breaks.
    pub fn to_markdown(&self) -> String {
        self.render(markdown_block)
    }

    /// Writes the document as plain text wrapped to `width` columns: no markup, no box drawing,
    /// so it reads well through a pipe and a screen reader.
    pub fn to_text(&self, width: usize) -> String {
        self.render(|out, block| match block {
            // Headings stay as written: capitals are spelt out letter by letter by some screen
            // readers. A blank line around them is structure enough.
            Block::Heading { text, .. } => {
                let _ = writeln!(out, "{text}\n");
            }
            Block::Paragraph(text) => {
                for line in wrap(text, width) {
                    let _ = writeln!(out, "{line}");
                }
                out.push('\n');
            }
            Block::Item {
                marker,
                lead,
                text,
                note,
            } => {
                let mark = marker.text();
                let indent = mark.len() + 1;
                let body = joined(lead, &text.replace("\n\n", " "));
                for (i, line) in wrap(&body, width.saturating_sub(indent)).iter().enumerate() {
                    let prefix = if i == 0 {
                        format!("{mark} ")
                    } else {
                        " ".repeat(indent)
                    };
                    let _ = writeln!(out, "{prefix}{line}");
                }
                if !note.is_empty() {
                    for line in wrap(note, width.saturating_sub(indent + 2)) {
                        let _ = writeln!(out, "{:indent$}  {line}", "");
                    }
                }
            }
        })
    }
}

/// Writes one block as Markdown.
fn markdown_block(md: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let _ = writeln!(
                md,
                "{} {}\n",
                "#".repeat(usize::from(*level).clamp(1, 6)),
                escape_heading(text)
            );
        }
        Block::Paragraph(text) => {
            for para in text.split("\n\n").map(escape).filter(|p| !p.is_empty()) {
                let _ = writeln!(md, "{para}\n");
            }
        }
        Block::Item {
            marker,
            lead,
            text,
            note,
        } => {
            let mark = marker.text();
            let (lead, text) = (escape_line(lead), escape_line(text));
            let mut line = mark.clone();
            if !lead.is_empty() {
                let colon = if needs_colon(&lead, &text) { ":" } else { "" };
                let _ = write!(line, " **{lead}{colon}**");
            }
            if !text.is_empty() {
                let _ = write!(line, " {text}");
            }
            let _ = writeln!(md, "{line}");
            let note = escape(note);
            let mut lines = note.lines().peekable();
            while let Some(l) = lines.next() {
                let brk = if lines.peek().is_some() { "\\" } else { "" };
                let _ = writeln!(md, "{:w$}_{l}_{brk}", "", w = mark.len() + 1);
            }
        }
    }
}

/// Whether a lead reads better with a colon before its text: not after a question or a full
/// stop, and not before text that starts with its own connector (an arrow or a dash).
pub fn needs_colon(lead: &str, text: &str) -> bool {
    !text.is_empty() && !lead.ends_with(['?', '!', '.', ':']) && !text.starts_with(['→', '—', '('])
}
