//! Large type for the projector: text drawn with an 8×8 bitmap font in block characters
//! (`tui-big-text`), so a question and a countdown read from the back of a room.
//!
//! A text is set in the largest size that fits the room it is given: each character is an 8×8
//! glyph drawn two pixels to a cell (8 columns × 4 rows, the font's own proportions), four to
//! a cell (4 × 4), or six (4 × 3) when that is all that fits; words wrap as in ordinary text. Typographic punctuation the font lacks
//! (curly quotes, dashes, the ellipsis) is drawn as its plain look-alike; a text with any other
//! character the font cannot draw is left to ordinary type, never drawn with holes in it.

use font8x8::UnicodeFonts;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// A text set in large type: its lines and the size of its pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Large {
    /// The lines, as the font draws them (one glyph per character).
    pub lines: Vec<String>,
    /// How many of the font's pixels one cell holds.
    pub pixel: PixelSize,
}

/// The sizes tried, largest first: a pixel a cell wide and half a cell high (the font's own
/// proportions, as cells are about twice as high as they are wide), then two by two pixels a
/// cell. A text that fits neither is left to ordinary type.
const SIZES: [PixelSize; 2] = [PixelSize::HalfHeight, PixelSize::Quadrant];

impl Large {
    /// Sets `text` in the largest size whose lines fit `width` columns and `height` rows;
    /// `None` when no size fits or the font cannot draw the text.
    pub fn fit(text: &str, width: u16, height: u16) -> Option<Large> {
        let text = fold(text);
        if !drawable(&text) {
            return None;
        }
        SIZES.into_iter().find_map(|pixel| {
            let (cols, rows) = cell(pixel);
            let per_line = usize::from(width / cols);
            if per_line == 0 {
                return None;
            }
            let lines = wrap(&text, per_line);
            let height_needed = u16::try_from(lines.len()).ok()?.checked_mul(rows)?;
            (height_needed <= height).then_some(Large { lines, pixel })
        })
    }

    /// Rows the text takes.
    pub fn height(&self) -> u16 {
        let rows = cell(self.pixel).1;
        u16::try_from(self.lines.len())
            .unwrap_or(u16::MAX)
            .saturating_mul(rows)
    }

    /// Columns the widest line takes.
    pub fn width(&self) -> u16 {
        let cols = cell(self.pixel).0;
        let widest = self
            .lines
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        u16::try_from(widest)
            .unwrap_or(u16::MAX)
            .saturating_mul(cols)
    }

    /// Draws the text into `area` in `style`.
    pub fn render(&self, area: Rect, style: Style, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        BigText::builder()
            .pixel_size(self.pixel)
            .style(style)
            .lines(
                self.lines
                    .iter()
                    .map(|l| Line::from(l.clone()))
                    .collect::<Vec<_>>(),
            )
            .build()
            .render(area, buf);
    }
}

/// Columns and rows one character (8×8 pixels) takes at the sizes used here.
fn cell(pixel: PixelSize) -> (u16, u16) {
    match pixel {
        // Two by two pixels a cell.
        PixelSize::Quadrant => (4, 4),
        // One by two.
        PixelSize::HalfHeight => (8, 4),
        _ => (8, 8),
    }
}

/// The plain look-alikes of the typographic punctuation the font lacks.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The font's tables, as `tui-big-text` looks glyphs up.
const FONTS: [&dyn UnicodeFonts; 8] = [
    &font8x8::BASIC_FONTS,
    &font8x8::LATIN_FONTS,
    &font8x8::HIRAGANA_FONTS,
    &font8x8::GREEK_FONTS,
    &font8x8::BLOCK_FONTS,
    &font8x8::BOX_FONTS,
    &font8x8::MISC_FONTS,
    &font8x8::SGA_FONTS,
];

/// True when the font has a glyph for every character (a space is always fine).
fn drawable(text: &str) -> bool {
    text.chars()
        .all(|c| c == ' ' || FONTS.iter().any(|font| font.get(c).is_some()))
}

/// Wraps at spaces into lines of at most `max` characters; a longer word is cut.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..max).collect());
        }
        let word: String = word.into_iter().collect();
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_takes_the_largest_size_that_fits() {
        let large = Large::fit("How should pay be set?", 200, 12).expect("fits");
        assert_eq!(large.pixel, PixelSize::HalfHeight);
        assert_eq!(large.lines, vec!["How should pay be set?"]);
        assert_eq!((large.width(), large.height()), (176, 4));
        // Narrower: two lines.
        let large = Large::fit("How should pay be set?", 120, 12).expect("fits");
        assert_eq!(large.lines, vec!["How should pay", "be set?"]);
        // Narrower still: the next size down.
        let large = Large::fit("How should pay be set?", 60, 8).expect("fits");
        assert_eq!(large.pixel, PixelSize::Quadrant);
        assert_eq!(large.lines, vec!["How should pay", "be set?"]);
        // Too little height for four-row lines: ordinary type (no sextants, which many fonts
        // lack).
        assert!(Large::fit("How many people take part in decisions?", 60, 9).is_none());
        assert!(Large::fit("How many people take part in decisions?", 60, 2).is_none());
    }

    #[test]
    fn typographic_punctuation_is_folded_and_anything_else_undrawable_is_left_alone() {
        let large = Large::fit("¿Por qué “cooperativa”…?", 240, 8).expect("Spanish is drawn");
        assert_eq!(large.lines, vec!["¿Por qué \"cooperativa\"...?"]);
        assert!(Large::fit("协作社 co-op", 200, 8).is_none(), "no holes");
    }

    #[test]
    fn long_words_are_cut_to_fit() {
        assert_eq!(wrap("abcdefghij kl", 4), vec!["abcd", "efgh", "ij", "kl"]);
    }

    #[test]
    fn the_text_is_drawn_in_block_characters() {
        let large = Large::fit("Hi", 40, 8).expect("fits");
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 8));
        large.render(Rect::new(0, 0, 40, 8), Style::default(), &mut buf);
        let drawn: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(
            drawn.contains('█') || drawn.contains('▀') || drawn.contains('▄'),
            "{drawn}"
        );
    }
}
