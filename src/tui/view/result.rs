//! The result: the report's result document (the same one the Markdown hand-out is written from),
//! drawn as a scrolling page with sections; a table of contents beside it when there is room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{truncate, wrap, wrap_plain};
use super::{column, draw_lines, scrollbar, Density, DocumentGeometry, Reading};
use crate::report::doc::{needs_colon, Block, Doc, Marker};
use crate::tui::app::App;
use crate::tui::strings::{fill, Strings};
use crate::tui::theme::Theme;

const CONTENT: u16 = 88;
const TOC: u16 = 28;
/// Widest the contents get on a wide window.
const TOC_MAX: u16 = 40;
const TOC_GAP: u16 = 3;

/// A document laid out for a width: its lines, and each section's title and first line.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// The lines.
    pub lines: Vec<Line<'static>>,
    /// Each section's title and first line.
    pub sections: Vec<(String, usize)>,
}

fn blank_after(lines: &mut Vec<Line<'static>>) {
    if lines.last().is_some_and(|l| l.width() > 0) {
        lines.push(Line::default());
    }
}

fn page(app: &App, max: usize) -> Page {
    match app.document() {
        Some(doc) => layout(doc, Some(app.strings().result_kicker), app.theme(), max),
        None => Page::default(),
    }
}

/// Lays out a document (a result, a comparison of sessions) as the result screen shows it, for
/// `max` columns; `kicker` is a quiet line above the document's title.
pub(crate) fn layout(doc: &Doc, kicker: Option<&str>, t: &Theme, max: usize) -> Page {
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
            } => {
                let mark = match marker {
                    Marker::Bullet => "•".to_string(),
                    Marker::Number(n) => format!("{n}."),
                };
                let indent = " ".repeat(mark.chars().count() + 3);
                let mut runs = Vec::new();
                if !lead.is_empty() {
                    runs.push(Span::styled(lead.as_str(), t.question));
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
                lines.extend(wrap(&runs, max, &first, &rest));
                if !note.is_empty() {
                    let rest = [Span::raw(indent)];
                    lines.extend(wrap(
                        &[Span::styled(note.as_str(), t.dim)],
                        max,
                        &rest,
                        &rest,
                    ));
                }
            }
        }
    }
    while lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    Page { lines, sections }
}

struct Split {
    toc: Option<Rect>,
    content: Rect,
    bar: Rect,
}

/// The width a page is laid out for in a body.
pub(crate) fn content_width(body: Rect, density: Density) -> usize {
    usize::from(split(body, density).content.width)
}

/// The contents column's width: [`TOC`], grown into the room the content can't use (it is at most
/// [`CONTENT`] wide), up to a third of the body and [`TOC_MAX`] columns.
fn toc_width(body: u16) -> u16 {
    let spare = body.saturating_sub(TOC_GAP + CONTENT + 2);
    spare.min(body / 3).clamp(TOC, TOC_MAX)
}

fn split(body: Rect, density: Density) -> Split {
    if density == Density::Full {
        let toc_w = toc_width(body.width);
        let group = column(body, toc_w + TOC_GAP + CONTENT + 2);
        let toc = Rect::new(group.x, group.y, toc_w.min(group.width), group.height);
        let x = group.x + toc_w + TOC_GAP;
        let content_w = group.width.saturating_sub(toc_w + TOC_GAP + 2);
        let content = Rect::new(x, group.y, content_w, group.height);
        let bar = Rect::new(content.right() + 1, group.y, 1, group.height);
        return Split {
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
    Split {
        toc: None,
        content,
        bar,
    }
}

/// Draws the result; returns the header's text (which section, of how many).
pub fn render(app: &App, body: Rect, density: Density, buf: &mut Buffer) -> String {
    let page = page(app, content_width(body, density));
    let at = Reading {
        scroll: app.scroll(),
        section: app.section(),
    };
    draw(&page, at, app.strings(), app.theme(), body, density, buf)
}

/// Draws a page laid out with [`layout`] (with its scrollbar, and its contents when there is
/// room); returns the header's text (which section, of how many).
pub(crate) fn draw(
    page: &Page,
    at: Reading,
    s: &Strings,
    t: &Theme,
    body: Rect,
    density: Density,
    buf: &mut Buffer,
) -> String {
    let split = split(body, density);
    let height = usize::from(split.content.height);
    let offset = at.scroll.min(page.lines.len().saturating_sub(height));
    draw_lines(&page.lines, offset, split.content, buf);
    scrollbar(page.lines.len(), offset, split.bar, t.rule, buf);
    if let Some(toc) = split.toc {
        contents(page, at.section, s, t, toc, buf);
    }
    header(page, at.section, s)
}

fn contents(page: &Page, section: usize, s: &Strings, t: &Theme, toc: Rect, buf: &mut Buffer) {
    let max = usize::from(toc.width.saturating_sub(2));
    let mut lines = vec![
        Line::from(Span::styled(s.result_contents, t.dim)),
        Line::default(),
    ];
    for (i, (title, _)) in page.sections.iter().enumerate() {
        let title = truncate(title, max);
        lines.push(if i == section {
            Line::from(vec![
                Span::styled("› ", t.marker),
                Span::styled(title, t.question),
            ])
        } else {
            Line::from(vec![Span::raw("  "), Span::styled(title, t.dim)])
        });
    }
    draw_lines(&lines, 0, toc, buf);
}

/// The header's text: which section, of how many.
fn header(page: &Page, section: usize, s: &Strings) -> String {
    let Some((title, _)) = page.sections.get(section) else {
        return String::new();
    };
    fill(
        s.result_section,
        &[
            ("index", &(section + 1)),
            ("count", &page.sections.len()),
            ("title", title),
        ],
    )
}

/// Lines, rows and sections of the result.
pub fn geometry(app: &App, body: Rect, density: Density) -> DocumentGeometry {
    page_geometry(&page(app, content_width(body, density)), body, density)
}

/// Lines, rows and sections of a page laid out for `body`.
pub(crate) fn page_geometry(page: &Page, body: Rect, density: Density) -> DocumentGeometry {
    DocumentGeometry {
        lines: page.lines.len(),
        height: usize::from(split(body, density).content.height),
        sections: page.sections.iter().map(|&(_, line)| line).collect(),
    }
}

/// The section of the contents under a click, if any.
pub fn hit(app: &App, body: Rect, density: Density, column: u16, row: u16) -> Option<usize> {
    let sections = page(app, content_width(body, density)).sections.len();
    contents_hit(sections, body, density, column, row)
}

/// The section of a page's contents (`sections` long) under a click, if any.
pub(crate) fn contents_hit(
    sections: usize,
    body: Rect,
    density: Density,
    column: u16,
    row: u16,
) -> Option<usize> {
    let toc = split(body, density).toc?;
    if column < toc.x || column >= toc.right() || row < toc.y + 2 {
        return None;
    }
    let index = usize::from(row - toc.y - 2);
    (index < sections).then_some(index)
}
