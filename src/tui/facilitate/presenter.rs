//! The presenter: workshop mode's state and its transitions, a pure state machine over one walk
//! and its session record.
//!
//! The walk itself (intro, questions, back, review, edits from the review, result, scrolling) is
//! the player's: the presenter holds a player [`App`], the only copy of the walk, and sends it
//! the commands that move it; the player says when the walk moved or its answers changed, and
//! the presenter follows. What workshop mode adds is the session's [`Record`] beside it: raised
//! hands per answer and the group's choice they show, a note per question, the facilitator
//! notes pane, a countdown, the time spent per question; and the effects that save the session
//! after every change. [`Presenter::handle`] does no IO: it returns [`Effect`]s for the driver
//! ([`super::carry_out`]) to carry out.
//!
//! **The marker and the group's choice.** The answer marked with `›` is the facilitator's: the
//! hands keys count for it, and Enter records it. It moves only when the facilitator moves it
//! (↑↓, a number, a click); a count never moves it, so counting one answer after another is
//! never pulled elsewhere. The group's choice is what the counts say — the answer with most
//! hands, whose count stands out — and counting hands for another answer never moves it. Enter
//! follows the recording rule of [`crate::engine::session::count`]: the marked answer is
//! recorded at once when it has the most (alone or tied) or nothing was counted; otherwise the
//! presenter asks once, naming both counts, and a second Enter records it anyway (any other key
//! goes back). On a tie the screen names the tied answers. A question answered before opens on
//! that answer; one with a clear leader opens on it.

use crate::tui::look::Looks;
use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::clock::{Countdown, OnQuestion};
use super::keymap::{self, Command, Context};
use super::layout;
use super::note::NoteInput;
use crate::engine::session::count::{self, Count, Recording, Standing};
use crate::engine::session::{Deadline, OnlineVotes, Record, Session};
use crate::engine::{Place, Walk};
use crate::guide::text::sanitize_line;
use crate::guide::Guide;
use crate::locale::{and_list, fill, Plural, Words};
use crate::store::rfc3339;
use crate::store::Store;
use crate::tui::input::Input;
use crate::tui::keymap::Either;
use crate::tui::layers::{KeepsStatus, Layers, Status, StatusLine};
use crate::tui::layout::window;
use crate::tui::player::app::{self as player, App, Screen};
use crate::tui::player::keymap::Command as PlayerCommand;
use crate::tui::theme::Theme;

/// What the presenter is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The facilitator did something: a key, a click, the wheel, a new window size.
    Input(Input),
    /// A workshop command, as if its key had been pressed.
    Command(Command),
    /// The time since the presenter started; the shell sends it before every batch of inputs
    /// and whenever a running countdown needs redrawing.
    Tick(Duration),
    /// The driver saved the session, or could not (why).
    SessionSaved(Result<(), String>),
    /// The driver saved the hand-out (where), or could not (why).
    HandoutSaved(Result<PathBuf, String>),
    /// Remote participants' votes on a question changed (`facilitate --serve`): its whole
    /// count now. They count with the hands; saving them is left to the caller, which batches.
    Online {
        /// The question's id.
        question: String,
        /// The count.
        votes: OnlineVotes,
    },
}

/// What the driver must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Save the session to its file (atomically), then report with [`Action::SessionSaved`].
    SaveSession,
    /// Write the hand-out beside the session file, then report with [`Action::HandoutSaved`].
    SaveHandout,
    /// Leave workshop mode.
    Quit,
    /// Leave at once: Ctrl-C.
    Interrupt,
    /// Ring the terminal's bell: the countdown has run out.
    Bell,
}

/// A layer over the screen; the top one gets the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the screen below.
    Help,
    /// Why the question is asked.
    Why,
    /// What the session recorded that this version of the guide no longer asks.
    Earlier,
    /// A note being typed on a question (position in the guide).
    Note {
        /// The question the note is on.
        question: usize,
        /// What is typed.
        input: NoteInput,
    },
}

/// The whole state of workshop mode.
#[derive(Debug, Clone)]
pub struct Presenter {
    player: App,
    record: Record,
    store: Store,
    size: (u16, u16),
    now: Duration,
    on_question: Option<OnQuestion>,
    countdown: Option<Countdown>,
    cursor: usize,
    /// Enter was pressed on an answer others beat, and the presenter asked: the question and
    /// the answer a second Enter records.
    asking: Option<(usize, usize)>,
    /// The wall clock when the presenter's clock started (time since 1970), for the deadline a
    /// countdown is saved with; `None` until the driver says.
    wall: Option<Duration>,
    layers: Layers<Overlay>,
    status: StatusLine,
    save_error: Option<String>,
    quit_warned: bool,
    serving: bool,
}

impl KeepsStatus for Presenter {
    fn status_line(&mut self) -> &mut StatusLine {
        &mut self.status
    }
}

impl Presenter {
    /// A presenter over a session saved in `store`, sized 80×24 until told. A session with
    /// anything recorded opens where it was left (the walk is already there, see
    /// `Session::resume`); a new one opens on the guide's intro.
    pub fn new(session: Session, store: Store) -> Presenter {
        let Session { walk, mut record } = session;
        // A group named on the command line is as untrusted as one read from a file.
        record.group = sanitize_line(&record.group);
        let resumed = record.started
            || !walk.answers_by_id().is_empty()
            || record.has_entries()
            || !matches!(walk.place(), Place::Question { step: 0, .. });
        let mut player = App::with_walk(walk);
        if resumed {
            player = player.skip_intro();
        }
        let mut status = StatusLine::default();
        if let Some(notice) = resume_notice(&record, player.walk(), player.words()) {
            status.set(Status::Notice(notice));
        }
        let earlier = !record.earlier(player.guide()).is_empty();
        let mut presenter = Presenter {
            player,
            record,
            store,
            size: (80, 24),
            now: Duration::ZERO,
            on_question: None,
            countdown: None,
            cursor: 0,
            asking: None,
            wall: None,
            layers: Layers::default(),
            status,
            save_error: None,
            quit_warned: false,
            serving: false,
        };
        presenter.arrive();
        if earlier {
            presenter.layers.open(Overlay::Earlier);
        }
        presenter.restore_draft();
        presenter
    }

    /// Shows remote participants' votes beside the hands on every question, even before any
    /// has come in (the room is open).
    pub fn serving(mut self) -> Presenter {
        self.serving = true;
        self
    }

    /// True when a room is open for remote participants.
    pub fn is_serving(&self) -> bool {
        self.serving
    }

    /// Tells the presenter the wall clock at the start of its own clock (time since 1970): a
    /// countdown is saved by its deadline, and one saved on the question being asked goes on
    /// running (or has run out) as the deadline says.
    pub fn with_wall_clock(mut self, wall: Duration) -> Presenter {
        self.wall = Some(wall);
        self.restore_countdown();
        self
    }

    /// Shows (`true`) or hides the facilitator notes on the main screen; the choice is saved
    /// with the session.
    pub fn with_notes(mut self, shown: bool) -> Presenter {
        self.record.notes_shown = shown;
        self
    }

    /// A note that was being typed when the session was last saved opens again on its question.
    fn restore_draft(&mut self) {
        let Some((id, text)) = self.record.draft.clone() else {
            return;
        };
        let Some(question) = self.asked() else {
            return;
        };
        if self.guide().questions[question].id != id {
            return;
        }
        let input = NoteInput::new(&text);
        self.layers.open(Overlay::Note { question, input });
        self.status.set(Status::Notice(
            self.words().facilitator.draft_restored.to_string(),
        ));
    }

    /// The countdown saved with the session, when it runs on the question being asked.
    fn restore_countdown(&mut self) {
        let (Some(wall), Some(deadline), Some(question)) =
            (self.wall, self.record.countdown.clone(), self.asked())
        else {
            return;
        };
        if self.guide().questions[question].id != deadline.question {
            return;
        }
        let Some(ends) = deadline.ends_at() else {
            return;
        };
        let ends = Duration::from_secs(ends).saturating_sub(wall);
        self.countdown = Some(Countdown {
            question,
            length: Duration::from_secs(deadline.seconds),
            ends,
        });
    }

    /// Uses another theme.
    pub fn with_theme(mut self, theme: Theme) -> Presenter {
        self.player = self.player.with_theme(theme);
        self
    }

    /// Sets the window size to lay out for.
    pub fn with_size(mut self, width: u16, height: u16) -> Presenter {
        self.handle(Action::Input(Input::Resize(width, height)));
        self
    }

    /// What the facilitator recorded, as it is saved.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// The group's walk (the one the player plays).
    pub fn walk(&self) -> &Walk {
        self.player.walk()
    }

    /// Where the session is saved.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The player underneath (the walk, the review and the result).
    pub fn player(&self) -> &App {
        &self.player
    }

    /// The guide.
    pub fn guide(&self) -> &Guide {
        self.player.guide()
    }

    /// The words in use (the guide's language).
    pub fn words(&self) -> &'static Words {
        self.player.words()
    }

    /// The theme in use.
    pub fn theme(&self) -> &Theme {
        self.player.theme()
    }

    /// The size last told of.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The screen under the layers.
    pub fn screen(&self) -> Screen {
        self.player.screen()
    }

    /// The question being asked: the one on screen, or the one the review was opened from.
    /// `None` on the intro, the review of a whole path and the result.
    pub fn asked(&self) -> Option<usize> {
        match self.player.screen() {
            Screen::Question { question, .. } => Some(question),
            Screen::Review { outcome: None } => match self.player.walk().place() {
                Place::Question { question, .. } => Some(question),
                _ => None,
            },
            _ => None,
        }
    }

    /// Where keys go: the top layer, or the screen.
    pub fn context(&self) -> Context {
        match self.layers.top().map(|l| &l.kind) {
            Some(Overlay::Help) => Context::Help,
            Some(Overlay::Why) => Context::Why,
            Some(Overlay::Earlier) => Context::Earlier,
            Some(Overlay::Note { .. }) => Context::Note,
            None => self.screen_context(),
        }
    }

    /// The context of the screen itself (the help lists its keys): the workshop's over the
    /// player's.
    pub fn screen_context(&self) -> Context {
        Context::over(self.player.screen_context())
    }

    /// The answer under the marker `›` (a position in the guide's answers): the hands keys count
    /// for it, and Enter records it.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// True while the presenter asks whether to record the marked answer, which other answers
    /// beat (a second Enter records it).
    pub fn asking(&self) -> bool {
        self.asking.is_some()
    }

    /// What each answer of a question has, from every source, in the guide's order: the hands
    /// counted here and the votes of remote participants. The drawing, the tie and the
    /// recording rule all read these, and only [`Count::total`] adds them up.
    pub fn counts(&self, question: usize) -> Vec<Count> {
        self.record.counts(self.guide(), question)
    }

    /// Where the answers offered at a question stand: the most, and who has it.
    pub fn standing(&self, question: usize) -> Standing {
        Standing::of(
            &self.counts(question),
            &self.player.walk().visible_answers(question),
        )
    }

    /// True when hands are counted on a question and two or more answers share the most.
    pub fn tied(&self, question: usize) -> bool {
        self.standing(question).tied()
    }

    /// True when the facilitator notes are shown.
    pub fn notes_pane(&self) -> bool {
        self.record.notes_shown
    }

    /// The layers, bottom first.
    pub fn layers(&self) -> &Layers<Overlay> {
        &self.layers
    }

    /// The note being typed, if the note input is open.
    pub fn note_input(&self) -> Option<&NoteInput> {
        self.layers
            .iter()
            .rev()
            .find_map(|layer| match &layer.kind {
                Overlay::Note { input, .. } => Some(input),
                _ => None,
            })
    }

    /// Lines scrolled in the help (0 when it is closed).
    pub fn help_scroll(&self) -> usize {
        self.layer_scroll(&Overlay::Help)
    }

    /// Lines scrolled in the "why we ask" overlay (0 when it is closed).
    pub fn why_scroll(&self) -> usize {
        self.layer_scroll(&Overlay::Why)
    }

    fn layer_scroll(&self, kind: &Overlay) -> usize {
        self.layers
            .iter()
            .find(|l| &l.kind == kind)
            .map_or(0, |l| l.scroll)
    }

    /// The line an action just reported, if any (a notice on resuming included).
    pub fn status(&self) -> Option<&Status> {
        self.status.get()
    }

    /// The notice shown once on resuming a session saved with another version of the guide.
    pub fn notice(&self) -> Option<&str> {
        match self.status.get() {
            Some(Status::Notice(text)) => Some(text),
            _ => None,
        }
    }

    /// Why the last save failed, until one works again.
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    /// The countdown, if one was started on the question being asked.
    pub fn countdown(&self) -> Option<Countdown> {
        self.countdown
    }

    /// The time on the presenter's clock.
    pub fn now(&self) -> Duration {
        self.now
    }

    /// True while a countdown shows time left.
    fn countdown_running(&self) -> bool {
        self.countdown
            .is_some_and(|c| c.shown_seconds(self.now) > 0)
    }

    /// How long after [`Presenter::now`] the view changes by itself: a running countdown
    /// changes every second; otherwise nothing changes until a key is pressed.
    pub fn next_tick(&self) -> Option<Duration> {
        let countdown = self.countdown.and_then(|c| c.next_change(self.now));
        let on_question = self
            .on_question
            .filter(|_| self.times_shown())
            .map(|on| on.next_change(self.now));
        match (countdown, on_question) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// True when the time on the question is on screen: on the facilitator's own screen (the
    /// notes shown), never on the one the room sees.
    pub fn times_shown(&self) -> bool {
        self.record.notes_shown
    }

    /// The whole seconds spent on the question being asked, counted or not yet.
    pub fn on_question_seconds(&self) -> Option<u64> {
        let on = self.on_question?;
        let id = &self.guide().questions[on.question].id;
        let counted = self.record.seconds.get(id).copied().unwrap_or(0);
        Some(counted.saturating_add(self.now.saturating_sub(on.since).as_secs()))
    }

    /// The raised hands for an answer of a question (positions in the guide).
    pub fn hands(&self, question: usize, answer: usize) -> u32 {
        let q = &self.guide().questions[question];
        q.answers
            .get(answer)
            .map_or(0, |a| self.record.hands(&q.id, &a.id))
    }

    /// Remote participants' votes for an answer of a question (positions in the guide).
    pub fn online(&self, question: usize, answer: usize) -> u32 {
        let q = &self.guide().questions[question];
        q.answers
            .get(answer)
            .map_or(0, |a| self.record.online(&q.id, &a.id))
    }

    /// Handles one action; returns what the driver must do.
    pub fn handle(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Tick(now) => {
                let running = self.countdown_running();
                self.now = self.now.max(now);
                // The time running out says more than "Countdown: 2 minutes." did: the status
                // goes, and the key hints come back.
                if running && !self.countdown_running() {
                    self.status.clear();
                    return vec![Effect::Bell];
                }
                Vec::new()
            }
            Action::SessionSaved(outcome) => {
                self.session_saved(outcome);
                Vec::new()
            }
            Action::HandoutSaved(outcome) => {
                let w = &self.words().workshop;
                self.status
                    .report_saved(&outcome, w.handout_saved, w.handout_failed);
                Vec::new()
            }
            Action::Input(input) => self.gesture(input, Self::input),
            Action::Command(command) => self.order(command, Self::workshop),
            Action::Online { question, votes } => {
                self.count_online(question, votes);
                Vec::new()
            }
        }
    }

    /// Handles a key event (a shortcut for `handle(Action::Input(Input::Key(key)))`).
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.handle(Action::Input(Input::Key(key)))
    }

    fn input(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(key) => {
                let context = self.context();
                let command = keymap::command(context, &key);
                // A question asked about the marked answer lasts one key: only Enter answers it,
                // and Esc only takes the question back.
                if command != Some(Either::Top(Command::Record)) && input.is_a_gesture() {
                    let asked = self.asking.take().is_some();
                    if asked && key.code == KeyCode::Esc {
                        return Vec::new();
                    }
                }
                match command {
                    Some(Either::Top(command)) => self.workshop(command),
                    Some(Either::Under(command)) => self.player_command(command),
                    None if context == Context::Note => self.type_char(&key),
                    None => Vec::new(),
                }
            }
            Input::Resize(width, height) => {
                self.relayout(width, height);
                Vec::new()
            }
            Input::Click { column, row } => self.click(input, column, row),
            Input::Wheel { down, .. } => self.wheel(input, down),
        }
    }

    /// A command from the workshop's own keys.
    fn workshop(&mut self, command: Command) -> Vec<Effect> {
        if command == Command::Interrupt {
            return self.leave(Effect::Interrupt);
        }
        if self.context() == Context::Note {
            return self.on_note(command);
        }
        let question = self.asked().filter(|_| self.context() == Context::Question);
        // The marker is an answer's position in the guide; moving and numbers go
        // by the answers shown (those offered to this group).
        let shown = question.map_or_else(Vec::new, |q| self.player.walk().visible_answers(q));
        let at = shown.iter().position(|&a| a == self.cursor).unwrap_or(0);
        let last = shown.len().saturating_sub(1);
        let pick = |n: usize| shown.get(n).copied().unwrap_or(0);
        match (command, question) {
            (Command::Quit, _) => return self.quit(),
            (Command::Save, _) if matches!(self.screen(), Screen::Result { .. }) => {
                return vec![Effect::SaveHandout];
            }
            (Command::Up, Some(_)) => self.move_cursor(pick(at.saturating_sub(1))),
            (Command::Down, Some(_)) => self.move_cursor(pick((at + 1).min(last))),
            (Command::Select(n), Some(_)) if n <= last => self.move_cursor(pick(n)),
            (Command::AddHand, Some(q)) => return self.count_hand(q, 1),
            (Command::RemoveHand, Some(q)) => return self.count_hand(q, -1),
            (Command::Record, Some(q)) => return self.record_marked(q, &shown),
            (Command::Note, Some(question)) => {
                let id = &self.guide().questions[question].id;
                let written = self.record.notes.get(id).map_or("", String::as_str);
                let input = NoteInput::new(written);
                self.layers.open(Overlay::Note { question, input });
            }
            (Command::Countdown, Some(q)) => return self.cycle_countdown(q),
            (Command::NotesPane, Some(_)) => {
                self.record.notes_shown = !self.record.notes_shown;
                return self.save();
            }
            (Command::Earlier, _) if self.context() == Context::Earlier => {
                self.layers.close();
            }
            (Command::Earlier, _) if !self.record.earlier(self.guide()).is_empty() => {
                self.layers.open(Overlay::Earlier);
            }
            _ => {}
        }
        Vec::new()
    }

    /// A command from the player's keys beneath the workshop's.
    fn player_command(&mut self, command: PlayerCommand) -> Vec<Effect> {
        if command == PlayerCommand::Interrupt {
            return self.leave(Effect::Interrupt);
        }
        match self.context() {
            Context::Help | Context::Why | Context::Earlier => match command {
                PlayerCommand::Close => {
                    self.layers.close();
                }
                PlayerCommand::Quit => return self.quit(),
                other => {
                    let geometry = self.overlay_geometry();
                    self.layers.scroll(other.scroll(), geometry);
                }
            },
            Context::Question => match command {
                PlayerCommand::Top | PlayerCommand::Bottom => {
                    let shown = self
                        .asked()
                        .map_or_else(Vec::new, |q| self.player.walk().visible_answers(q));
                    let end = if command == PlayerCommand::Top {
                        shown.first()
                    } else {
                        shown.last()
                    };
                    self.move_cursor(end.copied().unwrap_or(0));
                }
                PlayerCommand::Why => self.layers.open(Overlay::Why),
                PlayerCommand::Help => self.layers.open(Overlay::Help),
                PlayerCommand::Quit => return self.quit(),
                other => return self.forward(player::Action::Command(other)),
            },
            _ => match command {
                PlayerCommand::Help => self.layers.open(Overlay::Help),
                PlayerCommand::Quit => return self.quit(),
                other => return self.forward(player::Action::Command(other)),
            },
        }
        Vec::new()
    }

    fn move_cursor(&mut self, answer: usize) {
        self.cursor = answer;
    }

    /// Enter on a question: the recording rule decides whether the marked answer is recorded
    /// now or the presenter asks first; a second Enter on the same answer records it.
    fn record_marked(&mut self, question: usize, shown: &[usize]) -> Vec<Effect> {
        let marked = self.cursor;
        let Some(n) = shown.iter().position(|&a| a == marked) else {
            return Vec::new();
        };
        let confirmed = self.asking.take() == Some((question, marked));
        if !confirmed {
            let outvoted = match count::recording(&self.counts(question), shown, marked) {
                Recording::Ask {
                    marked: hands,
                    leaders,
                    most,
                } => Some(self.ask_text(question, marked, hands, &leaders, most)),
                Recording::Now => None,
            };
            let replaces = self.replaces_text(question);
            if outvoted.is_some() || replaces.is_some() {
                let f = &self.words().facilitator;
                let answer = &self.guide().questions[question].answers[marked].label;
                let mut parts = vec![
                    outvoted.unwrap_or_else(|| fill(f.ask_record_plain, &[("answer", answer)]))
                ];
                parts.extend(replaces);
                parts.push(f.ask_confirm.to_string());
                self.asking = Some((question, marked));
                self.status.set(Status::Notice(parts.join(" ")));
                return Vec::new();
            }
        }
        self.forward(player::Action::Command(PlayerCommand::Pick(n)))
    }

    /// "Record X (1 hand)? Y has 3."
    fn ask_text(
        &self,
        question: usize,
        marked: usize,
        hands: u32,
        leaders: &[usize],
        most: u32,
    ) -> String {
        let w = &self.words().facilitator;
        let answers = &self.guide().questions[question].answers;
        let label = |a: usize| answers.get(a).map_or("", |x| x.label.as_str()).to_string();
        let counted = self.counted_as(question);
        let hands = counted.of(usize::try_from(hands).unwrap_or(usize::MAX));
        let most = counted.of(usize::try_from(most).unwrap_or(usize::MAX));
        let answer = label(marked);
        match leaders {
            [one] => fill(
                w.ask_record,
                &[
                    ("answer", &answer),
                    ("hands", &hands),
                    ("leader", &label(*one)),
                    ("most", &most),
                ],
            ),
            _ => {
                let names: Vec<String> = leaders
                    .iter()
                    .map(|&a| quoted(&label(a), self.words()))
                    .collect();
                fill(
                    w.ask_record_tied,
                    &[
                        ("answer", &answer),
                        ("hands", &hands),
                        ("leaders", &and_list(&names, w.and)),
                        ("most", &most),
                    ],
                )
            }
        }
    }

    /// What Enter says on a question the group answered with an answer this version of the
    /// guide no longer has, so that answer is never replaced silently. `None` when the walk has
    /// an answer here already, or there is nothing earlier.
    fn replaces_text(&self, question: usize) -> Option<String> {
        if self.player.walk().answer_of(question).is_some() {
            return None;
        }
        let before = self.record.earlier_answer(self.guide(), question)?;
        let w = self.words();
        Some(fill(
            w.facilitator.ask_replaces,
            &[("before", &quoted(&before, w))],
        ))
    }

    /// The tie line: "Tied: “A” and “B”, 3 hands each."; `None` without a tie.
    pub fn tie_text(&self, question: usize) -> Option<String> {
        let standing = self.standing(question);
        if !standing.tied() {
            return None;
        }
        let w = &self.words().facilitator;
        let answers = &self.guide().questions[question].answers;
        let names: Vec<String> = standing
            .leaders
            .iter()
            .filter_map(|&a| answers.get(a))
            .map(|a| quoted(&a.label, self.words()))
            .collect();
        let hands = self
            .counted_as(question)
            .of(usize::try_from(standing.most).unwrap_or(usize::MAX));
        Some(fill(
            w.tied,
            &[("answers", &and_list(&names, w.and)), ("hands", &hands)],
        ))
    }

    /// How a question's totals are said: as hands, or as votes once remote votes are among
    /// them ("3 votes" for 1 hand and 2 online votes, never "3 hands").
    fn counted_as(&self, question: usize) -> &'static Plural {
        let f = &self.words().facilitator;
        if self.counts(question).iter().any(|c| c.online > 0) {
            &f.votes
        } else {
            &f.hands
        }
    }

    fn count_hand(&mut self, question: usize, delta: i32) -> Vec<Effect> {
        let q = &self.guide().questions[question];
        let Some(answer) = q.answers.get(self.cursor) else {
            return Vec::new();
        };
        let (qid, aid) = (q.id.clone(), answer.id.clone());
        if delta < 0 && self.record.hands(&qid, &aid) == 0 {
            return Vec::new();
        }
        self.record.add_hands(&qid, &aid, delta);
        self.save()
    }

    /// Takes a question's remote votes in. They change the counts — the group's choice the
    /// screen shows, a tie, what Enter does — but never the marker: the facilitator may be
    /// counting hands for another answer when they arrive.
    fn count_online(&mut self, question: String, votes: OnlineVotes) {
        if votes.votes.values().all(|n| *n == 0) && votes.names.is_empty() {
            self.record.online.remove(&question);
        } else {
            self.record.online.insert(question, votes);
        }
    }

    fn cycle_countdown(&mut self, question: usize) -> Vec<Effect> {
        let w = &self.words().workshop;
        let id = self.guide().questions[question].id.clone();
        self.countdown = Countdown::cycle(self.countdown, question, self.now);
        self.record.countdown = self.countdown.map(|c| Deadline {
            question: id.clone(),
            seconds: c.length.as_secs(),
            ends: rfc3339((self.wall.unwrap_or_default() + c.ends).as_secs()),
        });
        match self.countdown {
            Some(c) => {
                let seconds = c.length.as_secs();
                self.record.countdowns.insert(id, seconds);
                let minutes = seconds / 60;
                self.status
                    .done(fill(w.countdown_started, &[("minutes", &minutes)]));
            }
            None => {
                self.record.countdowns.remove(&id);
                self.status.done(w.countdown_stopped);
            }
        }
        self.save()
    }

    fn on_note(&mut self, command: Command) -> Vec<Effect> {
        let Some(Overlay::Note { question, input }) = self.layers.top_mut().map(|l| &mut l.kind)
        else {
            return Vec::new();
        };
        let question = *question;
        match command {
            Command::Left => input.left(),
            Command::Right => input.right(),
            Command::Home => input.home(),
            Command::End => input.end(),
            Command::Erase => {
                input.erase();
                return self.save_draft();
            }
            Command::EraseForward => {
                input.erase_forward();
                return self.save_draft();
            }
            Command::CancelNote => {
                self.layers.close();
                if self.record.draft.take().is_some() {
                    return self.save();
                }
            }
            Command::KeepNote => {
                let text = input.text();
                self.layers.close();
                let had_draft = self.record.draft.take().is_some();
                let effects = self.keep_note(question, &text);
                if effects.is_empty() && had_draft {
                    return self.save();
                }
                return effects;
            }
            _ => {}
        }
        Vec::new()
    }

    /// The note being typed is saved with the session as a draft at every change, so a crash
    /// loses at most the keystroke in flight.
    fn save_draft(&mut self) -> Vec<Effect> {
        let Some(Overlay::Note { question, input }) = self.layers.top().map(|l| &l.kind) else {
            return Vec::new();
        };
        let id = self.guide().questions[*question].id.clone();
        let draft = Some((id, input.text()));
        if draft == self.record.draft {
            return Vec::new();
        }
        self.record.draft = draft;
        self.save()
    }

    fn type_char(&mut self, key: &KeyEvent) -> Vec<Effect> {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Vec::new();
        }
        if let (KeyCode::Char(c), Some(Overlay::Note { input, .. })) =
            (key.code, self.layers.top_mut().map(|l| &mut l.kind))
        {
            input.insert(c);
            return self.save_draft();
        }
        Vec::new()
    }

    fn keep_note(&mut self, question: usize, text: &str) -> Vec<Effect> {
        let w = &self.words().workshop;
        let id = self.guide().questions[question].id.clone();
        let text = sanitize_line(text.trim());
        let before = self.record.notes.get(&id).cloned();
        if before.as_deref().unwrap_or("") == text {
            return Vec::new();
        }
        if text.is_empty() {
            self.record.notes.remove(&id);
            self.status.done(w.note_removed);
        } else {
            self.record.notes.insert(id, text);
            self.status.done(w.note_saved);
        }
        self.save()
    }

    /// Sends an action to the player; when the walk moved or its answers changed (the player
    /// says so), the presenter follows and the session is saved.
    fn forward(&mut self, action: player::Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        let mut walked = false;
        for effect in self.player.handle(action) {
            match effect {
                player::Effect::Quit => return self.quit(),
                player::Effect::Interrupt => return self.leave(Effect::Interrupt),
                player::Effect::SaveResult => effects.push(Effect::SaveHandout),
                player::Effect::Moved | player::Effect::AnswersChanged => walked = true,
            }
        }
        if walked {
            self.arrive();
            effects.extend(self.save());
        }
        effects
    }

    /// Follows the walk to where it is now: the time on the question left is counted, a
    /// countdown on it stops, and a question arrived at gets its marker.
    fn arrive(&mut self) {
        let asked = self.asked();
        if self.on_question.map(|o| o.question) != asked {
            self.fold_time();
            self.on_question = asked.map(|question| OnQuestion {
                question,
                since: self.now,
            });
        }
        if self.countdown.is_some_and(|c| Some(c.question) != asked) {
            self.countdown = None;
            self.record.countdown = None;
        }
        if let Some(question) = asked {
            self.record.started = true;
            self.preselect(question);
        }
    }

    /// The marker on arriving at a question: on the answer given before; else the one with
    /// strictly most hands; else (no hands, or a tie) the first.
    fn preselect(&mut self, question: usize) {
        let walk = self.player.walk();
        let shown = walk.visible_answers(question);
        let answer = walk
            .prefilled(question)
            .or_else(|| self.standing(question).leader())
            .or_else(|| shown.first().copied())
            .unwrap_or(0);
        self.move_cursor(answer);
    }

    /// Adds the whole seconds spent on the question being asked to the record.
    fn fold_time(&mut self) {
        let Some(on) = self.on_question.as_mut() else {
            return;
        };
        let seconds = on.take_seconds(self.now);
        if seconds > 0 {
            let id = &self.player.guide().questions[on.question].id;
            self.record.add_seconds(id, seconds);
        }
    }

    fn save(&mut self) -> Vec<Effect> {
        self.fold_time();
        vec![Effect::SaveSession]
    }

    fn session_saved(&mut self, outcome: Result<(), String>) {
        let w = &self.words().workshop;
        match outcome {
            Ok(()) => {
                if self.save_error.take().is_some() {
                    self.status.done(w.session_saved_again);
                }
                self.quit_warned = false;
            }
            Err(error) => {
                self.save_error = Some(fill(w.session_save_failed, &[("error", &error)]));
            }
        }
    }

    /// Quitting saves once more (the time on the question). When saving has been failing, the
    /// first `q` tries again and warns; a second one quits.
    fn quit(&mut self) -> Vec<Effect> {
        if self.save_error.is_some() && !self.quit_warned {
            self.quit_warned = true;
            self.status.failed(self.words().workshop.quit_unsaved);
            return self.save();
        }
        self.leave(Effect::Quit)
    }

    fn leave(&mut self, how: Effect) -> Vec<Effect> {
        let mut effects = self.save();
        effects.push(how);
        effects
    }

    fn click(&mut self, input: Input, column: u16, row: u16) -> Vec<Effect> {
        if !self.layers.is_empty() {
            return Vec::new();
        }
        match self.screen() {
            Screen::Question { .. } => {
                if let Some(answer) = layout::answer_at(self, window(self.size), column, row) {
                    self.move_cursor(answer);
                }
                Vec::new()
            }
            _ => self.forward(player::Action::Input(input)),
        }
    }

    fn wheel(&mut self, input: Input, down: bool) -> Vec<Effect> {
        match self.context() {
            Context::Help | Context::Why | Context::Earlier => {
                let geometry = self.overlay_geometry();
                self.layers.wheel(down, geometry);
                Vec::new()
            }
            Context::Question => self.workshop(if down { Command::Down } else { Command::Up }),
            Context::Intro | Context::Review | Context::Result => {
                self.forward(player::Action::Input(input))
            }
            Context::Note | Context::Comparison | Context::Follow => Vec::new(),
        }
    }

    /// Lines and rows of the overlay on top.
    fn overlay_geometry(&self) -> (usize, usize) {
        let area = window(self.size);
        match self.layers.top().map(|l| &l.kind) {
            Some(Overlay::Help) => layout::help_box(self, area).geometry(),
            Some(Overlay::Why) => layout::why_box(self, area).geometry(),
            Some(Overlay::Earlier) => layout::earlier_box(self, area).geometry(),
            _ => (0, 0),
        }
    }

    fn relayout(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.player.resize(width, height);
        let area = window(self.size);
        let help = layout::help_box(self, area).geometry();
        let why = layout::why_box(self, area).geometry();
        let earlier = layout::earlier_box(self, area).geometry();
        self.layers.clamp(|kind| match kind {
            Overlay::Help => help,
            Overlay::Why => why,
            Overlay::Earlier => earlier,
            Overlay::Note { .. } => (0, 0),
        });
    }
}

/// The notice on resuming a session saved with another version of the guide, if it was.
fn resume_notice(record: &Record, walk: &Walk, words: &Words) -> Option<String> {
    let w = &words.workshop;
    let mut parts = Vec::new();
    if let Some(version) = record.older_version.as_ref().filter(|v| !v.is_empty()) {
        let current = &walk.guide().version;
        parts.push(fill(
            w.notice_version,
            &[("version", version), ("current", current)],
        ));
    }
    match record.kept.len() {
        0 => {}
        1 => parts.push(w.notice_kept_one.to_string()),
        count => parts.push(fill(w.notice_kept, &[("count", &count)])),
    }
    if let Some((_, title)) = record.reached.as_ref().filter(|_| walk.outcome().is_none()) {
        parts.push(fill(
            words.facilitator.reached_before,
            &[("outcome", title)],
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A label in the quotation marks of the language (“…” or «…»).
fn quoted(label: &str, w: &Words) -> String {
    fill(w.facilitator.quote, &[("text", &label)])
}
