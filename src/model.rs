//! The conversation model: what every reader produces and the engine consumes.
//!
//! A conversation keeps all of its turn texts in one `String` and the turns as
//! byte ranges into it. Readers build one allocation per conversation instead of
//! one per turn, and the engine can normalise and scan a whole conversation in a
//! single pass. Nothing here knows about file formats or lexicons.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Who spoke a turn, after normalising the export's own labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Agent,
    Customer,
    System,
    Bot,
}

impl Speaker {
    pub const ALL: [Speaker; 4] = [
        Speaker::Agent,
        Speaker::Customer,
        Speaker::System,
        Speaker::Bot,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Speaker::Agent => "agent",
            Speaker::Customer => "customer",
            Speaker::System => "system",
            Speaker::Bot => "bot",
        }
    }

    /// Parses a canonical name (`agent`, `customer`, `system`, `bot`).
    pub fn from_canonical(name: &str) -> Option<Speaker> {
        Speaker::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

impl fmt::Display for Speaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Low, Severity::Medium, Severity::High];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a conversation came from: the index of its file in the run's file
/// table, the 1-based line (or record number) where it starts, and the read
/// pass that produced it.
///
/// `pass` is 0 for conversations streamed in the first read of a file and 1
/// for conversations reassembled in a second read because their rows were not
/// contiguous. A pass-1 conversation supersedes the partial pass-0 one with
/// the same id from the same file.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Origin {
    pub file: u32,
    pub line: u64,
    pub pass: u8,
}

/// One utterance. `start..end` is a byte range into [`Conversation::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    pub speaker: Speaker,
    pub start: u32,
    pub end: u32,
    /// Milliseconds since the start of the conversation, when the export has
    /// timestamps or offsets.
    pub offset_ms: Option<u64>,
    /// Index into [`Conversation::agents`] of the agent handling this turn.
    pub agent: Option<u16>,
    /// 1-based source line (or record number) of the turn; 0 when unknown.
    pub line: u64,
}

/// A whole conversation, ready for analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conversation {
    pub id: String,
    pub origin: Origin,
    /// Agents who took part, in order of first appearance. The first one is the
    /// conversation's primary agent.
    pub agents: Vec<String>,
    pub customer_id: Option<String>,
    pub channel: Option<String>,
    pub topic: Option<String>,
    /// Language code the export declares (`nl`, `en`, ...), if any.
    pub language: Option<String>,
    /// Start of the conversation, milliseconds since the Unix epoch (UTC).
    pub started_at_ms: Option<i64>,
    pub text: String,
    pub turns: Vec<Turn>,
}

impl Conversation {
    /// The text of turn `index`. Panics only if `index` is out of range, which
    /// is a programming error, never an input one.
    pub fn turn_text(&self, index: usize) -> &str {
        let turn = &self.turns[index];
        &self.text[turn.start as usize..turn.end as usize]
    }

    pub fn primary_agent(&self) -> Option<&str> {
        self.agents.first().map(String::as_str)
    }

    /// The agent responsible for a turn: the turn's own agent, else the
    /// primary agent.
    pub fn agent_of_turn(&self, index: usize) -> Option<&str> {
        self.turns
            .get(index)
            .and_then(|t| t.agent)
            .and_then(|a| self.agents.get(a as usize))
            .map(String::as_str)
            .or_else(|| self.primary_agent())
    }

    /// Duration from the first to the last turn offset, when known.
    pub fn duration_ms(&self) -> Option<u64> {
        let first = self.turns.iter().find_map(|t| t.offset_ms)?;
        let last = self.turns.iter().rev().find_map(|t| t.offset_ms)?;
        Some(last.saturating_sub(first))
    }

    pub fn has_agent_turn(&self) -> bool {
        self.turns.iter().any(|t| t.speaker == Speaker::Agent)
    }
}

/// Why a conversation that was read was not analysed. Every conversation read
/// is either analysed or skipped with one of these reasons.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// No turn has any text.
    Empty,
    /// No human agent turn (abandoned, or handled by a bot only).
    NoAgent,
    /// A row or record of the conversation was not valid UTF-8.
    InvalidUtf8,
    /// The conversation exceeds a size limit (turns or bytes).
    TooLarge,
    /// The same conversation id was already read from another file.
    DuplicateId,
    /// A record of the conversation could not be read (bad JSON, bad field).
    Malformed,
}

impl SkipReason {
    pub const ALL: [SkipReason; 6] = [
        SkipReason::Empty,
        SkipReason::NoAgent,
        SkipReason::InvalidUtf8,
        SkipReason::TooLarge,
        SkipReason::DuplicateId,
        SkipReason::Malformed,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            SkipReason::Empty => "empty",
            SkipReason::NoAgent => "no_agent",
            SkipReason::InvalidUtf8 => "invalid_utf8",
            SkipReason::TooLarge => "too_large",
            SkipReason::DuplicateId => "duplicate_id",
            SkipReason::Malformed => "malformed",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A conversation that was read but will not be analysed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The conversation id, when the reader got that far.
    pub id: Option<String>,
    pub origin: Origin,
    pub reason: SkipReason,
    /// Human-readable detail, e.g. the offending line.
    pub detail: String,
}

/// What a reader yields: a conversation to analyse, or one it had to skip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadItem {
    Conversation(Conversation),
    Skipped(Skipped),
}

/// Limits that protect the run from hostile or broken exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_turns: usize,
    pub max_conversation_bytes: usize,
    pub max_field_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_turns: 100_000,
            max_conversation_bytes: 64 * 1024 * 1024,
            max_field_bytes: 1024 * 1024,
        }
    }
}

/// Builds a [`Conversation`] turn by turn, collecting metadata from whichever
/// row carries it first. Readers of every format use it so that metadata
/// rules (first non-empty value wins, agents in order of appearance) are the
/// same everywhere.
#[derive(Debug)]
pub struct ConversationBuilder {
    conversation: Conversation,
    current_agent: Option<u16>,
    /// Which limit the conversation exceeded, once it did.
    too_large: Option<String>,
    limits: Limits,
}

impl ConversationBuilder {
    pub fn new(id: impl Into<String>, origin: Origin, limits: Limits) -> Self {
        ConversationBuilder {
            conversation: Conversation {
                id: id.into(),
                origin,
                ..Conversation::default()
            },
            current_agent: None,
            too_large: None,
            limits,
        }
    }

    pub fn id(&self) -> &str {
        &self.conversation.id
    }

    pub fn origin(&self) -> Origin {
        self.conversation.origin
    }

    pub fn turn_count(&self) -> usize {
        self.conversation.turns.len()
    }

    /// Sets a metadata field if it is still empty; blank values are ignored.
    pub fn customer_id(&mut self, value: &str) {
        set_if_empty(&mut self.conversation.customer_id, value);
    }
    /// Sets the channel if it is still empty, in its canonical name when
    /// it is a known one (see [`canonical_channel`]).
    pub fn channel(&mut self, value: &str) {
        // Every row of a long export repeats the channel: name it once.
        if self.conversation.channel.is_none() {
            set_if_empty(&mut self.conversation.channel, canonical_channel(value));
        }
    }
    pub fn topic(&mut self, value: &str) {
        set_if_empty(&mut self.conversation.topic, value);
    }
    pub fn language(&mut self, value: &str) {
        set_if_empty(&mut self.conversation.language, value);
    }
    pub fn started_at_ms(&mut self, value: i64) {
        if self.conversation.started_at_ms.is_none() {
            self.conversation.started_at_ms = Some(value);
        }
    }

    /// Records the agent handling the conversation from now on. Blank values
    /// keep the current agent.
    pub fn agent(&mut self, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let agents = &mut self.conversation.agents;
        let index = match agents.iter().position(|a| a == value) {
            Some(i) => i,
            None => {
                if agents.len() >= u16::MAX as usize {
                    return;
                }
                agents.push(value.to_string());
                agents.len() - 1
            }
        };
        self.current_agent = Some(index as u16);
    }

    /// Appends a turn. Text is trimmed; a turn whose text is blank is still
    /// kept (it counts as a turn) but contributes no text.
    pub fn push_turn(&mut self, speaker: Speaker, text: &str, offset_ms: Option<u64>, line: u64) {
        if self.too_large.is_some() {
            return;
        }
        let text = text.trim();
        let conv = &mut self.conversation;
        let limits = &self.limits;
        let text_bytes = conv.text.len() + text.len() + 1;
        let exceeded = if conv.turns.len() >= limits.max_turns {
            Some(format!("more than {} turns", limits.max_turns))
        } else if text.len() > limits.max_field_bytes {
            let at = if line > 0 {
                format!(" on line {line}")
            } else {
                String::new()
            };
            Some(format!(
                "a turn of {} bytes{at} (the limit is {} bytes per turn)",
                text.len(),
                limits.max_field_bytes
            ))
        } else if text_bytes > limits.max_conversation_bytes.min(u32::MAX as usize) {
            Some(format!(
                "more than {} bytes of text",
                limits.max_conversation_bytes.min(u32::MAX as usize)
            ))
        } else {
            None
        };
        if exceeded.is_some() {
            self.too_large = exceeded;
            return;
        }
        if !conv.text.is_empty() {
            conv.text.push('\n');
        }
        let start = conv.text.len() as u32;
        conv.text.push_str(text);
        let end = conv.text.len() as u32;
        conv.turns.push(Turn {
            speaker,
            start,
            end,
            offset_ms,
            agent: self.current_agent,
            line,
        });
    }

    /// Finishes the conversation, or says why it must be skipped.
    pub fn finish(self) -> Result<Conversation, Skipped> {
        let conv = self.conversation;
        let skip = |reason: SkipReason, detail: String| Skipped {
            id: Some(conv.id.clone()),
            origin: conv.origin,
            reason,
            detail,
        };
        if let Some(exceeded) = self.too_large {
            return Err(skip(SkipReason::TooLarge, exceeded));
        }
        if conv.turns.iter().all(|t| t.start == t.end) {
            return Err(skip(SkipReason::Empty, "no turn has any text".into()));
        }
        if !conv.has_agent_turn() {
            return Err(skip(
                SkipReason::NoAgent,
                "no agent turn (abandoned, or bot only)".into(),
            ));
        }
        Ok(conv)
    }

    /// Sorts turns by a caller-provided key (the export's turn index), keeping
    /// the reading order for equal keys.
    pub fn sort_turns_by_key(&mut self, keys: &[i64]) {
        if keys.len() != self.conversation.turns.len() {
            return;
        }
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by_key(|&i| keys[i]);
        let turns = std::mem::take(&mut self.conversation.turns);
        self.conversation.turns = order.into_iter().map(|i| turns[i].clone()).collect();
    }
}

/// The canonical name of a channel: `call`, `chat`, `email` or
/// `messaging` for the names platforms use for them (`VOICE`, `phone`,
/// `telefoon`, `webchat`, `e-mail`, `sms`, `whatsapp`, ...), compared
/// case-insensitively with spaces and hyphens as `_`. Other values are
/// returned trimmed and unchanged, so nothing the export says is lost.
/// Every reader goes through this (via [`ConversationBuilder::channel`]),
/// so a CSV's `phone` and a Connect file's `VOICE` report as one channel.
pub fn canonical_channel(value: &str) -> &str {
    let trimmed = value.trim();
    let key: String = trimmed
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match key.as_str() {
        "call" | "voice" | "phone" | "phone_call" | "telephone" | "telephony" | "telefoon"
        | "telefonie" | "callback" | "inbound_call" | "outbound_call" | "bellen" => "call",
        "chat" | "webchat" | "web_chat" | "livechat" | "live_chat" | "messenger_chat" => "chat",
        "email" | "e_mail" | "mail" | "web_form" => "email",
        "messaging"
        | "message"
        | "messages"
        | "sms"
        | "whatsapp"
        | "facebook"
        | "twitter"
        | "instagram"
        | "social"
        | "native_messaging"
        | "telegram"
        | "line"
        | "wechat"
        | "apple_business_chat"
        | "rcs" => "messaging",
        _ => trimmed,
    }
}

fn set_if_empty(slot: &mut Option<String>, value: &str) {
    if slot.is_some() {
        return;
    }
    let value = value.trim();
    if !value.is_empty() {
        *slot = Some(value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builder() -> ConversationBuilder {
        ConversationBuilder::new(
            "c1",
            Origin {
                file: 0,
                line: 2,
                pass: 0,
            },
            Limits::default(),
        )
    }

    #[test]
    fn turns_share_one_text_buffer() {
        let mut b = builder();
        b.agent("A7");
        b.push_turn(Speaker::Customer, "  Mijn tv is kapot. ", Some(0), 2);
        b.push_turn(Speaker::Agent, "Wat is er gebeurd?", Some(4000), 3);
        let c = b.finish().unwrap();
        assert_eq!(c.turn_text(0), "Mijn tv is kapot.");
        assert_eq!(c.turn_text(1), "Wat is er gebeurd?");
        assert_eq!(c.primary_agent(), Some("A7"));
        assert_eq!(c.duration_ms(), Some(4000));
    }

    #[test]
    fn first_non_empty_metadata_wins() {
        let mut b = builder();
        b.topic("");
        b.topic("billing");
        b.topic("delivery");
        b.push_turn(Speaker::Agent, "Goedemorgen", None, 2);
        assert_eq!(b.finish().unwrap().topic.as_deref(), Some("billing"));
    }

    #[test]
    fn channels_get_canonical_names() {
        assert_eq!(canonical_channel(" VOICE "), "call");
        assert_eq!(canonical_channel("Telefoon"), "call");
        assert_eq!(canonical_channel("Web-Chat"), "chat");
        assert_eq!(canonical_channel("E-mail"), "email");
        assert_eq!(canonical_channel("WhatsApp"), "messaging");
        assert_eq!(canonical_channel("Balie"), "Balie");
        let mut b = builder();
        b.channel("phone");
        b.push_turn(Speaker::Agent, "Goedemorgen", None, 2);
        assert_eq!(b.finish().unwrap().channel.as_deref(), Some("call"));
    }

    #[test]
    fn transfers_keep_each_turns_agent() {
        let mut b = builder();
        b.agent("A1");
        b.push_turn(Speaker::Agent, "hallo", None, 2);
        b.agent("A2");
        b.push_turn(Speaker::Agent, "ik neem het over", None, 3);
        let c = b.finish().unwrap();
        assert_eq!(c.agents, vec!["A1", "A2"]);
        assert_eq!(c.agent_of_turn(1), Some("A2"));
    }

    #[test]
    fn skips_say_why() {
        let mut b = builder();
        b.push_turn(Speaker::Customer, "hallo?", None, 2);
        assert_eq!(b.finish().unwrap_err().reason, SkipReason::NoAgent);
        let mut b = builder();
        b.push_turn(Speaker::Agent, "   ", None, 2);
        assert_eq!(b.finish().unwrap_err().reason, SkipReason::Empty);
        let limits = Limits {
            max_turns: 1,
            ..Limits::default()
        };
        let mut b = ConversationBuilder::new("c", Origin::default(), limits);
        b.push_turn(Speaker::Agent, "a", None, 1);
        b.push_turn(Speaker::Agent, "b", None, 2);
        assert_eq!(b.finish().unwrap_err().reason, SkipReason::TooLarge);
    }

    #[test]
    fn turn_index_sorting_is_stable() {
        let mut b = builder();
        b.push_turn(Speaker::Agent, "second", None, 2);
        b.push_turn(Speaker::Customer, "first", None, 3);
        b.sort_turns_by_key(&[2, 1]);
        let c = b.finish().unwrap();
        assert_eq!(c.turn_text(0), "first");
    }
}
