//! One scanner per language: every phrase of every rule and set in a single
//! Aho-Corasick automaton, and every regex behind a literal prefilter.
//!
//! A rule does not get its own automaton. Phrases are added to *phrase lists*
//! (one per set, rule or inline matcher); identical phrases share one
//! automaton pattern that remembers every list it belongs to. A regex is
//! compiled once, and the literal prefixes (or suffixes) every match must
//! contain, extracted with `regex-syntax`, go into the same automaton: the
//! regex only runs on a turn where one of its literals was seen (the choice
//! of literals is `prefilter`'s). Regexes without usable literals run on
//! every turn; `lexicon check` warns about them.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;

use crate::error::Location;
use crate::lexicon::prefilter::{PrefilterSets, analyse_pattern, first_line};
use crate::text::{fold_pattern, normalize};

/// Index of a phrase list within its language.
pub type ListId = u32;

/// What an automaton pattern means for the lists that contain it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatternUse {
    /// A phrase of `list`; `left`/`right` say whether a word boundary is
    /// required on that side (false for a `*` wildcard side).
    Phrase {
        list: ListId,
        left: bool,
        right: bool,
    },
    /// A literal of prefilter set `set` of regex `regex`: every match of
    /// the regex contains a literal of each of its sets.
    Prefilter { regex: u32, set: u8 },
}

/// A regex of the scanner. It is validated (parsed) when the lexicon is
/// loaded but compiled on first use: the built-in lexicons hold hundreds of
/// patterns, and compiling them all would dominate the start-up of short
/// runs. [`Scanner::compile_all`] compiles them eagerly where errors must
/// come at once (user lexicons, `lexicon check`).
#[derive(Debug)]
pub struct RegexEntry {
    compiled: OnceLock<Result<Regex, String>>,
    /// How many literal sets prefilter it (0 when it runs on every turn):
    /// it runs on a turn only where a literal of every set was seen.
    pub prefilter_sets: u8,
    /// The set, if any, whose literals every match starts with (the
    /// pattern's prefixes). The regex then runs anchored where those
    /// literals were seen instead of searching the whole turn.
    pub anchor_set: Option<u8>,
    /// The pattern with diacritics folded, as compiled.
    folded: String,
    /// Lists this regex belongs to.
    pub lists: Vec<ListId>,
    /// The pattern as written, and where (its first use), for diagnostics.
    pub source: String,
    pub location: Location,
}

impl RegexEntry {
    /// The compiled regex, compiling it on first use.
    pub fn regex(&self) -> Result<&Regex, &str> {
        self.compiled
            .get_or_init(|| compile_regex(&self.folded))
            .as_ref()
            .map_err(String::as_str)
    }
}

/// The compiled matcher of one language.
#[derive(Debug)]
pub struct Scanner {
    pub automaton: Option<AhoCorasick>,
    /// The text of each automaton pattern (normalised phrase bodies and
    /// regex literals), for explanations and `lexicon phrases`.
    pub texts: Vec<String>,
    pub uses: Vec<Vec<PatternUse>>,
    pub regexes: Vec<RegexEntry>,
    /// Regexes without a literal prefilter: run on every turn.
    pub unfiltered: Vec<u32>,
    pub lists: u32,
    /// The regexes of each list, so that a list's regexes run only when a
    /// matcher asks for that list.
    pub list_regexes: Vec<Vec<u32>>,
}

impl Scanner {
    /// The normalised text of every phrase (not regex literals), without
    /// wildcards, in automaton order.
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.texts
            .iter()
            .zip(&self.uses)
            .filter(|(_, uses)| uses.iter().any(|u| matches!(u, PatternUse::Phrase { .. })))
            .map(|(text, _)| text.as_str())
    }

    /// A phrase of `list` as written, with its wildcards (`dreig*`).
    pub fn phrase_in_list(&self, pattern: u32, list: ListId) -> Option<String> {
        let text = self.texts.get(pattern as usize)?;
        self.uses
            .get(pattern as usize)?
            .iter()
            .find_map(|u| match *u {
                PatternUse::Phrase {
                    list: l,
                    left,
                    right,
                } if l == list => Some(format!(
                    "{}{text}{}",
                    if left { "" } else { "*" },
                    if right { "" } else { "*" }
                )),
                _ => None,
            })
    }

    /// Compiles every regex now; the errors, with the pattern's location.
    pub fn compile_all(&self) -> Vec<(Location, String)> {
        self.compile_where(|_| true)
    }

    /// Compiles the regexes whose location `wanted` accepts; the errors.
    pub fn compile_where(&self, wanted: impl Fn(&Location) -> bool) -> Vec<(Location, String)> {
        self.regexes
            .iter()
            .filter(|entry| wanted(&entry.location))
            .filter_map(|entry| {
                entry
                    .regex()
                    .err()
                    .map(|e| (entry.location.clone(), e.to_string()))
            })
            .collect()
    }
}

/// Largest compiled size of one regex; larger patterns are rejected instead
/// of slowing every run down.
pub const REGEX_SIZE_LIMIT: usize = 2 * 1024 * 1024;
/// Most patterns one language's automaton may hold.
pub const MAX_AUTOMATON_PATTERNS: usize = 500_000;

#[derive(Debug, Default)]
pub struct ScannerBuilder {
    /// The language's most frequent words, sorted: poor prefilter literals.
    common_words: Vec<String>,
    patterns: Vec<Vec<u8>>,
    pattern_index: HashMap<Vec<u8>, u32>,
    uses: Vec<Vec<PatternUse>>,
    regexes: Vec<RegexEntry>,
    regex_index: HashMap<String, u32>,
    unfiltered: Vec<u32>,
    lists: u32,
    /// The phrase limit was reached and reported.
    over_limit: bool,
    /// Patterns analysed ahead of [`ScannerBuilder::add_pattern`], by
    /// folded text (see [`ScannerBuilder::prepare_patterns`]).
    prepared: HashMap<String, Result<PrefilterSets, TermError>>,
    /// A lower limit than [`MAX_AUTOMATON_PATTERNS`], for tests.
    #[cfg(test)]
    pattern_limit: Option<usize>,
}

/// Why a phrase or pattern was rejected; the compiler adds the location.
pub type TermError = String;

/// What adding a term found worth a warning.
#[derive(Debug, PartialEq, Eq)]
pub enum TermNote {
    None,
    /// The same phrase (after normalisation) is already in this list.
    Duplicate,
    /// The regex has no literal prefilter and runs on every turn.
    Unfiltered,
}

impl ScannerBuilder {
    /// A builder whose regex prefilters avoid these frequent words (the
    /// language's stopwords).
    pub fn with_common_words(mut words: Vec<String>) -> Self {
        words.sort_unstable();
        words.dedup();
        ScannerBuilder {
            common_words: words,
            ..ScannerBuilder::default()
        }
    }

    pub fn new_list(&mut self) -> ListId {
        self.lists += 1;
        self.lists - 1
    }

    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The automaton index of a phrase, adding it if new. Past the limit
    /// the first phrase is an error and later ones are dropped (`None`): one
    /// message says it all, instead of one per phrase of a huge list.
    fn intern(&mut self, bytes: Vec<u8>) -> Result<Option<u32>, TermError> {
        if let Some(&index) = self.pattern_index.get(&bytes) {
            return Ok(Some(index));
        }
        #[cfg(test)]
        let limit = self.pattern_limit.unwrap_or(MAX_AUTOMATON_PATTERNS);
        #[cfg(not(test))]
        let limit = MAX_AUTOMATON_PATTERNS;
        if self.patterns.len() >= limit {
            if self.over_limit {
                return Ok(None);
            }
            self.over_limit = true;
            return Err(format!(
                "too many phrases: one language may hold at most {limit} distinct phrases (and pattern prefilters); this one and all after it are not loaded"
            ));
        }
        let index = self.patterns.len() as u32;
        self.pattern_index.insert(bytes.clone(), index);
        self.patterns.push(bytes);
        self.uses.push(Vec::new());
        Ok(Some(index))
    }

    /// Adds a literal phrase (with optional `*` at either end) to `list`.
    pub fn add_phrase(&mut self, list: ListId, raw: &str) -> Result<TermNote, TermError> {
        let (body, left, right) = parse_wildcards(raw)?;
        let normalized = normalize(body);
        if normalized.is_empty() {
            return Err("phrase is empty after normalisation".into());
        }
        let Some(index) = self.intern(normalized.into_bytes())? else {
            return Ok(TermNote::None);
        };
        let use_ = PatternUse::Phrase { list, left, right };
        let uses = &mut self.uses[index as usize];
        if uses.contains(&use_) {
            return Ok(TermNote::Duplicate);
        }
        uses.push(use_);
        Ok(TermNote::None)
    }

    /// Parses `patterns` and extracts their prefilter literals in parallel,
    /// for the [`ScannerBuilder::add_pattern`] calls that follow: that work
    /// is most of what compiling the built-in lexicons costs, and it
    /// depends on nothing but the pattern and the language's frequent words.
    /// The results (and errors) are those `add_pattern` would compute.
    pub fn prepare_patterns<'p>(&mut self, patterns: impl IntoIterator<Item = &'p str>) {
        use rayon::prelude::*;
        let mut folded: Vec<String> = patterns
            .into_iter()
            .map(fold_pattern)
            .filter(|p| !self.regex_index.contains_key(p))
            .collect();
        folded.sort_unstable();
        folded.dedup();
        let common_words = &self.common_words;
        let analysed: Vec<(String, Result<PrefilterSets, TermError>)> = folded
            .into_par_iter()
            .map(|pattern| {
                let analysis = analyse_pattern(&pattern, common_words);
                (pattern, analysis)
            })
            .collect();
        self.prepared.extend(analysed);
    }

    /// Adds a regex to `list`. It is parsed now (every syntax error, and a
    /// pattern that can match the empty string, is reported here) and
    /// compiled on first use; `location` names it in later errors.
    pub fn add_pattern(
        &mut self,
        list: ListId,
        raw: &str,
        location: Location,
    ) -> Result<TermNote, TermError> {
        let folded = fold_pattern(raw);
        if let Some(&index) = self.regex_index.get(&folded) {
            let entry = &mut self.regexes[index as usize];
            if entry.lists.contains(&list) {
                return Ok(TermNote::Duplicate);
            }
            entry.lists.push(list);
            return Ok(if self.unfiltered.contains(&index) {
                TermNote::Unfiltered
            } else {
                TermNote::None
            });
        }
        let (sets, anchor_set) = match self.prepared.remove(&folded) {
            Some(prepared) => prepared?,
            None => analyse_pattern(&folded, &self.common_words)?,
        };
        let index = self.regexes.len() as u32;
        self.regexes.push(RegexEntry {
            compiled: OnceLock::new(),
            prefilter_sets: sets.len() as u8,
            anchor_set,
            folded: folded.clone(),
            lists: vec![list],
            source: raw.to_string(),
            location,
        });
        self.regex_index.insert(folded, index);
        if sets.is_empty() {
            self.unfiltered.push(index);
            return Ok(TermNote::Unfiltered);
        }
        for (set, literals) in sets.into_iter().enumerate() {
            for literal in literals {
                let Some(pattern) = self.intern(literal)? else {
                    continue;
                };
                let use_ = PatternUse::Prefilter {
                    regex: index,
                    set: set as u8,
                };
                if !self.uses[pattern as usize].contains(&use_) {
                    self.uses[pattern as usize].push(use_);
                }
            }
        }
        Ok(TermNote::None)
    }

    pub fn build(self) -> Result<Scanner, TermError> {
        let automaton = if self.patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&self.patterns)
                    .map_err(|e| format!("cannot build the phrase automaton: {e}"))?,
            )
        };
        let texts = self
            .patterns
            .iter()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect();
        let mut list_regexes = vec![Vec::new(); self.lists as usize];
        for (index, entry) in self.regexes.iter().enumerate() {
            for &list in &entry.lists {
                if let Some(regexes) = list_regexes.get_mut(list as usize) {
                    regexes.push(index as u32);
                }
            }
        }
        Ok(Scanner {
            automaton,
            texts,
            uses: self.uses,
            regexes: self.regexes,
            unfiltered: self.unfiltered,
            lists: self.lists,
            list_regexes,
        })
    }
}

/// Splits `*` wildcards off a phrase: `dreig*` needs no boundary on the
/// right, `*rechter` none on the left. A `*` inside a phrase is an error.
fn parse_wildcards(raw: &str) -> Result<(&str, bool, bool), TermError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("phrase is empty".into());
    }
    let left = !trimmed.starts_with('*');
    let right = !trimmed.ends_with('*');
    let body = trimmed.trim_start_matches('*').trim_end_matches('*');
    if body.contains('*') {
        return Err(
            "`*` is only allowed at the start or end of a phrase; use `patterns` for gaps".into(),
        );
    }
    if body.trim().is_empty() {
        return Err("phrase is only a wildcard".into());
    }
    Ok((body.trim(), left, right))
}

/// Compiles a pattern for matching normalised text.
///
/// Patterns run on normalised text, where Dutch and English letters are
/// already folded to ASCII, so they use ASCII classes: `\b`, `\w`, `\d`, `\s`
/// are the ASCII ones. Unicode classes would make the lazy DFA give up on
/// word boundaries whenever a turn has a non-ASCII character (an emoji is
/// enough), and make compiling slow; matches are on bytes and are snapped to
/// character boundaries by the caller.
fn compile_regex(folded: &str) -> Result<Regex, String> {
    // The automaton pass already ran this regex's literals over the turn,
    // so the regex's own literal prefilter would only repeat that search;
    // on a turn of a hundred bytes, setting it up costs more than the lazy
    // DFA's scan.
    let config = meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(false)
        .auto_prefilter(false)
        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
        .hybrid_cache_capacity(REGEX_SIZE_LIMIT);
    let syntax = syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .case_insensitive(true);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax)
        .build(folded)
        .map_err(|e| {
            if let Some(limit) = e.size_limit() {
                format!("pattern compiles to more than {limit} bytes; split it or use phrases")
            } else if let Some(syntax) = e.syntax_error() {
                format!("invalid pattern: {}", first_line(&syntax.to_string()))
            } else {
                format!("invalid pattern: {}", first_line(&e.to_string()))
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phrase_limit_is_reported_once_and_later_phrases_are_dropped() {
        let mut builder = ScannerBuilder {
            pattern_limit: Some(2),
            ..ScannerBuilder::default()
        };
        let list = builder.new_list();
        assert_eq!(builder.add_phrase(list, "een"), Ok(TermNote::None));
        assert_eq!(builder.add_phrase(list, "twee"), Ok(TermNote::None));
        // Known phrases still resolve past the limit.
        assert_eq!(builder.add_phrase(list, "een"), Ok(TermNote::Duplicate));
        let err = builder.add_phrase(list, "drie").unwrap_err();
        assert!(
            err.starts_with("too many phrases: one language may hold at most 2 distinct"),
            "{err}"
        );
        assert_eq!(builder.add_phrase(list, "vier"), Ok(TermNote::None));
        assert_eq!(builder.pattern_count(), 2);
    }

    #[test]
    fn wildcards() {
        assert_eq!(parse_wildcards("dreig*").unwrap(), ("dreig", true, false));
        assert_eq!(
            parse_wildcards("*rechter").unwrap(),
            ("rechter", false, true)
        );
        assert!(parse_wildcards("ik * u").is_err());
        assert!(parse_wildcards("  ").is_err());
        assert!(parse_wildcards("**").is_err());
    }

    #[test]
    fn shared_phrases_share_a_pattern() {
        let mut b = ScannerBuilder::default();
        let a = b.new_list();
        let c = b.new_list();
        assert_eq!(b.add_phrase(a, "Naar de Rechter").unwrap(), TermNote::None);
        assert_eq!(b.add_phrase(c, "naar de rechter").unwrap(), TermNote::None);
        assert_eq!(
            b.add_phrase(a, "naar  de rechter").unwrap(),
            TermNote::Duplicate
        );
        assert_eq!(b.pattern_count(), 1);
    }

    #[test]
    fn bad_patterns_are_explained() {
        let mut b = ScannerBuilder::default();
        let l = b.new_list();
        let err = b
            .add_pattern(l, "(unclosed", Location::file("t.toml"))
            .unwrap_err();
        assert!(err.starts_with("invalid pattern"), "{err}");
        let err = b
            .add_pattern(l, "a*", Location::file("t.toml"))
            .unwrap_err();
        assert!(err.contains("empty string"), "{err}");
        let err = b
            .add_pattern(l, r"\b(?:wat)?\b", Location::file("t.toml"))
            .unwrap_err();
        assert!(err.contains("can match the empty string"), "{err}");
        assert_eq!(
            b.add_pattern(l, r"\w+ \w+ \w+ zei", Location::file("t.toml"))
                .unwrap(),
            TermNote::None
        );
        assert_eq!(
            b.add_pattern(l, r"\d+\s+\d+", Location::file("t.toml"))
                .unwrap(),
            TermNote::Unfiltered
        );
        // Too large a pattern is found when it is compiled, with its place.
        assert_eq!(
            b.add_pattern(l, r"(?:[a-z]{1000}){40}", Location::at("big.toml", 3, 5))
                .unwrap(),
            TermNote::Unfiltered
        );
        let scanner = b.build().unwrap();
        let errors = scanner.compile_all();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, Location::at("big.toml", 3, 5));
        assert!(
            errors[0].1.contains("compiles to more than"),
            "{}",
            errors[0].1
        );
    }

    #[test]
    fn prepared_patterns_compile_as_unprepared_ones_do() {
        let common = vec!["is".to_string(), "wat".to_string()];
        let patterns = [
            r"\b(wat|hoe|waarom)\b[^.?!\n]*\?",
            r"\b(is|was) (ziek|overleden)\b",
            "(unclosed",
            r"\bneed(ed)? (it|this) (today|tonight)\b",
            r"\b(wat|hoe|waarom)\b[^.?!\n]*\?",
        ];
        let outcomes = |prepare: bool| {
            let mut b = ScannerBuilder::with_common_words(common.clone());
            if prepare {
                b.prepare_patterns(patterns);
            }
            let l = b.new_list();
            let notes: Vec<_> = patterns
                .iter()
                .map(|p| b.add_pattern(l, p, Location::file("t.toml")))
                .collect();
            let scanner = b.build().unwrap();
            let regexes: Vec<_> = scanner
                .regexes
                .iter()
                .map(|r| (r.source.clone(), r.prefilter_sets, r.anchor_set))
                .collect();
            (notes, regexes, scanner.texts, scanner.uses)
        };
        let prepared = outcomes(true);
        assert_eq!(prepared, outcomes(false));
        assert!(prepared.0[2].is_err(), "the syntax error is still reported");
        assert_eq!(prepared.0[4], Ok(TermNote::Duplicate));
    }
}
