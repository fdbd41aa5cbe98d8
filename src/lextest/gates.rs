//! Gates a CI run can add to `lexicon test`: coverage (every rule fires in
//! some fixture) and minimum precision and recall per category.
//!
//! A mismatch already fails the test; these catch what mismatches cannot:
//! a rule nobody wrote a fixture for, and a category whose figures slip
//! below what the team agreed on even though each case is annotated. The
//! figures are the run's own (examples and fixtures together), so a
//! threshold says "on our annotated material, at least this good".

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::lexicon::Lexicons;
use crate::lextest::TestReport;

/// A minimum for one metric: for every category, and per category.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Threshold {
    pub all: Option<f64>,
    pub per_category: BTreeMap<String, f64>,
}

impl Threshold {
    /// Parses flag values `0.9` (every category) and `threat=0.95` (one
    /// category; overrides the general value). `flag` names the option in
    /// errors.
    pub fn parse(values: &[String], flag: &str, lexicons: &Lexicons) -> Result<Threshold> {
        let mut threshold = Threshold::default();
        for value in values {
            let (category, number) = match value.split_once('=') {
                Some((c, n)) => (Some(c.trim()), n.trim()),
                None => (None, value.trim()),
            };
            let min: f64 = number
                .parse()
                .ok()
                .filter(|v: &f64| (0.0..=1.0).contains(v))
                .ok_or_else(|| {
                    Error::usage(format!(
                        "{flag} {value}: expected a number from 0 to 1, optionally as CATEGORY=NUMBER"
                    ))
                })?;
            match category {
                None => threshold.all = Some(min),
                Some(id) => {
                    if lexicons.category(id).is_none() {
                        let known: Vec<&str> = lexicons.categories.iter().map(|c| &*c.id).collect();
                        return Err(Error::usage(format!(
                            "{flag} {value}: unknown category `{id}` (categories: {})",
                            known.join(", ")
                        )));
                    }
                    threshold.per_category.insert(id.to_string(), min);
                }
            }
        }
        Ok(threshold)
    }

    fn for_category(&self, id: &str) -> Option<f64> {
        self.per_category.get(id).copied().or(self.all)
    }

    pub fn is_set(&self) -> bool {
        self.all.is_some() || !self.per_category.is_empty()
    }
}

/// Minimum precision and recall.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thresholds {
    pub precision: Threshold,
    pub recall: Threshold,
}

/// One threshold checked on one category.
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdCheck {
    pub category: String,
    /// `precision` or `recall`.
    pub metric: &'static str,
    pub min: f64,
    /// `None` when the metric is undefined (nothing fired, or nothing was
    /// expected); that does not fail a precision threshold, but fails a
    /// recall threshold only if cases were expected.
    pub value: Option<f64>,
    pub passed: bool,
}

impl std::fmt::Display for ThresholdCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value = self
            .value
            .map_or_else(|| "-".to_string(), |v| format!("{v:.2}"));
        let relation = if self.passed { ">=" } else { "<" };
        write!(
            f,
            "category `{}`: {} {value} {relation} {:.2} (--min-{})",
            self.category, self.metric, self.min, self.metric
        )
    }
}

/// Checks every category of the run against the thresholds. Categories with
/// no counts at all (no rule of theirs fired or was expected) are skipped:
/// there is nothing to measure.
pub fn check_thresholds(report: &TestReport, thresholds: &Thresholds) -> Vec<ThresholdCheck> {
    let mut checks = Vec::new();
    for (category, counts) in &report.per_category {
        if counts.tp + counts.fp + counts.fn_ == 0 {
            continue;
        }
        let metrics = [
            ("precision", &thresholds.precision, counts.precision()),
            ("recall", &thresholds.recall, counts.recall()),
        ];
        for (metric, threshold, value) in metrics {
            let Some(min) = threshold.for_category(category) else {
                continue;
            };
            checks.push(ThresholdCheck {
                category: category.clone(),
                metric,
                min,
                value,
                passed: value.is_none_or(|v| v + 1e-9 >= min),
            });
        }
    }
    checks
}

/// Rules (ids, sorted) that never fired in any fixture. `builtin` says
/// whether built-in rules are in scope: when testing a user directory added
/// to the built-ins, only the user's rules are, since the built-ins are
/// covered by convoscan's own fixtures.
pub fn uncovered(report: &TestReport, lexicons: &Lexicons, builtin: bool) -> Vec<String> {
    let mut ids: Vec<String> = lexicons
        .rules
        .iter()
        .filter(|r| builtin || !r.builtin)
        .map(|r| r.id.to_string())
        .filter(|id| report.fired_in_fixtures.get(id).is_none_or(|&n| n == 0))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}
