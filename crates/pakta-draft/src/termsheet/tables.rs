//! The tables of a term sheet, each read with every problem kept (a `None` means at least one was), so
//! that one bad value does not hide the others.

use super::{
    AgreementTerms, Costs, Kind, Party, RawAgreement, RawParty, RawTerms, RawWorkers, Reader,
    Renewal, Role, Sector, Terms, WagePayment, Workers,
};
use crate::validation::Problems;

impl Reader<'_> {
    /// `[agreement]`, and the languages read from it (even when another of its fields is bad, so the
    /// parties are still checked for the names each language needs).
    pub(super) fn agreement(
        &self,
        raw: &RawAgreement,
        problems: &mut Problems,
    ) -> (Option<AgreementTerms>, Vec<String>) {
        let kind = problems
            .keep(self.word("agreement.kind", "kind", &raw.kind, crate::form::KINDS))
            .map(|kind| match kind {
                "mou" => Kind::Mou,
                "agreement" => Kind::Agreement,
                _ => Kind::Protocol,
            });
        let renewal = match &raw.renewal {
            None => Some(None),
            Some(w) => problems
                .keep(self.word("agreement.renewal", "renewal", w, crate::form::RENEWALS))
                .map(|renewal| match renewal {
                    "automatic" => Some(Renewal::Automatic),
                    _ => Some(Renewal::ByAgreement),
                }),
        };
        let duration_years =
            problems.keep(self.range("agreement.duration_years", &raw.duration_years));
        let termination_notice_months = problems.keep(self.range(
            "agreement.termination_notice_months",
            &raw.termination_notice_months,
        ));
        let mut languages: Vec<String> = Vec::new();
        let mut languages_read = true;
        if raw.languages.get_ref().is_empty() {
            problems.push(self.at(
                raw.languages.span().start,
                "agreement.languages: name at least one of \"en\", \"id\"",
            ));
            languages_read = false;
        }
        for language in raw.languages.get_ref() {
            let code = self
                .word(
                    "agreement.languages",
                    "languages",
                    language,
                    crate::form::LANGUAGES,
                )
                .map_err(|mut e| {
                    e.message = e.message.replacen(
                        "agreement.languages: expected",
                        "agreement.languages: pakta drafts in",
                        1,
                    );
                    e
                });
            match problems.keep(code) {
                Some(code) if !languages.iter().any(|l| l == code) => {
                    languages.push(code.to_string());
                }
                Some(_) => {}
                None => languages_read = false,
            }
        }
        let title = problems.keep(self.nonempty("agreement.title", &raw.title));
        let place = problems.keep(self.nonempty("agreement.place", &raw.place));
        let terms = (|| {
            Some(AgreementTerms {
                title: title?,
                kind: kind?,
                languages: languages_read.then(|| languages.clone())?,
                place: place?,
                duration_years: duration_years?,
                renewal: renewal?,
                termination_notice_months: termination_notice_months?,
            })
        })();
        (terms, languages)
    }

    pub(super) fn workers(&self, raw: &RawWorkers, problems: &mut Problems) -> Option<Workers> {
        if raw.sectors.get_ref().is_empty() {
            problems.push(self.at(
                raw.sectors.span().start,
                "workers.sectors: name at least one sector",
            ));
            return None;
        }
        let names: Vec<&str> = Sector::ALL.iter().map(|s| s.name()).collect();
        let mut sectors = Vec::new();
        let mut read = true;
        for sector in raw.sectors.get_ref() {
            match problems.keep(self.word("workers.sectors", "sectors", sector, &names)) {
                Some(found) => sectors.extend(Sector::ALL.iter().find(|s| s.name() == found)),
                None => read = false,
            }
        }
        read.then_some(Workers { sectors })
    }

    pub(super) fn terms(&self, t: &RawTerms, problems: &mut Problems) -> Option<Terms> {
        let minimum_monthly_wage = problems.keep(
            t.minimum_monthly_wage
                .as_ref()
                .map(|m| self.money(m))
                .transpose(),
        );
        let recruitment_costs = problems.keep(
            t.recruitment_costs
                .as_ref()
                .map(|w| {
                    self.word(
                        "terms.recruitment_costs",
                        "recruitment_costs",
                        w,
                        crate::form::COSTS,
                    )
                    .map(|c| match c {
                        "employer" => Costs::Employer,
                        "shared" => Costs::Shared,
                        _ => Costs::Worker,
                    })
                })
                .transpose(),
        );
        let contract_years = problems.keep(self.range("terms.contract_years", &t.contract_years));
        let weekly_rest_days =
            problems.keep(self.range("terms.weekly_rest_days", &t.weekly_rest_days));
        let annual_leave_days =
            problems.keep(self.range("terms.annual_leave_days", &t.annual_leave_days));
        let wage_payment = problems.keep(
            t.wage_payment
                .as_ref()
                .map(|w| {
                    self.word(
                        "terms.wage_payment",
                        "wage_payment",
                        w,
                        crate::form::WAGE_PAYMENTS,
                    )
                    .map(|_| WagePayment::BankTransfer)
                })
                .transpose(),
        );
        let joint_committee_meets = problems.keep(
            t.joint_committee_meets
                .as_ref()
                .map(|m| self.meetings(m))
                .transpose(),
        );
        Some(Terms {
            minimum_monthly_wage: minimum_monthly_wage?,
            recruitment_costs: recruitment_costs?,
            contract_years: contract_years?,
            weekly_rest_days: weekly_rest_days?,
            annual_leave_days: annual_leave_days?,
            wage_payment: wage_payment?,
            joint_committee_meets: joint_committee_meets?,
        })
    }

    /// The two parties as (origin, destination).
    pub(super) fn parties(
        &self,
        raw: &[RawParty],
        languages: &[String],
        problems: &mut Problems,
    ) -> Option<(Party, Party)> {
        if raw.len() != 2 {
            problems.push(self.at(
                self.find("[[parties]]"),
                format!("parties: expected exactly two, found {}", raw.len()),
            ));
            return None;
        }
        let parties: Vec<Option<Party>> = raw
            .iter()
            .map(|party| problems.keep(self.party(party, languages)))
            .collect();
        let [Some(first), Some(second)] = <[Option<Party>; 2]>::try_from(parties).ok()? else {
            return None;
        };
        let (origin, destination) = match (first.role, second.role) {
            (Role::Origin, Role::Destination) => (first, second),
            (Role::Destination, Role::Origin) => (second, first),
            _ => {
                problems.push(self.at(
                    self.find("[[parties]]"),
                    "parties: one party needs role = \"origin\" and the other role = \"destination\"",
                ));
                return None;
            }
        };
        if let (Some(a), Some(b)) = (&origin.code, &destination.code)
            && a == b
        {
            problems.push(self.at(
                raw[1].country.span().start,
                format!(
                    "parties.country: both parties are {}; the origin and the destination are two countries or territories",
                    origin.en.short
                ),
            ));
            return None;
        }
        Some((origin, destination))
    }
}
