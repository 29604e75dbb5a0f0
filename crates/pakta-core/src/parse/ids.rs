//! Akoma Ntoso ids for articles, clauses and divisions, derived from numbers, not positions.

use std::collections::{BTreeMap, HashMap};

use super::sequence::outermost_new_division;
use crate::model::{Agreement, Clause, ClauseKind, Division, DivisionKind};
use crate::numbering::ArticleNumber;

/// Makes `base` unique among `used`: `base`, then `base_2`, `base_3` … in constant time per call.
pub(super) fn unique_id(base: String, used: &mut HashMap<String, u32>) -> String {
    let mut id = base.clone();
    loop {
        let next = used.entry(base.clone()).or_insert(1);
        if *next > 1 {
            id = format!("{base}_{next}");
        }
        *next += 1;
        // A generated `base_2` may collide with a printed one; rare, so just try the next suffix.
        if !used.contains_key(&id) || id == base {
            used.entry(id.clone()).or_insert(1);
            return id;
        }
    }
}

/// Article ids: `art_5` in the first numbering sequence; later sequences (annexes, other language versions)
/// are prefixed with the division that starts them; true duplicates get `_2`, `_3`.
pub(super) fn assign_article_ids(agreement: &mut Agreement) {
    let mut used: HashMap<String, u32> = HashMap::new();
    let mut prefix = String::new();
    let mut previous: Option<(usize, Option<usize>)> = None;
    for article in &mut agreement.articles {
        let number = ArticleNumber::parse(&article.number);
        let fragment = number
            .as_ref()
            .map_or_else(|| article.number.to_lowercase(), ArticleNumber::id_fragment);
        if let Some((sequence, previous_division)) = previous
            && sequence != article.sequence
        {
            prefix =
                outermost_new_division(&agreement.divisions, article.division, previous_division)
                    .map(|d| format!("{}__", agreement.divisions[d].id))
                    .unwrap_or_default();
        }
        previous = Some((article.sequence, article.division));
        let id = unique_id(format!("{prefix}art_{fragment}"), &mut used);
        prefix_clause_ids(&mut article.clauses, &id);
        article.id = id;
    }
}

pub(super) fn assign_clause_ids(clauses: &mut [Clause]) {
    let mut used: BTreeMap<String, u32> = BTreeMap::new();
    let (mut bullets, mut unlabelled_count) = (0, 0);
    for clause in clauses.iter_mut() {
        let base = match (&clause.label, clause.kind) {
            (Some(label), ClauseKind::Paragraph) => format!("para_{}", label.replace('.', "-")),
            (Some(label), _) if label == "-" => {
                bullets += 1;
                format!("point_{bullets}")
            }
            (Some(label), _) => format!("point_{}", label.trim_matches(['(', ')'])),
            (None, _) => {
                unlabelled_count += 1;
                format!("subpara_{unlabelled_count}")
            }
        };
        let seen = used.entry(base.clone()).or_insert(0);
        *seen += 1;
        clause.id = if *seen == 1 {
            base
        } else {
            format!("{base}_{seen}")
        };
        assign_clause_ids(&mut clause.children);
    }
}

pub(super) fn prefix_clause_ids(clauses: &mut [Clause], prefix: &str) {
    for clause in clauses {
        // Clause ids hold only their own step until the article's id is known.
        let own = clause.id.rsplit("__").next().unwrap_or(&clause.id);
        let mut id = String::with_capacity(prefix.len() + 2 + own.len());
        id.push_str(prefix);
        id.push_str("__");
        id.push_str(own);
        clause.id = id;
        prefix_clause_ids(&mut clause.children, &clause.id);
    }
}

/// Division ids: `chp_1`, `part_2__chp_1`, `annex_3`, `hcontainer_2` (Roman numbers as Arabic).
pub(super) fn assign_division_ids(divisions: &mut [Division]) {
    let mut used: HashMap<String, u32> = HashMap::new();
    let mut ordinals: BTreeMap<(Option<usize>, DivisionKind), u32> = BTreeMap::new();
    for i in 0..divisions.len() {
        let ordinal = ordinals
            .entry((divisions[i].parent, divisions[i].kind))
            .or_insert(0);
        *ordinal += 1;
        let fragment = match &divisions[i].number {
            Some(n) => {
                ArticleNumber::parse(n).map_or_else(|| n.to_lowercase(), |n| n.id_fragment())
            }
            None => ordinal.to_string(),
        };
        let own = format!("{}_{fragment}", divisions[i].kind.eid_prefix());
        let base = match divisions[i].parent {
            Some(p) => format!("{}__{own}", divisions[p].id),
            None => own,
        };
        divisions[i].id = unique_id(base, &mut used);
    }
}
