//! The word lists of `data/lexicon.toml`, compiled once per process into sets that answer "does a word
//! or phrase of this list start at token *i*?".

use std::collections::BTreeMap;

use foldhash::fast::FixedState;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::roles::Role;

/// The lexicon file, built into the binary so that pakta needs no data directory at run time.
const LEXICON: &str = include_str!("../data/lexicon.toml");

/// [`LEXICON`] as `build.rs` parsed it (`pakta_prebuilt`), or nothing when it did not parse.
const LEXICON_ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// How many words `..` lets stand between two words of a phrase.
const GAP: usize = 6;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    modals: Modals,
    negation: Negation,
    hedges: Hedges,
    clauses: Clauses,
    roles: BTreeMap<String, Vec<String>>,
    actions: BTreeMap<String, Vec<String>>,
    grammar: Grammar,
    links: Links,
    /// Keyed by `Qualifier::key`.
    qualifiers: BTreeMap<String, Vec<String>>,
    texts: Texts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Texts {
    languages: Vec<Vec<String>>,
    documents: Vec<String>,
    divergence: Vec<String>,
    prevail: Vec<String>,
    authentic: Vec<String>,
    translations: Vec<String>,
    others: Vec<String>,
}

/// `[texts]`, compiled: what the closing formula says about language versions.
#[derive(Debug)]
pub(crate) struct TextLists {
    /// Each language's printed name with the set of words that name it.
    pub languages: Vec<(String, WordSet)>,
    pub documents: WordSet,
    pub divergence: WordSet,
    pub prevail: WordSet,
    /// Words that make the languages named just before them authentic, or mere translations.
    pub authentic: WordSet,
    pub translations: WordSet,
    /// "the other texts", *naskah lainnya*: the languages not named as authentic.
    pub others: WordSet,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Grammar {
    light_verbs: Vec<String>,
    framing: Vec<String>,
    framing_links: Vec<String>,
    interchangeable: Vec<Vec<String>>,
    causatives: Vec<String>,
    preventives: Vec<String>,
    places_and_times: Vec<String>,
    time_openers: Vec<String>,
    grounds: Vec<String>,
    not_verbs: Vec<String>,
    references: Vec<String>,
    pointers: Vec<String>,
    back_pointers: Vec<String>,
    sums_named_before: Vec<String>,
    points_back_before: Vec<String>,
    points_back_after: Vec<String>,
    sum_phrase_ends: Vec<String>,
    recruited: Vec<String>,
    employing: Vec<String>,
    intervals: Vec<String>,
    adverbs: Vec<String>,
    eligibility: Vec<String>,
    comparatives: Vec<String>,
    state_verbs: Vec<String>,
    members: Vec<String>,
    prospective: Vec<String>,
    determiners: Vec<String>,
    permit_kinds: Vec<String>,
    number_floors: Vec<String>,
    number_caps: Vec<String>,
    costs: Vec<String>,
    narrowing: Vec<String>,
    opposites: Vec<[String; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Modals {
    binding: Vec<String>,
    permissive: Vec<String>,
    recommendation: Vec<String>,
    right: Vec<String>,
    prohibitive: Vec<String>,
    negative_subject: Vec<String>,
    intentions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Negation {
    negators: Vec<String>,
    strict: Vec<String>,
    bridges: Vec<String>,
    formulas: Vec<String>,
    nullity: Vec<String>,
    no_grounds: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Hedges {
    words: Vec<String>,
    phrases: Vec<String>,
    not: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Clauses {
    turns: Vec<String>,
    conditions: Vec<String>,
    exceptions: Vec<String>,
    discretion: Vec<String>,
    judgement: Vec<String>,
    own_judges: Vec<String>,
    mutual: Vec<String>,
    preferences: Vec<String>,
    condition_denials: Vec<String>,
    consent_dispensers: Vec<String>,
    purposes: Vec<String>,
    purpose_clauses: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Links {
    agent: Vec<String>,
    recipient: Vec<String>,
    holder: Vec<String>,
    means: Vec<String>,
    custody_nouns: Vec<String>,
    owner_nouns: Vec<String>,
    relatives: Vec<String>,
    only: Vec<String>,
    requests: Vec<String>,
    needs: Vec<String>,
    chooses: Vec<String>,
    issuers: Vec<String>,
}

/// One word of a list entry: exact, or a prefix (`retain*`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Word {
    Exact(String),
    Prefix(String),
}

impl Word {
    fn parse(raw: &str) -> Word {
        match raw.strip_suffix('*') {
            Some(prefix) => Word::Prefix(prefix.to_string()),
            None => Word::Exact(raw.to_string()),
        }
    }

    fn matches(&self, folded: &str) -> bool {
        match self {
            Word::Exact(w) => w == folded,
            Word::Prefix(p) => folded.starts_with(p.as_str()),
        }
    }
}

/// A list entry: words, each of which may be preceded by a gap (`..`).
#[derive(Debug, Clone)]
struct Entry {
    words: Vec<(bool, Word)>,
}

impl Entry {
    fn parse(raw: &str) -> Entry {
        let mut words = Vec::new();
        let mut gap = false;
        for part in raw.split_whitespace() {
            if part == ".." {
                gap = true;
                continue;
            }
            words.push((gap, Word::parse(part)));
            gap = false;
        }
        Entry { words }
    }

    /// The end (exclusive) of a match starting at `start`, if the entry matches there.
    fn match_at(&self, words: &[&str], start: usize) -> Option<usize> {
        let (_, first) = self.words.first()?;
        if !words.get(start).is_some_and(|w| first.matches(w)) {
            return None;
        }
        let mut at = start + 1;
        for (gap, word) in &self.words[1..] {
            let reach = if *gap { GAP + 1 } else { 1 };
            let offset = words
                .get(at..)?
                .iter()
                .take(reach)
                .position(|w| word.matches(w))?;
            at += offset + 1;
        }
        Some(at)
    }
}

/// How many leading characters index a prefix entry: every word is looked up by its own first ones.
const HEAD: usize = 3;

/// The first `HEAD` characters of a word, or `None` when it is shorter.
fn head(word: &str) -> Option<&str> {
    // Nearly every word starts with ASCII letters, whose first `HEAD` bytes are its first `HEAD`
    // characters; counting characters was a third of a list lookup.
    if let Some(ascii) = word.get(..HEAD).filter(|h| h.is_ascii()) {
        return Some(ascii);
    }
    word.char_indices()
        .nth(HEAD)
        .map(|(at, _)| &word[..at])
        .or_else(|| (word.chars().count() == HEAD).then_some(word))
}

/// Entries found by their first word: exact first words through one map, prefix first words through
/// another keyed by their first characters (the few shorter prefixes are scanned). Every lookup is two map
/// reads, however long the list: the norm reader asks for every word of every clause.
#[derive(Debug)]
struct Index<T> {
    exact: HashMap<String, Vec<(T, Entry)>>,
    heads: HashMap<String, Vec<(T, Entry)>>,
    short: Vec<(T, Entry)>,
    /// The first two bytes the entries start with: a word that starts otherwise is in no entry, without
    /// hashing it. Most words of a clause start no entry of a given list; the first byte alone let a
    /// third of them through to the maps.
    starts: Starts,
}

/// A map with a fast, fixed (so deterministic) hasher: the keys are the lexicon's own words.
type HashMap<K, V> = std::collections::HashMap<K, V, FixedState>;

impl<T> Default for Index<T> {
    fn default() -> Self {
        Index {
            exact: HashMap::default(),
            heads: HashMap::default(),
            short: Vec::new(),
            starts: Starts::new(),
        }
    }
}

impl<T> Index<T> {
    fn add(&mut self, tag: T, entry: Entry) {
        match entry.words.first() {
            Some((_, Word::Exact(w))) => {
                self.starts.add(w, true);
                self.exact.entry(w.clone()).or_default().push((tag, entry));
            }
            Some((_, Word::Prefix(p))) => {
                self.starts.add(p, false);
                match head(p) {
                    Some(h) => self
                        .heads
                        .entry(h.to_string())
                        .or_default()
                        .push((tag, entry)),
                    None => self.short.push((tag, entry)),
                }
            }
            None => {}
        }
    }

    /// Every entry that matches at `start`, with its end.
    fn matches<'s>(
        &'s self,
        words: &'s [&str],
        start: usize,
    ) -> impl Iterator<Item = (&'s T, usize)> + 's {
        let word = words.get(start).copied().unwrap_or_default();
        let admitted = self.starts.admits(word);
        // Many lists have no prefix entries, or only prefix entries: an empty map is not hashed into.
        let exact = (admitted && !self.exact.is_empty())
            .then(|| self.exact.get(word))
            .flatten()
            .into_iter()
            .flatten();
        let headed = (admitted && !self.heads.is_empty())
            .then(|| head(word).and_then(|h| self.heads.get(h)))
            .flatten()
            .into_iter()
            .flatten();
        exact
            .chain(headed)
            .chain(self.short.iter().filter(move |_| admitted))
            .filter_map(move |(tag, e)| e.match_at(words, start).map(|end| (tag, end)))
    }
}

/// A compiled word list.
#[derive(Debug)]
pub(crate) struct WordSet {
    index: Index<()>,
    /// Every entry is one exact word ("by", *oleh*): a lookup is one map read.
    single_words: bool,
}

/// A filter of word starts, in two steps. First a set of two-byte starts, one bit each: the first byte and
/// the low six bits of the second (0 for a one-byte word); bytes that share their low six bits share a
/// bit. Most words of a clause start no entry of a given list and stop there. Then, for the larger lists
/// that let half a clause through that far, a word's first three bytes (fewer for a shorter word) and its
/// length up to three, hashed to one bit of a small table. Prefixes shorter than three bytes skip the
/// second step. `false` is certain; `true` only lets a word through to the exact test.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Starts {
    /// None until the first entry: a catalogue has a thousand word lists, most of them empty.
    tables: Option<Box<StartTables>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct StartTables {
    two: [u64; 256],
    keys: [u64; KEY_WORDS],
    /// The two-byte starts of prefixes shorter than three bytes, which pass without a key.
    loose: Option<Box<[u64; 256]>>,
}

/// The size of the key table, in 64-bit words: 8,192 bits, of which a list of a thousand entries sets
/// about one in eight.
const KEY_WORDS: usize = 128;

/// The bit of the key table that a word, or a prefix of at least three bytes, sets.
#[inline]
fn start_key(word: &[u8]) -> usize {
    let n = word.len().min(3);
    let mut packed = (n as u32) << 24;
    for (shift, &b) in word[..n].iter().enumerate() {
        packed |= u32::from(b) << (8 * shift);
    }
    // Fibonacci hashing: the top bits of the product mix every byte.
    (packed.wrapping_mul(0x9E37_79B9) >> (32 - 13)) as usize
}

impl StartTables {
    fn set_key(&mut self, bytes: &[u8]) {
        let key = start_key(bytes);
        self.keys[key / 64] |= 1 << (key % 64);
    }
}

impl Starts {
    pub fn new() -> Starts {
        Starts::default()
    }

    /// Lets through every word that starts with `prefix`, or is `prefix` when `exact`.
    pub fn add(&mut self, prefix: &str, exact: bool) {
        let tables = self.tables.get_or_insert_with(|| {
            Box::new(StartTables {
                two: [0; 256],
                keys: [0; KEY_WORDS],
                loose: None,
            })
        });
        let bytes = prefix.as_bytes();
        match *bytes {
            [] => {
                tables.two = [u64::MAX; 256];
                tables.loose = Some(Box::new([u64::MAX; 256]));
                return;
            }
            [first] if !exact => {
                tables.two[usize::from(first)] = u64::MAX;
                tables.loose.get_or_insert_with(|| Box::new([0; 256]))[usize::from(first)] =
                    u64::MAX;
                return;
            }
            [first] => tables.two[usize::from(first)] |= 1,
            [first, second, ..] => tables.two[usize::from(first)] |= 1 << (second & 63),
        }
        if exact {
            tables.set_key(bytes);
        } else if bytes.len() >= 3 {
            tables.set_key(&bytes[..3]);
        } else {
            let loose = tables.loose.get_or_insert_with(|| Box::new([0; 256]));
            loose[usize::from(bytes[0])] |= 1 << (bytes[1] & 63);
        }
    }

    /// Whether `word` may start an entry; `false` is certain, `true` only a maybe.
    #[inline]
    pub fn admits(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let (first, bit) = match *bytes {
            [] => return true,
            [first] => (usize::from(first), 1),
            [first, second, ..] => (usize::from(first), 1 << (second & 63)),
        };
        let Some(tables) = &self.tables else {
            return false;
        };
        if tables.two[first] & bit == 0 {
            return false;
        }
        if tables
            .loose
            .as_ref()
            .is_some_and(|loose| loose[first] & bit != 0)
        {
            return true;
        }
        let key = start_key(bytes);
        tables.keys[key / 64] & (1 << (key % 64)) != 0
    }
}

impl WordSet {
    fn new(entries: &[String]) -> WordSet {
        let mut set = WordSet {
            index: Index::default(),
            single_words: true,
        };
        let mut single_words = true;
        for raw in entries {
            let folded = crate::lexicon::fold_phrase(raw);
            let entry = Entry::parse(&folded);
            single_words &= matches!(entry.words.as_slice(), [(_, Word::Exact(_))]);
            set.index.add((), entry);
        }
        set.single_words = single_words;
        set
    }

    /// The end of the longest entry that starts at `start`.
    pub(crate) fn match_at(&self, words: &[&str], start: usize) -> Option<usize> {
        let word = words.get(start)?;
        if !self.index.starts.admits(word) {
            return None;
        }
        if self.single_words {
            return self.index.exact.contains_key(*word).then_some(start + 1);
        }
        self.index.matches(words, start).map(|(_, end)| end).max()
    }

    /// The one-word entries, prefixes ending in `*`.
    pub(crate) fn single_words(&self) -> Vec<String> {
        let render = |entry: &Entry| match entry.words.as_slice() {
            [(_, Word::Exact(w))] => Some(w.clone()),
            [(_, Word::Prefix(p))] => Some(format!("{p}*")),
            _ => None,
        };
        let mut words: Vec<String> = self
            .index
            .exact
            .values()
            .chain(self.index.heads.values())
            .flatten()
            .chain(&self.index.short)
            .map(|(_, entry)| entry)
            .filter_map(render)
            .collect();
        words.sort();
        words
    }

    /// Whether one word alone is in the list (as a one-word entry).
    pub(crate) fn contains(&self, folded: &str) -> bool {
        self.match_at(&[folded], 0) == Some(1)
    }
}

/// Every list of the lexicon, compiled.
#[derive(Debug)]
pub(crate) struct Lists {
    /// `[grammar] interchangeable`: groups of words for one party, folded.
    pub interchangeable: Vec<Vec<String>>,
    pub binding: WordSet,
    pub intentions: WordSet,
    pub permissive: WordSet,
    pub negative_subject: WordSet,
    pub negators: WordSet,
    pub strict: WordSet,
    /// Words that may stand between a negator and the verb it denies ("does not", *tidak akan*).
    pub bridges: WordSet,
    pub formulas: WordSet,
    pub nullity: WordSet,
    /// "is not a ground for", *bukan merupakan alasan untuk*: what follows is denied.
    pub no_grounds: WordSet,
    /// The last words of `nullity`'s entries ("void", *hukum*): most sentences have none, and comparing
    /// a word with a handful of rare strings is cheaper than a lookup at every word.
    pub nullity_tails: Vec<String>,
    /// The same for `no_grounds` ("ground", *alasan*).
    pub no_ground_tails: Vec<String>,
    pub hedges: WordSet,
    /// Phrases that start with a hedge word and are none (*upaya hukum*, a legal remedy).
    pub not_hedges: WordSet,
    /// One-word turns, checked for every token (a short list, read without hashing).
    pub turns: Vec<String>,
    pub conditions: WordSet,
    pub exceptions: WordSet,
    pub discretion: WordSet,
    /// Words of a judgement ("if it considers it necessary"): see [`crate::Norm::own_judgement`].
    pub judgement: WordSet,
    /// Pronouns for the bearer in a condition of judgement ("if it considers").
    pub own_judges: WordSet,
    pub mutual: WordSet,
    pub preferences: WordSet,
    pub condition_denials: WordSet,
    pub consent_dispensers: WordSet,
    pub purposes: WordSet,
    pub purpose_clauses: WordSet,
    /// `[qualifiers]`, in `Qualifier::ALL` order.
    pub qualifiers: Vec<WordSet>,
    /// Closed word lists of the reader's grammar (`[grammar]`), checked word by word.
    pub light_verbs: Vec<String>,
    /// Verbs that frame the worker's own act ("agree to waive", *menyatakan melepaskan*), and the words
    /// that may stand between the frame and the act.
    pub framing: WordSet,
    pub framing_links: WordSet,
    pub causatives: Vec<String>,
    /// Verbs that keep someone from an act ("prevent … from", *menghalangi*): their object is the one kept.
    pub preventives: Vec<String>,
    pub places_and_times: Vec<String>,
    /// Openers of a time ("after", *setelah*): inside a subject they end before its verb.
    pub time_openers: Vec<String>,
    /// Words that open the ground an "only" limits an act to ("terminate the contract only for a valid
    /// reason", *hanya berdasarkan*).
    pub grounds: WordSet,
    /// A definition whose defining words say this ("a national recruited under this Agreement") defines
    /// a worker.
    pub recruited: Vec<String>,
    /// A definition whose defining words say this ("the company that employs the intern") defines the
    /// employer side.
    pub employing: Vec<String>,
    /// Words before the interval at which something repeats ("every", *setiap*).
    pub intervals: WordSet,
    /// Adverbs and particles between a modal and its verb ("shall promptly pay", *wajib segera membayar*).
    pub adverbs: Vec<String>,
    /// Words of a claim ("eligible", "entitled"), which a negator the modal took turns into an exclusion.
    pub eligibility: WordSet,
    /// Words of a comparison ("lower", *melebihi*), which a negator turns into a floor or a ceiling.
    pub comparatives: WordSet,
    /// Verbs that say what becomes of a thing an actor has ("The worker's permit ends …").
    pub state_verbs: Vec<String>,
    /// Role words for the people of an institution ("embassy staff"): they act for a public body or an
    /// agency named with them.
    pub members: Vec<String>,
    /// Words that make the role after them a prospective one (*calon Pemberi Kerja*): that role is the
    /// actor.
    pub prospective: Vec<String>,
    /// English determiners, after which an action word is a noun's ("a substitute contract").
    pub determiners: Vec<String>,
    /// Words that make a consent word a document ("a work permit", *izin tinggal*).
    pub permit_kinds: Vec<String>,
    /// Phrases that set a floor or a ceiling before a number but are no act of their own, beside the
    /// `floor` and `cap` actions ("paling singkat 30 hari", "not exceeding 8 hours").
    pub number_floors: WordSet,
    pub number_caps: WordSet,
    pub costs: WordSet,
    pub narrowing: WordSet,
    /// `[grammar] opposites`, folded.
    pub opposites: Vec<[String; 2]>,
    pub not_verbs: Vec<String>,
    pub references: Vec<String>,
    pub pointers: WordSet,
    pub back_pointers: WordSet,
    pub sums_named_before: WordSet,
    pub points_back_before: WordSet,
    pub points_back_after: WordSet,
    pub sum_phrase_ends: WordSet,
    pub roles: Vec<(Role, WordSet)>,
    pub actions: Vec<(String, WordSet)>,
    /// Every action class's entries in one index, for reading a word's classes in one lookup.
    action_index: Index<usize>,
    /// Every role's entries in one index, tagged with the role's place in `roles`.
    role_index: Index<usize>,
    /// The modal lists in one index, for the one lookup per word the anchors make.
    modal_index: Index<ModalKind>,
    pub agent: WordSet,
    pub recipient: WordSet,
    pub holder: WordSet,
    /// Words that name the means of an act ("through", *melalui*).
    pub means: WordSet,
    /// Nouns of keeping whose possessive names the holder ("in the Employer's custody").
    pub custody_nouns: WordSet,
    pub owner_nouns: WordSet,
    pub relatives: WordSet,
    pub only: WordSet,
    pub requests: WordSet,
    pub needs: WordSet,
    pub chooses: WordSet,
    pub issuers: WordSet,
    pub texts: TextLists,
}

/// Which modal list an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ModalKind {
    Prohibitive,
    Right,
    Recommendation,
    Binding,
    Permissive,
    Hedge,
}

impl Lists {
    /// Every modal list entry that starts at `i`, with its end.
    pub(crate) fn modal_at(&self, words: &[&str], i: usize) -> Vec<(ModalKind, usize)> {
        if i >= words.len() {
            return Vec::new();
        }
        self.modal_index
            .matches(words, i)
            .map(|(kind, end)| (*kind, end))
            .collect()
    }

    /// The role a word or phrase starting at `i` names: of the roles whose entries match there, the one
    /// listed first.
    pub(crate) fn role_at(&self, words: &[&str], i: usize) -> Option<Role> {
        self.role_phrase_at(words, i).map(|(role, _)| role)
    }

    /// [`Self::role_at`], with where the longest entry of that role starting at `i` ends: "recruitment
    /// company" is one name, not a recruitment and a company.
    pub(crate) fn role_phrase_at(&self, words: &[&str], i: usize) -> Option<(Role, usize)> {
        if i >= words.len() {
            return None;
        }
        // The first-listed role wins, and of its entries the longest: one pass over the matches.
        let (place, end) = self
            .role_index
            .matches(words, i)
            .map(|(p, end)| (*p, end))
            .min_by_key(|&(p, end)| (p, std::cmp::Reverse(end)))?;
        Some((self.roles[place].0, end))
    }

    /// The list of action `class` alone, whose word-start filter turns most words away before any map is
    /// read: for asking many words whether they start a phrase of that class.
    pub(crate) fn action_list(&self, class: &str) -> Option<&WordSet> {
        self.actions
            .iter()
            .find(|(name, _)| name == class)
            .map(|(_, list)| list)
    }

    /// Whether the action read at word `i` ([`Self::action_at`]: the longest phrase there) is of one of
    /// `classes`. Asked at every word of many clauses, it allocates nothing.
    pub(crate) fn action_of_class_at<S: AsRef<str>>(
        &self,
        words: &[&str],
        i: usize,
        classes: &[S],
    ) -> bool {
        if i >= words.len() {
            return false;
        }
        let Some(longest) = self
            .action_index
            .matches(words, i)
            .map(|(_, end)| end)
            .max()
        else {
            return false;
        };
        self.action_index.matches(words, i).any(|(class, end)| {
            end == longest && classes.iter().any(|c| c.as_ref() == self.actions[*class].0)
        })
    }

    /// The action at `i`: the end of the longest action phrase starting there, with every class it
    /// belongs to.
    pub(crate) fn action_at(
        &'static self,
        words: &[&str],
        i: usize,
    ) -> Option<(usize, Vec<&'static str>)> {
        if i >= words.len() {
            return None;
        }
        let mut best: Option<(usize, Vec<usize>)> = None;
        for (class, end) in self.action_index.matches(words, i) {
            match &mut best {
                Some((e, classes)) if *e == end => {
                    if !classes.contains(class) {
                        classes.push(*class);
                    }
                }
                Some((e, _)) if *e > end => {}
                _ => best = Some((end, vec![*class])),
            }
        }
        best.map(|(end, mut classes)| {
            classes.sort_unstable();
            (
                end,
                classes
                    .into_iter()
                    .map(|c| self.actions[c].0.as_str())
                    .collect(),
            )
        })
    }
}

/// A closed word list, folded, for comparing word by word.
fn folded(list: &[String]) -> Vec<String> {
    list.iter().map(|w| crate::lexicon::fold(w)).collect()
}

/// The last words of a phrase list's entries ("void", *alasan*): most sentences hold none, and comparing
/// a word with a handful of rare strings is cheaper than a phrase lookup at every word.
fn tails(entries: &[String]) -> Vec<String> {
    let mut tails: Vec<String> = entries
        .iter()
        .filter_map(|e| {
            crate::lexicon::fold_phrase(e)
                .split_whitespace()
                .last()
                .map(str::to_string)
        })
        .collect();
    tails.sort();
    tails.dedup();
    tails
}

/// The lexicon's lists as written. Read from the form `build.rs` parsed the TOML into: parsing the TOML
/// here was a third of compiling the lexicon. The TOML is parsed only when that form is missing or does
/// not fit `Data`, so that its error names the line.
fn data() -> Data {
    pakta_prebuilt::from_slice(LEXICON_ENCODED).unwrap_or_else(|_| {
        #[allow(clippy::expect_used)]
        toml::from_str(LEXICON).expect("data/lexicon.toml is valid (tested)")
    })
}

/// The compiled lexicon. The file is part of the source tree and tested, so a parse error is a bug.
pub(crate) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let data = data();
        let mut hedges = data.hedges.words;
        hedges.extend(data.hedges.phrases);
        Lists {
            interchangeable: data
                .grammar
                .interchangeable
                .iter()
                .map(|group| {
                    group
                        .iter()
                        .map(|w| crate::lexicon::fold_phrase(w))
                        .collect()
                })
                .collect(),
            binding: WordSet::new(&data.modals.binding),
            intentions: WordSet::new(&data.modals.intentions),
            permissive: WordSet::new(&data.modals.permissive),
            negative_subject: WordSet::new(&data.modals.negative_subject),
            negators: WordSet::new(&data.negation.negators),
            strict: WordSet::new(&data.negation.strict),
            bridges: WordSet::new(&data.negation.bridges),
            formulas: WordSet::new(&data.negation.formulas),
            nullity: WordSet::new(&data.negation.nullity),
            no_grounds: WordSet::new(&data.negation.no_grounds),
            nullity_tails: tails(&data.negation.nullity),
            no_ground_tails: tails(&data.negation.no_grounds),
            grounds: WordSet::new(&data.grammar.grounds),
            hedges: WordSet::new(&hedges),
            not_hedges: WordSet::new(&data.hedges.not),
            turns: folded(&data.clauses.turns),
            conditions: WordSet::new(&data.clauses.conditions),
            exceptions: WordSet::new(&data.clauses.exceptions),
            discretion: WordSet::new(&data.clauses.discretion),
            judgement: WordSet::new(&data.clauses.judgement),
            own_judges: WordSet::new(&data.clauses.own_judges),
            mutual: WordSet::new(&data.clauses.mutual),
            preferences: WordSet::new(&data.clauses.preferences),
            condition_denials: WordSet::new(&data.clauses.condition_denials),
            consent_dispensers: WordSet::new(&data.clauses.consent_dispensers),
            purposes: WordSet::new(&data.clauses.purposes),
            purpose_clauses: WordSet::new(&data.clauses.purpose_clauses),
            qualifiers: qualifier_sets(&data.qualifiers),
            light_verbs: folded(&data.grammar.light_verbs),
            framing: WordSet::new(&data.grammar.framing),
            framing_links: WordSet::new(&data.grammar.framing_links),
            causatives: folded(&data.grammar.causatives),
            preventives: folded(&data.grammar.preventives),
            places_and_times: folded(&data.grammar.places_and_times),
            time_openers: folded(&data.grammar.time_openers),
            recruited: folded(&data.grammar.recruited),
            employing: folded(&data.grammar.employing),
            intervals: WordSet::new(&data.grammar.intervals),
            adverbs: folded(&data.grammar.adverbs),
            eligibility: WordSet::new(&data.grammar.eligibility),
            comparatives: WordSet::new(&data.grammar.comparatives),
            state_verbs: folded(&data.grammar.state_verbs),
            members: folded(&data.grammar.members),
            prospective: folded(&data.grammar.prospective),
            determiners: folded(&data.grammar.determiners),
            permit_kinds: folded(&data.grammar.permit_kinds),
            number_floors: WordSet::new(&data.grammar.number_floors),
            number_caps: WordSet::new(&data.grammar.number_caps),
            costs: WordSet::new(&data.grammar.costs),
            narrowing: WordSet::new(&data.grammar.narrowing),
            opposites: data
                .grammar
                .opposites
                .iter()
                .map(|[a, b]| {
                    [
                        crate::lexicon::fold_phrase(a),
                        crate::lexicon::fold_phrase(b),
                    ]
                })
                .collect(),
            not_verbs: folded(&data.grammar.not_verbs),
            references: folded(&data.grammar.references),
            pointers: WordSet::new(&data.grammar.pointers),
            back_pointers: WordSet::new(&data.grammar.back_pointers),
            sums_named_before: WordSet::new(&data.grammar.sums_named_before),
            points_back_before: WordSet::new(&data.grammar.points_back_before),
            points_back_after: WordSet::new(&data.grammar.points_back_after),
            sum_phrase_ends: WordSet::new(&data.grammar.sum_phrase_ends),
            roles: data
                .roles
                .iter()
                .filter_map(|(name, words)| Some((Role::named(name)?, WordSet::new(words))))
                .collect(),
            actions: data
                .actions
                .iter()
                .map(|(name, words)| (name.clone(), WordSet::new(words)))
                .collect(),
            modal_index: {
                let mut index = Index::default();
                for (kind, list) in [
                    (ModalKind::Prohibitive, &data.modals.prohibitive),
                    (ModalKind::Right, &data.modals.right),
                    (ModalKind::Recommendation, &data.modals.recommendation),
                    (ModalKind::Binding, &data.modals.binding),
                    (ModalKind::Permissive, &data.modals.permissive),
                    (ModalKind::Hedge, &hedges),
                ] {
                    for raw in list {
                        index.add(kind, Entry::parse(&crate::lexicon::fold_phrase(raw)));
                    }
                }
                index
            },
            role_index: {
                let mut index = Index::default();
                let known = data
                    .roles
                    .iter()
                    .filter(|(name, _)| Role::named(name).is_some());
                for (place, (_, words)) in known.enumerate() {
                    for raw in words {
                        index.add(place, Entry::parse(&crate::lexicon::fold_phrase(raw)));
                    }
                }
                index
            },
            action_index: {
                let mut index = Index::default();
                for (class, (_, words)) in data.actions.iter().enumerate() {
                    for raw in words {
                        index.add(class, Entry::parse(&crate::lexicon::fold_phrase(raw)));
                    }
                }
                index
            },
            agent: WordSet::new(&data.links.agent),
            recipient: WordSet::new(&data.links.recipient),
            holder: WordSet::new(&data.links.holder),
            means: WordSet::new(&data.links.means),
            custody_nouns: WordSet::new(&data.links.custody_nouns),
            owner_nouns: WordSet::new(&data.links.owner_nouns),
            relatives: WordSet::new(&data.links.relatives),
            only: WordSet::new(&data.links.only),
            requests: WordSet::new(&data.links.requests),
            needs: WordSet::new(&data.links.needs),
            chooses: WordSet::new(&data.links.chooses),
            issuers: WordSet::new(&data.links.issuers),
            texts: TextLists {
                languages: data
                    .texts
                    .languages
                    .iter()
                    .filter_map(|entry| {
                        let (name, words) = entry.split_first()?;
                        Some((name.clone(), WordSet::new(words)))
                    })
                    .collect(),
                documents: WordSet::new(&data.texts.documents),
                divergence: WordSet::new(&data.texts.divergence),
                prevail: WordSet::new(&data.texts.prevail),
                authentic: WordSet::new(&data.texts.authentic),
                translations: WordSet::new(&data.texts.translations),
                others: WordSet::new(&data.texts.others),
            },
        }
    })
}

/// The action classes the lexicon defines, for validating catalogue data.
pub fn action_classes() -> Vec<&'static str> {
    lists()
        .actions
        .iter()
        .map(|(name, _)| name.as_str())
        .collect()
}

/// A set of the lexicon's action classes, one bit each (the lexicon's tests keep them at most 64). A
/// clause's set is read once and then asked by every rule of every requirement that matched it: testing
/// each rule's classes word by word was a fortieth of a check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActionSet(u64);

impl ActionSet {
    /// The classes called `names`; a name the lexicon does not define is in none.
    pub fn named<S: AsRef<str>>(names: &[S]) -> ActionSet {
        let actions = &lists().actions;
        let mut bits = 0;
        for name in names {
            if let Some(class) = actions.iter().position(|(n, _)| n == name.as_ref()) {
                bits |= 1 << class;
            }
        }
        ActionSet(bits)
    }

    /// The classes the folded `words` name: at each word, those of the longest action phrase starting
    /// there (as [`crate::norm::Reader`] reads the action of a verb).
    pub fn of_words(words: &[&str]) -> ActionSet {
        let lists = lists();
        let mut bits = 0u64;
        for i in 0..words.len() {
            let mut longest = 0;
            let mut classes = 0u64;
            for (class, end) in lists.action_index.matches(words, i) {
                if end > longest {
                    longest = end;
                    classes = 0;
                }
                if end == longest {
                    classes |= 1 << class;
                }
            }
            bits |= classes;
        }
        ActionSet(bits)
    }

    /// Whether the two sets share a class.
    pub fn meets(self, other: ActionSet) -> bool {
        self.0 & other.0 != 0
    }
}

/// The `[qualifiers]` word sets in `Qualifier::ALL` order; every list must be there and no other.
fn qualifier_sets(data: &BTreeMap<String, Vec<String>>) -> Vec<WordSet> {
    use crate::lexicon::Qualifier;
    assert!(
        data.keys()
            .all(|k| Qualifier::ALL.iter().any(|q| q.key() == k)),
        "data/lexicon.toml: [qualifiers] has a list no qualifier reads: {:?}",
        data.keys().collect::<Vec<_>>()
    );
    Qualifier::ALL
        .iter()
        .map(|q| {
            let words = data
                .get(q.key())
                .unwrap_or_else(|| panic!("data/lexicon.toml: [qualifiers] lacks `{}`", q.key()));
            WordSet::new(words)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_set_lets_through_only_words_its_entries_can_start() {
        let set = WordSet::new(&[
            "by".to_string(),
            "a*".to_string(),
            "x".to_string(),
            "tid* boleh".to_string(),
            "with .. consent".to_string(),
        ]);
        let at = |text: &str| {
            let words: Vec<&str> = text.split(' ').collect();
            set.match_at(&words, 0)
        };
        assert_eq!(at("by the worker"), Some(1));
        assert_eq!(at("bye"), None);
        assert_eq!(at("apple"), Some(1));
        assert_eq!(at("x"), Some(1));
        assert_eq!(at("xy"), None);
        assert_eq!(at("tidak boleh"), Some(2));
        assert_eq!(at("tiada boleh"), None);
        assert_eq!(at("with the employer consent"), Some(4));
        assert_eq!(at("without consent"), None);
        assert_eq!(at(""), None);
    }

    #[test]
    fn starts_never_turn_away_a_word_an_entry_matches() {
        let entries = [
            ("a", false),
            ("ab", false),
            ("x", true),
            ("by", true),
            ("employ", false),
            ("pekerja", true),
            ("café", true),
            ("naï", false),
        ];
        let mut starts = Starts::new();
        for (entry, exact) in entries {
            starts.add(entry, exact);
        }
        let words = [
            "a",
            "apple",
            "ab",
            "abc",
            "x",
            "by",
            "employ",
            "employer",
            "employment",
            "pekerja",
            "café",
            "naïve",
            "naï",
        ];
        for word in words {
            assert!(starts.admits(word), "{word}");
        }
        // A word the filter lets through is only a maybe; these two starts no entry has.
        assert!(!starts.admits("zebra"));
        assert!(!starts.admits("xy"));
    }

    #[test]
    fn the_lexicon_file_loads_and_names_known_roles() {
        let data: Data = toml::from_str(LEXICON).expect("valid");
        // What the library reads is the form `build.rs` parsed: it must be the TOML, value for value.
        let encoded: Data =
            pakta_prebuilt::from_slice(LEXICON_ENCODED).expect("encoded at build time");
        assert_eq!(format!("{encoded:?}"), format!("{data:?}"));
        for name in data.roles.keys() {
            assert!(Role::named(name).is_some(), "unknown role {name}");
        }
        assert!(lists().actions.len() >= 10);
        // An [`ActionSet`] has one bit per class.
        assert!(lists().actions.len() <= 64);
    }

    #[test]
    fn a_clause_names_the_classes_of_its_longest_action_phrases() {
        let words = |text: &'static str| text.split(' ').collect::<Vec<_>>();
        let clause = ActionSet::of_words(&words("the employer shall retain the passport"));
        assert!(clause.meets(ActionSet::named(&["keep"])));
        assert!(clause.meets(ActionSet::named(&["pay", "keep"])));
        assert!(!clause.meets(ActionSet::named(&["pay"])));
        assert!(!clause.meets(ActionSet::named(&["no such class"])));
        let none = ActionSet::of_words(&words("the parties"));
        assert!(!none.meets(ActionSet::named(&["keep"])));
        // Each class as the word-by-word test reads it.
        let clause = words("wages shall be paid and deducted by the employer");
        for (name, _) in &lists().actions {
            let by_word =
                (0..clause.len()).any(|i| lists().action_of_class_at(&clause, i, &[name]));
            assert_eq!(
                ActionSet::of_words(&clause).meets(ActionSet::named(&[name])),
                by_word,
                "{name}"
            );
        }
    }

    #[test]
    fn phrases_match_with_gaps_and_prefixes() {
        let set = WordSet::new(&["subject to .. fund*".to_string(), "retain*".to_string()]);
        let words = ["subject", "to", "the", "availability", "of", "funds"];
        assert_eq!(set.match_at(&words, 0), Some(6));
        assert_eq!(set.match_at(&["retained"], 0), Some(1));
        assert!(set.contains("retains"));
        assert!(!set.contains("subject"));
    }
}
