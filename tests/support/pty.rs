//! The real binary in a pseudo-terminal, for the end-to-end tests. The screen is read through the
//! vt100 parser; the raw bytes are kept too. Waits poll for the expected text with a timeout
//! (`COOP_GUIDE_PTY_TIMEOUT` seconds, 10 by default), never sleep blindly.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, ExitStatus, MasterPty, PtySize};

const BIN: &str = env!("CARGO_BIN_EXE_coop-guide");

/// How long to wait for a screen, from `COOP_GUIDE_PTY_TIMEOUT` (seconds; 10 by default).
pub fn timeout() -> Duration {
    let secs = std::env::var("COOP_GUIDE_PTY_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    Duration::from_secs(secs)
}

/// A terminal dimension for the vt100 parser (at least 1).
pub fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap_or(NonZeroU16::MIN)
}

/// The binary running in a pseudo-terminal, with everything it wrote.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    // Dropping the master closes the terminal; it is kept for the child's lifetime.
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    parser: vt100::Parser,
    fed: usize,
}

impl Pty {
    /// Starts the binary in the crate's folder with arguments and extra environment, in a
    /// terminal of a size.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        Pty::spawn_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, env, cols, rows)
    }

    /// Starts the binary in a folder with arguments and extra environment, in a terminal of a
    /// size.
    pub fn spawn_in(cwd: &Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
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
        cmd.cwd(cwd);
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

    /// The process id of the binary.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Sends the program SIGKILL with `kill -9` (a real kill, never a polite one).
    pub fn kill_9(&self) {
        let killed = std::process::Command::new("kill")
            .args(["-9", &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(killed.success());
    }

    /// Types keys.
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Everything written so far.
    pub fn raw(&self) -> Vec<u8> {
        self.output.lock().expect("output lock").clone()
    }

    /// Feeds the parser what arrived since last time and returns the screen's text.
    pub fn screen(&mut self) -> String {
        let raw = self.raw();
        self.parser.process(&raw[self.fed..]);
        self.fed = raw.len();
        self.parser.screen().contents()
    }

    /// How many cells on the screen have a colour (foreground or background), and how many are
    /// in reverse video.
    pub fn colours(&mut self) -> (usize, usize) {
        self.screen();
        let screen = self.parser.screen();
        let (rows, cols) = screen.size();
        let (mut coloured, mut reversed) = (0, 0);
        for row in 0..rows.get() {
            for col in 0..cols.get() {
                let Some(cell) = screen.cell(row, col) else {
                    continue;
                };
                if cell.fgcolor() != vt100::Color::Default
                    || cell.bgcolor() != vt100::Color::Default
                {
                    coloured += 1;
                }
                if cell.inverse() {
                    reversed += 1;
                }
            }
        }
        (coloured, reversed)
    }

    /// True while the program is on the alternate screen.
    pub fn on_alternate_screen(&mut self) -> bool {
        self.screen();
        self.parser.screen().alternate_screen()
    }

    /// Waits up to `limit` until the screen shows `text`; panics with the screen otherwise.
    pub fn wait_for_within(&mut self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > limit {
                panic!("timed out waiting for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_for_within(text, timeout())
    }

    /// Waits until `done` holds, or panics saying `what`.
    pub fn wait_until(&mut self, what: &str, mut done: impl FnMut(&mut Pty) -> bool) {
        let start = Instant::now();
        while !done(self) {
            if start.elapsed() > timeout() {
                panic!(
                    "timed out waiting for {what}; the screen shows:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the process to end, then for the last of its output.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            if start.elapsed() > timeout() {
                let _ = self.child.kill();
                panic!(
                    "the program did not exit; the screen shows:\n{}",
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

    /// Resizes the terminal.
    pub fn resize(&mut self, cols: u16, rows: u16) {
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
    pub fn assert_restored(&mut self) {
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
        let entered = last(b"\x1b[?1049h").expect("the program used the alternate screen");
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

    /// How many times the output entered the alternate screen.
    pub fn times_entered(&self) -> usize {
        let raw = self.raw();
        let needle = b"\x1b[?1049h";
        raw.windows(needle.len()).filter(|w| w == needle).count()
    }
}
