//! Catalogue patterns (`"borne by .. worker*"`) compiled once and found in token streams through an index.
//!
//! A clause is scanned once: at each word the index yields only the patterns that can start there, so the
//! cost grows with the text, not with text × patterns (the catalogue has over a thousand patterns).

use std::collections::HashMap;

use foldhash::fast::FixedState;

use pakta_norms::Role;
use pakta_norms::lexicon::{Token, fold, is_stopword, stem, tokenize};

/// How many words ` .. ` may skip.
pub const MAX_GAP: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Step {
    /// A word, stemmed.
    Word(String),
    /// `word*`: any word whose folded form starts with this.
    Prefix(String),
    /// ` .. `: up to [`MAX_GAP`] words in the same segment.
    Gap,
    /// `@employer`, `@worker`, `@agency` (any role of the norm layer): any one word that names it.
    Party(Role),
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    steps: Vec<Step>,
}

impl Pattern {
    /// Compiles a catalogue pattern; the error says why it can never match.
    pub fn compile(text: &str) -> Result<Pattern, String> {
        let mut steps = Vec::new();
        for part in text.split_whitespace() {
            if part == ".." {
                if matches!(steps.last(), None | Some(Step::Gap)) {
                    return Err(format!(
                        "pattern `{text}`: ` .. ` must stand between two words"
                    ));
                }
                steps.push(Step::Gap);
                continue;
            }
            if let Some(name) = part.strip_prefix('@') {
                let role = Role::named(name).ok_or_else(|| {
                    let known: Vec<String> =
                        Role::ALL.iter().map(|r| format!("@{}", r.name())).collect();
                    format!(
                        "pattern `{text}`: unknown role `@{name}` (known: {})",
                        known.join(", ")
                    )
                })?;
                steps.push(Step::Party(role));
                continue;
            }
            let (body, prefix) = match part.strip_suffix('*') {
                Some(body) => (body, true),
                None => (part, false),
            };
            // Tokenise the part as text is tokenised, so "30-day" or "worker's" compile as they would read.
            // Most parts are one plain ASCII word, which tokenises to itself in lower case: the catalogue
            // has thousands of them, and every `pakta check` compiles them all.
            if !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric()) {
                // One word, kept as written (a prefix) or as its stem, and never put in a list first.
                let folded = body.to_ascii_lowercase();
                if prefix {
                    if folded.len() < 3 {
                        return Err(format!(
                            "pattern `{text}`: prefix `{part}` is too short to be specific"
                        ));
                    }
                    steps.push(Step::Prefix(folded));
                } else {
                    let stem = stem(&folded);
                    if !is_stopword(&stem) {
                        steps.push(Step::Word(stem));
                    }
                }
                continue;
            }
            let words: Vec<(String, String, bool)> = tokenize(body)
                .into_iter()
                .map(|t| (t.folded.into_owned(), t.stem.into_owned(), t.stopword))
                .collect();
            if words.is_empty() {
                return Err(format!(
                    "pattern `{text}`: `{part}` has no letters or digits"
                ));
            }
            let last = words.len() - 1;
            for (index, (folded, stem, stopword)) in words.into_iter().enumerate() {
                if stopword && !(prefix && index == last) {
                    continue;
                }
                if prefix && index == last {
                    if folded.chars().count() < 3 {
                        return Err(format!(
                            "pattern `{text}`: prefix `{part}` is too short to be specific"
                        ));
                    }
                    steps.push(Step::Prefix(folded));
                } else {
                    steps.push(Step::Word(stem));
                }
            }
        }
        if matches!(steps.last(), Some(Step::Gap)) {
            return Err(format!(
                "pattern `{text}`: ` .. ` must stand between two words"
            ));
        }
        if steps.is_empty() {
            return Err(format!(
                "pattern `{text}` has only words that matching ignores"
            ));
        }
        Ok(Pattern { steps })
    }

    /// Tries to match from `step` at `tokens[at]` (content tokens only) within `segment`; returns the index
    /// one past the last matched token.
    fn match_steps(
        &self,
        step: usize,
        tokens: &[&Token],
        at: usize,
        segment: usize,
    ) -> Option<usize> {
        let Some(current) = self.steps.get(step) else {
            return Some(at);
        };
        match current {
            Step::Gap => {
                // "paid by .. @worker" does not reach past another party: in "paid by the Employer into
                // the worker's account" the payer is the employer. One joined to it ("borne by the
                // Grower and the Worker") shares the act.
                let party_next = matches!(self.steps.get(step + 1), Some(Step::Party(_)));
                let joined = |k: usize| {
                    tokens.get(k + 1).is_some_and(|t| {
                        matches!(
                            t.folded.as_str(),
                            "and" | "or" | "dan" | "atau" | "serta" | "with" | "bersama"
                        )
                    })
                };
                for skip in 0..=MAX_GAP {
                    let next = at + skip;
                    if next >= tokens.len() || tokens[next].segment != segment {
                        break;
                    }
                    if let Some(end) = self.match_steps(step + 1, tokens, next, segment) {
                        // Asked only of a match, which is rare: reading roles is not free.
                        let crossed = party_next
                            && (at..next)
                                .any(|k| Role::of_word(&tokens[k].folded).is_some() && !joined(k));
                        return (!crossed).then_some(end);
                    }
                }
                None
            }
            word => {
                let token = tokens.get(at)?;
                // Consecutive words must stay in one segment too: "fee; worker" is not "fee worker".
                // Nor may a comma part them: in *baik Pekerja dipanggil maupun tidak, dihitung sebagai
                // jam kerja* no "tidak dihitung" is said. A list's comma before its conjunction
                // ("licensing, or certification") parts nothing.
                if token.segment != segment || !step_matches(word, token) {
                    return None;
                }
                // Asked only of a word that matches: most do not.
                let parted = token.comma_before
                    && step > 0
                    && !matches!(self.steps[step - 1], Step::Gap)
                    && !matches!(
                        token.folded.as_str(),
                        "and" | "or" | "dan" | "atau" | "serta" | "nor" | "maupun"
                    );
                if parted {
                    return None;
                }
                self.match_steps(step + 1, tokens, at + 1, segment)
            }
        }
    }
}

fn step_matches(step: &Step, token: &Token) -> bool {
    match step {
        Step::Word(w) => &token.stem == w,
        Step::Prefix(p) => token.folded.starts_with(p.as_str()),
        Step::Party(role) => Role::of_word(&token.folded) == Some(*role),
        Step::Gap => true,
    }
}

/// A pattern found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the pattern in the [`PatternIndex`].
    pub pattern: usize,
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Indices into the text's token list (all tokens, stop-words included).
    pub first_token: usize,
    pub last_token: usize,
}

/// Every pattern of a catalogue, indexed by how it starts.
#[derive(Debug, Clone, Default)]
pub struct PatternIndex<'p> {
    /// Borrowed from the catalogue, which compiled them to check them: six thousand patterns are not
    /// copied on every check.
    patterns: Vec<std::borrow::Cow<'p, Pattern>>,
    /// Patterns by their first word's stem.
    by_word: HashMap<String, Vec<usize>, FixedState>,
    /// Patterns that start with a prefix (`recruit*`, a party word), by the prefix's first
    /// [`HEAD_CHARS`] characters: one lookup per word, then a `starts_with` per distinct prefix (dozens of
    /// patterns share "employ*"). Each list is ordered by prefix length, and each prefix's patterns by
    /// their place: a word starts with at most one prefix of each length, so hits come out by prefix
    /// length, then by pattern.
    by_prefix: HashMap<String, Vec<(String, Vec<usize>)>, FixedState>,
    /// The one-word entries of each role a party pattern names, read from the lexicon once per index:
    /// the catalogue has dozens of `@employer` patterns, and reading the list was a fiftieth of a check.
    party_words: HashMap<Role, Vec<String>, FixedState>,
}

/// Prefixes have at least this many characters (`compile` refuses shorter ones; party words are longer).
const HEAD_CHARS: usize = 3;

/// The first [`HEAD_CHARS`] characters of `word`, or `None` when it is shorter.
fn head(word: &str) -> Option<&str> {
    // A word that starts with ASCII (nearly all) has its first characters in its first bytes.
    if let Some(ascii) = word.get(..HEAD_CHARS).filter(|h| h.is_ascii()) {
        return Some(ascii);
    }
    match word.char_indices().nth(HEAD_CHARS) {
        Some((end, _)) => Some(&word[..end]),
        None => (word.chars().count() == HEAD_CHARS).then_some(word),
    }
}

impl<'p> PatternIndex<'p> {
    /// Adds a pattern (already validated by the catalogue loader) and returns its index.
    pub fn add(&mut self, text: &str) -> Result<usize, String> {
        Ok(self.add_compiled(std::borrow::Cow::Owned(Pattern::compile(text)?)))
    }

    /// Adds a compiled pattern and returns its index.
    pub fn add_compiled(&mut self, pattern: std::borrow::Cow<'p, Pattern>) -> usize {
        let index = self.patterns.len();
        match &pattern.steps[0] {
            // Looked up before an owned key is made: most first words start other patterns too.
            Step::Word(w) => match self.by_word.get_mut(w.as_str()) {
                Some(patterns) => patterns.push(index),
                None => {
                    self.by_word.insert(w.clone(), vec![index]);
                }
            },
            Step::Prefix(p) => self.add_prefix(p, index),
            Step::Party(role) => {
                // A role's phrases ("badan usaha") never match one token; see `step_matches`.
                let words = self
                    .party_words
                    .remove(role)
                    .unwrap_or_else(|| role.single_words());
                for word in &words {
                    match word.strip_suffix('*') {
                        Some(prefix) => self.add_prefix(prefix, index),
                        None => self.by_word.entry(stem(word)).or_default().push(index),
                    }
                }
                self.party_words.insert(*role, words);
            }
            Step::Gap => unreachable!("compile rejects a leading gap"),
        }
        self.patterns.push(pattern);
        index
    }

    fn add_prefix(&mut self, prefix: &str, pattern: usize) {
        let Some(key) = head(prefix) else {
            unreachable!("prefixes are at least {HEAD_CHARS} characters: `{prefix}`");
        };
        let list = self.by_prefix.entry(key.to_owned()).or_default();
        if let Some((_, patterns)) = list.iter_mut().find(|(p, _)| p == prefix) {
            // Patterns are added in order, so the list stays sorted.
            patterns.push(pattern);
            return;
        }
        let length = prefix.chars().count();
        let at = list.partition_point(|(p, _)| p.chars().count() <= length);
        list.insert(at, (prefix.to_owned(), vec![pattern]));
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Finds every pattern occurrence in `tokens` (from [`tokenize`]); at most one hit per pattern and
    /// start position, in text order.
    pub fn find(&self, tokens: &[Token]) -> Vec<Hit> {
        let content: Vec<(usize, &Token)> = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.stopword)
            .collect();
        let refs: Vec<&Token> = content.iter().map(|(_, t)| *t).collect();
        let mut hits = Vec::new();
        let mut candidates: Vec<usize> = Vec::new();
        for (position, token) in refs.iter().enumerate() {
            candidates.clear();
            if let Some(list) = self.by_word.get(token.stem.as_str()) {
                candidates.extend(list);
            }
            if let Some(list) = head(&token.folded).and_then(|key| self.by_prefix.get(key)) {
                for (prefix, patterns) in list {
                    if token.folded.starts_with(prefix.as_str()) {
                        candidates.extend(patterns);
                    }
                }
            }
            // Dozens of party patterns start at "company": the word's role is read once.
            let role = std::cell::OnceCell::new();
            for &pattern in &candidates {
                // The index found the first word; only a party's must still be the party's.
                let pattern_ref = &self.patterns[pattern];
                let first_ok = match &pattern_ref.steps[0] {
                    Step::Party(party) => {
                        *role.get_or_init(|| Role::of_word(&token.folded)) == Some(*party)
                    }
                    _ => true,
                };
                if !first_ok {
                    continue;
                }
                if let Some(end) = pattern_ref.match_steps(1, &refs, position + 1, token.segment) {
                    let first = content[position].0;
                    let last = content[end - 1].0;
                    hits.push(Hit {
                        pattern,
                        start: tokens[first].start,
                        end: tokens[last].end,
                        first_token: first,
                        last_token: last,
                    });
                }
            }
        }
        hits
    }
}

/// Normalises a single word the way patterns and texts are normalised (used for sector words and tests).
pub fn normalise_word(word: &str) -> String {
    stem(&fold(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(pattern: &str, text: &str) -> Option<String> {
        let mut index = PatternIndex::default();
        index.add(pattern).expect("pattern compiles");
        index
            .find(&tokenize(text))
            .first()
            .map(|h| text[h.start..h.end].to_string())
    }

    #[test]
    fn matches_words_prefixes_and_gaps() {
        assert_eq!(
            found("borne by .. worker*", "costs borne by the migrant workers"),
            Some("borne by the migrant workers".into())
        );
        assert_eq!(
            found("recruitment fee", "Recruitment Fees shall"),
            Some("Recruitment Fees".into())
        );
        assert_eq!(
            found("recruit*", "no recruiting agency"),
            Some("recruiting".into())
        );
        assert_eq!(found("fee .. worker", "fee; the worker"), None);
        // A comma parts two words a phrase joins; a gap may pass it.
        assert_eq!(
            found(
                "tidak dihitung",
                "baik dipanggil maupun tidak, dihitung sebagai jam kerja"
            ),
            None
        );
        assert!(
            found(
                "tidak dihitung",
                "waktu siaga tidak dihitung sebagai jam kerja"
            )
            .is_some()
        );
        assert!(found("paid .. worker", "paid, in cash, to the worker").is_some());
        assert!(found("licensing or certification", "licensing, or certification").is_some());
        assert_eq!(
            found(
                "paid by .. @worker",
                "paid by the Employer into the worker's account"
            ),
            None
        );
        assert!(found("borne by .. @worker", "borne by the individual worker").is_some());
        assert!(found("borne by .. @worker", "borne by the Grower and the Worker").is_some());
        assert_eq!(
            found("biaya penempatan", "Biaya penempatannya"),
            Some("Biaya penempatannya".into())
        );
        assert_eq!(found("pay .. wage", "pay a b c d e f g h wage"), None);
        assert_eq!(
            found(
                "paspor .. disimpan oleh @employer",
                "Paspor PLRT disimpan oleh Pengguna"
            ),
            Some("Paspor PLRT disimpan oleh Pengguna".into())
        );
        assert_eq!(
            found("borne by @worker", "borne by the Employee"),
            Some("borne by the Employee".into())
        );
        assert!(Pattern::compile("borne by @nobody").is_err());
    }

    #[test]
    fn rejects_patterns_that_cannot_match() {
        assert!(Pattern::compile(".. worker").is_err());
        assert!(Pattern::compile("worker ..").is_err());
        assert!(Pattern::compile("the").is_err());
        assert!(Pattern::compile("a*").is_err());
        assert!(Pattern::compile("***").is_err());
    }
}
