//! The terminal guard: raw mode, the alternate screen, a hidden cursor and mouse capture on the way
//! in, and all of it undone on every way out — a normal quit, Ctrl-C, SIGTERM, SIGHUP, SIGINT and
//! a panic.
//!
//! `ratatui::restore` leaves the cursor hidden and mouse capture on after a signal or a panic
//! (research/tui.md §4.1), so the restore here is written out in full, once, in [`restore`]. It is
//! the only thing in the player that writes to the terminal outside ratatui's buffer.

use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Once;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};

/// True while the terminal is in the player's modes and must be restored.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The last signal received, written by the signal handler.
static SIGNAL: AtomicUsize = AtomicUsize::new(0);
static HOOKS: Once = Once::new();

/// Holds the terminal in the player's modes; dropping it restores them.
#[derive(Debug)]
pub struct Guard {
    _private: (),
}

impl Guard {
    /// Enters raw mode and the alternate screen, hides the cursor and captures the mouse. The
    /// panic hook and the signal handlers are installed the first time.
    pub fn enter() -> io::Result<Guard> {
        HOOKS.call_once(|| {
            install_panic_hook();
            install_signal_handlers();
        });
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        // From here on, an early return drops the guard, which restores what was done.
        let guard = Guard { _private: () };
        execute!(io::stdout(), EnterAlternateScreen, Hide, EnableMouseCapture)?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as it was: synchronized updates ended, mouse capture off, the main
/// screen, the cursor shown, raw mode off. Safe to call from any thread, any number of times;
/// only the first call after [`Guard::enter`] does anything.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout().lock();
    let _ = execute!(
        out,
        EndSynchronizedUpdate,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// A panic restores the terminal first, so the message is printed on the main screen.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// SIGTERM, SIGHUP and SIGINT restore the terminal and exit with 128 + the signal's number (143,
/// 129, 130). The handlers only record the signal and wake a thread through a socket; the thread
/// does the work, outside the signal handler.
fn install_signal_handlers() {
    use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
    let Ok((mut wake, waker)) = UnixStream::pair() else {
        return;
    };
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        let recorded = signal_hook::flag::register_usize(signal, &SIGNAL, signal as usize);
        let woken = waker
            .try_clone()
            .and_then(|w| signal_hook::low_level::pipe::register(signal, w));
        if recorded.is_err() || woken.is_err() {
            return;
        }
    }
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let mut byte = [0u8; 1];
            if let Ok(1) = wake.read(&mut byte) {
                restore();
                let signal = SIGNAL.load(Ordering::SeqCst) as i32;
                std::process::exit(128 + signal);
            }
        });
    drop(spawned);
}
