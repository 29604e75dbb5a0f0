//! Language versions of one agreement: do the English and the Indonesian text say the same thing?
//!
//! Authentic texts in two languages are aligned by structure (article numbers and clause ids, which pakta
//! derives from numbering, not words), and each aligned article is compared on what translation must not
//! change: its paragraphs and points, its quantities (normalised, so "30 (thirty) days" meets "30 (tiga
//! puluh) hari"), and its cross-references.

use std::collections::BTreeMap;

use pakta_core::{Agreement, Article, crossref, words};
use pakta_norms::quantity::{Quantity, quantities};

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
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Clause => "clause",
            Kind::Quantity => "quantity",
            Kind::Reference => "reference",
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
    Parallel {
        a_articles: a.articles.len(),
        b_articles: b.articles.len(),
        aligned,
        inconsistencies,
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
    let (qa, qb) = (count(&quantities(a)), count(&quantities(b)));
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
    if !only_a.is_empty() || !only_b.is_empty() {
        out.push(Inconsistency {
            kind: Kind::Quantity,
            article: article.to_string(),
            clause: Some(clause.to_string()),
            a: only_a.join("; "),
            b: only_b.join("; "),
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
