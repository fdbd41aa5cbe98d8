//! Helpers of the fold: evidence from findings, sorting rows and rules,
//! measure summaries, attaching repeat contacts.

use std::sync::Arc;

use crate::record::{Analysis, Finding};

use super::repeat::RepeatResult;
use super::{Evidence, GroupRow, MeasureSummary, RuleCount, round2};

pub(super) fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The [`Evidence`] of a finding (reports and coaching cards).
pub(super) fn evidence(id: &str, analysis: &Analysis, finding: &Finding) -> Evidence {
    Evidence {
        conversation_id: id.to_string(),
        agent_id: finding
            .agent_id
            .clone()
            .or_else(|| analysis.agent_id.clone()),
        rule: finding.rule.to_string(),
        category: finding.category.to_string(),
        severity: finding.severity,
        turn: finding.turn,
        offset_ms: finding.offset_ms,
        quote: finding.quote.clone(),
        highlight: finding.highlight,
        message: finding.message.clone(),
    }
}

pub(super) fn attach_repeats(
    result: &RepeatResult,
    team: &mut GroupRow,
    agents: &mut [GroupRow],
    topics: &mut [GroupRow],
) {
    team.repeat = Some(result.team.clone());
    for row in agents {
        row.repeat = Some(result.agents.get(&row.key).cloned().unwrap_or_default());
    }
    for row in topics {
        row.repeat = Some(result.topics.get(&row.key).cloned().unwrap_or_default());
    }
}

pub(super) fn sort_rules(rules: &mut [RuleCount]) {
    rules.sort_by(|a, b| {
        b.conversations
            .cmp(&a.conversations)
            .then(a.rule.cmp(&b.rule))
    });
}

/// Highest rate first; low-volume rows after the rest; then by key.
pub(super) fn sort_rows(rows: &mut [GroupRow]) {
    rows.sort_by(|a, b| {
        a.low_volume
            .cmp(&b.low_volume)
            .then(b.agent_flag_rate.total_cmp(&a.agent_flag_rate))
            .then(a.key.cmp(&b.key))
    });
}

pub(super) fn summarize_measures(
    names: &[Arc<str>],
    values: &[Distribution],
) -> Vec<MeasureSummary> {
    names
        .iter()
        .zip(values.iter())
        .map(|(name, values)| {
            let n = values.len();
            MeasureSummary {
                name: name.to_string(),
                conversations: n,
                median: values.median().map(round2),
                zero_share: (n > 0).then(|| values.zeros() as f64 / n as f64),
            }
        })
        .collect()
}

/// The values of a measure in a group, kept as counts per distinct value:
/// turns and seconds repeat, so memory stays flat however many
/// conversations a group has, and the median is still exact.
#[derive(Clone, Debug, Default)]
pub(super) struct Distribution {
    /// Count per value, keyed by the value's bits (non-negative values sort
    /// by their bits; negative values are not measured).
    counts: std::collections::BTreeMap<u64, u64>,
    len: u64,
}

impl Distribution {
    pub(super) fn push(&mut self, value: f64) {
        // -0.0 counts as 0; a NaN is not a measurement.
        if value.is_nan() {
            return;
        }
        let value = if value == 0.0 { 0.0 } else { value.max(0.0) };
        *self.counts.entry(value.to_bits()).or_default() += 1;
        self.len += 1;
    }

    pub(super) fn len(&self) -> u64 {
        self.len
    }

    pub(super) fn zeros(&self) -> u64 {
        self.counts.get(&0.0f64.to_bits()).copied().unwrap_or(0)
    }

    /// The value at 0-based position `rank` in sorted order.
    fn nth(&self, rank: u64) -> Option<f64> {
        let mut seen = 0;
        for (&bits, &count) in &self.counts {
            seen += count;
            if rank < seen {
                return Some(f64::from_bits(bits));
            }
        }
        None
    }

    pub(super) fn median(&self) -> Option<f64> {
        let n = self.len;
        if n == 0 {
            return None;
        }
        if n % 2 == 1 {
            self.nth(n / 2)
        } else {
            Some((self.nth(n / 2 - 1)? + self.nth(n / 2)?) / 2.0)
        }
    }
}

#[cfg(test)]
mod distribution_tests {
    use super::Distribution;

    #[test]
    fn median_and_zeros_are_exact() {
        let mut d = Distribution::default();
        assert_eq!(d.median(), None);
        for v in [3.0, 0.0, 7.0, -0.0, 3.0] {
            d.push(v);
        }
        assert_eq!((d.len(), d.zeros(), d.median()), (5, 2, Some(3.0)));
        d.push(9.5);
        assert_eq!(d.median(), Some(3.0));
        d.push(8.0);
        d.push(8.0);
        // 0 0 3 3 7 8 8 9.5
        assert_eq!(d.median(), Some(5.0));
        d.push(f64::NAN);
        assert_eq!(d.len(), 8);
    }
}
