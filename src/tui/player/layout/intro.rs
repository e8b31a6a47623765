//! The intro's layout: the guide's title and welcome, what it asks about, how long it takes,
//! and a button that follows the text (or sits at the bottom when the text needs the room).

use crate::tui::look::Looks;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::document::DocumentGeometry;
use crate::tui::layout::{column, rows};
use crate::tui::player::app::App;
use crate::tui::text::{width, wrap, wrap_plain};

const COLUMN: u16 = 84;

/// The text of the intro (the button is apart, pinned under it).
pub fn lines(app: &App, max: usize) -> Vec<Line<'static>> {
    let g = app.guide();
    let w = &app.words().player;
    let t = app.theme();
    let mut lines = wrap_plain(&g.title, t.title, max);
    lines.push(Line::default());
    if !g.intro.is_empty() {
        lines.extend(wrap_plain(&g.intro, t.text, max));
        lines.push(Line::default());
    }

    let mut facts: Vec<(&str, String)> = Vec::new();
    let sections = sections(app);
    if !sections.is_empty() {
        facts.push((w.intro_asks_about, sections.join(" · ")));
    }
    if !g.dimensions.is_empty() {
        let names: Vec<&str> = g.dimensions.iter().map(|d| d.name.as_str()).collect();
        facts.push((w.intro_places_you, names.join(" · ")));
    }
    if let Some(e) = app.estimate() {
        let intro = &app.words().intro;
        facts.push((intro.length, intro.estimate(e.questions, e.minutes)));
    }
    let label_w = facts.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 3;
    let wide = max >= label_w + 24;
    for (label, value) in facts {
        if wide {
            let first = [Span::styled(format!("{label:<label_w$}"), t.dim)];
            let rest = [Span::raw(" ".repeat(label_w))];
            lines.extend(wrap(&[Span::styled(value, t.text)], max, &first, &rest));
        } else {
            lines.push(Line::from(Span::styled(label.to_string(), t.dim)));
            lines.extend(wrap(
                &[Span::styled(value, t.text)],
                max,
                &[Span::raw("  ")],
                &[Span::raw("  ")],
            ));
        }
    }
    lines
}

/// Sections of the questions reachable from the start, in the guide's order.
fn sections(app: &App) -> Vec<String> {
    let g = app.guide();
    let (reachable, _) = g.index.reachable(g.outcomes.len());
    let mut out: Vec<String> = Vec::new();
    for (q, question) in g.questions.iter().enumerate() {
        if reachable.get(q).copied().unwrap_or(false)
            && !question.section.is_empty()
            && !out.contains(&question.section)
        {
            out.push(question.section.clone());
        }
    }
    out
}

/// The intro laid out in a body.
pub struct Intro {
    /// Where the text goes (its last column is the scrollbar's).
    pub text: Rect,
    /// The button's row.
    pub button: Rect,
    /// The text's lines.
    pub lines: Vec<Line<'static>>,
}

/// Lays the intro out: the button follows the text, or sits at the bottom when the text needs
/// all the room.
pub fn layout(app: &App, body: Rect) -> Intro {
    let col = column(body, COLUMN);
    let button_gap = if col.height >= 8 { 2 } else { 1 };
    let text = Rect::new(
        col.x,
        col.y,
        col.width,
        col.height.saturating_sub(button_gap),
    );
    let lines = lines(app, usize::from(text.width.saturating_sub(2)));
    let below = rows((lines.len() + 1).min(usize::from(col.height.saturating_sub(1))));
    let button = Rect::new(col.x, col.y + below, col.width, col.height.min(1));
    Intro {
        text,
        button,
        lines,
    }
}

/// Lines, rows and sections of the intro text.
pub fn geometry(app: &App, body: Rect) -> DocumentGeometry {
    let intro = layout(app, body);
    DocumentGeometry {
        lines: intro.lines.len(),
        height: usize::from(intro.text.height),
        sections: vec![0],
    }
}

/// A click on the button starts.
pub fn hit(app: &App, body: Rect, row: u16) -> Option<usize> {
    let intro = layout(app, body);
    (row == intro.button.y && !intro.button.is_empty()).then_some(0)
}
