//! One scanner per language: every phrase of every rule and set in a single
//! Aho-Corasick automaton, and every regex behind a literal prefilter.
//!
//! A rule does not get its own automaton. Phrases are added to *phrase lists*
//! (one per set, rule or inline matcher); identical phrases share one
//! automaton pattern that remembers every list it belongs to. A regex is
//! compiled once, and the literal prefixes (or suffixes) every match must
//! contain, extracted with `regex-syntax`, go into the same automaton: the
//! regex only runs on a turn where one of its literals was seen. Regexes
//! without usable literals run on every turn; `lexicon check` warns about them.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexBuilder};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

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
    /// A literal every match of regex `regex` contains.
    Prefilter { regex: u32 },
}

#[derive(Debug)]
pub struct RegexEntry {
    pub regex: Regex,
    /// Lists this regex belongs to.
    pub lists: Vec<ListId>,
    /// The pattern as written, for diagnostics.
    pub source: String,
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
}

/// Largest compiled size of one regex; larger patterns are rejected instead
/// of slowing every run down.
pub const REGEX_SIZE_LIMIT: usize = 2 * 1024 * 1024;
/// Most literals a regex may contribute to the prefilter.
const MAX_PREFILTER_LITERALS: usize = 64;
/// Most patterns one language's automaton may hold.
pub const MAX_AUTOMATON_PATTERNS: usize = 500_000;

#[derive(Debug, Default)]
pub struct ScannerBuilder {
    patterns: Vec<Vec<u8>>,
    pattern_index: HashMap<Vec<u8>, u32>,
    uses: Vec<Vec<PatternUse>>,
    regexes: Vec<RegexEntry>,
    regex_index: HashMap<String, u32>,
    unfiltered: Vec<u32>,
    lists: u32,
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
    pub fn new_list(&mut self) -> ListId {
        self.lists += 1;
        self.lists - 1
    }

    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    fn intern(&mut self, bytes: Vec<u8>) -> Result<u32, TermError> {
        if let Some(&index) = self.pattern_index.get(&bytes) {
            return Ok(index);
        }
        if self.patterns.len() >= MAX_AUTOMATON_PATTERNS {
            return Err(format!(
                "too many phrases: one language may hold at most {MAX_AUTOMATON_PATTERNS}"
            ));
        }
        let index = self.patterns.len() as u32;
        self.pattern_index.insert(bytes.clone(), index);
        self.patterns.push(bytes);
        self.uses.push(Vec::new());
        Ok(index)
    }

    /// Adds a literal phrase (with optional `*` at either end) to `list`.
    pub fn add_phrase(&mut self, list: ListId, raw: &str) -> Result<TermNote, TermError> {
        let (body, left, right) = parse_wildcards(raw)?;
        let normalized = normalize(body);
        if normalized.is_empty() {
            return Err("phrase is empty after normalisation".into());
        }
        let index = self.intern(normalized.into_bytes())?;
        let use_ = PatternUse::Phrase { list, left, right };
        let uses = &mut self.uses[index as usize];
        if uses.contains(&use_) {
            return Ok(TermNote::Duplicate);
        }
        uses.push(use_);
        Ok(TermNote::None)
    }

    /// Adds a regex to `list`.
    pub fn add_pattern(&mut self, list: ListId, raw: &str) -> Result<TermNote, TermError> {
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
        let regex = compile_regex(&folded)?;
        let index = self.regexes.len() as u32;
        let literals = prefilter_literals(&folded);
        self.regexes.push(RegexEntry {
            regex,
            lists: vec![list],
            source: raw.to_string(),
        });
        self.regex_index.insert(folded, index);
        match literals {
            Some(literals) => {
                for literal in literals {
                    let pattern = self.intern(literal)?;
                    let use_ = PatternUse::Prefilter { regex: index };
                    if !self.uses[pattern as usize].contains(&use_) {
                        self.uses[pattern as usize].push(use_);
                    }
                }
                Ok(TermNote::None)
            }
            None => {
                self.unfiltered.push(index);
                Ok(TermNote::Unfiltered)
            }
        }
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
        Ok(Scanner {
            automaton,
            texts,
            uses: self.uses,
            regexes: self.regexes,
            unfiltered: self.unfiltered,
            lists: self.lists,
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

fn compile_regex(folded: &str) -> Result<Regex, TermError> {
    let regex = RegexBuilder::new(folded)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => {
                format!("pattern compiles to more than {limit} bytes; split it or use phrases")
            }
            other => format!("invalid pattern: {}", first_line(&other.to_string())),
        })?;
    if regex.is_match("") {
        return Err("pattern matches the empty string, so it would match every turn".into());
    }
    // `\b` alone, or `(?:wat)?\b`, does not match "" but does match an
    // empty stretch of every turn with a word in it.
    let min_len = regex_syntax::ParserBuilder::new()
        .build()
        .parse(folded)
        .ok()
        .and_then(|hir| hir.properties().minimum_len());
    if min_len == Some(0) {
        return Err(
            "pattern can match the empty string (every part of it is optional or a look-around such as \\b), so it matches nothing useful".into(),
        );
    }
    Ok(regex)
}

fn first_line(message: &str) -> String {
    // regex errors are multi-line with a caret diagram; keep the last line,
    // which is the description.
    message
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(message)
        .trim()
        .trim_start_matches("error: ")
        .to_string()
}

/// Literals at least one of which every match of the pattern contains, in
/// normalised (lowercase) form; `None` when there is no usable set.
fn prefilter_literals(folded: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(folded)
        .ok()?;
    for kind in [ExtractKind::Prefix, ExtractKind::Suffix] {
        let seq = Extractor::new()
            .kind(kind)
            .limit_total(MAX_PREFILTER_LITERALS * 8)
            .extract(&hir);
        let Some(literals) = seq.literals() else {
            continue;
        };
        if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
            continue;
        }
        let mut out: Vec<Vec<u8>> = literals
            .iter()
            .map(|l| lowercase_bytes(l.as_bytes()))
            .collect();
        out.sort();
        out.dedup();
        if out.len() <= MAX_PREFILTER_LITERALS {
            return Some(out);
        }
    }
    None
}

fn lowercase_bytes(bytes: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_lowercase().into_bytes(),
        Err(_) => bytes.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn regexes_get_literal_prefilters() {
        let lits = prefilter_literals(r"\b(naar|bij) de (kanton)?rechter\b").unwrap();
        assert!(
            lits.contains(&b"naar de kantonrechter".to_vec()),
            "{lits:?}"
        );
        assert_eq!(lits.len(), 4);
        assert_eq!(
            prefilter_literals(r"\w+ gaat naar de Rechter").unwrap(),
            vec![b" gaat naar de rechter".to_vec()]
        );
        assert_eq!(prefilter_literals(r"\w+\s\w+"), None);
    }

    #[test]
    fn bad_patterns_are_explained() {
        let mut b = ScannerBuilder::default();
        let l = b.new_list();
        let err = b.add_pattern(l, "(unclosed").unwrap_err();
        assert!(err.starts_with("invalid pattern"), "{err}");
        let err = b.add_pattern(l, "a*").unwrap_err();
        assert!(err.contains("empty string"), "{err}");
        let err = b.add_pattern(l, r"\b(?:wat)?\b").unwrap_err();
        assert!(err.contains("can match the empty string"), "{err}");
        let err = b.add_pattern(l, r"\w{1000}\w{1000}\w{1000}").unwrap_err();
        assert!(err.contains("compiles to more than"), "{err}");
        assert_eq!(
            b.add_pattern(l, r"\w+ \w+ \w+ zei").unwrap(),
            TermNote::None
        );
        assert_eq!(b.add_pattern(l, r"\d+\s\d+").unwrap(), TermNote::Unfiltered);
    }
}
