//! Intercom conversations (`GET /conversations/{id}`), with their parts.
//!
//! ```json
//! {"type": "conversation", "id": "1911149811", "created_at": 1714555800,
//!  "source": {"type": "conversation", "body": "<p>...</p>",
//!             "author": {"type": "user", "id": "6630...", "name": "..."}},
//!  "contacts": {"contacts": [{"type": "contact", "id": "6630..."}]},
//!  "conversation_parts": {"type": "conversation_part.list", "conversation_parts": [
//!     {"part_type": "comment", "body": "<p>...</p>", "created_at": 1714555860,
//!      "author": {"type": "admin", "id": "814860", "name": "..."}}]}}
//! ```
//!
//! A file may also hold `{"type": "conversation.list", "conversations":
//! [...]}` or an array of conversations.
//!
//! * Turns: the `source` message (the conversation's opening message), then
//!   every part with a `body`; parts without one (assignments, state
//!   changes) are events, not turns. Bodies are HTML and are converted to
//!   text.
//! * Speaker: `author.type`: `user`, `lead` and `contact` are the
//!   customer; `admin` and `team` the agent (the admin's `id` is the turn's
//!   agent id); `bot` and `operator` (Intercom's bot) a bot. A part of
//!   `part_type` `note` is an internal note: system.
//! * Time: `created_at` (Unix seconds) relative to the conversation's
//!   `created_at`, which is also the start time.
//! * Id: `id`. Channel: `source.type` (`conversation` → chat, `email`,
//!   `phone_call` → call, `whatsapp`/`facebook`/`twitter`/`sms`/... →
//!   messaging). Customer: the first of `contacts`. Topic: from metadata.

use super::document::{Context, offset_from};
use super::html;
use super::json::Node;
use crate::error::{Location, Result};
use crate::model::{ReadItem, Speaker};

/// Intercom author types.
pub const AUTHOR_TYPES: &[(&str, Speaker)] = &[
    ("user", Speaker::Customer),
    ("lead", Speaker::Customer),
    ("contact", Speaker::Customer),
    ("admin", Speaker::Agent),
    ("team", Speaker::Agent),
    ("bot", Speaker::Bot),
    ("operator", Speaker::Bot),
];

pub fn read(ctx: &mut Context<'_>, root: &Node<'_>) -> Result<Vec<ReadItem>> {
    let list = if root.value.is_array() {
        Some(root.clone())
    } else if root.opt_str("type")? == Some("conversation.list") || root.has("conversations") {
        Some(root.req("conversations")?)
    } else {
        None
    };
    match list {
        Some(list) => {
            let mut items = Vec::new();
            for (i, conversation) in list.items()?.iter().enumerate() {
                items.push(read_conversation(ctx, conversation, i as u64 + 1)?);
            }
            Ok(items)
        }
        None => Ok(vec![read_conversation(ctx, root, 1)?]),
    }
}

fn read_conversation(ctx: &mut Context<'_>, conv: &Node<'_>, line: u64) -> Result<ReadItem> {
    let id = conv
        .opt_id("id")?
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| ctx.default_id.clone());
    let mut builder = ctx.builder(&id, line);
    let base = conv
        .get("created_at")?
        .map(|n| n.i64())
        .transpose()?
        .map(|s| s * 1000);
    if let Some(base) = base {
        builder.started_at_ms(base);
    }
    let source = conv.get("source")?;
    if let Some(source) = &source
        && let Some(kind) = source.opt_str("type")?
    {
        builder.channel(match kind {
            "conversation" | "messenger" => "chat",
            "phone_call" => "call",
            other => other,
        });
    }
    if let Some(contacts) = conv.get_path(&["contacts", "contacts"])?
        && let Some(first) = contacts.items()?.first()
        && let Some(contact) = first.opt_id("id")?
    {
        builder.customer_id(&contact);
    }
    let mut speakers = ctx.speakers(AUTHOR_TYPES);
    let mut number = 0u64;
    let mut push = |ctx: &Context<'_>,
                    builder: &mut crate::model::ConversationBuilder,
                    part: &Node<'_>,
                    at: Option<i64>,
                    note: bool|
     -> Result<()> {
        number += 1;
        let Some(body) = part.opt_str("body")? else {
            return Ok(());
        };
        let author = part.req("author")?;
        let kind_node = author.req("type")?;
        let kind = kind_node.str()?;
        let speaker = if note {
            Speaker::System
        } else {
            speakers.resolve(kind).ok_or_else(|| {
                ctx.unknown_speaker(Location::file(ctx.path()), &kind_node.path, kind)
            })?
        };
        if speaker == Speaker::Agent
            && let Some(admin) = author.opt_id("id")?
        {
            builder.agent(&admin);
        }
        let offset = match (at, base) {
            (Some(at), Some(base)) => Some(offset_from(base, at)),
            _ => None,
        };
        builder.push_turn(speaker, &html::to_text(body), offset, number);
        Ok(())
    };
    if let Some(source) = &source {
        push(ctx, &mut builder, source, base, false)?;
    }
    if let Some(parts) = conv.get("conversation_parts")? {
        let parts = match parts.value.is_array() {
            true => parts,
            false => parts.req("conversation_parts")?,
        };
        for part in parts.items()? {
            let at = part
                .get("created_at")?
                .map(|n| n.i64())
                .transpose()?
                .map(|s| s * 1000);
            let note = part.opt_str("part_type")? == Some("note");
            push(ctx, &mut builder, &part, at, note)?;
        }
    }
    Ok(ctx.finish(builder))
}
