//! Scanning a normalised conversation: raw hits of every phrase list.
//!
//! One pass of the language's automaton over the whole conversation finds
//! every phrase of every rule and set, and every literal of every prefiltered
//! regex. Phrase matches are checked for word boundaries; regex literals mark
//! (regex, turn) pairs, and only those regexes run, only on those turns.
//! The result is a sorted list of [`Hit`]s, which matchers then filter
//! (negation, exceptions, ...).

use crate::lexicon::scanner::{PatternUse, Scanner};
use crate::text::scan::{ends_at_boundary, is_word_char, starts_at_boundary};

/// A raw match of phrase list `list` in turn `turn`; `start..end` is a byte
/// range in the normalised conversation text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hit {
    pub list: u32,
    pub turn: u32,
    pub start: u32,
    pub end: u32,
}

/// The normalised conversation: text with turns separated by `\n`, and each
/// turn's byte range in it.
pub struct Normalized<'a> {
    pub text: &'a str,
    pub turns: &'a [(u32, u32)],
}

/// The scanner term behind a hit: an automaton pattern (a phrase) or a
/// regex. Only `lexicon try` asks; the engine does not keep it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Term {
    /// Index into [`Scanner::texts`].
    Phrase(u32),
    /// Index into [`Scanner::regexes`].
    Regex(u32),
}

/// Fills `hits` (sorted, deduplicated) with every raw hit of every list.
/// `marks` is scratch space for (regex, turn) pairs.
pub fn collect(
    scanner: &Scanner,
    norm: &Normalized<'_>,
    hits: &mut Vec<Hit>,
    marks: &mut Vec<(u32, u32)>,
) {
    hits.clear();
    scan(scanner, norm, marks, |hit, _| hits.push(hit));
    hits.sort_unstable();
    hits.dedup();
}

/// Every raw hit with the term that produced it, sorted; a hit found by
/// two terms of its list appears twice. For explanations, not the hot path.
pub fn collect_traced(scanner: &Scanner, norm: &Normalized<'_>) -> Vec<(Hit, Term)> {
    let mut traced = Vec::new();
    scan(scanner, norm, &mut Vec::new(), |hit, term| {
        traced.push((hit, term))
    });
    traced.sort_unstable();
    traced.dedup();
    traced
}

/// One pass of the automaton, then the marked regexes; every hit goes to
/// `sink`. Generic, so the engine's sink (a plain push) costs nothing extra.
fn scan(
    scanner: &Scanner,
    norm: &Normalized<'_>,
    marks: &mut Vec<(u32, u32)>,
    mut sink: impl FnMut(Hit, Term),
) {
    marks.clear();
    if norm.turns.is_empty() {
        return;
    }
    if let Some(automaton) = &scanner.automaton {
        let mut turn = 0usize;
        for m in automaton.find_overlapping_iter(norm.text) {
            let (start, end) = (m.start() as u32, m.end() as u32);
            while turn + 1 < norm.turns.len() && norm.turns[turn].1 < end {
                turn += 1;
            }
            // Matches are reported in order of their end; one that starts
            // before its turn would span a separator.
            let (turn_start, turn_end) = norm.turns[turn];
            if start < turn_start || end > turn_end {
                continue;
            }
            let pattern = m.pattern().as_usize();
            for use_ in &scanner.uses[pattern] {
                match *use_ {
                    PatternUse::Phrase { list, left, right } => {
                        if (!left || starts_at_boundary(norm.text, start as usize))
                            && (!right || ends_at_boundary(norm.text, end as usize))
                        {
                            // A wildcard side covers the rest of its word.
                            let start = if left {
                                start
                            } else {
                                word_start(norm.text, start)
                            };
                            let end = if right { end } else { word_end(norm.text, end) };
                            let hit = Hit {
                                list,
                                turn: turn as u32,
                                start,
                                end,
                            };
                            sink(hit, Term::Phrase(pattern as u32));
                        }
                    }
                    PatternUse::Prefilter { regex } => marks.push((regex, turn as u32)),
                }
            }
        }
    }
    marks.sort_unstable();
    marks.dedup();
    for &(regex, turn) in marks.iter() {
        run_regex(scanner, regex, turn, norm, &mut sink);
    }
    for &regex in &scanner.unfiltered {
        for turn in 0..norm.turns.len() as u32 {
            run_regex(scanner, regex, turn, norm, &mut sink);
        }
    }
}

fn word_start(text: &str, at: u32) -> u32 {
    let before = &text[..at as usize];
    let kept = before.trim_end_matches(is_word_char).len();
    kept as u32
}

fn word_end(text: &str, at: u32) -> u32 {
    let after = &text[at as usize..];
    at + (after.len() - after.trim_start_matches(is_word_char).len()) as u32
}

fn run_regex(
    scanner: &Scanner,
    regex: u32,
    turn: u32,
    norm: &Normalized<'_>,
    sink: &mut impl FnMut(Hit, Term),
) {
    let entry = &scanner.regexes[regex as usize];
    // Lexicons are checked before a run (`lexicon::load` compiles user
    // patterns eagerly; the built-in ones are compiled by the test suite),
    // so a pattern that fails to compile here cannot occur.
    let Ok(compiled) = entry.regex() else {
        return;
    };
    let (turn_start, turn_end) = norm.turns[turn as usize];
    let Some(text) = norm.text.get(turn_start as usize..turn_end as usize) else {
        return;
    };
    for m in compiled.find_iter(text.as_bytes()) {
        // Byte-level classes can start or end a match inside a character;
        // keep only whole characters.
        let start = ceil_char_boundary(text, m.start());
        let end = floor_char_boundary(text, m.end());
        if start >= end {
            continue;
        }
        for &list in &entry.lists {
            let hit = Hit {
                list,
                turn,
                start: turn_start + start as u32,
                end: turn_start + end as u32,
            };
            sink(hit, Term::Regex(regex));
        }
    }
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The hits of `list`, as a sorted slice.
pub fn of_list(hits: &[Hit], list: u32) -> &[Hit] {
    let from = hits.partition_point(|h| h.list < list);
    let to = hits.partition_point(|h| h.list <= list);
    &hits[from..to]
}

/// The hits of `list` in `turn`.
pub fn of_list_in_turn(hits: &[Hit], list: u32, turn: u32) -> &[Hit] {
    let from = hits.partition_point(|h| (h.list, h.turn) < (list, turn));
    let to = hits.partition_point(|h| (h.list, h.turn) <= (list, turn));
    &hits[from..to]
}
