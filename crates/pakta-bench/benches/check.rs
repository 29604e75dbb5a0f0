//! Coverage check benchmarks (`pakta_standards::coverage::Checker::check`, profile bla-core) on the
//! bundled examples, real corpus texts and US–Peru scaled 1×/10×/100×; and compiling the checker.

use divan::{Bencher, black_box};
use pakta_standards::Checker;

fn main() {
    divan::main();
}

fn bench_check(bencher: Bencher, text: &str) {
    let catalogue = pakta_bench::catalogue();
    let profile = catalogue
        .profile(pakta_bench::PROFILE)
        .expect("the bench profile exists");
    let checker = Checker::new(&catalogue);
    let agreement = pakta_core::parse(text);
    bencher.bench(|| checker.check(black_box(&agreement), profile, None));
}

/// Compiling the catalogue's patterns into a checker (once per `pakta check` run).
#[divan::bench]
fn checker_new(bencher: Bencher) {
    let catalogue = pakta_bench::catalogue();
    bencher.bench(|| Checker::new(black_box(&catalogue)));
}

#[divan::bench(args = pakta_bench::EXAMPLES)]
fn examples(bencher: Bencher, name: &str) {
    bench_check(bencher, &pakta_bench::example(name));
}

#[divan::bench(args = pakta_bench::CORPUS)]
fn corpus(bencher: Bencher, case: &str) {
    let Some(text) = pakta_bench::corpus(case) else {
        return;
    };
    bench_check(bencher, &text);
}

/// US–Peru repeated 1×, 10×, 100× with renumbered articles.
#[divan::bench(args = pakta_bench::SCALES, sample_count = 10, max_time = 60)]
fn scaled(bencher: Bencher, factor: usize) {
    let Some(text) = pakta_bench::scaled_tota(pakta_bench::TOTA_PAIR.0, factor) else {
        return;
    };
    bench_check(bencher, &text);
}
