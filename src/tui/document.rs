//! A report document ([`Doc`]: a result, a hand-out, a comparison of sessions) laid out as a
//! scrolling page with sections, and where a reader is in it. Pure layout: the page's lines,
//! its sections, the columns it takes (with a table of contents beside it when there is room),
//! and how scrolling and jumping between sections move the reader. The player's result and
//! workshop mode's report viewer are both this page.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::keymap::Scroll;
use super::layout::{column, Density};
use super::text::{truncate, wrap, wrap_plain};
use super::theme::Theme;
use crate::report::doc::{needs_colon, Block, Doc, Marker};

/// Widest the text column gets.
const CONTENT: u16 = 88;
/// Narrowest the contents column gets.
const TOC: u16 = 28;
/// Widest the contents get on a wide window.
const TOC_MAX: u16 = 40;
/// Between the contents and the text.
const TOC_GAP: u16 = 3;

/// A document laid out for a width: its lines, and each section's title and first line.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The lines.
    pub lines: Vec<Line<'static>>,
    /// Each section's title and first line.
    pub sections: Vec<(String, usize)>,
}

impl Page {
    /// A page of one text, without sections (when there is no document to show).
    pub fn note(text: &str, style: ratatui::style::Style, max: usize) -> Page {
        Page {
            lines: wrap_plain(text, style, max),
            sections: Vec::new(),
        }
    }

    /// Adds a section of its own at the end: a heading spaced like the document's own, then
    /// `lines`.
    pub fn push_section(&mut self, title: &str, lines: Vec<Line<'static>>, t: &Theme, max: usize) {
        self.lines.extend([Line::default(), Line::default()]);
        self.sections.push((title.to_string(), self.lines.len()));
        self.lines
            .extend(wrap_plain(title, t.heading.patch(t.question), max));
        self.lines.push(Line::default());
        self.lines.extend(lines);
    }

    /// Adds another page's lines and sections after this one's, with a blank line between.
    pub fn append(&mut self, other: Page) {
        self.lines.push(Line::default());
        let offset = self.lines.len();
        self.lines.extend(other.lines);
        self.sections.extend(
            other
                .sections
                .into_iter()
                .map(|(title, line)| (title, line + offset)),
        );
    }
}

fn blank_after(lines: &mut Vec<Line<'static>>) {
    if lines.last().is_some_and(|l| l.width() > 0) {
        lines.push(Line::default());
    }
}

/// Lays out a document for `max` columns; `kicker` is a quiet line above the document's title.
/// Headings of level 1 and 2 start sections; an empty heading is left out, so no heading stands
/// without content.
pub fn layout(doc: &Doc, kicker: Option<&str>, t: &Theme, max: usize) -> Page {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut sections = Vec::new();
    let mut in_list = false;
    for block in &doc.blocks {
        let is_item = matches!(block, Block::Item { .. });
        if in_list && !is_item {
            blank_after(&mut lines);
        }
        in_list = is_item;
        match block {
            Block::Heading { text, .. } if text.trim().is_empty() => {}
            Block::Heading { level: 1, text } => {
                blank_after(&mut lines);
                sections.push((text.clone(), lines.len()));
                if let Some(kicker) = kicker {
                    lines.extend(wrap_plain(kicker, t.dim, max));
                }
                lines.extend(wrap_plain(text, t.title, max));
                lines.push(Line::default());
            }
            Block::Heading { level: 2, text } => {
                blank_after(&mut lines);
                lines.push(Line::default());
                sections.push((text.clone(), lines.len()));
                lines.extend(wrap_plain(text, t.heading.patch(t.question), max));
                lines.push(Line::default());
            }
            Block::Heading { text, .. } => {
                blank_after(&mut lines);
                lines.extend(wrap_plain(text, t.question, max));
            }
            Block::Paragraph(text) => {
                lines.extend(wrap_plain(text, t.text, max));
                lines.push(Line::default());
            }
            Block::Item {
                marker,
                lead,
                text,
                note,
            } => lines.extend(item(marker, lead, text, note, t, max)),
        }
    }
    while lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    Page { lines, sections }
}

/// A list item: its marker, a lead in bold and the text, the note below in a quiet style.
fn item(
    marker: &Marker,
    lead: &str,
    text: &str,
    note: &str,
    t: &Theme,
    max: usize,
) -> Vec<Line<'static>> {
    let mark = match marker {
        Marker::Bullet => "•".to_string(),
        Marker::Number(n) => format!("{n}."),
    };
    let indent = " ".repeat(mark.chars().count() + 3);
    let mut runs = Vec::new();
    if !lead.is_empty() {
        runs.push(Span::styled(lead, t.question));
    }
    if !text.is_empty() {
        if !runs.is_empty() {
            // As the report's plain text joins them.
            let joint = if needs_colon(lead, text) { ": " } else { " " };
            runs.push(Span::styled(joint, t.question));
        }
        runs.push(Span::styled(text.replace("\n\n", " "), t.text));
    }
    let first = [Span::styled(format!("  {mark} "), t.marker)];
    let rest = [Span::raw(indent.clone())];
    let mut lines = wrap(&runs, max, &first, &rest);
    if !note.is_empty() {
        let rest = [Span::raw(indent)];
        lines.extend(wrap(&[Span::styled(note, t.dim)], max, &rest, &rest));
    }
    lines
}

/// Where a page sits in a body: the contents (when there is room), the text, the scrollbar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The table of contents, in full-size windows.
    pub toc: Option<Rect>,
    /// The text.
    pub content: Rect,
    /// The scrollbar's column.
    pub bar: Rect,
}

/// The contents column's width: [`TOC`], grown into the room the text can't use (it is at most
/// [`CONTENT`] wide), up to a third of the body and [`TOC_MAX`] columns.
fn toc_width(body: u16) -> u16 {
    let spare = body.saturating_sub(TOC_GAP + CONTENT + 2);
    spare.min(body / 3).clamp(TOC, TOC_MAX)
}

/// How a page shares a body between its contents, its text and its scrollbar.
pub fn columns(body: Rect, density: Density) -> Columns {
    if density == Density::Full {
        let toc_w = toc_width(body.width);
        let group = column(body, toc_w + TOC_GAP + CONTENT + 2);
        let toc = Rect::new(group.x, group.y, toc_w.min(group.width), group.height);
        let x = group.x + toc_w + TOC_GAP;
        let content_w = group.width.saturating_sub(toc_w + TOC_GAP + 2);
        let content = Rect::new(x, group.y, content_w, group.height);
        let bar = Rect::new(content.right() + 1, group.y, 1, group.height);
        return Columns {
            toc: Some(toc),
            content,
            bar,
        };
    }
    let col = column(body, CONTENT + 2);
    let content = Rect::new(col.x, col.y, col.width.saturating_sub(2), col.height);
    let bar = Rect::new(
        col.right().saturating_sub(1),
        col.y,
        col.width.min(1),
        col.height,
    );
    Columns {
        toc: None,
        content,
        bar,
    }
}

/// The width a page is laid out for in a body.
pub fn content_width(body: Rect, density: Density) -> usize {
    usize::from(columns(body, density).content.width)
}

/// How a scrolling document sits in the window: its length in lines, the rows it gets, and
/// where its sections start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentGeometry {
    /// Lines in the whole document.
    pub lines: usize,
    /// Rows on screen.
    pub height: usize,
    /// First line of each section.
    pub sections: Vec<usize>,
}

/// The geometry of a page laid out for `body`.
pub fn page_geometry(page: &Page, body: Rect, density: Density) -> DocumentGeometry {
    DocumentGeometry {
        lines: page.lines.len(),
        height: usize::from(columns(body, density).content.height),
        sections: page.sections.iter().map(|&(_, line)| line).collect(),
    }
}

/// The table of contents laid out in its column: a line "Contents", a blank, then every
/// section's title, the reader's marked. Titles wrap under themselves when all of them fit that
/// way; otherwise each is cut to one line with `…` (never left blank). Returns the lines and
/// the lines each section takes.
pub fn contents(
    page: &Page,
    section: usize,
    heading: &str,
    t: &Theme,
    toc: Rect,
) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let max = usize::from(toc.width.saturating_sub(2));
    let entry = |i: usize, title: &str, wrapped: bool| -> Vec<Line<'static>> {
        let (marker, style) = if i == section {
            (Span::styled("› ", t.marker), t.question)
        } else {
            (Span::raw("  "), t.dim)
        };
        if wrapped {
            wrap(
                &[Span::styled(title, style)],
                max + 2,
                &[marker],
                &[Span::raw("  ")],
            )
        } else {
            vec![Line::from(vec![
                marker,
                Span::styled(truncate(title, max), style),
            ])]
        }
    };
    let wrapped: Vec<Vec<Line<'static>>> = page
        .sections
        .iter()
        .enumerate()
        .map(|(i, (title, _))| entry(i, title, true))
        .collect();
    let room = usize::from(toc.height).saturating_sub(2);
    let entries = if wrapped.iter().map(Vec::len).sum::<usize>() <= room {
        wrapped
    } else {
        page.sections
            .iter()
            .enumerate()
            .map(|(i, (title, _))| entry(i, title, false))
            .collect()
    };
    let mut lines = vec![
        Line::from(Span::styled(heading.to_string(), t.dim)),
        Line::default(),
    ];
    let mut items = Vec::with_capacity(entries.len());
    for entry in entries {
        items.push(lines.len()..lines.len() + entry.len());
        lines.extend(entry);
    }
    (lines, items)
}

/// The section of a page's contents under a click, if any.
pub fn contents_hit(
    page: &Page,
    section: usize,
    t: &Theme,
    body: Rect,
    density: Density,
    column: u16,
    row: u16,
) -> Option<usize> {
    let toc = columns(body, density).toc?;
    if column < toc.x || column >= toc.right() || row < toc.y {
        return None;
    }
    let (_, items) = contents(page, section, "", t, toc);
    let line = usize::from(row - toc.y);
    items.iter().position(|r| r.contains(&line))
}

/// A move through a scrolling document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Scroll by a step.
    Scroll(Scroll),
    /// To the next section.
    NextSection,
    /// To the previous section.
    PrevSection,
}

/// Where a reader is in a scrolling document: lines scrolled and the section they are in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Lines scrolled.
    pub scroll: usize,
    /// The section the reader is in.
    pub section: usize,
}

impl Reading {
    /// Where a move leads in a document.
    pub fn after(self, step: Move, doc: &DocumentGeometry) -> Reading {
        let max = doc.lines.saturating_sub(doc.height);
        let page = doc.height.saturating_sub(2).max(1);
        let scroll = match step {
            Move::NextSection => {
                let next = (self.section + 1).min(doc.sections.len().saturating_sub(1));
                return self.at_section(next, doc);
            }
            Move::PrevSection => return self.at_section(self.section.saturating_sub(1), doc),
            Move::Scroll(step) => step.applied_to(self.scroll, page, max).min(max),
        };
        // The section is the last one starting at or above the top line. At the very end, a
        // short closing section can't reach the top: keep the one jumped to while its heading
        // shows.
        let derived = section_at(&doc.sections, scroll);
        let jumped_visible = doc
            .sections
            .get(self.section)
            .is_some_and(|&s| s >= scroll && s < scroll + doc.height);
        let section = if scroll == max && self.section > derived && jumped_visible {
            self.section
        } else {
            derived
        };
        Reading { scroll, section }
    }

    /// The reader at the start of a section (as far as the document scrolls); unchanged when
    /// there is no such section.
    pub fn at_section(self, section: usize, doc: &DocumentGeometry) -> Reading {
        let Some(&start) = doc.sections.get(section) else {
            return self;
        };
        let max = doc.lines.saturating_sub(doc.height);
        Reading {
            scroll: start.min(max),
            section,
        }
    }

    /// The same place after the document was laid out again (text rewraps on a resize, so line
    /// offsets change meaning): the same distance into the same section.
    pub fn relaid(self, before: Option<&DocumentGeometry>, after: &DocumentGeometry) -> Reading {
        let within = before.and_then(|doc| {
            doc.sections
                .get(self.section)
                .map(|&start| self.scroll.saturating_sub(start))
        });
        let start = after.sections.get(self.section).copied().unwrap_or(0);
        Reading {
            scroll: (start + within.unwrap_or(0)).min(after.lines.saturating_sub(after.height)),
            section: self.section,
        }
    }
}

/// The section a line belongs to: the last one starting at or before it.
fn section_at(starts: &[usize], line: usize) -> usize {
    starts.iter().rposition(|&s| s <= line).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_heading_starts_no_section() {
        let mut doc = Doc::default();
        doc.heading(1, "Title");
        doc.heading(2, "  ");
        doc.heading(2, "Kept");
        doc.paragraph("text");
        let page = layout(&doc, None, &Theme::default_theme(), 40);
        let titles: Vec<&str> = page.sections.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(titles, ["Title", "Kept"]);
    }

    #[test]
    fn jumping_to_a_section_and_scrolling_agree() {
        let doc = DocumentGeometry {
            lines: 100,
            height: 20,
            sections: vec![0, 30, 95],
        };
        let at = Reading::default().after(Move::NextSection, &doc);
        assert_eq!(
            at,
            Reading {
                scroll: 30,
                section: 1
            }
        );
        let end = at.after(Move::NextSection, &doc);
        assert_eq!(
            end,
            Reading {
                scroll: 80,
                section: 2
            },
            "the last section's heading shows"
        );
        let back = end.after(Move::Scroll(Scroll::Up), &doc);
        assert_eq!(back.section, 1);
    }
}
