//! `number-words-disagree`: an amount whose digits and words say different numbers, "MYR 1,500 (one
//! thousand two hundred ringgit)", *60 (tiga puluh) hari*. Drafters write both so that neither can be
//! misread; when they disagree, a court must choose, and the negotiator should choose first.

use pakta_core::lint::locate;
use pakta_core::model::{Agreement, Diagnostic, Severity};
use pakta_core::source::LineIndex;

use super::quantities;

/// Every amount in `agreement` (parsed from `source`) whose words in parentheses say another number than
/// its digits, in source order.
pub fn disagreements(agreement: &Agreement, source: &str) -> Vec<Diagnostic> {
    let index = LineIndex::new(source);
    let mut out = Vec::new();
    for article in &agreement.articles {
        for clause in article.clauses_flat() {
            for q in quantities(&clause.text) {
                let Some(spelled) = q.spelled else {
                    continue;
                };
                let shown = &clause.text[q.phrase.clone()];
                out.push(Diagnostic {
                    severity: Severity::Warning,
                    code: "number-words-disagree",
                    message: format!(
                        "\u{201c}{shown}\u{201d}: the digits say {} but the words say {}",
                        number(q.value),
                        number(spelled)
                    ),
                    span: locate(source, &index, clause.span, shown),
                });
            }
        }
    }
    out
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}
