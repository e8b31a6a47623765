//! Themes: every style the views use, by role. Views never name a colour.
//!
//! The default theme uses the terminal's own 16 colours and never paints a background, so it
//! follows the user's palette (light or dark). `high-contrast` is white on black with yellow
//! accents and no dimming. With `NO_COLOR` set, [`Theme::without_color`] keeps only bold, reverse,
//! underline and dim, and nothing is told apart by colour alone anyway: the selection also has a
//! `›` marker, pros and cons have `+` and `-`.

use ratatui::style::{Color, Modifier, Style};

/// Styles by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Painted over the whole screen first (the high-contrast theme's background).
    pub base: Style,
    /// Ordinary text.
    pub text: Style,
    /// Quieter text: hints, notes, labels.
    pub dim: Style,
    /// The title of the guide or the outcome.
    pub title: Style,
    /// Section headings and the section above a question.
    pub heading: Style,
    /// The question itself.
    pub question: Style,
    /// The selected line (also marked with `›`).
    pub selected: Style,
    /// The `›` marker.
    pub marker: Style,
    /// Answer numbers.
    pub number: Style,
    /// Keys in the footer and the help.
    pub key: Style,
    /// Rules and borders.
    pub rule: Style,
    /// Answers on a branch the group left.
    pub stale: Style,
    /// Something good (with a `+`).
    pub good: Style,
    /// A cost or a risk (with a `-`).
    pub bad: Style,
    /// A status line after an action.
    pub status: Style,
    /// A status line after a failure.
    pub error: Style,
}

impl Theme {
    /// The terminal's 16 colours, no background.
    pub fn default_theme() -> Theme {
        let dim = Style::new().add_modifier(Modifier::DIM);
        Theme {
            base: Style::new(),
            text: Style::new(),
            dim,
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan),
            question: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            marker: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            number: dim,
            key: Style::new().add_modifier(Modifier::BOLD),
            rule: dim,
            stale: dim,
            good: Style::new().fg(Color::Green),
            bad: Style::new().fg(Color::Yellow),
            status: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    /// White on black, yellow accents, nothing dimmed.
    pub fn high_contrast() -> Theme {
        let text = Style::new().fg(Color::White).bg(Color::Black);
        let bright = text.add_modifier(Modifier::BOLD);
        let accent = Style::new()
            .fg(Color::LightYellow)
            .bg(Color::Black)
            .add_modifier(Modifier::BOLD);
        Theme {
            base: text,
            text,
            dim: text,
            title: accent.add_modifier(Modifier::UNDERLINED),
            heading: accent,
            question: bright,
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            marker: accent,
            number: text,
            key: accent,
            rule: text,
            stale: text.add_modifier(Modifier::ITALIC),
            good: Style::new().fg(Color::LightGreen).bg(Color::Black),
            bad: Style::new().fg(Color::LightRed).bg(Color::Black),
            status: accent,
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// The theme named on the command line, if there is one by that name.
    pub fn named(name: &str) -> Option<Theme> {
        match name {
            "default" => Some(Theme::default_theme()),
            "high-contrast" => Some(Theme::high_contrast()),
            "mono" | "no-color" => Some(Theme::default_theme().without_color()),
            _ => None,
        }
    }

    /// The same theme with every colour taken out (for `NO_COLOR`): only modifiers remain. A
    /// reverse-video selection built from colours becomes plain reverse video.
    pub fn without_color(self) -> Theme {
        fn strip(style: Style) -> Style {
            let mut out = style;
            out.fg = None;
            out.bg = None;
            out.underline_color = None;
            out
        }
        let selected_was_colour = self.selected.bg.is_some();
        let mut t = Theme {
            base: strip(self.base),
            text: strip(self.text),
            dim: strip(self.dim),
            title: strip(self.title).add_modifier(Modifier::BOLD),
            heading: strip(self.heading).add_modifier(Modifier::BOLD),
            question: strip(self.question),
            selected: strip(self.selected),
            marker: strip(self.marker),
            number: strip(self.number),
            key: strip(self.key),
            rule: strip(self.rule),
            stale: strip(self.stale),
            good: strip(self.good),
            bad: strip(self.bad),
            status: strip(self.status).add_modifier(Modifier::BOLD),
            error: strip(self.error).add_modifier(Modifier::BOLD | Modifier::REVERSED),
        };
        if selected_was_colour {
            t.selected = t.selected.add_modifier(Modifier::REVERSED);
        }
        t
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::default_theme()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_keeps_the_selection_visible_without_colour() {
        for theme in [Theme::default_theme(), Theme::high_contrast()] {
            let mono = theme.without_color();
            assert_eq!(mono.selected.fg, None);
            assert_eq!(mono.selected.bg, None);
            assert!(mono.selected.add_modifier.contains(Modifier::REVERSED));
        }
    }

    #[test]
    fn the_default_theme_paints_no_background() {
        let t = Theme::default_theme();
        let all = [
            t.base, t.text, t.dim, t.title, t.heading, t.question, t.selected, t.marker, t.key,
            t.stale,
        ];
        assert!(all.iter().all(|s| s.bg.is_none()));
    }
}
