//! Language versions of one agreement: do the English and the Indonesian text say the same thing?
//!
//! Authentic texts in two languages are aligned by structure (article numbers and clause ids, which pakta
//! derives from numbering, not words), and each aligned article is compared on what translation must not
//! change: its paragraphs and points, its quantities (normalised, so "30 (thirty) days" meets "30 (tiga
//! puluh) hari") with the period each is counted per, its cross-references, and what its norms allow or
//! forbid ("shall not hold the passport" against *boleh menyimpan paspor*).

use std::collections::BTreeMap;

use pakta_core::{Agreement, Article, Language, crossref, words};
use pakta_norms::quantity::{Quantity, quantities};
use pakta_norms::texts::AuthenticTexts;
use pakta_norms::{Modality, Norm};

/// What kind of inconsistency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An article in one version only.
    Article,
    /// A paragraph or point in one version only.
    Clause,
    /// A number, amount, duration or percentage in one version only.
    Quantity,
    /// A cross-reference to a different article.
    Reference,
    /// An act one version forbids and the other allows or requires, or requires and the other only
    /// allows.
    Modality,
    /// The versions disagree on which language versions are authentic or which prevails: each English
    /// and Indonesian text declaring itself the one that prevails.
    AuthenticTexts,
    /// An act borne by another party, or done for another, in one version: "The Employer shall bear the
    /// cost" against *Pekerja wajib menanggung biaya*, the wage paid to the worker against *kepada agensi*.
    Party,
    /// Someone's consent asked in one version and not in the other: "without the consent of the
    /// Employer" against *dengan persetujuan Pemberi Kerja*.
    Condition,
    /// Paid in one version, unpaid in the other: "paid annual leave" against *cuti tahunan tidak
    /// berbayar*.
    Cost,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Clause => "clause",
            Kind::Quantity => "quantity",
            Kind::Reference => "reference",
            Kind::Modality => "modality",
            Kind::AuthenticTexts => "authentic-texts",
            Kind::Party => "party",
            Kind::Condition => "condition",
            Kind::Cost => "cost",
        }
    }
}

/// One inconsistency between version A and version B.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inconsistency {
    pub kind: Kind,
    /// The article's printed number.
    pub article: String,
    /// The clause id, when the finding is about one clause.
    pub clause: Option<String>,
    /// What A says (empty when A lacks it).
    pub a: String,
    /// What B says.
    pub b: String,
}

/// The comparison of two language versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parallel {
    pub a_articles: usize,
    pub b_articles: usize,
    pub aligned: usize,
    pub inconsistencies: Vec<Inconsistency>,
}

fn key(article: &Article) -> (usize, String) {
    (article.sequence, words::fold(&article.number))
}

/// Compares two language versions of one agreement.
pub fn parallel(a: &Agreement, b: &Agreement) -> Parallel {
    let b_by_key: BTreeMap<(usize, String), &Article> =
        b.articles.iter().map(|x| (key(x), x)).collect();
    let a_keys: Vec<(usize, String)> = a.articles.iter().map(key).collect();
    let mut inconsistencies = Vec::new();
    let mut aligned = 0;
    for article in &a.articles {
        let Some(other) = b_by_key.get(&key(article)) else {
            inconsistencies.push(Inconsistency {
                kind: Kind::Article,
                article: article.number.clone(),
                clause: None,
                a: article
                    .heading
                    .clone()
                    .unwrap_or_else(|| format!("Article {}", article.number)),
                b: String::new(),
            });
            continue;
        };
        aligned += 1;
        compare(article, other, &mut inconsistencies);
    }
    for article in &b.articles {
        if !a_keys.contains(&key(article)) {
            inconsistencies.push(Inconsistency {
                kind: Kind::Article,
                article: article.number.clone(),
                clause: None,
                a: String::new(),
                b: article
                    .heading
                    .clone()
                    .unwrap_or_else(|| format!("Article {}", article.number)),
            });
        }
    }
    authentic_texts(a, b, &mut inconsistencies);
    Parallel {
        a_articles: a.articles.len(),
        b_articles: b.articles.len(),
        aligned,
        inconsistencies,
    }
}

/// Where a version says which of its language versions prevails: the number of the first article that
/// names its authentic texts, or `None` for the closing formula, with what it says.
fn declared_texts(agreement: &Agreement) -> Option<(Option<String>, AuthenticTexts)> {
    let closing = agreement
        .closing
        .iter()
        .map(|block| block.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    agreement
        .articles
        .iter()
        .map(|article| (Some(article.number.clone()), article.text()))
        .chain(std::iter::once((None, closing)))
        .map(|(place, text)| (place, pakta_norms::texts::authentic_texts(&text)))
        .find(|(_, texts)| !texts.is_empty())
}

/// Two versions that name different authentic languages, or different prevailing texts ("the English
/// text shall prevail" against *naskah bahasa Indonesia yang berlaku*). A version that says nothing is no
/// disagreement: many agreements say it once, in one language.
fn authentic_texts(a: &Agreement, b: &Agreement, out: &mut Vec<Inconsistency>) {
    let (Some((place_a, texts_a)), Some((_, texts_b))) = (declared_texts(a), declared_texts(b))
    else {
        return;
    };
    let prevailing_differs = texts_a.prevailing.is_some()
        && texts_b.prevailing.is_some()
        && texts_a.prevailing != texts_b.prevailing;
    if prevailing_differs
        || texts_a.languages != texts_b.languages
        || texts_a.translations != texts_b.translations
    {
        // Where version A says it: an article, or the closing formula (no article, named as the clause).
        let (article, clause) = match place_a {
            Some(number) => (number, None),
            None => (String::new(), Some("closing formula".to_string())),
        };
        out.push(Inconsistency {
            kind: Kind::AuthenticTexts,
            article,
            clause,
            a: texts_a.to_string(),
            b: texts_b.to_string(),
        });
    }
}

fn compare(a: &Article, b: &Article, out: &mut Vec<Inconsistency>) {
    let a_clauses = a.clauses_flat();
    let b_clauses = b.clauses_flat();
    let b_ids: BTreeMap<&str, &pakta_core::Clause> =
        b_clauses.iter().map(|c| (c.id.as_str(), *c)).collect();
    let a_ids: BTreeMap<&str, &pakta_core::Clause> =
        a_clauses.iter().map(|c| (c.id.as_str(), *c)).collect();
    for clause in &a_clauses {
        match b_ids.get(clause.id.as_str()) {
            None => out.push(Inconsistency {
                kind: Kind::Clause,
                article: a.number.clone(),
                clause: Some(clause.id.clone()),
                a: clause.label.clone().unwrap_or_default(),
                b: String::new(),
            }),
            Some(other) => compare_text(&a.number, &clause.id, &clause.text, &other.text, out),
        }
    }
    for clause in &b_clauses {
        if !a_ids.contains_key(clause.id.as_str()) {
            out.push(Inconsistency {
                kind: Kind::Clause,
                article: a.number.clone(),
                clause: Some(clause.id.clone()),
                a: String::new(),
                b: clause.label.clone().unwrap_or_default(),
            });
        }
    }
    if a_clauses.is_empty() && b_clauses.is_empty() {
        compare_text(&a.number, &a.id, &a.text(), &b.text(), out);
    }
}

fn compare_text(article: &str, clause: &str, a: &str, b: &str, out: &mut Vec<Inconsistency>) {
    // Quantities: a multiset of normalised keys on each side.
    let count = |list: &[Quantity]| {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for q in list {
            map.entry(q.amount_key()).or_default().push(q.text.clone());
        }
        map
    };
    let (list_a, list_b) = (quantities(a), quantities(b));
    let (qa, qb) = (count(&list_a), count(&list_b));
    let mut only_a = Vec::new();
    let mut only_b = Vec::new();
    for (k, texts) in &qa {
        let other = qb.get(k).map_or(0, Vec::len);
        only_a.extend(texts.iter().skip(other).cloned());
    }
    for (k, texts) in &qb {
        let other = qa.get(k).map_or(0, Vec::len);
        only_b.extend(texts.iter().skip(other).cloned());
    }
    // The same amount counted per another period: "10 days per year" against *10 hari setiap bulan*.
    // Only where both versions say the period: languages leave it out in different places.
    let (a_per, b_per) = said_otherwise((&list_a, a), (&list_b, b), |q| q.per);
    // The same amount as a floor in one version and a ceiling in the other: "no later than the seventh
    // day" against *paling cepat tanggal 7*. Only where both versions write a bound. A duration is left
    // out: "at least six months before" is *paling lambat enam bulan sebelum*.
    let (a_bound, b_bound) = said_otherwise((&list_a, a), (&list_b, b), |q| {
        q.bound.filter(|_| q.days().is_none())
    });
    only_a.extend(a_per.into_iter().chain(a_bound));
    only_b.extend(b_per.into_iter().chain(b_bound));
    if !only_a.is_empty() || !only_b.is_empty() {
        out.push(Inconsistency {
            kind: Kind::Quantity,
            article: article.to_string(),
            clause: Some(clause.to_string()),
            a: only_a.join("; "),
            b: only_b.join("; "),
        });
    }
    let (norms_a, norms_b) = (clause_norms(a), clause_norms(b));
    for (kind, found) in [
        (Kind::Modality, stances_differ(&norms_a, &norms_b)),
        (Kind::Party, parties_differ(&norms_a, &norms_b)),
        (Kind::Condition, consents_differ(&norms_a, &norms_b)),
        (Kind::Cost, pay_differs((a, &norms_a), (b, &norms_b))),
        (
            Kind::Condition,
            exclusion_differs((a, &norms_a), (b, &norms_b)),
        ),
    ] {
        if let Some((said_a, said_b)) = found {
            out.push(Inconsistency {
                kind,
                article: article.to_string(),
                clause: Some(clause.to_string()),
                a: said_a,
                b: said_b,
            });
        }
    }
    // Cross-references: which article and paragraph each one names. Points are left out: English "point (a)
    // of paragraph 1" and Indonesian "ayat (1) huruf a" are not yet read to the same depth.
    let refs = |text: &str| {
        let mut list: Vec<(Option<String>, Option<String>, Option<String>)> = crossref::find(text)
            .into_iter()
            .map(|r| (r.article.map(|x| words::fold(&x)), r.paragraph, None))
            .collect();
        list.sort();
        list
    };
    let (ra, rb) = (refs(a), refs(b));
    if ra != rb {
        let show = |list: &[(Option<String>, Option<String>, Option<String>)]| {
            list.iter()
                .map(|(art, para, point)| {
                    let mut s = art
                        .as_ref()
                        .map(|x| format!("Article {x}"))
                        .unwrap_or_else(|| "this article".into());
                    if let Some(p) = para {
                        s.push_str(&format!("({p})"));
                    }
                    if let Some(p) = point {
                        s.push_str(&format!("({p})"));
                    }
                    s
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(Inconsistency {
            kind: Kind::Reference,
            article: article.to_string(),
            clause: Some(clause.to_string()),
            a: show(&ra),
            b: show(&rb),
        });
    }
}

/// The same amounts (by [`Quantity::amount_key`]), as many on each side, of which `what` (the period
/// counted per, the bound) says something different in one version than in the other: the phrases of
/// each side, to report. Amounts `what` says nothing of on a side are left out.
fn said_otherwise<T: Ord + Copy>(
    (list_a, a): (&[Quantity], &str),
    (list_b, b): (&[Quantity], &str),
    what: impl Fn(&Quantity) -> Option<T>,
) -> (Vec<String>, Vec<String>) {
    let by_amount = |list: &[Quantity], text: &str| {
        let mut map: BTreeMap<String, Vec<(T, String)>> = BTreeMap::new();
        for q in list {
            if let Some(said) = what(q) {
                map.entry(q.amount_key())
                    .or_default()
                    .push((said, text[q.phrase.clone()].to_string()));
            }
        }
        map
    };
    let sorted = |list: &[(T, String)]| {
        let mut said: Vec<T> = list.iter().map(|(x, _)| *x).collect();
        said.sort();
        said
    };
    let (on_a, on_b) = (by_amount(list_a, a), by_amount(list_b, b));
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    for (key, here) in &on_a {
        let Some(there) = on_b.get(key) else { continue };
        if here.len() == there.len() && sorted(here) != sorted(there) {
            only_a.extend(here.iter().map(|(_, t)| t.clone()));
            only_b.extend(there.iter().map(|(_, t)| t.clone()));
        }
    }
    (only_a, only_b)
}

/// What a norm does with its act, as the language versions must agree on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stance {
    Forbidden,
    /// Required by a modal of its own ("shall", *wajib*); a bare statement is left out, since one
    /// language states what the other writes with a modal.
    Required,
    Allowed,
}

fn stance(norm: &Norm) -> Option<Stance> {
    if norm.denied() {
        return Some(Stance::Forbidden);
    }
    match norm.modality {
        Modality::Obligation => Some(Stance::Required),
        Modality::Permission | Modality::Right => Some(Stance::Allowed),
        _ => None,
    }
}

/// The norms of one version's clause, read in its own language, as the redline reads a clause.
fn clause_norms(text: &str) -> Vec<Norm> {
    let indonesian = pakta_core::text::detect_language(text).language == Language::Id;
    crate::flags::norms(text, indonesian)
}

/// An act (by its action class, which both languages share) that one version forbids or requires and the
/// other only allows ("shall not hold" against *boleh menyimpan*, "shall pay" against *dapat membayar*):
/// what each version says of it, modal and verb. The reader words the two languages differently, so only
/// an allowance where the other version has no word of the same stance counts.
fn stances_differ(na: &[Norm], nb: &[Norm]) -> Option<(String, String)> {
    let by_class = |norms: &[Norm]| {
        let mut map: BTreeMap<String, Vec<(Stance, String)>> = BTreeMap::new();
        for norm in norms {
            let (Some(action), Some(stance)) = (&norm.action, stance(norm)) else {
                continue;
            };
            // A floor or a ceiling ("shall be not less than ten hours", *paling sedikit*) binds a
            // number, which the quantities compare.
            if action.is("floor") || action.is("cap") {
                continue;
            }
            let said = format!("{} {}", norm.modal, action.words)
                .trim()
                .to_string();
            for class in &action.classes {
                map.entry(class.to_string())
                    .or_default()
                    .push((stance, said.clone()));
            }
        }
        map
    };
    let (ca, cb) = (by_class(na), by_class(nb));
    let has = |list: &[(Stance, String)], s: Stance| list.iter().any(|(x, _)| *x == s);
    let show = |list: &[(Stance, String)]| {
        list.iter()
            .map(|(_, said)| said.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    for (class, on_a) in &ca {
        let Some(on_b) = cb.get(class) else { continue };
        // One version binds (forbids or requires) where the other only allows.
        let looser = |strict: &[(Stance, String)], loose: &[(Stance, String)]| {
            [Stance::Forbidden, Stance::Required]
                .into_iter()
                .any(|s| has(strict, s) && !has(loose, s))
                && has(loose, Stance::Allowed)
                && !has(loose, Stance::Forbidden)
                && !has(strict, Stance::Allowed)
        };
        if looser(on_a, on_b) || looser(on_b, on_a) {
            return Some((show(on_a), show(on_b)));
        }
    }
    None
}

/// The side, employer or worker, that bears, and that is the beneficiary of, each act (by action class)
/// of a clause's norms, with the words that name it; `None` for an act more than one norm of the clause
/// does, which two languages may split and join differently.
type Parties = BTreeMap<&'static str, Option<(Option<Side>, Option<Side>)>>;

/// The two sides a translation must not swap: who pays, who keeps, to whom it is paid.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Side {
    Employer(String),
    Worker(String),
}

impl Side {
    fn of(actor: Option<&pakta_norms::Actor>) -> Option<Side> {
        let actor = actor?;
        if actor.role.is_employer_side() {
            Some(Side::Employer(actor.words.clone()))
        } else if actor.role.is_worker_side() {
            Some(Side::Worker(actor.words.clone()))
        } else {
            None
        }
    }

    fn same(&self, other: &Side) -> bool {
        matches!(
            (self, other),
            (Side::Employer(_), Side::Employer(_)) | (Side::Worker(_), Side::Worker(_))
        )
    }

    fn words(&self) -> &str {
        match self {
            Side::Employer(w) | Side::Worker(w) => w,
        }
    }
}

fn parties(norms: &[Norm]) -> Parties {
    let mut map: Parties = BTreeMap::new();
    for norm in norms {
        let Some(action) = &norm.action else { continue };
        // A floor or a ceiling binds a number, which the quantities compare; its "bearer" is whatever
        // the sentence opens with.
        for class in action
            .classes
            .iter()
            .filter(|c| !matches!(**c, "floor" | "cap"))
        {
            let sides = (
                Side::of(norm.bearer.as_ref()),
                Side::of(norm.beneficiary.as_ref()),
            );
            map.entry(class)
                .and_modify(|e| *e = None)
                .or_insert(Some(sides));
        }
    }
    map
}

/// An act (by action class) that both versions name once, borne by the employer side in one and by the
/// worker in the other, or done for one in one and for the other in the other: "The Employer shall bear
/// the cost" against *Pekerja wajib menanggung biaya*, the wage paid "to the Worker" against *kepada
/// agensi*. A version that leaves the party unnamed (a passive without an agent) says nothing against the
/// other, and a State, an authority or a generic *pihak* is left to the reader.
fn parties_differ(na: &[Norm], nb: &[Norm]) -> Option<(String, String)> {
    let (pa, pb) = (parties(na), parties(nb));
    let swapped = |a: &Option<Side>, b: &Option<Side>| match (a, b) {
        (Some(a), Some(b)) => !a.same(b),
        _ => false,
    };
    for (class, sides) in &pa {
        let (Some((bearer_a, for_a)), Some(Some((bearer_b, for_b)))) = (sides, pb.get(class))
        else {
            continue;
        };
        if swapped(bearer_a, bearer_b) {
            let (a, b) = (bearer_a.as_ref()?, bearer_b.as_ref()?);
            return Some((a.words().to_string(), b.words().to_string()));
        }
        if swapped(for_a, for_b) {
            let (a, b) = (for_a.as_ref()?, for_b.as_ref()?);
            return Some((format!("for {}", a.words()), format!("for {}", b.words())));
        }
    }
    None
}

/// A consent of the employer side or of a relative that one version asks for and the other does not, or
/// denies ("without the consent of the Employer" against *dengan persetujuan Pemberi Kerja*). The
/// Parties' own agreement, or an authority's, is how the two versions may word a procedure differently.
fn consents_differ(na: &[Norm], nb: &[Norm]) -> Option<(String, String)> {
    let private = |r: &pakta_norms::Role| r.is_employer_side() || *r == pakta_norms::Role::Family;
    let asked = |norms: &[Norm]| -> Vec<String> {
        norms
            .iter()
            .flat_map(|n| &n.conditions)
            .filter(|c| {
                let words = c.words();
                c.consent
                    && !c.denied
                    && !c.mutual
                    && c.giver.map_or_else(|| c.roles.iter().any(private), |g| private(&g))
                    // "… setelah ditandatangani tanpa persetujuan …": a denier inside the condition.
                    && !words.split(' ').any(|w| matches!(w, "tanpa" | "without"))
            })
            .map(|c| c.text.clone())
            .collect()
    };
    let denied = |norms: &[Norm]| -> Vec<String> {
        norms
            .iter()
            .flat_map(|n| &n.conditions)
            .filter(|c| c.consent && c.denied)
            .map(|c| c.text.clone())
            .collect()
    };
    let (asked_a, asked_b) = (asked(na), asked(nb));
    let (denied_a, denied_b) = (denied(na), denied(nb));
    let show = |asked: &[String], denied: &[String]| {
        asked
            .iter()
            .chain(denied)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ")
    };
    (asked_a.is_empty() != asked_b.is_empty())
        .then(|| (show(&asked_a, &denied_a), show(&asked_b, &denied_b)))
}

/// What a cost phrase says: that something is not paid ("unpaid", "without pay", *tidak berbayar*, *tanpa
/// upah*) or is ("paid leave", "with pay", *berbayar*); `None` for any other.
fn paid(term: &str) -> Option<bool> {
    let words: Vec<&str> = term.split_whitespace().collect();
    let negated = words.first().is_some_and(|w| {
        pakta_norms::lexicon::is_strict_negator(w) || *w == "tanpa" || *w == "without"
    });
    let unpaid = words.first().is_some_and(|w| w.starts_with("unpaid"));
    let pay = words
        .iter()
        .any(|w| matches!(*w, "paid" | "pay" | "berbayar" | "upah" | "unpaid"));
    pay.then_some(!(negated || unpaid))
}

/// Whether the worker bears a cost in a clause: a norm of the worker's paying or repaying a sum, not
/// denied, or a cost phrase that names the worker or the payer's own purse ("at the Worker's expense",
/// *atas biaya Pekerja*, *atas biaya sendiri*). `Some(false)` where a phrase or norm says the worker pays
/// nothing ("free of charge", *tanpa biaya*, "shall be exempt from court fees"); `None` where the clause
/// says neither.
fn worker_pays(text: &str, norms: &[Norm]) -> Option<bool> {
    use pakta_norms::lexicon::{Qualifier, speaks_of};
    let worker = |n: &Norm| {
        n.bearer_role()
            .is_some_and(pakta_norms::Role::is_worker_side)
    };
    let sum = |n: &Norm| speaks_of(Qualifier::Money, &format!("{} {}", n.object, n.words()));
    let mut pays = norms.iter().any(|n| {
        crate::flags::borne::bearer(n) == Some(crate::flags::borne::Side::Worker) && sum(n)
    });
    // "The Worker shall have access to the courts … and shall be exempt from court fees": an exemption
    // with no subject of its own is the clause's worker's.
    let clause_worker = norms.iter().any(worker);
    let mut free = norms.iter().any(|n| {
        let exempt = n.acts(&["exclude"])
            && !n.denied()
            && (worker(n) || (n.bearer.is_none() && clause_worker));
        sum(n) && ((worker(n) && n.denied() && n.acts(&["pay", "repay"])) || exempt)
    });
    for term in crate::flags::words::cost_terms(text, norms) {
        let words: Vec<&str> = term.split_whitespace().collect();
        let names_worker = words.iter().any(|w| {
            pakta_norms::Role::of_word(w).is_some_and(pakta_norms::Role::is_worker_side)
                || matches!(*w, "own" | "sendiri")
        });
        let names_employer = words.iter().any(|w| {
            pakta_norms::Role::of_word(w).is_some_and(pakta_norms::Role::is_employer_side)
        });
        if names_worker {
            pays = true;
        } else if names_employer || speaks_of(Qualifier::Free, &term) {
            free = true;
        }
    }
    match (pays, free) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Paid in one version and unpaid in the other, or borne by the worker in one and not in the other,
/// with the phrases each uses.
fn pay_differs((a, na): (&str, &[Norm]), (b, nb): (&str, &[Norm])) -> Option<(String, String)> {
    let terms = |text: &str, norms: &[Norm]| -> Vec<(bool, String)> {
        crate::flags::words::cost_terms(text, norms)
            .into_iter()
            .filter_map(|t| paid(&t).map(|p| (p, t)))
            .collect()
    };
    let (ta, tb) = (terms(a, na), terms(b, nb));
    let only =
        |list: &[(bool, String)], p: bool| !list.is_empty() && list.iter().all(|(x, _)| *x == p);
    let show = |list: &[(bool, String)]| {
        list.iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    if (only(&ta, true) && only(&tb, false)) || (only(&ta, false) && only(&tb, true)) {
        return Some((show(&ta), show(&tb)));
    }
    let say = |pays: bool| {
        if pays {
            "the worker pays"
        } else {
            "the worker pays nothing"
        }
    };
    match (worker_pays(a, na), worker_pays(b, nb)) {
        (Some(x), Some(y)) if x != y => Some((say(x).to_string(), say(y).to_string())),
        _ => None,
    }
}

/// What one version includes the other leaves out, in the same words' place: "including domestic
/// workers" against *tidak termasuk pekerja rumah tangga*, *termasuk* against "excluding". Only such a
/// swap counts: the lexicon's words for leaving something out differ too much between the languages for
/// one version's carve-out alone to say the other lacks it.
fn exclusion_differs((a, _): (&str, &[Norm]), (b, _): (&str, &[Norm])) -> Option<(String, String)> {
    use pakta_norms::lexicon::{Qualifier, tokenize, words_open_with};
    // The first carve-out of a text, as written with the words after it, and whether it includes.
    let read = |text: &str| -> (Option<String>, bool) {
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
        let shown = |k: usize| {
            let end = (k + 6).min(tokens.len()) - 1;
            text[tokens[k].start..tokens[end].end].to_string()
        };
        let carved = (0..words.len())
            .find(|&k| words_open_with(Qualifier::CarveOut, &words[k..]))
            .map(shown);
        let includes = (0..words.len()).any(|k| {
            words_open_with(Qualifier::Inclusion, &words[k..])
                && (k == 0 || !pakta_norms::lexicon::is_strict_negator(words[k - 1]))
        });
        (carved, includes)
    };
    match (read(a), read(b)) {
        ((Some(carved), false), (None, true)) => Some((carved, "including".to_string())),
        ((None, true), (Some(carved), false)) => Some(("including".to_string(), carved)),
        _ => None,
    }
}
