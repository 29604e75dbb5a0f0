//! Numbers written in words, in English and Indonesian: "one thousand five hundred", *dua puluh lima*,
//! *seribu lima ratus*, and the fractions drafters write beside a rate ("one and a half", *satu koma lima*,
//! *satu setengah*).

/// A number written in words ("twelve", "puluh", "thousand").
pub(crate) fn is_number_word(word: &str) -> bool {
    word_value(word).is_some()
}

pub(super) fn word_value(word: &str) -> Option<(f64, bool)> {
    // (value, is_multiplier)
    Some(match word {
        "zero" | "nol" => (0.0, false),
        "one" | "satu" | "se" => (1.0, false),
        "two" | "dua" => (2.0, false),
        "three" | "tiga" => (3.0, false),
        "four" | "empat" => (4.0, false),
        "five" | "lima" => (5.0, false),
        "six" | "enam" => (6.0, false),
        "seven" | "tujuh" => (7.0, false),
        "eight" | "delapan" => (8.0, false),
        "nine" | "sembilan" => (9.0, false),
        "ten" | "sepuluh" => (10.0, false),
        "eleven" | "sebelas" => (11.0, false),
        "twelve" => (12.0, false),
        "thirteen" => (13.0, false),
        "fourteen" => (14.0, false),
        "fifteen" => (15.0, false),
        "sixteen" => (16.0, false),
        "seventeen" => (17.0, false),
        "eighteen" => (18.0, false),
        "nineteen" => (19.0, false),
        "twenty" => (20.0, false),
        "thirty" => (30.0, false),
        "forty" => (40.0, false),
        "fifty" => (50.0, false),
        "sixty" => (60.0, false),
        "seventy" => (70.0, false),
        "eighty" => (80.0, false),
        "ninety" => (90.0, false),
        "seratus" => (100.0, false),
        "seribu" => (1000.0, false),
        "hundred" | "ratus" => (100.0, true),
        "thousand" | "ribu" => (1000.0, true),
        "million" | "juta" => (1_000_000.0, true),
        "belas" => (10.0, true),
        "puluh" => (10.0, true),
        _ => return None,
    })
}

/// Parses a run of number words ("one thousand five hundred", "dua puluh lima", "seribu lima ratus").
pub(crate) fn words_value(words: &[&str]) -> Option<f64> {
    // `small` is the group being built (below a hundred), `current` the hundreds, `total` the thousands and
    // up: "sembilan ratus sembilan puluh sembilan" is 9 × 100 + 9 × 10 + 9.
    let (mut total, mut current, mut small) = (0.0, 0.0, 0.0);
    let mut any = false;
    for word in words {
        if *word == "and" {
            continue;
        }
        let (value, _) = word_value(word)?;
        any = true;
        match *word {
            "belas" => small += 10.0,
            "puluh" => small = if small == 0.0 { 10.0 } else { small * 10.0 },
            "hundred" | "ratus" => {
                current += if small == 0.0 { 100.0 } else { small * 100.0 };
                small = 0.0;
            }
            "seratus" => current += 100.0,
            "thousand" | "ribu" | "million" | "juta" => {
                let group = current + small;
                total += if group == 0.0 { value } else { group * value };
                current = 0.0;
                small = 0.0;
            }
            "seribu" => total += 1000.0,
            _ => small += value,
        }
    }
    any.then_some(total + current + small)
}

/// A fraction that follows a whole number in words, starting at word `j`: its value and the index after
/// it. "one and a half", "one and a quarter", "one point five", *satu koma lima*, *satu koma dua lima*,
/// *satu setengah*, *dua seperempat*.
pub(super) fn fraction_at(folded: &[String], j: usize) -> Option<(f64, usize)> {
    let word = |k: usize| folded.get(k).map(String::as_str);
    match word(j)? {
        "setengah" | "half" => Some((0.5, j + 1)),
        "seperempat" | "quarter" => Some((0.25, j + 1)),
        "and" if word(j + 1) == Some("a") => match word(j + 2)? {
            "half" => Some((0.5, j + 3)),
            "quarter" => Some((0.25, j + 3)),
            _ => None,
        },
        // Decimals are read digit by digit: *satu koma dua lima* is 1.25.
        "koma" | "point" => {
            let mut k = j + 1;
            let mut digits = String::new();
            while let Some((value, false)) = word(k).and_then(word_value) {
                if value >= 10.0 {
                    break;
                }
                digits.push(char::from(b'0' + value as u8));
                k += 1;
            }
            (!digits.is_empty())
                .then(|| format!("0.{digits}").parse().ok())
                .flatten()
                .map(|v| (v, k))
        }
        _ => None,
    }
}
