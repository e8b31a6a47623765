//! Load + validate on generated guides of 1k, 10k and 100k questions (budget: 100k in ≤ 1 s, with
//! time linear in size), on a generated guide of 10k questions where every answer has a
//! conditional link over three earlier answers (budget: ≤ 1 s), and on the 100k guide (64 MB) with
//! a syntax error at its end (budget: ≤ 1 s: the reader goes on past errors, so an error at the
//! end costs a whole read). Run with `cargo bench --bench check`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use coop_guide::guide::{check_source, synthetic, Source};

fn load_and_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let text = synthetic::guide_text(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let checked = check_source(Source::new("synthetic.ron", text.clone()));
                assert!(checked.guide.is_some());
                checked
            })
        });
    }
    group.finish();
}

fn load_and_validate_with_conditions(c: &mut Criterion) {
    let mut group = c.benchmark_group("check-conditions");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let text = synthetic::conditional_guide_text(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let checked = check_source(Source::new("synthetic.ron", text.clone()));
                assert!(checked.guide.is_some());
                checked
            })
        });
    }
    group.finish();
}

fn syntax_error_at_the_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_syntax_error_at_end");
    group.sample_size(10);
    let mut text = synthetic::guide_text(100_000);
    text.push_str("\nGuide(oops");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::from_parameter("64MB"), &text, |b, text| {
        b.iter(|| {
            let checked = check_source(Source::new("broken.ron", text.clone()));
            assert!(checked.has_errors());
            checked
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    load_and_validate,
    load_and_validate_with_conditions,
    syntax_error_at_the_end
);
criterion_main!(benches);
