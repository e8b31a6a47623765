//! Process start to first frame, in a pseudo-terminal: spawn the release binary, read until the
//! intro's title is on the screen, stop the clock, quit. Budget: ≤ 5 ms median for the built-in
//! guide. Run with `cargo bench --bench startup` (it builds the release binary it measures).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use std::io::Read;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use portable_pty::{native_pty_system, CommandBuilder, PtySize};

/// Spawns `coop-guide ARGS` in an 80×24 pty and returns the time until `needle` was written.
fn first_frame(args: &[&str], needle: &[u8]) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_coop-guide"));
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    let mut seen = Vec::new();
    let mut chunk = [0u8; 16384];
    let elapsed = loop {
        let n = reader.read(&mut chunk).expect("read");
        assert!(n > 0, "the app exited before its first frame");
        seen.extend_from_slice(&chunk[..n]);
        if seen.windows(needle.len()).any(|w| w == needle) {
            break start.elapsed();
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    elapsed
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("first_frame");
    group.sample_size(30);
    group.bench_function("built-in guide", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| first_frame(&["play"], b"Which kind of tech"))
                .sum()
        })
    });
    group.bench_function("decision-making", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    first_frame(
                        &["play", "guides/decision-making.ron"],
                        b"How should our group",
                    )
                })
                .sum()
        })
    });
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
