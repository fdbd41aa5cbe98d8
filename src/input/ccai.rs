//! Google Contact Center AI Insights conversations in the JSON transcript
//! format Insights imports (chat transcripts): one conversation per file.
//!
//! ```json
//! {"entries": [{"start_timestamp_usec": 1714555800000000, "text": "...",
//!               "role": "AGENT", "user_id": 1}, ...]}
//! ```
//!
//! * Id: the file's default id (the format has none).
//! * Speaker: `role`: `AGENT` and `HUMAN_AGENT` are the agent, `CUSTOMER`
//!   and `END_USER` the customer, `AUTOMATED_AGENT` a bot.
//! * Text: `text`. Time: `start_timestamp_usec` (epoch microseconds, a
//!   number or a string), relative to the first entry, which is also the
//!   start time.
//! * Channel: chat (this is Insights' chat transcript format). `user_id` is
//!   a participant number within the conversation, not an agent id, so the
//!   agent, topic and language come from metadata (`--meta`,
//!   `--meta-from-path`).

use super::document::{Context, offset_from};
use super::json::Node;
use crate::error::{Location, Result};
use crate::model::{ReadItem, Speaker};

/// CCAI participant roles.
pub const ROLES: &[(&str, Speaker)] = &[
    ("agent", Speaker::Agent),
    ("human_agent", Speaker::Agent),
    ("customer", Speaker::Customer),
    ("end_user", Speaker::Customer),
    ("automated_agent", Speaker::Bot),
];

fn microseconds(node: &Node<'_>) -> Result<i64> {
    match node.value {
        serde_json::Value::String(s) => s
            .trim()
            .parse::<i64>()
            .map_err(|_| node.error("expected epoch microseconds")),
        _ => node.i64(),
    }
}

pub fn read(ctx: &mut Context<'_>, root: &Node<'_>) -> Result<Vec<ReadItem>> {
    let id = ctx.default_id.clone();
    let mut builder = ctx.builder(&id, 1);
    builder.channel("chat");
    let mut speakers = ctx.speakers(ROLES);
    let mut base = None;
    for (index, entry) in root.req("entries")?.items()?.iter().enumerate() {
        let text = entry.req("text")?.str()?;
        let role_node = entry.req("role")?;
        let role = role_node.str()?;
        let speaker = speakers.resolve(role).ok_or_else(|| {
            ctx.unknown_speaker(Location::file(ctx.path()), &role_node.path, role)
        })?;
        let offset = match entry.get("start_timestamp_usec")? {
            None => None,
            Some(usec) => {
                let ms = microseconds(&usec)? / 1000;
                let base = *base.get_or_insert(ms);
                builder.started_at_ms(base);
                Some(offset_from(base, ms))
            }
        };
        builder.push_turn(speaker, text, offset, index as u64 + 1);
    }
    Ok(vec![ctx.finish(builder)])
}
