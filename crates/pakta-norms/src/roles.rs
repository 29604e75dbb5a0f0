//! Who a clause speaks of: the roles of a bilateral labour agreement, and the agreement's own names for
//! them.
//!
//! Drafts name the employer side a dozen ways ("the Sponsor", "the master of the vessel", *Pengguna*,
//! *Majikan*, *Pemberi Kerja*); a check that asks "who keeps the passport?" needs the role, not the word.
//! Roles come from the lexicon's lists and from the agreement's definitions, which win.

use crate::lexicon::{Token, fold};
use crate::lists::lists;

/// A role in a bilateral labour agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// A State party or its government.
    State,
    /// An authority of the country of origin ("the Sending Party", *BP2MI*).
    OriginAuthority,
    /// An authority of the country of destination ("the Receiving Agency").
    DestinationAuthority,
    /// An authority whose side the text does not say (a joint committee, a ministry).
    Authority,
    /// The employer side: employer, sponsor, kafeel, principal, a vessel's master, *Pengguna*, *Majikan*.
    Employer,
    /// The recruitment agency side: agencies, brokers, *P3MI*.
    Agency,
    /// The worker, whatever the sector's word (caregiver, crew, *Pekerja Migran Indonesia*).
    Worker,
    /// The worker's family.
    Family,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::State,
        Role::OriginAuthority,
        Role::DestinationAuthority,
        Role::Authority,
        Role::Employer,
        Role::Agency,
        Role::Worker,
        Role::Family,
    ];

    /// The role's name, as the lexicon and the catalogue write it.
    pub fn name(self) -> &'static str {
        match self {
            Role::State => "state",
            Role::OriginAuthority => "origin-authority",
            Role::DestinationAuthority => "destination-authority",
            Role::Authority => "authority",
            Role::Employer => "employer",
            Role::Agency => "agency",
            Role::Worker => "worker",
            Role::Family => "family",
        }
    }

    pub fn named(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    /// Whether the role is the worker or the worker's family: the side a protection is owed to.
    pub fn is_worker_side(self) -> bool {
        matches!(self, Role::Worker | Role::Family)
    }

    /// Whether the role employs or recruits: the side that can keep a passport or shift a cost.
    /// A State or an authority of either side: public oversight, not a private party's say.
    pub fn is_public(self) -> bool {
        matches!(
            self,
            Role::State | Role::OriginAuthority | Role::DestinationAuthority | Role::Authority
        )
    }

    pub fn is_employer_side(self) -> bool {
        matches!(self, Role::Employer | Role::Agency)
    }

    /// The role one folded word names in the lexicon, without an agreement's definitions.
    pub fn of_word(folded: &str) -> Option<Role> {
        head_role(&[folded], 0)
    }

    /// The one-word entries of the role's list, as written there (`employer*`, `majikan`): for indexes
    /// that find a role word before reading it.
    pub fn single_words(self) -> Vec<String> {
        lists()
            .roles
            .iter()
            .filter(|(role, _)| *role == self)
            .flat_map(|(_, set)| set.single_words())
            .collect()
    }

    /// Qualifiers (sending, receiving) rather than heads: they turn a State or an authority into one side's.
    fn is_qualifier(self) -> bool {
        matches!(self, Role::OriginAuthority | Role::DestinationAuthority)
    }
}

/// The roles the agreement itself defines: "'the Sponsor' means the employer", *"P3MI" adalah …*.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Definitions {
    // Asked for every word a role may stand at: a hashed lookup, never iterated, so its order is moot.
    by_word: std::collections::HashMap<String, Role, foldhash::fast::FixedState>,
}

impl Definitions {
    /// Reads definitions from clause texts: a quoted term followed by "means", "refers to", *adalah* or
    /// *berarti* and a phrase that names a role; or a role phrase followed by "hereinafter (referred to as)"
    /// or *selanjutnya disebut* and a term.
    pub fn read<'a>(texts: impl IntoIterator<Item = &'a str>) -> Definitions {
        let mut definitions = Definitions::default();
        for text in texts {
            definitions.read_one(text);
        }
        definitions
    }

    fn read_one(&mut self, text: &str) {
        // Most clauses define nothing; folding every one of a long treaty is not free, and even asking
        // each clause for eight words is a scan of the whole treaty: the searchers are built once.
        static DEFINING: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
            std::sync::OnceLock::new();
        let defining = DEFINING.get_or_init(|| {
            [
                "mean",
                // Not "refer": treaties say "referred to in Article 5" on every page.
                "refers to",
                "referred to as",
                "hereinafter",
                "adalah",
                "berarti",
                "disebut",
                "yaitu",
                "ialah",
            ]
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
            .collect()
        });
        if !defining.iter().any(|f| f.find(text.as_bytes()).is_some()) {
            return;
        }
        let folded = fold(text);
        for (open, close) in [
            ('"', '"'),
            ('\u{201c}', '\u{201d}'),
            ('\'', '\''),
            ('\u{2018}', '\u{2019}'),
        ] {
            let mut from = 0;
            while let Some(start) = folded[from..]
                .find(open)
                .map(|i| from + i + open.len_utf8())
            {
                let Some(end) = folded[start..].find(close).map(|i| start + i) else {
                    break;
                };
                let term = &folded[start..end];
                from = end + close.len_utf8();
                if term.is_empty() || term.split_whitespace().count() > 5 {
                    continue;
                }
                let after: String = folded[from..].chars().take(200).collect();
                let before = &folded[..start.saturating_sub(open.len_utf8())];
                let defining = DEFINING_VERBS.iter().any(|w| {
                    after
                        .trim_start_matches([' ', ',', ':', ')'])
                        .starts_with(w)
                });
                let naming = NAMING_WORDS
                    .iter()
                    .any(|w| before.trim_end_matches([' ', '(', ',']).ends_with(w))
                    || before.trim_end().ends_with("(the")
                    || before.trim_end().ends_with('(');
                if naming && !defining {
                    // "Kementerian … (selanjutnya disebut \"Peserta Indonesia\")": a party named in
                    // the text is a party, whatever the lexicon makes of the word.
                    if let Some(role) = last_role(&head_of(before)).filter(|r| r.is_public()) {
                        self.name_public(term, role);
                        continue;
                    }
                }
                let role = if defining {
                    first_role(&after)
                } else if naming {
                    last_role(&head_of(before))
                } else {
                    None
                };
                if let Some(role) = role {
                    self.define(term, role);
                }
            }
        }
        self.read_unquoted_names(&folded);
    }

    /// Short names given without quotes, the way Indonesian legislation and many MoUs give them:
    /// "Pemberi Kerja Perseorangan yang selanjutnya disingkat PKP adalah …", "the Overseas Placement
    /// Board (hereinafter OPB)". The name runs from the naming words to the definition's verb, a comma or
    /// a closing bracket; its role is that of the phrase it names, or else of the definition after it.
    fn read_unquoted_names(&mut self, folded: &str) {
        // Without quotes, only the words that always name ("hereinafter", *selanjutnya disebut*) are
        // trusted: "the persons referred to as trainees" names nobody.
        let naming = || {
            NAMING_WORDS
                .iter()
                .filter(|m| m.starts_with("hereinafter") || m.starts_with("selanjutnya"))
        };
        let mut from = 0;
        while let Some((at, marker)) = naming()
            .filter_map(|m| folded[from..].find(m).map(|i| (from + i, *m)))
            .min_by_key(|&(at, m)| (at, std::cmp::Reverse(m.len())))
        {
            from = at + marker.len();
            let rest = folded[from..].trim_start_matches([' ', ':']);
            // A quoted name was read with the quoted terms.
            if rest.starts_with(['"', '\'', '\u{201c}', '\u{2018}']) {
                continue;
            }
            let name_end = rest
                .find([',', ';', ')', '(', '.', '\n'])
                .unwrap_or(rest.len());
            // The name ends at a definition's verb, after which its definition follows, or at the
            // clause's own modal ("(hereinafter OLO) shall license …").
            let mut name: Vec<&str> = Vec::new();
            let mut definition = None;
            let mut offset = 0;
            for word in rest[..name_end].split(' ') {
                let end = offset + word.len();
                offset = end + 1;
                if word.is_empty() {
                    continue;
                }
                if DEFINING_VERBS.contains(&word) {
                    definition = Some(&rest[end..]);
                    break;
                }
                if !lists().modal_at(&[word], 0).is_empty() {
                    break;
                }
                name.push(word);
            }
            let name: Vec<&str> = name.into_iter().filter(|w| *w != "the").collect();
            if name.is_empty() || name.len() > 4 {
                continue;
            }
            let term = name.join(" ");
            let before = head_of(folded[..at].trim_end_matches([' ', ',', '(']));
            // "…, yang selanjutnya disebut Asisten, adalah …": the definition may follow the comma.
            let definition = definition.or_else(|| {
                let after = rest[name_end..].trim_start_matches([',', ')', ' ']);
                DEFINING_VERBS.iter().find_map(|w| after.strip_prefix(w))
            });
            let role = last_role(&before).or_else(|| definition.and_then(first_role));
            if let Some(role) = role {
                self.define(&term, role);
            }
        }
    }

    /// Gives a defined term the role of what it names. A definition names what the lexicon does not know
    /// ("the Principal", "Syarikah"): a term with a word the lexicon already places ("Pemberi Kerja") is
    /// read by the lexicon, and only its first and last words are taken, never its function words.
    fn define(&mut self, term: &str, role: Role) {
        let words = term_words(term);
        if words.iter().any(|w| head_role(&[w], 0).is_some()) {
            return;
        }
        for word in [words.first(), words.last()].into_iter().flatten() {
            if !matches!(
                *word,
                "and" | "or" | "of" | "dan" | "atau" | "dari" | "for" | "untuk"
            ) {
                self.by_word.insert(word.to_string(), role);
            }
        }
    }

    /// Gives a term the text names a State or an authority by ("the Ministry of … (hereinafter \"the
    /// Participant\")", *… (selanjutnya disebut "Peserta Indonesia")*) that role, even where the lexicon
    /// reads one of its words as a worker's (*peserta* is a trainee elsewhere): the text's own naming of
    /// a party settles who the word is in that text.
    fn name_public(&mut self, term: &str, role: Role) {
        for word in term_words(term) {
            let placed = head_role(&[word], 0);
            if placed.is_none_or(Role::is_worker_side) {
                self.by_word.insert(word.to_string(), role);
            }
        }
    }

    /// The roles an agreement gives its own words: the definitions of its preamble ("the Ministry of …
    /// (hereinafter \"MBIE\")") and of its clauses, and the parties' short names in its front matter (an
    /// `origin` party is the origin authority, a `destination` one the destination authority).
    pub fn of_agreement(agreement: &pakta_core::Agreement) -> Definitions {
        fn walk<'a>(clause: &'a pakta_core::Clause, out: &mut Vec<&'a str>) {
            out.push(&clause.text);
            for child in &clause.children {
                walk(child, out);
            }
        }
        let mut texts: Vec<&str> = agreement.preamble.iter().map(|b| b.text.as_str()).collect();
        for clause in agreement.articles.iter().flat_map(|a| &a.clauses) {
            walk(clause, &mut texts);
        }
        let mut definitions = Definitions::read(texts);
        for party in &agreement.meta.parties {
            let role = match party.role.as_deref() {
                Some("origin") => Role::OriginAuthority,
                Some("destination") => Role::DestinationAuthority,
                _ => Role::State,
            };
            if let Some(short) = &party.short {
                definitions.name_party(short, role);
            }
        }
        definitions
    }

    /// Names a party by its short name ("MBIE", *KP2MI*), as the agreement's front matter lists it. A
    /// word the lexicon already places, or one the text itself defines, keeps that reading.
    pub fn name_party(&mut self, short: &str, role: Role) {
        let folded = fold(short.trim());
        if folded.is_empty()
            || folded.split_whitespace().count() != 1
            || head_role(&[folded.as_str()], 0).is_some()
        {
            return;
        }
        self.by_word.entry(folded).or_insert(role);
    }

    /// The role the agreement gives this folded word, if it defines one.
    pub fn role(&self, folded: &str) -> Option<Role> {
        if self.by_word.is_empty() {
            return None;
        }
        self.by_word.get(folded).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.by_word.is_empty()
    }
}

/// Words too general to take a role from a definition ("the Agreement", "Indonesia").
/// The words after a term that define it ("'Engager' means …", *"Mitra" adalah …*).
/// The term a clause defines and the words that define it, when the clause is a definition: a quoted term
/// at its start followed by "means", "shall mean", "refers to", *adalah*, *berarti*, *yaitu* or *ialah*
/// (`(a) "Worker" means a national …` → `("Worker", "a national …")`). The redline compares definitions,
/// because a word added to one ("a live-out domestic worker") changes every article that uses the term.
pub fn definition(text: &str) -> Option<(String, String)> {
    // A point's label, when the text still has it.
    let text = pakta_core::label::split_label(text.trim_start())
        .map_or(text, |(_, rest)| rest)
        .trim_start();
    // "The term "Worker" shall mean …", *Istilah "Pekerja" berarti …*: the term is what follows.
    let text = ["the term ", "the expression ", "the word ", "istilah "]
        .iter()
        .find_map(|opener| {
            text.get(..opener.len())
                .filter(|start| start.eq_ignore_ascii_case(opener))
                .map(|_| text[opener.len()..].trim_start())
        })
        .unwrap_or(text);
    let open = text.chars().next()?;
    let close = match open {
        '"' => '"',
        '\u{201c}' => '\u{201d}',
        '\'' => '\'',
        '\u{2018}' => '\u{2019}',
        // Unquoted, as Indonesian lists under "yang dimaksud dengan:" write them: *Pekerja Migran adalah
        // …*, a capitalised term of a few words and the defining verb.
        c if c.is_uppercase() => return unquoted_definition(text),
        _ => return None,
    };
    let rest = &text[open.len_utf8()..];
    let end = rest.find(close)?;
    let term = rest[..end].trim();
    if term.is_empty() || term.split_whitespace().count() > 6 {
        return None;
    }
    let after = rest[end + close.len_utf8()..].trim_start_matches([' ', ',', ':', ')']);
    // "\"Migrant Worker\" (hereinafter \"Worker\") means …": the short name in brackets comes first.
    let after = match after
        .strip_prefix('(')
        .and_then(|inner| inner.split_once(')'))
    {
        Some((named, rest)) if names_term(named) => rest.trim_start_matches([' ', ',', ':']),
        _ => after,
    };
    let lower = after.to_lowercase();
    let verb = DEFINING_VERBS
        .iter()
        .find(|w| lower.starts_with(*w) && !lower[w.len()..].starts_with(char::is_alphanumeric))?;
    Some((term.to_string(), defining_words(&after[verb.len()..])))
}

/// `Term adalah …`, `Term means …`: at most five words before the verb, the first capitalised; or more
/// when a short name is given on the way, as Indonesian statutes define their terms (*Pekerja Migran
/// Indonesia yang selanjutnya disingkat PMI adalah …*), and then the term is the words before it.
fn unquoted_definition(text: &str) -> Option<(String, String)> {
    let tokens = crate::lexicon::tokenize(text);
    let at = tokens.iter().take(14).position(|t| {
        matches!(
            t.folded.as_ref(),
            "adalah" | "means" | "berarti" | "ialah" | "yaitu"
        )
    })?;
    if at == 0 {
        return None;
    }
    let before = &text[..tokens[at].start];
    let lower = before.to_lowercase();
    let named = NAMING_WORDS.iter().filter_map(|w| lower.find(w)).min();
    let term = match named {
        Some(i) => before[..i]
            .trim_end()
            .trim_end_matches(['(', ','])
            .trim_end()
            .strip_suffix(" yang")
            .unwrap_or(
                before[..i]
                    .trim_end()
                    .trim_end_matches(['(', ','])
                    .trim_end(),
            ),
        None if at < 6 => before.trim(),
        None => return None,
    };
    if term.is_empty() {
        return None;
    }
    Some((term.to_string(), defining_words(&text[tokens[at].end..])))
}

/// The words of a defined term that can name it: not its function words, nor a generic word such as
/// "agreement".
fn term_words(term: &str) -> Vec<&str> {
    term.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !crate::lexicon::is_stopword(w) && !is_generic(w))
        .collect()
}

/// The last 120 characters of `text`: where the phrase a naming names ends.
fn head_of(text: &str) -> String {
    let start = text.char_indices().rev().nth(119).map_or(0, |(i, _)| i);
    text[start..].to_string()
}

/// Whether bracketed words give a term its short name ("hereinafter \"Worker\"", *selanjutnya disebut
/// "Pekerja"*).
fn names_term(words: &str) -> bool {
    let lower = words.to_lowercase();
    NAMING_WORDS
        .iter()
        .any(|w| lower.trim_start().starts_with(w))
}

/// The defining words after the verb, without the punctuation and joiner that close a list of definitions
/// ("…; and", "…; dan").
fn defining_words(after: &str) -> String {
    let punctuation = [';', '.', ',', ' '];
    let mut defining = after.trim().trim_end_matches(punctuation);
    for joiner in [" and", " dan", " or", " atau"] {
        defining = defining.strip_suffix(joiner).unwrap_or(defining);
    }
    defining.trim_end_matches(punctuation).to_string()
}

const DEFINING_VERBS: &[&str] = &[
    "means",
    "refers to",
    "shall mean",
    "adalah",
    "berarti",
    "yaitu",
    "ialah",
];

/// The words before a term that name it ("the licensed agency (hereinafter \"the Facilitator\")",
/// *… yang selanjutnya disingkat PKP*).
const NAMING_WORDS: &[&str] = &[
    "selanjutnya disingkat",
    "selanjutnya disebut",
    "hereinafter referred to as",
    "hereinafter called",
    "hereinafter",
    "referred to as",
    "disebut",
];

fn is_generic(word: &str) -> bool {
    matches!(
        word,
        "agreement"
            | "persetujuan"
            | "memorandum"
            | "contract"
            | "perjanjian"
            | "kontrak"
            | "kerja"
            | "work"
            | "employment"
            | "pekerjaan"
            | "ketenagakerjaan"
    )
}

fn first_role(text: &str) -> Option<Role> {
    let tokens = crate::lexicon::tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    // Whether one of the first `within` words is in `list`.
    let says = |list: &[String], within: usize| {
        words
            .iter()
            .take(within)
            .any(|w| list.iter().any(|e| e == w))
    };
    let lists = crate::lists::lists();
    // The defining phrase names a party in its first words ("means the foreign company that …"); a
    // definition of a thing ("'placement cost' means the cost paid for a worker") names none there.
    (0..words.len().min(4))
        .find_map(|i| head_role(&words, i).filter(|r| !r.is_qualifier()))
        // "'Driver' means a Pakistani national recruited to drive …", *"Awak" adalah warga negara yang
        // direkrut …*: someone recruited or employed under the agreement is a worker.
        .or_else(|| says(&lists.recruited, 6).then_some(Role::Worker))
        // "'Implementing organisation' means the manufacturer in Japan that employs and trains the
        // intern", *badan usaha yang mempekerjakan PMI*: whoever employs the workers is the employer.
        .or_else(|| says(&lists.employing, 10).then_some(Role::Employer))
}

fn last_role(text: &str) -> Option<Role> {
    let tokens = crate::lexicon::tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    (0..words.len())
        .rev()
        .take(8)
        .find_map(|i| head_role(&words, i).filter(|r| !r.is_qualifier()))
}

/// The role the lexicon gives the word at `i` (one-word or phrase entries starting there).
fn head_role(words: &[&str], i: usize) -> Option<Role> {
    lists().role_at(words, i)
}

/// Words that end a noun phrase going backwards: prepositions, quantifiers, conjunctions, auxiliaries.
const MODIFIER_STOPS: &[&str] = &[
    "by", "to", "of", "for", "from", "with", "on", "in", "at", "and", "or", "nor", "each", "every",
    "any", "all", "no", "both", "either", "neither", "his", "her", "its", "their", "whose",
    "which", "who", "that", "this", "these", "those", "is", "are", "be", "been", "was", "were",
    "not", "such", "other", "another", "where", "when", "if", "unless", "than", "as", "between",
    "among", "under", "upon", "within",
];

/// An actor named in a clause: its words as written and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    /// The words that name it, as they stand in the text ("the master of the vessel", "Pengguna").
    pub words: String,
}

/// Whether a text is written in Indonesian, for reading compounds head first (*Pemberi Kerja*) rather
/// than head last ("household worker").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    HeadFirst,
    HeadLast,
}

/// The role of the word at `i`, by the agreement's definitions first and then the lexicon.
pub fn role_at(words: &[&str], i: usize, definitions: &Definitions) -> Option<Role> {
    let word = *words.get(i)?;
    // "third parties", *pihak ketiga*: anyone but the Parties.
    let third = matches!(word, "party" | "parties" | "pihak")
        && ((i > 0 && words[i - 1] == "third") || words.get(i + 1) == Some(&"ketiga"));
    if third {
        return None;
    }
    definitions.role(word).or_else(|| head_role(words, i))
}

/// The actor whose noun phrase contains token `i` (which names a role): the run of role words around it,
/// read head first or head last, with a sending/receiving qualifier turning a State or an authority into
/// that side's.
pub fn actor_at(
    tokens: &[Token],
    text: &str,
    i: usize,
    definitions: &Definitions,
    order: Order,
) -> Option<Actor> {
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    role_at(&words, i, definitions)?;
    let named = |k: usize| role_at(&words, k, definitions);
    let joined =
        |k: usize| k > 0 && tokens[k].sentence == tokens[k - 1].sentence && !tokens[k].comma_before;
    let mut start = i;
    while start > 0
        && joined(start)
        && (named(start - 1).is_some()
            || tokens[start - 1].stopword && start >= 2 && named(start - 2).is_some())
    {
        start -= 1;
    }
    let mut end = i + 1;
    loop {
        if end < tokens.len() && joined(end) && named(end).is_some() {
            end += 1;
        } else if end + 1 < tokens.len()
            && tokens[end].stopword
            && joined(end)
            && joined(end + 1)
            && named(end + 1).is_some()
        {
            end += 2;
        } else {
            break;
        }
    }
    // *calon Pemberi Kerja* is a prospective employer, and "embassy staff" act for the embassy: such a
    // word gives way to the other role of its phrase ("hotel staff" are still workers).
    let lists = crate::lists::lists();
    let of = |list: &[String], k: usize| list.iter().any(|w| w == words[k]);
    let yields = |k: usize| {
        (of(&lists.prospective, k) && (start..end).any(|j| j > k && named(j).is_some()))
            || (of(&lists.members, k)
                && (start..end).any(|j| {
                    j != k && named(j).is_some_and(|r| r.is_public() || r == Role::Agency)
                }))
    };
    // A word inside a lexicon phrase that starts earlier ("recruitment company", "placement firm") is
    // part of that name, not a head of its own.
    let mut phrase_end = start;
    let mut roles: Vec<Role> = Vec::new();
    for k in start..end {
        if k < phrase_end {
            continue;
        }
        if end - start > 1 && definitions.role(words[k]).is_none() {
            phrase_end = lists.role_phrase_at(&words, k).map_or(k, |(_, e)| e);
        }
        if !yields(k)
            && let Some(role) = named(k)
        {
            roles.push(role);
        }
    }
    // The words as written include a modifier before an English head ("domestic worker", "current
    // employer"), so a party change reads as the drafts say it.
    if order == Order::HeadLast {
        let mut steps = 0;
        while steps < 2
            && start > 0
            && joined(start)
            && !tokens[start - 1].stopword
            && !MODIFIER_STOPS.contains(&words[start - 1])
            && !crate::lists::lists().binding.contains(words[start - 1])
            && !crate::lists::lists().permissive.contains(words[start - 1])
            && !crate::lists::lists()
                .actions
                .iter()
                .any(|(_, set)| set.contains(words[start - 1]))
            && !words[start - 1].chars().all(|c| c.is_ascii_digit())
        {
            start -= 1;
            steps += 1;
        }
    }
    let heads: Vec<Role> = roles
        .iter()
        .copied()
        .filter(|r| !r.is_qualifier())
        .collect();
    let qualifier = roles.iter().copied().find(|r| r.is_qualifier());
    let head = match order {
        Order::HeadFirst => heads.first().copied(),
        Order::HeadLast => heads.last().copied(),
    };
    let role = match (head, qualifier) {
        (Some(Role::State | Role::Authority | Role::Agency), Some(q)) => q,
        (Some(h), _) => h,
        (None, Some(q)) => q,
        (None, None) => return None,
    };
    Some(Actor {
        role,
        words: text[tokens[start].start..tokens[end - 1].end].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tokenize;

    fn role(text: &str, order: Order, definitions: &Definitions) -> Option<Role> {
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
        let i = (0..words.len()).find(|&i| role_at(&words, i, definitions).is_some())?;
        actor_at(&tokens, text, i, definitions, order).map(|a| a.role)
    }

    #[test]
    fn a_definition_gives_its_term_and_defining_words() {
        assert_eq!(
            definition("\"Worker\" means a national of Indonesia employed in Cambodia;"),
            Some((
                "Worker".into(),
                "a national of Indonesia employed in Cambodia".into()
            ))
        );
        assert_eq!(
            definition(
                "\u{201c}Pengguna\u{201d} adalah rumah tangga yang mempekerjakan Pekerja; dan"
            ),
            Some((
                "Pengguna".into(),
                "rumah tangga yang mempekerjakan Pekerja".into()
            ))
        );
        assert_eq!(definition("The \"Worker\" shall be paid monthly."), None);
        assert_eq!(
            definition(
                "Pekerja Migran adalah setiap warga negara Indonesia yang bekerja di Taiwan."
            ),
            Some((
                "Pekerja Migran".into(),
                "setiap warga negara Indonesia yang bekerja di Taiwan".into()
            ))
        );
        assert_eq!(
            definition("The employer shall pay the wage; this means cash."),
            None
        );
        assert_eq!(definition("\"Worker\" meaningfully differs."), None);
    }

    /// The other forms treaties and statutes define their terms in: "The term … shall mean", a short name
    /// in brackets before the verb, and *… yang selanjutnya disingkat … adalah*.
    #[test]
    fn a_definition_is_read_in_its_other_common_forms() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "1. The term \"Migrant Worker\" shall mean any national of Indonesia employed in Taiwan.",
                Some((
                    "Migrant Worker",
                    "any national of Indonesia employed in Taiwan",
                )),
            ),
            (
                "\"Migrant Worker\" (hereinafter \"Worker\") means any national of Indonesia employed in Taiwan;",
                Some((
                    "Migrant Worker",
                    "any national of Indonesia employed in Taiwan",
                )),
            ),
            (
                "Pekerja Migran Indonesia yang selanjutnya disingkat PMI adalah setiap warga negara Indonesia yang bekerja di Taiwan.",
                Some((
                    "Pekerja Migran Indonesia",
                    "setiap warga negara Indonesia yang bekerja di Taiwan",
                )),
            ),
            (
                "Istilah \"Pengguna\" berarti orang perseorangan yang mempekerjakan PMI.",
                Some(("Pengguna", "orang perseorangan yang mempekerjakan PMI")),
            ),
            ("The term of the contract shall be two years.", None),
            (
                "Pemerintah Republik Indonesia yang selanjutnya disebut Pihak Pertama bertanggung jawab atas pelatihan sebelum keberangkatan yang diberikan kepada calon pekerja.",
                None,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                definition(text),
                expected.map(|(t, d)| (t.to_string(), d.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn reads_roles_of_compounds_in_both_word_orders() {
        let none = Definitions::default();
        assert_eq!(
            role("the household worker", Order::HeadLast, &none),
            Some(Role::Worker)
        );
        assert_eq!(
            role("the master of the vessel", Order::HeadLast, &none),
            Some(Role::Employer)
        );
        assert_eq!(
            role("Pemberi Kerja", Order::HeadFirst, &none),
            Some(Role::Employer)
        );
        assert_eq!(
            role("Perusahaan Penerima", Order::HeadFirst, &none),
            Some(Role::Employer)
        );
        assert_eq!(
            role("keluarga Pekerja", Order::HeadFirst, &none),
            Some(Role::Family)
        );
        assert_eq!(
            role("the Sending Party", Order::HeadLast, &none),
            Some(Role::OriginAuthority)
        );
        assert_eq!(
            role("the worker's family", Order::HeadLast, &none),
            Some(Role::Family)
        );
        assert_eq!(
            role("Agensi Pekerjaan", Order::HeadFirst, &none),
            Some(Role::Agency)
        );
    }

    #[test]
    fn unquoted_short_names_take_the_role_they_name() {
        let definitions = Definitions::read([
            "Pemberi Kerja Perseorangan yang selanjutnya disingkat PKP adalah orang perseorangan yang \
             mempekerjakan Pekerja Rumah Tangga.",
            "Perusahaan penempatan swasta yang selanjutnya disebut Mitra Rekrutmen adalah badan usaha berizin.",
            "The Overseas Labour Office (hereinafter OLO) shall license recruitment agencies.",
            "The Joint Board (hereinafter JB) shall license recruitment agencies.",
            "Orang yang bekerja di rumah tangga, yang selanjutnya disebut Asisten, adalah setiap orang \
             yang direkrut untuk bekerja pada rumah tangga.",
            // A document named so is no party.
            "The standard form annexed hereto, hereinafter the Form, is signed by both sides.",
        ]);
        assert_eq!(definitions.role("pkp"), Some(Role::Employer));
        assert_eq!(definitions.role("mitra"), Some(Role::Agency));
        assert_eq!(definitions.role("rekrutmen"), Some(Role::Agency));
        assert_eq!(definitions.role("asisten"), Some(Role::Worker));
        assert_eq!(definitions.role("form"), None);
        assert_eq!(definitions.role("olo"), Some(Role::Authority));
        // A clause's own words after the name are no definition of it.
        assert_eq!(definitions.role("jb"), None);
    }

    #[test]
    fn definitions_name_roles() {
        let definitions = Definitions::read([
            "\u{201c}Engager\u{201d} means the foreign company that employs the Worker.",
            "\"Mitra Penempatan\" adalah perusahaan berbadan hukum yang mempekerjakan Pekerja.",
            "the licensed private recruitment agency (hereinafter \"the Facilitator\")",
            "\"implementing organisation\" means the food manufacturer in Japan that employs and trains the intern;",
            "\"Tempat Magang\" adalah pabrik di Jepang yang mempekerjakan dan melatih pemagang;",
        ]);
        assert_eq!(definitions.role("implementing"), Some(Role::Employer));
        assert_eq!(definitions.role("tempat"), Some(Role::Employer));
        assert_eq!(definitions.role("engager"), Some(Role::Employer));
        assert_eq!(definitions.role("mitra"), Some(Role::Employer));
        assert_eq!(definitions.role("facilitator"), Some(Role::Agency));
    }

    #[test]
    fn a_party_named_in_the_text_is_a_party() {
        // *Peserta* is a trainee in the lexicon; named so in the preamble, it is the ministry.
        let definitions = Definitions::read([
            "Kementerian Pelindungan Pekerja Migran Indonesia (selanjutnya disebut \"Peserta Indonesia\") dan Kementerian Kesehatan Jepang (selanjutnya bersama-sama disebut \"Para Peserta\")",
        ]);
        assert_eq!(definitions.role("peserta"), Some(Role::Authority));
        // A worker named so stays a worker.
        let definitions =
            Definitions::read(["the migrant worker (hereinafter \"the Participant\")"]);
        assert_ne!(definitions.role("participant"), Some(Role::Authority));
    }
}
