//! The room's SSH server: `russh` on the room's own thread, in a small single-threaded tokio
//! runtime. Nothing here touches the presenter: it hears where the presenter is through a
//! watch channel ([`Stage`]) and tells it what happened through a plain channel
//! ([`RoomEvent`]), waking its loop with the callback it was given.
//!
//! **Only the room is served.** Password authentication with the room code is the only method
//! offered; every refusal takes [`Limits::rejection_time`], a connection gets
//! [`Limits::tries_per_connection`] tries, and an address that fails too often is turned away
//! for a while ([`Failures`]). A connection may open one session channel, must ask for a
//! pseudo-terminal, and then gets the participant's view in place of a shell. Everything else
//! is refused explicitly: exec, subsystems (sftp), environment variables, X11 and agent
//! forwarding, and port or socket forwarding either way.
//!
//! **A slow participant slows nobody.** Each participant has a task that keeps their state and
//! draws their frames, and a writer task that sends them. The writer takes only the *latest*
//! frame when the previous one is on its way; frames drawn meanwhile are skipped (and cost
//! nothing: the next one is a diff from what the terminal has). A participant who never reads
//! holds one frame in memory and stalls only their own writer; keepalives let the connection
//! go after about a minute. Keys are read at most [`Limits::keys_per_second`]; a connection
//! that has not joined within [`Limits::login_grace`] is cut, and so is one idle for
//! [`Limits::idle`].

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use russh::keys::PrivateKey;
use russh::server::{Auth, ChannelOpenHandle, Handle, Handler, Msg, Session};
use russh::{Channel, ChannelId, ChannelOpenFailure, MethodKind, MethodSet, Pty, SshId};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc as queue, watch};

use super::ballot::{Ballot, Seat};
use super::code::RoomCode;
use super::frames;
use super::keys;
use super::limits::{Failures, InputRate, Limits};
use super::{Languages, RoomEvent, Stage, Stats};
use crate::locale::Words;
use crate::tui::input::Input;
use crate::tui::participant::{Action, Effect, Farewell, Participant};
use crate::tui::shell::View;

/// How long closing waits for participants to get their farewell before cutting them off.
const CLOSING: Duration = Duration::from_millis(1500);
/// Keys and resizes queued for a participant's task; more are dropped.
const INBOX: usize = 64;
/// The most bytes of one data packet read as keys (a paste is not a participant's business).
const LARGEST_INPUT: usize = 256;

/// What every connection of the room shares.
pub struct Shared {
    /// The code participants give.
    pub code: RoomCode,
    /// The room's limits.
    pub limits: Limits,
    /// True when votes are told to the presenter with names.
    pub record_names: bool,
    /// The guide in each language.
    pub languages: Arc<Languages>,
    /// The presenter's words, for the banner ssh shows before the password.
    pub words: &'static Words,
    /// Votes and names.
    pub ballot: Mutex<Ballot>,
    /// Wrong codes per address.
    pub failures: Mutex<Failures>,
    /// Open connections.
    pub registry: Mutex<Registry>,
    /// Where the presenter is.
    pub stage: watch::Receiver<Stage>,
    /// What the room tells the presenter.
    pub events: mpsc::Sender<RoomEvent>,
    /// Wakes the presenter's loop.
    pub wake: Box<dyn Fn() + Send + Sync>,
    /// True while a wake is on its way and the presenter has not drained the events yet.
    pub wake_pending: Arc<AtomicBool>,
    /// Counters.
    pub stats: Arc<Stats>,
    next_seat: AtomicU64,
}

impl Shared {
    /// Everything a room's connections share.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        code: RoomCode,
        limits: Limits,
        record_names: bool,
        languages: Arc<Languages>,
        words: &'static Words,
        ballot: Ballot,
        stage: watch::Receiver<Stage>,
        events: mpsc::Sender<RoomEvent>,
        wake: Box<dyn Fn() + Send + Sync>,
        wake_pending: Arc<AtomicBool>,
        stats: Arc<Stats>,
    ) -> Shared {
        Shared {
            code,
            limits,
            record_names,
            languages,
            words,
            ballot: Mutex::new(ballot),
            failures: Mutex::new(Failures::default()),
            registry: Mutex::new(Registry::default()),
            stage,
            events,
            wake,
            wake_pending,
            stats,
            next_seat: AtomicU64::new(1),
        }
    }

    /// Tells the presenter something, waking its loop unless a wake is already on its way.
    pub fn tell(&self, event: RoomEvent) {
        if self.events.send(event).is_ok() && !self.wake_pending.swap(true, Ordering::SeqCst) {
            (self.wake)();
        }
    }

    fn ballot(&self) -> MutexGuard<'_, Ballot> {
        lock(&self.ballot)
    }

    fn registry(&self) -> MutexGuard<'_, Registry> {
        lock(&self.registry)
    }

    /// The id of the question taking votes: the presenter's latest word.
    fn open_question(&self) -> Option<String> {
        let question = self.stage.borrow().question()?;
        self.languages
            .base()
            .questions
            .get(question)
            .map(|q| q.id.clone())
    }
}

/// A lock, even one a panicking task left poisoned: every critical section here leaves its
/// data whole before anything that could panic.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The open connections, those not joined yet (in all and per address), and a way to cut each.
#[derive(Debug, Default)]
pub struct Registry {
    entries: HashMap<Seat, Entry>,
    waiting_from: HashMap<IpAddr, usize>,
    waiting: usize,
}

#[derive(Debug)]
struct Entry {
    address: IpAddr,
    /// A second handle on the connection's socket: shutting it down ends the connection
    /// whatever its tasks are waiting on.
    cutter: Option<std::net::TcpStream>,
    joined: bool,
}

impl Registry {
    /// Takes a new connection in, unless too many are waiting to join, from its address or in
    /// all.
    fn admit(
        &mut self,
        seat: Seat,
        address: IpAddr,
        cutter: Option<std::net::TcpStream>,
        limits: &Limits,
    ) -> bool {
        let from_there = self.waiting_from.get(&address).copied().unwrap_or(0);
        if from_there >= limits.waiting_per_address || self.waiting >= limits.max_waiting {
            return false;
        }
        self.waiting_from.insert(address, from_there + 1);
        self.waiting += 1;
        self.entries.insert(
            seat,
            Entry {
                address,
                cutter,
                joined: false,
            },
        );
        true
    }

    /// The connection joined with a name: it no longer counts as waiting.
    fn joined(&mut self, seat: Seat) {
        let address = match self.entries.get_mut(&seat) {
            Some(entry) if !entry.joined => {
                entry.joined = true;
                entry.address
            }
            _ => return,
        };
        self.stop_waiting(address);
    }

    fn stop_waiting(&mut self, address: IpAddr) {
        self.waiting = self.waiting.saturating_sub(1);
        if let Some(n) = self.waiting_from.get_mut(&address) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                self.waiting_from.remove(&address);
            }
        }
    }

    fn has_joined(&self, seat: Seat) -> bool {
        self.entries.get(&seat).is_some_and(|e| e.joined)
    }

    /// The connection ended.
    fn leave(&mut self, seat: Seat) {
        let Some(entry) = self.entries.remove(&seat) else {
            return;
        };
        if !entry.joined {
            self.stop_waiting(entry.address);
        }
    }

    /// Cuts a connection off.
    fn cut(&self, seat: Seat) {
        if let Some(cutter) = self.entries.get(&seat).and_then(|e| e.cutter.as_ref()) {
            let _ = cutter.shutdown(std::net::Shutdown::Both);
        }
    }

    /// Cuts every connection off.
    fn cut_all(&self) {
        for seat in self.entries.keys() {
            self.cut(*seat);
        }
    }

    /// Connections open.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no connection is open.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The server's configuration for russh: only the password method, the room's timings.
pub fn ssh_config(host_key: PrivateKey, limits: &Limits) -> russh::server::Config {
    russh::server::Config {
        server_id: SshId::Standard(std::borrow::Cow::Borrowed(concat!(
            "SSH-2.0-coop-guide_",
            env!("CARGO_PKG_VERSION")
        ))),
        methods: MethodSet::from(&[MethodKind::Password][..]),
        auth_rejection_time: limits.rejection_time,
        // OpenSSH first asks which methods there are: that is no failed try.
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![host_key],
        // A backstop only: the connection counts its own wrong codes (OpenSSH's first question,
        // which methods there are, is a refusal to russh and must not use up a try).
        max_auth_attempts: limits.tries_per_connection.saturating_add(2),
        // Our own timers cut connections that do not join or go idle; a peer that stops
        // answering is found by keepalives.
        inactivity_timeout: None,
        keepalive_interval: Some(Duration::from_secs(15)),
        keepalive_max: 3,
        nodelay: true,
        // Participants send keys: a small window is plenty.
        window_size: 64 * 1024,
        event_buffer_size: 4,
        channel_buffer_size: 4,
        ..Default::default()
    }
}

/// Accepts connections until `stop` says so, then lets everyone go: they get their farewell
/// (the presenter sent [`Stage::Ended`] before stopping), and whoever is still connected after
/// [`CLOSING`] is cut off.
pub async fn serve(
    listener: TcpListener,
    config: Arc<russh::server::Config>,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            changed = stop.changed() => {
                if changed.is_err() || *stop.borrow() {
                    break;
                }
            }
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => admit(stream, peer, &config, &shared),
                Err(e) => {
                    // Out of file descriptors and the like: say so, wait a little, go on.
                    shared.tell(RoomEvent::Trouble(e.to_string()));
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            },
        }
    }
    drop(listener);
    let deadline = tokio::time::Instant::now() + CLOSING;
    while !shared.registry().is_empty() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    shared.registry().cut_all();
}

/// Starts serving one connection, unless the room's limits turn it away.
fn admit(
    stream: TcpStream,
    peer: SocketAddr,
    config: &Arc<russh::server::Config>,
    shared: &Arc<Shared>,
) {
    shared.stats.connections.fetch_add(1, Ordering::Relaxed);
    let seat = shared.next_seat.fetch_add(1, Ordering::Relaxed);
    let (stream, cutter) = match split_off_cutter(stream) {
        Ok(pair) => pair,
        Err(_) => return,
    };
    let admitted = shared
        .registry()
        .admit(seat, peer.ip(), cutter, &shared.limits);
    if !admitted {
        shared.stats.turned_away.fetch_add(1, Ordering::Relaxed);
        return;
    }
    let handler = Connection::new(seat, peer.ip(), Arc::clone(shared));
    let config = Arc::clone(config);
    let shared = Arc::clone(shared);
    tokio::spawn(async move {
        let work = async {
            if let Ok(session) = russh::server::run_stream(config, stream, handler).await {
                let _ = session.await;
            }
        };
        tokio::pin!(work);
        tokio::select! {
            () = &mut work => {}
            () = tokio::time::sleep(shared.limits.login_grace) => {
                if !shared.registry().has_joined(seat) {
                    shared.registry().cut(seat);
                }
                work.await;
            }
        }
        shared.registry().leave(seat);
    });
}

/// The stream, and a second handle on its socket to cut it with.
fn split_off_cutter(
    stream: TcpStream,
) -> std::io::Result<(TcpStream, Option<std::net::TcpStream>)> {
    let _ = stream.set_nodelay(true);
    let std = stream.into_std()?;
    let cutter = std.try_clone().ok();
    Ok((TcpStream::from_std(std)?, cutter))
}

/// One connection, as russh drives it: authentication and the channel requests. Once the
/// participant's view starts, their keys go to its task.
struct Connection {
    seat: Seat,
    address: IpAddr,
    shared: Arc<Shared>,
    channel: Option<ChannelId>,
    window: Option<(u16, u16)>,
    inbox: Option<queue::Sender<Input>>,
    started: bool,
    rate: InputRate,
    wrong_codes: usize,
}

impl Connection {
    fn new(seat: Seat, address: IpAddr, shared: Arc<Shared>) -> Connection {
        let rate = InputRate::new(Instant::now(), &shared.limits);
        Connection {
            seat,
            address,
            shared,
            channel: None,
            window: None,
            inbox: None,
            started: false,
            rate,
            wrong_codes: 0,
        }
    }

    fn blocked(&self) -> bool {
        lock(&self.shared.failures).blocked(self.address, Instant::now())
    }

    /// A refusal that lets the client try the password again, or none at all for an address
    /// turned away.
    fn refusal(&self, again: bool) -> Auth {
        let methods = if again {
            MethodSet::from(&[MethodKind::Password][..])
        } else {
            MethodSet::empty()
        };
        Auth::Reject {
            proceed_with_methods: Some(methods),
            partial_success: false,
        }
    }

    /// The window size, within the room's largest.
    fn window_size(&self, cols: u32, rows: u32) -> (u16, u16) {
        let (most_w, most_h) = self.shared.limits.largest_window;
        let w = u16::try_from(cols).unwrap_or(u16::MAX).min(most_w);
        let h = u16::try_from(rows).unwrap_or(u16::MAX).min(most_h);
        (w, h)
    }

    fn ours(&self, channel: ChannelId) -> bool {
        self.channel == Some(channel)
    }

    fn send(&self, input: Input) {
        if let Some(inbox) = &self.inbox {
            if inbox.try_send(input).is_err() {
                self.shared
                    .stats
                    .keys_dropped
                    .fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

/// Writes the handler's methods that turn something down, one line each, so that each kind of
/// refusal is written once:
/// - `auth`: a way of signing in other than the code; the code may still be given, unless the
///   address is turned away;
/// - `open`: a kind of channel that is never opened;
/// - `request`: a request on the channel, which fails;
/// - `global`: a request for the whole connection, which is declined.
macro_rules! refuse {
    (auth $name:ident($($arg:ident: $ty:ty),*)) => {
        async fn $name(&mut self, $($arg: $ty),*) -> Result<Auth, Self::Error> {
            Ok(self.refusal(!self.blocked()))
        }
    };
    (open $name:ident($($arg:ident: $ty:ty),*)) => {
        async fn $name(
            &mut self,
            $($arg: $ty,)*
            reply: ChannelOpenHandle,
            _session: &mut Session,
        ) -> Result<(), Self::Error> {
            reply
                .reject(ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            Ok(())
        }
    };
    (request $name:ident($($arg:ident: $ty:ty),*)) => {
        async fn $name(
            &mut self,
            channel: ChannelId,
            $($arg: $ty,)*
            session: &mut Session,
        ) -> Result<(), Self::Error> {
            session.channel_failure(channel)
        }
    };
    (global $name:ident($($arg:ident: $ty:ty),*)) => {
        async fn $name(&mut self, $($arg: $ty,)* _session: &mut Session) -> Result<bool, Self::Error> {
            Ok(false)
        }
    };
}

/// Writes the handler's methods for the two ways the participant's channel ends, end of file
/// and close, which end the participant's task the same way: their inbox closes.
macro_rules! ends {
    ($name:ident) => {
        async fn $name(
            &mut self,
            channel: ChannelId,
            _session: &mut Session,
        ) -> Result<(), Self::Error> {
            if self.ours(channel) {
                self.inbox = None;
            }
            Ok(())
        }
    };
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn authentication_banner(&mut self) -> Result<Option<String>, Self::Error> {
        let w = &self.shared.words.room;
        let text = if self.blocked() {
            w.banner_blocked
        } else {
            w.banner
        };
        Ok(Some(format!("{text}\n")))
    }

    refuse!(auth auth_none(_user: &str));

    async fn auth_password(&mut self, _user: &str, password: &str) -> Result<Auth, Self::Error> {
        let limits = &self.shared.limits;
        if self.blocked() || self.wrong_codes >= limits.tries_per_connection {
            self.shared
                .stats
                .codes_refused
                .fetch_add(1, Ordering::Relaxed);
            // On top of the usual rejection time: an address turned away waits longer.
            tokio::time::sleep(limits.rejection_time).await;
            return Ok(self.refusal(false));
        }
        if self.shared.code.matches(password) {
            return Ok(Auth::Accept);
        }
        self.shared
            .stats
            .codes_refused
            .fetch_add(1, Ordering::Relaxed);
        self.wrong_codes += 1;
        let now_blocked = lock(&self.shared.failures).failed(self.address, Instant::now(), limits);
        Ok(self.refusal(!now_blocked && self.wrong_codes < limits.tries_per_connection))
    }

    refuse!(auth auth_publickey_offered(_user: &str, _key: &russh::keys::PublicKey));

    refuse!(auth auth_publickey(_user: &str, _key: &russh::keys::PublicKey));

    refuse!(auth auth_openssh_certificate(
        _user: &str, _certificate: &russh::keys::Certificate
    ));

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        _user: &str,
        _submethods: &str,
        _response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        Ok(self.refusal(!self.blocked()))
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One participant per connection. The channel's own message queue is not kept: the
        // handler hears everything, and nobody would read the queue.
        if self.channel.is_some() {
            reply
                .reject(ChannelOpenFailure::AdministrativelyProhibited)
                .await;
        } else {
            self.channel = Some(channel.id());
            reply.accept().await;
        }
        Ok(())
    }

    refuse!(open channel_open_x11(
        _channel: Channel<Msg>, _originator_address: &str, _originator_port: u32
    ));

    refuse!(open channel_open_direct_tcpip(
        _channel: Channel<Msg>, _host_to_connect: &str, _port_to_connect: u32,
        _originator_address: &str, _originator_port: u32
    ));

    refuse!(open channel_open_forwarded_tcpip(
        _channel: Channel<Msg>, _host_to_connect: &str, _port_to_connect: u32,
        _originator_address: &str, _originator_port: u32
    ));

    refuse!(open channel_open_direct_streamlocal(_channel: Channel<Msg>, _socket_path: &str));

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) && !self.started {
            self.window = Some(self.window_size(col_width, row_height));
            session.channel_success(channel)
        } else {
            session.channel_failure(channel)
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // The participant's view stands in for the shell, and needs a terminal.
        let Some(window) = self.window.filter(|_| self.ours(channel) && !self.started) else {
            return session.channel_failure(channel);
        };
        self.started = true;
        let (inbox, arrivals) = queue::channel(INBOX);
        self.inbox = Some(inbox);
        tokio::spawn(attend(
            Arc::clone(&self.shared),
            self.seat,
            session.handle(),
            channel,
            window,
            arrivals,
        ));
        session.channel_success(channel)
    }

    refuse!(request exec_request(_data: &[u8]));

    refuse!(request subsystem_request(_name: &str));

    refuse!(request env_request(_variable_name: &str, _variable_value: &str));

    refuse!(request x11_request(
        _single_connection: bool, _x11_auth_protocol: &str, _x11_auth_cookie: &str,
        _x11_screen_number: u32
    ));

    refuse!(global agent_request(_channel: ChannelId));

    refuse!(global tcpip_forward(_address: &str, _port: &mut u32));

    refuse!(global cancel_tcpip_forward(_address: &str, _port: u32));

    refuse!(global streamlocal_forward(_socket_path: &str));

    refuse!(global cancel_streamlocal_forward(_socket_path: &str));

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            let (w, h) = self.window_size(col_width, row_height);
            self.window = Some((w, h));
            self.send(Input::Resize(w, h));
        }
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) || !self.started {
            return Ok(());
        }
        let data = &data[..data.len().min(LARGEST_INPUT)];
        for input in keys::decode(data) {
            if self.rate.allow(Instant::now(), &self.shared.limits) {
                self.send(input);
            } else {
                self.shared
                    .stats
                    .keys_dropped
                    .fetch_add(1, Ordering::Relaxed);
            }
        }
        Ok(())
    }

    ends!(channel_eof);

    ends!(channel_close);
}

/// What a participant's writer sends next.
#[derive(Debug, Clone)]
enum Outgoing {
    /// A frame, numbered.
    Frame(u64, Arc<Buffer>),
    /// The farewell, and the exit status the client's `ssh` ends with.
    Farewell(String, u32),
}

/// A participant's task: their state, fed with their keys and the presenter's moves, drawing a
/// frame after each; it ends when they leave, the session ends, they go idle or the connection
/// drops, and then gives their name back.
async fn attend(
    shared: Arc<Shared>,
    seat: Seat,
    handle: Handle,
    channel: ChannelId,
    window: (u16, u16),
    mut arrivals: queue::Receiver<Input>,
) {
    let mut participant = Participant::new(Arc::clone(&shared.languages), 0, window);
    let mut stage = shared.stage.clone();
    let first = stage.borrow_and_update().clone();
    let effects = participant.handle(Action::Stage(first));
    let mut leaving = carry_out(&shared, seat, &mut participant, effects);
    let mut number = 0;
    let (frames, outgoing) = watch::channel(Outgoing::Frame(number, Arc::new(draw(&participant))));
    let writer = tokio::spawn(write(handle, channel, outgoing, Arc::clone(&shared.stats)));
    let opened = tokio::time::Instant::now();
    let mut last_key = opened;
    while leaving.is_none() {
        let limit = if participant.joined() {
            last_key + shared.limits.idle
        } else {
            opened + shared.limits.login_grace
        };
        let effects = tokio::select! {
            arrival = arrivals.recv() => match arrival {
                Some(input) => {
                    if input.is_a_gesture() {
                        last_key = tokio::time::Instant::now();
                    }
                    participant.handle(Action::Input(input))
                }
                None => break,
            },
            changed = stage.changed() => match changed {
                Ok(()) => {
                    let now = stage.borrow_and_update().clone();
                    participant.handle(Action::Stage(now))
                }
                Err(_) => participant.handle(Action::Stage(Stage::Ended)),
            },
            () = tokio::time::sleep_until(limit) => vec![Effect::Leave(Farewell::Idle)],
        };
        leaving = carry_out(&shared, seat, &mut participant, effects);
        number += 1;
        frames.send_replace(Outgoing::Frame(number, Arc::new(draw(&participant))));
    }
    if let Some(why) = leaving {
        let status = if why == Farewell::Interrupted { 130 } else { 0 };
        frames.send_replace(Outgoing::Farewell(participant.farewell(why), status));
    }
    // The name is free again, whether or not the farewell gets through.
    let present = {
        let mut ballot = shared.ballot();
        ballot.release(seat);
        ballot.present()
    };
    shared.tell(RoomEvent::People(present));
    // A client that does not take its farewell is cut off.
    if tokio::time::timeout(CLOSING, writer).await.is_err() {
        shared.registry().cut(seat);
    }
    drop(frames);
}

/// Carries out a participant's effects, answering each; returns why they leave, if they do.
fn carry_out(
    shared: &Shared,
    seat: Seat,
    participant: &mut Participant,
    effects: Vec<Effect>,
) -> Option<Farewell> {
    for effect in effects {
        match effect {
            Effect::Claim(name) => {
                let (claimed, present) = {
                    let mut ballot = shared.ballot();
                    let claimed = ballot.claim(seat, &name);
                    (claimed, ballot.present())
                };
                if claimed.is_ok() {
                    shared.registry().joined(seat);
                    shared.tell(RoomEvent::People(present));
                }
                let more = participant.handle(Action::Claimed(claimed));
                if let Some(why) = carry_out(shared, seat, participant, more) {
                    return Some(why);
                }
            }
            Effect::Vote { question, answer } => {
                let open = shared.open_question();
                let (changed, now) = {
                    let mut ballot = shared.ballot();
                    let changed = ballot.vote(
                        seat,
                        open.as_deref(),
                        &question,
                        Some(&answer),
                        shared.record_names,
                    );
                    (changed, ballot.votes_of(seat).get(&question).cloned())
                };
                if let Some(votes) = changed {
                    shared.tell(RoomEvent::Votes {
                        question: question.clone(),
                        votes,
                    });
                }
                let late = open.as_deref() != Some(question.as_str());
                participant.handle(Action::Counted {
                    question,
                    answer: now,
                    late,
                });
            }
            Effect::Leave(why) => return Some(why),
        }
    }
    None
}

/// A participant's frame, at their window's size.
fn draw(participant: &Participant) -> Buffer {
    let (w, h) = participant.size();
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    participant.render(area, &mut buf);
    buf
}

/// A participant's writer: sends the latest frame as a diff from the last one sent, skipping
/// any drawn while the previous one was on its way; then the farewell, and closes the channel.
async fn write(
    handle: Handle,
    channel: ChannelId,
    mut outgoing: watch::Receiver<Outgoing>,
    stats: Arc<Stats>,
) {
    let mut shown: Option<Arc<Buffer>> = None;
    let mut last_number: Option<u64> = None;
    loop {
        let next = outgoing.borrow_and_update().clone();
        match next {
            Outgoing::Frame(number, frame) => {
                if let Some(last) = last_number {
                    let skipped = number.saturating_sub(last).saturating_sub(1);
                    stats.frames_skipped.fetch_add(skipped, Ordering::Relaxed);
                }
                last_number = Some(number);
                let bytes = frames::update(shown.as_deref(), &frame);
                if !bytes.is_empty() {
                    if handle.data(channel, bytes).await.is_err() {
                        return;
                    }
                    stats.frames_sent.fetch_add(1, Ordering::Relaxed);
                }
                shown = Some(frame);
            }
            Outgoing::Farewell(text, status) => {
                let _ = handle.data(channel, frames::farewell(&text)).await;
                let _ = handle.exit_status_request(channel, status).await;
                let _ = handle.eof(channel).await;
                let _ = handle.close(channel).await;
                return;
            }
        }
        if outgoing.changed().await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_connections_are_limited_per_address_and_in_all_and_joined_ones_are_not() {
        let limits = Limits {
            waiting_per_address: 2,
            max_waiting: 3,
            ..Limits::default()
        };
        let a: IpAddr = "10.0.0.1".parse().expect("address");
        let b: IpAddr = "10.0.0.2".parse().expect("address");
        let mut r = Registry::default();
        assert!(r.admit(1, a, None, &limits));
        assert!(r.admit(2, a, None, &limits));
        assert!(!r.admit(3, a, None, &limits), "two waiting from a");
        r.joined(1);
        assert!(r.admit(3, a, None, &limits), "a joined one does not count");
        assert!(r.admit(4, b, None, &limits));
        assert!(!r.admit(5, b, None, &limits), "three waiting in all");
        r.leave(2);
        assert!(r.admit(5, b, None, &limits));
        assert_eq!(r.len(), 4);
        for seat in 1..=5 {
            r.leave(seat);
        }
        assert!(r.is_empty());
        assert!(r.waiting_from.is_empty() && r.waiting == 0);
    }
}
