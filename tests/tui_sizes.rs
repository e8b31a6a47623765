//! The size sweep: every screen and overlay, drawn at every size from 0×0 to 300×100, with long,
//! wide (CJK, emoji) and hostile texts — and clicked, scrolled and resized there. Nothing may panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::sync::Arc;

use coop_guide::guide::Guide;
use coop_guide::tui::input::Input;
use coop_guide::tui::player::Action;
use support::player::{after, press};
use support::{assert_shown_at, decision, draw, draw_at_sizes, guide, View};

/// Widths and heights around every layout threshold, plus the extremes.
const WIDTHS: &[u16] = &[
    0, 1, 2, 3, 5, 8, 13, 20, 30, 39, 40, 41, 50, 59, 60, 61, 79, 80, 99, 100, 101, 133, 200, 300,
];
const HEIGHTS: &[u16] = &[
    0, 1, 2, 3, 4, 6, 11, 12, 13, 17, 18, 19, 23, 24, 25, 40, 100,
];

/// Key sequences that reach every screen and overlay.
fn states(long: bool) -> Vec<&'static str> {
    let mut keys = vec![
        "",
        "<enter>",
        "<enter>?",
        "<enter>w",
        "<enter>1q",
        "<enter>1r",
        "<enter>12",
        "<enter>12<enter>",
        "<enter>12<enter><end>",
        "<enter>12<enter>?<end>",
        "<enter>11<bs><bs>21",
        "<enter>12kk<enter>",
    ];
    if long {
        keys.extend([
            "<enter>jjjjjjjjjjjj",
            "<enter>1<enter>",
            "<enter><down>9<enter>",
        ]);
    }
    keys
}

fn sweep(guide: Arc<Guide>, long: bool) {
    for keys in states(long) {
        // Lay the app out for one size, then draw it at every size: a resize can come at any time.
        draw_at_sizes(&after(guide.clone(), keys, 80, 24), WIDTHS, HEIGHTS);
    }
}

#[test]
fn every_screen_draws_at_every_size_with_the_small_guide() {
    sweep(decision(), false);
}

#[test]
fn every_screen_draws_at_every_size_with_long_and_wide_texts() {
    sweep(guide("tests/fixtures/tui/long.ron"), true);
}

#[test]
fn every_screen_draws_at_every_size_with_hostile_texts() {
    sweep(guide("tests/fixtures/tui/hostile.ron"), false);
}

#[test]
fn clicks_scrolls_and_keys_at_every_size_never_panic() {
    let long = guide("tests/fixtures/tui/long.ron");
    for keys in states(true) {
        for &w in WIDTHS.iter().step_by(3) {
            for &h in HEIGHTS.iter().step_by(3) {
                let mut app = after(long.clone(), "", w, h);
                app.resize_to(w, h);
                press(&mut app, keys);
                for (column, row) in [
                    (0, 0),
                    (w / 2, h / 2),
                    (w.saturating_sub(1), h.saturating_sub(1)),
                    (5, 6),
                    (40, 3),
                ] {
                    let mut clicked = app.clone();
                    clicked.handle(Action::Input(Input::Click { column, row }));
                    clicked.handle(Action::Input(Input::Wheel {
                        down: true,
                        column: 0,
                        row: 0,
                    }));
                    draw(&clicked, w, h);
                }
                press(&mut app, "<pgdn><end><tab><tab><s-tab>jjk<pgup><home>");
                draw(&app, w, h);
            }
        }
    }
}

#[test]
fn every_size_up_to_300x100_in_steps() {
    let widths: Vec<u16> = (0..=300).step_by(13).collect();
    let heights: Vec<u16> = (0..=100).step_by(5).collect();
    for keys in ["", "<enter>", "<enter>12", "<enter>12<enter>", "<enter>?"] {
        draw_at_sizes(&after(decision(), keys, 80, 24), &widths, &heights);
    }
}

#[test]
fn the_selection_and_the_help_show_from_40x12_and_below_a_request_for_a_larger_window() {
    for guide in [decision(), guide("tests/fixtures/tui/long.ron")] {
        // On a question with the last answer selected, and with the help open.
        let question = after(guide.clone(), "<enter><end>", 80, 24);
        let help = after(guide.clone(), "<enter>?", 80, 24);
        let count = question.guide().questions[0].answers.len();
        let selected = format!("›  {count}");
        for &w in WIDTHS {
            for &h in HEIGHTS {
                assert_shown_at(&question, w, h, &[&selected]);
                assert_shown_at(&help, w, h, &["Keys", "close"]);
            }
        }
    }
}
