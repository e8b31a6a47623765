//! The editor's size sweep: every pane, overlay and version of the guide, drawn at every size
//! from 0×0 to 300×100, with long, wide and hostile texts and with broken files — and clicked,
//! scrolled and resized there. Nothing may panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use coop_guide::tui::edit::{Action, App};
use coop_guide::tui::input::Input;
use support::edit::{editor, press, reload};
use support::{assert_shown_at, draw, draw_at_sizes, View, DECISION};

/// Widths and heights around every layout threshold (the editor's and the player's in the
/// preview), plus the extremes.
const WIDTHS: &[u16] = &[0, 1, 3, 13, 39, 40, 41, 59, 60, 80, 99, 100, 140, 300];
const HEIGHTS: &[u16] = &[0, 1, 2, 6, 11, 12, 13, 19, 20, 24, 28, 100];

/// Key sequences that reach every pane and overlay.
const KEYS: &[&str] = &[
    "",
    "<tab>",
    "<tab><tab>",
    "?",
    "<tab>?",
    "<tab>1",
    "<tab>12<enter>",
    "G",
    "<s-tab>G<enter>",
];

/// Guides to open, and a file to reload into them afterwards (`None`: no reload).
const FILES: &[(&str, Option<&str>)] = &[
    (DECISION, None),
    (DECISION, Some("tests/fixtures/edit/broken-link.ron")),
    (DECISION, Some("tests/fixtures/edit/syntax-error.ron")),
    ("tests/fixtures/edit/broken-link.ron", None),
    ("tests/fixtures/edit/syntax-error.ron", None),
    ("tests/fixtures/edit/marks.ron", None),
    ("tests/fixtures/tui/long.ron", None),
    ("tests/fixtures/tui/hostile.ron", None),
    ("tests/fixtures/edit/hostile-ids.ron", None),
    ("tests/fixtures/i18n/stale/guide.ron", None),
];

fn opened(file: &str, then: Option<&str>, keys: &str, w: u16, h: u16) -> App {
    let mut app = editor(file, w, h);
    press(&mut app, keys);
    if let Some(other) = then {
        reload(&mut app, other);
    }
    app
}

#[test]
fn every_state_draws_at_every_size() {
    for &(file, then) in FILES {
        for keys in KEYS {
            draw_at_sizes(&opened(file, then, keys, 80, 24), WIDTHS, HEIGHTS);
        }
    }
}

#[test]
fn keys_clicks_and_wheels_at_every_size_never_panic() {
    for &(file, then) in FILES.iter().step_by(2) {
        let base = opened(file, then, "", 80, 24);
        for keys in KEYS {
            for &w in WIDTHS.iter().step_by(3) {
                for &h in HEIGHTS.iter().step_by(3) {
                    let mut app = base.clone();
                    app.resize_to(w, h);
                    press(&mut app, keys);
                    for (column, row) in [
                        (0, 0),
                        (w / 2, h / 2),
                        (w.saturating_sub(1), h.saturating_sub(1)),
                        (5, 6),
                        (w.saturating_sub(20), 3),
                    ] {
                        let mut clicked = app.clone();
                        clicked.handle(Action::Input(Input::Click { column, row }));
                        clicked.handle(Action::Input(Input::Wheel {
                            down: true,
                            column,
                            row,
                        }));
                        draw(&clicked, w, h);
                    }
                    press(
                        &mut app,
                        "<pgdn><end>jjk<pgup><home><tab>j<enter><tab>jj<enter>",
                    );
                    draw(&app, w, h);
                }
            }
        }
    }
}

#[test]
fn every_size_up_to_300x100_in_steps() {
    let widths: Vec<u16> = (0..=300).step_by(13).collect();
    let heights: Vec<u16> = (0..=100).step_by(5).collect();
    for keys in ["", "<tab>", "<tab><tab>", "?"] {
        let broken = Some("tests/fixtures/edit/broken-link.ron");
        draw_at_sizes(&opened(DECISION, broken, keys, 80, 24), &widths, &heights);
    }
}

#[test]
fn the_selection_and_the_help_show_from_40x12_and_below_a_request_for_a_larger_window() {
    let outline = editor(DECISION, 80, 24);
    let mut help = editor(DECISION, 80, 24);
    press(&mut help, "?");
    for &w in WIDTHS {
        for &h in HEIGHTS {
            // The selected row of the outline (the start question) and the help's title.
            assert_shown_at(&outline, w, h, &["›", "size"]);
            assert_shown_at(&help, w, h, &["Keys", "close"]);
        }
    }
}
