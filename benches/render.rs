//! Rendering the player: a question and the result at 80×24 and 200×50 on ratatui's TestBackend
//! (budget: ≤ 1 ms at 200×50), and the bytes a real terminal receives for a one-step selection
//! move through the shell's screen (budget: ≤ 200 bytes). Run with `cargo bench --bench render`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use std::cell::RefCell;
use std::hint::black_box;
use std::io::{self, Write};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use coop_guide::guide::{check_path, Guide};
use coop_guide::tui::keymap::parse_keys;
use coop_guide::tui::player::{view, App};
use coop_guide::tui::shell::Screen;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn guide() -> Arc<Guide> {
    let checked = check_path(Path::new("guides/decision-making.ron"));
    Arc::new(checked.guide.expect("the decision-making guide loads"))
}

fn app_after(keys: &str, width: u16, height: u16) -> App {
    let mut app = App::new(guide()).with_size(width, height);
    for key in parse_keys(keys) {
        app.key(key);
    }
    app
}

/// One draw per iteration, alternating two states so every frame has a change to diff and write.
fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    for (name, keys) in [("question", "<enter>"), ("result", "<enter>12<enter>")] {
        for (w, h) in SIZES {
            let states = [app_after(keys, w, h), app_after(&format!("{keys}j"), w, h)];
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
            let mut i = 0usize;
            group.bench_with_input(BenchmarkId::new(name, format!("{w}x{h}")), &(), |b, _| {
                b.iter(|| {
                    i += 1;
                    let app = &states[i % 2];
                    terminal
                        .draw(|f| view::render_into(black_box(app), f.area(), f.buffer_mut()))
                        .expect("draw");
                })
            });
        }
    }
    group.finish();
}

/// A `Vec<u8>` writer standing in for the terminal, readable while the backend owns it.
#[derive(Clone, Default)]
struct Tty(Rc<RefCell<Vec<u8>>>);

impl Write for Tty {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Bytes written to a terminal (the shell's screen over a `Vec<u8>`) by the second of two
/// draws, where the second moves the selection one step.
fn bytes_for_one_move(width: u16, height: u16) -> usize {
    let tty = Tty::default();
    let mut screen = Screen::over(tty.clone(), width, height).expect("a screen");
    let before = app_after("<enter>", width, height);
    let after = app_after("<enter>j", width, height);
    screen.draw(&before).expect("first draw");
    let first = tty.0.borrow().len();
    screen.draw(&after).expect("second draw");
    let total = tty.0.borrow().len();
    total - first
}

fn main() {
    for (w, h) in SIZES {
        println!(
            "render/one selection move {w}x{h}: {} bytes written",
            bytes_for_one_move(w, h)
        );
    }
    let mut c = Criterion::default().configure_from_args();
    render(&mut c);
    c.final_summary();
}
