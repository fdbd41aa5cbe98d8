//! Amazon Connect Contact Lens conversational analytics output, for calls
//! and chats: one contact per file.
//!
//! ```json
//! {"Version": "1.1.0", "Channel": "VOICE", "LanguageCode": "nl-NL",
//!  "Participants": [{"ParticipantId": "AGENT", "ParticipantRole": "AGENT"}, ...],
//!  "Categories": {"MatchedCategories": ["Opzeggen"], ...},
//!  "CustomerMetadata": {"ContactId": "...", "InstanceId": "..."},
//!  "Transcript": [{"Id": "...", "ParticipantId": "CUSTOMER", "Content": "...",
//!                  "BeginOffsetMillis": 0, "EndOffsetMillis": 4200, "Sentiment": "NEUTRAL"}]}
//! ```
//!
//! * Id: `CustomerMetadata.ContactId`, else the file's default id.
//! * Speaker: the item's `ParticipantRole`, else the role of its
//!   `ParticipantId` in `Participants`: `AGENT` and `SUPERVISOR` are the
//!   agent, `CUSTOMER` the customer, `SYSTEM` the system, `CUSTOM_BOT` a
//!   bot. A `ParticipantId` not in `Participants` is an error.
//! * Text: `Content`. Items without `Content` (chat events such as a
//!   participant joining) are not turns.
//! * Time: `BeginOffsetMillis` (calls), else `AbsoluteTime` (chats) taken
//!   relative to the first one, which is also the start time.
//! * Channel: `Channel` (`VOICE` → call, `CHAT` → chat); language:
//!   `LanguageCode`; topic: the first of `Categories.MatchedCategories`
//!   (Contact Lens categories are the contact centre's own contact reasons).
//! * Agent: the output names none; use `--meta` or `--meta-from-path`.
//!
//! [`read_aws`] also reads Transcribe Call Analytics output, which has the
//! same transcript items (see [`super::transcribe`]).

use super::document::{Context, offset_from};
use super::json::Node;
use super::time::parse_timestamp_ms;
use crate::error::{Location, Result};
use crate::model::{ReadItem, Speaker};

/// Contact Lens and Transcribe participant roles.
pub const ROLES: &[(&str, Speaker)] = &[
    ("agent", Speaker::Agent),
    ("supervisor", Speaker::Agent),
    ("customer", Speaker::Customer),
    ("system", Speaker::System),
    ("custom_bot", Speaker::Bot),
];

pub fn read(ctx: &mut Context<'_>, root: &Node<'_>) -> Result<Vec<ReadItem>> {
    let id = root
        .get_path(&["CustomerMetadata", "ContactId"])?
        .map(|n| n.id())
        .transpose()?;
    read_aws(ctx, root, id, None)
}

/// Reads the shared AWS analytics shape. `default_channel` applies when the
/// file has no `Channel`.
pub fn read_aws(
    ctx: &mut Context<'_>,
    root: &Node<'_>,
    id: Option<String>,
    default_channel: Option<&str>,
) -> Result<Vec<ReadItem>> {
    let id = id
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| ctx.default_id.clone());
    let mut builder = ctx.builder(&id, 1);
    let mut roles: Vec<(String, String)> = Vec::new();
    if let Some(participants) = root.get("Participants")? {
        for participant in participants.items()? {
            let role = participant.req("ParticipantRole")?.str()?;
            let pid = participant
                .opt_id("ParticipantId")?
                .unwrap_or_else(|| role.to_string());
            roles.push((pid, role.to_string()));
        }
    }
    if let Some(channel) = root.opt_str("Channel")?.or(default_channel) {
        builder.channel(channel);
    }
    if let Some(language) = root.opt_str("LanguageCode")? {
        builder.language(language);
    }
    if let Some(matched) = root.get_path(&["Categories", "MatchedCategories"])?
        && let Some(first) = matched.items()?.first()
    {
        builder.topic(first.str()?);
    }
    let mut speakers = ctx.speakers(ROLES);
    let mut first_absolute = None;
    for (index, item) in root.req("Transcript")?.items()?.iter().enumerate() {
        let Some(content) = item.get("Content")? else {
            continue;
        };
        let content = content.str()?;
        let (role, role_path) = match item.opt_str("ParticipantRole")? {
            Some(role) => (role.to_string(), format!("{}.ParticipantRole", item.path)),
            None => {
                let pid = item.req("ParticipantId")?.id()?;
                let role = roles
                    .iter()
                    .find(|(p, _)| *p == pid)
                    .map(|(_, role)| role.clone())
                    .ok_or_else(|| {
                        item.error(format!(
                            "ParticipantId \"{pid}\" is not one of $.Participants, so its role is unknown"
                        ))
                    })?;
                (role, format!("{}.ParticipantId", item.path))
            }
        };
        let speaker = speakers
            .resolve(&role)
            .ok_or_else(|| ctx.unknown_speaker(Location::file(ctx.path()), &role_path, &role))?;
        let offset = match item.get("BeginOffsetMillis")? {
            Some(ms) => Some(ms.u64()?),
            None => match item.get("AbsoluteTime")? {
                None => None,
                Some(at) => {
                    let ms = parse_timestamp_ms(at.str()?).ok_or_else(|| {
                        at.error("expected a date-time such as 2024-05-01T09:30:00.000Z")
                    })?;
                    let base = *first_absolute.get_or_insert(ms);
                    builder.started_at_ms(base);
                    Some(offset_from(base, ms))
                }
            },
        };
        builder.push_turn(speaker, content, offset, index as u64 + 1);
    }
    Ok(vec![ctx.finish(builder)])
}
