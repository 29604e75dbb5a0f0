//! Parse benchmarks: Markdown → `Agreement` on the bundled examples, real corpus texts and ToTA
//! treaties scaled 1×/10×/100×; and the ToTA XML import that produces those Markdown texts.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

#[divan::bench(args = pakta_bench::EXAMPLES)]
fn examples(bencher: Bencher, name: &str) {
    let text = pakta_bench::example(name);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| pakta_core::parse(black_box(&text)));
}

#[divan::bench(args = pakta_bench::CORPUS)]
fn corpus(bencher: Bencher, case: &str) {
    let Some(text) = pakta_bench::corpus(case) else {
        return;
    };
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| pakta_core::parse(black_box(&text)));
}

/// US–Peru repeated 1×, 10×, 100× with renumbered articles (0.5, 5, 50 MB).
#[divan::bench(args = pakta_bench::SCALES, sample_count = 10, max_time = 60)]
fn scaled(bencher: Bencher, factor: usize) {
    let Some(text) = pakta_bench::scaled_tota(pakta_bench::TOTA_PAIR.0, factor) else {
        return;
    };
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| pakta_core::parse(black_box(&text)));
}

/// ToTA XML → Markdown, as `pakta import` does it.
#[divan::bench(args = [pakta_bench::TOTA_PAIR.0, pakta_bench::TOTA_PAIR.1])]
fn import_tota(bencher: Bencher, id: &str) {
    let Some(xml) = pakta_bench::tota_xml(id) else {
        return;
    };
    bencher.counter(BytesCount::of_str(&xml)).bench(|| {
        pakta_import::tota::read(black_box(&xml))
            .map(|treaty| pakta_import::tota::markdown(&treaty, "bench.xml"))
    });
}
