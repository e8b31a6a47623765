//! Keymaps as data: which key does what, where. One table per view drives its key handling, its
//! footer hints and its help screen, so the three can never disagree (gitui's `key_list`).
//!
//! A [`Binding`] names its keys, the command they give, the contexts where they work, and two
//! texts from the app's words ([`Words`]): a short hint for the footer and a line for the help
//! screen. The machinery here serves every table: [`lookup`], [`footer_hints`], [`help_lines`],
//! and [`Layered`] for a view whose keys sit over another's (workshop mode over the player, the
//! editor's preview over the player): the top table's keys first, then the lower table's, minus
//! the keys the top one takes.
//!
//! Most keys are the same in every language. The keys that answer a yes-or-no question are
//! not: [`Key::Yes`] and [`Key::No`] stand for the words' own ([`Keys::yes`], [`Keys::no`]: `y`
//! and `n` in English, `s` and `n` in Spanish), so a table that asks names them once, and
//! [`lookup_in`], the footer and the help read them from the words in use. Within a context, a
//! key an earlier binding takes never reaches a later one, and the footer and the help leave it
//! out there too (in Spanish, `s` saves where saving comes first and means "sí" elsewhere).
//!
//! [`parse_keys`] reads key sequences (`j<enter><c-c>`) for tests and scripts.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::locale::{fill, Keys, Words};

/// A key as keymaps name it.
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
    /// The key that answers yes, in the language of the words in use.
    Yes,
    /// The key that answers no, in the language of the words in use.
    No,
}

impl Key {
    /// True when the key event is this key, in the language of these key names (the only
    /// difference being [`Key::Yes`] and [`Key::No`]).
    pub fn matches_in(self, event: &KeyEvent, keys: &Keys) -> bool {
        match self.resolved(keys) {
            Some(key) => key.matches(event),
            None => self.matches(event),
        }
    }

    /// The key this one is in a language: [`Key::Yes`] and [`Key::No`] are that language's
    /// letters; `None` for every other key, which is itself in every language.
    fn resolved(self, keys: &Keys) -> Option<Key> {
        match self {
            Key::Yes => Some(Key::Char(keys.yes)),
            Key::No => Some(Key::Char(keys.no)),
            _ => None,
        }
    }

    /// True when the two keys are the same key in the language of these key names.
    pub fn same_in(self, other: Key, keys: &Keys) -> bool {
        self.resolved(keys).unwrap_or(self) == other.resolved(keys).unwrap_or(other)
    }

    /// True when the key event is this key. [`Key::Yes`] and [`Key::No`] need a language and
    /// never match here: tables that use them are read with [`lookup_in`].
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
    pub fn label(self, k: &Keys) -> String {
        match self {
            Key::Char(' ') => k.space.to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => fill(k.ctrl, &[("key", &c)]),
            Key::Enter => k.enter.to_string(),
            Key::Esc => k.esc.to_string(),
            Key::Backspace => k.backspace.to_string(),
            Key::Tab => k.tab.to_string(),
            Key::BackTab => k.backtab.to_string(),
            Key::Up => k.up.to_string(),
            Key::Down => k.down.to_string(),
            Key::Left => k.left.to_string(),
            Key::Right => k.right.to_string(),
            Key::Delete => k.delete.to_string(),
            Key::PageUp => k.page_up.to_string(),
            Key::PageDown => k.page_down.to_string(),
            Key::Home => k.home.to_string(),
            Key::End => k.end.to_string(),
            Key::Digits => k.digits.to_string(),
            Key::Yes => k.yes.to_string(),
            Key::No => k.no.to_string(),
        }
    }

    /// The number a digit key stands for (1 to 9), for commands that take one.
    pub fn digit(event: &KeyEvent) -> Option<usize> {
        match event.code {
            KeyCode::Char(c @ '1'..='9') => c.to_digit(10).and_then(|d| usize::try_from(d).ok()),
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
    /// What a turn of the wheel asks for.
    pub fn wheel(down: bool) -> Scroll {
        if down {
            Scroll::Down
        } else {
            Scroll::Up
        }
    }

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

/// One line of a keymap, for a view whose contexts are `C` and whose commands are `M`.
#[derive(Debug)]
pub struct Binding<C: 'static, M> {
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
    pub hint: fn(&Words) -> &'static str,
    /// Help screen text.
    pub help: fn(&Words) -> &'static str,
}

impl<C, M> Binding<C, M> {
    /// A binding: its keys, its command, where it works, its place in the footer, its footer
    /// hint and its help line. Tables write one binding a line with it.
    pub const fn new(
        keys: &'static [Key],
        command: M,
        contexts: &'static [C],
        footer: Option<u8>,
        hint: fn(&Words) -> &'static str,
        help: fn(&Words) -> &'static str,
    ) -> Self {
        Binding {
            keys,
            command,
            contexts,
            footer,
            hint,
            help,
        }
    }
}

impl<C: PartialEq, M> Binding<C, M> {
    /// True when the binding works in `context` and one of its keys is the event.
    fn takes(&self, context: &C, event: &KeyEvent, keys: Option<&Keys>) -> bool {
        self.contexts.contains(context)
            && self.keys.iter().any(|k| match keys {
                Some(keys) => k.matches_in(event, keys),
                None => k.matches(event),
            })
    }
}

/// The binding of a table that a key event gives in a context: the first whose key matches. Key
/// releases give none. For tables without [`Key::Yes`] or [`Key::No`]; those use [`lookup_in`].
pub fn lookup<'t, C: PartialEq, M>(
    table: &'t [Binding<C, M>],
    context: C,
    event: &KeyEvent,
) -> Option<&'t Binding<C, M>> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    table.iter().find(|b| b.takes(&context, event, None))
}

/// The binding of a table that a key event gives in a context, reading [`Key::Yes`] and
/// [`Key::No`] in the language of these key names: the first whose key matches. Key releases
/// give none.
pub fn lookup_in<'t, C: PartialEq, M>(
    table: &'t [Binding<C, M>],
    context: C,
    event: &KeyEvent,
    keys: &Keys,
) -> Option<&'t Binding<C, M>> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    table.iter().find(|b| b.takes(&context, event, Some(keys)))
}

/// The keys of a binding that reach it in a context: those no earlier binding there takes.
fn reaching<C: PartialEq, M>(
    table: &[Binding<C, M>],
    index: usize,
    context: &C,
    keys: &Keys,
) -> Vec<Key> {
    let earlier = &table[..index];
    table[index]
        .keys
        .iter()
        .copied()
        .filter(|&k| {
            !earlier
                .iter()
                .any(|b| b.contexts.contains(context) && b.keys.iter().any(|&e| e.same_in(k, keys)))
        })
        .collect()
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

/// Adds a binding's footer hint to a list: neighbouring bindings with the same hint share one
/// entry (`↑↓ move`).
fn push_hint(out: &mut Vec<Hint>, rank: u8, label: String, text: &'static str) {
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

/// The footer hints of a table for a context, in table order.
pub fn footer_hints<C: PartialEq, M>(
    table: &[Binding<C, M>],
    context: C,
    words: &Words,
) -> Vec<Hint> {
    let mut out = Vec::new();
    for (i, b) in table.iter().enumerate() {
        if !b.contexts.contains(&context) {
            continue;
        }
        let keys = reaching(table, i, &context, &words.keys);
        if let (Some(rank), Some(key)) = (b.footer, keys.first()) {
            push_hint(&mut out, rank, key.label(&words.keys), (b.hint)(words));
        }
    }
    out
}

/// The help lines of a table for a context: every binding's keys and what it does.
pub fn help_lines<C: PartialEq, M>(
    table: &[Binding<C, M>],
    context: C,
    words: &Words,
) -> Vec<(String, &'static str)> {
    table
        .iter()
        .enumerate()
        .filter(|(_, b)| b.contexts.contains(&context))
        .filter_map(|(i, b)| {
            let keys = reaching(table, i, &context, &words.keys);
            (!keys.is_empty()).then(|| (keys_text(keys.into_iter(), words), (b.help)(words)))
        })
        .collect()
}

/// Key names joined for a help line.
fn keys_text(keys: impl Iterator<Item = Key>, words: &Words) -> String {
    let names: Vec<String> = keys.map(|k| k.label(&words.keys)).collect();
    names.join(words.keys.or)
}

/// Which of two layered tables a binding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Either<A, B> {
    /// The top table's command.
    Top(A),
    /// The lower table's command.
    Under(B),
}

/// The binding a layered keymap found: the top table's or the lower table's.
pub type Found<'t, C1, M1, C2, M2> = Either<&'t Binding<C1, M1>, &'t Binding<C2, M2>>;

/// A keymap over another, each in its own context: the top table's bindings first; then the
/// lower table's, each without the keys the top one takes (a binding left with no key is gone).
#[derive(Debug, Clone, Copy)]
pub struct Layered<'a, C1: 'static, M1, C2: 'static, M2> {
    /// The table on top.
    pub top: &'a [Binding<C1, M1>],
    /// Its context.
    pub top_context: C1,
    /// The table underneath.
    pub under: &'a [Binding<C2, M2>],
    /// Its context.
    pub under_context: C2,
}

impl<C1: PartialEq + Copy, M1: Copy, C2: PartialEq + Copy, M2: Copy> Layered<'_, C1, M1, C2, M2> {
    /// True when the top table takes a key in its context.
    pub fn taken(&self, key: Key) -> bool {
        self.top
            .iter()
            .any(|b| b.contexts.contains(&self.top_context) && b.keys.contains(&key))
    }

    /// The binding a key event gives: the top table's first, then the lower table's.
    pub fn lookup<'t>(&'t self, event: &KeyEvent) -> Option<Found<'t, C1, M1, C2, M2>> {
        if let Some(b) = lookup(self.top, self.top_context, event) {
            return Some(Either::Top(b));
        }
        lookup(self.under, self.under_context, event).map(Either::Under)
    }

    /// The command a key event gives: the top table's first, then the lower table's.
    pub fn command(&self, event: &KeyEvent) -> Option<Either<M1, M2>> {
        Some(match self.lookup(event)? {
            Either::Top(b) => Either::Top(b.command),
            Either::Under(b) => Either::Under(b.command),
        })
    }

    /// The lower table's bindings in its context, with the keys left to them.
    fn under_left(&self) -> impl Iterator<Item = (&Binding<C2, M2>, Vec<Key>)> {
        self.under
            .iter()
            .filter(|b| b.contexts.contains(&self.under_context))
            .filter_map(|b| {
                let keys: Vec<Key> = b.keys.iter().copied().filter(|&k| !self.taken(k)).collect();
                (!keys.is_empty()).then_some((b, keys))
            })
    }

    /// The footer hints: the top table's, then the lower table's. A top binding kept out of
    /// the footer that says what the lower one says (`q` quit: the session is saved first)
    /// changes what the key does, not what the footer says: the lower table's hint for that key
    /// stays, in its place. Any other top binding hides it.
    pub fn hints(&self, words: &Words) -> Vec<Hint> {
        let mut out = footer_hints(self.top, self.top_context, words);
        let hinted = |key: &Key, hint: &str| {
            self.top.iter().any(|b| {
                b.contexts.contains(&self.top_context)
                    && b.keys.contains(key)
                    && (b.footer.is_some() || (b.hint)(words) != hint)
            })
        };
        for b in self
            .under
            .iter()
            .filter(|b| b.contexts.contains(&self.under_context))
        {
            let hint = (b.hint)(words);
            let keys: Vec<&Key> = b.keys.iter().filter(|k| !hinted(k, hint)).collect();
            if let (Some(rank), Some(key)) = (b.footer, keys.first()) {
                push_hint(&mut out, rank, key.label(&words.keys), hint);
            }
        }
        out
    }

    /// The help lines: the top table's, then the lower table's (those of its commands `keep`
    /// accepts).
    pub fn help(&self, words: &Words, keep: impl Fn(M2) -> bool) -> Vec<(String, &'static str)> {
        let mut out = help_lines(self.top, self.top_context, words);
        out.extend(
            self.under_left()
                .filter(|(b, _)| keep(b.command))
                .map(|(b, keys)| (keys_text(keys.into_iter(), words), (b.help)(words))),
        );
        out
    }

    /// The lower table's help lines only (those of its commands `keep` accepts), with the keys
    /// left to them.
    pub fn under_help(
        &self,
        words: &Words,
        keep: impl Fn(M2) -> bool,
    ) -> Vec<(String, &'static str)> {
        self.under_left()
            .filter(|(b, _)| keep(b.command))
            .map(|(b, keys)| (keys_text(keys.into_iter(), words), (b.help)(words)))
            .collect()
    }
}

/// Parses a key sequence for tests and scripts: plain characters stand for themselves, names in
/// angle brackets for the others (`<enter>`, `<esc>`, `<bs>`, `<del>`, `<tab>`, `<s-tab>`, `<up>`,
/// `<down>`, `<left>`, `<right>`, `<pgup>`, `<pgdn>`, `<home>`, `<end>`, `<space>`, `<lt>`,
/// `<c-c>`). Spaces between keys are ignored.
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
                named_key(&name).unwrap_or_else(|| panic!("unknown key <{name}> in {sequence:?}"))
            }
            c => KeyEvent::from(KeyCode::Char(c)),
        };
        keys.push(event);
    }
    keys
}

fn named_key(name: &str) -> Option<KeyEvent> {
    Some(match name {
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
        ctrl => {
            let letter = ctrl.strip_prefix("c-")?;
            let mut letters = letter.chars();
            let (Some(c), None) = (letters.next(), letters.next()) else {
                return None;
            };
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
    })
}

/// A key event that presses a key of a keymap (for [`Key::Digits`], 1; for [`Key::Yes`] and
/// [`Key::No`], the English letters): what tests send to check that a key gives the command its
/// binding says.
pub fn press(key: Key) -> KeyEvent {
    let code = match key {
        Key::Char(c) => KeyCode::Char(c),
        Key::Ctrl(c) => return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Digits => KeyCode::Char('1'),
        Key::Enter => KeyCode::Enter,
        Key::Esc => KeyCode::Esc,
        Key::Backspace => KeyCode::Backspace,
        Key::Tab => KeyCode::Tab,
        Key::BackTab => return KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        Key::Up => KeyCode::Up,
        Key::Down => KeyCode::Down,
        Key::Left => KeyCode::Left,
        Key::Right => KeyCode::Right,
        Key::Delete => KeyCode::Delete,
        Key::PageUp => KeyCode::PageUp,
        Key::PageDown => KeyCode::PageDown,
        Key::Home => KeyCode::Home,
        Key::End => KeyCode::End,
        Key::Yes => KeyCode::Char(crate::locale::EN.keys.yes),
        Key::No => KeyCode::Char(crate::locale::EN.keys.no),
    };
    KeyEvent::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::EN;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Ctx {
        A,
    }

    static TOP: &[Binding<Ctx, u8>] = &[Binding {
        keys: &[Key::Enter, Key::Char('x')],
        command: 1,
        contexts: &[Ctx::A],
        footer: Some(0),
        hint: |w| w.common.hint_help,
        help: |w| w.common.help_help,
    }];

    static UNDER: &[Binding<Ctx, u8>] = &[
        Binding {
            keys: &[Key::Enter],
            command: 2,
            contexts: &[Ctx::A],
            footer: Some(0),
            hint: |w| w.common.hint_quit,
            help: |w| w.common.help_close,
        },
        Binding {
            keys: &[Key::Char('x'), Key::Char('y')],
            command: 3,
            contexts: &[Ctx::A],
            footer: Some(1),
            hint: |w| w.common.hint_move,
            help: |w| w.common.help_up,
        },
    ];

    #[test]
    fn a_layered_keymap_gives_the_top_first_and_hides_the_keys_it_takes() {
        let layered = Layered {
            top: TOP,
            top_context: Ctx::A,
            under: UNDER,
            under_context: Ctx::A,
        };
        assert_eq!(layered.command(&press(Key::Enter)), Some(Either::Top(1)));
        assert_eq!(
            layered.command(&press(Key::Char('y'))),
            Some(Either::Under(3))
        );
        let hints = layered.hints(&EN);
        assert_eq!(
            hints.iter().map(|h| h.keys.as_str()).collect::<Vec<_>>(),
            ["enter", "y"],
            "the under table's enter is gone, and x is left only to the top"
        );
        let help = layered.help(&EN, |_| true);
        assert_eq!(help.len(), 2);
        assert_eq!(help[1].0, "y");
    }

    #[test]
    fn parse_keys_reads_names_and_characters() {
        let keys = parse_keys("j<enter> <c-c>");
        assert_eq!(keys.len(), 3);
        assert_eq!(keys[1].code, KeyCode::Enter);
        assert!(keys[2].modifiers.contains(KeyModifiers::CONTROL));
        assert_eq!(named_key("c-cc"), None);
    }

    #[test]
    fn every_key_pressed_is_the_key() {
        for key in [
            Key::Char('q'),
            Key::Ctrl('c'),
            Key::Digits,
            Key::Enter,
            Key::BackTab,
            Key::PageDown,
            Key::Delete,
        ] {
            assert!(key.matches(&press(key)), "{key:?}");
        }
        assert_eq!(Key::digit(&press(Key::Digits)), Some(1));
    }
}
