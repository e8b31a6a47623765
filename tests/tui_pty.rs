//! End-to-end tests of the real binary in a pseudo-terminal: quitting with q, Ctrl-C, SIGTERM, a
//! resize, a forced panic — the terminal must be restored every time (main screen, cursor shown,
//! mouse capture off) — and a hostile guide whose escape sequences must never reach the terminal.
//!
//! The harness is `support::pty`: the screen through the vt100 parser, the raw bytes kept too,
//! waits that poll with a timeout.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]
#![cfg(unix)]

mod support;

use support::pty::{nz, Pty};

const GUIDE: &str = support::DECISION;

#[test]
fn q_quits_and_restores_the_terminal() {
    let mut pty = Pty::spawn(&["play", GUIDE], &[], 80, 24);
    pty.wait_for("Start");
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    pty.assert_restored();
}

#[test]
fn a_whole_walk_then_q_at_the_result() {
    let mut pty = Pty::spawn(&["play", GUIDE], &[], 80, 24);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("How many people take part in decisions?");
    pty.send("1");
    pty.wait_for("How quickly");
    pty.send("2");
    pty.wait_for("See the result");
    pty.send("\r");
    pty.wait_for("Recommended for your group");
    // The result is not saved: q asks first, and y quits.
    pty.send("q");
    pty.wait_for("Your result is not saved");
    pty.send("y");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn ctrl_c_quits_at_once_and_restores_the_terminal() {
    let mut pty = Pty::spawn(&["play", GUIDE], &[], 80, 24);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("How many people");
    pty.send("1");
    pty.wait_for("How quickly");
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(status.signal().is_none(), "killed by a signal: {status:?}");
    assert_eq!(status.exit_code(), 130, "interrupted: {status:?}");
    pty.assert_restored();
}

/// Sends a signal with `kill` and checks the exit code and the terminal.
fn signal_restores(signal: &str, code: u32) {
    let mut pty = Pty::spawn(&["play", GUIDE], &[], 80, 24);
    pty.wait_for("Start");
    let pid = pty.pid();
    let killed = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), code, "{signal}: {status:?}");
    pty.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    signal_restores("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    signal_restores("HUP", 129);
}

#[test]
fn resizing_redraws_down_to_too_small_and_back() {
    let mut pty = Pty::spawn(&["play", GUIDE], &[], 100, 30);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("Why we ask");
    pty.resize(40, 12);
    pty.wait_for("step 1");
    pty.resize(30, 10);
    pty.wait_for("needs 40×12, now 30×10");
    pty.resize(120, 40);
    let screen = pty.wait_for("Why we ask");
    assert!(screen.contains("How many people take part in decisions?"));
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

/// Only debug builds can be asked to panic (release builds have no such path).
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    // Without a backtrace, so the message itself stays on the screen.
    let env = [("COOP_GUIDE_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")];
    let mut pty = Pty::spawn(&["play", GUIDE], &env, 80, 24);
    let status = pty.wait_exit();
    assert!(!status.success());
    pty.assert_restored();
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    let message = raw
        .find("panicking after the first frame")
        .expect("panic message printed");
    assert!(message > left, "the message is printed on the main screen");
    assert!(pty.screen().contains("panicking after the first frame"));
}

/// Records what a terminal would have done with window titles and the clipboard.
#[derive(Default)]
struct Spy {
    titles: Vec<Vec<u8>>,
    clipboard: usize,
}

impl vt100::Callbacks for Spy {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], _: &[u8]) {
        self.clipboard += 1;
    }
}

#[test]
fn escape_sequences_in_a_hostile_guide_never_reach_the_terminal() {
    let mut pty = Pty::spawn(&["play", "tests/fixtures/tui/hostile.ron"], &[], 100, 30);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("Answer");
    pty.send("w");
    pty.send("1");
    pty.wait_for("See the result");
    pty.send("\r");
    let screen = pty.wait_for("Recommended for your group");
    assert!(
        screen.contains("]0;pwned"),
        "the harmless rest of the text is shown:\n{screen}"
    );
    pty.send("q");
    pty.wait_for("Your result is not saved");
    pty.send("y");
    assert!(pty.wait_exit().success());
    pty.assert_restored();

    let raw = pty.raw();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(
        !has(b"\x1b]"),
        "an OSC sequence (title, clipboard) reached the terminal"
    );
    assert!(!has(b"\x1b[2J"), "a screen clear reached the terminal");
    assert!(
        !has(b"\x1b[31m"),
        "a colour from the guide reached the terminal"
    );
    assert!(
        !has("\u{9b}".as_bytes()),
        "a C1 control reached the terminal"
    );
    assert!(
        !has("\u{202e}".as_bytes()),
        "a bidi override reached the terminal"
    );
    assert!(!has(b"\x07"), "a BEL reached the terminal");

    let mut spy = vt100::Parser::new_with_callbacks(nz(30), nz(100), 0, Spy::default());
    spy.process(&raw);
    assert!(
        spy.callbacks().titles.is_empty(),
        "the window title was changed"
    );
    assert_eq!(spy.callbacks().clipboard, 0, "the clipboard was written");
}
