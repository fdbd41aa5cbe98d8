//! Short plain-text transcripts: `Agent: ...` / `Klant: ...` lines.
//!
//! Rule examples in lexicon files and hand-written tests describe a
//! conversation this way. A line may start with a time, `[00:12]` or
//! `[1:02:03]`; a line without a speaker label continues the previous turn.

use crate::model::{Conversation, ConversationBuilder, Limits, Origin, Speaker};

/// Speaker labels understood in transcripts (case-insensitive).
pub fn label_speaker(label: &str) -> Option<Speaker> {
    let label = label.trim().to_lowercase();
    let label = label.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '_');
    Some(match label {
        "agent" | "a" | "medewerker" | "m" | "rep" | "employee" | "advisor" | "adviseur" => {
            Speaker::Agent
        }
        "customer" | "c" | "klant" | "k" | "caller" | "beller" | "client" | "user" | "visitor" => {
            Speaker::Customer
        }
        "system" | "systeem" | "ivr" => Speaker::System,
        "bot" | "chatbot" => Speaker::Bot,
        _ => return None,
    })
}

/// Parses `[mm:ss]`, `[hh:mm:ss]` or `[ss]` at the start of a line.
fn leading_time(line: &str) -> (Option<u64>, &str) {
    let Some(rest) = line.strip_prefix('[') else {
        return (None, line);
    };
    let Some(close) = rest.find(']') else {
        return (None, line);
    };
    let mut seconds = 0u64;
    for part in rest[..close].split(':') {
        match part.trim().parse::<u64>() {
            Ok(v) => seconds = seconds * 60 + v,
            Err(_) => return (None, line),
        }
    }
    (Some(seconds * 1000), rest[close + 1..].trim_start())
}

/// Parses a transcript into a conversation with id `id`. Errors name the
/// 1-based line of the transcript that has no speaker label.
pub fn parse(id: &str, text: &str) -> Result<Conversation, String> {
    let mut builder = ConversationBuilder::new(id, Origin::default(), Limits::default());
    let mut turns: Vec<(Speaker, String, Option<u64>)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (time, rest) = leading_time(line);
        let labelled = rest
            .split_once(':')
            .and_then(|(label, body)| label_speaker(label).map(|s| (s, body.trim())));
        match (labelled, turns.last_mut()) {
            (Some((speaker, body)), _) => turns.push((speaker, body.to_string(), time)),
            (None, Some(last)) => {
                last.1.push(' ');
                last.1.push_str(rest);
            }
            (None, None) => {
                return Err(format!(
                    "line {}: expected `agent: ...` or `klant: ...` (or customer:)",
                    number + 1
                ));
            }
        }
    }
    for (index, (speaker, body, time)) in turns.iter().enumerate() {
        builder.push_turn(*speaker, body, *time, index as u64 + 1);
    }
    builder.finish().map_err(|skip| skip.detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_labels_times_and_continuations() {
        let c = parse(
            "x",
            "[00:05] Klant: Mijn tv\nis kapot.\nAgent 1: Wat is er gebeurd?",
        )
        .unwrap();
        assert_eq!(c.turns.len(), 2);
        assert_eq!(c.turn_text(0), "Mijn tv is kapot.");
        assert_eq!(c.turns[0].offset_ms, Some(5000));
        assert_eq!(c.turns[1].speaker, Speaker::Agent);
    }

    #[test]
    fn unlabelled_first_line_is_an_error() {
        assert!(parse("x", "hallo daar").unwrap_err().contains("line 1"));
    }
}
