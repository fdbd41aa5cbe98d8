//! Choosing the literals that decide where a regex runs.
//!
//! Every regex of a lexicon goes into the language's Aho-Corasick pass as a
//! few literal sets: every match of the regex contains a literal of each
//! set, so the regex runs only on turns where all its sets were seen. The
//! choice matters more than anything else for speed: a set holding "is"
//! would run the regex on nearly every English turn. When the best set is
//! the pattern's prefixes, the regex runs anchored where they start
//! (see `engine::hits`).

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

use crate::lexicon::scanner::TermError;

/// Most literal sets that prefilter one regex. Each set alone is necessary
/// for a match; requiring two in the same turn ("ik" and "niet") skips most
/// turns that one common word would let through.
const MAX_PREFILTER_SETS: usize = 2;
// `engine::hits::Marks` keeps the sets seen of a regex in two bits.
const _: () = assert!(MAX_PREFILTER_SETS <= 2);
/// Most literals a regex may contribute to the prefilter.
pub(super) const MAX_PREFILTER_LITERALS: usize = 64;
/// A pattern's literal sets and its anchor set (see [`prefilter_sets`]).
pub(super) type PrefilterSets = (Vec<Vec<Vec<u8>>>, Option<u8>);

/// Checks a folded pattern and chooses its prefilter literal sets.
pub(super) fn analyse_pattern(
    folded: &str,
    common_words: &[String],
) -> Result<PrefilterSets, TermError> {
    let hir = parse_pattern(folded)?;
    Ok(prefilter_sets(&hir, common_words))
}

/// Parses a pattern as it will be compiled (ASCII classes, bytes), so that
/// syntax errors and empty matches are found when the lexicon is loaded.
fn parse_pattern(folded: &str) -> Result<Hir, TermError> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(folded)
        .map_err(|e| format!("invalid pattern: {}", first_line(&e.to_string())))?;
    if hir.properties().minimum_len() == Some(0) {
        return Err("pattern can match the empty string (every part of it is optional or a look-around such as \\b), so it matches nothing useful".into());
    }
    Ok(hir)
}

pub(super) fn first_line(message: &str) -> String {
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

/// Up to [`MAX_PREFILTER_SETS`] sets of literals, best first, such that
/// every match of the pattern contains a literal of each set, in normalised
/// (lowercase) form; empty when there is no usable set. With them, the index
/// of the set that holds the pattern's prefixes, if it was chosen.
///
/// The sets should be rare: a pattern like `\b(am|is|was)\s(sick|ill)\b`
/// must not run on every turn containing "is". Candidates are the pattern's
/// prefixes and suffixes, and the prefixes of every tail of a top-level
/// concatenation (so the literals may come from the middle, as in ripgrep's
/// inner literals). Sets without frequent words rank first, then sets with
/// fewer literals, then those with the longest shortest literal.
/// `common_words` is sorted.
fn prefilter_sets(hir: &Hir, common_words: &[String]) -> (Vec<Vec<Vec<u8>>>, Option<u8>) {
    let prefixes = literal_set(hir, ExtractKind::Prefix);
    let mut candidates: Vec<Vec<Vec<u8>>> = Vec::new();
    candidates.extend(prefixes.clone());
    candidates.extend(literal_set(hir, ExtractKind::Suffix));
    let mut top = hir;
    while let HirKind::Capture(capture) = top.kind() {
        top = &capture.sub;
    }
    if let HirKind::Concat(children) = top.kind() {
        for start in 1..children.len() {
            // A tail that starts with `\b` has the literals of the next one.
            if matches!(children[start].kind(), HirKind::Look(_)) {
                continue;
            }
            let tail = Hir::concat(children[start..].to_vec());
            candidates.extend(literal_set(&tail, ExtractKind::Prefix));
        }
    }
    // A literal is common when, without surrounding spaces and punctuation,
    // it is one or two characters or a frequent word of the language.
    let common = |literal: &Vec<u8>| {
        let word = String::from_utf8_lossy(literal);
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        word.chars().count() <= 2
            || common_words
                .binary_search_by(|w| w.as_str().cmp(word))
                .is_ok()
    };
    let rank = |set: &Vec<Vec<u8>>| {
        let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
        (
            !set.iter().any(common),
            std::cmp::Reverse(set.len()),
            shortest.min(12),
        )
    };
    candidates.sort_by_cached_key(|set| std::cmp::Reverse(rank(set)));
    candidates.dedup();
    // A second set of frequent words would cost more in automaton matches
    // than it saves in regex runs.
    let mut sets = candidates.into_iter();
    let first = sets.next();
    let second = sets.find(|set| !set.iter().any(common));
    let chosen: Vec<Vec<Vec<u8>>> = first
        .into_iter()
        .chain(second)
        .take(MAX_PREFILTER_SETS)
        .collect();
    let anchor = prefixes
        .and_then(|prefixes| chosen.iter().position(|set| *set == prefixes))
        .map(|index| index as u8);
    (chosen, anchor)
}

/// The literal set of `hir` of one kind, lowercased and deduplicated, when
/// it is usable as a prefilter: finite, no empty literal, no literal so short
/// it occurs everywhere. A set with too many literals is shrunk by cutting
/// its literals to their first (prefix kind) or last (suffix kind) bytes.
fn literal_set(hir: &Hir, kind: ExtractKind) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new()
        .kind(kind.clone())
        .limit_total(MAX_PREFILTER_LITERALS)
        .extract(hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    let mut out: Vec<Vec<u8>> = literals
        .iter()
        .map(|l| lowercase_bytes(l.as_bytes()))
        .collect();
    out.sort();
    out.dedup();
    if out.len() > MAX_PREFILTER_LITERALS {
        // The longest cut that leaves few enough distinct literals: the
        // number of distinct cuts only grows with their length, so search.
        let cut_to = |keep: usize| {
            let mut cut: Vec<Vec<u8>> = out
                .iter()
                .map(|l| match kind {
                    ExtractKind::Suffix => l[l.len().saturating_sub(keep)..].to_vec(),
                    _ => l[..l.len().min(keep)].to_vec(),
                })
                .collect();
            cut.sort();
            cut.dedup();
            cut
        };
        let (mut fits, mut too_long) = (3, out.iter().map(Vec::len).max().unwrap_or(0));
        while fits + 1 < too_long {
            let mid = (fits + too_long) / 2;
            if cut_to(mid).len() <= MAX_PREFILTER_LITERALS {
                fits = mid;
            } else {
                too_long = mid;
            }
        }
        out = cut_to(fits);
    }
    // A single letter, digit or space, or a space and one more byte (" 1"),
    // occurs in nearly every turn: such a set filters nothing. Short words
    // ("dm") and punctuation ("?") are still useful; common words are ranked
    // down by the caller.
    let too_common = |l: &Vec<u8>| match l.as_slice() {
        [b] => b.is_ascii_alphanumeric() || b.is_ascii_whitespace(),
        [a, b] => a.is_ascii_whitespace() || b.is_ascii_whitespace(),
        _ => false,
    };
    (out.len() <= MAX_PREFILTER_LITERALS && !out.iter().any(too_common)).then_some(out)
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
    use crate::error::Location;
    use crate::lexicon::scanner::ScannerBuilder;

    fn prefilter_literals(hir: &Hir, common: &[String]) -> Option<Vec<Vec<u8>>> {
        prefilter_sets(hir, common).0.into_iter().next()
    }

    #[test]
    fn two_literal_sets_must_both_occur() {
        let common = ["ik".to_string(), "we".to_string()];
        let pattern = r"\b(ik|we) (heb|hebben)\b[^.?!\n]{0,40}\b(geregeld|verstuurd)\b";
        let (sets, anchor) = prefilter_sets(&parse_pattern(pattern).unwrap(), &common);
        // The prefixes ("ik heb", ...) hold frequent words: not chosen.
        assert_eq!(anchor, None);
        assert_eq!(
            sets,
            vec![
                vec![b"geregeld".to_vec(), b"verstuurd".to_vec()],
                vec![b" heb".to_vec(), b" hebben".to_vec()],
            ]
        );
        let mut b = ScannerBuilder::with_common_words(common.to_vec());
        let l = b.new_list();
        b.add_pattern(l, pattern, Location::file("t.toml")).unwrap();
        let scanner = b.build().unwrap();
        assert_eq!(scanner.regexes[0].prefilter_sets, 2);
    }

    #[test]
    fn regexes_get_literal_prefilters() {
        // One literal every match contains beats four alternatives.
        let lits = prefilter_literals(
            &parse_pattern(r"\b(naar|bij) de (kanton)?rechter\b").unwrap(),
            &[],
        )
        .unwrap();
        // Too many combinations are cut back to the distinguishing words.
        let many = parse_pattern(r"\b(can't|cant|cannot|can not|couldn't|could not|won't let me|doesn't let me|will not let me|wont|unable)\s(\w+)").unwrap();
        let cut = prefilter_literals(&many, &[]).unwrap();
        assert!(
            cut.len() <= MAX_PREFILTER_LITERALS && cut.iter().any(|l| l.starts_with(b"can't")),
            "{cut:?}"
        );
        assert_eq!(lits, vec![b"rechter".to_vec()]);
        assert_eq!(
            prefilter_literals(&parse_pattern(r"\w+ gaat naar de Rechter").unwrap(), &[]).unwrap(),
            vec![b" gaat naar de rechter".to_vec()]
        );
        assert_eq!(
            prefilter_literals(&parse_pattern(r"\w+\s\w+").unwrap(), &[]),
            None
        );
        // Rare literals from the middle beat common ones at the start.
        let common = ["is".to_string(), "was".to_string()];
        assert_eq!(
            prefilter_literals(
                &parse_pattern(r"\b(am|is|was)\s(very )?(sick|ill)\b").unwrap(),
                &common
            )
            .unwrap(),
            vec![b"ill".to_vec(), b"sick".to_vec()]
        );
        assert_eq!(
            prefilter_literals(
                &parse_pattern(r"\b(i|we)( \w+){0,5} again\b").unwrap(),
                &common
            )
            .unwrap(),
            vec![b" again".to_vec()]
        );
    }
}
