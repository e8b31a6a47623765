//! The keymap as data: which key does what, where. One table drives the key handling, the footer
//! hints and the help screen, so the three can never disagree (gitui's `key_list` pattern).
//!
//! A [`Binding`] names its keys, the command they give, the contexts where they work, and two
//! texts from a table of words: a short hint for the footer and a line for the help screen. The
//! machinery here — [`lookup`], [`footer_hints`], [`help_lines`] — serves every table: the
//! player's [`BINDINGS`] (workshop mode's too, with its [`Command`]s and [`Context`]s) and the
//! editor's own ([`crate::tui::edit::keymap`]).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::strings::{fill, Strings};

/// A key as the keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character (shift is ignored: terminals disagree on reporting it).
    Char(char),
    /// Control and a letter.
    Ctrl(char),
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Backspace.
    Backspace,
    /// Tab.
    Tab,
    /// Shift and Tab.
    BackTab,
    /// The up arrow.
    Up,
    /// The down arrow.
    Down,
    /// The left arrow.
    Left,
    /// The right arrow.
    Right,
    /// Delete (forward).
    Delete,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Any of the keys 1 to 9.
    Digits,
}

/// What a key asks for; the app decides what it means on the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Scroll up one line.
    ScrollUp,
    /// Scroll down one line.
    ScrollDown,
    /// Scroll up a page.
    PageUp,
    /// Scroll down a page.
    PageDown,
    /// Go to the top.
    Top,
    /// Go to the end.
    Bottom,
    /// Jump to the next section.
    NextSection,
    /// Jump to the previous section.
    PrevSection,
    /// Leave the intro and start.
    Start,
    /// Choose the selected answer.
    Choose,
    /// Choose answer `n` (0-based).
    Pick(usize),
    /// Open the selected line of the review.
    Open,
    /// Go back one step.
    Back,
    /// Show the review of the answers.
    Review,
    /// Show why the question is asked.
    Why,
    /// Show the help.
    Help,
    /// Save the result.
    Save,
    /// Quit, asking first when answers would be lost.
    Quit,
    /// Quit at once (Ctrl-C).
    Interrupt,
    /// Close the top overlay.
    Close,
    /// Yes (confirm quitting).
    Yes,
    /// No (stay).
    No,
    /// Add a raised hand to the selected answer (workshop mode).
    AddHand,
    /// Remove a raised hand from the selected answer (workshop mode).
    RemoveHand,
    /// Write a note on the question (workshop mode).
    Note,
    /// Start, lengthen or stop the countdown (workshop mode).
    Countdown,
    /// Show or hide the facilitator notes (workshop mode).
    NotesPane,
    /// Leave a text input without keeping what was typed.
    Cancel,
    /// Move left in a text input.
    Left,
    /// Move right in a text input.
    Right,
    /// Delete the character before the cursor.
    Erase,
    /// Delete the character under the cursor.
    EraseForward,
}

impl Command {
    /// What a turn of the mouse wheel asks of a scrolling text: a line down or up.
    pub fn wheel(down: bool) -> Command {
        if down {
            Command::ScrollDown
        } else {
            Command::ScrollUp
        }
    }

    /// The step through a scrolling text this command asks for, if it is one.
    pub fn scroll(self) -> Option<Scroll> {
        match self {
            Command::ScrollUp => Some(Scroll::Up),
            Command::ScrollDown => Some(Scroll::Down),
            Command::PageUp => Some(Scroll::PageUp),
            Command::PageDown => Some(Scroll::PageDown),
            Command::Top => Some(Scroll::Top),
            Command::Bottom => Some(Scroll::Bottom),
            _ => None,
        }
    }
}

/// A step through a scrolling text or down a list, whichever table's command asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// One line up.
    Up,
    /// One line down.
    Down,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// To the top.
    Top,
    /// To the end.
    Bottom,
}

impl Scroll {
    /// Where a position (a first line, a selected row) goes from `at` with this step, a page
    /// being `page` lines; never past `last`.
    pub fn applied_to(self, at: usize, page: usize, last: usize) -> usize {
        match self {
            Scroll::Up => at.saturating_sub(1),
            Scroll::Down => at + 1,
            Scroll::PageUp => at.saturating_sub(page),
            Scroll::PageDown => at + page,
            Scroll::Top => 0,
            Scroll::Bottom => last,
        }
        .min(last)
    }
}

/// Where keys are read: a screen, or the overlay on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The intro screen.
    Intro,
    /// A question.
    Question,
    /// The review of answers.
    Review,
    /// The result.
    Result,
    /// The help overlay.
    Help,
    /// The "why we ask" overlay.
    Why,
    /// The quit confirmation.
    ConfirmQuit,
    /// Workshop mode: a question on the presenter view, with hands and notes.
    Presenter,
    /// Workshop mode: typing a note on a question.
    Note,
    /// Workshop mode: the result, whose hand-out is saved beside the session file.
    WorkshopResult,
    /// The comparison of workshop sessions.
    Comparison,
}

/// One line of a keymap, for a view whose contexts are `C`, whose commands are `M` and whose
/// words are `S` (by default the player's).
#[derive(Debug)]
pub struct Binding<C: 'static = Context, M = Command, S: 'static = Strings> {
    /// The keys, the first one shown in the footer.
    pub keys: &'static [Key],
    /// What they do.
    pub command: M,
    /// Where they work.
    pub contexts: &'static [C],
    /// Place in the footer, `None` for the help screen only. When the footer is too narrow, the
    /// highest numbers go first.
    pub footer: Option<u8>,
    /// Short footer text.
    pub hint: fn(&S) -> &'static str,
    /// Help screen text.
    pub help: fn(&S) -> &'static str,
}

use Context::{
    Comparison, ConfirmQuit, Help, Intro, Note, Presenter, Question, Result, Review, Why,
    WorkshopResult,
};

const SCREENS: &[Context] = &[
    Intro,
    Question,
    Review,
    Result,
    Presenter,
    WorkshopResult,
    Comparison,
];
const ALL: &[Context] = &[
    Intro,
    Question,
    Review,
    Result,
    Help,
    Why,
    ConfirmQuit,
    Presenter,
    Note,
    WorkshopResult,
    Comparison,
];
const DOCUMENTS: &[Context] = &[Intro, Result, Help, Why, WorkshopResult, Comparison];
/// Screens that scroll a page at a time (the review: past its button, where the answers not used
/// are).
const PAGES: &[Context] = &[Intro, Result, Help, Why, Review, WorkshopResult, Comparison];
const SECTIONED: &[Context] = &[Result, WorkshopResult, Comparison];

/// The keymap. Order matters: the first binding whose key matches in the context wins, and the
/// footer and help list bindings in this order.
pub static BINDINGS: &[Binding] = &[
    // Starting (first, so the intro's footer leads with it).
    Binding {
        keys: &[Key::Enter],
        command: Command::Start,
        contexts: &[Intro],
        footer: Some(0),
        hint: |s| s.hint_start,
        help: |s| s.help_start,
    },
    // Moving.
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Up,
        contexts: &[Question, Review, Presenter],
        footer: Some(1),
        hint: |s| s.hint_move,
        help: |s| s.help_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Down,
        contexts: &[Question, Review, Presenter],
        footer: Some(1),
        hint: |s| s.hint_move,
        help: |s| s.help_down,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::ScrollUp,
        contexts: DOCUMENTS,
        footer: Some(4),
        hint: |s| s.hint_scroll,
        help: |s| s.help_scroll_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::ScrollDown,
        contexts: DOCUMENTS,
        footer: Some(4),
        hint: |s| s.hint_scroll,
        help: |s| s.help_scroll_down,
    },
    Binding {
        keys: &[Key::PageUp],
        command: Command::PageUp,
        contexts: PAGES,
        footer: None,
        hint: |s| s.hint_scroll,
        help: |s| s.help_page_up,
    },
    Binding {
        keys: &[Key::PageDown, Key::Char(' ')],
        command: Command::PageDown,
        contexts: PAGES,
        footer: None,
        hint: |s| s.hint_scroll,
        help: |s| s.help_page_down,
    },
    Binding {
        keys: &[Key::Home, Key::Char('g')],
        command: Command::Top,
        contexts: &[
            Question,
            Review,
            Result,
            Help,
            Why,
            Presenter,
            WorkshopResult,
            Comparison,
        ],
        footer: None,
        hint: |s| s.hint_scroll,
        help: |s| s.help_top,
    },
    Binding {
        keys: &[Key::End, Key::Char('G')],
        command: Command::Bottom,
        contexts: &[
            Question,
            Review,
            Result,
            Help,
            Why,
            Presenter,
            WorkshopResult,
            Comparison,
        ],
        footer: None,
        hint: |s| s.hint_scroll,
        help: |s| s.help_bottom,
    },
    Binding {
        keys: &[Key::Tab, Key::Char(']')],
        command: Command::NextSection,
        contexts: SECTIONED,
        footer: Some(4),
        hint: |s| s.hint_section,
        help: |s| s.help_next_section,
    },
    Binding {
        keys: &[Key::BackTab, Key::Char('[')],
        command: Command::PrevSection,
        contexts: SECTIONED,
        footer: None,
        hint: |s| s.hint_section,
        help: |s| s.help_prev_section,
    },
    // Workshop mode: counting hands, choosing for the group, notes and the countdown.
    Binding {
        keys: &[Key::Char('+'), Key::Right, Key::Char('=')],
        command: Command::AddHand,
        contexts: &[Presenter],
        footer: Some(1),
        hint: |s| s.hint_hands,
        help: |s| s.help_add_hand,
    },
    Binding {
        keys: &[Key::Char('-'), Key::Left],
        command: Command::RemoveHand,
        contexts: &[Presenter],
        footer: Some(1),
        hint: |s| s.hint_hands,
        help: |s| s.help_remove_hand,
    },
    Binding {
        keys: &[Key::Enter],
        command: Command::Choose,
        contexts: &[Presenter],
        footer: Some(0),
        hint: |s| s.hint_choose,
        help: |s| s.help_record,
    },
    Binding {
        keys: &[Key::Digits],
        command: Command::Pick(0),
        contexts: &[Presenter],
        footer: None,
        hint: |s| s.hint_pick,
        help: |s| s.help_select,
    },
    Binding {
        keys: &[Key::Char('n')],
        command: Command::Note,
        contexts: &[Presenter],
        footer: Some(4),
        hint: |s| s.hint_note,
        help: |s| s.help_note,
    },
    Binding {
        keys: &[Key::Char('t')],
        command: Command::Countdown,
        contexts: &[Presenter],
        footer: Some(5),
        hint: |s| s.hint_countdown,
        help: |s| s.help_countdown,
    },
    Binding {
        keys: &[Key::Char('h')],
        command: Command::NotesPane,
        contexts: &[Presenter],
        footer: Some(3),
        hint: |s| s.hint_notes_pane,
        help: |s| s.help_notes_pane,
    },
    // Typing a note.
    Binding {
        keys: &[Key::Enter],
        command: Command::Save,
        contexts: &[Note],
        footer: Some(0),
        hint: |s| s.hint_save,
        help: |s| s.help_note_save,
    },
    Binding {
        keys: &[Key::Esc],
        command: Command::Cancel,
        contexts: &[Note],
        footer: Some(0),
        hint: |s| s.hint_cancel,
        help: |s| s.help_note_cancel,
    },
    Binding {
        keys: &[Key::Left],
        command: Command::Left,
        contexts: &[Note],
        footer: Some(2),
        hint: |s| s.hint_move,
        help: |s| s.help_text_left,
    },
    Binding {
        keys: &[Key::Right],
        command: Command::Right,
        contexts: &[Note],
        footer: Some(2),
        hint: |s| s.hint_move,
        help: |s| s.help_text_right,
    },
    Binding {
        keys: &[Key::Home],
        command: Command::Top,
        contexts: &[Note],
        footer: None,
        hint: |s| s.hint_move,
        help: |s| s.help_text_start,
    },
    Binding {
        keys: &[Key::End],
        command: Command::Bottom,
        contexts: &[Note],
        footer: None,
        hint: |s| s.hint_move,
        help: |s| s.help_text_end,
    },
    Binding {
        keys: &[Key::Backspace],
        command: Command::Erase,
        contexts: &[Note],
        footer: None,
        hint: |s| s.hint_move,
        help: |s| s.help_text_erase,
    },
    Binding {
        keys: &[Key::Delete],
        command: Command::EraseForward,
        contexts: &[Note],
        footer: None,
        hint: |s| s.hint_move,
        help: |s| s.help_text_erase_forward,
    },
    // Deciding.
    Binding {
        keys: &[Key::Enter],
        command: Command::Choose,
        contexts: &[Question],
        footer: Some(0),
        hint: |s| s.hint_choose,
        help: |s| s.help_choose,
    },
    Binding {
        keys: &[Key::Digits],
        command: Command::Pick(0),
        contexts: &[Question],
        footer: Some(6),
        hint: |s| s.hint_pick,
        help: |s| s.help_pick,
    },
    Binding {
        keys: &[Key::Enter],
        command: Command::Open,
        contexts: &[Review],
        footer: Some(0),
        hint: |s| s.hint_open,
        help: |s| s.help_open,
    },
    Binding {
        keys: &[Key::Char('b'), Key::Backspace, Key::Esc],
        command: Command::Back,
        contexts: &[Question, Review, Presenter],
        footer: Some(2),
        hint: |s| s.hint_back,
        help: |s| s.help_back,
    },
    Binding {
        keys: &[Key::Char('b'), Key::Backspace, Key::Esc],
        command: Command::Back,
        contexts: &[Result, WorkshopResult],
        footer: None,
        hint: |s| s.hint_back,
        help: |s| s.help_back_result,
    },
    Binding {
        keys: &[Key::Char('r')],
        command: Command::Review,
        contexts: &[Question, Result, Presenter, WorkshopResult],
        footer: Some(4),
        hint: |s| s.hint_review,
        help: |s| s.help_review,
    },
    Binding {
        keys: &[Key::Char('w')],
        command: Command::Why,
        contexts: &[Question, Presenter],
        footer: Some(5),
        hint: |s| s.hint_why,
        help: |s| s.help_why,
    },
    Binding {
        keys: &[Key::Char('s')],
        command: Command::Save,
        contexts: &[Result],
        footer: Some(1),
        hint: |s| s.hint_save,
        help: |s| s.help_save,
    },
    Binding {
        keys: &[Key::Char('s')],
        command: Command::Save,
        contexts: &[WorkshopResult],
        footer: Some(1),
        hint: |s| s.hint_save,
        help: |s| s.help_save_handout,
    },
    Binding {
        keys: &[Key::Char('s')],
        command: Command::Save,
        contexts: &[Comparison],
        footer: Some(1),
        hint: |s| s.hint_save,
        help: |s| s.help_save_comparison,
    },
    // Overlays.
    Binding {
        keys: &[Key::Char('y'), Key::Enter],
        command: Command::Yes,
        contexts: &[ConfirmQuit],
        footer: Some(0),
        hint: |s| s.hint_yes_quit,
        help: |s| s.help_yes,
    },
    Binding {
        keys: &[Key::Char('q')],
        command: Command::Yes,
        contexts: &[ConfirmQuit],
        footer: None,
        hint: |s| s.hint_yes_quit,
        help: |s| s.help_yes,
    },
    Binding {
        keys: &[Key::Char('n'), Key::Esc],
        command: Command::No,
        contexts: &[ConfirmQuit],
        footer: Some(0),
        hint: |s| s.hint_no_stay,
        help: |s| s.help_no,
    },
    Binding {
        keys: &[Key::Esc, Key::Char('?'), Key::Enter],
        command: Command::Close,
        contexts: &[Help],
        footer: Some(0),
        hint: |s| s.hint_close,
        help: |s| s.help_close,
    },
    Binding {
        keys: &[Key::Esc, Key::Char('w'), Key::Enter],
        command: Command::Close,
        contexts: &[Why],
        footer: Some(0),
        hint: |s| s.hint_close,
        help: |s| s.help_close,
    },
    // Everywhere.
    Binding {
        keys: &[Key::Char('?')],
        command: Command::Help,
        contexts: SCREENS,
        footer: Some(3),
        hint: |s| s.hint_help,
        help: |s| s.help_help,
    },
    Binding {
        keys: &[Key::Char('q')],
        command: Command::Quit,
        contexts: &[Intro, Question, Review, Result, Help, Why],
        footer: Some(3),
        hint: |s| s.hint_quit,
        help: |s| s.help_quit,
    },
    Binding {
        keys: &[Key::Char('q')],
        command: Command::Quit,
        contexts: &[Presenter, WorkshopResult],
        footer: Some(3),
        hint: |s| s.hint_quit,
        help: |s| s.help_quit_session,
    },
    Binding {
        keys: &[Key::Char('q')],
        command: Command::Quit,
        contexts: &[Comparison],
        footer: Some(3),
        hint: |s| s.hint_quit,
        help: |s| s.hint_quit,
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        command: Command::Interrupt,
        contexts: ALL,
        footer: None,
        hint: |s| s.hint_quit,
        help: |s| s.help_interrupt,
    },
];

impl Key {
    /// True when the key event is this key.
    pub fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        let shift = event.modifiers.contains(KeyModifiers::SHIFT);
        match (self, event.code) {
            (Key::Char(c), KeyCode::Char(e)) => !ctrl && !alt && c == e,
            (Key::Ctrl(c), KeyCode::Char(e)) => ctrl && c.eq_ignore_ascii_case(&e),
            (Key::Digits, KeyCode::Char(e)) => !ctrl && !alt && matches!(e, '1'..='9'),
            (Key::Enter, KeyCode::Enter) => true,
            (Key::Esc, KeyCode::Esc) => true,
            (Key::Backspace, KeyCode::Backspace) => true,
            (Key::Tab, KeyCode::Tab) => !shift,
            (Key::BackTab, KeyCode::BackTab) => true,
            (Key::BackTab, KeyCode::Tab) => shift,
            (Key::Up, KeyCode::Up) => true,
            (Key::Down, KeyCode::Down) => true,
            (Key::Left, KeyCode::Left) => true,
            (Key::Right, KeyCode::Right) => true,
            (Key::Delete, KeyCode::Delete) => true,
            (Key::PageUp, KeyCode::PageUp) => true,
            (Key::PageDown, KeyCode::PageDown) => true,
            (Key::Home, KeyCode::Home) => true,
            (Key::End, KeyCode::End) => true,
            _ => false,
        }
    }

    /// The key's name for people.
    pub fn label(self, s: &Strings) -> String {
        match self {
            Key::Char(' ') => s.key_space.to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => fill(s.key_ctrl, &[("key", &c)]),
            Key::Enter => s.key_enter.to_string(),
            Key::Esc => s.key_esc.to_string(),
            Key::Backspace => s.key_backspace.to_string(),
            Key::Tab => s.key_tab.to_string(),
            Key::BackTab => s.key_backtab.to_string(),
            Key::Up => s.key_up.to_string(),
            Key::Down => s.key_down.to_string(),
            Key::Left => s.key_left.to_string(),
            Key::Right => s.key_right.to_string(),
            Key::Delete => s.key_delete.to_string(),
            Key::PageUp => s.key_page_up.to_string(),
            Key::PageDown => s.key_page_down.to_string(),
            Key::Home => s.key_home.to_string(),
            Key::End => s.key_end.to_string(),
            Key::Digits => s.key_digits.to_string(),
        }
    }
}

/// The binding of a table that a key event gives in a context: the first whose key matches. Key
/// releases give none.
pub fn lookup<'t, C: PartialEq, M, S>(
    table: &'t [Binding<C, M, S>],
    context: C,
    event: &KeyEvent,
) -> Option<&'t Binding<C, M, S>> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    table
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
}

/// The command a key event gives in a context of the player's table, if any. Key releases give
/// none.
pub fn command(context: Context, event: &KeyEvent) -> Option<Command> {
    lookup(BINDINGS, context, event).map(|b| match (b.command, event.code) {
        (Command::Pick(_), KeyCode::Char(c)) => {
            Command::Pick(c.to_digit(10).map_or(0, |d| d as usize - 1))
        }
        (command, _) => command,
    })
}

/// One footer hint: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The keys, as shown.
    pub keys: String,
    /// What they do.
    pub text: &'static str,
    /// Lower is more important (kept when the footer is narrow).
    pub rank: u8,
}

/// The footer hints of a table for a context, in table order; `words` gives the texts and `keys`
/// the key names. Neighbouring bindings with the same hint share one entry (`↑↓ move`).
pub fn footer_hints<C: PartialEq, M, S>(
    table: &[Binding<C, M, S>],
    context: C,
    words: &S,
    keys: &Strings,
) -> Vec<Hint> {
    let mut out: Vec<Hint> = Vec::new();
    for b in table.iter().filter(|b| b.contexts.contains(&context)) {
        let (Some(rank), Some(key)) = (b.footer, b.keys.first()) else {
            continue;
        };
        let text = (b.hint)(words);
        let label = key.label(keys);
        match out.last_mut() {
            Some(last) if last.text == text => {
                let single = last.keys.chars().count() == 1 && label.chars().count() == 1;
                if !single {
                    last.keys.push('/');
                }
                last.keys.push_str(&label);
            }
            _ => out.push(Hint {
                keys: label,
                text,
                rank,
            }),
        }
    }
    out
}

/// The footer hints of the player's table for a context.
pub fn hints(context: Context, s: &Strings) -> Vec<Hint> {
    footer_hints(BINDINGS, context, s, s)
}

/// The help lines of a table for a context: every binding's keys and what it does; `words` gives
/// the texts and `keys` the key names.
pub fn help_lines<C: PartialEq, M, S>(
    table: &[Binding<C, M, S>],
    context: C,
    words: &S,
    keys: &Strings,
) -> Vec<(String, &'static str)> {
    table
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .map(|b| {
            let names: Vec<String> = b.keys.iter().map(|k| k.label(keys)).collect();
            (names.join(keys.key_or), (b.help)(words))
        })
        .collect()
}

/// The help screen's lines for a context of the player's table.
pub fn help(context: Context, s: &Strings) -> Vec<(String, &'static str)> {
    help_lines(BINDINGS, context, s, s)
}

/// Parses a key sequence for tests and scripts: plain characters stand for themselves, names in
/// angle brackets for the others (`<enter>`, `<esc>`, `<bs>`, `<del>`, `<tab>`, `<s-tab>`, `<up>`,
/// `<down>`, `<left>`, `<right>`, `<pgup>`, `<pgdn>`, `<home>`, `<end>`, `<space>`, `<c-c>`). Spaces between keys are ignored.
///
/// # Panics
/// On an unknown `<name>`: a test with a typo should fail loudly.
pub fn parse_keys(sequence: &str) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let mut chars = sequence.chars();
    while let Some(c) = chars.next() {
        let event = match c {
            ' ' => continue,
            '<' => {
                let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
                match name.as_str() {
                    "enter" => KeyEvent::from(KeyCode::Enter),
                    "esc" => KeyEvent::from(KeyCode::Esc),
                    "bs" => KeyEvent::from(KeyCode::Backspace),
                    "tab" => KeyEvent::from(KeyCode::Tab),
                    "s-tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                    "up" => KeyEvent::from(KeyCode::Up),
                    "down" => KeyEvent::from(KeyCode::Down),
                    "left" => KeyEvent::from(KeyCode::Left),
                    "right" => KeyEvent::from(KeyCode::Right),
                    "del" => KeyEvent::from(KeyCode::Delete),
                    "pgup" => KeyEvent::from(KeyCode::PageUp),
                    "pgdn" => KeyEvent::from(KeyCode::PageDown),
                    "home" => KeyEvent::from(KeyCode::Home),
                    "end" => KeyEvent::from(KeyCode::End),
                    "space" => KeyEvent::from(KeyCode::Char(' ')),
                    "lt" => KeyEvent::from(KeyCode::Char('<')),
                    ctrl if ctrl.starts_with("c-") && ctrl.chars().count() == 3 => {
                        let letter = ctrl.chars().nth(2).unwrap_or('c');
                        KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL)
                    }
                    other => panic!("unknown key <{other}> in {sequence:?}"),
                }
            }
            c => KeyEvent::from(KeyCode::Char(c)),
        };
        keys.push(event);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::strings::ENGLISH;

    #[test]
    fn every_context_can_quit_and_every_screen_has_help() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for &context in ALL {
            assert_eq!(
                command(context, &ctrl_c),
                Some(Command::Interrupt),
                "{context:?}"
            );
        }
        for &context in SCREENS {
            let hints = hints(context, &ENGLISH);
            assert!(
                hints.iter().any(|h| h.keys == "?"),
                "{context:?}: {hints:?}"
            );
        }
    }

    #[test]
    fn digits_pick_answers_counting_from_zero() {
        let three = KeyEvent::from(KeyCode::Char('3'));
        assert_eq!(command(Context::Question, &three), Some(Command::Pick(2)));
        assert_eq!(command(Context::Review, &three), None);
    }

    #[test]
    fn neighbouring_hints_with_the_same_text_share_an_entry() {
        let hints = hints(Context::Question, &ENGLISH);
        assert_eq!(hints[0].keys, "↑↓");
        assert_eq!(hints[0].text, "move");
    }

    #[test]
    fn parse_keys_reads_names_and_characters() {
        let keys = parse_keys("j<enter> <c-c>");
        assert_eq!(keys.len(), 3);
        assert_eq!(keys[1].code, KeyCode::Enter);
        assert!(keys[2].modifiers.contains(KeyModifiers::CONTROL));
    }
}
