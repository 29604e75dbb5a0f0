//! Bytes → `pakta_core::decode` → `pakta_core::parse` → `pakta_core::lint::lint`, plus the page view
//! (`paragraphs`) that Word export and tracked changes are built from. Checks the parser's structural
//! invariants (see `pakta_fuzz::check_agreement`) and that lint diagnostics point inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pakta_fuzz::{MAX_INPUT, check_agreement, check_span};

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = pakta_core::decode("fuzz.md", data.to_vec()) else {
        return;
    };
    let agreement = pakta_core::parse(&text);
    check_agreement(&agreement, &text);
    for diagnostic in pakta_core::lint::lint(&agreement, &text) {
        check_span(diagnostic.code, diagnostic.span, &text);
    }
    let _ = pakta_core::paragraphs::paragraphs(&agreement);
});
