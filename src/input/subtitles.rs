//! WebVTT and SRT subtitles, as speech-to-text services and meeting tools
//! write them: one recording per file.
//!
//! ```text
//! WEBVTT
//!
//! 00:00:00.000 --> 00:00:04.200
//! <v Agent>Goedemorgen, u spreekt met Jan.</v>
//! ```
//!
//! ```text
//! 1
//! 00:00:00,000 --> 00:00:04,200
//! Agent: Goedemorgen, u spreekt met Jan.
//! ```
//!
//! * Speaker: a WebVTT voice tag (`<v Agent>`, `<v.loud Klant>`), else a
//!   label prefix (`Agent:`, `[SPEAKER_00]:`; see [`super::labels`]),
//!   resolved through `--speakers`, `--speaker-map` and the built-in labels.
//!   A cue without either continues the previous speaker's turn;
//!   consecutive cues of one speaker form one turn. A first cue without a
//!   speaker is an error.
//! * Text: the cue payload, lines joined, other tags (`<b>`, `<i>`, `<c>`,
//!   `<00:00:01.000>`, `<font>`) removed and character references decoded.
//! * Time: the cue's start: `hh:mm:ss.ttt` or `mm:ss.ttt` (WebVTT),
//!   `hh:mm:ss,ttt` (SRT); either separator is accepted in both.
//! * Id: the file's default id. Channel: call. Agent, topic and language:
//!   from metadata.
//!
//! WebVTT `NOTE`, `STYLE` and `REGION` blocks are skipped. Errors name the
//! line: a missing `WEBVTT` header, a cue without a timing line, a time
//! that cannot be read, an end before the start.

use super::document::Context;
use super::html::decode_entities;
use super::labels::{Pieces, PrefixLabels, split_label};
use crate::error::{Error, Location, Result};
use crate::model::ReadItem;

/// A cue: its first line number, start in ms, voice, and payload.
struct Cue {
    line: u64,
    start: u64,
    voice: Option<String>,
    text: String,
}

pub fn read_vtt(ctx: &mut Context<'_>, text: &str) -> Result<Vec<ReadItem>> {
    let first = text.lines().next().unwrap_or("");
    if !first.trim_start_matches('\u{feff}').starts_with("WEBVTT") {
        return Err(Error::input(
            Location::line(ctx.path(), 1),
            "a WebVTT file must start with `WEBVTT`",
        ));
    }
    let cues = parse_cues(ctx, text, true)?;
    build(ctx, cues)
}

pub fn read_srt(ctx: &mut Context<'_>, text: &str) -> Result<Vec<ReadItem>> {
    let cues = parse_cues(ctx, text, false)?;
    build(ctx, cues)
}

/// Blocks separated by blank lines, each with the line number of its first
/// line.
fn blocks(text: &str) -> Vec<(u64, Vec<&str>)> {
    let mut blocks = Vec::new();
    let mut current: Option<(u64, Vec<&str>)> = None;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if let Some(block) = current.take() {
                blocks.push(block);
            }
        } else {
            current
                .get_or_insert_with(|| (index as u64 + 1, Vec::new()))
                .1
                .push(line);
        }
    }
    blocks.extend(current);
    blocks
}

fn parse_cues(ctx: &Context<'_>, text: &str, vtt: bool) -> Result<Vec<Cue>> {
    let mut cues = Vec::new();
    for (n, (line, lines)) in blocks(text).into_iter().enumerate() {
        if vtt
            && (n == 0
                || ["NOTE", "STYLE", "REGION"]
                    .iter()
                    .any(|k| lines[0] == *k || lines[0].starts_with(&format!("{k} "))))
        {
            // The header block (`WEBVTT` and its metadata) and comments.
            if n == 0 && lines.iter().skip(1).any(|l| l.contains("-->")) {
                return Err(Error::input(
                    Location::line(ctx.path(), line + 1),
                    "a blank line must separate the `WEBVTT` header from the first cue",
                ));
            }
            continue;
        }
        let timing_at = match lines.iter().position(|l| l.contains("-->")) {
            Some(i) if i <= 1 => i,
            _ => {
                return Err(Error::input(
                    Location::line(ctx.path(), line),
                    format!(
                        "expected a cue timing line such as `{}` (a cue is an optional number or name, a timing line, then the text)",
                        if vtt {
                            "00:00:01.000 --> 00:00:04.000"
                        } else {
                            "00:00:01,000 --> 00:00:04,000"
                        }
                    ),
                ));
            }
        };
        let timing_line = line + timing_at as u64;
        let timing = lines[timing_at];
        let (start, rest) = timing.split_once("-->").unwrap_or((timing, ""));
        let end = rest.split_whitespace().next().unwrap_or("");
        let bad_time = |value: &str| {
            Error::input(
                Location::line(ctx.path(), timing_line),
                format!(
                    "cannot read the cue time \"{}\" (expected hh:mm:ss.ttt or mm:ss.ttt)",
                    value.trim()
                ),
            )
        };
        let start_ms = cue_time(start).ok_or_else(|| bad_time(start))?;
        let end_ms = cue_time(end).ok_or_else(|| bad_time(end))?;
        if end_ms < start_ms {
            return Err(Error::input(
                Location::line(ctx.path(), timing_line),
                "the cue ends before it starts",
            ));
        }
        let payload = lines[timing_at + 1..].join("\n");
        let (voice, text) = strip_tags(&payload);
        cues.push(Cue {
            line: timing_line + 1,
            start: start_ms,
            voice,
            text: decode_entities(&text).into_owned(),
        });
    }
    Ok(cues)
}

fn build(ctx: &mut Context<'_>, cues: Vec<Cue>) -> Result<Vec<ReadItem>> {
    let id = ctx.default_id.clone();
    let mut builder = ctx.builder(&id, 1);
    builder.channel("call");
    let prefixes = PrefixLabels::count(
        cues.iter()
            .filter(|c| c.voice.is_none())
            .map(|c| c.text.as_str()),
    );
    let mut speakers = ctx.speakers(&[]);
    let mut pieces = Pieces::default();
    for cue in &cues {
        let first = pieces.is_empty();
        let (label, text) = match &cue.voice {
            Some(voice) => (Some(voice.as_str()), cue.text.as_str()),
            None => match split_label(&cue.text) {
                Some((label, rest)) if prefixes.is_label(label, &speakers, first) => {
                    (Some(label), rest)
                }
                _ => (None, cue.text.as_str()),
            },
        };
        let speaker = match label {
            None => None,
            Some(label) => Some(speakers.resolve(label).ok_or_else(|| {
                ctx.unknown_speaker(Location::line(ctx.path(), cue.line), "", label)
            })?),
        };
        let text = text.replace('\n', " ");
        if !pieces.push(speaker, &text, Some(cue.start), cue.line) {
            return Err(Error::input(
                Location::line(ctx.path(), cue.line),
                "the first cue has no speaker: use voice tags (<v Agent>) or start the text with a label such as `Agent:`; name the agent's label with --speakers agent=LABEL",
            ));
        }
    }
    pieces.into_builder(&mut builder);
    Ok(vec![ctx.finish(builder)])
}

/// `hh:mm:ss.ttt`, `mm:ss.ttt`, with `.` or `,` before the milliseconds,
/// in milliseconds.
pub fn cue_time(value: &str) -> Option<u64> {
    let value = value.trim();
    let (clock, fraction) = match value.rsplit_once(['.', ',']) {
        Some((clock, fraction)) => (clock, fraction),
        None => (value, "0"),
    };
    if fraction.is_empty() || fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let millis: u64 = format!("{fraction:0<3}").parse().ok()?;
    let parts: Vec<&str> = clock.split(':').collect();
    let number = |s: &str, max_len: usize| -> Option<u64> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (hours, minutes, seconds) = match parts.as_slice() {
        [m, s] => (0, number(m, 4)?, number(s, 2)?),
        [h, m, s] => (number(h, 4)?, number(m, 2)?, number(s, 2)?),
        _ => return None,
    };
    if seconds >= 60 || (parts.len() == 3 && minutes >= 60) {
        return None;
    }
    Some(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
}

/// Removes tags from a cue payload; returns the first voice (`<v Name>`,
/// `<v.class Name>`) and the text.
fn strip_tags(payload: &str) -> (Option<String>, String) {
    let mut voice = None;
    let mut text = String::with_capacity(payload.len());
    let mut rest = payload;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            text.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &after[..close];
        if voice.is_none()
            && let Some(annotation) = tag
                .strip_prefix('v')
                .filter(|t| t.starts_with([' ', '.', '\t']))
        {
            let name = match annotation.strip_prefix('.') {
                Some(classes) => classes.split_once([' ', '\t']).map_or("", |(_, n)| n),
                None => annotation,
            };
            let name = name.trim();
            if !name.is_empty() {
                voice = Some(name.to_string());
            }
        }
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    (voice, text.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_times() {
        assert_eq!(cue_time("00:00:04.200"), Some(4200));
        assert_eq!(cue_time("01:02:03,5"), Some(3_723_500));
        assert_eq!(cue_time("02:03.040"), Some(123_040));
        assert_eq!(cue_time(" 00:00:01,000 "), Some(1000));
        assert_eq!(cue_time("00:00:01"), Some(1000));
        for bad in [
            "",
            "1.5",
            "00:60.000",
            "00:61:00.000",
            "aa:bb.ccc",
            "00:00:01.1234",
            "00:00:01.",
            "-00:01.000",
        ] {
            assert_eq!(cue_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn voices_and_tags() {
        assert_eq!(
            strip_tags("<v Agent>Goedemorgen <b>meneer</b></v>"),
            (Some("Agent".to_string()), "Goedemorgen meneer".to_string())
        );
        assert_eq!(
            strip_tags("<v.loud.first Klant Jansen>Hallo<00:00:01.000> daar"),
            (Some("Klant Jansen".to_string()), "Hallo daar".to_string())
        );
        assert_eq!(
            strip_tags("<i>Agent:</i> ja"),
            (None, "Agent: ja".to_string())
        );
        assert_eq!(strip_tags("3 < 4"), (None, "3 < 4".to_string()));
    }

    #[test]
    fn blocks_keep_their_line_numbers() {
        let b = blocks("WEBVTT\n\n\n1\n00:00.000 --> 00:01.000\nhi\n\nNOTE x\n");
        assert_eq!(b.len(), 3);
        assert_eq!(b[1].0, 4);
        assert_eq!(b[2], (8, vec!["NOTE x"]));
    }
}
