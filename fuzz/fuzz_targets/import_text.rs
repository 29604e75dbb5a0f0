//! Plain text (what `pdftotext -layout` gives) → `pakta_import::text::import` → Markdown →
//! `pakta_core::parse`. The importer must never panic, the Markdown it writes must parse into a well-formed
//! agreement, and agreement text must stay escaped: no raw `<script` in the Markdown body. (The number of
//! articles parsed need not equal `report.articles`, so that is not checked.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use pakta_fuzz::{MAX_INPUT, body, check_agreement, has_raw_script};

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let imported = pakta_import::text::import(&text, "fuzz.txt");
    assert!(
        !has_raw_script(body(&imported.markdown)),
        "raw <script in the imported Markdown:\n{}",
        imported.markdown
    );
    let agreement = pakta_core::parse(&imported.markdown);
    check_agreement(&agreement, &imported.markdown);
});
