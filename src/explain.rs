//! `explain`: one conversation's transcript with every finding at its turn,
//! so an analyst can check a finding against what was actually said.
//!
//! [`find`] streams the inputs for one conversation id (a conversation
//! reassembled from scattered rows replaces its partial first read; the
//! same id in a later file is reported as a duplicate, as in a report).
//! [`render`] prints every turn (index, time, speaker, text) with the
//! findings under their turn: rule, category, severity and message, and the
//! matched words highlighted with ANSI colours when asked to (the command
//! line asks only when standard output is a terminal). Transcript text is
//! redacted like every quote unless redaction is off.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::error::Result;
use crate::input::{self, InputConfig, InputFile};
use crate::model::{Conversation, ReadItem, Speaker};
use crate::pipeline::Progress;
use crate::record::Analysis;
use crate::redact::redact;
use crate::report::card::edit_distance;
use crate::report::stats::{clock, utc_timestamp};

/// What [`find`] found.
#[derive(Debug)]
pub enum Lookup {
    Found {
        conversation: Box<Conversation>,
        path: PathBuf,
        /// The same id in later files (ignored, as a report would).
        duplicates: usize,
    },
    /// The conversation was read but could not be analysed.
    Skipped { reason: String, detail: String },
    /// No conversation with that id; the closest ids read.
    Missing { similar: Vec<String>, read: u64 },
}

/// Reads `files` looking for conversation `id`, counting what was read in
/// `progress`.
pub fn find(
    files: &[InputFile],
    id: &str,
    config: &InputConfig,
    progress: &Progress,
) -> Result<Lookup> {
    let mut found: Option<(Conversation, PathBuf)> = None;
    let mut duplicates = 0usize;
    let mut skipped: Option<(String, String)> = None;
    let mut nearest: Vec<(usize, String)> = Vec::new();
    let mut read = 0u64;
    let wanted = id.to_lowercase();
    let mut bytes_before = 0u64;
    for file in files {
        let mut reader = input::open(file, config)?;
        let counter = reader.byte_counter();
        while let Some(item) = reader.next_item()? {
            read += 1;
            progress.conversations.add(1);
            if read.is_multiple_of(64) {
                progress.bytes.set(bytes_before + counter.get());
            }
            let item_id = match &item {
                ReadItem::Conversation(c) => Some(c.id.as_str()),
                ReadItem::Skipped(s) => s.id.as_deref(),
            };
            let Some(item_id) = item_id else { continue };
            if item_id != id {
                let related = !crate::report::card::similar_ids([item_id], &wanted).is_empty();
                if related && !nearest.iter().any(|(_, n)| n == item_id) {
                    let distance = edit_distance(&item_id.to_lowercase(), &wanted);
                    nearest.push((distance, item_id.to_string()));
                    nearest.sort();
                    nearest.truncate(5);
                }
                continue;
            }
            match item {
                ReadItem::Conversation(c) => match &found {
                    Some((kept, _)) if kept.origin.file == c.origin.file => {
                        if c.origin.pass > kept.origin.pass {
                            found = Some((c, file.path.clone()));
                        }
                    }
                    Some(_) => duplicates += 1,
                    None => found = Some((c, file.path.clone())),
                },
                ReadItem::Skipped(s) => {
                    skipped.get_or_insert((s.reason.to_string(), s.detail));
                }
            }
        }
        bytes_before += reader.stats().bytes;
        progress.bytes.set(bytes_before);
    }
    Ok(match (found, skipped) {
        (Some((conversation, path)), _) => Lookup::Found {
            conversation: Box::new(conversation),
            path,
            duplicates,
        },
        (None, Some((reason, detail))) => Lookup::Skipped { reason, detail },
        (None, None) => Lookup::Missing {
            similar: nearest.into_iter().map(|(_, id)| id).collect(),
            read,
        },
    })
}

/// How to print.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExplainOptions {
    /// ANSI colours: matched words bold red, findings yellow.
    pub color: bool,
    pub redact: bool,
}

const MATCH_ON: &str = "\x1b[1;31m";
const FINDING_ON: &str = "\x1b[33m";
const DIM_ON: &str = "\x1b[2m";
const OFF: &str = "\x1b[0m";

/// Where, in the shown turn text, the words of a finding's quote are.
fn locate(shown: &str, quote: &str, highlight: Option<(u32, u32)>) -> Option<(usize, usize)> {
    let (from, to) = highlight?;
    let lead = if quote.starts_with('…') {
        '…'.len_utf8()
    } else {
        0
    };
    let core = quote[lead..].trim_end_matches('…');
    let base = shown.find(core)?;
    let start = base + (from as usize).checked_sub(lead)?;
    let end = base + (to as usize).checked_sub(lead)?;
    (start < end
        && end <= shown.len()
        && shown.is_char_boundary(start)
        && shown.is_char_boundary(end))
    .then_some((start, end))
}

/// Removes terminal control characters a transcript might carry, so it
/// cannot move the cursor or change colours.
fn printable(text: &str) -> String {
    crate::text::terminal::printable(text).into_owned()
}

fn highlighted(text: &str, ranges: &mut [(usize, usize)], color: bool) -> String {
    if !color || ranges.is_empty() {
        return printable(text);
    }
    ranges.sort_unstable();
    let mut out = String::new();
    let mut at = 0usize;
    for &(start, end) in ranges.iter() {
        if start < at {
            continue;
        }
        out.push_str(&printable(&text[at..start]));
        out.push_str(MATCH_ON);
        out.push_str(&printable(&text[start..end]));
        out.push_str(OFF);
        at = end;
    }
    out.push_str(&printable(&text[at..]));
    out
}

/// The transcript with findings under their turns.
pub fn render(conversation: &Conversation, analysis: &Analysis, options: ExplainOptions) -> String {
    let mut out = String::new();
    let mut head = vec![format!("Conversation {}", printable(&conversation.id))];
    if !analysis.agents.is_empty() {
        head.push(format!("agent {}", printable(&analysis.agents.join(", "))));
    }
    if let Some(c) = &analysis.customer_id {
        head.push(format!("customer {}", printable(c)));
    }
    match (&analysis.topic, analysis.topic_source) {
        (Some(t), Some(source)) => {
            head.push(format!("topic {} ({})", printable(t), source.as_str()))
        }
        _ => head.push("topic unknown".to_string()),
    }
    if let Some(c) = &analysis.channel {
        head.push(format!("channel {}", printable(c)));
    }
    head.push(format!(
        "language {}",
        analysis.language.as_deref().unwrap_or("und")
    ));
    if let Some(start) = analysis.started_at_ms.and_then(utc_timestamp) {
        head.push(format!("started {start}"));
    }
    head.push(match analysis.turns {
        1 => "1 turn".to_string(),
        n => format!("{n} turns"),
    });
    if let Some(d) = analysis.duration_ms {
        head.push(clock(d));
    }
    let _ = writeln!(out, "{}", head.join(" · "));
    let mut per_category: Vec<(&str, usize)> = Vec::new();
    for f in &analysis.findings {
        match per_category.iter_mut().find(|(c, _)| *c == &*f.category) {
            Some((_, n)) => *n += 1,
            None => per_category.push((&f.category, 1)),
        }
    }
    let summary: Vec<String> = per_category
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    let _ = writeln!(
        out,
        "{} {}{}",
        analysis.findings.len(),
        if analysis.findings.len() == 1 {
            "finding"
        } else {
            "findings"
        },
        if summary.is_empty() {
            String::new()
        } else {
            format!(": {}", summary.join(", "))
        }
    );
    let timed = conversation.turns.iter().any(|t| t.offset_ms.is_some());
    let several_agents = conversation.agents.len() > 1;
    for (index, turn) in conversation.turns.iter().enumerate() {
        let raw = conversation.turn_text(index);
        let shown = if options.redact {
            redact(raw)
        } else {
            raw.to_string()
        };
        let findings: Vec<_> = analysis
            .findings
            .iter()
            .filter(|f| f.turn as usize == index)
            .collect();
        let mut ranges: Vec<(usize, usize)> = findings
            .iter()
            .filter_map(|f| locate(&shown, &f.quote, f.highlight))
            .collect();
        let mut speaker = turn.speaker.to_string();
        if several_agents
            && turn.speaker == Speaker::Agent
            && let Some(agent) = conversation.agent_of_turn(index)
        {
            speaker = format!("agent {}", printable(agent));
        }
        let time = match (timed, turn.offset_ms) {
            (false, _) => String::new(),
            (true, Some(ms)) => format!(" {}", clock(ms)),
            (true, None) => " --:--".to_string(),
        };
        let text = highlighted(&shown, &mut ranges, options.color).replace('\n', "\n      ");
        let _ = writeln!(out, "[{index}]{time} {speaker}: {text}");
        for f in findings {
            let line = format!(
                "      ^ {} · {} · {} — {}",
                f.rule,
                f.category,
                f.severity,
                printable(&f.message)
            );
            if options.color {
                let _ = writeln!(out, "{FINDING_ON}{line}{OFF}");
            } else {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    if options.color && analysis.findings.is_empty() {
        let _ = writeln!(out, "{DIM_ON}(no findings){OFF}");
    } else if analysis.findings.is_empty() {
        let _ = writeln!(out, "(no findings)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_ranges_survive_ellipses() {
        let shown = "bla bla dan gaan we naar de rechter en verder";
        let quote = "…dan gaan we naar de rechter…";
        let lead = '…'.len_utf8() as u32;
        let from = lead + 12;
        let range = locate(shown, quote, Some((from, from + 15))).unwrap();
        assert_eq!(&shown[range.0..range.1], "naar de rechter");
    }

    #[test]
    fn control_characters_are_neutralised() {
        assert_eq!(printable("a\x1b[31mb"), "a [31mb");
    }
}
