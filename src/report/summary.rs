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
    values: &mut [Vec<f64>],
) -> Vec<MeasureSummary> {
    names
        .iter()
        .zip(values.iter_mut())
        .map(|(name, values)| {
            values.sort_by(f64::total_cmp);
            let n = values.len();
            let median = (n > 0).then(|| {
                if n % 2 == 1 {
                    values[n / 2]
                } else {
                    (values[n / 2 - 1] + values[n / 2]) / 2.0
                }
            });
            let zeros = values.iter().filter(|v| **v == 0.0).count();
            MeasureSummary {
                name: name.to_string(),
                conversations: n as u64,
                median: median.map(round2),
                zero_share: (n > 0).then(|| zeros as f64 / n as f64),
            }
        })
        .collect()
}
