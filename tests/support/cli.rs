//! The real binary run as a command, with its input piped in: how scripts, pipes and screen
//! readers use the plain mode and the other commands.

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

/// `coop-guide ARGS`, its output and errors captured.
fn coop_guide(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coop-guide"));
    command
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn start(command: &mut Command) -> Child {
    command.spawn().expect("start coop-guide")
}

/// Runs `coop-guide ARGS` with `input` on standard input and returns what it wrote.
pub fn run(args: &[&str], input: &str) -> Output {
    run_in(std::path::Path::new("."), args, input)
}

/// Runs `coop-guide ARGS` with standard output already closed by its reader (as `| head -c1`
/// leaves it), and returns its exit status and standard error.
pub fn run_with_closed_stdout(args: &[&str]) -> Output {
    let mut child = start(coop_guide(args).stdin(Stdio::null()));
    // The reader goes away before the program writes anything.
    drop(child.stdout.take());
    child.wait_with_output().expect("wait")
}

/// Runs `coop-guide ARGS` with nothing on standard input, and fails the test when it takes
/// longer than `limit` (killing it): nothing the program is given may make it hang.
pub fn run_within(args: &[&str], limit: std::time::Duration) -> Output {
    let mut child = start(coop_guide(args).stdin(Stdio::null()));
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("coop-guide {args:?} took longer than {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Makes a named pipe (FIFO) at `path`.
pub fn mkfifo(path: &std::path::Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// Runs `coop-guide ARGS` in a folder (where it saves files) with `input` on standard input.
pub fn run_in(dir: &std::path::Path, args: &[&str], input: &str) -> Output {
    // The binary may exit before reading everything (a usage error): that is not a failure here.
    let mut child = start(
        coop_guide(args)
            .current_dir(dir)
            .env_remove("NO_COLOR")
            .stdin(Stdio::piped()),
    );
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    child.wait_with_output().expect("wait")
}
