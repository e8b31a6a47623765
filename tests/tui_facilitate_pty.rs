//! Workshop mode end to end, in a pseudo-terminal: `facilitate` starts, a question is answered,
//! Ctrl-C leaves at once with the terminal restored and the answer in the session file; running
//! again resumes at the next question. The report viewer opens and quits the same way.
//!
//! The harness is a trimmed copy of the one in `tui_pty.rs` (screen through the vt100 parser,
//! waits that poll with a timeout, `COOP_GUIDE_PTY_TIMEOUT` seconds, 10 by default).

#![cfg(unix)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use coop_guide::engine::session::Session;
use portable_pty::{native_pty_system, Child, CommandBuilder, ExitStatus, PtySize};

const BIN: &str = env!("CARGO_BIN_EXE_coop-guide");
const GUIDE: &str = "guides/decision-making.ron";
const ROWS: std::num::NonZeroU16 = std::num::NonZeroU16::new(24).expect("24 is not zero");
const COLS: std::num::NonZeroU16 = std::num::NonZeroU16::new(80).expect("80 is not zero");

fn timeout() -> Duration {
    let secs = std::env::var("COOP_GUIDE_PTY_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    Duration::from_secs(secs)
}

struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    parser: vt100::Parser,
    fed: usize,
    // Dropping the master closes the terminal; keep it for the child's lifetime.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    fn spawn(args: &[&str], cwd: &Path) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn the binary");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        let reader = std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("lock").extend_from_slice(&chunk[..n]);
            }
        });
        Pty {
            child,
            writer,
            output,
            reader: Some(reader),
            parser: vt100::Parser::new(ROWS, COLS, 0),
            fed: 0,
            _master: pair.master,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    fn screen(&mut self) -> String {
        let raw = self.output.lock().expect("lock").clone();
        self.parser.process(&raw[self.fed..]);
        self.fed = raw.len();
        self.parser.screen().contents()
    }

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

    fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            if start.elapsed() > timeout() {
                let _ = self.child.kill();
                panic!("did not exit; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.screen();
        status
    }

    /// Main screen, cursor shown, mouse capture off.
    fn assert_restored(&mut self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture is still on"
        );
    }
}

#[test]
fn ctrl_c_keeps_the_answer_and_the_next_run_resumes_at_the_next_question() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join(GUIDE);
    let args = [
        "facilitate",
        guide.to_str().expect("utf-8 path"),
        "--session",
        session.to_str().expect("utf-8 path"),
        "--group",
        "Group A",
    ];

    let mut pty = Pty::spawn(&args, dir.path());
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("How many people take part in decisions?");
    pty.send("++\r");
    pty.wait_for("How quickly");
    pty.send("\x03");
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 130, "interrupted: {status:?}");
    pty.assert_restored();

    let file = Session::read(&session).expect("the session file reads");
    assert_eq!(file.group, "Group A");
    assert_eq!(
        file.answers,
        vec![("size".to_string(), "small".to_string())]
    );
    assert_eq!(file.at, "pace");
    assert_eq!(file.tallies.len(), 1);

    let mut pty = Pty::spawn(&args, dir.path());
    let screen = pty.wait_for("How quickly");
    assert!(!screen.contains("Start"), "no intro on resume:\n{screen}");
    assert!(screen.contains("Group A"), "{screen}");
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn the_report_viewer_opens_and_quits() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join(GUIDE);
    let guide = guide.to_str().expect("utf-8 path");
    let mut files = Vec::new();
    for (name, answers) in [("a.ron", "small"), ("b.ron", "large")] {
        let path = dir.path().join(name);
        let text = format!(
            "Session(format: 1, guide: \"decision-making\", guide_version: \"1.0.0\", \
             group: \"{name}\", answers: [(\"size\", \"{answers}\")], at: \"size\")"
        );
        std::fs::write(&path, text).expect("write a session");
        files.push(path.to_str().expect("utf-8 path").to_string());
    }
    let mut args = vec!["report", files[0].as_str(), files[1].as_str()];
    args.extend(["--guide", guide]);
    let mut pty = Pty::spawn(&args, dir.path());
    pty.wait_for("Outcomes across groups");
    pty.send("s");
    pty.wait_for("Comparison saved to");
    assert!(dir.path().join("coop-guide-comparison.md").exists());
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}
