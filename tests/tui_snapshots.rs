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

/// A group in the UK, running a co-op, writing code: every section of the result, "What would
/// change it" longer than the result shows at first, and next steps for other countries.
const SECTIONS: &str = "tests/fixtures/tui/result-sections.ron";

/// The result of that group, then `keys` pressed on it.
fn sections_result(keys: &str, width: u16, height: u16) -> coop_guide::tui::player::App {
    let keys = format!("<enter>121<enter>{keys}");
    after(support::guide(SECTIONS), &keys, width, height)
}

#[test]
fn result_sections_at_80x24_and_40x12() {
    // Sections: the title, Because you are…, Where your answers place you, Pros, Cons, Why
    // this fits, What would change it, Next steps, Other countries.
    let views = [
        ("result_because", "]"),
        ("result_changes_cut", "]]]]]]"),
        ("result_changes_all", "]]]]]]c"),
        ("result_other_countries", "]]]]]]]]"),
    ];
    for (width, height) in [(80, 24), (40, 12)] {
        for (name, keys) in views {
            let app = sections_result(keys, width, height);
            assert_snapshot!(format!("{name}_{width}x{height}"), backend(&app));
        }
    }
}

#[test]
fn the_changes_key_shows_every_other_outcome_and_the_first_few_again() {
    let cut = support::text(&sections_result("]]]]]]", 80, 24));
    assert!(cut.contains("→ Audio co-op"), "{cut}");
    assert!(
        !cut.contains("→ Print co-op"),
        "the seventh is left out:\n{cut}"
    );
    assert!(
        cut.contains("…and 1 more other outcome: press c to see it."),
        "{cut}"
    );
    assert!(
        cut.contains("c all changes"),
        "the footer offers it:\n{cut}"
    );
    let all = support::text(&sections_result("]]]]]]c", 80, 24));
    assert!(all.contains("→ Print co-op"), "{all}");
    assert!(!all.contains("press c"), "{all}");
    assert!(all.contains("c fewer changes"), "{all}");
    let again = support::text(&sections_result("]]]]]]cc", 80, 24));
    assert!(again.contains("press c to see it"), "{again}");
    // A result whose changes all fit offers no key for them.
    let short = support::text(&after(decision(), "<enter>12<enter>", 80, 24));
    assert!(!short.contains("all changes"), "{short}");
}
