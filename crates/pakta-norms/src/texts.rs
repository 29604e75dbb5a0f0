//! Which language versions an agreement makes authentic, and which of them prevails where they diverge.
//!
//! "Done in two originals in the English language" that became "… in the English and Malay languages. In
//! case of divergence the Malay text shall prevail" changes which words bind the parties. The closing
//! formula or a final article says it; this reader finds it so that the redline can name the change and
//! `parallel` can see two language versions that each declare themselves the prevailing one.

use std::ops::Range;

use crate::lexicon::{read_word, sentences, tokenize};
use crate::lists::lists;

/// What a text says about its language versions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthenticTexts {
    /// The languages named in sentences about the texts, as pakta prints them ("English", "Malay"),
    /// sorted.
    pub languages: Vec<String>,
    /// The language whose text prevails where the versions diverge.
    pub prevailing: Option<String>,
    /// The languages named as translations only, not authentic ("the other texts being translations"),
    /// sorted; they are not in `languages`.
    pub translations: Vec<String>,
    /// Byte range of the sentence that says so.
    pub prevailing_at: Option<Range<usize>>,
}

impl AuthenticTexts {
    /// Whether the text says anything about its language versions.
    pub fn is_empty(&self) -> bool {
        self.languages.is_empty() && self.prevailing.is_none()
    }
}

impl std::fmt::Display for AuthenticTexts {
    /// "English, Malay; Malay prevails".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.languages.join(", "))?;
        if let Some(prevailing) = &self.prevailing {
            write!(f, "; {prevailing} prevails")?;
        }
        if !self.translations.is_empty() {
            write!(f, "; translations: {}", self.translations.join(", "))?;
        }
        Ok(())
    }
}

/// Reads what `text` says about its language versions. Text that says nothing gives an empty answer.
pub fn authentic_texts(text: &str) -> AuthenticTexts {
    let lists = &lists().texts;
    let tokens = tokenize(text);
    let words: Vec<&str> = tokens.iter().map(read_word).collect();
    let mut answer = AuthenticTexts::default();
    for within in sentences(&tokens) {
        let end = within.end;
        let has =
            |set: &crate::lists::WordSet| within.clone().any(|i| set.match_at(&words, i).is_some());
        if !has(&lists.documents) {
            continue;
        }
        // Each language named in the sentence, with the word where it is named.
        let mut named: Vec<(usize, &str)> = Vec::new();
        for i in within.clone() {
            if let Some((name, _)) = lists
                .languages
                .iter()
                .find(|(_, set)| set.match_at(&words, i).is_some())
            {
                named.push((i, name));
            }
        }
        // "… dalam bahasa Indonesia, Melayu dan Inggris": one *bahasa* before a list of country words.
        for &(i, _) in named.clone().iter() {
            let mut k = i + 2;
            while k < end {
                let Some((name, _)) = lists
                    .languages
                    .iter()
                    .find(|(_, set)| set.match_at(&["bahasa", words[k]], 0) == Some(2))
                else {
                    break;
                };
                if !named.iter().any(|(at, _)| *at == k || *at + 1 == k) {
                    named.push((k, name));
                }
                k += if matches!(words.get(k + 1), Some(&("dan" | "and" | "serta"))) {
                    2
                } else {
                    1
                };
            }
        }
        if named.is_empty() {
            continue;
        }
        for name in translations((&tokens, &words), &within, &named) {
            if !answer.translations.iter().any(|l| l == name) {
                answer.translations.push(name.to_string());
            }
        }
        for (_, name) in &named {
            if !answer.languages.iter().any(|l| l == name) {
                answer.languages.push((*name).to_string());
            }
        }
        if !has(&lists.divergence) {
            continue;
        }
        // The prevailing text is the one named nearest the verb that says so, in the verb's segment
        // first: "between the English and Malay texts, the Malay text shall prevail".
        let Some(verb) = within
            .clone()
            .find(|&i| lists.prevail.match_at(&words, i).is_some())
        else {
            continue;
        };
        let segment = tokens[verb].segment;
        let nearest = named
            .iter()
            .min_by_key(|(at, _)| (tokens[*at].segment != segment, at.abs_diff(verb)))
            .map(|(_, name)| (*name).to_string());
        answer.prevailing = nearest;
        answer.prevailing_at = Some(tokens[within.start].start..tokens[end - 1].end);
    }
    answer
        .languages
        .retain(|l| !answer.translations.iter().any(|t| t == l));
    answer.languages.sort();
    answer.translations.sort();
    answer
}

/// The languages a sentence makes translations only. A word that says "authentic" or "translation" speaks
/// of the languages named in the few words before it ("the English text being authentic", *naskah bahasa
/// Indonesia dan bahasa Arab merupakan terjemahan*); "the other texts being translations" makes every
/// language not so named authentic a translation.
fn translations<'n>(
    (tokens, words): (&[crate::lexicon::Token], &[&str]),
    within: &Range<usize>,
    named: &[(usize, &'n str)],
) -> Vec<&'n str> {
    let lists = &lists().texts;
    let mut authentic: Vec<&str> = Vec::new();
    let mut translated: Vec<&str> = Vec::new();
    let mut others = false;
    let mut last_verdict = within.start;
    for v in within.clone() {
        let is_authentic = lists.authentic.match_at(words, v).is_some();
        let is_translation = lists.translations.match_at(words, v).is_some();
        if !is_authentic && !is_translation {
            continue;
        }
        // Back to the comma that opens the phrase: "in the Indonesian, Arabic and English languages, the
        // English text being authentic" makes only the second English authentic.
        let mut from = v.saturating_sub(8).max(last_verdict);
        if let Some(k) = (from..v).rev().find(|&k| tokens[k].comma_before) {
            from = k;
        }
        let before: Vec<&str> = named
            .iter()
            .filter(|(at, _)| (from..v).contains(at))
            .map(|(_, name)| *name)
            .collect();
        if is_translation
            && before.is_empty()
            && (v.saturating_sub(4).max(within.start)..v)
                .any(|k| lists.others.match_at(words, k).is_some())
        {
            others = true;
        }
        if is_authentic {
            authentic.extend(before);
        } else {
            translated.extend(before);
        }
        last_verdict = v + 1;
    }
    if others && !authentic.is_empty() {
        for (_, name) in named {
            if !authentic.contains(name) && !translated.contains(name) {
                translated.push(name);
            }
        }
    }
    translated.retain(|t| !authentic.contains(t));
    translated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        authentic_texts(text).to_string()
    }

    #[test]
    fn closing_formulas() {
        for (text, expected) in [
            (
                "Done at Kathmandu on 12 June 2025 in two originals in the English language.",
                "English",
            ),
            (
                "Done at Kathmandu in two originals in the English and Malay languages. In case of divergence \
                 the Malay text shall prevail.",
                "English, Malay; Malay prevails",
            ),
            (
                "Signed in duplicate in the Indonesian, Arabic and English languages, all texts being equally \
                 authentic. In case of any divergence of interpretation between the texts, the English text \
                 shall prevail.",
                "Arabic, English, Indonesian; English prevails",
            ),
            (
                "Dibuat di Jakarta dalam rangkap dua, dalam bahasa Indonesia, Melayu dan Inggris, semua naskah \
                 sama otentik. Apabila terjadi perbedaan penafsiran, naskah bahasa Inggris yang berlaku.",
                "English, Indonesian, Malay; English prevails",
            ),
            (
                "Jika terdapat perbedaan penafsiran antara naskah bahasa Indonesia dan naskah bahasa Inggris, \
                 yang digunakan adalah naskah bahasa Inggris.",
                "English, Indonesian; English prevails",
            ),
            (
                "Dalam hal terjadi perbedaan penafsiran, naskah bahasa Indonesia yang dijadikan acuan.",
                "Indonesian; Indonesian prevails",
            ),
            (
                "Dalam hal terjadi perbedaan penafsiran, para Pihak akan merujuk pada naskah bahasa Inggris.",
                "English; English prevails",
            ),
            (
                "In the event of any conflict between the texts, the English text shall control.",
                "English; English prevails",
            ),
            (
                "Done at Kuwait City in the Indonesian, Arabic and English languages, the English text being \
                 authentic and the other texts being translations.",
                "English; translations: Arabic, Indonesian",
            ),
            (
                "Dibuat dalam bahasa Indonesia, bahasa Arab dan bahasa Inggris, dengan naskah bahasa Inggris \
                 sebagai satu-satunya naskah autentik, sedangkan naskah bahasa Indonesia dan bahasa Arab \
                 merupakan terjemahan.",
                "English; translations: Arabic, Indonesian",
            ),
            (
                "Done in the Indonesian, Arabic and English languages, all texts being equally authentic.",
                "Arabic, English, Indonesian",
            ),
            // A country is no language, and a sentence not about the texts names none.
            (
                "The Government of the Republic of Indonesia and the Government of Malaysia agree.",
                "",
            ),
            ("Workers shall be taught English before departure.", ""),
        ] {
            assert_eq!(read(text), expected, "{text}");
        }
    }
}
