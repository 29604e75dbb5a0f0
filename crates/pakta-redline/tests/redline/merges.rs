//! An article merged into another or split out of one carries the flags of what its text became: the
//! concession hidden in the move is flagged where the negotiator looks.

use pakta_redline::{Flag, Options, Status, redline};

const OLD: &str = "## Article 1 — Wages\n\n1. Wages are paid monthly into the worker's own account.\n\n2. Overtime shall be paid at 150 percent of the hourly rate.\n\n## Article 2 — Rest\n\n1. The worker shall have one rest day each week.\n\n## Article 3 — Change of Employer\n\n1. The worker may change employer without the consent of the current employer.\n\n## Article 4 — Final Provisions\n\n1. This Agreement enters into force on signature.\n";

/// Article 3 merged into Article 2 with its consent condition turned around: the deleted article says
/// what it became.
#[test]
fn an_article_merged_into_another_carries_the_flags_of_what_it_became() {
    let new = OLD.replace(
        "## Article 2 — Rest\n\n1. The worker shall have one rest day each week.\n\n## Article 3 — Change of Employer\n\n1. The worker may change employer without the consent of the current employer.\n\n## Article 4",
        "## Article 2 — Rest and Mobility\n\n1. The worker shall have one rest day each week.\n\n2. The worker may change employer with the consent of the current employer.\n\n## Article 3",
    );
    let report = redline(
        &pakta_core::parse(OLD),
        &pakta_core::parse(&new),
        &Options::default(),
    );
    let merged = report
        .articles()
        .find(|a| a.status == Status::Deleted)
        .expect("a deleted article");
    assert_eq!(merged.merged_into.as_deref(), Some("2"));
    assert!(
        merged.flags.contains(&Flag::ConditionAdded),
        "{:?}",
        merged.flags
    );
}

/// Overtime split out of the wage article as "may be paid at 125 percent": the added article says what
/// changed on the way.
#[test]
fn an_article_split_from_another_carries_the_flags_of_what_it_came_from() {
    let new = OLD.replace(
        "\n\n2. Overtime shall be paid at 150 percent of the hourly rate.\n\n## Article 2 — Rest",
        "\n\n## Article 1A — Overtime\n\n1. Overtime may be paid at 125 percent of the hourly rate.\n\n## Article 2 — Rest",
    );
    let report = redline(
        &pakta_core::parse(OLD),
        &pakta_core::parse(&new),
        &Options::default(),
    );
    let split = report
        .articles()
        .find(|a| a.status == Status::Added)
        .expect("an added article");
    assert_eq!(split.split_from.as_deref(), Some("1"));
    for flag in [Flag::ModalWeakened, Flag::NumberChanged] {
        assert!(split.flags.contains(&flag), "{:?}", split.flags);
    }
}

/// A paragraph moved from one article to another, in English and in Indonesian: (old, new, the flags the
/// article it moved into must carry). Neither article carries the flags of a struck or an added clause.
const MOVED_PARAGRAPHS: &[(&str, &str, &str, &[Flag])] = &[
    (
        "moved unchanged",
        "## Article 1 — Wages\n\n1. Wages are paid monthly into the worker's own account.\n\n2. No deduction shall be made from wages except as provided by law.\n\n## Article 2 — Hours\n\n1. Normal hours shall not exceed eight a day.\n",
        "## Article 1 — Wages\n\n1. Wages are paid monthly into the worker's own account.\n\n## Article 2 — Hours\n\n1. Normal hours shall not exceed eight a day.\n\n2. No deduction shall be made from wages except as provided by law.\n",
        &[],
    ),
    (
        "moved and weakened",
        "## Article 1 — Wages\n\n1. Wages are paid monthly into the worker's own account.\n\n2. The employer shall pay overtime at 150 percent of the hourly rate.\n\n## Article 2 — Hours\n\n1. Normal hours shall not exceed eight a day.\n",
        "## Article 1 — Wages\n\n1. Wages are paid monthly into the worker's own account.\n\n## Article 2 — Hours\n\n1. Normal hours shall not exceed eight a day.\n\n2. The employer may pay overtime at 125 percent of the hourly rate.\n",
        &[Flag::ModalWeakened, Flag::NumberChanged],
    ),
    (
        "dipindahkan tanpa perubahan",
        "## Pasal 1\n### Upah\n\n(1) Upah dibayarkan setiap bulan ke rekening Pekerja.\n\n(2) Pemberi Kerja dilarang memotong upah kecuali diatur oleh undang-undang.\n\n## Pasal 2\n### Jam Kerja\n\n(1) Jam kerja normal paling lama delapan jam sehari.\n",
        "## Pasal 1\n### Upah\n\n(1) Upah dibayarkan setiap bulan ke rekening Pekerja.\n\n## Pasal 2\n### Jam Kerja\n\n(1) Jam kerja normal paling lama delapan jam sehari.\n\n(2) Pemberi Kerja dilarang memotong upah kecuali diatur oleh undang-undang.\n",
        &[],
    ),
    (
        "dipindahkan dan diperlemah",
        "## Pasal 1\n### Upah\n\n(1) Upah dibayarkan setiap bulan ke rekening Pekerja.\n\n(2) Pemberi Kerja wajib membayar biaya tiket pulang Pekerja.\n\n## Pasal 2\n### Jam Kerja\n\n(1) Jam kerja normal paling lama delapan jam sehari.\n",
        "## Pasal 1\n### Upah\n\n(1) Upah dibayarkan setiap bulan ke rekening Pekerja.\n\n## Pasal 2\n### Jam Kerja\n\n(1) Jam kerja normal paling lama delapan jam sehari.\n\n(2) Pemberi Kerja dapat membayar biaya tiket pulang Pekerja.\n",
        &[Flag::ModalWeakened],
    ),
];

#[test]
fn a_paragraph_moved_between_articles_is_read_against_itself() {
    for (name, old, new, expected) in MOVED_PARAGRAPHS {
        let report = redline(
            &pakta_core::parse(old),
            &pakta_core::parse(new),
            &Options::default(),
        );
        assert!(report.has_differences(), "{name}");
        assert_eq!(report.summary.moved_lines, 1, "{name}");
        let article = |n: &str| {
            report
                .articles()
                .find(|a| a.new_number.as_deref() == Some(n))
                .expect("article")
        };
        let (from, to) = (article("1"), article("2"));
        let struck = from
            .clauses
            .iter()
            .find(|c| c.new.is_none())
            .expect("a struck line");
        let added = to
            .clauses
            .iter()
            .find(|c| c.old.is_none())
            .expect("an added line");
        let (out, into) = (
            struck.relocation.as_ref().expect("moved out"),
            added.relocation.as_ref().expect("moved in"),
        );
        assert_eq!(out.id, added.new.clone().unwrap_or_default(), "{name}");
        assert_eq!(into.id, struck.old.clone().unwrap_or_default(), "{name}");
        assert_eq!(into.reworded(), !expected.is_empty(), "{name}");
        assert!(from.flags.is_empty(), "{name}: {:?}", from.flags);
        assert_eq!(to.flags, expected.to_vec(), "{name}");
    }
}

/// Short lines that merely look alike ("(a) wages;" in two lists) are no move; a paragraph struck from one
/// article while another paragraph on a different subject is added elsewhere is no move either.
#[test]
fn unrelated_lines_are_not_paired_as_moves() {
    let old = "## Article 1 — Wages\n\n1. The employer shall pay:\n(a) wages;\n(b) overtime.\n\n2. Wages are paid monthly into the worker's own account by bank transfer.\n\n## Article 2 — Records\n\n1. The employer shall keep:\n(a) time sheets.\n";
    let new = "## Article 1 — Wages\n\n1. The employer shall pay:\n(a) overtime.\n\n## Article 2 — Records\n\n1. The employer shall keep:\n(a) time sheets;\n(b) wage slips.\n\n2. Records are kept for five years after the contract ends and shown to inspectors.\n";
    let report = redline(
        &pakta_core::parse(old),
        &pakta_core::parse(new),
        &Options::default(),
    );
    assert_eq!(report.summary.moved_lines, 0);
    assert!(
        report
            .entries
            .iter()
            .flat_map(|e| &e.clauses)
            .all(|c| c.relocation.is_none())
    );
}

/// Two paragraphs of an article merged into one, word for word, is no change of modal or number; merged
/// with a modal softened on the way, it is that change alone.
#[test]
fn paragraphs_merged_word_for_word_raise_no_flag() {
    let old = "## Article 7 — Hours\n\n1. Normal hours of work shall not exceed eight (8) hours a day.\n\n2. The Worker shall be entitled to one (1) full rest day each week.\n\n3. The Worker shall be entitled to thirty (30) days of paid annual leave per year.\n";
    let merged = |joined: &str| {
        format!(
            "## Article 7 — Hours\n\n1. Normal hours of work shall not exceed eight (8) hours a day, and {joined}\n\n2. The Worker shall be entitled to thirty (30) days of paid annual leave per year.\n"
        )
    };
    let flags = |new: &str| {
        redline(
            &pakta_core::parse(old),
            &pakta_core::parse(new),
            &Options::default(),
        )
        .articles()
        .flat_map(|a| a.flags.clone())
        .collect::<Vec<Flag>>()
    };
    assert!(
        flags(&merged(
            "the Worker shall be entitled to one (1) full rest day each week."
        ))
        .is_empty()
    );
    assert_eq!(
        flags(&merged(
            "the Worker may be given one (1) full rest day each week."
        )),
        [Flag::ModalWeakened]
    );
}
