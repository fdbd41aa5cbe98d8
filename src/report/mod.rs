//! Reports: a fold over conversation records into a [`Report`], and its
//! renderers.
//!
//! The [`ReportBuilder`] sees each record once, in sorted order, and keeps
//! only counters, histograms and measure values, so a report over millions
//! of conversations costs little memory (repeat contacts are the one
//! exception, see [`repeat`]). The [`Report`] is plain data: the JSON format
//! is its serde form, and the other formats render the same fields.
//!
//! Rates are per 100 analysed conversations, each with a 95% Wilson interval
//! and a comparison with the team ([`stats`]). A conversation counts for
//! every agent who took part in it; a finding counts for the agent
//! responsible for its turn. Per-conversation measures and cues count for
//! the conversation's primary agent.
//!
//! Groups: the team (everyone), agents, topics ([`crate::engine::topic`]) and
//! contact moments (the topics' roll-up). [`card`] builds an agent's
//! coaching card from a report and the agent's evidence.

pub mod card;
mod fold;
pub mod render;
pub mod repeat;
pub mod stats;
mod summary;
pub mod weekly;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::lexicon::compiled::ContactMoment;
use crate::model::{Severity, Speaker};

pub use fold::ReportBuilder;
pub use repeat::{RepeatCell, RepeatSummary};
pub use stats::VsTeam;
pub use weekly::Weekly;

/// Group key used when an export has no agent or topic.
pub const UNKNOWN: &str = "unknown";

/// Settings that shape a report.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// Agents or topics with fewer conversations are marked as low volume.
    pub min_conversations: u64,
    /// Rows shown in the per-agent and per-topic tables (0 = all) and top
    /// rules listed per category.
    pub top: usize,
    /// Add each category's rate per ISO week.
    pub by_week: bool,
    /// Days within which another conversation of the same customer counts
    /// as a repeat contact.
    pub repeat_window_days: u32,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            min_conversations: 20,
            top: 20,
            by_week: false,
            repeat_window_days: 7,
        }
    }
}

/// What was read, analysed and skipped.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Accounting {
    pub files_read: u64,
    pub conversations_read: u64,
    pub analysed: u64,
    pub skipped: u64,
    pub skipped_by_reason: BTreeMap<String, u64>,
    pub turns: u64,
    /// Analysed conversations per language; `und` when undetermined.
    pub languages: BTreeMap<String, u64>,
    /// False when some input was not grouped by conversation.
    pub grouped: bool,
    /// Conversations reassembled from non-contiguous rows.
    pub reassembled: u64,
    pub findings: u64,
    /// Analysed conversations per topic source (`export`, `alias`,
    /// `lexicon`, `unknown`).
    pub topic_sources: BTreeMap<String, u64>,
}

/// A finding shown as evidence: where it is and what it says.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Evidence {
    pub conversation_id: String,
    pub agent_id: Option<String>,
    pub rule: String,
    pub category: String,
    pub severity: Severity,
    pub turn: u32,
    pub offset_ms: Option<u64>,
    /// Redacted unless the run used `--no-redact`.
    pub quote: String,
    /// Byte range of the matched words in `quote`.
    pub highlight: Option<(u32, u32)>,
    pub message: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RuleCount {
    pub rule: String,
    pub category: String,
    pub conversations: u64,
    /// The most severe finding of the rule (first by conversation id among
    /// equals); only in the report's category summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<Evidence>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CategorySummary {
    pub id: String,
    pub label: String,
    pub subject: Speaker,
    pub conversations_flagged: u64,
    #[serde(serialize_with = "two_decimals")]
    pub rate_per_100: f64,
    /// 95% Wilson interval of the rate.
    #[serde(serialize_with = "two_decimals")]
    pub low_per_100: f64,
    #[serde(serialize_with = "two_decimals")]
    pub high_per_100: f64,
    pub findings: u64,
    pub top_rules: Vec<RuleCount>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CategoryCell {
    pub category: String,
    pub flagged: u64,
    #[serde(serialize_with = "two_decimals")]
    pub rate_per_100: f64,
    #[serde(serialize_with = "two_decimals")]
    pub low_per_100: f64,
    #[serde(serialize_with = "two_decimals")]
    pub high_per_100: f64,
    /// Against the team's interval (see [`stats`]).
    pub vs_team: VsTeam,
}

/// A measure summarised over a group of conversations.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MeasureSummary {
    pub name: String,
    /// Conversations the measure applies to.
    pub conversations: u64,
    pub median: Option<f64>,
    /// Share (0..1) of those conversations where the measure is zero.
    #[serde(serialize_with = "two_decimals_opt")]
    pub zero_share: Option<f64>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ChannelCount {
    pub channel: String,
    pub conversations: u64,
}

/// One group: the team, an agent, a topic or a contact moment.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct GroupRow {
    pub key: String,
    /// A topic's label from the topic lexicon.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A topic's contact moment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_moment: Option<ContactMoment>,
    pub conversations: u64,
    /// Share of all analysed conversations, per 100.
    #[serde(serialize_with = "two_decimals")]
    pub share_per_100: f64,
    /// Fewer conversations than `min_conversations`: rates are not meaningful.
    pub low_volume: bool,
    pub categories: Vec<CategoryCell>,
    /// Sum of the rates of categories about agent behaviour.
    #[serde(serialize_with = "two_decimals")]
    pub agent_flag_rate: f64,
    pub measures: Vec<MeasureSummary>,
    /// Rules by conversations (an agent's: the rules of its own turns).
    pub top_rules: Vec<RuleCount>,
    /// Conversations per channel, most first.
    pub channels: Vec<ChannelCount>,
    pub median_turns: Option<f64>,
    /// Median seconds from first to last turn, over conversations with times.
    pub median_duration_s: Option<f64>,
    /// Conversations with a finding of a customer category (aggression).
    pub difficult: u64,
    /// Of those, conversations without any finding about agent behaviour
    /// (an agent's: none on the agent's own turns).
    pub difficult_without_agent_flags: u64,
    /// Cues the customer gave (see [`crate::record::Analysis::cues`]).
    pub cues: u64,
    pub cues_taken_up: u64,
    /// Repeat contacts, when the export has customer ids and start times.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat: Option<RepeatCell>,
}

impl GroupRow {
    pub fn category(&self, id: &str) -> Option<&CategoryCell> {
        self.categories.iter().find(|c| c.category == id)
    }

    pub fn measure(&self, name: &str) -> Option<&MeasureSummary> {
        self.measures.iter().find(|m| m.name == name)
    }
}

/// A whole report.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Report {
    pub accounting: Accounting,
    pub categories: Vec<CategorySummary>,
    pub measures: Vec<MeasureSummary>,
    /// Everyone: the figures agents and topics are compared with.
    pub team: GroupRow,
    pub agents: Vec<GroupRow>,
    pub topics: Vec<GroupRow>,
    /// Topics rolled up by contact moment: promise, deliver, settle, then
    /// `unknown` (no topic, or a topic the lexicons do not know).
    pub contact_moments: Vec<GroupRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat: Option<RepeatSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks: Option<Weekly>,
    /// Measures where a higher value is better: counts of exploring
    /// questions before a first solution (`count_before` of sequence rules).
    pub exploring_measures: Vec<String>,
    pub min_conversations: u64,
    /// Rows and rules shown in tables (0 = all); JSON always has all.
    pub top: usize,
}

impl Report {
    pub fn agent(&self, id: &str) -> Option<&GroupRow> {
        self.agents.iter().find(|a| a.key == id)
    }

    pub fn category(&self, id: &str) -> Option<&CategorySummary> {
        self.categories.iter().find(|c| c.id == id)
    }
}

/// Rate per 100 at full precision. Outputs round it once, from this exact
/// value: tables to one decimal, JSON and CSV to two ([`two_decimals`]).
/// Rounding it here already would round twice (3.448 → 3.45 → 3.5).
pub fn rate(count: u64, total: u64) -> f64 {
    if total == 0 {
        return 0.0;
    }
    count as f64 * 100.0 / total as f64
}

pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Serialises a figure rounded to two decimals: short, stable numbers in
/// JSON while the report keeps the exact value for other renderings.
pub fn two_decimals<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(round2(*value))
}

/// [`two_decimals`] for an optional figure.
pub fn two_decimals_opt<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serializer.serialize_some(&round2(*v)),
        None => serializer.serialize_none(),
    }
}
