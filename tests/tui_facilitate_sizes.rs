//! The size sweep for workshop mode: the presenter in every state and the report viewer, drawn
//! at sizes from 0×0 to 300×100, with long, wide and hostile texts — and clicked, scrolled and
//! resized there. Nothing may panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::sync::Arc;

use coop_guide::engine::session::Session;
use coop_guide::guide::Guide;
use coop_guide::store::Store;
use coop_guide::tui::facilitate::presenter::Action;
use coop_guide::tui::facilitate::{comparison, Comparison, Presenter};
use coop_guide::tui::input::Input;
use coop_guide::tui::keymap::parse_keys;
use support::facilitate::flagship_in_spanish;
use support::{assert_shown_at, decision, draw, draw_at_sizes, guide, View};

const WIDTHS: &[u16] = &[
    0, 1, 2, 5, 13, 30, 39, 40, 41, 50, 59, 60, 79, 80, 99, 100, 101, 133, 200, 300,
];
const HEIGHTS: &[u16] = &[0, 1, 2, 3, 6, 8, 9, 11, 12, 13, 17, 18, 23, 24, 25, 40, 100];

/// Keys that reach every screen and layer of the presenter (hands, a tie, a note, the
/// countdown, the help, why, the review, the result).
const STATES: &[&str] = &[
    "",
    "<enter>",
    "<enter>+++j+",
    "<enter>+j+",
    "<enter>n",
    "<enter>nabc<left>",
    "<enter>t",
    "<enter>h",
    "<enter>?",
    "<enter>?<end>",
    "<enter>w",
    "<enter>r",
    "<enter>1<enter>",
    "<enter>1<enter>2<enter>",
    "<enter>1<enter>2<enter><enter>",
    "<enter>1<enter>2<enter><enter><end>",
    "<enter>1<enter>2<enter><enter>?",
];

/// A presenter after keys, its effects dropped: the sweep is about drawing, not the disk.
fn after(guide: Arc<Guide>, keys: &str, w: u16, h: u16) -> Presenter {
    let session = Session::new(guide, "Group A", String::new());
    let mut p = Presenter::new(session, Store::new("unused.ron")).with_size(w, h);
    for key in parse_keys(keys) {
        p.key(key);
    }
    p
}

/// The states only workshop mode draws (the player's own sweep covers its review and result
/// with the same long and hostile guides).
const WORKSHOP_STATES: &[&str] = &[
    "<enter>",
    "<enter>+++j+",
    "<enter>+j+",
    "<enter>nabc<left>",
    "<enter>t",
    "<enter>h",
    "<enter>?",
    "<enter>1<enter>2<enter><enter>",
];

fn sweep(guide: Arc<Guide>, states: &[&str]) {
    for keys in states {
        draw_at_sizes(&after(guide.clone(), keys, 80, 24), WIDTHS, HEIGHTS);
    }
}

#[test]
fn the_presenter_draws_at_every_size_with_the_small_guide() {
    sweep(decision(), STATES);
}

#[test]
fn the_presenter_draws_at_every_size_with_long_and_hostile_texts() {
    sweep(guide("tests/fixtures/tui/long.ron"), WORKSHOP_STATES);
    sweep(guide("tests/fixtures/tui/hostile.ron"), WORKSHOP_STATES);
}

#[test]
fn the_presenter_draws_at_every_size_with_the_flagship_in_spanish() {
    sweep(flagship_in_spanish(), WORKSHOP_STATES);
}

#[test]
fn clicks_wheels_and_keys_at_every_size_never_panic() {
    let long = guide("tests/fixtures/tui/long.ron");
    for keys in STATES {
        for &w in WIDTHS.iter().step_by(3) {
            for &h in HEIGHTS.iter().step_by(3) {
                let mut p = after(long.clone(), keys, w, h);
                for (column, row) in [
                    (0, 0),
                    (w / 2, h / 2),
                    (w.saturating_sub(1), h.saturating_sub(1)),
                    (5, 8),
                ] {
                    let mut clicked = p.clone();
                    clicked.handle(Action::Input(Input::Click { column, row }));
                    clicked.handle(Action::Input(Input::Wheel {
                        down: true,
                        column: 0,
                        row: 0,
                    }));
                    clicked.handle(Action::Input(Input::Wheel {
                        down: false,
                        column: 0,
                        row: 0,
                    }));
                    draw(&clicked, w, h);
                }
                for key in parse_keys("<pgdn><end><tab>jjk+-<pgup><home>") {
                    p.key(key);
                }
                draw(&p, w, h);
            }
        }
    }
}

#[test]
fn every_size_up_to_300x100_in_steps() {
    let widths: Vec<u16> = (0..=300).step_by(13).collect();
    let heights: Vec<u16> = (0..=100).step_by(5).collect();
    for keys in [
        "",
        "<enter>+j++",
        "<enter>n",
        "<enter>1<enter>2<enter><enter>",
    ] {
        draw_at_sizes(&after(decision(), keys, 80, 24), &widths, &heights);
    }
}

fn sessions(guide: Arc<Guide>, groups: &[&str]) -> Vec<Session> {
    groups
        .iter()
        .map(|keys| {
            let p = after(guide.clone(), keys, 80, 24);
            Session {
                walk: p.walk().clone(),
                record: p.record().clone(),
            }
        })
        .collect()
}

#[test]
fn the_report_viewer_draws_and_scrolls_at_every_size() {
    let sets = [
        sessions(
            decision(),
            &[
                "<enter>1<enter>2<enter><enter>",
                "<enter>2<enter>1<enter>",
                "",
            ],
        ),
        sessions(decision(), &["<enter>1<enter>2<enter><enter>"]),
        sessions(
            guide("tests/fixtures/tui/long.ron"),
            &["<enter>1<enter>", "<enter>2"],
        ),
        sessions(
            guide("tests/fixtures/tui/hostile.ron"),
            &["<enter>1<enter>", "<enter>"],
        ),
        Vec::new(),
    ];
    for set in &sets {
        let base = Comparison::new(set);
        for &w in WIDTHS {
            for &h in HEIGHTS {
                let mut c = base.clone();
                c.resize_to(w, h);
                for action in [
                    comparison::Action::Input(Input::Wheel {
                        down: true,
                        column: 0,
                        row: 0,
                    }),
                    comparison::Action::Input(Input::Click { column: 4, row: 5 }),
                ] {
                    c.handle(action);
                }
                for key in parse_keys("<end><tab><s-tab>?<pgdn><esc>") {
                    c.key(key);
                }
                draw(&c, w, h);
            }
        }
    }
}

#[test]
fn the_groups_choice_and_the_help_show_from_40x12_and_below_a_request_for_a_larger_window() {
    let question = after(decision(), "<enter>++", 80, 24);
    let help = after(decision(), "<enter>?", 80, 24);
    for &w in WIDTHS {
        for &h in HEIGHTS {
            // `›` marks the group's choice, and its hands are counted beside it.
            assert_shown_at(&question, w, h, &["›  1", "2 █"]);
            assert_shown_at(&help, w, h, &["Keys", "close"]);
        }
    }
}
