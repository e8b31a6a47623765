//! The one shell every full-screen view runs in: the player, workshop mode's presenter and
//! report viewer, and the editor.
//!
//! A view is a pure state machine behind the small [`View`] trait: it takes [`Input`]s and
//! returns effects as data, it draws itself into a buffer, and it says when it next changes by
//! itself (a countdown's second, the editor's next look at its file). A [`Driver`] carries out
//! the effects: the only IO a view ever causes. [`run`] is the loop all of them share:
//!
//! 1. draw one frame, inside a synchronized update, writing only what changed;
//! 2. block until an input comes or the view's wake time arrives (no CPU while idle);
//! 3. tell the view the time, then hand it that input and everything else already waiting;
//! 4. carry out each effect as it comes; an effect may end the run.
//!
//! The [`Screen`] is the terminal the frames go to: the local one (raw mode, alternate screen,
//! restored on every way out by [`Guard`]) or any writer with a size of its own, such as a
//! remote participant's channel, which takes the same frames at its own size.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crossterm::event::{KeyCode, KeyModifiers};

use super::input::{Input, InputSource, Keyboard};
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::terminal::{draw_frame, tty, Ending, Guard, Tty};

/// A full-screen view: a state machine the shell feeds with input and the time, and draws.
pub trait View {
    /// What the view asks its driver to do.
    type Effect;

    /// Handles one input.
    fn input(&mut self, input: Input) -> Vec<Self::Effect>;

    /// The shell's clock moved to `now` (time since the view started). Called before every
    /// batch of inputs and when the wake time comes.
    fn tick(&mut self, _now: Duration) -> Vec<Self::Effect> {
        Vec::new()
    }

    /// When the view next changes by itself, on the shell's clock; `None` when only input
    /// changes it.
    fn wake_at(&self) -> Option<Duration> {
        None
    }

    /// Draws the view into `area` of `buf`.
    fn render(&self, area: Rect, buf: &mut Buffer);
}

/// Carries out what a view asks for: the IO of one kind of view. Any closure taking the view,
/// an effect and the screen is a driver.
pub trait Driver<V: View> {
    /// Carries out one effect, reporting its outcome back to the view if it has one; returns
    /// how the run ends, when the effect ends it.
    fn carry_out(
        &mut self,
        view: &mut V,
        effect: V::Effect,
        screen: &mut Screen,
    ) -> io::Result<Option<Ending>>;
}

impl<V, F> Driver<V> for F
where
    V: View,
    F: FnMut(&mut V, V::Effect, &mut Screen) -> io::Result<Option<Ending>>,
{
    fn carry_out(
        &mut self,
        view: &mut V,
        effect: V::Effect,
        screen: &mut Screen,
    ) -> io::Result<Option<Ending>> {
        self(view, effect, screen)
    }
}

/// The terminal frames go to.
pub struct Screen {
    terminal: Tty,
    guard: Option<Guard>,
    area: Rect,
}

impl Screen {
    /// The local terminal, taken over (raw mode, alternate screen, hidden cursor, mouse) until
    /// the screen is dropped; restored on every way out, panics and signals included.
    pub fn local() -> io::Result<Self> {
        let guard = Guard::enter()?;
        let terminal = tty()?;
        let area = terminal.size()?.into();
        Ok(Screen {
            terminal,
            guard: Some(guard),
            area,
        })
    }

    /// A screen over any writer with a size of its own (a remote channel, a test): frames of
    /// `width` × `height`, whose terminal modes someone else looks after.
    pub fn over(out: impl Write + 'static, width: u16, height: u16) -> io::Result<Self> {
        let area = Rect::new(0, 0, width, height);
        let out: Box<dyn Write> = Box::new(out);
        let options = TerminalOptions {
            viewport: Viewport::Fixed(area),
        };
        Ok(Screen {
            terminal: Terminal::with_options(CrosstermBackend::new(out), options)?,
            guard: None,
            area,
        })
    }

    /// Draws one frame of the view, in a synchronized update.
    pub fn draw(&mut self, view: &impl View) -> io::Result<()> {
        draw_frame(&mut self.terminal, |frame| {
            let area = frame.area();
            view.render(area, frame.buffer_mut());
        })
    }

    /// Lays the screen out for a new size; the next frame is drawn whole. The same size
    /// changes nothing (a terminal may report it again).
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        let area = Rect::new(0, 0, width, height);
        if area == self.area {
            return Ok(());
        }
        self.area = area;
        self.terminal.resize(area)
    }

    /// Hands the terminal back while `f` runs (the local terminal returns to the main screen,
    /// cooked mode, a visible cursor), then takes it again; the next frame is drawn whole.
    pub fn suspended<T>(&mut self, f: impl FnOnce() -> T) -> io::Result<T> {
        let local = self.guard.take().is_some();
        let out = f();
        if local {
            self.guard = Some(Guard::enter()?);
        }
        self.terminal.resize(self.area)?;
        Ok(out)
    }
}

/// Environment variable that makes a view panic after its first frame, so tests can check that
/// a panic restores the terminal. Only debug builds (the ones tests run) look at it.
pub const TEST_PANIC_ENV: &str = "COOP_GUIDE_TEST_PANIC";

/// Runs a view until an effect ends it: the one loop of every full-screen view.
pub fn run<V, D, S>(
    view: &mut V,
    driver: &mut D,
    source: &mut S,
    screen: &mut Screen,
) -> io::Result<Ending>
where
    V: View,
    D: Driver<V>,
    S: InputSource,
{
    let clock = Instant::now();
    let (width, height) = source.size()?;
    let mut size = (width, height);
    screen.resize(width, height)?;
    let effects = view.input(Input::Resize(width, height));
    if let Some(ending) = carry_out(view, driver, screen, effects)? {
        return Ok(ending);
    }
    let mut first = true;
    loop {
        screen.draw(view)?;
        if first {
            panic_when_asked();
            first = false;
        }
        let wait = view.wake_at().map(|at| at.saturating_sub(clock.elapsed()));
        let mut next = source.next(wait)?;
        let effects = view.tick(clock.elapsed());
        if let Some(ending) = carry_out(view, driver, screen, effects)? {
            return Ok(ending);
        }
        // Everything already waiting is handled before the next frame: one draw per batch.
        while let Some(input) = next {
            if let Input::Resize(width, height) = input {
                screen.resize(width, height)?;
                size = (width, height);
            }
            if !heeded(&input, size) {
                next = source.next(Some(Duration::ZERO))?;
                continue;
            }
            let effects = view.input(input);
            if let Some(ending) = carry_out(view, driver, screen, effects)? {
                return Ok(ending);
            }
            next = source.next(Some(Duration::ZERO))?;
        }
    }
}

/// False for input a view must not act on at this window size: below the smallest window a view
/// is drawn in ([`MIN_WIDTH`]×[`MIN_HEIGHT`]) it shows only the request for a larger one, so a
/// key or a click there would act on something no one can see. Ctrl-C still ends the view.
fn heeded(input: &Input, (width, height): (u16, u16)) -> bool {
    if width >= MIN_WIDTH && height >= MIN_HEIGHT {
        return true;
    }
    match input {
        Input::Key(key) => {
            key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c')
        }
        Input::Click { .. } | Input::Wheel { .. } => false,
        Input::Resize(..) => true,
    }
}

/// Runs a view on the local terminal, with input from its keyboard and mouse.
pub fn run_here<V: View, D: Driver<V>>(view: &mut V, driver: &mut D) -> io::Result<Ending> {
    let mut screen = Screen::local()?;
    run(view, driver, &mut Keyboard, &mut screen)
}

fn carry_out<V: View, D: Driver<V>>(
    view: &mut V,
    driver: &mut D,
    screen: &mut Screen,
    effects: Vec<V::Effect>,
) -> io::Result<Option<Ending>> {
    for effect in effects {
        if let Some(ending) = driver.carry_out(view, effect, screen)? {
            return Ok(Some(ending));
        }
    }
    Ok(None)
}

/// Panics when [`TEST_PANIC_ENV`] is `1`, in debug builds only: release builds have no such
/// path at all.
fn panic_when_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os(TEST_PANIC_ENV).is_some_and(|v| v == "1") {
        panic!("{TEST_PANIC_ENV}=1: panicking after the first frame, as asked");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::input::Script;
    use crossterm::event::{KeyCode, KeyEvent};

    /// Counts keys, asks to be woken once at 50 ms, and ends on `q`.
    #[derive(Default)]
    struct Counter {
        keys: usize,
        ticks: Vec<Duration>,
        woken: bool,
        size: (u16, u16),
    }

    enum Effect {
        Quit,
    }

    impl View for Counter {
        type Effect = Effect;
        fn input(&mut self, input: Input) -> Vec<Effect> {
            match input {
                Input::Key(k) if k.code == KeyCode::Char('q') => vec![Effect::Quit],
                Input::Key(_) => {
                    self.keys += 1;
                    Vec::new()
                }
                Input::Resize(w, h) => {
                    self.size = (w, h);
                    Vec::new()
                }
                _ => Vec::new(),
            }
        }
        fn tick(&mut self, now: Duration) -> Vec<Effect> {
            self.ticks.push(now);
            if now >= Duration::from_millis(50) {
                self.woken = true;
            }
            Vec::new()
        }
        fn wake_at(&self) -> Option<Duration> {
            (!self.woken).then_some(Duration::from_millis(50))
        }
        fn render(&self, area: Rect, buf: &mut Buffer) {
            let style = ratatui::style::Style::default();
            buf.set_string(area.x, area.y, format!("{} keys", self.keys), style);
        }
    }

    /// The driver: the only effect ends the run.
    fn quitter(_: &mut Counter, effect: Effect, _: &mut Screen) -> io::Result<Option<Ending>> {
        match effect {
            Effect::Quit => Ok(Some(Ending::Quit)),
        }
    }

    /// A writer standing in for a terminal, readable while the screen owns it.
    #[derive(Clone, Default)]
    struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn screen(w: u16, h: u16) -> (Screen, Sink) {
        let sink = Sink::default();
        (Screen::over(sink.clone(), w, h).expect("a screen"), sink)
    }

    /// Runs a Counter (awake) on a window of `size` over `inputs`, until it quits.
    fn counted(size: (u16, u16), inputs: impl IntoIterator<Item = Input>) -> (Counter, Sink) {
        let mut source = Script::new(size, inputs);
        let mut view = Counter {
            woken: true,
            ..Counter::default()
        };
        let (mut screen, sink) = screen(size.0, size.1);
        let ending = run(&mut view, &mut quitter, &mut source, &mut screen).expect("runs");
        assert_eq!(ending, Ending::Quit);
        (view, sink)
    }

    #[test]
    fn a_view_gets_its_size_its_keys_and_ends_on_its_effect() {
        let key = |c| Input::Key(KeyEvent::from(KeyCode::Char(c)));
        let (view, sink) = counted((40, 12), [key('a'), key('b'), key('q'), key('c')]);
        assert_eq!(view.keys, 2);
        assert_eq!(view.size, (40, 12));
        // The keys came in one batch, so the only frame drawn is the one before them.
        let frames = String::from_utf8_lossy(&sink.0.borrow()).into_owned();
        assert_eq!(frames.matches("\u{1b}[?2026h").count(), 1, "{frames:?}");
        assert!(frames.contains("[1;1H0"), "{frames:?}");
    }

    #[test]
    fn a_window_too_small_to_show_the_view_lets_no_key_act_but_ctrl_c() {
        let key = |c| Input::Key(KeyEvent::from(KeyCode::Char(c)));
        let ctrl_c = Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        // At 30×10 'a' and 'q' are not heeded; after growing to 40×12, 'b' is; Ctrl-C always
        // reaches the view (the Counter counts it as a key).
        let inputs = [
            key('a'),
            key('q'),
            ctrl_c,
            Input::Resize(40, 12),
            key('b'),
            key('q'),
        ];
        let (view, _) = counted((30, 10), inputs);
        assert_eq!(view.keys, 2, "Ctrl-C and 'b'");
        assert_eq!(view.size, (40, 12));
    }

    #[test]
    fn a_wake_time_wakes_the_view_without_input() {
        let key = |c| Input::Key(KeyEvent::from(KeyCode::Char(c)));
        // The script has nothing until the wait runs out, then `q`: the source waits, the
        // view is ticked at its wake time, and the next batch ends the run.
        struct Late(Script, bool);
        impl InputSource for Late {
            fn size(&mut self) -> io::Result<(u16, u16)> {
                self.0.size()
            }
            fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Input>> {
                if !self.1 {
                    self.1 = true;
                    std::thread::sleep(wait.unwrap_or(Duration::ZERO));
                    return Ok(None);
                }
                self.0.next(wait)
            }
        }
        let mut source = Late(Script::new((40, 12), [key('q')]), false);
        let mut view = Counter::default();
        let (mut screen, _) = screen(40, 12);
        let ending = run(&mut view, &mut quitter, &mut source, &mut screen).expect("runs");
        assert_eq!(ending, Ending::Quit);
        assert!(view.woken, "{:?}", view.ticks);
        assert!(
            view.ticks[0] >= Duration::from_millis(50),
            "{:?}",
            view.ticks
        );
    }
}
