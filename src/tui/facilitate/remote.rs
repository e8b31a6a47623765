//! Workshop mode with a room (`facilitate --serve`): the presenter, with remote participants
//! voting from their own terminals over SSH.
//!
//! [`Remote`] is the presenter view with the room around it. The presenter itself is
//! unchanged but for the votes it is told ([`presenter::Action::Online`]) and the column it
//! shows them in; what is added here:
//!
//! - a line at the top of the screen with the `ssh` command, the room code and how many people
//!   are connected, and `o` for the join panel (which also shows the host key's fingerprint,
//!   for participants to check what their `ssh` shows them the first time);
//! - the room's end ([`Room`]): where the presenter is goes to participants after every key
//!   (publishing never blocks), and what the room tells (votes, people, trouble) is taken in
//!   on each tick of the shell's loop;
//! - saving remote votes: they count at once, and are written with the next save or at most
//!   [`SAVE_EVERY`] after they came in, so two hundred votes in a second are a handful of
//!   writes, not two hundred;
//! - the loop's input ([`Arrivals`]): the keyboard, read on a thread of its own, and the room's
//!   wake-ups, in one channel, so the loop sleeps until either comes (no polling).
//!
//! When the presenter quits, the room tells every participant the session has ended and
//! closes. Trouble in the room is shown on the top line; the workshop goes on locally.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::keymap::Context as WorkshopContext;
use super::presenter::{self, Presenter};
use super::Finished;
use crate::engine::{Explanation, OutcomeTexts, Step, Walk};
use crate::locale::fill;
use crate::room::{Room, RoomEvent, Stage};
use crate::tui::input::{decode, Input, InputSource};
use crate::tui::keymap::{self, Binding, Key};
use crate::tui::layout::TextBox;
use crate::tui::paint::{draw_text_box, fit_hints};
use crate::tui::player::app::Screen as PlayerScreen;
use crate::tui::shell::{self, Screen, View};
use crate::tui::text::{truncate, width, wrap_plain};

/// Longest remote votes wait to be saved.
pub const SAVE_EVERY: Duration = Duration::from_secs(2);

/// How participants join, as the presenter shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Join {
    /// The `ssh` commands, one per address of this machine (best first).
    pub commands: Vec<String>,
    /// The room code, as shown (`K7Q-M4X`).
    pub code: String,
    /// The host key's fingerprint (`SHA256:…`).
    pub fingerprint: String,
    /// True when the host key was made for this run.
    pub new_key: bool,
}

/// What the room's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Show or hide the join panel.
    Panel,
    /// Close the join panel.
    Close,
}

/// Where the room's keys are read: over the presenter, or on the join panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The presenter's screens.
    Presenter,
    /// The join panel.
    Panel,
}

/// The room's keys, read before the presenter's.
#[rustfmt::skip]
pub static BINDINGS: &[Binding<Context, Command>] = &[
    Binding::new(&[Key::Char('o')], Command::Panel, &[Context::Presenter], Some(0), |w| w.room.hint_join_panel, |w| w.room.help_join_panel),
    Binding::new(&[Key::Char('o'), Key::Esc, Key::Enter], Command::Close, &[Context::Panel], Some(0), |w| w.common.hint_close, |w| w.common.help_close),
];

/// The presenter with its room.
pub struct Remote {
    presenter: Presenter,
    room: Option<Room>,
    join: Join,
    people: usize,
    panel: bool,
    trouble: Option<String>,
    stopped: Option<String>,
    now: Duration,
    unsaved_since: Option<Duration>,
    /// The result's texts for the path they were composed for.
    composed: Option<(Vec<Step>, OutcomeTexts)>,
    /// `q` was pressed with people connected, and the top line asks for a second.
    quit_asked: bool,
}

impl Remote {
    /// The presenter with a room open: the join panel is shown first, and participants are
    /// told where the presenter is.
    pub fn new(presenter: Presenter, room: Room, join: Join) -> Remote {
        let mut remote = Remote {
            presenter: presenter.serving(),
            room: Some(room),
            join,
            people: 0,
            panel: true,
            trouble: None,
            stopped: None,
            now: Duration::ZERO,
            unsaved_since: None,
            composed: None,
            quit_asked: false,
        };
        remote.publish();
        remote
    }

    /// The presenter.
    pub fn presenter(&self) -> &Presenter {
        &self.presenter
    }

    /// The presenter, for the driver that carries out its effects.
    pub fn presenter_mut(&mut self) -> &mut Presenter {
        &mut self.presenter
    }

    /// How participants join.
    pub fn join(&self) -> &Join {
        &self.join
    }

    /// People in the room.
    pub fn people(&self) -> usize {
        self.people
    }

    /// True while the join panel is shown.
    pub fn panel(&self) -> bool {
        self.panel
    }

    /// The room, while it runs.
    pub fn room(&self) -> Option<&Room> {
        self.room.as_ref()
    }

    /// Ends the session for the participants and closes the room (at most a couple of
    /// seconds).
    pub fn close_room(&mut self) {
        if let Some(room) = self.room.take() {
            room.close();
        }
    }

    /// Takes in what the room told: votes count at once and are saved soon; the people count
    /// and any trouble go to the top line.
    pub fn take(&mut self, event: RoomEvent) -> Vec<presenter::Effect> {
        match event {
            RoomEvent::Votes { question, votes } => {
                self.unsaved_since.get_or_insert(self.now);
                self.presenter
                    .handle(presenter::Action::Online { question, votes })
            }
            RoomEvent::People(n) => {
                self.people = n;
                Vec::new()
            }
            RoomEvent::Trouble(text) => {
                self.trouble = Some(text);
                Vec::new()
            }
            RoomEvent::Stopped(text) => {
                self.stopped = Some(text);
                self.room = None;
                Vec::new()
            }
        }
    }

    /// Where the presenter is, as participants follow it: on a question, the answers offered
    /// and the paragraphs of "why we ask" the walk shows this group; at the result, the texts
    /// the result is composed of for the group.
    pub fn stage(&self) -> Stage {
        let p = &self.presenter;
        let walk = p.walk();
        if let Some(question) = p.asked() {
            return Stage::Question {
                question,
                shown: walk.visible_answers(question),
                recorded: walk.prefilled(question),
                why: walk.why_shown(question),
            };
        }
        match p.screen() {
            PlayerScreen::Intro => Stage::Waiting,
            PlayerScreen::Result { outcome } => Stage::Result {
                outcome,
                texts: match &self.composed {
                    Some((path, texts)) if path.as_slice() == walk.review() => texts.clone(),
                    _ => composed(walk),
                },
            },
            PlayerScreen::Question { .. } | PlayerScreen::Review { .. } => Stage::Review,
        }
    }

    /// Tells the room where the presenter is. The result is composed once per path, not at
    /// every key pressed on it.
    fn publish(&mut self) {
        if self.room.is_none() {
            return;
        }
        let walk = self.presenter.walk();
        let stale = self
            .composed
            .as_ref()
            .is_none_or(|(path, _)| path.as_slice() != walk.review());
        if stale && walk.outcome().is_some() {
            self.composed = Some((walk.review().to_vec(), composed(walk)));
        }
        if let Some(room) = &self.room {
            room.publish(self.stage());
        }
    }

    fn context(&self) -> Context {
        if self.panel {
            Context::Panel
        } else {
            Context::Presenter
        }
    }

    /// The room's key, if this key is one: never while a note is being typed.
    fn command(&self, key: &KeyEvent) -> Option<Command> {
        if self.presenter.context() == WorkshopContext::Note {
            return None;
        }
        keymap::lookup(BINDINGS, self.context(), key).map(|b| b.command)
    }

    /// Marks saved remote votes as saved when the presenter saves for any reason.
    fn saving(&mut self, effects: &[presenter::Effect]) {
        if effects.contains(&presenter::Effect::SaveSession) {
            self.unsaved_since = None;
        }
    }
}

/// Which of the outcome's texts the group is shown, as the result screen composes them.
fn composed(walk: &Walk) -> OutcomeTexts {
    Explanation::of(walk).map(|e| e.texts).unwrap_or_default()
}

/// The presenter's area under the room's line.
fn below_line(area: Rect) -> Rect {
    let top = area.height.min(1);
    Rect::new(area.x, area.y + top, area.width, area.height - top)
}

/// A position on the screen as the presenter sees it (one row up).
fn shifted(input: Input) -> Input {
    match input {
        Input::Resize(w, h) => Input::Resize(w, h.saturating_sub(1)),
        Input::Click { column, row } => Input::Click {
            column,
            row: row.saturating_sub(1),
        },
        Input::Wheel { down, column, row } => Input::Wheel {
            down,
            column,
            row: row.saturating_sub(1),
        },
        key => key,
    }
}

impl View for Remote {
    type Effect = presenter::Effect;

    fn input(&mut self, input: Input) -> Vec<presenter::Effect> {
        let mut quit_asked = false;
        if input.is_a_gesture() {
            self.trouble = None;
            quit_asked = std::mem::take(&mut self.quit_asked);
        }
        if let Input::Key(key) = input {
            match self.command(&key) {
                Some(Command::Panel) => {
                    self.panel = true;
                    return Vec::new();
                }
                Some(Command::Close) => {
                    self.panel = false;
                    return Vec::new();
                }
                None => {}
            }
        }
        let mut effects = self
            .presenter
            .handle(presenter::Action::Input(shifted(input)));
        // Quitting ends the workshop for everyone connected: with people in the room, the
        // first `q` asks on the top line and a second one quits (Ctrl-C never asks).
        if self.people > 0 && !quit_asked && effects.contains(&presenter::Effect::Quit) {
            effects.retain(|e| *e != presenter::Effect::Quit);
            self.quit_asked = true;
            let w = self.presenter.words();
            let people = w.room.connected.of(self.people);
            self.trouble = Some(fill(w.room.quit_with_people, &[("people", &people)]));
        }
        self.saving(&effects);
        self.publish();
        effects
    }

    fn tick(&mut self, now: Duration) -> Vec<presenter::Effect> {
        self.now = self.now.max(now);
        let events = self.room.as_mut().map(Room::drain).unwrap_or_default();
        let mut effects = Vec::new();
        for event in events {
            effects.extend(self.take(event));
        }
        effects.extend(self.presenter.handle(presenter::Action::Tick(now)));
        if self
            .unsaved_since
            .is_some_and(|since| self.now >= since + SAVE_EVERY)
            && !effects.contains(&presenter::Effect::SaveSession)
        {
            effects.push(presenter::Effect::SaveSession);
        }
        self.saving(&effects);
        self.publish();
        effects
    }

    fn wake_at(&self) -> Option<Duration> {
        let save = self.unsaved_since.map(|since| since + SAVE_EVERY);
        match (View::wake_at(&self.presenter), save) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        View::render(&self.presenter, below_line(area), buf);
        line(self, area, buf);
        if self.panel {
            let panel = panel_layout(self, below_line(area));
            draw_text_box(
                &panel,
                self.presenter.theme(),
                self.presenter.words().room.join_title,
                0,
                buf,
            );
        }
    }
}

/// The room's line at the top: the first `ssh` command, the code, the people connected, and
/// the key for the panel; or the room's trouble.
fn line(r: &Remote, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let (w, t) = (r.presenter.words(), r.presenter.theme());
    let room = usize::from(area.width);
    buf.set_style(Rect::new(area.x, area.y, area.width, 1), t.base);
    let trouble = r
        .stopped
        .as_ref()
        .map(|e| fill(w.room.room_failed, &[("error", e)]))
        .or_else(|| r.trouble.clone());
    if let Some(text) = trouble {
        buf.set_string(area.x, area.y, truncate(&text, room), t.error);
        return;
    }
    let command = r.join.commands.first().map_or("", String::as_str);
    let code = fill(w.room.strip_code, &[("code", &r.join.code)]);
    let people = w.room.connected.of(r.people);
    let hints = keymap::footer_hints(BINDINGS, Context::Presenter, w);
    let mut spans = vec![
        Span::styled(format!(" {command}"), t.question),
        Span::styled("   ", t.dim),
        Span::styled(code, t.heading),
        Span::styled("   ", t.dim),
        Span::styled(people, t.text),
    ];
    let used: usize = spans.iter().map(Span::width).sum();
    let hint = fit_hints(hints, t, room.saturating_sub(used + 3));
    if hint.width() > 0 {
        spans.push(Span::raw("   "));
        spans.extend(hint.spans);
    }
    let line = Line::from(spans);
    if line.width() <= room {
        buf.set_line(area.x, area.y, &line, area.width);
    } else {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        buf.set_string(area.x, area.y, truncate(&text, room), t.question);
    }
}

/// The join panel laid out: the commands, the code, the fingerprint, the people connected.
pub fn panel_layout(r: &Remote, area: Rect) -> TextBox {
    let (w, t) = (r.presenter.words(), r.presenter.theme());
    TextBox::new(area, 80, |max| {
        let indent = |text: &str, style| {
            let mut lines = wrap_plain(text, style, max.saturating_sub(4));
            for line in &mut lines {
                line.spans.insert(0, Span::raw("    "));
            }
            lines
        };
        let mut lines = wrap_plain(w.room.join_run, t.text, max);
        for command in &r.join.commands {
            lines.extend(indent(command, t.question));
        }
        lines.push(Line::default());
        lines.extend(wrap_plain(w.room.join_code, t.text, max));
        lines.extend(indent(&r.join.code, t.heading));
        lines.push(Line::default());
        lines.extend(wrap_plain(w.room.join_fingerprint, t.text, max));
        if width(&r.join.fingerprint) + 4 <= max {
            lines.extend(indent(&r.join.fingerprint, t.question));
        } else {
            lines.extend(wrap_plain(&r.join.fingerprint, t.question, max));
        }
        if r.join.new_key {
            lines.extend(wrap_plain(w.room.join_new_key, t.dim, max));
        }
        lines.push(Line::default());
        lines.extend(wrap_plain(&w.room.connected.of(r.people), t.dim, max));
        lines
    })
}

/// What wakes the presenter's loop: a key (or any input) from the keyboard thread, the room
/// with news, or the keyboard failing.
#[derive(Debug)]
pub enum Signal {
    /// Something the facilitator did.
    Input(Input),
    /// The room has something to tell (see [`Room::drain`]).
    Wake,
    /// Reading the keyboard failed.
    Failed(io::Error),
}

/// The presenter's input when a room is open: the keyboard and the room, through one channel,
/// so the loop blocks until either has something.
pub struct Arrivals {
    signals: Receiver<Signal>,
    size: (u16, u16),
    woken: bool,
}

impl Arrivals {
    /// Input from `signals`, for a window of `size` as the loop starts.
    pub fn new(signals: Receiver<Signal>, size: (u16, u16)) -> Arrivals {
        Arrivals {
            signals,
            size,
            woken: false,
        }
    }
}

impl InputSource for Arrivals {
    fn size(&mut self) -> io::Result<(u16, u16)> {
        Ok(self.size)
    }

    fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Input>> {
        let draining = wait == Some(Duration::ZERO);
        // A wake that came while the loop was taking a batch of keys: the loop drew without
        // the room's news, so it comes back at once to take them.
        if self.woken && !draining {
            self.woken = false;
            return Ok(None);
        }
        let signal = match wait {
            None => self.signals.recv().map_err(|_| gone())?,
            Some(wait) => match self.signals.recv_timeout(wait) {
                Ok(signal) => signal,
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => return Err(gone()),
            },
        };
        match signal {
            Signal::Input(input) => Ok(Some(input)),
            Signal::Failed(error) => Err(error),
            Signal::Wake => {
                self.woken = draining;
                Ok(None)
            }
        }
    }
}

fn gone() -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, "the keyboard is gone")
}

/// Reads the local keyboard on a thread of its own into `signals`, until the returned flag is
/// dropped (the thread then ends within a quarter of a second).
pub fn read_keyboard(signals: Sender<Signal>) -> io::Result<KeyboardThread> {
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("keyboard".into())
        .spawn(move || {
            while !stopped.load(Ordering::SeqCst) {
                let read = crossterm::event::poll(Duration::from_millis(250)).and_then(|ready| {
                    if ready {
                        crossterm::event::read().map(Some)
                    } else {
                        Ok(None)
                    }
                });
                let sent = match read {
                    Ok(Some(event)) => match decode(event) {
                        Some(input) => signals.send(Signal::Input(input)),
                        None => Ok(()),
                    },
                    Ok(None) => Ok(()),
                    Err(e) => {
                        let _ = signals.send(Signal::Failed(e));
                        break;
                    }
                };
                if sent.is_err() {
                    break;
                }
            }
        })?;
    Ok(KeyboardThread { stop })
}

/// The keyboard thread; dropping this ends it.
#[derive(Debug)]
pub struct KeyboardThread {
    stop: Arc<AtomicBool>,
}

impl Drop for KeyboardThread {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Runs the presenter with its room on the local terminal until the facilitator quits; then
/// tells every participant the session has ended. `signals` is the channel the room wakes
/// the loop through (its sender went to [`Room::open`]).
pub fn run(
    presenter: Presenter,
    room: Room,
    join: Join,
    signals: (Sender<Signal>, Receiver<Signal>),
) -> io::Result<Finished> {
    let (sender, receiver) = signals;
    let mut screen = Screen::local()?;
    room.contain_panics();
    let size = crossterm::terminal::size()?;
    let keyboard = read_keyboard(sender)?;
    let mut remote = Remote::new(presenter, room, join);
    let mut arrivals = Arrivals::new(receiver, size);
    let ending = shell::run(
        &mut remote,
        &mut |r: &mut Remote, effect, _: &mut Screen| {
            Ok(super::carry_out(r.presenter_mut(), effect))
        },
        &mut arrivals,
        &mut screen,
    );
    // The terminal is the facilitator's again before the room says goodbye to everyone (which
    // can take a second or two); the keyboard thread lets go of it first.
    drop(keyboard);
    drop(screen);
    remote.close_room();
    Ok(Finished {
        ending: ending?,
        unsaved: remote.presenter().save_error().map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::session::{OnlineVotes, Session};
    use crate::guide::check_path;
    use crate::room::host_key::HostKey;
    use crate::room::{Languages, Limits, RoomCode, RoomConfig};
    use crate::store::Store;
    use crate::tui::keymap::parse_keys;
    use std::collections::BTreeMap;
    use std::sync::mpsc;

    fn remote(dir: &tempfile::TempDir) -> Remote {
        let guide = Arc::new(
            check_path(std::path::Path::new("guides/decision-making.ron"))
                .guide
                .expect("guide"),
        );
        let path = dir.path().join("s.ron");
        let presenter = Presenter::new(
            Session::new(Arc::clone(&guide), "G", "2026-01-01T00:00:00Z".into()),
            Store::new(&path),
        )
        .with_size(100, 30);
        let key = HostKey::load_or_create(Some(&dir.path().join("key"))).expect("key");
        let room = Room::open(
            RoomConfig {
                listen: "127.0.0.1:0".parse().expect("address"),
                code: RoomCode::new("K7Q-M4X").expect("code"),
                host_key: key.key.clone(),
                limits: Limits::default(),
                record_names: false,
                languages: Arc::new(Languages::new(guide, [])),
                words: &crate::locale::EN,
                seed: BTreeMap::new(),
                stage: Stage::Waiting,
            },
            || {},
        )
        .expect("room");
        let join = Join {
            commands: vec![format!("ssh -p {} room@127.0.0.1", room.address().port())],
            code: "K7Q-M4X".into(),
            fingerprint: key.fingerprint(),
            new_key: true,
        };
        Remote::new(presenter, room, join)
    }

    fn press(r: &mut Remote, keys: &str) -> Vec<presenter::Effect> {
        parse_keys(keys)
            .into_iter()
            .flat_map(|k| r.input(Input::Key(k)))
            .collect()
    }

    fn screen(r: &Remote, w: u16, h: u16) -> String {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        r.render(area, &mut buf);
        (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_join_panel_opens_first_and_o_shows_it_again() {
        let dir = tempfile::tempdir().expect("temp");
        let mut r = remote(&dir);
        let shown = screen(&r, 100, 31);
        assert!(shown.contains("Password (the room code):"), "{shown}");
        assert!(shown.contains(&r.join().fingerprint), "{shown}");
        assert!(shown
            .lines()
            .next()
            .is_some_and(|l| l.contains("code K7Q-M4X")));
        press(&mut r, "<esc>");
        assert!(!r.panel());
        assert!(!screen(&r, 100, 31).contains("Password (the room code):"));
        press(&mut r, "o");
        assert!(r.panel());
        press(&mut r, "o");
        assert!(!r.panel());
    }

    #[test]
    fn a_projector_window_keeps_large_type_under_the_rooms_line() {
        let dir = tempfile::tempdir().expect("temp");
        let mut r = remote(&dir);
        let question = "How many people take part in decisions?";
        let blocks = |s: &str| {
            s.chars()
                .filter(|c| ('\u{2580}'..='\u{259f}').contains(c))
                .count()
        };
        r.input(Input::Resize(120, 35));
        press(&mut r, "<esc><enter>");
        let shown = screen(&r, 120, 35);
        assert!(
            shown
                .lines()
                .next()
                .is_some_and(|l| l.contains("code K7Q-M4X")),
            "{shown}"
        );
        assert!(!shown.contains(question), "in large type:\n{shown}");
        assert!(blocks(&shown) > 100, "{shown}");
        assert!(shown.contains("  0 hands · 0 online"), "{shown}");
        press(&mut r, "+");
        let shown = screen(&r, 120, 35);
        assert!(shown.contains("  1 hand · 0 online"), "{shown}");
        press(&mut r, "-");
        // One row less and it is the ordinary layout.
        r.input(Input::Resize(120, 34));
        let shown = screen(&r, 120, 34);
        assert!(shown.contains(question), "{shown}");
        // The join panel opens over the large type, whole.
        r.input(Input::Resize(120, 35));
        press(&mut r, "o");
        let shown = screen(&r, 120, 35);
        assert!(shown.contains("Password (the room code):"), "{shown}");
        assert!(shown.contains(&r.join().fingerprint), "{shown}");
    }

    #[test]
    fn o_typed_in_a_note_is_a_letter() {
        let dir = tempfile::tempdir().expect("temp");
        let mut r = remote(&dir);
        press(&mut r, "<esc><enter>n");
        press(&mut r, "o");
        assert!(!r.panel(), "the o went into the note");
    }

    #[test]
    fn participants_follow_the_presenters_place() {
        let dir = tempfile::tempdir().expect("temp");
        let mut r = remote(&dir);
        assert_eq!(r.stage(), Stage::Waiting);
        press(&mut r, "<esc><enter>");
        assert_eq!(
            r.stage(),
            Stage::Question {
                question: 0,
                shown: vec![0, 1],
                recorded: None,
                why: vec![0],
            }
        );
        press(&mut r, "2<enter>");
        assert!(matches!(r.stage(), Stage::Question { question, .. } if question != 0));
        press(&mut r, "b");
        assert!(
            matches!(
                r.stage(),
                Stage::Question {
                    question: 0,
                    recorded: Some(1),
                    ..
                }
            ),
            "{:?}",
            r.stage()
        );
    }

    #[test]
    fn remote_votes_count_at_once_and_are_saved_within_two_seconds() {
        let dir = tempfile::tempdir().expect("temp");
        let mut r = remote(&dir);
        press(&mut r, "<esc><enter>");
        r.tick(Duration::from_secs(10));
        let votes = OnlineVotes {
            votes: BTreeMap::from([("large".to_string(), 3)]),
            names: BTreeMap::new(),
        };
        let effects = r.take(RoomEvent::Votes {
            question: "size".into(),
            votes,
        });
        assert!(effects.is_empty(), "no save per vote");
        assert_eq!(r.presenter().online(0, 1), 3);
        assert_eq!(
            r.presenter().standing(0).leader(),
            Some(1),
            "the votes lead the group's choice"
        );
        assert_eq!(r.presenter().cursor(), 0, "and never move the marker");
        assert!(screen(&r, 120, 31).contains("3 online"));
        assert_eq!(r.wake_at(), Some(Duration::from_secs(12)));
        assert!(!r
            .tick(Duration::from_secs(11))
            .contains(&presenter::Effect::SaveSession));
        assert!(r
            .tick(Duration::from_secs(12))
            .contains(&presenter::Effect::SaveSession));
        assert_eq!(r.wake_at(), None, "saved: nothing to wake for");
    }

    #[test]
    fn trouble_in_the_room_shows_on_the_top_line() {
        let dir = tempfile::tempdir().expect("temp");
        let mut r = remote(&dir);
        r.take(RoomEvent::People(12));
        assert!(screen(&r, 100, 31).contains("12 connected"));
        r.take(RoomEvent::Stopped("no more file handles".into()));
        let top = screen(&r, 100, 31);
        assert!(
            top.lines()
                .next()
                .is_some_and(|l| l.contains("The room stopped (no more file handles)")),
            "{top}"
        );
        assert!(r.room().is_none());
        // The workshop goes on.
        press(&mut r, "<esc><enter>");
        assert_eq!(r.presenter().asked(), Some(0));
    }

    #[test]
    fn quitting_with_people_connected_asks_once_on_the_top_line() {
        let dirs = [(); 2].map(|()| tempfile::tempdir().expect("temp"));
        let (mut r, mut alone) = (remote(&dirs[0]), remote(&dirs[1]));
        for r in [&mut r, &mut alone] {
            press(r, "<esc><enter>");
        }
        r.take(RoomEvent::People(3));
        assert!(!press(&mut r, "q").contains(&presenter::Effect::Quit));
        let top = screen(&r, 100, 31);
        assert!(
            top.lines().next().is_some_and(|l| l
                .contains("3 connected: q again ends the workshop for them; any other key stays.")),
            "{top}"
        );
        // Any other key stays, and the next q asks again.
        assert!(!press(&mut r, "j").contains(&presenter::Effect::Quit));
        assert!(!screen(&r, 100, 31).contains("q again"));
        assert!(!press(&mut r, "q").contains(&presenter::Effect::Quit));
        assert!(press(&mut r, "q").contains(&presenter::Effect::Quit));
        // With no one connected, q quits at once.
        assert!(press(&mut alone, "q").contains(&presenter::Effect::Quit));
    }

    #[test]
    fn a_wake_during_a_batch_of_keys_brings_the_loop_back_at_once() {
        let (tx, rx) = mpsc::channel();
        let mut arrivals = Arrivals::new(rx, (80, 24));
        let key = Input::Key(KeyEvent::from(crossterm::event::KeyCode::Char('x')));
        tx.send(Signal::Input(key)).expect("send");
        tx.send(Signal::Wake).expect("send");
        assert_eq!(arrivals.next(None).expect("next"), Some(key));
        // The loop drains the batch: the wake ends it...
        assert_eq!(arrivals.next(Some(Duration::ZERO)).expect("next"), None);
        // ...and the next wait returns at once, without blocking, for the room's news.
        assert_eq!(arrivals.next(None).expect("next"), None);
        assert_eq!(
            arrivals
                .next(Some(Duration::from_millis(10)))
                .expect("next"),
            None,
            "nothing left: the wait runs out"
        );
        drop(tx);
        assert!(arrivals.next(None).is_err(), "no keyboard and no room");
    }
}
