//! Plain-text transcripts: one conversation per file, one turn per
//! labelled line.
//!
//! ```text
//! [00:00] Klant: Goedemiddag, mijn kookplaat is weer kapot.
//! [00:06] Agent: Dat is vervelend. Wat is het ordernummer?
//! het staat op de factuur.
//! ```
//!
//! * Speaker: the `Label:` prefix (also `[Label]:`), resolved through
//!   `--speakers`, `--speaker-map`, the built-in labels and the transcript
//!   shorthands `A:`/`M:` (agent) and `K:`/`C:` (customer). Which prefixes
//!   are labels is decided as in [`super::labels`]; a line without one
//!   continues the previous turn. Unlike subtitles, every labelled line is
//!   its own turn, as the transcript wrote it.
//! * Time: an optional `[mm:ss]`, `[hh:mm:ss]` or `[ss.s]` before the
//!   label.
//! * Id: the file's default id; agent, channel, topic, language: from
//!   metadata.
//!
//! Errors name the line: text before the first label, or a label that does
//! not resolve.

use super::document::Context;
use super::labels::{PrefixLabels, leading_time, split_label};
use crate::error::{Error, Location, Result};
use crate::model::{ReadItem, Speaker};

/// Shorthands used in hand-written transcripts.
const SHORTHANDS: &[(&str, Speaker)] = &[
    ("a", Speaker::Agent),
    ("m", Speaker::Agent),
    ("k", Speaker::Customer),
    ("c", Speaker::Customer),
];

pub fn read(ctx: &mut Context<'_>, text: &str) -> Result<Vec<ReadItem>> {
    let id = ctx.default_id.clone();
    let mut builder = ctx.builder(&id, 1);
    let prefixes = PrefixLabels::count(text.lines());
    let mut speakers = ctx.speakers(SHORTHANDS);
    let mut turns: Vec<(Speaker, String, Option<u64>, u64)> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index as u64 + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (time, rest) = leading_time(line);
        let labelled = split_label(rest)
            .filter(|(label, _)| prefixes.is_label(label, &speakers, turns.is_empty()));
        match (labelled, turns.last_mut()) {
            (Some((label, body)), _) => {
                let speaker = speakers.resolve(label).ok_or_else(|| {
                    ctx.unknown_speaker(Location::line(ctx.path(), number), "", label)
                })?;
                turns.push((speaker, body.to_string(), time, number));
            }
            (None, Some(last)) => {
                if !last.1.is_empty() {
                    last.1.push(' ');
                }
                last.1.push_str(rest);
            }
            (None, None) => {
                return Err(Error::input(
                    Location::line(ctx.path(), number),
                    "a transcript line must start with a speaker label such as `Agent:` or `Klant:` (optionally after a time such as [00:12])",
                ));
            }
        }
    }
    for (speaker, body, time, number) in turns {
        builder.push_turn(speaker, &body, time, number);
    }
    Ok(vec![ctx.finish(builder)])
}
