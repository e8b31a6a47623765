//! Prints a generated guide of N questions (default 100,000), for measuring `check` by hand:
//! `cargo run --release --example synthetic_guide 100000 > big.ron`
//! `/usr/bin/time -v target/release/coop-guide check big.ron`
//! With `conditions` after N, every answer has a conditional link over three earlier answers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let text = match std::env::args().nth(2).as_deref() {
        Some("conditions") => coop_guide::guide::synthetic::conditional_guide_text(n),
        _ => coop_guide::guide::synthetic::guide_text(n),
    };
    print!("{text}");
}
