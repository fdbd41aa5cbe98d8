//! Twilio Conversations messages (`GET /v1/Conversations/{sid}/Messages`).
//!
//! ```json
//! {"messages": [{"sid": "IM...", "conversation_sid": "CH...", "index": 0,
//!                "author": "whatsapp:+31612345678", "body": "...",
//!                "date_created": "2024-05-01T09:30:00Z", ...}],
//!  "meta": {"page": 0, "page_size": 50, "key": "messages", ...}}
//! ```
//!
//! A bare array of messages is accepted too. Messages are grouped by
//! `conversation_sid` (in order of first appearance; the file's default id
//! when absent) and ordered by `index`.
//!
//! Twilio knows no roles, only `author` identities, so the speaker is
//! decided per conversation, in this order:
//!
//! 1. `--speakers` and `--speaker-map`, then the built-in labels (`agent`,
//!    `system`, ...);
//! 2. a messaging address (`+31612345678`, `whatsapp:+31...`, `sms:...`,
//!    `messenger:...`) is the customer: that is how SMS and WhatsApp
//!    participants appear;
//! 3. an identity that starts with `agent` or `medewerker` followed by a
//!    separator or a digit (`agent_jan`, `agent-12`) is an agent;
//! 4. "the author that is not the customer": when a conversation has a
//!    customer by the rules above and no agent, its remaining authors are
//!    agents;
//! 5. with `--speakers agent=...` and no customer named, any other author
//!    is the customer.
//!
//! An author still unresolved is an error that names it and suggests
//! `--speakers agent=AUTHOR`. An agent turn's agent id is the author's
//! identity (unless it is a generic label such as `agent`); the customer id
//! is the customer's address.
//!
//! * Text: `body`; a message with a `null` body (media only) is kept as a
//!   turn without text.
//! * Time: `date_created` (ISO 8601, or RFC 2822 as older Twilio APIs
//!   write) relative to the first message, which is also the start time.
//! * Channel: messaging when an author is a messaging address, else chat.
//!   Topic and language: from metadata.

use super::document::{Context, offset_from};
use super::json::Node;
use super::speaker::{SpeakerResolver, normalize_speaker};
use super::time::parse_timestamp_ms;
use crate::error::{Location, Result};
use crate::model::{ReadItem, Speaker};

fn timestamp(node: &Node<'_>) -> Result<i64> {
    let text = node.str()?;
    parse_timestamp_ms(text)
        .or_else(|| {
            jiff::fmt::rfc2822::parse(text)
                .ok()
                .map(|z| z.timestamp().as_millisecond())
        })
        .ok_or_else(|| node.error("expected a date-time such as 2024-05-01T09:30:00Z"))
}

/// A messaging address: a phone number or a channel-prefixed address.
pub fn is_address(author: &str) -> bool {
    let lower = author.trim().to_ascii_lowercase();
    let number = |s: &str| {
        let digits = s.strip_prefix('+').unwrap_or(s);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    if lower.starts_with('+') && number(&lower) {
        return true;
    }
    [
        "whatsapp:",
        "sms:",
        "messenger:",
        "rcs:",
        "gbm:",
        "instagram:",
    ]
    .iter()
    .any(|prefix| lower.starts_with(prefix))
}

/// `agent_jan`, `agent-12`, `medewerker.piet`: an agent's identity.
fn is_agent_identity(author: &str) -> bool {
    let lower = author.trim().to_lowercase();
    ["agent", "medewerker"].iter().any(|prefix| {
        lower.strip_prefix(prefix).is_some_and(|rest| {
            rest.starts_with(|c: char| {
                c.is_ascii_digit() || matches!(c, '_' | '-' | '.' | ':' | '@')
            })
        })
    })
}

struct Message<'v> {
    node: Node<'v>,
    author: String,
    index: Option<u64>,
}

pub fn read(ctx: &mut Context<'_>, root: &Node<'_>) -> Result<Vec<ReadItem>> {
    let messages = if root.value.is_array() {
        root.items()?
    } else if root.has("messages") {
        root.req("messages")?.items()?
    } else {
        vec![root.clone()]
    };
    let mut groups: Vec<(String, Vec<Message<'_>>)> = Vec::new();
    for node in messages {
        let sid = node
            .opt_id("conversation_sid")?
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| ctx.default_id.clone());
        let author = node.req("author")?.str()?.trim().to_string();
        let index = node.get("index")?.map(|n| n.u64()).transpose()?;
        let message = Message {
            node,
            author,
            index,
        };
        match groups.iter_mut().find(|(s, _)| *s == sid) {
            Some((_, group)) => group.push(message),
            None => groups.push((sid, vec![message])),
        }
    }
    let mut items = Vec::new();
    for (number, (sid, mut group)) in groups.into_iter().enumerate() {
        if group.iter().all(|m| m.index.is_some()) {
            group.sort_by_key(|m| m.index);
        }
        items.push(read_conversation(ctx, &sid, &group, number as u64 + 1)?);
    }
    Ok(items)
}

fn read_conversation(
    ctx: &mut Context<'_>,
    sid: &str,
    messages: &[Message<'_>],
    line: u64,
) -> Result<ReadItem> {
    let resolver: SpeakerResolver = ctx.speakers(&[]);
    let mut authors: Vec<(String, Option<Speaker>)> = Vec::new();
    for message in messages {
        if authors.iter().any(|(a, _)| *a == message.author) {
            continue;
        }
        let author = &message.author;
        let speaker = resolver.resolve_known(author).or_else(|| {
            if is_address(author) {
                Some(Speaker::Customer)
            } else if is_agent_identity(author) {
                Some(Speaker::Agent)
            } else {
                None
            }
        });
        authors.push((author.clone(), speaker));
    }
    let has_customer = authors.iter().any(|(_, s)| *s == Some(Speaker::Customer));
    let has_agent = authors.iter().any(|(_, s)| *s == Some(Speaker::Agent));
    for (author, speaker) in &mut authors {
        if speaker.is_none() {
            if has_customer && !has_agent {
                *speaker = Some(Speaker::Agent);
            } else if resolver.others_are_customers() && !author.is_empty() {
                *speaker = Some(Speaker::Customer);
            }
        }
    }
    let mut builder = ctx.builder(sid, line);
    let messaging = authors.iter().any(|(a, _)| is_address(a));
    builder.channel(if messaging { "messaging" } else { "chat" });
    let mut base = None;
    for (number, message) in messages.iter().enumerate() {
        let speaker = authors
            .iter()
            .find(|(a, _)| *a == message.author)
            .and_then(|(_, s)| *s);
        let Some(speaker) = speaker else {
            return Err(ctx.unknown_speaker(
                Location::file(ctx.path()),
                &format!("{}.author", message.node.path),
                &message.author,
            ));
        };
        let generic = normalize_speaker(&message.author, &[]).is_some();
        match speaker {
            Speaker::Agent if !generic => builder.agent(&message.author),
            Speaker::Customer if !generic => builder.customer_id(&message.author),
            _ => {}
        }
        let text = message.node.opt_str("body")?.unwrap_or("");
        let offset = match message.node.get("date_created")? {
            None => None,
            Some(created) => {
                let at = timestamp(&created)?;
                let base = *base.get_or_insert(at);
                builder.started_at_ms(base);
                Some(offset_from(base, at))
            }
        };
        builder.push_turn(speaker, text, offset, number as u64 + 1);
    }
    Ok(ctx.finish(builder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_identities() {
        assert!(is_address("+31612345678"));
        assert!(is_address("whatsapp:+31612345678"));
        assert!(is_address("SMS:+44"));
        assert!(!is_address("+31 6"));
        assert!(!is_address("jan@shop.nl"));
        assert!(is_agent_identity("agent_jan"));
        assert!(is_agent_identity("Agent-12"));
        assert!(is_agent_identity("medewerker.piet"));
        assert!(!is_agent_identity("agentschap"));
        assert!(!is_agent_identity("agent"));
    }
}
