//! End-to-end tests of the real binary in a pseudo-terminal: quitting with q, Ctrl-C, SIGTERM, a
//! resize, a forced panic — the terminal must be restored every time (main screen, cursor shown,
//! mouse capture off) — and a hostile guide whose escape sequences must never reach the terminal.
//!
//! The screen is read through the vt100 parser; the raw bytes are kept too. Waits poll for the
//! expected text with a timeout (`COOP_GUIDE_PTY_TIMEOUT` seconds, 10 by default), never sleep.

#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, ExitStatus, MasterPty, PtySize};

const BIN: &str = env!("CARGO_BIN_EXE_coop-guide");
const GUIDE: &str = "guides/decision-making.ron";

fn timeout() -> Duration {
    let secs = std::env::var("COOP_GUIDE_PTY_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    Duration::from_secs(secs)
}

/// The binary running in a pseudo-terminal, with everything it wrote.
struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    parser: vt100::Parser,
    fed: usize,
}

impl Pty {
    fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn the binary");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        // Drain the pty on a thread, so the child never blocks on a full buffer.
        let reader = std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("output lock")
                    .extend_from_slice(&chunk[..n]);
            }
        });
        Pty {
            child,
            master: pair.master,
            writer,
            output,
            reader: Some(reader),
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            fed: 0,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    fn raw(&self) -> Vec<u8> {
        self.output.lock().expect("output lock").clone()
    }

    /// Feeds the parser what arrived since last time and returns the screen's text.
    fn screen(&mut self) -> String {
        let raw = self.raw();
        self.parser.process(&raw[self.fed..]);
        self.fed = raw.len();
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen after the timeout.
    fn wait_for(&mut self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > timeout() {
                panic!("timed out waiting for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the process to end, then for the last of its output.
    fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            if start.elapsed() > timeout() {
                let _ = self.child.kill();
                panic!(
                    "the player did not exit; the screen shows:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.screen();
        status
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.screen();
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    /// The terminal is back to normal: main screen, cursor shown, mouse off, and the raw output
    /// holds the restore sequences after the last use of the alternate screen.
    fn assert_restored(&mut self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture is still on"
        );
        let raw = self.raw();
        let last = |needle: &[u8]| raw.windows(needle.len()).rposition(|w| w == needle);
        let entered = last(b"\x1b[?1049h").expect("the player used the alternate screen");
        for restore in [
            &b"\x1b[?1049l"[..],
            b"\x1b[?25h",
            b"\x1b[?1000l",
            b"\x1b[?1006l",
        ] {
            let at = last(restore).unwrap_or_else(|| {
                panic!("no {:?} in the output", String::from_utf8_lossy(restore))
            });
            assert!(
                at > entered,
                "{:?} comes before the alternate screen",
                String::from_utf8_lossy(restore)
            );
        }
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}

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
    pty.send("q");
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
    let pid = pty.child.process_id().expect("pid");
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

#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    let mut pty = Pty::spawn(&["play", GUIDE], &[("COOP_GUIDE_TEST_PANIC", "1")], 80, 24);
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
