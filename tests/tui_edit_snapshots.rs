//! Snapshots of the editor at 120×35 (side by side), 80×24 (stacked) and 40×12 (one pane at a
//! time), and the "too small" screen. Review changes to the `.snap` files like code: they are
//! what guide editors see.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::path::PathBuf;

use coop_guide::tui::edit::App;
use insta::assert_snapshot;
use support::edit::{editor, press, reload};
use support::{backend, DECISION};

const BROKEN: &str = "tests/fixtures/edit/broken-link.ron";

/// A working copy of the decision guide at a path of its own for each size (the same on every
/// machine, so the snapshots can show it), as an author has a guide before a save breaks it in
/// place.
fn working_copy(width: u16, height: u16) -> PathBuf {
    let dir = PathBuf::from(format!("target/{width}x{height}"));
    std::fs::create_dir_all(&dir).expect("a folder for the working copy");
    let path = dir.join("decision-making.ron");
    std::fs::copy(DECISION, &path).expect("copy the guide");
    path
}

/// The editor in each state worth seeing: a name, and how a user gets there.
fn states(width: u16, height: u16) -> Vec<(&'static str, App)> {
    let at = |keys: &str| {
        let mut app = editor(DECISION, width, height);
        press(&mut app, keys);
        app
    };
    // Playing the preview, then a save that breaks a link in the same file, then `keys`.
    let broken = |keys: &str| {
        let path = working_copy(width, height);
        let mut app = editor(&path, width, height);
        press(&mut app, "jjjj<tab>1<tab>");
        std::fs::copy(BROKEN, &path).expect("the broken save");
        reload(&mut app, &path);
        press(&mut app, keys);
        app
    };
    vec![
        ("outline", at("")),
        ("preview", at("jjjj<tab>1")),
        ("help", at("<tab>?")),
        ("last_good_problems", broken("")),
        ("last_good_jumped", broken("<enter>")),
        (
            "marks",
            editor("tests/fixtures/edit/marks.ron", width, height),
        ),
    ]
}

fn snapshot_all(width: u16, height: u16) {
    for (name, app) in states(width, height) {
        assert_snapshot!(format!("edit_{name}_{width}x{height}"), backend(&app));
    }
}

#[test]
fn side_by_side_at_120x35() {
    snapshot_all(120, 35);
}

#[test]
fn stacked_at_80x24() {
    snapshot_all(80, 24);
}

#[test]
fn one_pane_at_a_time_at_40x12() {
    snapshot_all(40, 12);
}

#[test]
fn too_small_asks_for_a_larger_window() {
    for (w, h) in [(39, 12), (80, 11)] {
        let app = editor(DECISION, w, h);
        assert_snapshot!(format!("edit_too_small_{w}x{h}"), backend(&app));
    }
}
