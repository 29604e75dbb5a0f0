//! The scope where a requirement's elements and contradictions count: the matched units, the whole
//! article whose heading matched, the numbered paragraph around each matched clause, the paragraphs that
//! point back at it or speak of its topic, and the articles of a provision between the Parties.

use std::collections::BTreeSet;

use super::Text;
use crate::catalogue::Requirement;
use crate::coverage::{Checker, Role, UnitMatch};
use crate::norms::Effect;
use crate::units::{Unit, UnitKind};

/// Where a requirement's elements and contradictions count, and why a unit is there: a clause's norms are
/// read on the topic when its article's heading matched, when it is a provision between the Parties, when
/// it points back at a matched paragraph, or when its lead-in speaks of the topic.
#[derive(Debug)]
pub(super) struct Scope<'a> {
    /// Every unit in scope.
    pub(super) units: BTreeSet<usize>,
    /// The clauses that point back at a matched paragraph of their article.
    pub(super) referring: BTreeSet<usize>,
    /// The articles whose heading matched.
    pub(super) heading_articles: BTreeSet<&'a str>,
    /// Of those, the ones whose heading only a heading name matched ("Taxes", *Pajak*): their clauses are
    /// on the topic, but only one with a word the requirement's own rules look for is read.
    pub(super) named_articles: BTreeSet<&'a str>,
    /// The articles of a provision between the Parties, read whole.
    pub(super) parties_articles: BTreeSet<&'a str>,
    /// The units where a cue or context word of the requirement stands.
    pub(super) spoken: BTreeSet<usize>,
    /// The other clauses of an article where a clause names the topic by a cue: read by the
    /// requirement's own contradiction rules only.
    pub(super) siblings: BTreeSet<usize>,
    /// The articles where a clause names the topic by a cue.
    pub(super) cue_articles: BTreeSet<&'a str>,
}

impl Checker<'_> {
    /// The scope of the matched units, with the sets the later phases read it by.
    pub(super) fn scope<'a>(
        &self,
        r: usize,
        requirement: &Requirement,
        matched: &[&UnitMatch],
        per_unit: &[UnitMatch],
        text: Text<'a>,
    ) -> Scope<'a> {
        let units = text.units;
        let mut members = around_matches(matched, text);
        let spoken: BTreeSet<usize> = per_unit
            .iter()
            .filter(|m| !m.cues.is_empty() || !m.context.is_empty())
            .map(|m| m.unit)
            .collect();
        let mut referring = self.referring(r, matched, text);
        // "(2) The worker shall contribute towards this cost …": a clause that points back to a sum
        // right after one that speaks of the requirement is about that one's sum, whatever else it names.
        referring.extend(spoken.iter().map(|&s| s + 1).filter(|&u| {
            u < units.len()
                && units[u].kind == UnitKind::Clause
                && units[u].parent == units[u - 1].parent
                && units[u].article == units[u - 1].article
                && text.scanned[u].points_back_to_sum()
        }));
        members.extend(&referring);
        members.extend(self.speaking(r, matched, text));
        let parties_articles = parties_articles(requirement, matched, units);
        for article in &parties_articles {
            members.extend(text.layout.by_article.get(article).into_iter().flatten());
        }
        let heading_articles: BTreeSet<&str> = matched
            .iter()
            .filter(|m| units[m.unit].kind == UnitKind::Heading)
            .filter_map(|m| units[m.unit].article)
            .collect();
        let named_articles: BTreeSet<&str> = matched
            .iter()
            .filter(|m| {
                units[m.unit].kind == UnitKind::Heading
                    && m.cues
                        .iter()
                        .all(|h| self.roles[h.pattern].role == Role::Heading)
            })
            .filter_map(|m| units[m.unit].article)
            .collect();
        // A planted twist stands as often in the next paragraph of the article as in the one that names
        // the topic ("(1) Workers may transfer their earnings … (2) the employer shall transfer sixty per
        // cent of each month's wage"): the article is the unit of a topic in an agreement.
        let cue_articles = cue_articles(matched, units);
        let siblings = cue_articles
            .iter()
            .flat_map(|a| text.layout.by_article.get(a).into_iter().flatten().copied())
            .filter(|u| units[*u].kind == UnitKind::Clause && !members.contains(u))
            .collect();
        Scope {
            units: members,
            siblings,
            cue_articles,
            referring,
            heading_articles,
            named_articles,
            parties_articles,
            spoken,
        }
    }

    /// The clauses of a matched paragraph's article that point back at it.
    fn referring(&self, r: usize, matched: &[&UnitMatch], text: Text) -> BTreeSet<usize> {
        let Text {
            units,
            scanned,
            layout,
            ..
        } = text;
        // "Paragraph (1) does not apply to …", *ketentuan sebagaimana dimaksud pada ayat (1) tidak
        // berlaku …*: a clause of the same article that points back at a paragraph is about what that
        // paragraph is about, though it names nothing of it. A paragraph that also names another
        // requirement's topic ("equal treatment in pay, hours and safety") is that one's to take back.
        let mut referring: BTreeSet<usize> = BTreeSet::new();
        for m in matched.iter().filter(|m| {
            !m.cues.is_empty()
                && !units[m.unit].secondary
                && !self.names_topic(&scanned[m.unit], r, false, false)
        }) {
            let siblings = units[m.unit]
                .article
                .and_then(|a| layout.by_article.get(a))
                .into_iter()
                .flatten();
            let number = crate::coverage::paragraph_number(units[m.unit].id);
            for &u in siblings {
                if u == m.unit || units[u].kind != UnitKind::Clause {
                    continue;
                }
                if scanned[u].pointers.point_at(u, m.unit, number) {
                    referring.insert(u);
                }
            }
        }
        // "Articles 3 to 6 do not apply to domestic workers hired directly", in the scope article: an
        // exclusion that names a matched article by number takes from it, wherever it stands.
        let matched_articles: BTreeSet<&str> = matched
            .iter()
            .filter(|m| !m.cues.is_empty())
            .filter_map(|m| units[m.unit].article_number)
            .collect();
        for (u, scan) in scanned.iter().enumerate() {
            if !scan.pointers.excludes.is_empty()
                && units[u].kind == UnitKind::Clause
                && units[u]
                    .article_number
                    .is_none_or(|a| !matched_articles.contains(a))
                && scan
                    .pointers
                    .excludes
                    .iter()
                    .any(|a| matched_articles.contains(a.as_str()))
            {
                referring.insert(u);
            }
        }
        referring
    }

    /// The paragraphs of an article a cue names that speak of the topic in context words alone.
    fn speaking(&self, r: usize, matched: &[&UnitMatch], text: Text) -> Vec<usize> {
        let Text {
            units,
            scanned,
            layout,
            ..
        } = text;
        // "(1) Each Worker shall have a written employment contract … (2) The contract shall be signed
        // within ten days of arrival": a paragraph of the same article that speaks of the topic in its
        // words, though it repeats no cue, and names no other requirement's, is read with it.
        cue_articles(matched, units)
            .iter()
            .flat_map(|a| layout.by_article.get(a).into_iter().flatten().copied())
            .filter(|&u| {
                units[u].kind == UnitKind::Clause
                    && !units[u].secondary
                    && scanned[u].hits.iter().any(|h| {
                        let role = &self.roles[h.pattern];
                        role.requirement == r && role.role == Role::Context
                    })
                    && !self.names_topic(&scanned[u], r, false, false)
            })
            .collect()
    }
}

/// The articles where a clause of their own (not a secondary one) names the topic by a cue.
fn cue_articles<'a>(matched: &[&UnitMatch], units: &[Unit<'a>]) -> BTreeSet<&'a str> {
    matched
        .iter()
        .filter(|m| !m.cues.is_empty() && !units[m.unit].secondary)
        .filter_map(|m| units[m.unit].article)
        .collect()
}

/// The matched units with the article of each matched heading and the numbered paragraph of each matched
/// clause.
fn around_matches(matched: &[&UnitMatch], text: Text) -> BTreeSet<usize> {
    let Text { units, layout, .. } = text;
    // The scope where elements and contradictions count: the matched units, the whole article when its
    // heading matched, and the numbered paragraph around each matched clause.
    let mut scope: BTreeSet<usize> = BTreeSet::new();
    for m in matched {
        let unit = &units[m.unit];
        scope.insert(m.unit);
        if unit.kind == UnitKind::Heading {
            if let Some(members) = unit.article.and_then(|a| layout.by_article.get(a)) {
                scope.extend(members);
            }
        } else if let Some(members) = unit.top.and_then(|top| layout.by_top.get(&top)) {
            scope.extend(members);
        }
    }
    scope
}

/// The articles read whole as a provision between the Parties.
fn parties_articles<'a>(
    requirement: &Requirement,
    matched: &[&UnitMatch],
    units: &[Unit<'a>],
) -> BTreeSet<&'a str> {
    // A provision between the Parties (a joint committee, amendment, information exchange) is one
    // article's business: its other paragraphs ("The annexes may be amended by the Second Party")
    // are read with, and on the topic of, the one that names it.
    // Only a requirement with norm rules of its own has anything to read there.
    // A rule that only qualifies (a group left out of the whole agreement) is read where the topic is
    // named, not article-wide.
    if requirement.protects_workers
        || !requirement
            .norms
            .iter()
            .any(|rule| rule.effect == Effect::Contradicts)
    {
        BTreeSet::new()
    } else {
        matched
            .iter()
            .filter(|m| !units[m.unit].secondary)
            .filter_map(|m| units[m.unit].article)
            .collect()
    }
}
