//! Article alignment benchmarks (pakta-redline's `align`): fingerprinting every article, then matching
//! articles by content and finding the order-preserving pairs, as `pakta_redline::redline` does first.

use divan::{Bencher, black_box};
use pakta_core::Agreement;
use pakta_redline::align::{in_order, match_items};

fn main() {
    divan::main();
}

fn pair(old: &str, new: &str) -> (Agreement, Agreement) {
    (pakta_core::parse(old), pakta_core::parse(new))
}

fn bench_pair(bencher: Bencher, old: &Agreement, new: &Agreement) {
    let input = pakta_bench::AlignInput::new(old, new);
    bencher.bench(|| {
        let pairs = match_items(black_box(&input.sides()));
        let ordered = in_order(&pairs);
        (pairs, ordered)
    });
}

fn tota_pair(factor: usize) -> Option<(Agreement, Agreement)> {
    let (old, new) = pakta_bench::TOTA_PAIR;
    Some(pair(
        &pakta_bench::scaled_tota(old, factor)?,
        &pakta_bench::scaled_tota(new, factor)?,
    ))
}

/// Fingerprints of both sides' articles (the part of alignment that reads the text).
#[divan::bench]
fn fingerprint_tota_pair(bencher: Bencher) {
    let Some((old, new)) = tota_pair(1) else {
        return;
    };
    bencher.bench(|| {
        (
            pakta_bench::fingerprints(black_box(&old)),
            pakta_bench::fingerprints(black_box(&new)),
        )
    });
}

/// Matching on the bundled pair id-my-domestic v1 → v2.
#[divan::bench]
fn match_example(bencher: Bencher) {
    let (old, new) = pair(
        &pakta_bench::example("id-my-domestic.v1"),
        &pakta_bench::example("id-my-domestic.v2"),
    );
    bench_pair(bencher, &old, &new);
}

/// Matching US–Peru against US–Colombia, each scaled 1×, 10×, 100×.
#[divan::bench(args = pakta_bench::SCALES, sample_count = 10, max_time = 60)]
fn match_tota_scaled(bencher: Bencher, factor: usize) {
    let Some((old, new)) = tota_pair(factor) else {
        return;
    };
    bench_pair(bencher, &old, &new);
}
