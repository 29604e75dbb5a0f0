//! The legal-language lexicon: how pakta reads words, modals, negation and actors in English and Indonesian.
//!
//! Coverage matching and the redline both need to know that "shall" binds and "shall endeavour" does not,
//! that "not" flips a phrase, and that "the Employer" owes while "the Worker" is owed. That knowledge lives
//! here once, as plain word lists, so both phases agree on it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One word of a text, normalised for matching, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lower-cased, accent-folded and stemmed (see [`stem`]).
    pub stem: String,
    /// Lower-cased and accent-folded but not stemmed; prefix patterns (`recruit*`) match against this.
    pub folded: String,
    /// Byte range in the text that was tokenised.
    pub start: usize,
    pub end: usize,
    /// Sentence segment: a new one starts after `.`, `;`, `:`, `?`, `!` and at a contrastive conjunction.
    pub segment: usize,
    /// Articles and particles ("the", "yang") that patterns skip.
    pub stopword: bool,
    /// Whether a comma stands between this word and the one before it: the edge of a sub-clause, which
    /// bounds how far a negation reaches ("where the law does not cover them, the wage under paragraph 2
    /// shall apply").
    pub comma_before: bool,
}

/// Words that patterns skip on both sides, so "borne by the worker" and "borne by workers" meet.
const STOPWORDS: &[&str] = &["the", "a", "an", "s", "yang", "para", "sang", "si"];

/// Words that open a new segment because they turn the sentence: what follows is not governed by what came
/// before ("no fee shall be charged, except that the worker shall pay …").
const SEGMENT_TURNS: &[&str] = &[
    "but",
    "except",
    "however",
    "unless",
    "provided",
    "namun",
    "tetapi",
    "kecuali",
    "sedangkan",
];

/// The words of `text` with their byte offsets: maximal runs of letters and digits (Unicode
/// `is_alphanumeric`). ASCII is classified byte by byte, which makes this several times faster than
/// splitting on a `char` predicate; every word-level analysis (tokens, fingerprints, language) starts here.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// The iterator of [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    /// Whether the non-ASCII character at byte `i` is a letter or digit, and its length.
    fn wide_at(&self, i: usize) -> (bool, usize) {
        match self.text[i..].chars().next() {
            Some(c) => (c.is_alphanumeric(), c.len_utf8()),
            None => (false, 1),
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut i = self.at;
        while i < len {
            let byte = bytes[i];
            if byte.is_ascii() {
                if byte.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (word, step) = self.wide_at(i);
                if word {
                    break;
                }
                i += step;
            }
        }
        if i >= len {
            self.at = len;
            return None;
        }
        let start = i;
        while i < len {
            let byte = bytes[i];
            if byte.is_ascii() {
                if !byte.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (word, step) = self.wide_at(i);
                if !word {
                    break;
                }
                i += step;
            }
        }
        self.at = i;
        Some((start, &self.text[start..i]))
    }
}

/// Splits `text` into tokens with segments. Words are maximal runs of letters and digits (so "30-day" is two
/// words and "worker's" is "worker" plus a stop-word "s").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut segment = 0usize;
    let mut previous_end = 0usize;
    for (start, raw) in words(text) {
        let gap = &text[previous_end..start];
        let comma_before = gap.contains(',');
        // A full stop between digits ("1.5") or after a one-letter abbreviation is not a break, but the
        // cost of a spurious break is only a narrower negation scope, so keep the rule simple.
        let sentence_break = gap.char_indices().any(|(at, ch)| {
            matches!(ch, '.' | ';' | ':' | '?' | '!' | '\n')
                && !(ch == '.'
                    && text[previous_end + at + 1..]
                        .bytes()
                        .next()
                        .is_some_and(|b| b.is_ascii_digit()))
        });
        previous_end = start + raw.len();
        let folded = fold(raw);
        if (sentence_break || SEGMENT_TURNS.contains(&folded.as_str())) && !tokens.is_empty() {
            segment += 1;
        }
        let stem = stem(&folded);
        let stopword = STOPWORDS.contains(&stem.as_str());
        tokens.push(Token {
            stem,
            folded,
            start,
            end: previous_end,
            segment,
            stopword,
            comma_before,
        });
    }
    tokens
}

/// Calls `f` with the stem of every word of `text` that is not a stop-word: the same words and stems as
/// [`tokenize`], without positions or segments and without allocating per word (for fingerprinting whole
/// documents).
pub fn for_each_stem(text: &str, mut f: impl FnMut(&str)) {
    let mut folded = String::new();
    for (_, raw) in words(text) {
        folded.clear();
        fold_into(raw, &mut folded);
        let stem = stem_str(&folded);
        if !is_stopword(&stem) {
            f(&stem);
        }
    }
}

/// Lower-cases and removes accents ("Régime" → "regime"), so spelling variants from PDFs still match.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] appending to `out`, for callers that reuse one buffer over many words (fingerprinting
/// whole documents).
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    out.extend(
        word.nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase),
    );
}

/// Whether a stem is a stop-word that carries no meaning for matching.
pub fn is_stopword(stem: &str) -> bool {
    STOPWORDS.contains(&stem)
}

/// A light, language-neutral stemmer for already folded words: English plurals and the Indonesian
/// possessive/emphatic particles. It is deliberately conservative: pakta's patterns name the derived forms
/// they mean (`dipotong`, `pemotongan`) rather than rely on an aggressive stemmer that would also merge
/// `pekerja` (worker) with `pemberi kerja` (employer) — the one distinction a BLA check cannot lose.
pub fn stem(word: &str) -> String {
    stem_str(word).into_owned()
}

/// [`stem`] without allocating when the stem is a slice of the word (all cases but `-ies` → `-y`).
pub fn stem_str(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let len = word.chars().count();
    if len > 5
        && let Some(base) = word.strip_suffix("nya")
        // "pekerjanya" → "pekerja", but not "bunyinya"-style short roots.
        && base.chars().count() >= 4
    {
        return Cow::Borrowed(base);
    }
    if len > 4 && word.ends_with("ies") {
        return Cow::Owned(format!("{}y", &word[..word.len() - 3]));
    }
    if len > 4 && word.ends_with("sses") {
        return Cow::Borrowed(&word[..word.len() - 2]);
    }
    if len > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && word.is_ascii()
    {
        return Cow::Borrowed(&word[..word.len() - 1]);
    }
    Cow::Borrowed(word)
}

/// Words that negate what follows them in the same segment ("no fee shall be charged", "tanpa biaya").
pub fn is_negator(folded: &str) -> bool {
    matches!(
        folded,
        "not"
            | "no"
            | "never"
            | "neither"
            | "nor"
            | "without"
            | "cannot"
            | "nothing"
            | "none"
            | "free"
            | "tidak"
            | "tak"
            | "bukan"
            | "tanpa"
            | "dilarang"
            | "larangan"
            | "bebas"
            | "gratis"
            | "jangan"
    ) || folded.starts_with("prohibit")
        || folded.starts_with("forbid")
        || folded.starts_with("exempt")
        || folded.starts_with("melarang")
}

/// How firmly a segment commits its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Modality {
    /// No modal verb: a statement of right or fact ("Workers are entitled to …").
    Neutral,
    /// A binding commitment: shall, must, will, undertake, *wajib*, *harus*.
    Binding,
    /// Permission or recommendation: may, should, can, *dapat*, *boleh*, *sebaiknya*.
    Permissive,
    /// An effort rather than a result: endeavour, as far as possible, *berupaya*, *sedapat mungkin*.
    Hedged,
}

/// Multi-word hedges, as folded word sequences; each word may follow the previous one within
/// [`HEDGE_GAP`] words, so "subject to the availability of funds" and "sepanjang anggaran … memungkinkan"
/// are found whatever fills the gap.
const HEDGE_GAP: usize = 4;
const HEDGE_PHRASES: &[&[&str]] = &[
    &["subject", "to", "fund"],
    &["subject", "to", "funds"],
    &["subject", "to", "budget"],
    &["subject", "to", "resources"],
    &["funds", "permit"],
    &["budget", "permits"],
    &["resources", "permit"],
    &["resources", "allow"],
    &["sepanjang", "memungkinkan"],
    &["anggaran", "memungkinkan"],
    &["tergantung", "anggaran"],
    &["sesuai", "kemampuan"],
    &["best", "effort"],
    &["best", "efforts"],
    &["as", "far", "as", "possible"],
    &["as", "far", "as", "practicable"],
    &["where", "possible"],
    &["where", "feasible"],
    &["where", "appropriate"],
    &["if", "possible"],
    &["to", "the", "extent", "possible"],
    &["to", "the", "extent", "practicable"],
    &["subject", "to", "availability"],
    &["subject", "to", "the", "availability"],
    &["shall", "consider"],
    &["may", "consider"],
    &["will", "consider"],
    &["to", "consider"],
    &["consider", "the", "possibility"],
    &["sedapat", "mungkin"],
    &["sejauh", "mungkin"],
    &["sejauh", "memungkinkan"],
    &["apabila", "memungkinkan"],
    &["jika", "memungkinkan"],
    &["bila", "memungkinkan"],
];

fn is_hedge_word(folded: &str) -> bool {
    folded.starts_with("endeavo")
        || folded.starts_with("strive")
        || matches!(
            folded,
            "try"
                | "attempt"
                | "aim"
                | "seek"
                | "berupaya"
                | "berusaha"
                | "mengupayakan"
                | "diupayakan"
                | "upaya"
                | "mempertimbangkan"
                | "dipertimbangkan"
                | "mengusahakan"
                | "diusahakan"
        )
}

fn is_binding_word(folded: &str) -> bool {
    matches!(
        folded,
        "shall"
            | "must"
            | "will"
            | "undertake"
            | "undertakes"
            | "guarantee"
            | "guarantees"
            | "ensure"
            | "ensures"
            | "wajib"
            | "harus"
            | "berkewajiban"
            | "diwajibkan"
            | "menjamin"
            | "memastikan"
            | "akan"
            | "bertanggung"
    )
}

fn is_permissive_word(folded: &str) -> bool {
    matches!(
        folded,
        "may"
            | "might"
            | "should"
            | "could"
            | "can"
            | "dapat"
            | "boleh"
            | "sebaiknya"
            | "hendaknya"
            | "bisa"
            | "diperbolehkan"
            | "dibolehkan"
    )
}

/// Whether a permissive modal is a recommendation whatever its subject ("should", *sebaiknya*), as opposed
/// to a permission that is a right when the subject is the worker ("may", *dapat*).
pub fn is_recommendation(folded: &str) -> bool {
    matches!(folded, "should" | "sebaiknya" | "hendaknya")
}

/// Who a word names: someone who owes obligations under a BLA, or someone they are owed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Actor {
    /// Parties, states, authorities, agencies, employers.
    Obligor,
    /// Workers, migrants, their families.
    Beneficiary,
}

/// The actor a folded word names, if any. Indonesian "pemberi kerja" (employer) is recognised by its first
/// word, so "kerja" alone is never taken for the worker.
pub fn actor(folded: &str) -> Option<Actor> {
    let stem = stem(folded);
    match stem.as_str() {
        "party" | "government" | "state" | "member" | "authority" | "ministry" | "minister"
        | "agency" | "employer" | "committee" | "office" | "recruiter" | "broker"
        | "intermediary" | "contractor" | "company" | "owner" | "sponsor" | "kafeel" | "pihak"
        | "pemerintah" | "negara" | "otoritas" | "kementerian" | "menteri" | "instansi"
        | "perusahaan" | "agensi" | "majikan" | "pemberi" | "lembaga" | "badan" | "komite"
        | "p3mi" | "pptkis" | "kantor" => Some(Actor::Obligor),
        "worker" | "migrant" | "employee" | "fisher" | "fisherman" | "fishermen" | "seafarer"
        | "labourer" | "laborer" | "family" | "spouse" | "child" | "children" | "pekerja"
        | "buruh" | "nelayan" | "awak" | "keluarga" | "tki" | "pmi" | "trainee" | "jobseeker" => {
            Some(Actor::Beneficiary)
        }
        _ => None,
    }
}

fn hedge_phrase_at(words: &[&str], start: usize, phrase: &[&str]) -> bool {
    if words[start] != phrase[0] {
        return false;
    }
    let mut at = start;
    for word in &phrase[1..] {
        match words[at + 1..]
            .iter()
            .take(HEDGE_GAP + 1)
            .position(|w| w == word)
        {
            Some(offset) => at += 1 + offset,
            None => return false,
        }
    }
    true
}

/// A party a clause can put a cost or a duty on. Agreements name the same party many ways ("the
/// Employer", "the sponsor", *Pengguna*, *majikan*); these lists hold the words (as folded prefixes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Party {
    Employer,
    Worker,
    Agency,
}

impl Party {
    pub const ALL: [Party; 3] = [Party::Employer, Party::Worker, Party::Agency];

    /// `employer`, `worker`, `agency` (as patterns write them after `@`).
    pub fn named(name: &str) -> Option<Party> {
        Party::ALL.into_iter().find(|p| p.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Party::Employer => "employer",
            Party::Worker => "worker",
            Party::Agency => "agency",
        }
    }

    /// The folded word prefixes that name this party. Indonesian "pemberi kerja" is named by its first word.
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Party::Employer => &[
                "employer",
                "sponsor",
                "kafeel",
                "kafil",
                "householder",
                "principal",
                "pemberi",
                "majikan",
                "pengguna",
                "pemakai",
            ],
            Party::Worker => &[
                "worker",
                "employee",
                "migrant",
                "jobseeker",
                "applicant",
                "helper",
                "caregiver",
                "fisher",
                "labourer",
                "laborer",
                "trainee",
                "pekerja",
                "tenaga",
                "buruh",
                "calon",
                "nelayan",
                "awak",
                "tki",
                "pmi",
                "plrt",
                "pemagang",
            ],
            Party::Agency => &[
                "agenc",
                "agent",
                "recruiter",
                "broker",
                "intermediar",
                "licensee",
                "manpower",
                "agensi",
                "perusahaan",
                "p3mi",
                "pptkis",
                "lembaga",
                "calo",
            ],
        }
    }

    /// The party a folded word names, if any (employer words first: "sponsor" is the employer).
    pub fn of(folded: &str) -> Option<Party> {
        Party::ALL
            .into_iter()
            .find(|p| p.words().iter().any(|w| folded.starts_with(w)))
    }
}

/// Reads the modality that governs the word at `focus` in one segment (`tokens` all share a segment).
/// A hedge anywhere in the segment wins ("shall endeavour", "…, as far as possible"); otherwise the modal
/// nearest before `focus` decides, else the first after it. Returns the modality, the modal word(s), and
/// the actor named nearest before the modal.
pub fn segment_modality(tokens: &[Token], focus: usize) -> (Modality, String, Option<Actor>) {
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    for (index, word) in words.iter().enumerate() {
        if is_hedge_word(word) {
            return (
                Modality::Hedged,
                (*word).to_string(),
                subject_before(tokens, index),
            );
        }
        for phrase in HEDGE_PHRASES {
            if hedge_phrase_at(&words, index, phrase) {
                return (
                    Modality::Hedged,
                    phrase.join(" "),
                    subject_before(tokens, index),
                );
            }
        }
    }
    let modal = |index: usize| -> Option<Modality> {
        let word = words[index];
        if is_binding_word(word) {
            return Some(Modality::Binding);
        }
        if is_permissive_word(word) {
            // "may not" and "tidak boleh" are binding prohibitions, not weakened obligations.
            let negated = words.get(index + 1).is_some_and(|next| is_negator(next))
                || index
                    .checked_sub(1)
                    .and_then(|i| words.get(i))
                    .is_some_and(|prev| is_negator(prev));
            return Some(if negated {
                Modality::Binding
            } else {
                Modality::Permissive
            });
        }
        None
    };
    let focus = focus.min(words.len());
    let chosen = (0..focus)
        .rev()
        .find_map(|i| modal(i).map(|m| (i, m)))
        .or_else(|| (focus..words.len()).find_map(|i| modal(i).map(|m| (i, m))));
    match chosen {
        Some((index, modality)) => (
            modality,
            words[index].to_string(),
            subject_before(tokens, index),
        ),
        None => (Modality::Neutral, String::new(), None),
    }
}

fn subject_before(tokens: &[Token], index: usize) -> Option<Actor> {
    tokens[..index].iter().rev().find_map(|t| actor(&t.folded))
}

/// Whether the word at `i` opens a condition ("where", "if", *apabila*, *dalam hal*): a negation inside a
/// condition does not reach the main clause. *Dalam hal apa pun* ("in any case") opens none.
pub fn opens_condition(tokens: &[Token], i: usize) -> bool {
    match tokens[i].folded.as_str() {
        "where" | "if" | "unless" | "when" | "apabila" | "jika" | "bila" | "seandainya" => true,
        "hal" => {
            i > 0
                && tokens[i - 1].folded == "dalam"
                && tokens.get(i + 1).is_none_or(|n| n.folded != "apa")
        }
        _ => false,
    }
}

/// How many negators `tokens` hold. "Without prejudice to" and *tidak mengurangi* are saving formulas, not
/// negations, and are not counted.
pub fn negators(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            is_negator(&t.folded) && {
                let next = tokens.get(i + 1).map(|n| n.folded.as_str());
                !matches!(
                    (t.folded.as_str(), next),
                    ("without", Some("prejudice")) | ("tidak", Some("mengurangi"))
                )
            }
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_the_runs_of_letters_and_digits() {
        for text in [
            "",
            "  ",
            "Article 5(2): the worker's 30-day notice.",
            "Pekerja Migran Indonesia—upah Rp1.500.000,00; café naïve",
            "日本語 text, Ελληνικά λέξεις and ١٢٣ digits",
            "end",
        ] {
            let expected: Vec<(usize, &str)> = text
                .char_indices()
                .filter(|&(i, c)| {
                    c.is_alphanumeric()
                        && !text[..i]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric)
                })
                .map(|(i, _)| {
                    let end = text[i..]
                        .find(|c: char| !c.is_alphanumeric())
                        .map_or(text.len(), |n| i + n);
                    (i, &text[i..end])
                })
                .collect();
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn stem_stream_matches_the_tokenizer() {
        let text =
            "The Régime's workers-pekerjanya, parties' 1.5 (ii) PEKERJA; the classes and buses";
        let mut streamed = Vec::new();
        for_each_stem(text, |s| streamed.push(s.to_string()));
        let tokenized: Vec<String> = tokenize(text)
            .into_iter()
            .filter(|t| !t.stopword)
            .map(|t| t.stem)
            .collect();
        assert_eq!(streamed, tokenized);
    }

    fn modality(text: &str) -> (Modality, Option<Actor>) {
        let tokens = tokenize(text);
        let (m, _, a) = segment_modality(&tokens, tokens.len());
        (m, a)
    }

    #[test]
    fn stems_plurals_and_particles() {
        assert_eq!(stem("workers"), "worker");
        assert_eq!(stem("countries"), "country");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("access"), "access");
        assert_eq!(stem("pekerjanya"), "pekerja");
        assert_eq!(fold("Régime"), "regime");
    }

    #[test]
    fn segments_break_at_punctuation_and_turns() {
        let t =
            tokenize("No fee shall be charged; the worker pays, except travel. Art 1.5 applies");
        let seg = |w: &str| t.iter().find(|x| x.folded == w).map(|x| x.segment);
        assert_eq!(seg("fee"), Some(0));
        assert_eq!(seg("worker"), Some(1));
        assert_eq!(seg("travel"), Some(2));
        assert_eq!(seg("applies"), Some(3));
        assert!(t.iter().any(|x| x.folded == "the" && x.stopword));
    }

    #[test]
    fn reads_modals_and_subjects() {
        assert_eq!(
            modality("The Parties shall endeavour to exchange").0,
            Modality::Hedged
        );
        assert_eq!(modality("The Employer shall pay").0, Modality::Binding);
        assert_eq!(
            modality("The Parties may establish a committee"),
            (Modality::Permissive, Some(Actor::Obligor))
        );
        assert_eq!(
            modality("The Worker may change employer"),
            (Modality::Permissive, Some(Actor::Beneficiary))
        );
        assert_eq!(
            modality("Pemberi kerja tidak boleh menahan paspor").0,
            Modality::Binding
        );
        assert_eq!(
            modality("Pemberi kerja dapat menyimpan paspor"),
            (Modality::Permissive, Some(Actor::Obligor))
        );
        assert_eq!(
            modality("Para Pihak berupaya bertukar informasi").0,
            Modality::Hedged
        );
        assert_eq!(
            modality("Workers are entitled to a rest day").0,
            Modality::Neutral
        );
        assert_eq!(
            modality("subject to the availability of funds, the Parties shall train").0,
            Modality::Hedged
        );
        assert_eq!(
            modality("sepanjang anggaran Pihak Pengirim memungkinkan").0,
            Modality::Hedged
        );
        let tokens =
            tokenize("the employer may replace the contract and the new one shall prevail");
        let replace = tokens
            .iter()
            .position(|t| t.folded == "replace")
            .expect("word");
        assert_eq!(segment_modality(&tokens, replace).0, Modality::Permissive);
        assert_eq!(
            negators(&tokenize(
                "Without prejudice to Article 3, costs are borne by workers"
            )),
            0
        );
    }
}
