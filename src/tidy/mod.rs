//! Tidy data out: the conversations file (`--conversations`), and reading
//! analysis files back (`report --from-analysis`, see [`read`]).
//!
//! The conversations file has one JSON line per conversation read, analysed
//! or skipped, in conversation-id order, after one `run` line with the
//! file-level facts. With the findings file (one line per finding, see
//! [`crate::record::FindingLine`]) it holds everything a report needs, so:
//!
//! * an export too big for one machine is analysed in shards by any batch
//!   engine (one `convoscan report shard --conversations c.jsonl --findings
//!   f.jsonl` per shard) and the shards' files are merged by
//!   `convoscan report --from-analysis`, with the same numbers as one run;
//! * analysts load the same files into DuckDB, Spark or a BI tool: every
//!   conversation line has every key (null when unknown), flags per category
//!   and measures are objects with stable keys. Filter `record =
//!   'conversation'` to skip the run line.
//!
//! Lines of the conversations file (`record` says which):
//!
//! ```json
//! {"record":"run","convoscan":"0.1.0","files_read":1,"grouped":true,"reassembled":0,"files":[...]}
//! {"record":"conversation","id":"c-1","status":"analysed","reason":null,"detail":null,
//!  "agent_id":"A1","agents":["A1"],"customer_id":"K9","topic":"billing","topic_source":"alias",
//!  "contact_moment":"settle","channel":"phone","language":"nl",
//!  "started_at":"2024-11-18T09:00:00Z","started_at_ms":1731920400000,"turns":12,
//!  "agent_turns":6,"customer_turns":6,"duration_ms":151000,"findings":2,
//!  "flags":{"threat":1,...},"measures":{"questions_before_first_solution":0},
//!  "cues":1,"cues_taken_up":0,"marks":[{"turn":1,"rule":"threat.legal_action","highlight":[12,27]}],
//!  "source_file":"week.csv","source_line":2}
//! ```
//!
//! `marks` says where each finding's matched words are in its quote (byte
//! offsets): the findings file has no field for it, and its field set is a
//! contract. With it a merged run highlights quotes exactly like a single
//! run, and `--from-analysis` can tell which conversations lost findings.
//! What does not survive a round trip: the path of the export a
//! conversation came from (skip warnings name the analysis file instead).
//! Quotes stay as they were written: a file written redacted stays
//! redacted.

pub mod read;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::lexicon::compiled::ContactMoment;
use crate::model::SkipReason;
use crate::record::{ConversationRecord, Outcome, TopicSource};
use crate::report::stats::utc_timestamp;

/// Whether a conversation was analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Analysed,
    Skipped,
}

/// One input file, as the run line lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunFile {
    pub path: String,
    pub rows: u64,
    pub grouped: bool,
    pub reassembled: u64,
}

/// The first line of a conversations file: the facts of the run that no
/// conversation carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunLine {
    pub record: String,
    pub convoscan: String,
    pub files_read: u64,
    pub grouped: bool,
    pub reassembled: u64,
    pub files: Vec<RunFile>,
}

impl RunLine {
    pub fn new(files: Vec<RunFile>) -> Self {
        RunLine {
            record: "run".to_string(),
            convoscan: env!("CARGO_PKG_VERSION").to_string(),
            files_read: files.len() as u64,
            grouped: files.iter().all(|f| f.grouped),
            reassembled: files.iter().map(|f| f.reassembled).sum(),
            files,
        }
    }
}

/// Where a finding's matched words are in its quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub turn: u32,
    pub rule: String,
    pub highlight: Option<(u32, u32)>,
}

/// One conversation of the conversations file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationLine {
    pub record: String,
    pub id: Option<String>,
    pub status: Status,
    pub reason: Option<SkipReason>,
    pub detail: Option<String>,
    pub agent_id: Option<String>,
    pub agents: Vec<String>,
    pub customer_id: Option<String>,
    pub topic: Option<String>,
    pub topic_source: Option<TopicSource>,
    pub contact_moment: Option<ContactMoment>,
    pub channel: Option<String>,
    pub language: Option<String>,
    pub started_at: Option<String>,
    pub started_at_ms: Option<i64>,
    pub turns: u32,
    pub agent_turns: u32,
    pub customer_turns: u32,
    pub duration_ms: Option<u64>,
    pub findings: u32,
    /// Findings per category; every category of the run's lexicons is
    /// present (0 when not flagged).
    pub flags: BTreeMap<String, u32>,
    pub measures: BTreeMap<String, f64>,
    pub cues: u32,
    pub cues_taken_up: u32,
    /// One per finding, in the order of the findings file.
    #[serde(default)]
    pub marks: Vec<Mark>,
    pub source_file: Option<String>,
    pub source_line: u64,
}

impl ConversationLine {
    /// The line of a record. `files[i]` names input file `i`; `categories`
    /// are the run's categories (each gets a flag count).
    pub fn new(record: &ConversationRecord, files: &[String], categories: &[Arc<str>]) -> Self {
        let mut line = ConversationLine {
            record: "conversation".to_string(),
            id: record.id.clone(),
            status: Status::Analysed,
            reason: None,
            detail: None,
            agent_id: None,
            agents: Vec::new(),
            customer_id: None,
            topic: None,
            topic_source: None,
            contact_moment: None,
            channel: None,
            language: None,
            started_at: None,
            started_at_ms: None,
            turns: 0,
            agent_turns: 0,
            customer_turns: 0,
            duration_ms: None,
            findings: 0,
            flags: categories.iter().map(|c| (c.to_string(), 0)).collect(),
            measures: BTreeMap::new(),
            cues: 0,
            cues_taken_up: 0,
            marks: Vec::new(),
            source_file: files.get(record.origin.file as usize).cloned(),
            source_line: record.origin.line,
        };
        match &record.outcome {
            Outcome::Skipped { reason, detail } => {
                line.status = Status::Skipped;
                line.reason = Some(reason.clone());
                line.detail = Some(detail.clone());
            }
            Outcome::Analysed(a) => {
                line.agent_id = a.agent_id.clone();
                line.agents = a.agents.clone();
                line.customer_id = a.customer_id.clone();
                line.topic = a.topic.clone();
                line.topic_source = a.topic_source;
                line.contact_moment = a.contact_moment;
                line.channel = a.channel.clone();
                line.language = a.language.as_deref().map(str::to_string);
                line.started_at = a.started_at_ms.and_then(utc_timestamp);
                line.started_at_ms = a.started_at_ms;
                line.turns = a.turns;
                line.agent_turns = a.agent_turns;
                line.customer_turns = a.customer_turns;
                line.duration_ms = a.duration_ms;
                line.findings = a.findings.len() as u32;
                for f in &a.findings {
                    *line.flags.entry(f.category.to_string()).or_default() += 1;
                }
                line.measures = a
                    .measures
                    .iter()
                    .map(|m| (m.name.to_string(), m.value))
                    .collect();
                line.cues = a.cues;
                line.cues_taken_up = a.cues_taken_up;
                line.marks = a
                    .findings
                    .iter()
                    .map(|f| Mark {
                        turn: f.turn,
                        rule: f.rule.to_string(),
                        highlight: f.highlight,
                    })
                    .collect();
            }
        }
        line
    }
}
