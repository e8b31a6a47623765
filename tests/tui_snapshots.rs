//! Snapshots of every screen of the player at 80×24 (compact) and 40×12 (tiny), plus the wide
//! layout with the why pane and the "too small" screen. Review changes to the `.snap` files like
//! code: they are what people see.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use insta::assert_snapshot;
use ratatui::style::Modifier;
use support::player::after;
use support::{backend, buffer, decision, row_of};

/// Keys that lead to each screen of the decision-making guide.
const SCREENS: &[(&str, &str)] = &[
    ("intro", ""),
    ("question", "<enter>"),
    ("question_returning", "<enter>11bb"),
    ("question_why", "<enter>w"),
    // Small, slow; back twice; large, yes: the answers about pace are left on another branch.
    ("review_with_stale_answer", "<enter>11<bs><bs>21"),
    ("result_top", "<enter>12<enter>"),
    ("help", "<enter>?"),
    ("quit_confirm", "<enter>1q"),
];

fn snapshot_all(width: u16, height: u16) {
    for (name, keys) in SCREENS {
        let app = after(decision(), keys, width, height);
        assert_snapshot!(format!("{name}_{width}x{height}"), backend(&app));
    }
}

#[test]
fn screens_at_80x24() {
    snapshot_all(80, 24);
}

#[test]
fn screens_at_40x12() {
    snapshot_all(40, 12);
}

#[test]
fn question_with_the_why_pane_at_110x30() {
    let app = after(decision(), "<enter>", 110, 30);
    assert_snapshot!("question_why_pane_110x30", backend(&app));
}

#[test]
fn result_with_contents_at_120x30() {
    let app = after(decision(), "<enter>12<enter><tab><tab>", 120, 30);
    assert_snapshot!("result_contents_120x30", backend(&app));
}

#[test]
fn too_small_asks_for_a_larger_window() {
    for (w, h) in [(39, 12), (80, 11), (20, 5)] {
        let app = after(decision(), "<enter>", w, h);
        assert_snapshot!(format!("too_small_{w}x{h}"), backend(&app));
    }
}

#[test]
fn the_selected_answer_is_marked_and_reversed_not_only_coloured() {
    let app = after(decision(), "<enter>j", 80, 24);
    let buf = buffer(&app);
    let row = row_of(&app, "More than twelve").expect("answer shown");
    let marker = buf
        .content
        .iter()
        .position(|c| c.symbol() == "›")
        .expect("marker drawn");
    assert_eq!(
        marker as u16 / 80,
        row,
        "the › marker is on the selected answer's row"
    );
    let label_x = (0..80)
        .find(|&x| buf[(x, row)].symbol() == "M")
        .expect("label");
    assert!(buf[(label_x, row)].modifier.contains(Modifier::REVERSED));
    let other = row_of(&app, "Up to about twelve").expect("other answer");
    assert!((0..80).all(|x| !buf[(x, other)].modifier.contains(Modifier::REVERSED)));
}
