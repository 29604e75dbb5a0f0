//! Requirements judged on norms: which norms of a clause satisfy a requirement and which contradict it.
//!
//! Each requirement may say, as data (`norms = [...]` in `agreements/standards/*.toml`), which norms
//! contradict or satisfy it, in role terms: "contradicted by a norm whose bearer is not the worker and whose
//! action keeps the worker's passport, unless it is denied". Beside those, a few rules hold for every
//! requirement that protects workers, because they are about how a protection is taken away rather than
//! what it is: excluding a group from it, putting it in the employer's hands by a consent condition or a
//! discretionary exception, letting the worker waive it, or forbidding the worker the freedom it gives.

use pakta_norms::{Modality, Norm, Role};
use serde::Deserialize;

/// What a matching norm does to a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Effect {
    Contradicts,
    /// The norm may take the requirement back or may be harmless, and only a reader can tell: the
    /// requirement is `uncertain`, not covered.
    Qualifies,
    Satisfies,
}

/// Which roles a rule accepts as a norm's bearer or beneficiary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The worker or the worker's family.
    Worker,
    /// Anyone but the worker's side, including a bearer the text does not name (a passive without agent).
    NotWorker,
    /// Employers and agencies.
    EmployerSide,
    /// A State or an authority of either side ("the Receiving Party", *Pihak Penerima*, a ministry).
    Public,
    /// One role exactly.
    Role(Role),
}

impl Side {
    fn parse(name: &str) -> Option<Side> {
        match name {
            "worker" => Some(Side::Worker),
            "not-worker" => Some(Side::NotWorker),
            "employer-side" => Some(Side::EmployerSide),
            "public" => Some(Side::Public),
            other => Role::named(other).map(Side::Role),
        }
    }

    fn accepts(self, role: Option<Role>) -> bool {
        match self {
            Side::Worker => role.is_some_and(Role::is_worker_side),
            Side::NotWorker => !role.is_some_and(Role::is_worker_side),
            Side::EmployerSide => role.is_some_and(Role::is_employer_side),
            Side::Public => role.is_some_and(Role::is_public),
            Side::Role(r) => role == Some(r),
        }
    }
}

/// A requirement's norm rule, as written in the catalogue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNormRule {
    effect: String,
    #[serde(default)]
    action: Vec<String>,
    #[serde(default)]
    bearer: Option<String>,
    #[serde(default)]
    beneficiary: Option<String>,
    #[serde(default)]
    modality: Vec<String>,
    #[serde(default)]
    denied: Option<bool>,
    #[serde(default)]
    object: Vec<String>,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    together: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    unless_action: Vec<String>,
    #[serde(default)]
    condition: Vec<String>,
    #[serde(default)]
    topic: bool,
    /// A ceiling on a duration ("2 years"): the norm must name a longer one.
    #[serde(default)]
    longer_than: Option<String>,
    /// A ceiling on an interval ("1 month"): the norm must repeat its act less often ("once in every
    /// three months", *setiap tiga bulan*).
    #[serde(default)]
    every_longer_than: Option<String>,
    /// A floor in hours ("10 hours"): the norm must name fewer hours, not as a ceiling ("8 hours of rest").
    #[serde(default)]
    below: Option<String>,
    /// The period the `below` figure is counted in ("24 hours", "7 days"): only a figure of that period
    /// counts ("77 hours in any seven-day period" is no daily rest).
    #[serde(default)]
    within: Option<String>,
    /// A minimum age ("18 years"): the norm must name a younger one ("workers aged 16 and above").
    #[serde(default)]
    younger_than: Option<String>,
    /// Why the rule holds, in a lawyer's words; shown as the evidence's pattern.
    why: String,
}

/// A rule's list of words: one-word prefixes, and phrases of a few words matched exactly.
#[derive(Debug, Clone, Default)]
pub struct Words {
    prefixes: KeyWords,
    pub phrases: Vec<String>,
    /// A searcher for each phrase, built once: the rules are asked of every norm in scope, and setting up
    /// a substring search per phrase per norm cost more than the search.
    finders: Vec<Phrase>,
}

/// A phrase of a rule, ready to be looked for: its searcher (without a final `*`), and whether its last
/// word is a prefix.
#[derive(Debug, Clone)]
struct Phrase {
    finder: memchr::memmem::Finder<'static>,
    prefix: bool,
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.prefixes == other.prefixes && self.phrases == other.phrases
    }
}

impl Words {
    fn new(entries: Vec<String>) -> Words {
        let (phrases, prefixes): (Vec<String>, Vec<String>) =
            entries.into_iter().partition(|e| e.contains(' '));
        let finders = phrases
            .iter()
            .map(|p| {
                let (needle, prefix) = match p.strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (p.as_str(), false),
                };
                Phrase {
                    finder: memchr::memmem::Finder::new(needle.as_bytes()).into_owned(),
                    prefix,
                }
            })
            .collect();
        Words {
            prefixes: KeyWords::new(prefixes),
            phrases,
            finders,
        }
    }

    /// Whether one of the phrases stands in `terms` (folded words, one space between them) exactly:
    /// "in germany" is no "in german", but a phrase ending in `*` takes its last word as a prefix.
    fn phrase_in(&self, terms: &str) -> bool {
        let bytes = terms.as_bytes();
        self.finders.iter().any(|phrase| {
            let len = phrase.finder.needle().len();
            phrase.finder.find_iter(bytes).any(|at| {
                let end = at + len;
                (at == 0 || bytes[at - 1] == b' ')
                    && (phrase.prefix || end == bytes.len() || bytes[end] == b' ')
            })
        })
    }

    pub fn is_empty(&self) -> bool {
        self.prefixes.is_empty() && self.phrases.is_empty()
    }

    /// Whether the norm's words hold one of these.
    fn in_norm(&self, norm: &Norm) -> bool {
        // Most lists hold only words or only phrases: the other test is not run.
        (!self.prefixes.is_empty() && norm.words().split(' ').any(|t| self.prefixes.starts(t)))
            || (!self.phrases.is_empty() && self.phrase_in(norm.words()))
    }

    /// Whether the norm's object holds one of these: a verb joined to another shares its object ("…
    /// costs of the training hostel are advanced by the agency and repaid by the worker").
    fn in_object(&self, norm: &Norm) -> bool {
        (!self.prefixes.is_empty()
            && norm
                .object_terms()
                .split(' ')
                .any(|t| self.prefixes.starts(t)))
            || self
                .phrases
                .iter()
                .any(|p| norm.object_terms().contains(p.trim_end_matches('*')))
    }
}

/// A requirement's norm rule, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct NormRule {
    pub effect: Effect,
    /// Action classes of the lexicon (`keep`, `pay`, `deduct` …); the norm's action must be one.
    pub action: Vec<String>,
    /// [`Self::action`] as a set, to meet a clause's.
    actions: pakta_norms::ActionSet,
    pub bearer: Option<Side>,
    pub beneficiary: Option<Side>,
    /// Modalities accepted; empty accepts all.
    pub modality: Vec<Modality>,
    /// Whether the norm must be denied (a prohibition) or affirmed. Unset: a contradiction must be
    /// affirmed; satisfaction takes either.
    pub denied: Option<bool>,
    /// Folded word prefixes; the norm must mention one. Empty: the norm's sentence must speak of the
    /// requirement.
    pub object: Vec<String>,
    /// Folded word prefixes or phrases of which the norm must also mention one ("without" beside
    /// "notice").
    pub also: Words,
    /// Folded word prefixes or phrases of which the norm must mention one besides one of `also`
    /// ("kitchen" beside "sleeps": a kitchen to cook in is no bedroom).
    pub together: Words,
    /// The words a clause must hold for the rule to find anything there: one of each of its `object`,
    /// `also` and `together` lists that is not empty, since a matching norm mentions one of each ("in
    /// korean" beside "orientation"). A phrase counts by its longest word ("this arrangement" by
    /// "arrangement": "this" is in every other clause).
    speaks: Vec<KeyWords>,
    /// Folded word prefixes or phrases of which the norm must mention none ("mutual" beside "amended
    /// by").
    pub unless: Words,
    /// Action classes the norm must not have: "a pregnancy test is not included in the examination"
    /// (`exclude`) speaks of the test to leave it out.
    pub unless_action: Vec<String>,
    /// Folded word prefixes one of which a live condition of the norm must hold ("at the request of
    /// either Party": information given only on request).
    pub condition: Vec<String>,
    /// The object words name the topic so plainly that a matching norm matches the requirement even
    /// where no cue does ("the deckhands' passports are to be held by the captain").
    pub topic: bool,
    /// A ceiling in days: the norm must name a longer duration ("valid for five years" past two).
    pub longer_than: Option<f64>,
    /// A ceiling in days on an interval: the norm must repeat its act less often ("every three months"
    /// past one month).
    pub every_longer_than: Option<f64>,
    /// A floor in hours, and the period in hours its figure must be counted in, if any.
    pub below: Option<(f64, Option<f64>)>,
    /// A minimum age in years.
    pub younger_than: Option<f64>,
    pub why: String,
}

impl NormRule {
    /// Validates a raw rule against the lexicon; the error names what is wrong.
    pub(crate) fn from_raw(raw: RawNormRule) -> Result<NormRule, String> {
        let effect = match raw.effect.as_str() {
            "contradicts" => Effect::Contradicts,
            "satisfies" => Effect::Satisfies,
            "qualifies" => Effect::Qualifies,
            other => {
                return Err(format!(
                    "norm rule effect `{other}` (known: contradicts, qualifies, satisfies)"
                ));
            }
        };
        let classes = pakta_norms::action_classes();
        for action in raw.action.iter().chain(&raw.unless_action) {
            if !classes.contains(&action.as_str()) {
                return Err(format!(
                    "norm rule action `{action}` is not a class of the lexicon (known: {})",
                    classes.join(", ")
                ));
            }
        }
        if raw.action.is_empty() && raw.object.is_empty() && raw.also.is_empty() {
            return Err(
                "a norm rule with no action class names the words it looks for (`object` or `also`)"
                    .to_string(),
            );
        }
        let side = |name: &Option<String>, what: &str| -> Result<Option<Side>, String> {
            name.as_deref()
                .map(|n| {
                    Side::parse(n).ok_or_else(|| {
                        format!("norm rule {what} `{n}` (known: worker, not-worker, employer-side, or a role)")
                    })
                })
                .transpose()
        };
        let modality = raw
            .modality
            .iter()
            .map(|m| {
                [
                    Modality::Obligation,
                    Modality::Permission,
                    Modality::Prohibition,
                    Modality::Right,
                    Modality::HedgedDuty,
                    Modality::Statement,
                ]
                .into_iter()
                .find(|k| k.as_str() == m)
                .ok_or_else(|| format!("norm rule modality `{m}`"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        // Words, prefixes, or phrases of a few words ("in japanese") whose last word may be a prefix.
        let words = |list: &[String]| -> Result<Vec<String>, String> {
            list.iter()
                .map(|o| {
                    let mut folded = pakta_norms::lexicon::fold_phrase(o.trim_end_matches('*'));
                    // How the text's words are read: the tokenizer folds them ("setibanya" is read as
                    // "setiba"). A word already folded is read as written unless it ends in *-nya*;
                    // most of the catalogue's thousands of words are, and they skip the tokenizer.
                    let read = (folded != o.trim_end_matches('*')
                        || folded.split(' ').any(|w| w.ends_with("nya")))
                    .then(|| {
                        pakta_norms::lexicon::tokenize(&o.replace('*', ""))
                            .iter()
                            .map(pakta_norms::lexicon::read_word)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .filter(|read| !read.is_empty() && *read != folded.replace('*', ""));
                    if folded.is_empty() || folded.split(' ').count() > 3 {
                        Err(format!(
                            "norm rule word `{o}` must be a word, a prefix or a phrase of up to three words"
                        ))
                    } else if let Some(read) = read {
                        // A word the text never holds as written would never match.
                        Err(format!(
                            "norm rule word `{o}` is read in a text as `{read}` and can never match as written: write `{read}`"
                        ))
                    } else {
                        // A phrase keeps the star of its last word ("further test*"); a word is a prefix
                        // anyway.
                        if folded.contains(' ') && o.ends_with('*') {
                            folded.push('*');
                        }
                        Ok(folded)
                    }
                })
                .collect()
        };
        // `object` and `condition` are matched word by word: a phrase there would never match.
        let one_word = |list: &[String], what: &str| -> Result<Vec<String>, String> {
            list.iter()
                .map(|o| {
                    let folded = pakta_norms::lexicon::fold(o.trim_end_matches('*'));
                    if folded.contains(' ') || folded.is_empty() {
                        Err(format!("norm rule {what} `{o}` must be one word or prefix"))
                    } else {
                        Ok(folded)
                    }
                })
                .collect()
        };
        let also = words(&raw.also)?;
        let together = words(&raw.together)?;
        let unless = words(&raw.unless)?;
        let condition = one_word(&raw.condition, "condition")?;
        let object = one_word(&raw.object, "object")?;
        let speaks = [&object, &also, &together]
            .into_iter()
            .filter(|list| !list.is_empty())
            .map(|list| KeyWords::new(list.iter().map(|o| key_word(o)).collect()))
            .collect();
        let (also, together, unless) = (Words::new(also), Words::new(together), Words::new(unless));
        Ok(NormRule {
            effect,
            actions: pakta_norms::ActionSet::named(&raw.action),
            action: raw.action,
            bearer: side(&raw.bearer, "bearer")?,
            beneficiary: side(&raw.beneficiary, "beneficiary")?,
            modality,
            denied: raw.denied,
            object,
            speaks,
            also,
            together,
            unless,
            unless_action: raw.unless_action,
            condition,
            topic: raw.topic && !raw.object.is_empty(),
            longer_than: duration("longer_than", raw.longer_than.as_deref())?,
            every_longer_than: duration("every_longer_than", raw.every_longer_than.as_deref())?,
            below: match (raw.below.as_deref(), raw.within.as_deref()) {
                (Some(floor), within) => Some((
                    in_hours("below", floor)?,
                    within.map(|w| in_hours("within", w)).transpose()?,
                )),
                (None, Some(_)) => return Err("norm rule `within` needs `below`".to_string()),
                (None, None) => None,
            },
            younger_than: raw
                .younger_than
                .as_deref()
                .map(|age| {
                    years(age).ok_or_else(|| {
                        format!(
                            "norm rule younger_than `{age}` must be an age such as \"18 years\""
                        )
                    })
                })
                .transpose()?,
            why: raw.why,
        })
    }

    /// Whether the rule reads the other paragraphs of a matched clause's article: only one that takes
    /// the requirement away and names its technique ("per cent" beside "transfer") or its object ("the
    /// wage" paid to the agency, *upah dibayarkan kepada agensi*) in words of its own can tell a paragraph
    /// of the topic from one on another topic; "the worker pays" cannot.
    fn reads_article(&self) -> bool {
        self.effect != Effect::Satisfies && (!self.also.is_empty() || !self.object.is_empty())
    }

    /// Whether `norm` is one this rule speaks of. `sentence`: the norms of its sentence, itself among
    /// them; `on_topic`: the sentence speaks of the requirement.
    pub fn matches(&self, norm: &Norm, sentence: &[&Norm], on_topic: bool) -> bool {
        (self.action.is_empty() || norm.acts(&self.action))
            && self.bearer.is_none_or(|s| s.accepts(norm.bearer_role()))
            && self
                .beneficiary
                .is_none_or(|s| s.accepts(norm.beneficiary.as_ref().map(|a| a.role)))
            && (self.modality.is_empty() || self.modality.contains(&norm.modality))
            && match (self.denied, self.effect) {
                (Some(d), _) => norm.denied() == d,
                (None, Effect::Contradicts | Effect::Qualifies) => !norm.denied(),
                (None, Effect::Satisfies) => true,
            }
            && if self.object.is_empty() {
                on_topic
            } else {
                norm.object_mentions(&self.object)
            }
            // Done at the worker's own request ("hold the passport for safekeeping at the worker's
            // written request"), the act is not imposed on the worker.
            && !(self.effect != Effect::Satisfies
                && norm.conditions.iter().any(|c| c.workers_request()))
            // A verb joined to another shares its subject ("Forty per cent of the wage is paid into a
            // savings account … and released only after returning home"): the words a rule looks for
            // may stand there.
            && (self.also.is_empty() || self.also.in_norm(norm) || self.also.in_object(norm))
            && (self.together.is_empty()
                || self.together.in_norm(norm)
                || self.together.in_object(norm))
            // What keeps a rule out may stand anywhere in the sentence ("The fisher receives a signed
            // copy, and a further copy is kept on board and shown on request") or in the object a
            // joined verb shares.
            && (self.unless.is_empty()
                || !(self.unless.in_object(norm) || sentence.iter().any(|n| self.unless.in_norm(n))))
            && (self.unless_action.is_empty() || !norm.acts(&self.unless_action))
            && self.longer_than.is_none_or(|limit| {
                // The period a figure is counted in ("77 hours in any seven-day period") is no duration.
                let words = norm.words();
                let quantities = pakta_norms::quantity::quantities(words);
                let periods: Vec<usize> = pakta_norms::quantity::hours_within(&quantities, words)
                    .iter()
                    .filter_map(|f| f.period_at)
                    .collect();
                quantities
                    .iter()
                    .enumerate()
                    .any(|(i, q)| !periods.contains(&i) && q.days().is_some_and(|d| d > limit))
            })
            && self.every_longer_than.is_none_or(|limit| {
                let words = norm.words();
                pakta_norms::quantity::quantities(words)
                    .iter()
                    .any(|q| q.days().is_some_and(|d| d > limit) && q.is_interval(words))
            })
            && self.below.is_none_or(|(floor, within)| {
                let words = norm.words();
                let quantities = pakta_norms::quantity::quantities(words);
                pakta_norms::quantity::hours_within(&quantities, words)
                    .iter()
                    .any(|f| !f.ceiling && f.hours < floor && within.is_none_or(|w| f.period == Some(w)))
            })
            && self.younger_than.is_none_or(|floor| {
                // An age the reader did not see as one ("the minimum age shall be sixteen years") still
                // reads as one in a rule about age: no duration of twelve to seventeen years is written
                // beside a worker's age.
                pakta_norms::quantity::quantities(norm.words()).iter().any(|q| {
                    q.unit == pakta_norms::quantity::Unit::Year
                        && (q.age || q.value >= 12.0)
                        && q.value < floor
                        && q.bound != Some(pakta_norms::quantity::Bound::AtMost)
                })
            })
            && (self.condition.is_empty()
                || norm.conditions.iter().any(|c| {
                    !c.denied
                        && c.words()
                            .split(' ')
                            .any(|t| self.condition.iter().any(|p| t.starts_with(p.as_str())))
                }))
    }
}

/// A duration of a norm rule's data in days, or the message that says what to write.
fn duration(key: &str, written: Option<&str>) -> Result<Option<f64>, String> {
    written
        .map(|d| {
            days(d).ok_or_else(|| {
                format!("norm rule {key} `{d}` must be a duration such as \"2 years\"")
            })
        })
        .transpose()
}

/// A floor of a norm rule's data in hours ("10 hours", "7 days"), or the message that says what to write.
fn in_hours(key: &str, written: &str) -> Result<f64, String> {
    written_quantity(written)
        .and_then(|q| q.hours())
        .ok_or_else(|| {
            format!("norm rule {key} `{written}` must be hours or days, such as \"10 hours\"")
        })
}

/// An age of a norm rule's data in years ("18 years").
fn years(written: &str) -> Option<f64> {
    written_quantity(written)
        .filter(|q| q.unit == pakta_norms::quantity::Unit::Year)
        .map(|q| q.value)
}

/// The one quantity a value of a rule's data names ("2 years", "10 hours").
fn written_quantity(written: &str) -> Option<pakta_norms::quantity::Quantity> {
    let mut quantities = pakta_norms::quantity::quantities(written);
    (quantities.len() == 1).then(|| quantities.remove(0))
}

/// The word a clause must hold for an entry to stand in it: a phrase's longest word.
fn key_word(entry: &str) -> String {
    entry
        .trim_end_matches('*')
        .split(' ')
        .max_by_key(|part| part.len())
        .unwrap_or(entry)
        .to_string()
}

/// Whether a rule or a shared rule could find anything in a clause with these folded words, when none of
/// its sentences speaks of the requirement: a word of each of a rule's word lists, or a reference
/// (`refers_back`: whether a word of the clause refers to another, which the caller reads once a clause).
pub fn may_speak<'w>(
    rules: &[NormRule],
    words: impl Iterator<Item = &'w str>,
    refers_back: bool,
) -> bool {
    refers_back || {
        let words: Vec<&str> = words.collect();
        rules
            .iter()
            .any(|rule| !rule.speaks.is_empty() && rule.may_speak_in(&words))
    }
}

/// Word prefixes a clause's words are tested against, with the starts they can have
/// ([`pakta_norms::Starts`]): asked of every word of many clauses, most of which no prefix of the list
/// can start.
#[derive(Debug, Clone, Default, PartialEq)]
struct KeyWords {
    prefixes: Vec<String>,
    starts: pakta_norms::Starts,
}

impl KeyWords {
    fn new(prefixes: Vec<String>) -> KeyWords {
        let mut starts = pakta_norms::Starts::new();
        for p in &prefixes {
            starts.add(p, false);
        }
        KeyWords { prefixes, starts }
    }

    fn is_empty(&self) -> bool {
        self.prefixes.is_empty()
    }

    /// Whether `word` starts with one of the prefixes.
    fn starts(&self, word: &str) -> bool {
        self.starts.admits(word) && self.prefixes.iter().any(|k| word.starts_with(k.as_str()))
    }
}

impl NormRule {
    /// Whether a clause of these folded words holds a word of each of the rule's word lists (object,
    /// `also`, `together`): only then can one of its norms be one the rule speaks of.
    pub(crate) fn may_speak_in(&self, words: &[&str]) -> bool {
        self.speaks
            .iter()
            .all(|list| words.iter().any(|w| list.starts(w)))
    }

    /// [`Self::may_speak_in`], and where the rule names actions, one of them stands in the clause (whose
    /// action classes `actions` reads, only when needed): a topic rule on deductions of store goods need
    /// not read every clause on trade in goods.
    pub(crate) fn may_judge(
        &self,
        words: &[&str],
        actions: impl Fn() -> pakta_norms::ActionSet,
    ) -> bool {
        self.may_speak_in(words) && (self.action.is_empty() || actions().meets(self.actions))
    }
}

/// Whether a rule with action classes could find a norm in a clause: one of its words is such an action
/// ("may be amended by the Second Party" for a rule on `amend`).
/// `actions`: the clause's action classes.
pub fn may_act(rules: &[NormRule], actions: impl Fn() -> pakta_norms::ActionSet) -> bool {
    // A rule with object or `also` words is found by those words (`may_speak`), more cheaply.
    rules.iter().any(|rule| {
        !rule.action.is_empty()
            && rule.object.is_empty()
            && rule.also.is_empty()
            && actions().meets(rule.actions)
    })
}

/// A finding about one norm.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub effect: Effect,
    /// The rule, as a lawyer would name it.
    pub why: String,
}

/// Judges one norm of a clause against a requirement: its own rules first, then the rules every worker
/// protection shares. `sentence` holds the other norms of the norm's sentence (for a right that another
/// norm of the sentence lets the employer postpone). `on_topic`: the sentence speaks of the requirement.
pub fn judge(
    rules: &[&NormRule],
    protects_workers: bool,
    norm: &Norm,
    sentence: &[&Norm],
    on_topic: bool,
) -> Option<Judgement> {
    // Contradictions first: a clause that both grants and takes away is weaker; then what only a reader
    // can judge.
    let mut satisfied = None;
    let mut qualified = None;
    for rule in rules {
        if rule.matches(norm, sentence, on_topic) {
            match rule.effect {
                Effect::Contradicts => {
                    return Some(Judgement {
                        effect: Effect::Contradicts,
                        why: rule.why.clone(),
                    });
                }
                Effect::Qualifies => {
                    qualified.get_or_insert_with(|| rule.why.clone());
                }
                Effect::Satisfies => {
                    satisfied.get_or_insert_with(|| rule.why.clone());
                }
            }
        }
    }
    // The shared rules are about how a protection is taken away; within the scope of a matched clause
    // they need no topic word in the same sentence ("Paragraph (1) does not apply to farm workers").
    // "Paragraph (1) shall not apply to …" speaks of the topic through its reference.
    // Asked last: reading the norm's words for a reference is the dear part.
    if protects_workers
        && (on_topic || norm.mentions(pakta_norms::lexicon::references()))
        && let Some(why) = shared_contradiction(norm, sentence)
    {
        return Some(Judgement {
            effect: Effect::Contradicts,
            why: why.to_string(),
        });
    }
    qualified
        .map(|why| Judgement {
            effect: Effect::Qualifies,
            why,
        })
        .or_else(|| {
            satisfied.map(|why| Judgement {
                effect: Effect::Satisfies,
                why,
            })
        })
}

/// The rules that may judge a norm of a clause: those whose words and actions all stand in it. Asked
/// once a clause, so that a norm is not tried against rules that cannot speak of it.
pub fn rules_for<'r>(
    rules: &'r [NormRule],
    tokens: &[pakta_norms::lexicon::Token],
    actions: impl Fn() -> pakta_norms::ActionSet,
) -> Vec<&'r NormRule> {
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    rules
        .iter()
        .filter(|rule| rule.may_judge(&words, &actions))
        .collect()
}

/// Whether any of a requirement's rules reads the whole article of a matched clause.
pub fn has_article_rules(rules: &[NormRule]) -> bool {
    rules.iter().any(NormRule::reads_article)
}

/// Whether a clause holds the words of a rule that reads the whole article (see
/// [`has_article_rules`]): only then are its norms read for one.
pub fn may_speak_in_article(
    rules: &[NormRule],
    tokens: &[pakta_norms::lexicon::Token],
    actions: impl Fn() -> pakta_norms::ActionSet,
) -> bool {
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    rules
        .iter()
        .any(|rule| rule.reads_article() && rule.may_judge(&words, &actions))
}

/// Judges a norm that stands in the article of a matched clause but not in a sentence of the topic: only
/// the requirement's own rules that take it away are asked. Their words name the technique ("sixty per
/// cent" beside "transfer"), so the article is topic enough; the shared rules ("where feasible", a consent
/// condition) would read any paragraph of a mixed article as the requirement's.
pub fn judge_in_article(rules: &[&NormRule], norm: &Norm, sentence: &[&Norm]) -> Option<Judgement> {
    let mut qualified = None;
    for rule in rules.iter().filter(|rule| rule.reads_article()) {
        if rule.matches(norm, sentence, true) {
            if rule.effect == Effect::Contradicts {
                return Some(Judgement {
                    effect: Effect::Contradicts,
                    why: rule.why.clone(),
                });
            }
            qualified.get_or_insert_with(|| rule.why.clone());
        }
    }
    qualified.map(|why| Judgement {
        effect: Effect::Qualifies,
        why,
    })
}

/// The ways any worker protection is taken away, whatever it is.
fn shared_contradiction(norm: &Norm, sentence: &[&Norm]) -> Option<&'static str> {
    let bearer = norm.bearer_role();
    let affirmed = !norm.denied();
    // An escape ("to the extent that the legislation permits", "at their discretion", *apabila
    // memungkinkan*) leaves the duty to the bearer's means, law or will.
    // The escape must bear on an act: a hedge beside a particular in a list of contents ("the place of
    // reporting on board, where possible") is the standard's own wording, not an escape from a duty. A
    // recommendation ("should", *hendaknya*) or an effort ("shall endeavour") of anyone but the worker is
    // one too. So is a duty left to its bearer's own judgement ("shall, where it deems fit, provide").
    let acts = norm.action.as_ref().is_some_and(|a| !a.classes.is_empty());
    let hedged_modal = norm
        .hedge
        .as_ref()
        .is_some_and(|h| !norm.modal.is_empty() && h.contains(norm.modal.as_str()));
    // "The implementation of paragraph 1(a) shall be gradual, as far as the employer can afford", *…
    // sebagaimana dimaksud pada ayat (1) dilakukan … sesuai dengan kemampuan Pemberi Kerja*: a hedge on
    // carrying out a provision of the text bears on what that provision grants.
    let on_a_provision = norm.hedge.is_some() && norm.mentions(pakta_norms::lexicon::references());
    let escape = match norm.modality {
        // An effort bears on an act whatever the verb ("will endeavour … to assist workers").
        Modality::HedgedDuty => {
            acts || (norm.hedge.is_some() && norm.action.is_some())
                || hedged_modal
                || (norm.hedge.is_none() && !norm.modal.is_empty())
                || on_a_provision
        }
        Modality::Permission | Modality::Statement => {
            norm.hedge.is_some() && (acts || hedged_modal)
        }
        _ => false,
    } || left_to_own_judgement(norm).is_some();
    if affirmed && escape && !bearer.is_some_and(Role::is_worker_side) {
        return Some(
            "an escape clause: the duty holds only as far as means, law or discretion allow",
        );
    }
    // "The employer is not required to provide a private room", "neither Party shall be obliged to
    // assist", *Pemberi Kerja tidak berkewajiban menyediakan*: the duty is disclaimed. A worker who is
    // not required to do something ("no worker is required to live in") is spared and loses nothing, so
    // the bearer must be the subject before the modal, not a party named after it ("Pekerja tidak wajib
    // meminta izin Pengguna").
    if norm.negated
        && norm.modality == Modality::Obligation
        && acts
        && bearer.is_some_and(|r| !r.is_worker_side())
        && subject_before_modal(norm)
    {
        return Some("the duty is disclaimed: the bearer is not bound to do it");
    }
    // "The Worker is entitled to a weekly rest day, where the workload permits", *berhak atas libur …
    // apabila pekerjaan memungkinkan*: the worker's right holds only as far as the work or someone's
    // means allow.
    if affirmed
        && bearer.is_some_and(Role::is_worker_side)
        && norm.modality == Modality::HedgedDuty
        && norm.hedge.is_some()
        && pakta_norms::lexicon::grants(&norm.modal)
    {
        return Some(
            "the worker's right holds only as far as the work, the means or the employer allow",
        );
    }
    // "The worker shall not leave the house without the employer's permission": the freedom is the
    // employer's to give. A permission whose giver the text does not name ("without prior written
    // permission", "without the welfare officer's leave") is whoever manages the worker's day.
    if bearer.is_some_and(Role::is_worker_side)
        && norm.modality == Modality::Prohibition
        && !norm.passive
        && norm.conditions.iter().any(|c| {
            c.denied
                && c.consent
                && (c.roles.iter().any(|r| r.is_employer_side()) || c.roles.is_empty())
        })
    {
        return Some("the worker may act only with the employer side's permission");
    }
    if (affirmed && norm.excludes_workers()) || norm.ineligible() {
        return Some("a group of workers, or a matter, is excluded from the protection");
    }
    // "Seasonal workers shall not be enrolled in the insurance scheme", *tidak didaftarkan*.
    if norm.denied()
        && norm.passive
        && norm.acts(&["include"])
        && norm.mentioned.iter().any(|r| r.is_worker_side())
    {
        return Some("workers are kept out of the scheme that gives the protection");
    }
    if affirmed && norm.acts(&["lapse"]) {
        return Some("the protection lapses: a duty or right ends by itself");
    }
    if affirmed && norm.acts(&["waive"]) && !bearer.is_some_and(Role::is_employer_side) {
        return Some("the worker may give the protection up");
    }
    if affirmed
        && !bearer.is_some_and(Role::is_employer_side)
        && norm.employer_condition().is_some()
    {
        return Some(
            "the protection depends on the employer side's consent or judgement (condition or exception)",
        );
    }
    if affirmed
        && norm.acts(&["consent"])
        && norm
            .beneficiary
            .as_ref()
            .is_some_and(|a| a.role.is_employer_side())
        && !bearer.is_some_and(Role::is_employer_side)
    {
        return Some("the protection requires the employer side's consent");
    }
    // A power to suspend "only where safety requires it" is bounded; one without bounds is not. Nor is a
    // suspension for an emergency ("where the master suspends them for the immediate safety of the
    // vessel"), which the standards themselves allow.
    let bounded =
        || (norm.narrowed && norm.conditions.iter().any(|c| !c.denied)) || norm.for_emergency();
    // Changed at the worker's own request, it is no loss.
    let harmless = norm.conditions.iter().any(|c| c.workers_request());
    if affirmed
        && !harmless
        && norm.acts(&["postpone"])
        && (bearer.is_some_and(Role::is_employer_side) || (bearer.is_none() && norm.passive))
        && matches!(
            norm.modality,
            Modality::Permission | Modality::Statement | Modality::Right
        )
        && !bounded()
    {
        return Some("what the clause grants may be postponed, replaced or withdrawn");
    }
    if affirmed
        && norm.passive
        && norm.acts(&["decide"])
        && bearer.is_some_and(Role::is_employer_side)
    {
        return Some("the protection is left to the employer side to decide");
    }
    // "may only … if", *hanya dapat … apabila*: the worker's right shrinks to a precondition. One that
    // rests on a public authority alone ("only with the approval of the employment office") is
    // oversight, not a private party's say.
    if affirmed
        && bearer.is_some_and(Role::is_worker_side)
        && matches!(norm.modality, Modality::Permission | Modality::Right)
        && norm.narrowed
        && norm
            .conditions
            .iter()
            .any(|c| !c.denied && (c.roles.is_empty() || !c.roles.iter().all(|r| r.is_public())))
    {
        return Some("the worker's right is narrowed to a precondition (\"only if\")");
    }
    let benefit = affirmed
        && match bearer {
            Some(role) if role.is_worker_side() => matches!(
                norm.modality,
                Modality::Right | Modality::Permission | Modality::Statement
            ),
            Some(role) if role.is_employer_side() => {
                matches!(norm.modality, Modality::Obligation | Modality::Statement)
            }
            _ => false,
        };
    if benefit
        && sentence.iter().any(|other| {
            !std::ptr::eq(*other, norm)
                && other.bearer_role().is_some_and(Role::is_employer_side)
                && other.modality == Modality::Permission
                && !other.denied()
                // "may terminate only for a valid reason" is a limit on the employer.
                && !other.narrowed
                && other.acts(&["postpone", "terminate", "restrict", "keep"])
        })
    {
        return Some("the employer side may postpone, cut or withdraw what the clause grants");
    }
    // "No worker shall leave the country unless a contract has been signed": a ban lifted by a safeguard
    // that is in no private party's hands is a control before departure, not a freedom taken away. One
    // lifted by the employer side's leave was judged above.
    let lifted_by_safeguard = norm.conditions.iter().any(|c| {
        // Whose say it is: the one the text names as giving it, else anyone it names.
        let private = |r: &Role| r.is_employer_side() || *r == Role::Family;
        let private_say = (c.consent || c.request)
            && c.giver
                .map_or_else(|| c.roles.iter().any(private), |g| private(&g));
        !c.denied
            && c.kind == pakta_norms::ConditionKind::Exception
            && !c.discretion
            && !private_say
    });
    if bearer.is_some_and(Role::is_worker_side)
        && norm.modality == Modality::Prohibition
        && !norm.passive
        && !lifted_by_safeguard
        && norm.acts(&["leave", "change", "join", "communicate", "keep", "remit"])
    {
        return Some("the worker is forbidden the freedom the protection gives");
    }
    None
}

/// The condition that leaves a duty or power of anyone but the worker to its bearer's own judgement ("Each
/// Party may, if it considers it necessary, designate …"): an escape however the act is worded. Asked by
/// the shared rules and by the dilution of a matched clause.
pub(crate) fn left_to_own_judgement(norm: &Norm) -> Option<&pakta_norms::Condition> {
    if norm.denied()
        || norm.modality == Modality::Prohibition
        || norm.bearer_role().is_some_and(Role::is_worker_side)
    {
        return None;
    }
    norm.own_judgement()
}

/// Whether the norm's bearer is named before its modal ("The employer is not required"), as a subject is.
fn subject_before_modal(norm: &Norm) -> bool {
    let (Some(bearer), Some(modal)) = (norm.bearer.as_ref(), norm.modal.split(' ').next()) else {
        return false;
    };
    // Word by word, so that "is" is not found inside "this".
    let words: Vec<&str> = norm.words().split(' ').collect();
    let bearer = pakta_norms::lexicon::fold_phrase(&bearer.words);
    let bearer: Vec<&str> = bearer.split(' ').collect();
    let modal = pakta_norms::lexicon::fold_phrase(modal);
    let bearer_at = words
        .windows(bearer.len())
        .position(|w| w == bearer.as_slice());
    let modal_at = words.iter().position(|w| *w == modal);
    matches!((bearer_at, modal_at), (Some(b), Some(m)) if b < m)
}

/// A duration written as data ("2 years", "18 months") in days.
fn days(text: &str) -> Option<f64> {
    written_quantity(text).and_then(|q| q.days())
}
