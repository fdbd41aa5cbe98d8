//! OpenAI Whisper JSON output (`whisper --output_format json`, the API's
//! `verbose_json`), including WhisperX's diarised output: one recording
//! per file.
//!
//! ```json
//! {"text": "...", "language": "nl",
//!  "segments": [{"id": 0, "start": 0.0, "end": 3.2, "text": " Goedemorgen, ...",
//!                "speaker": "SPEAKER_00"}]}
//! ```
//!
//! * Speaker: the segment's `speaker` (WhisperX), else an `Agent:` /
//!   `Klant:` prefix of its text (see [`super::labels`]), resolved through
//!   `--speakers agent=SPEAKER_00`, `--speaker-map` and the built-in labels.
//!   A segment without either continues the previous speaker's turn; a
//!   first segment without one is an error (plain Whisper output is not
//!   diarised: run a diarisation step such as WhisperX, or label the text).
//!   Consecutive segments of one speaker form one turn.
//! * Text: `text`, trimmed. Time: `start` (seconds).
//! * Id: the file's default id. Channel: call (speech). Language:
//!   `language`, as a code or as the English name Whisper's API writes
//!   (`dutch` → nl). Agent and topic: from metadata.

use super::document::Context;
use super::json::Node;
use super::labels::{Pieces, PrefixLabels, split_label};
use super::time::seconds_to_ms;
use crate::error::{Location, Result};
use crate::model::ReadItem;

/// Language names Whisper's API writes, to codes.
fn language_code(language: &str) -> &str {
    match language.trim().to_ascii_lowercase().as_str() {
        "dutch" | "flemish" => "nl",
        "english" => "en",
        "german" => "de",
        "french" => "fr",
        "spanish" => "es",
        _ => language.trim(),
    }
}

pub fn read(ctx: &mut Context<'_>, root: &Node<'_>) -> Result<Vec<ReadItem>> {
    let id = ctx.default_id.clone();
    let mut builder = ctx.builder(&id, 1);
    builder.channel("call");
    if let Some(language) = root.opt_str("language")? {
        builder.language(language_code(language));
    }
    let segments = root.req("segments")?.items()?;
    let mut texts = Vec::with_capacity(segments.len());
    for segment in &segments {
        texts.push(segment.req("text")?.str()?);
    }
    let prefixes = PrefixLabels::count(texts.iter().copied());
    let mut speakers = ctx.speakers(&[]);
    let mut pieces = Pieces::default();
    for (index, (segment, text)) in segments.iter().zip(&texts).enumerate() {
        let first = pieces.is_empty();
        let (label, text, label_path) = match segment.opt_str("speaker")? {
            Some(label) => (Some(label), *text, format!("{}.speaker", segment.path)),
            None => match split_label(text) {
                Some((label, rest)) if prefixes.is_label(label, &speakers, first) => {
                    (Some(label), rest, format!("{}.text", segment.path))
                }
                _ => (None, *text, String::new()),
            },
        };
        let speaker = match label {
            None => None,
            Some(label) => Some(speakers.resolve(label).ok_or_else(|| {
                ctx.unknown_speaker(Location::file(ctx.path()), &label_path, label)
            })?),
        };
        let offset = segment
            .get("start")?
            .map(|s| s.non_negative())
            .transpose()?
            .and_then(seconds_to_ms);
        if !pieces.push(speaker, text, offset, index as u64 + 1) {
            return Err(segment.error(
                "the first segment has no speaker: Whisper output needs a diarisation step (WhisperX adds \"speaker\") or texts that start with a label such as `Agent:`; name the agent's label with --speakers agent=LABEL",
            ));
        }
    }
    pieces.into_builder(&mut builder);
    Ok(vec![ctx.finish(builder)])
}
