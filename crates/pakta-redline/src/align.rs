//! Aligning two sequences of texts (articles of two drafts, clauses of two versions of an article) by
//! identity: content similarity, not position or number.
//!
//! Each text becomes a set of word-bigram fingerprints. Candidate pairs come from an inverted index over the
//! old side's fingerprints (so the cost follows shared content, not old × new), pairs are taken greedily by
//! similarity, and an order-preserving pass (longest increasing subsequence) tells moved pairs from pairs
//! that merely shifted.

use std::collections::HashMap;

use pakta_core::words;

/// The fingerprint of one text: sorted, de-duplicated hashes, so that comparing two fingerprints is a
/// merge of two sorted lists (no hashing in the hot loop).
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    shingles: Vec<u64>,
    /// The normalised words, for texts too short to have meaningful bigrams.
    words: Vec<u64>,
}

/// FNV-1a: fingerprints only meet each other within one run, so a fast, fixed hash is enough (and keeps
/// results deterministic).
fn hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// One hash for a word bigram, from its two word hashes (order matters).
fn pair_hash(a: u64, b: u64) -> u64 {
    (a.rotate_left(29) ^ b).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn sorted(mut list: Vec<u64>) -> Vec<u64> {
    list.sort_unstable();
    list.dedup();
    list
}

/// Fingerprint values are already well-mixed hashes, so the inverted index uses them as they are instead
/// of hashing them again (the index is probed once per bigram of every article).
#[derive(Debug, Clone, Copy, Default)]
struct BuildPassThrough;

#[derive(Debug, Default)]
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

impl std::hash::BuildHasher for BuildPassThrough {
    type Hasher = PassThrough;
    fn build_hasher(&self) -> PassThrough {
        PassThrough(0)
    }
}

/// How many values two sorted lists share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

impl Fingerprint {
    /// Bigrams of stemmed words. Every number counts as the same word, so "30 days" → "45 days" still
    /// looks like the same provision.
    pub fn of(text: &str) -> Fingerprint {
        let mut words: Vec<u64> = Vec::new();
        words::for_each_stem(text, |stem| {
            words.push(if stem.bytes().all(|b| b.is_ascii_digit()) {
                hash("#")
            } else {
                hash(stem)
            });
        });
        Fingerprint {
            shingles: sorted(words.windows(2).map(|w| pair_hash(w[0], w[1])).collect()),
            words: sorted(words),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Jaccard similarity, on bigrams, or on words when either text is very short.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        let (a, b) = if self.shingles.len() < 4 || other.shingles.len() < 4 {
            (&self.words, &other.words)
        } else {
            (&self.shingles, &other.shingles)
        };
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        let n = shared(a, b);
        n as f64 / (a.len() + b.len() - n) as f64
    }

    /// How alike two texts are for matching: Jaccard, or — when one text is mostly contained in the other,
    /// as when paragraphs were cut from an article — a discounted overlap coefficient.
    pub fn match_score(&self, other: &Fingerprint) -> f64 {
        let jaccard = self.similarity(other);
        let (small, large) = if self.shingles.len() <= other.shingles.len() {
            (self, other)
        } else {
            (other, self)
        };
        if small.shingles.len() < 8 {
            return jaccard;
        }
        jaccard.max(0.8 * small.contained_in(large))
    }

    /// Jaccard similarity of the words alone: for pairing short clauses, where one changed word breaks two
    /// bigrams.
    pub fn word_similarity(&self, other: &Fingerprint) -> f64 {
        if self.words.is_empty() && other.words.is_empty() {
            return 1.0;
        }
        let n = shared(&self.words, &other.words);
        n as f64 / (self.words.len() + other.words.len() - n) as f64
    }

    /// The share of this text's bigrams found in `other` (for splits and merges).
    pub fn contained_in(&self, other: &Fingerprint) -> f64 {
        if self.shingles.is_empty() {
            return 0.0;
        }
        shared(&self.shingles, &other.shingles) as f64 / self.shingles.len() as f64
    }
}

/// A matched pair: indices into the old and new sequences, with their similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub old: usize,
    pub new: usize,
    pub similarity: f64,
}

/// What to match: each side's fingerprints, an optional extra similarity (headings), and the fallback key
/// (article number) that pairs leftovers that are still somewhat alike.
#[derive(Debug)]
pub struct Sides<'a> {
    pub old: &'a [Fingerprint],
    pub new: &'a [Fingerprint],
    pub old_headings: &'a [Fingerprint],
    pub new_headings: &'a [Fingerprint],
    pub old_keys: &'a [String],
    pub new_keys: &'a [String],
}

/// How many of the old articles sharing most content with a new one are compared with it exactly.
const CANDIDATES: usize = 8;

/// Similarity above which two texts are taken to be the same provision.
pub const MATCH: f64 = 0.35;
/// Similarity above which leftovers with the same number (or heading) are taken to be one provision, heavily
/// edited.
pub const SAME_PLACE: f64 = 0.12;

fn combined(sides: &Sides, o: usize, n: usize, body: f64) -> f64 {
    let (ho, hn) = (&sides.old_headings[o], &sides.new_headings[n]);
    if ho.is_empty() || hn.is_empty() {
        body
    } else {
        0.8 * body + 0.2 * ho.similarity(hn)
    }
}

/// Matches old to new one-to-one. Pairs come back sorted by old index.
pub fn match_items(sides: &Sides) -> Vec<Pair> {
    // Inverted index over old bigrams; very common bigrams ("the parties", "shall be") say little about
    // identity and would make the candidate lists quadratic, so they are left out of the index.
    let mut index: HashMap<u64, Vec<usize>, BuildPassThrough> = HashMap::default();
    for (o, fp) in sides.old.iter().enumerate() {
        // Words are indexed for every article, not only the short ones: a short new article ("The
        // employer may keep the passport") probes by its words, and the long old one it was renumbered
        // from must be found by them too.
        for &s in fp.shingles.iter().chain(&fp.words) {
            index.entry(s).or_default().push(o);
        }
    }
    // A bigram shared by more than 128 articles is boilerplate whatever the agreement's size; without a
    // ceiling, a long agreement that repeats itself (schedules, annexes per sector) walks postings lists
    // that grow with it, for every article: quadratic in the article count.
    let common = (sides.old.len() / 4).clamp(24, 128);
    let mut by_number: HashMap<&str, Vec<usize>> = HashMap::new();
    for (o, key) in sides.old_keys.iter().enumerate() {
        by_number.entry(key.as_str()).or_default().push(o);
    }
    let mut candidates: Vec<Pair> = Vec::new();
    // Shared index keys per old article, counted in one pass over the new article's keys; only the
    // best-sharing few are compared exactly, so the cost is the postings walked plus a handful of merges.
    let mut counts = vec![0u32; sides.old.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (n, fp) in sides.new.iter().enumerate() {
        let keys: &[u64] = if fp.shingles.len() < 4 {
            &fp.words
        } else {
            &fp.shingles
        };
        for key in keys {
            if let Some(list) = index.get(key).filter(|l| l.len() <= common) {
                for &o in list {
                    if counts[o] == 0 {
                        touched.push(o);
                    }
                    counts[o] += 1;
                }
            }
        }
        touched.sort_unstable_by(|a, b| counts[*b].cmp(&counts[*a]).then(a.cmp(b)));
        let mut chosen: Vec<usize> = touched.iter().copied().take(CANDIDATES).collect();
        // Same number: always a candidate, so heavily edited articles can still pair.
        if let Some(list) = by_number.get(sides.new_keys[n].as_str()) {
            chosen.extend(list);
        }
        chosen.sort_unstable();
        chosen.dedup();
        for o in chosen {
            let similarity = combined(sides, o, n, sides.old[o].match_score(fp));
            candidates.push(Pair {
                old: o,
                new: n,
                similarity,
            });
        }
        for o in touched.drain(..) {
            counts[o] = 0;
        }
    }
    // Greedy by similarity; ties go to the pair closest in position, then to document order.
    candidates.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(
                (a.old as i64 - a.new as i64)
                    .abs()
                    .cmp(&(b.old as i64 - b.new as i64).abs()),
            )
            .then(a.old.cmp(&b.old))
            .then(a.new.cmp(&b.new))
    });
    let mut old_taken = vec![false; sides.old.len()];
    let mut new_taken = vec![false; sides.new.len()];
    let mut pairs = Vec::new();
    for pass in [MATCH, SAME_PLACE] {
        for c in &candidates {
            if old_taken[c.old] || new_taken[c.new] || c.similarity < pass {
                continue;
            }
            let same_place = sides.old_keys[c.old] == sides.new_keys[c.new]
                || (!sides.old_headings[c.old].is_empty()
                    && sides.old_headings[c.old].similarity(&sides.new_headings[c.new]) >= 0.99);
            if pass == SAME_PLACE && !same_place {
                continue;
            }
            old_taken[c.old] = true;
            new_taken[c.new] = true;
            pairs.push(*c);
        }
    }
    pairs.sort_by_key(|p| p.old);
    pairs
}

/// Which pairs keep their relative order: the longest increasing subsequence of new indices over pairs
/// sorted by old index. The others were moved.
pub fn in_order(pairs: &[Pair]) -> Vec<bool> {
    // Patience sorting, O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, pair) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].new < pair.new);
        if at > 0 {
            previous[i] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut keep = vec![false; pairs.len()];
    let mut cursor = tails.last().copied();
    while let Some(i) = cursor {
        keep[i] = true;
        cursor = previous[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_subsequence_marks_the_moved() {
        let pairs: Vec<Pair> = [(0, 0), (1, 4), (2, 1), (3, 2), (4, 3)]
            .iter()
            .map(|&(old, new)| Pair {
                old,
                new,
                similarity: 1.0,
            })
            .collect();
        assert_eq!(in_order(&pairs), [true, false, true, true, true]);
    }

    #[test]
    fn numbers_do_not_break_identity() {
        let a = Fingerprint::of(
            "The notice period shall be ninety days or 90 days in writing to the other Party",
        );
        let b = Fingerprint::of(
            "The notice period shall be sixty days or 60 days in writing to the other Party",
        );
        assert!(a.similarity(&b) > 0.6);
    }
}
