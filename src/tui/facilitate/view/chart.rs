//! A horizontal bar chart drawn as lines of text, so it scrolls with the page around it and
//! needs no colour to read: each bar is labelled with its title and its count.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::facilitate::layout::bar;
use crate::tui::text::{truncate, width};

/// One bar: a label, a count, and the bar's style.
pub struct Bar<'a> {
    /// What is counted.
    pub label: &'a str,
    /// How many.
    pub count: usize,
    /// The bar's style.
    pub style: Style,
}

/// The chart's lines at `max` columns: label, bar and count on one line when there is room,
/// else the label on a line of its own above the bar.
pub fn lines(bars: &[Bar<'_>], label_style: Style, max: usize) -> Vec<Line<'static>> {
    let most = bars.iter().map(|b| b.count).max().unwrap_or(0);
    let count_w = most.to_string().len();
    let widest = bars.iter().map(|b| width(b.label)).max().unwrap_or(0);
    let mut out = Vec::new();
    if max >= 44 {
        let label_w = widest.min(max * 2 / 5);
        let bar_w = max
            .saturating_sub(2 + label_w + 2 + 1 + count_w + 1)
            .clamp(1, 40);
        for b in bars {
            let label = truncate(b.label, label_w);
            let fill = " ".repeat(label_w - width(&label));
            out.push(Line::from(vec![
                Span::styled(format!("  {label}{fill}  "), label_style),
                Span::styled(bar(b.count, most, bar_w), b.style),
                Span::styled(format!(" {}", b.count), label_style),
            ]));
        }
    } else {
        let bar_w = max.saturating_sub(2 + 1 + count_w + 1).max(1);
        for b in bars {
            out.push(Line::from(Span::styled(
                format!("  {}", truncate(b.label, max.saturating_sub(2))),
                label_style,
            )));
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(bar(b.count, most, bar_w), b.style),
                Span::styled(format!(" {}", b.count), label_style),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::text::texts;

    #[test]
    fn bars_share_a_scale_and_carry_their_counts() {
        let bars = [
            Bar {
                label: "Consent",
                count: 2,
                style: Style::new(),
            },
            Bar {
                label: "Majority",
                count: 1,
                style: Style::new(),
            },
        ];
        let wide = texts(&lines(&bars, Style::new(), 50));
        assert_eq!(wide.len(), 2);
        assert!(wide[0].starts_with("  Consent   █"), "{wide:?}");
        assert!(
            wide[0].ends_with("█ 2") && wide[1].ends_with(" 1"),
            "{wide:?}"
        );
        assert!(wide.iter().all(|l| width(l) <= 50), "{wide:?}");
        let narrow = texts(&lines(&bars, Style::new(), 30));
        assert_eq!(narrow.len(), 4);
        assert_eq!(narrow[0], "  Consent");
    }
}
