//! The legal-language lexicon: how pakta reads words, negation and clause openers in English and
//! Indonesian.
//!
//! Coverage matching, the norm reader and the redline all need to know that "not" flips a phrase, that
//! "without prejudice" does not, and that "unless" opens an exception. The words live once, in
//! `data/lexicon.toml`; this module tokenises text and answers questions against those lists.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

pub use pakta_core::words::{fold, is_stopword, stem};
use pakta_core::words::{fold_str, stem_str, words};

use crate::lists::lists;

/// A normalised form of a word: borrowed from the tokenised text when normalising leaves the word as
/// written (lower-case ASCII, about nine words in ten of an agreement), owned otherwise. Two owned strings
/// per word made the allocator a fifth of a check.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct WordForm<'a>(Cow<'a, str>);

impl<'a> WordForm<'a> {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form as an owned string, for keeping it beyond the text it came from.
    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl Deref for WordForm<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for WordForm<'_> {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for WordForm<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for WordForm<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for WordForm<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for WordForm<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

// Shown as the string it holds, as the `String` fields it replaces were.
impl fmt::Debug for WordForm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for WordForm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

/// One word of a text, normalised for matching, with where it came from. Its forms borrow from the text
/// where they can (see [`WordForm`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Lower-cased, accent-folded and stemmed (see [`stem`]).
    pub stem: WordForm<'a>,
    /// Lower-cased and accent-folded but not stemmed; prefix patterns (`recruit*`) match against this.
    pub folded: WordForm<'a>,
    /// Byte range in the text that was tokenised.
    pub start: usize,
    pub end: usize,
    /// Sentence segment: a new one starts after `.`, `;`, `:`, `?`, `!` and at a contrastive conjunction.
    pub segment: usize,
    /// Sentence: a new one starts only after `.`, `;`, `:`, `?`, `!` or a line break, so that a condition
    /// or exception stays with the norm it qualifies.
    pub sentence: usize,
    /// Articles and particles ("the", "yang") that patterns skip.
    pub stopword: bool,
    /// Whether a comma stands between this word and the one before it: the edge of a sub-clause, which
    /// bounds how far a negation reaches ("where the law does not cover them, the wage under paragraph 2
    /// shall apply").
    pub comma_before: bool,
}

/// Splits `text` into tokens with segments. Words are maximal runs of letters and digits (so "30-day" is two
/// words and "worker's" is "worker" plus a stop-word "s").
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // About one token per six bytes of agreement text; growing the vector was a tenth of a check.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let mut segment = 0usize;
    let mut sentence = 0usize;
    let mut previous_end = 0usize;
    let turns = &lists().turns;
    for (start, raw) in words(text) {
        let gap = &text[previous_end..start];
        let comma_before = gap.contains(',');
        // A full stop or colon before a digit ("1.5", "21:00", *pukul 21.00*) is no break, nor the full
        // stop of a one-letter abbreviation before a lower-case word ("by 9 p.m. and", "e.g. meals"):
        // a break there would cut a time off the duty it bounds ("back by 21:00, unless …").
        let previous_letter = || {
            tokens.last().is_some_and(|t| {
                let word = &text[t.start..t.end];
                word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic())
            })
        };
        // The break characters are ASCII, so a byte of the gap is one only where the character is.
        let sentence_break = gap.bytes().enumerate().any(|(at, ch)| {
            if !matches!(ch, b'.' | b';' | b':' | b'?' | b'!' | b'\n') {
                return false;
            }
            let after = &text[previous_end + at + 1..];
            let digit = after.bytes().next().is_some_and(|b| b.is_ascii_digit());
            let lower = after
                .trim_start()
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase());
            let number = matches!(ch, b'.' | b':') && digit;
            let abbreviation = ch == b'.' && lower && previous_letter();
            !number && !abbreviation
        });
        previous_end = start + raw.len();
        let folded = fold_str(raw);
        if (sentence_break || turns.iter().any(|t| *t == *folded)) && !tokens.is_empty() {
            segment += 1;
        }
        if sentence_break && !tokens.is_empty() {
            sentence += 1;
        }
        // The stem is a slice of the folded word but for "-ies" → "-y"; it borrows from the text
        // whenever the folded word does.
        let stem = match &folded {
            Cow::Borrowed(borrowed) => stem_str(borrowed),
            Cow::Owned(owned) => Cow::Owned(stem_str(owned).into_owned()),
        };
        let stopword = is_stopword(&stem);
        tokens.push(Token {
            stem: WordForm(stem),
            folded: WordForm(folded),
            start,
            end: previous_end,
            segment,
            sentence,
            stopword,
            comma_before,
        });
    }
    tokens
}

/// Folds every word of a list entry, keeping `*` and `..` as they are. A word is split where the
/// tokenizer splits agreement text ("undang-undang" is two words there), so that hyphenated entries match.
pub fn fold_phrase(raw: &str) -> String {
    // Most entries are already folded (lower-case ASCII words, one space apart): the catalogue's
    // thousands of norm-rule words are loaded on every check, so they skip the tokenizer.
    if raw
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'*' || b == b' ')
        && !raw.starts_with(' ')
        && !raw.ends_with(' ')
        && !raw.contains("  ")
        && !raw.trim_end_matches('*').contains('*')
    {
        return raw.to_string();
    }
    // So are most of the rest, but for a gap (`..`) or a prefix before the last word: each such word is
    // its own folded form, and the tokenizer cost a tenth of compiling the lexicon.
    let plain = |part: &str| {
        let body = part.strip_suffix('*').unwrap_or(part);
        part == ".."
            || (!body.is_empty()
                && body
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
    };
    if raw.split_whitespace().all(plain) {
        return raw.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    fold_words(raw)
}

/// [`fold_phrase`] word by word, through the tokenizer.
fn fold_words(raw: &str) -> String {
    raw.split_whitespace()
        .map(|part| {
            if part == ".." {
                return part.to_string();
            }
            let (body, star) = match part.strip_suffix('*') {
                Some(prefix) => (prefix, "*"),
                None => (part, ""),
            };
            let pieces: Vec<String> = words(body).map(|(_, w)| fold(w)).collect();
            format!("{}{star}", pieces.join(" "))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that negate what follows them in the same segment ("no fee shall be charged", "tanpa biaya").
pub fn is_negator(folded: &str) -> bool {
    lists().negators.contains(folded)
}

/// The narrower negators that deny the verb beside them ("not", *tidak*, "without"), as the redline reads
/// a changed word.
pub fn is_strict_negator(folded: &str) -> bool {
    lists().strict.contains(folded)
}

/// Whether `folded` says that what follows is an interval at which something repeats ("every",
/// "intervals", *setiap*).
pub fn is_interval_word(folded: &str) -> bool {
    lists().intervals.contains(folded)
}

/// Whether `folded` may stand between a negator and the verb it denies ("is not yet paid", *tidak akan
/// diproses*).
pub fn is_negator_bridge(folded: &str) -> bool {
    lists().bridges.contains(folded)
}

/// The token ranges of the sentences of `tokens`, in order (see [`Token::sentence`]).
pub fn sentences<'a>(tokens: &'a [Token<'_>]) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let mut start = 0;
    std::iter::from_fn(move || {
        let sentence = tokens.get(start)?.sentence;
        let end = tokens[start..]
            .iter()
            .position(|t| t.sentence != sentence)
            .map_or(tokens.len(), |n| start + n);
        let range = start..end;
        start = end;
        Some(range)
    })
}

/// Whether a modal ("shall", "may", *wajib*, *dapat*) starts at word `i` of the folded `words`.
pub fn modal_at(words: &[&str], i: usize) -> bool {
    !lists().modal_at(words, i).is_empty()
}

/// Whether a binding modal states an intention rather than a duty ("will", *akan*): `[modals] intentions`.
pub fn is_intention(modal: &str) -> bool {
    lists().intentions.contains(fold(modal).as_str())
}

/// Whether modal words give a right or a freedom ("entitled to", "may", *berhak*, *dapat*): a hedge on
/// them ("where the workload permits") leaves the right to someone else's means or needs.
pub fn grants(modal: &str) -> bool {
    let tokens = tokenize(modal);
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    (0..words.len()).any(|i| {
        lists().modal_at(&words, i).iter().any(|(kind, _)| {
            matches!(
                kind,
                crate::lists::ModalKind::Right | crate::lists::ModalKind::Permissive
            )
        })
    })
}

/// Whether a word compares ("less", "lower", *melebihi*): denied, it sets a floor or a ceiling.
pub fn is_comparative(folded: &str) -> bool {
    lists().comparatives.contains(folded)
}

/// Whether a word opens a relative clause: "who", "which", "that", *yang*.
pub fn opens_relative(folded: &str) -> bool {
    matches!(folded, "which" | "that") || lists().relatives.contains(folded)
}

/// Whether a saving formula that holds a negator ("without prejudice", *tidak mengurangi*) starts at `i`.
pub fn formula_at(words: &[&str], i: usize) -> Option<usize> {
    lists().formulas.match_at(words, i)
}

/// Whether the word at `i` opens a condition ("where", "if", *apabila*, *dalam hal*): a negation inside a
/// condition does not reach the main clause. *Dalam hal apa pun* ("in any case") opens none.
pub fn opens_condition(tokens: &[Token], i: usize) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .skip(i)
        .take(4)
        .map(|t| t.folded.as_str())
        .collect();
    if words.first() == Some(&"hal") {
        return i > 0
            && tokens[i - 1].folded == "dalam"
            && tokens.get(i + 1).is_none_or(|n| n.folded != "apa");
    }
    if words.len() >= 3 && words[0] == "dalam" && words[1] == "hal" && words[2] == "apa" {
        return false;
    }
    matches!(words.first(), Some(&"unless"))
        || lists().conditions.match_at(&words, 0).is_some()
            && !matches!(
                words.first(),
                Some(&"upon") | Some(&"once") | Some(&"subject")
            )
}

/// Whether a clause leads into a list of conditions: it ends in a condition opener and a colon ("may
/// apply for a change of workplace where:", *dapat pindah apabila:*).
pub fn leads_into_conditions(text: &str) -> bool {
    let Some(body) = text.trim_end().strip_suffix(':') else {
        return false;
    };
    leads_into_conditions_tokens(text, &tokenize(body))
}

/// [`leads_into_conditions`] over tokens the caller already has (from [`tokenize`] of `text`): the colon
/// and the space around it hold no word, so the text's tokens are its body's.
pub fn leads_into_conditions_tokens(text: &str, tokens: &[Token]) -> bool {
    if text.trim_end().strip_suffix(':').is_none() {
        return false;
    }
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    (words.len().saturating_sub(3)..words.len()).any(|i| {
        lists().conditions.match_at(&words, i) == Some(words.len())
            || lists().exceptions.match_at(&words, i) == Some(words.len())
    })
}

/// Whether a clause leads into a list of exceptions: it ends with an exception's opener, alone or before a
/// condition's ("… with a release letter from the employer, except where:", *kecuali dalam hal:*). Each
/// point then names a case the lead-in's conditions do not reach.
pub fn leads_into_exceptions_tokens(text: &str, tokens: &[Token]) -> bool {
    if text.trim_end().strip_suffix(':').is_none() {
        return false;
    }
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    (words.len().saturating_sub(4)..words.len()).any(|i| {
        lists().exceptions.match_at(&words, i).is_some_and(|e| {
            e == words.len() || lists().conditions.match_at(&words, e) == Some(words.len())
        })
    })
}

/// What a qualification of a protection speaks of, for telling a harmless one from one that may take the
/// protection back (`[qualifiers]` of the lexicon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// Money: a cost, fee, deposit, ticket, *biaya*.
    Money,
    /// Chosen by someone: "appointed by", *ditunjuk oleh*.
    Appointed,
    /// Something counted as wage: "counted towards the minimum wage".
    Offset,
    /// A consent word that names a document: "work permit", *izin tinggal*.
    ConsentNoun,
    /// What must happen first: "unless", "until".
    Precondition,
    /// An opener that adds: "apart from", *selain*.
    Addition,
    /// Terms the contract may set aside: "unless otherwise agreed", *sepanjang tidak diatur lain*.
    Override,
    /// What a purpose calls protection: "for her own safety", *demi keselamatan*.
    Protective,
    /// A condition of time or need that puts a protection off: "after the inquiry", "where work requires".
    Deferral,
    /// A document of someone's consent: "a release letter", *surat izin*.
    ConsentDocument,
    /// A restriction or penalty: "curfew", *sanksi*.
    Burden,
    /// A setting aside of the provision before: "notwithstanding paragraph 1", *menyimpang dari*.
    Derogation,
    /// A cost the law asks of everyone: a tax, a social-security contribution, *iuran*.
    LawfulCost,
    /// A harmless qualification: the law or a court, what is more favourable, equal terms, the worker's
    /// own wish.
    Benign,
    /// An open question a decision settles: "whether", *apakah*.
    Whether,
    /// What the worker is owed: rest, leave, pay, *cuti*.
    Entitlement,
    /// A floor: "the minimum wage", *upah minimum*.
    Floor,
    /// How far an act may go: "to the extent", *sejauh*.
    Extent,
    /// Proof the worker must bring first: "documentary evidence", *bukti*.
    Proof,
    /// Service the worker must complete first: "who has completed", *masa kerja*.
    Service,
    /// A consent presumed: "is deemed to have accepted", *dianggap menyetujui*.
    Deeming,
    /// An objection the worker must raise: "unless the worker objects", *mengajukan keberatan*.
    Objection,
    /// A measure taken on average: "averaged over the trip", *rata-rata*.
    Average,
    /// Words that take something out of a defined term: "is not a recruitment cost", *tidak termasuk*.
    CarveOut,
    /// A signature given for something else: "by signing the contract", *dengan menandatangani*.
    Signature,
    /// A worker's papers: passport, identity card, permits, *paspor*, *dokumen*.
    Papers,
    /// The worker staying: completing the term, not leaving early, keeping a valid permit: "only where the
    /// worker completes the full term", *sepanjang Pekerja tidak mengakhiri perjanjian kerja sebelum
    /// waktunya*.
    Stay,
    /// A ban that reaches only the unreasonable or arbitrary act: "shall not unreasonably withhold",
    /// "without good cause", "longer than reasonably necessary", *tanpa alasan yang sah*.
    Reasonableness,
    /// Verbs that say what applies to whom: "apply", "governed", *berlaku*, *diatur*.
    Application,
    /// A law of a Party, which the text leaves a protection to: "the laws of Kuwait", *peraturan
    /// perundang-undangan*.
    NationalLaw,
    /// Words that make something hold only so far, or in place of something else: "only", "in lieu of",
    /// *hanya*, *sebagai pengganti*.
    SoFarOnly,
    /// Words that name a provision of the text: "paragraph 1", "this prohibition", *ayat (1)*,
    /// *larangan*, *ketentuan*.
    Provision,
    /// Words that say something costs the worker nothing: "free of charge", "at no cost to the Worker",
    /// *tanpa dipungut biaya*. The sum they name ("charge", *biaya*) is no cost.
    Free,
    /// Words that take something into a term or a list: "including domestic workers", *termasuk pekerja
    /// rumah tangga*; the opposite of `CarveOut`.
    Inclusion,
    /// Words that size a workplace in workers: "fifty (50) or more employees", *mempekerjakan paling
    /// sedikit 10 orang pekerja*.
    Headcount,
    /// Words that keep a protection for the country's own citizens: "reserved to citizens", "open only
    /// to nationals", *hanya bagi warga negara*.
    NationalsOnly,
    /// An emergency that lets rest or leave be suspended for the moment: "for the immediate safety of the
    /// vessel", "persons in distress", *keadaan darurat*.
    Emergency,
}

impl Qualifier {
    /// Every qualifier, in the order `Lists` keeps their word sets.
    pub(crate) const ALL: [Qualifier; 37] = [
        Qualifier::Money,
        Qualifier::Appointed,
        Qualifier::Offset,
        Qualifier::ConsentNoun,
        Qualifier::Precondition,
        Qualifier::Addition,
        Qualifier::Override,
        Qualifier::Protective,
        Qualifier::Deferral,
        Qualifier::ConsentDocument,
        Qualifier::Burden,
        Qualifier::Derogation,
        Qualifier::LawfulCost,
        Qualifier::Benign,
        Qualifier::Whether,
        Qualifier::Entitlement,
        Qualifier::Floor,
        Qualifier::Extent,
        Qualifier::Proof,
        Qualifier::Service,
        Qualifier::Deeming,
        Qualifier::Objection,
        Qualifier::Average,
        Qualifier::CarveOut,
        Qualifier::Signature,
        Qualifier::Papers,
        Qualifier::Stay,
        Qualifier::Reasonableness,
        Qualifier::Application,
        Qualifier::NationalLaw,
        Qualifier::SoFarOnly,
        Qualifier::Provision,
        Qualifier::Free,
        Qualifier::Inclusion,
        Qualifier::Headcount,
        Qualifier::NationalsOnly,
        Qualifier::Emergency,
    ];

    /// Its list's key in the lexicon's `[qualifiers]`.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Qualifier::Money => "money",
            Qualifier::Appointed => "appointed",
            Qualifier::Offset => "offsets",
            Qualifier::ConsentNoun => "consent_nouns",
            Qualifier::Precondition => "preconditions",
            Qualifier::Addition => "additions",
            Qualifier::Override => "overrides",
            Qualifier::Protective => "protective",
            Qualifier::Deferral => "deferrals",
            Qualifier::ConsentDocument => "consent_documents",
            Qualifier::Burden => "burdens",
            Qualifier::Derogation => "derogations",
            Qualifier::LawfulCost => "lawful_costs",
            Qualifier::Benign => "benign",
            Qualifier::Whether => "whether",
            Qualifier::Entitlement => "entitlements",
            Qualifier::Floor => "floors",
            Qualifier::Extent => "extents",
            Qualifier::Proof => "proofs",
            Qualifier::Service => "service",
            Qualifier::Deeming => "deemings",
            Qualifier::Objection => "objections",
            Qualifier::Average => "averages",
            Qualifier::CarveOut => "carve_outs",
            Qualifier::Signature => "signatures",
            Qualifier::Papers => "papers",
            Qualifier::Stay => "stays",
            Qualifier::Reasonableness => "reasonableness",
            Qualifier::Application => "application",
            Qualifier::NationalLaw => "national_law",
            Qualifier::SoFarOnly => "so_far_only",
            Qualifier::Provision => "provisions",
            Qualifier::Free => "free",
            Qualifier::Inclusion => "inclusions",
            Qualifier::Headcount => "headcounts",
            Qualifier::NationalsOnly => "nationals_only",
            Qualifier::Emergency => "emergencies",
        }
    }
}

/// Whether `text` speaks of `qualifier`.
pub fn speaks_of(qualifier: Qualifier, text: &str) -> bool {
    let tokens = tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    found(qualifier, &words, false)
}

/// Whether the folded, space-separated words `terms` (a norm's [`crate::Norm::words`]) speak of
/// `qualifier`: [`speaks_of`] without tokenising again.
pub fn terms_speak_of(qualifier: Qualifier, terms: &str) -> bool {
    found(qualifier, &terms.split(' ').collect::<Vec<_>>(), false)
}

/// Whether `words` (a norm's [`crate::Norm::words`], split once by the caller who asks many questions)
/// speak of `qualifier`.
pub fn words_speak_of(qualifier: Qualifier, words: &[&str]) -> bool {
    found(qualifier, words, false)
}

/// Whether `words` open with a phrase of `qualifier`.
pub fn words_open_with(qualifier: Qualifier, words: &[&str]) -> bool {
    found(qualifier, words, true)
}

/// Whether the folded, space-separated words `terms` open with a phrase of `qualifier`.
pub fn terms_open_with(qualifier: Qualifier, terms: &str) -> bool {
    found(qualifier, &terms.split(' ').collect::<Vec<_>>(), true)
}

/// Whether a phrase of `qualifier` stands in `words` (at its start only, when `opening`).
fn found(qualifier: Qualifier, words: &[&str], opening: bool) -> bool {
    let set = qualifier_set(qualifier);
    let starts = if opening {
        0..words.len().min(1)
    } else {
        0..words.len()
    };
    starts.into_iter().any(|i| set.match_at(words, i).is_some())
}

/// Whether a folded word denies the condition it opens ("without", *tanpa*, "regardless"): `[clauses]
/// condition_denials`.
pub fn denies_condition(folded: &str) -> bool {
    lists().condition_denials.contains(folded)
}

/// Whose consent a document in `text` is ("a release letter from the present employer", *surat izin dari
/// suami*): the first actor within six words after a `[qualifiers] consent_documents` phrase that no
/// "without", *tanpa* (`condition_denials`) or "not need", "nor" (`consent_dispensers`) denies, linked to it by an agent or `[links] issuers` word.
pub fn consent_of(text: &str) -> Option<crate::Role> {
    let set = qualifier_set(Qualifier::ConsentDocument);
    let tokens = tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    (0..words.len()).find_map(|i| {
        let end = set.match_at(&words, i)?;
        let denied = (i.saturating_sub(3)..i).any(|k| {
            lists().condition_denials.match_at(&words, k).is_some()
                || lists().consent_dispensers.match_at(&words, k).is_some()
        });
        if denied {
            return None;
        }
        // The actor must be linked to the document ("from", "signed by", *dari*), not merely follow it
        // ("izin tinggal …, dan Pemberi Kerja …"), or stand right after it, as an Indonesian owner does
        // (*izin Pengusaha*, *izin tertulis Pengusaha*).
        let k =
            (end..words.len().min(end + 6)).find(|&k| crate::Role::of_word(words[k]).is_some())?;
        // Only where the permission is asked for or obtained: *mencabut izin P3MI* revokes a licence.
        let asked = i > 0
            && matches!(
                words[i - 1],
                "memperoleh" | "mendapat" | "mendapatkan" | "meminta" | "dengan" | "atas" | "tanpa"
            );
        let owner = asked
            && (k == end
                || (k == end + 1 && matches!(words[end], "tertulis" | "resmi" | "terlebih")));
        let linked = owner
            || (end..k)
                .any(|j| lists().agent.contains(words[j]) || lists().issuers.contains(words[j]));
        linked.then(|| crate::Role::of_word(words[k])).flatten()
    })
}

/// Whether `text` begins with a phrase of `qualifier` ("unless the contract …").
pub fn opens_with(qualifier: Qualifier, text: &str) -> bool {
    let tokens = tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    found(qualifier, &words, true)
}

fn qualifier_set(qualifier: Qualifier) -> &'static crate::lists::WordSet {
    &lists().qualifiers[qualifier as usize]
}

/// Groups of words a text uses for one party interchangeably (*Pemberi Kerja*, *Pengguna*, *Majikan*):
/// `[grammar] interchangeable`, folded.
pub fn interchangeable() -> &'static [Vec<String>] {
    &lists().interchangeable
}

/// The words by which a clause refers back to another ("paragraph", *ayat*, "preceding").
pub fn references() -> &'static [String] {
    &lists().references
}

/// The paragraphs a clause points at ("paragraph 1", *ayat (1)*: a `[grammar] pointers` word before a
/// number), and whether it points at the one before it ("the preceding paragraph": `[grammar]
/// back_pointers`).
pub fn pointed_paragraphs<'t>(tokens: &'t [Token<'_>]) -> (Vec<&'t str>, bool) {
    let lists = lists();
    let mut numbers = Vec::new();
    let mut preceding = false;
    for (i, t) in tokens.iter().enumerate() {
        let word = t.folded.as_str();
        preceding |= lists.back_pointers.contains(word);
        if let Some(next) = tokens.get(i + 1)
            && points_at_paragraph(word, &next.folded)
        {
            numbers.push(next.folded.as_str());
        }
    }
    (numbers, preceding)
}

/// Whether a word of `tokens` is an action of one of `classes` (`amend`, `keep` …): whether a clause can
/// hold a norm a rule of those classes looks for.
pub fn names_action<S: AsRef<str>>(tokens: &[Token], classes: &[S]) -> bool {
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    crate::ActionSet::of_words(&words).meets(crate::ActionSet::named(classes))
}

/// [`names_action`] for the folded `words` in `within` only ("Articles 3 to 6 do not apply": the words
/// right after a reference).
pub fn names_action_within<S: AsRef<str>>(
    words: &[&str],
    within: std::ops::Range<usize>,
    classes: &[S],
) -> bool {
    let lists = lists();
    within
        .filter(|&i| i < words.len())
        .any(|i| lists.action_of_class_at(words, i, classes))
}

/// Whether the folded `word` and the `next` one point at a numbered paragraph ("paragraph 2", *ayat
/// (1)*).
#[inline]
pub fn points_at_paragraph(word: &str, next: &str) -> bool {
    next.starts_with(|c: char| c.is_ascii_digit()) && lists().pointers.contains(word)
}

/// Whether the folded `words` hold a sum the text named before and they do not name: "its cost", "such
/// expenses", "the amount thereof", *biaya tersebut*, *biayanya* (the lexicon's `[grammar]
/// sums_named_before`, `points_back_before`, `points_back_after`). Which cost it is, only the clause
/// that named it says.
pub fn points_back_to_sum(words: &[&str]) -> bool {
    sum_named(words) == Some(true)
}

/// [`points_back_to_sum`], and whether, where they do not point back, `words` open with a sum ("Amounts
/// paid in advance under paragraph 2" may name the paragraph that named it): `Some(true)` points back,
/// `Some(false)` opens with a sum, `None` neither. One pass over the words answers both.
pub fn sum_named(words: &[&str]) -> Option<bool> {
    let lists = lists();
    let mut opens = false;
    for (i, &word) in words.iter().enumerate() {
        if !lists.sums_named_before.contains(word) {
            if word
                .strip_suffix("nya")
                .is_some_and(|stem| lists.sums_named_before.contains(stem))
            {
                return Some(true);
            }
            continue;
        }
        if (i > 0 && lists.points_back_before.contains(words[i - 1]))
            || words
                .get(i + 1)
                .is_some_and(|w| lists.points_back_after.contains(w))
        {
            return Some(true);
        }
        opens |= i == 0;
    }
    opens.then_some(false)
}

/// The words of `object` (folded) that name a sum another clause points back to: up to where its phrase
/// ends (`[grammar] sum_phrase_ends`), so that "a medical examination at a hospital designated by both
/// Parties" lends the examination and not the designation.
pub fn sum_phrase(object: &str) -> &str {
    let lists = lists();
    // Each space starts a word; the phrase ends before the first word that ends it (never the first).
    object
        .match_indices(' ')
        .map(|(at, _)| at)
        .find(|&at| {
            let word = object[at + 1..].split(' ').next().unwrap_or_default();
            lists.sum_phrase_ends.contains(word)
        })
        .map_or(object, |at| &object[..at])
}

/// The end of the cost phrase ("free of charge", "paid", *tanpa biaya*) that starts at word `i` of the
/// folded `words`, the longest there: the lexicon's `[grammar] costs`.
pub fn cost_term_at(words: &[&str], i: usize) -> Option<usize> {
    lists().costs.match_at(words, i)
}

/// The pairs of words whose swap reverses a clause ("before" and "after", *atau* and *dan*), folded: the
/// lexicon's `[grammar] opposites`.
pub fn opposites() -> &'static [[String; 2]] {
    &lists().opposites
}

/// The end of the narrowing word ("unreasonable", "excessive", *tidak wajar*) that starts at word `i` of
/// the folded `words`: the lexicon's `[grammar] narrowing`.
pub fn narrowing_at(words: &[&str], i: usize) -> Option<usize> {
    lists().narrowing.match_at(words, i)
}

/// A token as the norm reader reads it: folded, and Indonesian "-nya" ("menundanya", "setibanya") without
/// its particle, as the stem has it.
pub fn read_word<'t>(token: &'t Token) -> &'t str {
    if token.folded.ends_with("nya") && token.stem.len() + 3 == token.folded.len() {
        token.stem.as_str()
    } else {
        token.folded.as_str()
    }
}

/// Compiles the word lists now rather than at the first word read. A caller with a second thread of work
/// (the command line parses the agreement while the catalogue loads) does it there, off the path that
/// waits; a caller that never does it loses nothing, as the first question compiles them.
pub fn prepare() {
    lists();
}

/// Whether a folded word starts like one of [`references`].
pub fn refers_back(folded: &str) -> bool {
    // Asked of every word of many clauses: most words start with a letter no reference starts with.
    static FIRST: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut first = [false; 256];
        for r in &lists().references {
            if let Some(&b) = r.as_bytes().first() {
                first[usize::from(b)] = true;
            }
        }
        first
    });
    folded
        .as_bytes()
        .first()
        .is_some_and(|&b| first[usize::from(b)])
        && lists()
            .references
            .iter()
            .any(|r| folded.starts_with(r.as_str()))
}

/// The first nullity of `words` ("… is void", *batal demi hukum*: the lexicon's `[negation] nullity`), as
/// the range of its words: what stands before it has no force.
pub fn nullity_in(words: &[&str]) -> Option<std::ops::Range<usize>> {
    let lists = lists();
    // Most sentences hold none: a nullity's last words are looked for before its phrases.
    (0..words.len())
        .filter(|&i| lists.nullity_tails.iter().any(|t| t == words[i]))
        .find_map(|i| {
            (i.saturating_sub(5)..=i)
                .find(|&j| lists.nullity.match_at(words, j) == Some(i + 1))
                .map(|j| j..i + 1)
        })
}

/// How many negators `tokens` hold. "Without prejudice to" and *tidak mengurangi* are saving formulas, not
/// negations, and are not counted.
pub fn negators(tokens: &[Token]) -> usize {
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    let mut count = 0;
    let mut i = 0;
    while i < words.len() {
        if let Some(end) = formula_at(&words, i) {
            i = end;
            continue;
        }
        if is_negator(words[i]) {
            count += 1;
        }
        i += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_already_folded_folds_to_itself() {
        // The shortcut in `fold_phrase` must give what the tokenizer gives, for every string of the
        // lexicon and for the shapes the shortcut turns away.
        let data = include_str!("../data/lexicon.toml");
        let mut entries: Vec<&str> = data.split('"').skip(1).step_by(2).collect();
        entries.extend([
            "further test*",
            "labo* attache*",
            "a*b",
            "self-assess*",
            "Upah",
            "pay  day",
            "subject to .. fund*",
            "within  ..  budget* 30day",
            ".. at",
            "dihalang-halangi .. x*",
        ]);
        for entry in entries {
            assert_eq!(fold_phrase(entry), fold_words(entry), "{entry}");
        }
    }

    #[test]
    fn stem_stream_matches_the_tokenizer() {
        let text =
            "The Régime's workers-pekerjanya, parties' 1.5 (ii) PEKERJA; the classes and buses";
        let mut streamed = Vec::new();
        pakta_core::words::for_each_stem(text, |s| streamed.push(s.to_string()));
        let tokenized: Vec<String> = tokenize(text)
            .into_iter()
            .filter(|t| !t.stopword)
            .map(|t| t.stem.into_owned())
            .collect();
        assert_eq!(streamed, tokenized);
    }

    #[test]
    fn segments_break_at_punctuation_and_turns() {
        let t =
            tokenize("No fee shall be charged; the worker pays, except travel. Art 1.5 applies");
        let seg = |w: &str| {
            t.iter()
                .find(|x| x.folded == w)
                .map(|x| (x.segment, x.sentence))
        };
        assert_eq!(seg("fee"), Some((0, 0)));
        assert_eq!(seg("worker"), Some((1, 1)));
        assert_eq!(seg("travel"), Some((2, 1)));
        assert_eq!(seg("applies"), Some((3, 2)));
        assert!(t.iter().any(|x| x.folded == "the" && x.stopword));
    }

    #[test]
    fn saving_formulas_are_not_negations() {
        assert_eq!(
            negators(&tokenize(
                "Without prejudice to Article 3, costs are borne by workers"
            )),
            0
        );
        assert_eq!(negators(&tokenize("no fee shall be charged")), 1);
    }
}
