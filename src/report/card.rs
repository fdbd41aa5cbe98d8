//! An agent's coaching card: what a coach needs for one conversation with
//! one agent.
//!
//! The card puts each category's rate next to the team's, with 95%
//! intervals, so that nobody is judged on four calls; picks at most three
//! coaching points with the agent's own words as evidence; and lists what
//! the agent does well — only what was measured:
//!
//! * a category where the agent's interval lies below the team's;
//! * no finding of a category the team does show, over enough conversations
//!   (not low volume);
//! * a higher median of an exploring measure (questions asked before a first
//!   solution, see [`Report::exploring_measures`]) than the team's, over at
//!   least three conversations;
//! * customer cues taken up more often than the team, over at least three;
//! * no flags of the agent's own in conversations where the customer was
//!   aggressive.
//!
//! **Coaching points** are the agent categories the agent has findings in,
//! ranked: above the team first, then by the most severe finding, then by
//! how far the rate is above the team's. A point that is not above the team
//! says so: it is worth a conversation, not a verdict.
//!
//! **Evidence** is collected during the same fold as the report by an
//! [`EvidenceCollector`] that keeps, per category, the three most severe
//! findings charged to the agent, preferring different conversations, first
//! by conversation id among equals: bounded memory, deterministic output.
//! A finding is charged to the agent as in the report: most are on the
//! agent's own turns, but a missed root cause sits on the customer's turn
//! that named the cause, and that quote is the evidence a coach needs.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::model::{Severity, Speaker};
use crate::record::ConversationRecord;

use super::stats::VsTeam;
use super::summary::evidence;
use super::{Accounting, ChannelCount, Evidence, GroupRow, RepeatCell, Report, RuleCount};

/// Evidence quotes kept per category.
pub const EVIDENCE_PER_POINT: usize = 3;
/// Coaching points on a card.
pub const MAX_POINTS: usize = 3;
/// Conversations a measure or cue count needs before the card compares it.
const MIN_FOR_STRENGTH: u64 = 3;

#[derive(Clone, Debug)]
struct Candidate {
    evidence: Evidence,
    /// A second finding of the category in a conversation already kept.
    repeat_in_conversation: bool,
    seq: u64,
}

impl Candidate {
    fn key(&self) -> (std::cmp::Reverse<Severity>, bool, u64) {
        (
            std::cmp::Reverse(self.evidence.severity),
            self.repeat_in_conversation,
            self.seq,
        )
    }
}

/// Keeps the best evidence of one agent during the fold.
#[derive(Clone, Debug)]
pub struct EvidenceCollector {
    agent: String,
    kept: BTreeMap<Arc<str>, Vec<Candidate>>,
    seq: u64,
}

impl EvidenceCollector {
    pub fn new(agent: &str) -> Self {
        EvidenceCollector {
            agent: agent.to_string(),
            kept: BTreeMap::new(),
            seq: 0,
        }
    }

    pub fn add(&mut self, record: &ConversationRecord) {
        let (Some(analysis), Some(id)) = (record.analysis(), record.id.as_deref()) else {
            return;
        };
        let mut seen: Vec<&str> = Vec::new();
        for finding in &analysis.findings {
            let agent = finding.agent_id.as_deref().or(analysis.agent_id.as_deref());
            if agent != Some(self.agent.as_str()) {
                continue;
            }
            self.seq += 1;
            let candidate = Candidate {
                evidence: evidence(id, analysis, finding),
                repeat_in_conversation: seen.contains(&&*finding.category),
                seq: self.seq,
            };
            seen.push(&finding.category);
            let list = self.kept.entry(finding.category.clone()).or_default();
            let at = list.partition_point(|c| c.key() <= candidate.key());
            if at < EVIDENCE_PER_POINT {
                list.insert(at, candidate);
                list.truncate(EVIDENCE_PER_POINT);
            }
        }
    }

    fn evidence(&self, category: &str) -> Vec<Evidence> {
        self.kept
            .get(category)
            .map(|list| list.iter().map(|c| c.evidence.clone()).collect())
            .unwrap_or_default()
    }
}

/// A category on the card: the agent's rate next to the team's.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CardCategory {
    pub id: String,
    pub label: String,
    pub subject: Speaker,
    pub flagged: u64,
    #[serde(serialize_with = "super::two_decimals")]
    pub rate_per_100: f64,
    #[serde(serialize_with = "super::two_decimals")]
    pub low_per_100: f64,
    #[serde(serialize_with = "super::two_decimals")]
    pub high_per_100: f64,
    #[serde(serialize_with = "super::two_decimals")]
    pub team_rate_per_100: f64,
    #[serde(serialize_with = "super::two_decimals")]
    pub team_low_per_100: f64,
    #[serde(serialize_with = "super::two_decimals")]
    pub team_high_per_100: f64,
    pub vs_team: VsTeam,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CoachingPoint {
    pub category: String,
    pub label: String,
    pub vs_team: VsTeam,
    /// One sentence: the numbers and what they do (not) show.
    pub summary: String,
    /// The agent's rules in this category, by conversations.
    pub rules: Vec<RuleCount>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Strength {
    /// `below_team`, `none_found`, `exploring`, `cues`, `difficult`.
    pub kind: String,
    pub text: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CardMeasure {
    pub name: String,
    pub conversations: u64,
    pub median: Option<f64>,
    pub team_median: Option<f64>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CardRepeat {
    pub window_days: u32,
    pub agent: RepeatCell,
    pub team: RepeatCell,
}

/// A coaching card.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AgentCard {
    pub agent: String,
    pub conversations: u64,
    pub team_conversations: u64,
    pub team_agents: u64,
    pub low_volume: bool,
    pub min_conversations: u64,
    pub accounting: Accounting,
    pub categories: Vec<CardCategory>,
    pub coaching_points: Vec<CoachingPoint>,
    pub strengths: Vec<Strength>,
    pub measures: Vec<CardMeasure>,
    pub channels: Vec<ChannelCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat: Option<CardRepeat>,
}

fn per_100(v: f64) -> String {
    format!("{v:.1}")
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

/// Builds the card of `agent`; `None` when the report has no such agent.
pub fn build(report: &Report, agent: &str, evidence: &EvidenceCollector) -> Option<AgentCard> {
    let row = report.agent(agent)?;
    let team = &report.team;
    let categories: Vec<CardCategory> = report
        .categories
        .iter()
        .filter_map(|c| {
            let cell = row.category(&c.id)?;
            Some(CardCategory {
                id: c.id.clone(),
                label: c.label.clone(),
                subject: c.subject,
                flagged: cell.flagged,
                rate_per_100: cell.rate_per_100,
                low_per_100: cell.low_per_100,
                high_per_100: cell.high_per_100,
                team_rate_per_100: c.rate_per_100,
                team_low_per_100: c.low_per_100,
                team_high_per_100: c.high_per_100,
                vs_team: cell.vs_team,
            })
        })
        .collect();
    let coaching_points = coaching_points(row, &categories, evidence);
    let strengths = strengths(report, row, &categories);
    let measures = report
        .measures
        .iter()
        .filter(|m| m.conversations > 0)
        .map(|team_measure| {
            let own = row.measure(&team_measure.name);
            CardMeasure {
                name: team_measure.name.clone(),
                conversations: own.map_or(0, |m| m.conversations),
                median: own.and_then(|m| m.median),
                team_median: team_measure.median,
            }
        })
        .collect();
    let repeat = match (&report.repeat, &row.repeat, &team.repeat) {
        (Some(summary), Some(own), Some(all)) => Some(CardRepeat {
            window_days: summary.window_days,
            agent: own.clone(),
            team: all.clone(),
        }),
        _ => None,
    };
    Some(AgentCard {
        agent: row.key.clone(),
        conversations: row.conversations,
        team_conversations: team.conversations,
        team_agents: report.agents.len() as u64,
        low_volume: row.low_volume,
        min_conversations: report.min_conversations,
        accounting: report.accounting.clone(),
        categories,
        coaching_points,
        strengths,
        measures,
        channels: row.channels.clone(),
        repeat,
    })
}

fn coaching_points(
    row: &GroupRow,
    categories: &[CardCategory],
    evidence: &EvidenceCollector,
) -> Vec<CoachingPoint> {
    let mut points: Vec<(CoachingPoint, Option<Severity>, f64)> = categories
        .iter()
        .filter(|c| c.subject == Speaker::Agent && c.flagged > 0)
        .map(|c| {
            let quotes = evidence.evidence(&c.id);
            let worst = quotes.iter().map(|e| e.severity).max();
            let verdict = match c.vs_team {
                VsTeam::Above => "Above the team: the intervals do not overlap.",
                VsTeam::Within => {
                    "Not shown to differ from the team: worth a conversation, not a verdict."
                }
                VsTeam::Below => "Below the team, yet present: worth a look at the examples.",
            };
            let summary = format!(
                "{} of {} conversations: {} per 100 (95% {}–{}), team {} ({}–{}). {verdict}",
                c.flagged,
                row.conversations,
                per_100(c.rate_per_100),
                per_100(c.low_per_100),
                per_100(c.high_per_100),
                per_100(c.team_rate_per_100),
                per_100(c.team_low_per_100),
                per_100(c.team_high_per_100),
            );
            let mut rules: Vec<RuleCount> = row
                .top_rules
                .iter()
                .filter(|r| r.category == c.id)
                .cloned()
                .collect();
            rules.truncate(5);
            let point = CoachingPoint {
                category: c.id.clone(),
                label: c.label.clone(),
                vs_team: c.vs_team,
                summary,
                rules,
                evidence: quotes,
            };
            (point, worst, c.rate_per_100 - c.team_rate_per_100)
        })
        .collect();
    points.sort_by(|(a, sa, da), (b, sb, db)| {
        (a.vs_team != VsTeam::Above)
            .cmp(&(b.vs_team != VsTeam::Above))
            .then(sb.cmp(sa))
            .then(db.total_cmp(da))
            .then(a.category.cmp(&b.category))
    });
    points
        .into_iter()
        .take(MAX_POINTS)
        .map(|(p, _, _)| p)
        .collect()
}

fn strengths(report: &Report, row: &GroupRow, categories: &[CardCategory]) -> Vec<Strength> {
    let team = &report.team;
    let mut out = Vec::new();
    let mut push = |kind: &str, text: String| {
        out.push(Strength {
            kind: kind.to_string(),
            text,
        })
    };
    for c in categories.iter().filter(|c| c.subject == Speaker::Agent) {
        if c.vs_team == VsTeam::Below {
            push(
                "below_team",
                format!(
                    "Less {} than the team: {} per 100 (95% {}–{}) against {} ({}–{}).",
                    c.label.to_lowercase(),
                    per_100(c.rate_per_100),
                    per_100(c.low_per_100),
                    per_100(c.high_per_100),
                    per_100(c.team_rate_per_100),
                    per_100(c.team_low_per_100),
                    per_100(c.team_high_per_100),
                ),
            );
        } else if c.flagged == 0 && c.team_rate_per_100 > 0.0 && !row.low_volume {
            push(
                "none_found",
                format!(
                    "No {} in {} conversations (team: {} per 100).",
                    c.label.to_lowercase(),
                    row.conversations,
                    per_100(c.team_rate_per_100)
                ),
            );
        }
    }
    for name in &report.exploring_measures {
        let (Some(own), Some(all)) = (row.measure(name), team.measure(name)) else {
            continue;
        };
        if let (Some(a), Some(t)) = (own.median, all.median)
            && own.conversations >= MIN_FOR_STRENGTH
            && a > t
        {
            push(
                "exploring",
                format!(
                    "Explores before solving: median {a:.1} {} against the team's {t:.1}, over {} conversations.",
                    name.replace('_', " "),
                    own.conversations
                ),
            );
        }
    }
    if row.cues >= MIN_FOR_STRENGTH && team.cues > 0 {
        let own = share(row.cues_taken_up, row.cues);
        let all = share(team.cues_taken_up, team.cues);
        if own > all {
            push(
                "cues",
                format!(
                    "Takes up what customers say about their situation: {} of {} cues ({own:.0}%), team {all:.0}%.",
                    row.cues_taken_up, row.cues
                ),
            );
        }
    }
    if row.difficult > 0 && row.difficult_without_agent_flags == row.difficult {
        let all = share(team.difficult_without_agent_flags, team.difficult);
        let noun = if row.difficult == 1 {
            "conversation"
        } else {
            "conversations"
        };
        push(
            "difficult",
            format!(
                "Stays professional with aggressive customers: no flags in {} {noun} where the customer was aggressive (team: {all:.0}% of such conversations without flags).",
                row.difficult
            ),
        );
    }
    out
}

/// Agent ids like `wanted`, for an error message: same ignoring case,
/// containing or contained in it, or within a small edit distance. At most
/// five, closest first.
pub fn similar_ids<'a>(ids: impl IntoIterator<Item = &'a str>, wanted: &str) -> Vec<String> {
    let wanted_lower = wanted.to_lowercase();
    let limit = (wanted.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, String)> = ids
        .into_iter()
        .filter_map(|id| {
            let lower = id.to_lowercase();
            let distance = edit_distance(&lower, &wanted_lower);
            let related = distance <= limit
                || (!wanted_lower.is_empty()
                    && (lower.contains(&wanted_lower) || wanted_lower.contains(&lower)));
            related.then(|| (distance, id.to_string()))
        })
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(5).map(|(_, id)| id).collect()
}

/// Levenshtein distance, by characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_ids_find_typos_and_case() {
        let ids = ["A017", "A018", "B200", "agent-17", "Z9"];
        assert_eq!(similar_ids(ids, "a017"), vec!["A017", "A018"]);
        assert_eq!(similar_ids(ids, "17"), vec!["A017", "agent-17"]);
        assert!(similar_ids(ids, "qqqqqqqq").is_empty());
    }
}
