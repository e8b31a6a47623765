//! The room as a participant meets it: the system's OpenSSH client in a pseudo-terminal joins
//! a presenter (the real binary, in a pseudo-terminal of its own) over loopback. `ssh` shows
//! the same fingerprint the presenter shows; the room code is the password (a wrong one is
//! refused and asked again); the participant sees the question, votes, and the presenter
//! counts the vote; quitting the presenter ends the participant's `ssh`. Skipped, with a
//! message, where `ssh` is not installed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]
#![cfg(unix)]

mod support;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};
use support::pty::{nz, timeout, Pty};
use support::DECISION as GUIDE;

/// The system's `ssh` in a pseudo-terminal.
struct Ssh {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    parser: vt100::Parser,
    fed: usize,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Ssh {
    fn spawn(args: &[String], home: &Path) -> Ssh {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new("ssh");
        cmd.args(args);
        cmd.env("HOME", home);
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("ssh starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("lock").extend_from_slice(&chunk[..n]);
            }
        });
        Ssh {
            child,
            writer,
            output,
            parser: vt100::Parser::new(nz(24), nz(80), 0),
            fed: 0,
            _master: pair.master,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
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
            assert!(
                start.elapsed() < timeout(),
                "ssh never showed {text:?}; it shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if start.elapsed() > timeout() {
                let _ = self.child.kill();
                panic!("ssh did not exit:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Ssh {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn ssh_installed() -> bool {
    std::process::Command::new("ssh")
        .arg("-V")
        .output()
        .is_ok_and(|out| out.status.success())
}

/// The word after `label` on the screen.
fn after<'a>(screen: &'a str, label: &str) -> &'a str {
    let at = screen
        .find(label)
        .unwrap_or_else(|| panic!("no {label:?} in:\n{screen}"));
    screen[at + label.len()..]
        .split_whitespace()
        .next()
        .expect("a word after it")
}

#[test]
fn openssh_joins_with_the_code_sees_the_question_and_its_vote_is_counted() {
    if !ssh_installed() {
        eprintln!("skipped: the OpenSSH client (`ssh`) is not installed here");
        return;
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group.ron");
    let key = dir.path().join("host-key");
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join(GUIDE);
    let args = [
        "facilitate",
        guide.to_str().expect("path"),
        "--session",
        session.to_str().expect("path"),
        "--serve",
        "127.0.0.1:0",
        "--host-key",
        key.to_str().expect("path"),
    ];
    let mut presenter = Pty::spawn_in(dir.path(), &args, &[], 110, 32);
    let screen = presenter.wait_for("SHA256:");
    let port = after(&screen, "ssh -p ").to_string();
    let code = after(&screen, "code ").to_string();
    let fingerprint = after(&screen, "SHA256:").to_string();
    assert!(screen.contains("0 connected"), "{screen}");

    let home = tempfile::tempdir().expect("a home for ssh");
    let ssh_args: Vec<String> = [
        "-F",
        "/dev/null",
        "-o",
        "StrictHostKeyChecking=ask",
        "-o",
        &format!(
            "UserKnownHostsFile={}",
            home.path().join("known_hosts").display()
        ),
        "-o",
        "PubkeyAuthentication=no",
        "-o",
        "PreferredAuthentications=password",
        "-p",
        &port,
        "room@127.0.0.1",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut ssh = Ssh::spawn(&ssh_args, home.path());
    // The first time, ssh shows the room's key: the fingerprint the presenter shows.
    let asked = ssh.wait_for("(yes/no");
    assert!(
        asked.contains(&format!("SHA256:{fingerprint}")),
        "ssh shows another key:\n{asked}\nthe presenter shows SHA256:{fingerprint}"
    );
    ssh.send("yes\r");
    let prompt = ssh.wait_for("password:");
    assert!(
        prompt.contains("the room code"),
        "the banner says what the password is:\n{prompt}"
    );
    // A wrong code is refused, and ssh asks again.
    ssh.send("AAA-AAA\r");
    ssh.wait_for("Permission denied, please try again.");
    ssh.send(&format!("{}\r", code.to_lowercase()));
    ssh.wait_for("Your name:");
    ssh.send("Zoe\r");
    ssh.wait_for("you: Zoe");
    presenter.wait_for("1 connected");

    // The presenter closes the join panel and starts; the participant follows.
    presenter.send("\r");
    presenter.send("\r");
    ssh.wait_for("How many people take part in decisions?");
    ssh.send("2");
    ssh.wait_for("Your vote: 2.");
    let counted = presenter.wait_for("1 online");
    let row = counted
        .lines()
        .find(|l| l.contains("More than twelve"))
        .expect("the answer's row");
    assert!(row.contains("1 online"), "{counted}");

    // Quitting the presenter asks first (someone is connected), then ends the participant's
    // session, cleanly.
    presenter.send("q");
    presenter.wait_for("1 connected: q again ends the workshop for them");
    presenter.send("q");
    assert!(presenter.wait_exit().success());
    presenter.assert_restored();
    let status = ssh.wait_exit();
    let after_exit = ssh.screen();
    assert!(
        after_exit.contains("The workshop session has ended."),
        "{after_exit}"
    );
    assert!(status.success(), "{status:?}");
    let file = coop_guide::store::read_file(&session).expect("the session reads");
    assert_eq!(file.online.len(), 1, "{file:?}");
    assert_eq!(file.online[0].votes, vec![("large".to_string(), 1)]);
}
