//! TOML text to the encoded form, for build scripts.

use serde_spanned::Spanned;
use toml::de::{DeTable, DeValue};

use crate::{ARRAY, BOOLEAN, FLOAT, INTEGER, STRING, TABLE};

/// The encoded form of a TOML document, or why it has none: the TOML does not parse, or holds a value
/// the form does not carry (a date). A build script that gets an error embeds no form, and the library
/// then parses the TOML, which reports the problem with its line and column.
pub fn encode(toml: &str) -> Result<Vec<u8>, String> {
    let document = DeTable::parse(toml).map_err(|err| err.to_string())?;
    let mut out = Out::default();
    table(&mut out, document.span(), document.get_ref())?;
    let mut encoded = Vec::with_capacity(out.text.len() + out.values.len() + 8);
    unsigned(&mut encoded, out.text.len() as u64);
    encoded.extend_from_slice(out.text.as_bytes());
    encoded.extend_from_slice(&out.values);
    Ok(encoded)
}

/// The two parts of the form: the values, and every string in the order the values name them.
#[derive(Default)]
struct Out {
    values: Vec<u8>,
    text: String,
}

fn value(out: &mut Out, spanned: &Spanned<DeValue<'_>>) -> Result<(), String> {
    let span = spanned.span();
    match spanned.get_ref() {
        DeValue::String(text) => {
            header(out, STRING, &span);
            string(out, text);
        }
        DeValue::Integer(integer) => {
            let parsed = i64::from_str_radix(integer.as_str(), integer.radix())
                .map_err(|_| format!("integer {integer} does not fit in 64 bits"))?;
            header(out, INTEGER, &span);
            unsigned(&mut out.values, ((parsed << 1) ^ (parsed >> 63)) as u64);
        }
        DeValue::Float(float) => {
            let parsed: f64 = float
                .as_str()
                .parse()
                .map_err(|_| format!("float {float} is not a number"))?;
            header(out, FLOAT, &span);
            out.values.extend_from_slice(&parsed.to_le_bytes());
        }
        DeValue::Boolean(boolean) => {
            header(out, BOOLEAN, &span);
            out.values.push(u8::from(*boolean));
        }
        DeValue::Datetime(datetime) => {
            return Err(format!("the date {datetime} has no encoded form"));
        }
        DeValue::Array(array) => {
            header(out, ARRAY, &span);
            unsigned(&mut out.values, array.len() as u64);
            for item in array.iter() {
                value(out, item)?;
            }
        }
        DeValue::Table(entries) => table(out, span, entries)?,
    }
    Ok(())
}

fn table(out: &mut Out, span: std::ops::Range<usize>, entries: &DeTable<'_>) -> Result<(), String> {
    header(out, TABLE, &span);
    unsigned(&mut out.values, entries.len() as u64);
    for (key, item) in entries {
        string(out, key.get_ref());
        value(out, item)?;
    }
    Ok(())
}

fn header(out: &mut Out, tag: u8, span: &std::ops::Range<usize>) {
    out.values.push(tag);
    unsigned(&mut out.values, span.start as u64);
    unsigned(&mut out.values, span.end as u64);
}

/// A string's length among the values, its text in the strings.
fn string(out: &mut Out, text: &str) {
    unsigned(&mut out.values, text.len() as u64);
    out.text.push_str(text);
}

/// LEB128: seven bits a byte, the high bit set on every byte but the last.
fn unsigned(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}
