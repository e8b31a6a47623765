//! The remote room under load, over loopback: 200 participants (russh clients) joined, all
//! voting at once, the presenter (the real one, woken by the room as in the terminal loop, and
//! drawing a frame after each batch) taking the votes in. Run with `cargo bench --bench room`.
//!
//! Measured and printed:
//! - **a vote → the presenter's tally**: every round, all 200 change their vote at once; for
//!   the k-th vote counted, the time from the *first* vote sent to the presenter's count
//!   reaching k (an upper bound on that vote's own latency). p50 / p99 / max over every vote of
//!   every round (budget: p99 ≤ 100 ms);
//! - **memory per participant**: heap held by the room's thread with 200 participants joined,
//!   divided by 200 (a counting allocator), and the whole process's resident memory growth per
//!   participant, clients included (budget: ≤ 1 MB);
//! - **a participant who never reads**: the same rounds with one more participant behind a
//!   relay that stops reading, asking for big frames all along;
//! - **the presenter's frame** with the room open, 200 connected, against the plain presenter.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss
)]

#[path = "../tests/room_support/mod.rs"]
mod room_support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::Criterion;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use coop_guide::engine::session::Session;
use coop_guide::room::Limits;
use coop_guide::store::{now_rfc3339, Store};
use coop_guide::tui::facilitate::Presenter;
use coop_guide::tui::input::Input;
use coop_guide::tui::keymap::parse_keys;
use coop_guide::tui::shell::View;
use room_support::{guests, quick_limits, Desk, Guest, Relay};

/// Counts the heap held by the room's thread: what it allocates, less what it frees.
struct Counting;

static ROOM_HEAP: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    /// 0: not known yet, 1: the room's thread, 2: another, 3: finding out.
    static KIND: Cell<u8> = const { Cell::new(0) };
}

fn in_room() -> bool {
    KIND.with(|kind| match kind.get() {
        1 => true,
        2 | 3 => false,
        _ => {
            kind.set(3);
            let room = std::thread::current().name() == Some("coop-guide-room");
            kind.set(if room { 1 } else { 2 });
            room
        }
    })
}

fn size(layout: Layout) -> isize {
    isize::try_from(layout.size()).unwrap_or(isize::MAX)
}

// SAFETY: every call is passed on to the system allocator unchanged; only a counter is kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if in_room() {
            ROOM_HEAP.fetch_add(size(layout), Ordering::Relaxed);
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if in_room() {
            ROOM_HEAP.fetch_sub(size(layout), Ordering::Relaxed);
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const PARTICIPANTS: usize = 200;

/// What the bench thread asks the guests' thread.
enum Ask {
    /// Everyone votes for this number, as fast as they can: reply with when the first vote
    /// left.
    Vote(&'static str),
    /// Leave.
    Stop,
}

/// The resident memory of this process, in bytes.
fn resident() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

/// Starts the guests: `PARTICIPANTS` joined, plus a stuck one when asked; returns the channel
/// to ask them with and the one they answer on.
fn start_guests(
    desk: &mut Desk,
    stuck: bool,
) -> (
    tokio::sync::mpsc::UnboundedSender<Ask>,
    mpsc::Receiver<Instant>,
) {
    let address = desk.address;
    let (ask_tx, mut ask_rx) = tokio::sync::mpsc::unbounded_channel::<Ask>();
    let (when_tx, when_rx) = mpsc::channel::<Instant>();
    let (ready_tx, ready_rx) = mpsc::channel::<()>();
    let _work = guests(async move {
        let mut writers = Vec::new();
        for n in 0..PARTICIPANTS {
            let guest = Guest::join(address, &format!("P{n:03}")).await;
            let (mut read, write) = guest.channel.split();
            // Drain what the room sends, as a terminal would.
            tokio::spawn(async move { while read.wait().await.is_some() {} });
            writers.push((write, guest.handle));
        }
        let mut relay_guest = None;
        if stuck {
            let relay = Relay::open(address).await;
            let mut guest = Guest::arrive(relay.address, 300, 100).await;
            guest.send("Stuck\r").await;
            guest.wait_for("you: Stuck").await;
            relay.freeze();
            relay_guest = Some((relay, guest));
        }
        let _ = ready_tx.send(());
        let mut spam = tokio::time::interval(Duration::from_millis(50));
        loop {
            tokio::select! {
                ask = ask_rx.recv() => match ask {
                    Some(Ask::Vote(number)) => {
                        let first = Instant::now();
                        for (write, _) in &writers {
                            let _ = write.data_bytes(number.as_bytes().to_vec()).await;
                        }
                        let _ = when_tx.send(first);
                    }
                    Some(Ask::Stop) | None => break,
                },
                _ = spam.tick(), if relay_guest.is_some() => {
                    if let Some((_, guest)) = &relay_guest {
                        guest.send("?").await;
                        guest.send("\x1b").await;
                    }
                }
            }
        }
    });
    desk.tick_while(|| ready_rx.try_recv().is_err());
    (ask_tx, when_rx)
}

/// One round: everyone votes `number`; the presenter ticks (and draws) until all 200 are in.
/// Returns, for each vote counted, the time from the first vote sent to it being counted.
fn round(
    desk: &mut Desk,
    ask: &tokio::sync::mpsc::UnboundedSender<Ask>,
    when: &mpsc::Receiver<Instant>,
    number: &'static str,
) -> Vec<Duration> {
    let answer = if number == "1" { "small" } else { "large" };
    let mut seen = Vec::with_capacity(PARTICIPANTS);
    ask.send(Ask::Vote(number)).expect("the guests listen");
    let area = Rect::new(0, 0, 100, 31);
    let mut buf = Buffer::empty(area);
    let mut counted = 0;
    let deadline = Instant::now() + Duration::from_secs(30);
    while counted < PARTICIPANTS {
        assert!(Instant::now() < deadline, "only {counted} votes came in");
        desk.tick(Duration::from_millis(50));
        let now = Instant::now();
        let tally = desk.online("size", answer) as usize;
        while counted < tally {
            seen.push(now);
            counted += 1;
        }
        buf.reset();
        desk.remote.render(area, &mut buf);
        black_box(&buf);
    }
    let first = when.recv().expect("when the first vote left");
    seen.into_iter().map(|t| t.duration_since(first)).collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

fn report(label: &str, mut all: Vec<Duration>) {
    all.sort();
    println!(
        "{label}: {} votes; p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        all.len(),
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3,
        percentile(&all, 1.0).as_secs_f64() * 1e3,
    );
}

/// The rounds of one scenario, through criterion (the time for all 200 votes to be counted)
/// and as percentiles of each vote's time.
fn scenario(c: &mut Criterion, name: &str, stuck: bool) {
    // Every participant votes in every round, many rounds a second: far faster than anyone
    // types, so the keys-per-second limit is lifted here (it is tested in `tests/room.rs`).
    let limits = Limits {
        keys_per_second: 100_000,
        key_burst: 100_000,
        max_participants: PARTICIPANTS + 1,
        ..quick_limits()
    };
    let mut desk = Desk::open(limits, false);
    desk.press("<enter><enter>");
    let heap_before = ROOM_HEAP.load(Ordering::Relaxed);
    let resident_before = resident();
    let (ask, when) = start_guests(&mut desk, stuck);
    desk.wait_until("everyone joined", |r| {
        r.people() == PARTICIPANTS + usize::from(stuck)
    });
    if !stuck {
        // Let the first frames go out, then measure what the room holds.
        for _ in 0..20 {
            desk.tick(Duration::from_millis(10));
        }
        let heap = ROOM_HEAP.load(Ordering::Relaxed) - heap_before;
        let grown = resident().saturating_sub(resident_before);
        println!(
            "memory with {PARTICIPANTS} participants: room heap {:.0} KB per participant; \
             process resident growth (clients included) {:.0} KB per participant",
            heap as f64 / 1024.0 / PARTICIPANTS as f64,
            grown as f64 / 1024.0 / PARTICIPANTS as f64,
        );
    }
    let mut all = Vec::new();
    let mut flip = 0usize;
    let mut group = c.benchmark_group("room");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let number = if flip.is_multiple_of(2) { "2" } else { "1" };
                flip += 1;
                let times = round(&mut desk, &ask, &when, number);
                total += times.last().copied().unwrap_or_default();
                all.extend(times);
            }
            total
        });
    });
    group.finish();
    report(name, all);
    if stuck {
        let stats = desk.remote.room().expect("the room runs").stats();
        println!(
            "frames sent {}, skipped (drawn while the connection was still busy) {}",
            coop_guide::room::Stats::get(&stats.frames_sent),
            coop_guide::room::Stats::get(&stats.frames_skipped)
        );
    }
    if !stuck {
        presenter_frames(c, &mut desk);
    }
    let _ = ask.send(Ask::Stop);
}

/// The presenter's frame with the room open and everyone connected, and without a room.
fn presenter_frames(c: &mut Criterion, desk: &mut Desk) {
    let area = Rect::new(0, 0, 200, 50);
    let mut buf = Buffer::empty(area);
    desk.remote.input(Input::Resize(200, 50));
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = Store::new(dir.path().join("plain.ron"));
    let session = Session::new(room_support::decision(), "Group", now_rfc3339());
    let mut plain = Presenter::new(session, store).with_size(200, 50);
    for key in parse_keys("<enter>") {
        plain.key(key);
    }
    let mut group = c.benchmark_group("presenter frame 200x50");
    group.bench_function("with the room, 200 connected", |b| {
        b.iter(|| {
            buf.reset();
            desk.remote.render(area, &mut buf);
            black_box(&buf);
        });
    });
    group.bench_function("without a room", |b| {
        b.iter(|| {
            buf.reset();
            View::render(&plain, area, &mut buf);
            black_box(&buf);
        });
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    scenario(&mut c, "200 vote at once", false);
    scenario(&mut c, "200 vote at once, one more never reads", true);
    c.final_summary();
}
