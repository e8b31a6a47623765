//! The terminal guard: raw mode, the alternate screen, a hidden cursor and mouse capture on the way
//! in, and all of it undone on every way out — a normal quit, Ctrl-C, SIGTERM, SIGHUP, SIGINT and
//! a panic.
//!
//! `ratatui::restore` leaves the cursor hidden and mouse capture on after a signal or a panic
//! (research/tui.md §4.1), so the restore here is written out in full, once, in [`restore`].
//!
//! The pieces the shell ([`super::shell`]) draws with live here too: the [`Tty`], one
//! synchronized frame ([`draw_frame`]), and how a view's run ends ([`Ending`]).

use std::io::{self, BufWriter, Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Once, OnceLock};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, BeginSynchronizedUpdate, EndSynchronizedUpdate,
    EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{execute, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::{Frame, Terminal};

/// The terminal the loops draw on.
pub type Tty = Terminal<CrosstermBackend<Box<dyn Write>>>;

/// A terminal on standard output whose last frame is empty; a buffered writer sends each frame in
/// one write.
pub fn tty() -> io::Result<Tty> {
    let out: Box<dyn Write> = Box::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    Terminal::new(CrosstermBackend::new(out))
}

/// Draws one frame inside a synchronized update, so terminals that support it (DEC mode 2026)
/// show the frame at once. Only what changed since the last frame is written.
pub fn draw_frame<W: Write>(
    terminal: &mut Terminal<CrosstermBackend<W>>,
    draw: impl FnOnce(&mut Frame),
) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let drawn = terminal.draw(draw).map(|_| ());
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    drawn
}

/// How a full-screen loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// The user pressed Ctrl-C.
    Interrupted,
}

/// True while the terminal is in the player's modes and must be restored.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The last signal received, written by the signal handler.
static SIGNAL: AtomicUsize = AtomicUsize::new(0);
static HOOKS: Once = Once::new();
/// True while a child process in the foreground (the user's `$EDITOR`) has the terminal.
static CHILD: AtomicBool = AtomicBool::new(false);
/// The signal thread's wake-up socket, kept to tell the thread when a child has ended.
static WAKER: OnceLock<UnixStream> = OnceLock::new();
/// The byte that tells the signal thread a child has ended (the signal handlers write others).
const CHILD_ENDED: u8 = 0;

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

/// Runs a child process that has the terminal (the user's `$EDITOR`), leaving Ctrl-C to it: a
/// SIGINT while it runs does not end coop-guide, as git does while the editor runs. SIGTERM and
/// SIGHUP still do.
pub fn leaving_ctrl_c_to<T>(child: impl FnOnce() -> T) -> T {
    CHILD.store(true, Ordering::SeqCst);
    let _ended = ChildEnded;
    child()
}

/// Ends [`leaving_ctrl_c_to`], even on a panic.
struct ChildEnded;

impl Drop for ChildEnded {
    fn drop(&mut self) {
        // The signal thread clears the flag when it reads this byte, after every wake-up sent
        // before it: a Ctrl-C that came while the child ran is ignored even if read late.
        let told = WAKER
            .get()
            .is_some_and(|mut waker| waker.write_all(&[CHILD_ENDED]).is_ok());
        if !told {
            CHILD.store(false, Ordering::SeqCst);
        }
    }
}

/// SIGTERM, SIGHUP and SIGINT restore the terminal and exit with 128 + the signal's number (143,
/// 129, 130), except SIGINT while a child has the terminal ([`leaving_ctrl_c_to`]). The handlers
/// only record the signal and wake a thread through a socket; the thread does the work, outside
/// the signal handler.
fn install_signal_handlers() {
    use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
    let Ok((mut wake, waker)) = UnixStream::pair() else {
        return;
    };
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        let recorded = usize::try_from(signal)
            .ok()
            .map(|n| signal_hook::flag::register_usize(signal, &SIGNAL, n));
        let woken = waker
            .try_clone()
            .and_then(|w| signal_hook::low_level::pipe::register(signal, w));
        if !matches!(recorded, Some(Ok(_))) || woken.is_err() {
            return;
        }
    }
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let mut byte = [0u8; 1];
            while let Ok(1) = wake.read(&mut byte) {
                if byte[0] == CHILD_ENDED {
                    CHILD.store(false, Ordering::SeqCst);
                    continue;
                }
                let signal = i32::try_from(SIGNAL.load(Ordering::SeqCst)).unwrap_or(SIGTERM);
                if signal == SIGINT && CHILD.load(Ordering::SeqCst) {
                    continue;
                }
                restore();
                std::process::exit(128 + signal);
            }
        });
    if spawned.is_ok() {
        let _ = WAKER.set(waker);
    }
}
