//! The editor's input: the keyboard, and a bell that the file watcher rings.
//!
//! The shell blocks on its input source until a key comes or the view's wake time is due. The
//! editor also wants to wake the moment a file changes, not at its next look: so it waits on the
//! terminal and on a [`Bell`] together (one `poll` of both, no CPU while waiting), and the
//! [`Watcher`](crate::watch::Watcher) rings the bell from its own thread. When the bell rings,
//! the wait ends with no input; the shell tells the editor the time, and the editor looks at its
//! files. A change of window size rings the bell too, so the wait ends for it as it does for
//! every other view. Keys are read by crossterm, as the keyboard of every other view reads them.

use std::io;
use std::time::Duration;

use crossterm::event;

use crate::tui::input::{decode, Input};

pub use platform::{Bell, Listening};

/// Reads the next key, click or resize crossterm has ready, without waiting.
fn ready() -> io::Result<Option<Input>> {
    while event::poll(Duration::ZERO)? {
        if let Some(input) = decode(event::read()?) {
            return Ok(Some(input));
        }
    }
    Ok(None)
}

#[cfg(unix)]
mod platform {
    use std::io::{self, Read, Write};
    use std::os::fd::{AsRawFd, RawFd};
    use std::os::unix::net::UnixStream;
    use std::time::{Duration, Instant};

    use mio::unix::SourceFd;
    use mio::{Events, Interest, Poll, Token};

    use super::{ready, Input};
    use crate::tui::input::{InputSource, Keyboard};

    const TERMINAL: Token = Token(0);
    const BELL: Token = Token(1);

    /// Rings the editor awake from any thread: one byte on a socket the editor waits on.
    #[derive(Debug)]
    pub struct Bell(UnixStream);

    impl Bell {
        /// Rings. Never blocks: a bell that has not been answered yet is ringing already.
        pub fn ring(&self) {
            let _ = (&self.0).write(&[1]);
        }
    }

    /// The terminal and the bell, waited on together.
    #[derive(Debug)]
    pub struct Listening {
        poll: Poll,
        events: Events,
        bell: UnixStream,
        ringer: UnixStream,
        /// `/dev/tty`, opened when standard input is not the terminal.
        _tty: Option<std::fs::File>,
        resize: Option<signal_hook::SigId>,
    }

    impl Listening {
        /// Listens to the terminal (standard input, or `/dev/tty`) and to a new bell.
        pub fn new() -> io::Result<Listening> {
            let (bell, ringer) = UnixStream::pair()?;
            bell.set_nonblocking(true)?;
            ringer.set_nonblocking(true)?;
            let (fd, tty): (RawFd, _) = if std::io::IsTerminal::is_terminal(&io::stdin()) {
                (io::stdin().as_raw_fd(), None)
            } else {
                let tty = std::fs::File::open("/dev/tty")?;
                (tty.as_raw_fd(), Some(tty))
            };
            let poll = Poll::new()?;
            poll.registry()
                .register(&mut SourceFd(&fd), TERMINAL, Interest::READABLE)?;
            poll.registry()
                .register(&mut SourceFd(&bell.as_raw_fd()), BELL, Interest::READABLE)?;
            // A new window size wakes the wait as a key does; crossterm reports the size.
            let resize = ringer.try_clone().ok().and_then(|ringer| {
                signal_hook::low_level::pipe::register(
                    signal_hook::consts::signal::SIGWINCH,
                    ringer,
                )
                .ok()
            });
            Ok(Listening {
                poll,
                events: Events::with_capacity(4),
                bell,
                ringer,
                _tty: tty,
                resize,
            })
        }

        /// A bell that ends the wait, for the watcher's thread.
        pub fn bell(&self) -> io::Result<Bell> {
            Ok(Bell(self.ringer.try_clone()?))
        }

        /// Takes every ring waiting, so the next wait blocks again.
        fn answer(&mut self) {
            let mut buf = [0u8; 64];
            while let Ok(n) = self.bell.read(&mut buf) {
                if n == 0 {
                    break;
                }
            }
        }
    }

    impl Drop for Listening {
        fn drop(&mut self) {
            if let Some(id) = self.resize.take() {
                signal_hook::low_level::unregister(id);
            }
        }
    }

    impl InputSource for Listening {
        fn size(&mut self) -> io::Result<(u16, u16)> {
            Keyboard.size()
        }

        fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Input>> {
            let deadline = wait.map(|wait| Instant::now() + wait);
            let mut rang = false;
            loop {
                if let Some(input) = ready()? {
                    return Ok(Some(input));
                }
                if rang {
                    return Ok(None);
                }
                let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
                if left == Some(Duration::ZERO) {
                    return Ok(None);
                }
                match self.poll.poll(&mut self.events, left) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
                if self.events.iter().any(|e| e.token() == BELL) {
                    rang = true;
                    self.answer();
                }
            }
        }
    }
}

#[cfg(not(unix))]
mod platform {
    use std::io;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use super::{ready, Input};
    use crate::tui::input::{InputSource, Keyboard};

    /// How long one wait on the keyboard lasts before the bell is checked.
    const SLICE: Duration = Duration::from_millis(20);

    /// Rings the editor awake from any thread.
    #[derive(Debug, Clone)]
    pub struct Bell(Arc<AtomicBool>);

    impl Bell {
        /// Rings.
        pub fn ring(&self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    /// The keyboard, waited on in short slices, and the bell checked between them.
    #[derive(Debug, Default)]
    pub struct Listening {
        rang: Arc<AtomicBool>,
    }

    impl Listening {
        /// Listens to the keyboard and to a new bell.
        pub fn new() -> io::Result<Listening> {
            Ok(Listening::default())
        }

        /// A bell that ends the wait.
        pub fn bell(&self) -> io::Result<Bell> {
            Ok(Bell(Arc::clone(&self.rang)))
        }
    }

    impl InputSource for Listening {
        fn size(&mut self) -> io::Result<(u16, u16)> {
            Keyboard.size()
        }

        fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Input>> {
            let deadline = wait.map(|wait| Instant::now() + wait);
            loop {
                if let Some(input) = ready()? {
                    return Ok(Some(input));
                }
                if self.rang.swap(false, Ordering::SeqCst) {
                    return Ok(None);
                }
                let left = deadline.map_or(SLICE, |d| d.saturating_duration_since(Instant::now()));
                if left.is_zero() {
                    return Ok(None);
                }
                if let Some(input) = Keyboard.next(Some(left.min(SLICE)))? {
                    return Ok(Some(input));
                }
            }
        }
    }
}
