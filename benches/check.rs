//! Load + validate on generated guides of 1k, 10k and 100k questions (budget: 100k in ≤ 1 s, with
//! time linear in size). Run with `cargo bench --bench check`.

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

criterion_group!(benches, load_and_validate);
criterion_main!(benches);
