//! The size sweep: every screen and overlay, drawn at every size from 0×0 to 300×100, with long,
//! wide (CJK, emoji) and hostile texts — and clicked, scrolled and resized there. Nothing may panic.

mod tui_support;

use std::sync::Arc;

use coop_guide::guide::Guide;
use coop_guide::tui::{view, Action, App};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tui_support::{after, decision, guide, press};

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

fn draw(app: &App, w: u16, h: u16) {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    view::render_into(app, buf.area, &mut buf);
}

fn sweep(guide: Arc<Guide>, long: bool) {
    for keys in states(long) {
        // Lay the app out for one size, then draw it at every size: a resize can come at any time.
        let base = after(guide.clone(), keys, 80, 24);
        for &w in WIDTHS {
            for &h in HEIGHTS {
                let mut app = base.clone();
                app.handle(Action::Resize {
                    width: w,
                    height: h,
                });
                draw(&app, w, h);
            }
        }
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
                app.handle(Action::Resize {
                    width: w,
                    height: h,
                });
                press(&mut app, keys);
                for (column, row) in [
                    (0, 0),
                    (w / 2, h / 2),
                    (w.saturating_sub(1), h.saturating_sub(1)),
                    (5, 6),
                    (40, 3),
                ] {
                    let mut clicked = app.clone();
                    clicked.handle(Action::Click { column, row });
                    clicked.handle(Action::Wheel { down: true });
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
    let apps: Vec<App> = ["", "<enter>", "<enter>12", "<enter>12<enter>", "<enter>?"]
        .iter()
        .map(|k| after(decision(), k, 80, 24))
        .collect();
    for w in (0..=300).step_by(13) {
        for h in (0..=100).step_by(5) {
            for app in &apps {
                let mut app = app.clone();
                app.handle(Action::Resize {
                    width: w,
                    height: h,
                });
                draw(&app, w, h);
            }
        }
    }
}
