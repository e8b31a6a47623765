//! The result: the report's result document (the same one the Markdown hand-out is written from),
//! drawn as a scrolling page with sections; a table of contents beside it when there is room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{truncate, wrap, wrap_plain};
use super::{column, draw_lines, scrollbar, Density, DocumentGeometry};
use crate::report::doc::{needs_colon, Block, Marker};
use crate::tui::app::App;
use crate::tui::strings::fill;

const CONTENT: u16 = 88;
const TOC: u16 = 28;
const TOC_GAP: u16 = 3;

/// The result laid out for a width: its lines, and each section's title and first line.
struct Page {
    lines: Vec<Line<'static>>,
    sections: Vec<(String, usize)>,
}

fn blank_after(lines: &mut Vec<Line<'static>>) {
    if lines.last().is_some_and(|l| l.width() > 0) {
        lines.push(Line::default());
    }
}

fn page(app: &App, max: usize) -> Page {
    let s = app.strings();
    let t = app.theme();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut sections = Vec::new();
    let Some(doc) = app.document() else {
        return Page { lines, sections };
    };
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
                lines.extend(wrap_plain(s.result_kicker, t.dim, max));
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

fn split(body: Rect, density: Density) -> Split {
    if density == Density::Full {
        let group = column(body, TOC + TOC_GAP + CONTENT + 2);
        let toc = Rect::new(group.x, group.y, TOC.min(group.width), group.height);
        let x = group.x + TOC + TOC_GAP;
        let content_w = group.width.saturating_sub(TOC + TOC_GAP + 2);
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
    let t = app.theme();
    let split = split(body, density);
    let page = page(app, usize::from(split.content.width));
    let height = usize::from(split.content.height);
    let offset = app.scroll().min(page.lines.len().saturating_sub(height));
    draw_lines(&page.lines, offset, split.content, buf);
    scrollbar(page.lines.len(), offset, split.bar, t.rule, buf);
    if let Some(toc) = split.toc {
        contents(app, &page, toc, buf);
    }
    header(app, &page)
}

fn contents(app: &App, page: &Page, toc: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let t = app.theme();
    let max = usize::from(toc.width.saturating_sub(2));
    let mut lines = vec![
        Line::from(Span::styled(s.result_contents, t.dim)),
        Line::default(),
    ];
    for (i, (title, _)) in page.sections.iter().enumerate() {
        let title = truncate(title, max);
        lines.push(if i == app.section() {
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
fn header(app: &App, page: &Page) -> String {
    let Some((title, _)) = page.sections.get(app.section()) else {
        return String::new();
    };
    fill(
        app.strings().result_section,
        &[
            ("index", &(app.section() + 1)),
            ("count", &page.sections.len()),
            ("title", title),
        ],
    )
}

/// Lines, rows and sections of the result.
pub fn geometry(app: &App, body: Rect, density: Density) -> DocumentGeometry {
    let split = split(body, density);
    let page = page(app, usize::from(split.content.width));
    DocumentGeometry {
        lines: page.lines.len(),
        height: usize::from(split.content.height),
        sections: page.sections.iter().map(|&(_, line)| line).collect(),
    }
}

/// The section of the contents under a click, if any.
pub fn hit(app: &App, body: Rect, density: Density, column: u16, row: u16) -> Option<usize> {
    let toc = split(body, density).toc?;
    if column < toc.x || column >= toc.right() || row < toc.y + 2 {
        return None;
    }
    let split = split(body, density);
    let sections = page(app, usize::from(split.content.width)).sections.len();
    let index = usize::from(row - toc.y - 2);
    (index < sections).then_some(index)
}
