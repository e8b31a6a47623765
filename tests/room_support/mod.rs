//! The remote room driven from both ends, over loopback only: a presenter desk (the real
//! presenter with its room, ticked as the shell's loop ticks it) and guests (SSH clients from
//! russh, each with a terminal screen read through vt100). Shared by `tests/room*.rs` and
//! `benches/room.rs`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use coop_guide::engine::session::Session;
use coop_guide::guide::{check_path, Guide};
use coop_guide::locale::EN;
use coop_guide::room::host_key::HostKey;
use coop_guide::room::{Languages, Limits, Room, RoomCode, RoomConfig, Stage};
use coop_guide::store::{now_rfc3339, Store};
use coop_guide::tui::facilitate::remote::{Arrivals, Join, Remote, Signal};
use coop_guide::tui::facilitate::{carry_out, Presenter};
use coop_guide::tui::input::{Input, InputSource};
use coop_guide::tui::keymap::parse_keys;
use coop_guide::tui::shell::View;
use coop_guide::tui::Theme;
use russh::client;
use russh::keys::PublicKeyOrCertificate;
use russh::{Channel, ChannelMsg};
use tokio::net::{TcpListener, TcpSocket, TcpStream};

/// The code every test room uses.
pub const CODE: &str = "K7Q-M4X";

/// How long a test waits for something that should happen.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The small decision-making guide.
pub fn decision() -> Arc<Guide> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("guides/decision-making.ron");
    Arc::new(check_path(&path).guide.expect("the guide has no errors"))
}

/// Limits for tests: the defaults, with refusals quick.
pub fn quick_limits() -> Limits {
    Limits {
        rejection_time: Duration::from_millis(100),
        ..Limits::default()
    }
}

/// The presenter with its room open on 127.0.0.1, driven by the test: keys go straight to
/// it, and [`Desk::tick`] does what the shell's loop does between frames (wait for a wake,
/// tick the view, carry out its effects).
pub struct Desk {
    pub remote: Remote,
    arrivals: Arrivals,
    clock: Instant,
    pub address: SocketAddr,
    pub session: PathBuf,
    _dir: tempfile::TempDir,
    wakes: Sender<Signal>,
}

impl Desk {
    /// A new session of the decision-making guide, its room open with `limits`.
    pub fn open(limits: Limits, record_names: bool) -> Desk {
        let dir = tempfile::tempdir().expect("temporary folder");
        let session = dir.path().join("group.ron");
        let guide = decision();
        let store = Store::new(&session);
        let s = Session::new(Arc::clone(&guide), "Group", now_rfc3339());
        store.save(&s.to_file(now_rfc3339())).expect("save");
        let presenter = Presenter::new(s, store)
            .with_theme(Theme::default_theme())
            .with_size(100, 30);
        let key = HostKey::load_or_create(Some(&dir.path().join("key"))).expect("host key");
        let (wakes, signals) = mpsc::channel();
        let waker = wakes.clone();
        let room = Room::open(
            RoomConfig {
                listen: "127.0.0.1:0".parse().expect("address"),
                code: RoomCode::new(CODE).expect("a code"),
                host_key: key.key.clone(),
                limits,
                record_names,
                languages: Arc::new(Languages::new(guide, [])),
                words: &EN,
                seed: Default::default(),
                stage: Stage::Waiting,
            },
            move || {
                let _ = waker.send(Signal::Wake);
            },
        )
        .expect("the room opens");
        let address = room.address();
        let join = Join {
            commands: vec![format!("ssh -p {} room@127.0.0.1", address.port())],
            code: CODE.to_string(),
            fingerprint: key.fingerprint(),
            new_key: key.new,
        };
        let mut remote = Remote::new(presenter, room, join);
        remote.input(Input::Resize(100, 31));
        Desk {
            remote,
            arrivals: Arrivals::new(signals, (100, 31)),
            clock: Instant::now(),
            address,
            session,
            _dir: dir,
            wakes,
        }
    }

    /// Presses keys (see `parse_keys`) on the presenter and carries out what they ask.
    pub fn press(&mut self, keys: &str) {
        for key in parse_keys(keys) {
            let effects = self.remote.input(Input::Key(key));
            for effect in effects {
                carry_out(self.remote.presenter_mut(), effect);
            }
        }
    }

    /// Waits for the room's news (at most `wait`), then ticks the presenter as the loop does.
    pub fn tick(&mut self, wait: Duration) {
        let _ = self.arrivals.next(Some(wait));
        let effects = self.remote.tick(self.clock.elapsed());
        for effect in effects {
            carry_out(self.remote.presenter_mut(), effect);
        }
    }

    /// Ticks until `done` holds; panics saying `what` after [`PATIENCE`].
    pub fn wait_until(&mut self, what: &str, mut done: impl FnMut(&Remote) -> bool) {
        let start = Instant::now();
        while !done(&self.remote) {
            assert!(start.elapsed() < PATIENCE, "timed out waiting for {what}");
            self.tick(Duration::from_millis(20));
        }
    }

    /// Ticks while `busy` holds (a thread of guests still working).
    pub fn tick_while(&mut self, mut busy: impl FnMut() -> bool) {
        let start = Instant::now();
        while busy() {
            assert!(start.elapsed() < PATIENCE * 3, "the guests never finished");
            self.tick(Duration::from_millis(20));
        }
    }

    /// Remote votes the presenter counts for an answer of a question (ids).
    pub fn online(&self, question: &str, answer: &str) -> u32 {
        self.remote.presenter().record().online(question, answer)
    }

    /// The question on the presenter's screen.
    pub fn asked(&self) -> Option<String> {
        let p = self.remote.presenter();
        p.asked().map(|q| p.guide().questions[q].id.clone())
    }
}

/// Runs a future on a thread of its own, with a runtime of its own: the guests' side.
pub fn guests<T: Send + 'static>(
    work: impl std::future::Future<Output = T> + Send + 'static,
) -> std::thread::JoinHandle<T> {
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
            .block_on(work)
    })
}

/// An SSH client that trusts any host key (the tests check fingerprints elsewhere).
pub struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// A connection to the room, authenticated or not.
pub async fn connect(address: SocketAddr) -> client::Handle<Client> {
    let config = Arc::new(client::Config::default());
    client::connect(config, address, Client)
        .await
        .expect("connects")
}

/// A connection that gave the right code.
pub async fn authenticated(address: SocketAddr) -> client::Handle<Client> {
    let mut handle = connect(address).await;
    let auth = handle
        .authenticate_password("room", CODE)
        .await
        .expect("authenticates");
    assert!(auth.success(), "the code is accepted");
    handle
}

/// A participant's terminal: the channel, and the screen its bytes draw.
pub struct Guest {
    pub handle: client::Handle<Client>,
    pub channel: Channel<client::Msg>,
    pub parser: vt100::Parser,
    pub closed: bool,
    pub exit: Option<u32>,
}

impl Guest {
    /// Connects, gives the code, asks for a terminal of `cols`×`rows` and the shell, and waits
    /// for the name screen.
    pub async fn arrive(address: SocketAddr, cols: u16, rows: u16) -> Guest {
        let handle = authenticated(address).await;
        Guest::open(handle, cols, rows).await
    }

    /// The participant's view on an authenticated connection.
    pub async fn open(handle: client::Handle<Client>, cols: u16, rows: u16) -> Guest {
        let channel = handle.channel_open_session().await.expect("a session");
        channel
            .request_pty(
                true,
                "xterm-256color",
                u32::from(cols),
                u32::from(rows),
                0,
                0,
                &[],
            )
            .await
            .expect("pty");
        channel.request_shell(true).await.expect("shell");
        let mut guest = Guest {
            handle,
            channel,
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(rows).expect("rows"),
                std::num::NonZeroU16::new(cols).expect("cols"),
                0,
            ),
            closed: false,
            exit: None,
        };
        guest.wait_for("Your name").await;
        guest
    }

    /// Arrives and joins with a name, waiting until the room has given it (as first typed,
    /// when someone had it before).
    pub async fn join(address: SocketAddr, name: &str) -> Guest {
        let mut guest = Guest::arrive(address, 80, 24).await;
        guest.send(&format!("{name}\r")).await;
        guest.wait_for("you: ").await;
        guest
    }

    /// Types.
    pub async fn send(&self, keys: &str) {
        self.channel
            .data_bytes(keys.as_bytes().to_vec())
            .await
            .expect("send keys");
    }

    /// The screen now.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads the channel until the screen shows `text`; panics with the screen after
    /// [`PATIENCE`].
    pub async fn wait_for(&mut self, text: &str) -> String {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                !self.closed,
                "the channel closed before showing {text:?}:\n{screen}"
            );
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Ok(Some(message)) => self.take(message),
                Ok(None) => self.closed = true,
                Err(_) => panic!("timed out waiting for {text:?}; the screen shows:\n{screen}"),
            }
        }
    }

    /// Reads until the channel closes; returns what the terminal shows after.
    pub async fn wait_closed(&mut self) -> String {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        while !self.closed {
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Ok(Some(message)) => self.take(message),
                Ok(None) => self.closed = true,
                Err(_) => panic!("the channel never closed:\n{}", self.screen()),
            }
        }
        self.screen()
    }

    fn take(&mut self, message: ChannelMsg) {
        match message {
            ChannelMsg::Data { data } => self.parser.process(&data),
            ChannelMsg::ExitStatus { exit_status } => self.exit = Some(exit_status),
            ChannelMsg::Close => self.closed = true,
            _ => {}
        }
    }

    /// Drops the connection without a word, as closing a window does.
    pub async fn drop_connection(self) {
        let _ = self
            .handle
            .disconnect(russh::Disconnect::ByApplication, "", "")
            .await;
    }
}

/// A TCP relay between a guest and the room that can stop reading from the room: the guest
/// then looks like a participant whose terminal never reads. Its socket towards the room has
/// a small receive buffer, so the room's side fills quickly.
pub struct Relay {
    pub address: SocketAddr,
    frozen: Arc<AtomicBool>,
}

impl Relay {
    /// A relay to the room at `room`, serving one connection.
    pub async fn open(room: SocketAddr) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let address = listener.local_addr().expect("address");
        let frozen = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&frozen);
        tokio::spawn(async move {
            let Ok((guest, _)) = listener.accept().await else {
                return;
            };
            let socket = TcpSocket::new_v4().expect("socket");
            socket.set_recv_buffer_size(4096).expect("small buffer");
            let room: TcpStream = socket.connect(room).await.expect("connect");
            let (mut guest_read, mut guest_write) = guest.into_split();
            let (mut room_read, mut room_write) = room.into_split();
            tokio::spawn(async move {
                let _ = tokio::io::copy(&mut guest_read, &mut room_write).await;
            });
            let mut chunk = vec![0u8; 1024];
            loop {
                if stop.load(Ordering::SeqCst) {
                    // Never read again: the room's writes pile up on its side.
                    std::future::pending::<()>().await;
                }
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                match room_read.read(&mut chunk).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => {
                        if guest_write.write_all(&chunk[..n]).await.is_err() {
                            return;
                        }
                    }
                }
            }
        });
        Relay { address, frozen }
    }

    /// From now on nothing from the room reaches the guest.
    pub fn freeze(&self) {
        self.frozen.store(true, Ordering::SeqCst);
    }
}

/// A channel of signals for code that wants to run the presenter's real loop.
pub fn signals() -> (Sender<Signal>, Receiver<Signal>) {
    mpsc::channel()
}
