//! The remote room: participants vote from their own terminal over SSH while the presenter
//! shows the tallies live (`coop-guide facilitate --serve ADDR:PORT`).
//!
//! - [`code`]: the room code participants give as the password;
//! - [`host_key`]: the server's Ed25519 key, made once and kept, and its fingerprint;
//! - [`limits`]: every limit of the room, and the bookkeepers of failed tries and key rates;
//! - [`ballot`]: who is in the room and their votes, counted per question;
//! - [`stage`]: what participants follow (where the presenter is), and the guide's languages;
//! - [`address`]: the `ssh` command that reaches the room;
//! - [`keys`]: a participant's key bytes decoded into the views' `Input`;
//! - [`frames`]: a participant's frames as bytes for their channel;
//! - [`server`]: the SSH server, its connections and participants' tasks.
//!
//! [`Room`] is the presenter's end. The server runs on a thread of its own with a small
//! single-threaded runtime; the presenter's loop stays synchronous and only ever
//! [publishes](Room::publish) where it is (never blocking) and [drains](Room::drain) what the
//! room tells it when woken. An error in the room is a message for the presenter, never its
//! end: the workshop goes on locally.
//!
//! The participant's own view is [`crate::tui::participant`]; the presenter's side of the room
//! (the join panel, the online column) is [`crate::tui::facilitate::remote`].

pub mod address;
pub mod ballot;
pub mod code;
pub mod frames;
pub mod host_key;
pub mod keys;
pub mod limits;
pub mod server;
pub mod stage;

use std::collections::BTreeMap;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;

use russh::keys::PrivateKey;
use tokio::sync::watch;

pub use code::RoomCode;
pub use limits::Limits;
pub use stage::{Languages, Stage};

use crate::engine::session::OnlineVotes;
use crate::locale::Words;

/// What the room tells the presenter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomEvent {
    /// A question's remote votes changed: its whole count now.
    Votes {
        /// The question's id.
        question: String,
        /// The count, with names when they are recorded.
        votes: OnlineVotes,
    },
    /// How many people are in the room (joined with a name).
    People(usize),
    /// Something went wrong in the room, which goes on (a connection that failed, a refused
    /// accept).
    Trouble(String),
    /// The room stopped; the workshop goes on locally.
    Stopped(String),
}

/// Counters of the room's work, for tests, benchmarks and curious facilitators.
#[derive(Debug, Default)]
pub struct Stats {
    /// Connections accepted.
    pub connections: AtomicU64,
    /// Connections turned away by the limits before any SSH was spoken.
    pub turned_away: AtomicU64,
    /// Wrong codes (and tries from addresses turned away).
    pub codes_refused: AtomicU64,
    /// Frames sent to participants.
    pub frames_sent: AtomicU64,
    /// Frames drawn but skipped, because the participant's connection was still busy.
    pub frames_skipped: AtomicU64,
    /// Keys dropped: past a participant's rate, or with their task's queue full.
    pub keys_dropped: AtomicU64,
}

impl Stats {
    /// A counter's value.
    pub fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}

/// Everything a room is opened with.
#[derive(Debug)]
pub struct RoomConfig {
    /// Where to listen.
    pub listen: SocketAddr,
    /// The code participants give as the password.
    pub code: RoomCode,
    /// The server's host key.
    pub host_key: PrivateKey,
    /// The limits.
    pub limits: Limits,
    /// True to tell the presenter who voted for what.
    pub record_names: bool,
    /// The guide, in each language participants can choose (the presenter's first).
    pub languages: Arc<Languages>,
    /// The presenter's words (the banner ssh shows before the password is in them).
    pub words: &'static Words,
    /// Votes recorded with names in the session: question id → name → answer id.
    pub seed: BTreeMap<String, BTreeMap<String, String>>,
    /// Where the presenter is as the room opens.
    pub stage: Stage,
}

/// The presenter's end of a running room. Dropping it ends the session for everyone: each
/// participant gets a farewell, and the room's thread is gone within a couple of seconds.
pub struct Room {
    address: SocketAddr,
    stage: watch::Sender<Stage>,
    events: mpsc::Receiver<RoomEvent>,
    teller: mpsc::Sender<RoomEvent>,
    wake_pending: Arc<AtomicBool>,
    stop: watch::Sender<bool>,
    thread: Option<JoinHandle<()>>,
    stats: Arc<Stats>,
    stopped: bool,
}

impl std::fmt::Debug for Room {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Room")
            .field("address", &self.address)
            .finish()
    }
}

impl Room {
    /// Opens a room: binds `config.listen` and starts serving on the room's own thread.
    /// `wake` is called (from that thread) when the room has something to tell; the presenter
    /// then calls [`Room::drain`]. Fails when the address cannot be bound.
    pub fn open(config: RoomConfig, wake: impl Fn() + Send + Sync + 'static) -> io::Result<Room> {
        let RoomConfig {
            listen,
            code,
            host_key,
            limits,
            record_names,
            languages,
            words,
            seed,
            stage,
        } = config;
        let (stage_tx, stage_rx) = watch::channel(stage);
        let (stop_tx, stop_rx) = watch::channel(false);
        let (teller, events) = mpsc::channel();
        let wake_pending = Arc::new(AtomicBool::new(false));
        let stats = Arc::new(Stats::default());
        let mut ballot = ballot::Ballot::new(limits.max_participants);
        for (question, names) in &seed {
            ballot.seed(question, names);
        }
        let shared = Arc::new(server::Shared::new(
            code,
            limits,
            record_names,
            languages,
            words,
            ballot,
            stage_rx,
            teller.clone(),
            Box::new(wake),
            Arc::clone(&wake_pending),
            Arc::clone(&stats),
        ));
        let ssh = Arc::new(server::ssh_config(host_key, &limits));
        let (ready_tx, ready_rx) = mpsc::channel::<io::Result<SocketAddr>>();
        let thread = std::thread::Builder::new()
            .name(THREAD.into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_io()
                    .enable_time()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                let tell = Arc::clone(&shared);
                let served = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    runtime.block_on(async move {
                        let listener = match tokio::net::TcpListener::bind(listen).await {
                            Ok(listener) => listener,
                            Err(e) => {
                                let _ = ready_tx.send(Err(e));
                                return;
                            }
                        };
                        let _ = ready_tx.send(listener.local_addr());
                        server::serve(listener, ssh, shared, stop_rx).await;
                    });
                }));
                if let Err(panic) = served {
                    tell.tell(RoomEvent::Stopped(panic_text(&panic)));
                }
            })?;
        let address = ready_rx
            .recv()
            .map_err(|_| io::Error::other("the room's thread ended before it could listen"))??;
        Ok(Room {
            address,
            stage: stage_tx,
            events,
            teller,
            wake_pending,
            stop: stop_tx,
            thread: Some(thread),
            stats,
            stopped: false,
        })
    }

    /// The address the room listens on (with the port given by the system when 0 was asked).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Tells participants where the presenter is now (nothing is sent when it did not move).
    /// Never blocks.
    pub fn publish(&self, stage: Stage) {
        self.stage.send_if_modified(|now| {
            let moved = *now != stage;
            if moved {
                *now = stage;
            }
            moved
        });
    }

    /// Everything the room has told since the last call. When the room's thread has ended,
    /// the last event says so, once.
    pub fn drain(&mut self) -> Vec<RoomEvent> {
        self.wake_pending.store(false, Ordering::SeqCst);
        let mut out: Vec<RoomEvent> = self.events.try_iter().collect();
        let ended = self.thread.as_ref().is_some_and(JoinHandle::is_finished);
        if ended && !self.stopped {
            self.stopped = true;
            if !out.iter().any(|e| matches!(e, RoomEvent::Stopped(_))) {
                out.push(RoomEvent::Stopped("its thread ended".into()));
            }
        }
        out
    }

    /// The room's counters.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Keeps a panic on the room's thread from reaching the presenter's terminal: the
    /// message goes to the presenter as an event instead of to standard error (and the
    /// terminal is not restored under the presenter's feet). Call it after the presenter's
    /// screen is set up, so it wraps the hook that restores the terminal.
    pub fn contain_panics(&self) {
        let teller = Mutex::new(self.teller.clone());
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() == Some(THREAD) {
                let payload = info.payload();
                let text = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".to_string());
                if let Ok(teller) = teller.lock() {
                    let _ = teller.send(RoomEvent::Trouble(text));
                }
            } else {
                previous(info);
            }
        }));
    }

    /// Ends the session for everyone and waits for the room's thread (a couple of seconds at
    /// most: participants who do not take their farewell are cut off).
    pub fn close(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        self.stage.send_replace(Stage::Ended);
        self.stop.send_replace(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// The room's thread's name, by which its panics are known.
const THREAD: &str = "coop-guide-room";

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}
