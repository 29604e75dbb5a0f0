//! Diff benchmarks: the word diff with a deadline (`pakta_core::diff::word_diff`) over the changed clauses
//! of a pair, and the whole redline (`pakta_redline::redline`: align, diff, flags) on the bundled pair, the
//! ToTA pair and the ToTA pair with both sides scaled 1×/10×/100×.

use divan::{Bencher, black_box};
use pakta_core::Agreement;

fn main() {
    divan::main();
}

fn example_pair() -> (Agreement, Agreement) {
    (
        pakta_core::parse(&pakta_bench::example("id-my-domestic.v1")),
        pakta_core::parse(&pakta_bench::example("id-my-domestic.v2")),
    )
}

fn tota_pair(factor: usize) -> Option<(Agreement, Agreement)> {
    let (old, new) = pakta_bench::TOTA_PAIR;
    Some((
        pakta_core::parse(&pakta_bench::scaled_tota(old, factor)?),
        pakta_core::parse(&pakta_bench::scaled_tota(new, factor)?),
    ))
}

fn word_diffs(bencher: Bencher, old: &Agreement, new: &Agreement) {
    let clauses = pakta_bench::changed_clauses(old, new);
    bencher.bench(|| {
        clauses
            .iter()
            .map(|(a, b)| pakta_core::diff::word_diff(black_box(a), black_box(b)).len())
            .sum::<usize>()
    });
}

/// Every changed clause of id-my-domestic v1 → v2, word-diffed.
#[divan::bench]
fn word_diff_example(bencher: Bencher) {
    let (old, new) = example_pair();
    word_diffs(bencher, &old, &new);
}

/// Every clause with the same id in US–Peru and US–Colombia whose text differs, word-diffed.
#[divan::bench]
fn word_diff_tota(bencher: Bencher) {
    let Some((old, new)) = tota_pair(1) else {
        return;
    };
    word_diffs(bencher, &old, &new);
}

#[divan::bench]
fn redline_example(bencher: Bencher) {
    let (old, new) = example_pair();
    let options = pakta_redline::Options::default();
    bencher.bench(|| pakta_redline::redline(black_box(&old), black_box(&new), &options));
}

/// US–Peru → US–Colombia, both sides scaled 1×, 10×, 100×.
#[divan::bench(args = pakta_bench::SCALES, sample_count = 10, max_time = 60)]
fn redline_tota_scaled(bencher: Bencher, factor: usize) {
    let Some((old, new)) = tota_pair(factor) else {
        return;
    };
    let options = pakta_redline::Options::default();
    bencher.bench(|| pakta_redline::redline(black_box(&old), black_box(&new), &options));
}
