//! Comparisons built on coverage results: two drafts against each other, and a clause against its model.

use pakta_core::diff::{Change, word_diff, word_similarity};
use pakta_core::{Agreement, Article};

use crate::catalogue::Catalogue;
use crate::coverage::{Coverage, Status};
use crate::models::{ModelClauses, TemplateError};

/// Whether a requirement's treatment got better or worse between two drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Direction {
    Improved,
    Regressed,
    /// A clause of the later draft now qualifies a protection the earlier one gave (covered or partial →
    /// uncertain), or addresses a missing one only with a qualification (missing → uncertain): whether
    /// that is a loss, or a gain, only a reader can tell, so it is not called an improvement.
    Qualified,
    /// Same status, but other articles address it now.
    Moved,
}

impl Direction {
    pub const ALL: [Direction; 4] = [
        Direction::Improved,
        Direction::Regressed,
        Direction::Qualified,
        Direction::Moved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Improved => "improved",
            Direction::Regressed => "regressed",
            Direction::Qualified => "qualified",
            Direction::Moved => "moved",
        }
    }
}

/// One requirement whose coverage differs between OLD and NEW.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageChange {
    pub requirement: String,
    pub old: Status,
    pub new: Status,
    pub old_articles: Vec<String>,
    pub new_articles: Vec<String>,
    pub direction: Direction,
}

fn rank(status: Status) -> u8 {
    match status {
        Status::Covered => 4,
        // All its elements, but a qualification to read: between covered and partial.
        Status::Uncertain => 3,
        Status::Partial => 2,
        Status::Weaker => 1,
        Status::Missing => 0,
        Status::NotApplicable => 5,
    }
}

/// The requirements whose status or articles changed from `old` to `new`, in `old`'s order.
pub fn compare(old: &Coverage, new: &Coverage) -> Vec<CoverageChange> {
    let mut changes = Vec::new();
    for before in &old.results {
        let Some(after) = new.result(&before.requirement) else {
            continue;
        };
        let direction = if before.status != after.status {
            // Missing → weaker is a regression in spirit (a harmful clause appeared), so weaker ranks
            // below missing for this purpose only when it is the new status.
            if after.status == Status::Weaker && before.status != Status::Weaker {
                Direction::Regressed
            } else if after.status == Status::Uncertain
                && matches!(
                    before.status,
                    Status::Covered | Status::Partial | Status::Missing
                )
            {
                Direction::Qualified
            } else if rank(after.status) > rank(before.status) {
                Direction::Improved
            } else {
                Direction::Regressed
            }
        } else if before.articles != after.articles && before.status != Status::Missing {
            Direction::Moved
        } else {
            continue;
        };
        changes.push(CoverageChange {
            requirement: before.requirement.clone(),
            old: before.status,
            new: after.status,
            old_articles: before.articles.clone(),
            new_articles: after.articles.clone(),
            direction,
        });
    }
    changes
}

/// An agreement's article beside the model clause, as a word diff (deleted = only in the agreement,
/// inserted = only in the model).
#[derive(Debug, Clone, PartialEq)]
pub struct ModelComparison {
    pub article: String,
    pub similarity: f64,
    pub changes: Vec<Change>,
}

/// Diffs the article `article_id` of `agreement` against the model clause (already parsed).
pub fn model_comparison(
    agreement: &Agreement,
    article_id: &str,
    model: &Agreement,
) -> Option<ModelComparison> {
    let article = agreement.article(article_id)?;
    let model_article = model.articles.first()?;
    let ours = body(article);
    let theirs = body(model_article);
    let changes = word_diff(&ours, &theirs);
    let similarity = (word_similarity(&ours, &theirs) * 100.0).round() / 100.0;
    Some(ModelComparison {
        article: article.number.clone(),
        similarity,
        changes,
    })
}

/// The model-clause comparison of every result, in result order: for each requirement the agreement
/// addresses (anything but `missing`) and for which an article was found, that article beside the
/// requirement's model clause in the coverage's language; `None` for the rest.
pub fn model_comparisons(
    agreement: &Agreement,
    coverage: &Coverage,
    catalogue: &Catalogue,
    models: &ModelClauses,
) -> Result<Vec<Option<ModelComparison>>, TemplateError> {
    let language = if coverage.language == pakta_core::Language::Id {
        "id"
    } else {
        "en"
    };
    coverage
        .results
        .iter()
        .map(|result| {
            let (Some(article), Some(requirement)) = (
                &result.best_article,
                catalogue.requirement(&result.requirement),
            ) else {
                return Ok(None);
            };
            if result.status == Status::Missing {
                return Ok(None);
            }
            let model = models.neutral(&requirement.model_clause, language)?;
            Ok(model_comparison(agreement, article, &model))
        })
        .collect()
}

fn body(article: &Article) -> String {
    article.text().trim_end().to_string()
}
