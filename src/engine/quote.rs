//! Quotes: the evidence behind a finding, in the customer's and agent's own
//! words.
//!
//! Matching happens on normalised text; quotes come from the original turn
//! text, located through the normalisation map. Long turns are cut to a
//! window around the match, at word boundaries, with ellipses.

use std::ops::Range;

use crate::model::Conversation;
use crate::text::normalize_mapped;

/// Longest turn quoted whole, in bytes.
const WHOLE_TURN: usize = 280;
/// Context kept on each side of the match in a long turn, in bytes.
const CONTEXT: usize = 110;

/// The byte range, relative to the start of turn `turn` in the original
/// text, of the characters that normalised bytes `normalized` (relative to
/// the turn's start in normalised text) came from.
///
/// The hot path normalises without recording where each byte came from; the
/// few turns that produce a finding are normalised again here, with the map.
pub fn original_range(
    conversation: &Conversation,
    turn: u32,
    normalized: Range<usize>,
) -> Range<usize> {
    let text = conversation.turn_text(turn as usize);
    let mut norm = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    normalize_mapped(text, 0, &mut norm, &mut map);
    let from = map.get(normalized.start).copied().unwrap_or(0) as usize;
    let to = if normalized.end > normalized.start {
        let last = map.get(normalized.end - 1).copied().unwrap_or(0) as usize;
        last + text
            .get(last..)
            .and_then(|t| t.chars().next())
            .map_or(0, char::len_utf8)
    } else {
        from
    };
    from..to.max(from)
}

/// A quote of `turn` around `matched`, and the match's range in the quote.
pub fn excerpt(turn: &str, matched: Range<usize>) -> (String, (u32, u32)) {
    let end = matched.end.min(turn.len());
    let matched = matched.start.min(end)..end;
    if turn.len() <= WHOLE_TURN {
        return (turn.to_string(), (matched.start as u32, matched.end as u32));
    }
    let mut from = floor_boundary(turn, matched.start.saturating_sub(CONTEXT));
    if from > 0
        && let Some(space) = turn[from..matched.start].find(' ')
    {
        from += space + 1;
    }
    let mut to = ceil_boundary(turn, (matched.end + CONTEXT).min(turn.len()));
    if to < turn.len()
        && let Some(space) = turn[matched.end..to].rfind(' ')
    {
        to = matched.end + space;
    }
    let mut quote = String::with_capacity(to - from + 8);
    if from > 0 {
        quote.push('…');
    }
    let offset = quote.len();
    quote.push_str(&turn[from..to]);
    if to < turn.len() {
        quote.push('…');
    }
    let highlight = (
        (offset + matched.start - from) as u32,
        (offset + matched.end.min(to) - from) as u32,
    );
    (quote, highlight)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_turns_are_quoted_whole() {
        let (q, h) = excerpt("Dan gaan we naar de rechter.", 12..27);
        assert_eq!(q, "Dan gaan we naar de rechter.");
        assert_eq!(&q[h.0 as usize..h.1 as usize], "naar de rechter");
    }

    #[test]
    fn long_turns_are_cut_at_words_around_the_match() {
        let turn = format!(
            "{} dan gaan we naar de rechter {}",
            "bla ".repeat(100),
            "na ".repeat(100)
        );
        let start = turn.find("naar").unwrap();
        let (q, h) = excerpt(&turn, start..start + 15);
        assert!(q.starts_with('…') && q.ends_with('…'), "{q}");
        assert!(q.len() < turn.len());
        assert_eq!(&q[h.0 as usize..h.1 as usize], "naar de rechter");
        assert!(!q.contains("…bl a") && q[3..].starts_with("bla"), "{q}");
    }
}
