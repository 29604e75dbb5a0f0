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
    let periods = |list: &[Quantity], text: &str| {
        let mut map: BTreeMap<String, Vec<(pakta_norms::quantity::Unit, String)>> = BTreeMap::new();
        for q in list {
            if let Some(per) = q.per {
                map.entry(q.amount_key())
                    .or_default()
                    .push((per, text[q.phrase.clone()].to_string()));
            }
        }
        map
    };
    let (pa, pb) = (periods(&list_a, a), periods(&list_b, b));
    for (k, on_a) in &pa {
        let Some(on_b) = pb.get(k) else { continue };
        let units = |list: &[(pakta_norms::quantity::Unit, String)]| {
            let mut units: Vec<_> = list.iter().map(|(u, _)| *u).collect();
            units.sort();
            units
        };
        if on_a.len() == on_b.len() && units(on_a) != units(on_b) {
            only_a.extend(on_a.iter().map(|(_, t)| t.clone()));
            only_b.extend(on_b.iter().map(|(_, t)| t.clone()));
        }
    }
    if !only_a.is_empty() || !only_b.is_empty() {
        out.push(Inconsistency {
            kind: Kind::Quantity,
            article: article.to_string(),
            clause: Some(clause.to_string()),
            a: only_a.join("; "),
            b: only_b.join("; "),
        });
    }
    if let Some((said_a, said_b)) = stances_differ(a, b) {
        out.push(Inconsistency {
            kind: Kind::Modality,
            article: article.to_string(),
            clause: Some(clause.to_string()),
            a: said_a,
            b: said_b,
        });
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
fn stances_differ(a: &str, b: &str) -> Option<(String, String)> {
    let (na, nb) = (clause_norms(a), clause_norms(b));
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
    let (ca, cb) = (by_class(&na), by_class(&nb));
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
