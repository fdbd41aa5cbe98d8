//! What analysing one conversation produces, and the JSON Lines contracts
//! other tools read.
//!
//! A [`ConversationRecord`] is the unit everything downstream folds over:
//! findings output, the conversations file and every report. Rule ids,
//! categories and messages are `Arc<str>` shared with the compiled lexicons.
//!
//! The findings file has exactly these fields, in this order (quotes and
//! messages are redacted unless the run said `--no-redact`):
//! `conversation_id, agent_id, topic, channel, category, rule, severity,
//! speaker, turn, offset_ms, quote, message` (see [`FindingLine`]).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::lexicon::compiled::ContactMoment;
use crate::model::{Origin, Severity, SkipReason, Speaker};

/// One thing a rule found, on one turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: Arc<str>,
    pub category: Arc<str>,
    pub severity: Severity,
    pub speaker: Speaker,
    /// 0-based index of the turn in the conversation.
    pub turn: u32,
    pub offset_ms: Option<u64>,
    /// The agent responsible for the turn (the turn's own agent, else the
    /// conversation's primary agent).
    pub agent_id: Option<String>,
    /// The turn text around the match.
    pub quote: String,
    /// Byte range of the matched words within `quote`, for highlighting.
    pub highlight: Option<(u32, u32)>,
    pub message: String,
}

/// A per-conversation measure, e.g. `questions_before_first_solution`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub name: Arc<str>,
    pub value: f64,
}

/// Where a conversation's topic came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicSource {
    /// The export's own value, not known to the topic lexicons.
    Export,
    /// The export's value is an alias of (or equal to) a lexicon topic id.
    Alias,
    /// The export has no topic; the topic lexicons assigned it from what the
    /// customer said first.
    Lexicon,
}

impl TopicSource {
    pub fn as_str(self) -> &'static str {
        match self {
            TopicSource::Export => "export",
            TopicSource::Alias => "alias",
            TopicSource::Lexicon => "lexicon",
        }
    }
}

/// The result of analysing one conversation.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Analysis {
    pub agent_id: Option<String>,
    pub agents: Vec<String>,
    pub customer_id: Option<String>,
    pub channel: Option<String>,
    /// The topic reported: a lexicon topic id when the export's value is one
    /// of its aliases or when the lexicons assigned it, else the export's own
    /// value; `None` when unknown.
    pub topic: Option<String>,
    #[serde(default)]
    pub topic_source: Option<TopicSource>,
    /// The contact moment of the topic, when the topic lexicons know it.
    #[serde(default)]
    pub contact_moment: Option<ContactMoment>,
    /// Language the conversation was analysed in; `None` when it could not be
    /// determined (then every language's rules were applied).
    pub language: Option<Arc<str>>,
    pub started_at_ms: Option<i64>,
    pub duration_ms: Option<u64>,
    pub turns: u32,
    pub agent_turns: u32,
    pub customer_turns: u32,
    /// Sorted by turn, then rule id.
    pub findings: Vec<Finding>,
    pub measures: Vec<Measure>,
    /// Cues the customer gave that a conditional rule about agent behaviour
    /// requires a response to (a life event, a repeat defect, ...).
    #[serde(default)]
    pub cues: u32,
    /// Of those, the cues the agent took up (the rule did not fire).
    #[serde(default)]
    pub cues_taken_up: u32,
}

impl Analysis {
    pub fn measure(&self, name: &str) -> Option<f64> {
        self.measures
            .iter()
            .find(|m| &*m.name == name)
            .map(|m| m.value)
    }

    /// Number of findings of a category.
    pub fn count(&self, category: &str) -> usize {
        self.findings
            .iter()
            .filter(|f| &*f.category == category)
            .count()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Analysed(Box<Analysis>),
    Skipped { reason: SkipReason, detail: String },
}

/// One conversation read: analysed, or skipped with a reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationRecord {
    /// `None` only for a skip where not even the id could be read.
    pub id: Option<String>,
    pub origin: Origin,
    pub outcome: Outcome,
}

impl ConversationRecord {
    /// The order records are merged in: by id, then file, pass and line.
    /// Records without an id come first.
    pub fn sort_key(&self) -> (Option<&str>, u32, u8, u64) {
        (
            self.id.as_deref(),
            self.origin.file,
            self.origin.pass,
            self.origin.line,
        )
    }

    /// Approximate heap and inline size, for the sorter's memory budget.
    pub fn approx_bytes(&self) -> usize {
        let strings = |v: &Option<String>| v.as_ref().map_or(0, String::len);
        let mut bytes = std::mem::size_of::<Self>() + self.id.as_ref().map_or(0, String::len);
        match &self.outcome {
            Outcome::Analysed(a) => {
                bytes += std::mem::size_of::<Analysis>()
                    + strings(&a.agent_id)
                    + strings(&a.customer_id)
                    + strings(&a.channel)
                    + strings(&a.topic)
                    + a.agents.iter().map(|s| s.len() + 24).sum::<usize>()
                    + a.measures.len() * std::mem::size_of::<Measure>();
                for f in &a.findings {
                    bytes += std::mem::size_of::<Finding>()
                        + f.quote.len()
                        + f.message.len()
                        + strings(&f.agent_id);
                }
            }
            Outcome::Skipped { detail, .. } => bytes += detail.len(),
        }
        bytes
    }

    pub fn analysis(&self) -> Option<&Analysis> {
        match &self.outcome {
            Outcome::Analysed(a) => Some(a),
            Outcome::Skipped { .. } => None,
        }
    }
}

/// One line of the findings file: the output contract.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FindingLine {
    pub conversation_id: String,
    pub agent_id: Option<String>,
    /// The conversation's reported topic (see [`Analysis::topic`]).
    pub topic: Option<String>,
    pub channel: Option<String>,
    pub category: String,
    pub rule: String,
    pub severity: Severity,
    pub speaker: Speaker,
    pub turn: u32,
    pub offset_ms: Option<u64>,
    pub quote: String,
    pub message: String,
}

impl FindingLine {
    pub fn new(conversation_id: &str, analysis: &Analysis, finding: &Finding) -> Self {
        FindingLine {
            conversation_id: conversation_id.to_string(),
            agent_id: finding.agent_id.clone(),
            topic: analysis.topic.clone(),
            channel: analysis.channel.clone(),
            category: finding.category.to_string(),
            rule: finding.rule.to_string(),
            severity: finding.severity,
            speaker: finding.speaker,
            turn: finding.turn,
            offset_ms: finding.offset_ms,
            quote: finding.quote.clone(),
            message: finding.message.clone(),
        }
    }
}
