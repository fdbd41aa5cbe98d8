//! Speaker labels written into the text: `Agent: ...`, `Klant: ...`,
//! `[SPEAKER_00]: ...`, and times like `[00:12]` before them.
//!
//! Plain-text transcripts, SRT and WebVTT cues without voice tags, and
//! Whisper segments carry the speaker only as a prefix of the text. A colon
//! is also ordinary punctuation ("Let op: de monteur komt morgen"), so a
//! prefix counts as a speaker label when it resolves (through `--speakers`,
//! `--speaker-map`, the format's labels or the built-in ones), when it
//! starts the very first turn, or when the same prefix starts at least two
//! lines of the file; labels are repeated, the first words of a sentence
//! with a colon rarely are. A label that counts but does not resolve is an
//! error that suggests `--speakers`. Anything else continues the previous
//! turn.

use std::collections::HashMap;

use super::speaker::SpeakerResolver;
use super::time::{parse_offset_seconds, seconds_to_ms};
use crate::model::{ConversationBuilder, Speaker};

/// The longest text taken for a label, in characters.
const MAX_LABEL_CHARS: usize = 40;

/// Splits `Label: text` (also `[Label]: text` and `[Label] text`) into the
/// label and the rest. `None` when the line does not start with something
/// shaped like a label (at most three words and 40 characters, no
/// punctuation of a sentence or a CSV header, not a time or a URL).
pub fn split_label(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    if let Some(inner) = line.strip_prefix('[') {
        let close = inner.find(']')?;
        let label = inner[..close].trim();
        let rest = inner[close + 1..].trim_start();
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        return plausible(label).then_some((label, rest.trim()));
    }
    let colon = line.find(':')?;
    let label = line[..colon].trim();
    let rest = &line[colon + 1..];
    if rest.starts_with("//") || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    plausible(label).then_some((label, rest.trim()))
}

fn plausible(label: &str) -> bool {
    let chars = label.chars().count();
    (1..=MAX_LABEL_CHARS).contains(&chars)
        && label.split_whitespace().count() <= 3
        && label.chars().next().is_some_and(char::is_alphanumeric)
        && !label.chars().all(|c| c.is_ascii_digit())
        && !label.contains([
            ',', ';', ':', '\t', '"', '<', '>', '{', '}', '=', '.', '?', '!', '|',
        ])
}

/// A time at the start of a line: `[00:12]`, `[1:02:03]`, `[12.5]`, in
/// milliseconds, and the rest of the line.
pub fn leading_time(line: &str) -> (Option<u64>, &str) {
    let trimmed = line.trim_start();
    if let Some(inner) = trimmed.strip_prefix('[')
        && let Some(close) = inner.find(']')
        && let Some(ms) = parse_offset_seconds(&inner[..close]).and_then(seconds_to_ms)
    {
        return (Some(ms), inner[close + 1..].trim_start());
    }
    (None, trimmed)
}

/// Which text prefixes are speaker labels in one file.
#[derive(Debug, Default)]
pub struct PrefixLabels {
    counts: HashMap<String, usize>,
}

impl PrefixLabels {
    /// Counts the label-shaped prefixes of `lines` (times removed).
    pub fn count<'a>(lines: impl IntoIterator<Item = &'a str>) -> PrefixLabels {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for line in lines {
            if let Some((label, _)) = split_label(leading_time(line).1) {
                *counts.entry(label.to_lowercase()).or_default() += 1;
            }
        }
        PrefixLabels { counts }
    }

    /// True when `label` is a speaker label rather than text: it resolves,
    /// it starts the first turn, or it starts two lines or more.
    pub fn is_label(&self, label: &str, resolver: &SpeakerResolver, first: bool) -> bool {
        first
            || resolver.resolve_known(label).is_some()
            || self
                .counts
                .get(&label.to_lowercase())
                .is_some_and(|&n| n >= 2)
    }
}

/// Turns collected from cues or segments, where consecutive pieces by the
/// same speaker form one turn (a subtitle cue or a Whisper segment is a
/// piece of a sentence, not a turn).
#[derive(Debug, Default)]
pub struct Pieces {
    turns: Vec<(Speaker, String, Option<u64>, u64)>,
}

impl Pieces {
    /// Adds a piece; `speaker` `None` continues the previous turn. Returns
    /// false when there is no previous turn to continue.
    pub fn push(
        &mut self,
        speaker: Option<Speaker>,
        text: &str,
        offset: Option<u64>,
        line: u64,
    ) -> bool {
        let text = text.trim();
        match (speaker, self.turns.last_mut()) {
            (Some(s), Some(last)) if last.0 == s => append(&mut last.1, text),
            (None, Some(last)) => append(&mut last.1, text),
            (Some(s), _) => self.turns.push((s, text.to_string(), offset, line)),
            (None, None) => return false,
        }
        true
    }

    pub fn is_empty(&self) -> bool {
        self.turns.is_empty()
    }

    /// Moves the turns into a builder.
    pub fn into_builder(self, builder: &mut ConversationBuilder) {
        for (speaker, text, offset, line) in self.turns {
            builder.push_turn(speaker, &text, offset, line);
        }
    }
}

fn append(turn: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !turn.is_empty() {
        turn.push(' ');
    }
    turn.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_what_is_not_one() {
        assert_eq!(
            split_label("Agent: Goedemorgen"),
            Some(("Agent", "Goedemorgen"))
        );
        assert_eq!(split_label("Klant 2 :  ja"), Some(("Klant 2", "ja")));
        assert_eq!(
            split_label("[SPEAKER_00]: hello"),
            Some(("SPEAKER_00", "hello"))
        );
        assert_eq!(split_label("[SPEAKER_01] hi"), Some(("SPEAKER_01", "hi")));
        assert_eq!(split_label("Agent:"), Some(("Agent", "")));
        assert_eq!(split_label("zie https://x.nl"), None);
        assert_eq!(split_label("https://x.nl"), None);
        assert_eq!(split_label("om 12:30 komt hij"), None);
        assert_eq!(split_label("12:30"), None);
        assert_eq!(split_label("id,speaker:text"), None);
        assert_eq!(split_label("Ik zei het u al eerder vandaag: nee"), None);
        assert_eq!(split_label("no colon"), None);
    }

    #[test]
    fn leading_times() {
        assert_eq!(leading_time("[00:12] Agent: x"), (Some(12_000), "Agent: x"));
        assert_eq!(
            leading_time("[1:02:03]Klant: y"),
            (Some(3_723_000), "Klant: y")
        );
        assert_eq!(leading_time("[SPEAKER_00]: z"), (None, "[SPEAKER_00]: z"));
    }

    #[test]
    fn repeated_or_known_prefixes_are_labels() {
        let lines = ["Jan: hallo", "Piet: ja", "Let op: morgen", "Piet: nee"];
        let labels = PrefixLabels::count(lines);
        let resolver = SpeakerResolver::with_names(&[], &[], &[]);
        assert!(labels.is_label("Jan", &resolver, true));
        assert!(labels.is_label("Piet", &resolver, false));
        assert!(!labels.is_label("Let op", &resolver, false));
        assert!(labels.is_label("Klant", &resolver, false));
        let named = [(Speaker::Agent, "Kees".to_string())];
        let resolver = SpeakerResolver::with_names(&[], &named, &[]);
        assert!(labels.is_label("kees", &resolver, false));
    }
}
