//! Genesys Cloud conversation transcripts (speech and text analytics): one
//! conversation per file.
//!
//! ```json
//! {"organizationId": "...", "conversationId": "...", "communicationId": "...",
//!  "mediaType": "call", "conversationStartTime": 1714555800000,
//!  "participants": [{"participantPurpose": "agent", "userId": "...", "name": "..."}],
//!  "transcripts": [{"transcriptId": "...", "language": "nl-nl",
//!    "phrases": [{"text": "...", "participantPurpose": "external", "startTimeMs": 1714555801200,
//!                 "duration": {"milliseconds": 2100}, "confidence": 0.91}],
//!    "analytics": {"topics": [{"topicName": "Opzeggen", ...}]}}]}
//! ```
//!
//! * Id: `conversationId`, else the file's default id.
//! * Speaker: `participantPurpose`: `agent`, `internal` and `user` are the
//!   agent; `customer` and `external` the customer (transcripts call the
//!   customer's side `external`); `acd`, `ivr`, `workflow`, `voicemail` and
//!   `system` the system; `bot` a bot.
//! * Text: `text`. Time: `startTimeMs` (epoch milliseconds) relative to
//!   `conversationStartTime` (epoch ms or ISO 8601), else to the first
//!   phrase; phrases of several transcripts (communications) are merged in
//!   time order.
//! * Agent: the first agent-purpose entry of `participants` (`userId`, else
//!   `name`). Channel: `mediaType` (`call`, `chat`, `email`, `message` →
//!   messaging). Language: the transcript's `language`. Topic: the first
//!   `analytics.topics[].topicName` (Genesys topics are the contact
//!   centre's programmed contact reasons).

use super::document::{Context, offset_from};
use super::json::Node;
use super::time::parse_timestamp_ms;
use crate::error::{Location, Result};
use crate::model::{ReadItem, Speaker};

/// Genesys participant purposes.
pub const PURPOSES: &[(&str, Speaker)] = &[
    ("agent", Speaker::Agent),
    ("internal", Speaker::Agent),
    ("user", Speaker::Agent),
    ("customer", Speaker::Customer),
    ("external", Speaker::Customer),
    ("acd", Speaker::System),
    ("ivr", Speaker::System),
    ("workflow", Speaker::System),
    ("voicemail", Speaker::System),
    ("system", Speaker::System),
    ("bot", Speaker::Bot),
];

fn epoch_ms(node: &Node<'_>) -> Result<i64> {
    match node.value {
        serde_json::Value::String(s) => parse_timestamp_ms(s)
            .ok_or_else(|| node.error("expected epoch milliseconds or an ISO 8601 date-time")),
        _ => node.i64(),
    }
}

pub fn read(ctx: &mut Context<'_>, root: &Node<'_>) -> Result<Vec<ReadItem>> {
    let id = root
        .opt_id("conversationId")?
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| ctx.default_id.clone());
    let mut builder = ctx.builder(&id, 1);
    if let Some(media) = root.opt_str("mediaType")? {
        builder.channel(media);
    }
    if let Some(participants) = root.get("participants")? {
        for participant in participants.items()? {
            let purpose = participant
                .opt_str("participantPurpose")?
                .or(participant.opt_str("purpose")?)
                .unwrap_or("");
            if matches!(
                purpose.to_ascii_lowercase().as_str(),
                "agent" | "internal" | "user"
            ) {
                let agent = match participant.opt_id("userId")? {
                    Some(user) => Some(user),
                    None => participant.opt_str("name")?.map(str::to_string),
                };
                if let Some(agent) = agent {
                    builder.agent(&agent);
                    break;
                }
            }
        }
    }
    let base = root
        .get("conversationStartTime")?
        .map(|n| epoch_ms(&n))
        .transpose()?;
    let mut speakers = ctx.speakers(PURPOSES);
    let mut phrases: Vec<(i64, Speaker, &str, u64)> = Vec::new();
    let mut number = 0u64;
    for transcript in root.req("transcripts")?.items()? {
        if let Some(language) = transcript.opt_str("language")? {
            builder.language(language);
        }
        if let Some(topics) = transcript.get_path(&["analytics", "topics"])? {
            for topic in topics.items()? {
                if let Some(name) = topic.opt_str("topicName")? {
                    builder.topic(name);
                }
            }
        }
        for phrase in transcript.req("phrases")?.items()? {
            number += 1;
            let text = phrase.req("text")?.str()?;
            let purpose_node = phrase.req("participantPurpose")?;
            let purpose = purpose_node.str()?;
            let speaker = speakers.resolve(purpose).ok_or_else(|| {
                ctx.unknown_speaker(Location::file(ctx.path()), &purpose_node.path, purpose)
            })?;
            let start = match phrase.get("startTimeMs")? {
                Some(ms) => ms.i64()?,
                None => i64::MIN,
            };
            phrases.push((start, speaker, text, number));
        }
    }
    // Stable: phrases without a time keep their place among equals.
    phrases.sort_by_key(|p| p.0);
    let first = phrases.iter().map(|p| p.0).find(|&t| t != i64::MIN);
    let base = base.or(first);
    if let Some(base) = base {
        builder.started_at_ms(base);
    }
    for (start, speaker, text, number) in phrases {
        let offset = match (start, base) {
            (i64::MIN, _) | (_, None) => None,
            (start, Some(base)) => Some(offset_from(base, start)),
        };
        builder.push_turn(speaker, text, offset, number);
    }
    Ok(vec![ctx.finish(builder)])
}
