//! Scanning a normalised conversation: raw hits of every phrase list.
//!
//! One pass of the language's automaton over the whole conversation finds
//! every phrase of every rule and set, and every literal of every prefiltered
//! regex. Phrase matches are checked for word boundaries; regex literals mark
//! (regex, turn) pairs, and only those regexes run, only on those turns.
//! The result is a sorted list of [`Hit`]s, which matchers then filter
//! (negation, exceptions, ...).
//!
//! Regexes cost far more per turn than the automaton, and most of them belong
//! to lists that a conversation never needs: the exceptions of a threat set
//! matter only where a threat phrase matched. So the engine runs a list's
//! regexes lazily ([`Hits`]): the first time a matcher asks for the list, its
//! regexes run on their marked turns, and the result is kept for the rest of
//! the conversation. `lexicon try` scans eagerly, to show every hit.

use std::cell::OnceCell;

use regex_automata::{Anchored, Input};

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
#[derive(Clone, Copy)]
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
pub fn collect(scanner: &Scanner, norm: &Normalized<'_>, hits: &mut Vec<Hit>, marks: &mut Marks) {
    hits.clear();
    scan(scanner, norm, marks, Regexes::Run, |hit, _| hits.push(hit));
    hits.sort_unstable();
    hits.dedup();
}

/// Fills `hits` with the phrase hits of every list, sorted and
/// deduplicated, and `marks` with the sorted (regex, turn) pairs whose
/// regexes [`Hits`] runs when their list is first asked for.
pub fn collect_phrases(
    scanner: &Scanner,
    norm: &Normalized<'_>,
    hits: &mut Vec<Hit>,
    marks: &mut Marks,
) {
    hits.clear();
    scan(scanner, norm, marks, Regexes::Mark, |hit, _| hits.push(hit));
    hits.sort_unstable();
    hits.dedup();
}

/// Whether [`scan`] runs the marked regexes or only marks them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Regexes {
    Run,
    Mark,
}

/// The hits of a conversation by list: every hit already known, or phrase
/// hits plus regexes run on demand.
#[derive(Clone, Copy)]
pub struct Hits<'a> {
    /// Sorted hits: every hit ([`Hits::complete`]) or the phrase hits.
    known: &'a [Hit],
    lazy: Option<LazyRegexes<'a>>,
}

#[derive(Clone, Copy)]
struct LazyRegexes<'a> {
    scanner: &'a Scanner,
    norm: Normalized<'a>,
    /// Where the automaton pass saw every regex's literals.
    marks: &'a Marks,
    /// Per list, its hits once asked for (only lists with regexes).
    lists: &'a [OnceCell<Vec<Hit>>],
}

impl<'a> Hits<'a> {
    /// Hits that are all known (from [`collect`]).
    pub fn complete(hits: &'a [Hit]) -> Hits<'a> {
        Hits {
            known: hits,
            lazy: None,
        }
    }

    /// Phrase hits and marks from [`collect_phrases`]; `lists` is one empty
    /// cell per list of the scanner (see [`reset_lists`]).
    pub fn lazy(
        scanner: &'a Scanner,
        norm: Normalized<'a>,
        phrase_hits: &'a [Hit],
        marks: &'a Marks,
        lists: &'a [OnceCell<Vec<Hit>>],
    ) -> Hits<'a> {
        Hits {
            known: phrase_hits,
            lazy: Some(LazyRegexes {
                scanner,
                norm,
                marks,
                lists,
            }),
        }
    }

    /// The hits of `list`, sorted by turn and position.
    pub fn of_list(&self, list: u32) -> &'a [Hit] {
        let Some(lazy) = self.lazy else {
            return of_list(self.known, list);
        };
        let regexes = lazy
            .scanner
            .list_regexes
            .get(list as usize)
            .map_or(&[][..], Vec::as_slice);
        match lazy.lists.get(list as usize) {
            Some(cell) if !regexes.is_empty() => {
                cell.get_or_init(|| lazy.run(list, regexes, of_list(self.known, list)))
            }
            _ => of_list(self.known, list),
        }
    }

    /// The hits of `list` in `turn`.
    pub fn of_list_in_turn(&self, list: u32, turn: u32) -> &'a [Hit] {
        let hits = self.of_list(list);
        let from = hits.partition_point(|h| h.turn < turn);
        let to = hits.partition_point(|h| h.turn <= turn);
        &hits[from..to]
    }
}

impl LazyRegexes<'_> {
    /// The phrase hits of `list` and the matches of its regexes.
    fn run(&self, list: u32, regexes: &[u32], phrase_hits: &[Hit]) -> Vec<Hit> {
        let mut hits = phrase_hits.to_vec();
        let mut sink = |hit: Hit, _| {
            if hit.list == list {
                hits.push(hit);
            }
        };
        let mut marks = self.marks.pairs();
        for &regex in regexes {
            let unfiltered = self
                .scanner
                .regexes
                .get(regex as usize)
                .is_none_or(|entry| entry.prefilter_sets == 0);
            if unfiltered {
                for turn in 0..self.norm.turns.len() as u32 {
                    run_regex(self.scanner, regex, turn, None, &self.norm, &mut sink);
                }
            } else {
                // Both are sorted by regex: the marks left of `regex` belong
                // to regexes of other lists.
                let skip = marks.partition_point(|&(r, _)| r < regex);
                marks = &marks[skip..];
                while let Some((&(r, turn), rest)) = marks.split_first() {
                    if r != regex {
                        break;
                    }
                    self.marks
                        .run(self.scanner, regex, turn, &self.norm, &mut sink);
                    marks = rest;
                }
            }
        }
        hits.sort_unstable();
        hits.dedup();
        hits
    }
}

/// Empties `lists` and sizes it to the scanner's lists, for a new
/// conversation's [`Hits::lazy`].
pub fn reset_lists(lists: &mut Vec<OnceCell<Vec<Hit>>>, scanner: &Scanner) {
    for cell in lists.iter_mut() {
        cell.take();
    }
    lists.resize_with(scanner.lists as usize, OnceCell::new);
}

/// Every raw hit with the term that produced it, sorted; a hit found by
/// two terms of its list appears twice. For explanations, not the hot path.
pub fn collect_traced(scanner: &Scanner, norm: &Normalized<'_>) -> Vec<(Hit, Term)> {
    let mut traced = Vec::new();
    scan(
        scanner,
        norm,
        &mut Marks::default(),
        Regexes::Run,
        |hit, term| traced.push((hit, term)),
    );
    traced.sort_unstable();
    traced.dedup();
    traced
}

/// One pass of the automaton, then the marked regexes; every hit goes to
/// `sink`. Generic, so the engine's sink (a plain push) costs nothing extra.
fn scan(
    scanner: &Scanner,
    norm: &Normalized<'_>,
    marks: &mut Marks,
    regexes: Regexes,
    mut sink: impl FnMut(Hit, Term),
) {
    marks.start(scanner);
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
                    PatternUse::Prefilter { regex, set } => {
                        marks.see(scanner, regex, set, turn as u32, start);
                    }
                }
            }
        }
    }
    marks.finish();
    if regexes == Regexes::Mark {
        return;
    }
    for &(regex, turn) in marks.pairs() {
        marks.run(scanner, regex, turn, norm, &mut sink);
    }
    for &regex in &scanner.unfiltered {
        for turn in 0..norm.turns.len() as u32 {
            run_regex(scanner, regex, turn, None, norm, &mut sink);
        }
    }
}

/// The (regex, turn) pairs where a literal of every prefilter set of the
/// regex was seen, collected as the automaton reports literals.
///
/// Each regex keeps the turn it was last seen in and which of its sets were
/// seen there; a pair is recorded once, when its last set comes in. The
/// automaton reports matches in text order, so a regex's turn only grows
/// within a conversation. Scratch space: reused across conversations.
#[derive(Debug, Default)]
pub struct Marks {
    /// Complete (regex, turn) pairs; sorted after [`Marks::finish`].
    pairs: Vec<(u32, u32)>,
    /// Per regex: `(turn + 1) << 2 | sets seen` (0: not seen yet).
    seen: Vec<u32>,
    /// Regexes with a non-zero `seen`, to clear for the next conversation.
    touched: Vec<u32>,
    /// (regex, turn, start) where a literal of the regex's anchor set
    /// starts; sorted after [`Marks::finish`].
    starts: Vec<(u32, u32, u32)>,
}

impl Marks {
    /// The sorted (regex, turn) pairs of the last scan.
    pub fn pairs(&self) -> &[(u32, u32)] {
        &self.pairs
    }

    fn start(&mut self, scanner: &Scanner) {
        for &regex in &self.touched {
            self.seen[regex as usize] = 0;
        }
        self.touched.clear();
        self.pairs.clear();
        self.starts.clear();
        self.seen.resize(scanner.regexes.len(), 0);
    }

    /// A literal of set `set` of `regex` was seen in `turn`, starting at
    /// byte `start` of the conversation text.
    fn see(&mut self, scanner: &Scanner, regex: u32, set: u8, turn: u32, start: u32) {
        let Some(seen) = self.seen.get_mut(regex as usize) else {
            return;
        };
        let entry = scanner.regexes.get(regex as usize);
        if entry.and_then(|entry| entry.anchor_set) == Some(set) {
            self.starts.push((regex, turn, start));
        }
        let here = (turn + 1) << 2;
        if *seen >> 2 != turn + 1 {
            if *seen == 0 {
                self.touched.push(regex);
            }
            *seen = here;
        }
        let bit = 1u32 << set.min(1);
        if *seen & bit != 0 {
            return;
        }
        *seen |= bit;
        let needed = entry.map_or(1, |entry| u32::from(entry.prefilter_sets));
        if (*seen & 0b11).count_ones() >= needed {
            self.pairs.push((regex, turn));
        }
    }

    fn finish(&mut self) {
        self.pairs.sort_unstable();
        self.starts.sort_unstable();
        self.starts.dedup();
    }

    /// Runs `regex` on marked `turn`: anchored at each start of a literal
    /// of its anchor set, or over the whole turn when it has none.
    ///
    /// Every match of an anchored regex starts with one of those literals,
    /// so trying the starts in order and resuming after each match finds
    /// the same leftmost-first, non-overlapping matches as a search of the
    /// whole turn, without scanning the text between them, and without the
    /// reverse pass that finds where an unanchored match starts.
    fn run(
        &self,
        scanner: &Scanner,
        regex: u32,
        turn: u32,
        norm: &Normalized<'_>,
        sink: &mut impl FnMut(Hit, Term),
    ) {
        let anchored = scanner
            .regexes
            .get(regex as usize)
            .is_some_and(|entry| entry.anchor_set.is_some());
        if !anchored {
            run_regex(scanner, regex, turn, None, norm, sink);
            return;
        }
        let from = self
            .starts
            .partition_point(|&(r, t, _)| (r, t) < (regex, turn));
        let mut starts = self.starts[from..]
            .iter()
            .take_while(|&&(r, t, _)| (r, t) == (regex, turn))
            .map(|&(_, _, start)| start);
        run_regex(scanner, regex, turn, Some(&mut starts), norm, sink);
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

/// Runs `regex` on `turn`: over the whole turn, or, given `starts` (byte
/// offsets in the conversation text, ascending), anchored at each of them,
/// skipping starts inside the previous match. Every match becomes a hit of
/// each list of the regex.
fn run_regex(
    scanner: &Scanner,
    regex: u32,
    turn: u32,
    starts: Option<&mut dyn Iterator<Item = u32>>,
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
    let mut emit = |start: usize, end: usize| {
        // Byte-level classes can start or end a match inside a character;
        // keep only whole characters.
        let start = ceil_char_boundary(text, start);
        let end = floor_char_boundary(text, end);
        if start >= end {
            return;
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
    };
    let Some(starts) = starts else {
        for m in compiled.find_iter(text.as_bytes()) {
            emit(m.start(), m.end());
        }
        return;
    };
    let mut resume = 0;
    for start in starts {
        let Some(at) = start.checked_sub(turn_start).map(|at| at as usize) else {
            continue;
        };
        if at < resume || at >= text.len() {
            continue;
        }
        let input = Input::new(text.as_bytes())
            .range(at..)
            .anchored(Anchored::Yes);
        if let Some(m) = compiled.search(&input) {
            resume = m.end().max(at + 1);
            emit(m.start(), m.end());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;
    use crate::lexicon::scanner::ScannerBuilder;

    /// Turns joined by `\n`, with their ranges, as the engine normalises.
    fn turns(texts: &[&str]) -> (String, Vec<(u32, u32)>) {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for t in texts {
            let start = text.len() as u32;
            text.push_str(t);
            ranges.push((start, text.len() as u32));
            text.push('\n');
        }
        (text, ranges)
    }

    #[test]
    fn anchored_regexes_find_what_a_search_of_the_whole_turn_finds() {
        let patterns = [
            r"\b(waarom|wanneer|hoezo)\b[^.?!\n]*\?",
            r"\b(zeker|gewoon|waarschijnlijk) (de|het|uw) (storing|router|modem)\b",
            r"\bneed(ed)? (it|this|them) (today|tonight|urgently)\b",
            r"\b(refund|replace|reship)(ed|ment)?\b",
        ];
        let mut builder = ScannerBuilder::with_common_words(Vec::new());
        for pattern in patterns {
            let list = builder.new_list();
            builder
                .add_pattern(list, pattern, Location::file("t.toml"))
                .unwrap();
        }
        let scanner = builder.build().unwrap();
        let anchored_patterns: Vec<bool> = scanner
            .regexes
            .iter()
            .map(|r| r.anchor_set.is_some())
            .collect();
        // Where the prefixes are the best literal set the regex runs
        // anchored; the second and third have better suffixes or inner
        // literals and search the whole turn.
        assert_eq!(anchored_patterns, [true, false, false, true]);
        let (text, ranges) = turns(&[
            "waarom waarom wanneer? hoezo.",
            "hoezo waarom? wanneer dan?",
            "het is zeker de router, gewoon het modem of waarschijnlijk uw storing",
            "i needed it today, we need them tonight and need this urgently",
            "refunded, replacement, reship, refundable refunds",
            "niets van dat alles",
        ]);
        let norm = Normalized {
            text: &text,
            turns: &ranges,
        };
        let mut anchored = Vec::new();
        collect(&scanner, &norm, &mut anchored, &mut Marks::default());

        let mut expected = Vec::new();
        for (index, entry) in scanner.regexes.iter().enumerate() {
            for (turn, &(start, end)) in ranges.iter().enumerate() {
                let turn_text = &text[start as usize..end as usize];
                for m in entry.regex().unwrap().find_iter(turn_text.as_bytes()) {
                    expected.push(Hit {
                        list: entry.lists[0],
                        turn: turn as u32,
                        start: start + m.start() as u32,
                        end: start + m.end() as u32,
                    });
                }
            }
            assert!(
                expected.iter().any(|h| h.list == entry.lists[0]),
                "pattern {index} should match somewhere in the test turns"
            );
        }
        expected.sort_unstable();
        assert_eq!(anchored, expected);
    }
}
