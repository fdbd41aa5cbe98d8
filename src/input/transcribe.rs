//! Amazon Transcribe Call Analytics output (post-call analytics): one call
//! per file.
//!
//! ```json
//! {"JobName": "...", "JobStatus": "COMPLETED", "LanguageCode": "en-US", "Channel": "VOICE",
//!  "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
//!  "Categories": {"MatchedCategories": ["..."]},
//!  "Transcript": [{"Id": "...", "ParticipantRole": "CUSTOMER", "Content": "...",
//!                  "BeginOffsetMillis": 0, "EndOffsetMillis": 3900, "Sentiment": "NEGATIVE"}],
//!  "ConversationCharacteristics": {...}}
//! ```
//!
//! The transcript items are Contact Lens' (see [`super::connect`]): the
//! same roles, offsets, language and category topic. The id is `JobName`
//! (Transcribe knows no contact id; name jobs after your call ids, or use
//! `--meta-from-path`), the channel is `call`, and the agent comes from
//! metadata.

use super::connect::read_aws;
use super::document::Context;
use super::json::Node;
use crate::error::Result;
use crate::model::ReadItem;

pub fn read(ctx: &mut Context<'_>, root: &Node<'_>) -> Result<Vec<ReadItem>> {
    let id = root.opt_id("JobName")?;
    read_aws(ctx, root, id, Some("call"))
}
