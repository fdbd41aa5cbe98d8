//! Lints: lexicons that are valid but probably not what their author meant.
//!
//! Validation ([`super::compile`]) rejects what cannot work; lints warn about
//! what works differently than it reads. Each warning names its [`Lint`],
//! points at `file:line:col` and is shown by `lexicon check` and `lexicon
//! test`. The built-in lexicons are kept free of them by a test.
//!
//! What each lint can and cannot see is decided here, precisely:
//!
//! * **shadowed**: in one phrase list (a set with the sets it includes, or a
//!   rule's or matcher's inline `phrases`), phrase B contains phrase A on word
//!   boundaries (`rechter` inside `naar de rechter`, or `rechter*` covering
//!   `rechter`). Wherever B matches, A matches too, and every filter that
//!   cancels A's match also cancels B's, so B never makes the list match
//!   where it would not anyway. Not reported when that reasoning does not
//!   hold: B has a negator or a double quote before A (negation and
//!   reported speech look before the match), A ends with `.`/`?`/`!` or B
//!   has one after A (the question filter looks after it), or the list is
//!   used by `near` (where the longer match can be the closer one). A
//!   longer phrase can still change which words a finding quotes.
//! * **unmatchable**: a pattern whose every match needs a character that
//!   normalised text never contains: a tab, line break or non-breaking
//!   space, two spaces in a row, or a zero-width character, soft hyphen or
//!   combining accent. Phrases are normalised exactly like the text, so a
//!   non-empty phrase can always match; see `regex_in_phrase` instead.
//! * **regex_in_phrase**: a phrase that contains regex syntax (`\b`, `|`,
//!   `[...]`, `(...)?`, `.*`): phrases are literal, so it only matches text
//!   that contains those characters, which is practically never.
//! * **wildcard_space**: `rechter *` is read as `rechter*`, which matches
//!   inside longer words (`rechterlijk`) rather than "rechter and the next
//!   word".
//! * **missing_examples**: a rule without both `bad` and `good` examples, so
//!   `lexicon test` checks it only one way, or not at all.
//! * **duplicate**, **unfiltered**, **unused_set**: found while compiling
//!   (the same phrase twice in a list, a pattern without literal text to
//!   prefilter on, a set no rule uses).
//! * **no_fixture**: a rule that never fires in the annotated fixtures
//!   (`lexicon check` with a fixtures directory).

use std::collections::{BTreeMap, HashSet};

use regex_syntax::hir::{Class, Hir, HirKind};

use crate::lexicon::compile::{Diagnostic, Problems};
use crate::lexicon::compiled::{Language, Lexicons};
use crate::lexicon::load::ParsedFile;
use crate::lexicon::schema::{MatcherSpec, RuleSpec, S, SetSpec, Terms};
use crate::text::normalize::never_in_normalized;
use crate::text::scan::{ends_at_boundary, is_word_char, starts_at_boundary};
use crate::text::{fold_pattern, normalize};

/// The kinds of lexicon warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lint {
    Duplicate,
    Unfiltered,
    UnusedSet,
    Shadowed,
    Unmatchable,
    RegexInPhrase,
    WildcardSpace,
    MissingExamples,
    NoFixture,
}

impl Lint {
    pub const ALL: [Lint; 9] = [
        Lint::Duplicate,
        Lint::Unfiltered,
        Lint::UnusedSet,
        Lint::Shadowed,
        Lint::Unmatchable,
        Lint::RegexInPhrase,
        Lint::WildcardSpace,
        Lint::MissingExamples,
        Lint::NoFixture,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Lint::Duplicate => "duplicate",
            Lint::Unfiltered => "unfiltered",
            Lint::UnusedSet => "unused_set",
            Lint::Shadowed => "shadowed",
            Lint::Unmatchable => "unmatchable",
            Lint::RegexInPhrase => "regex_in_phrase",
            Lint::WildcardSpace => "wildcard_space",
            Lint::MissingExamples => "missing_examples",
            Lint::NoFixture => "no_fixture",
        }
    }
}

impl std::fmt::Display for Lint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `no_fixture` warnings: one per definition (language) of each rule id in
/// `uncovered`, at the rule's id.
pub fn no_fixture(lexicons: &Lexicons, uncovered: &[String]) -> Vec<Diagnostic> {
    lexicons
        .rules
        .iter()
        .filter(|r| uncovered.iter().any(|id| **id == *r.id))
        .map(|r| Diagnostic {
            location: r.location.clone(),
            lint: Lint::NoFixture,
            message: format!(
                "rule `{}` ({}) never fires in the fixtures; add a conversation where it should",
                r.id, r.language
            ),
        })
        .collect()
}

/// Runs the lints that need only the rule files and the compiled language
/// data (for negators).
pub(crate) fn lint_files(files: &[ParsedFile], languages: &[Language], problems: &mut Problems) {
    for file in files {
        for rule in &file.file.rule {
            missing_examples(file, rule, problems);
        }
    }
    let codes: Vec<&str> = files
        .iter()
        .filter_map(|f| f.source.language.as_deref())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for code in codes {
        let lang_files: Vec<&ParsedFile> = files
            .iter()
            .filter(|f| f.source.language.as_deref() == Some(code))
            .collect();
        let negators: HashSet<String> = languages
            .iter()
            .find(|l| &*l.code == code)
            .map(|l| l.negators.clone())
            .unwrap_or_default();
        LanguageLint::new(&lang_files, negators).run(problems);
    }
}

fn missing_examples(file: &ParsedFile, rule: &S<RuleSpec>, problems: &mut Problems) {
    let spec = rule.get_ref();
    let (bad, good) = spec
        .examples
        .as_ref()
        .map_or((0, 0), |e| (e.get_ref().bad.len(), e.get_ref().good.len()));
    let missing = match (bad, good) {
        (0, 0) => {
            "no examples; add `[rule.examples]` with `bad` (must fire) and `good` (must not fire) sentences"
        }
        (0, _) => "no `bad` examples (sentences it must fire on)",
        (_, 0) => "no `good` examples (near-misses it must not fire on)",
        _ => return,
    };
    problems.warn(
        file,
        spec.id.span(),
        Lint::MissingExamples,
        format!("rule `{}` has {missing}", spec.id.get_ref()),
    );
}

/// A phrase as written, with where it is.
struct Phrase<'f> {
    file: &'f ParsedFile,
    term: &'f S<String>,
    body: String,
    left: bool,
    right: bool,
}

struct LanguageLint<'f> {
    files: Vec<&'f ParsedFile>,
    sets: BTreeMap<&'f str, (&'f ParsedFile, &'f SetSpec)>,
    negators: HashSet<String>,
    /// Sets whose matches are measured by distance (`near`).
    near_sets: HashSet<&'f str>,
}

impl<'f> LanguageLint<'f> {
    fn new(files: &[&'f ParsedFile], negators: HashSet<String>) -> Self {
        let mut sets = BTreeMap::new();
        let mut near_sets = HashSet::new();
        for file in files {
            for set in &file.file.set {
                sets.entry(set.get_ref().id.get_ref().as_str())
                    .or_insert((*file, set.get_ref()));
            }
            for rule in &file.file.rule {
                let rule = rule.get_ref();
                if let Some(near) = &rule.near {
                    near_sets.extend(rule.set.as_ref().map(|s| s.get_ref().as_str()));
                    near_sets.extend(near.get_ref().set.as_ref().map(|s| s.get_ref().as_str()));
                }
            }
        }
        LanguageLint {
            files: files.to_vec(),
            sets,
            negators,
            near_sets,
        }
    }

    fn run(&self, problems: &mut Problems) {
        for file in &self.files {
            for set in &file.file.set {
                let spec = set.get_ref();
                let mut list = Vec::new();
                self.set_phrases(spec.id.get_ref(), &mut Vec::new(), &mut list);
                if !self.near_sets.contains(spec.id.get_ref().as_str()) {
                    self.shadowed(&list, problems);
                }
                self.all_terms(file, spec.terms(), problems);
            }
            for rule in &file.file.rule {
                let spec = rule.get_ref();
                if spec.near.is_none() {
                    self.inline(file, spec.phrases.as_deref(), problems);
                }
                self.all_terms(file, spec.terms(), problems);
                for (index, matcher) in spec.matchers().into_iter().enumerate() {
                    if let Some(m) = matcher {
                        self.matcher(file, m.get_ref(), index == 0, problems);
                    }
                }
            }
            for topic in &file.file.topic {
                let spec = topic.get_ref();
                self.inline(file, spec.phrases.as_deref(), problems);
                self.all_terms(file, spec.terms(), problems);
            }
        }
    }

    fn matcher(
        &self,
        file: &'f ParsedFile,
        m: &'f MatcherSpec,
        near: bool,
        problems: &mut Problems,
    ) {
        if !near {
            self.inline(file, m.phrases.as_deref(), problems);
        }
        self.all_terms(file, m.terms(), problems);
        if let Some(closing) = &m.closing {
            self.matcher(file, closing.get_ref(), false, problems);
        }
    }

    /// The phrases of a set and the sets it includes (each set once).
    fn set_phrases(&self, id: &str, seen: &mut Vec<String>, out: &mut Vec<Phrase<'f>>) {
        if seen.iter().any(|s| s == id) {
            return;
        }
        seen.push(id.to_string());
        let Some(&(file, spec)) = self.sets.get(id) else {
            return;
        };
        out.extend(phrases(file, spec.phrases.as_deref()));
        for include in &spec.include {
            self.set_phrases(include.get_ref(), seen, out);
        }
    }

    fn inline(&self, file: &'f ParsedFile, list: Option<&'f [S<String>]>, problems: &mut Problems) {
        let list: Vec<Phrase<'f>> = phrases(file, list).collect();
        self.shadowed(&list, problems);
    }

    /// Warns about phrases another phrase of the same list already covers.
    fn shadowed(&self, list: &[Phrase<'f>], problems: &mut Problems) {
        // Only a phrase whose body occurs inside the longer one can cover
        // it: one automaton over the list's bodies finds those candidates,
        // so a list of thousands of phrases is not compared pair by pair.
        let mut bodies: Vec<&str> = list.iter().map(|p| p.body.as_str()).collect();
        bodies.sort_unstable();
        bodies.dedup();
        bodies.retain(|b| !b.is_empty());
        let Ok(automaton) = aho_corasick::AhoCorasick::new(&bodies) else {
            return;
        };
        let mut by_body: Vec<Vec<usize>> = vec![Vec::new(); bodies.len()];
        for (index, phrase) in list.iter().enumerate() {
            if let Ok(at) = bodies.binary_search(&phrase.body.as_str()) {
                by_body[at].push(index);
            }
        }
        let mut candidates: Vec<usize> = Vec::new();
        for longer in list {
            let same = |a: &Phrase<'_>| {
                a.body == longer.body && a.left == longer.left && a.right == longer.right
            };
            candidates.clear();
            for found in automaton.find_overlapping_iter(longer.body.as_str()) {
                candidates.extend(&by_body[found.pattern().as_usize()]);
            }
            candidates.sort_unstable();
            candidates.dedup();
            let shorter = candidates
                .iter()
                .map(|&i| &list[i])
                .find(|a| !std::ptr::eq(*a, longer) && !same(a) && self.covers(a, longer));
            if let Some(shorter) = shorter {
                let place = if std::ptr::eq(shorter.file, longer.file) {
                    format!(
                        "line {}",
                        shorter.file.location(shorter.term.span()).line.unwrap_or(0)
                    )
                } else {
                    shorter.file.location(shorter.term.span()).to_string()
                };
                problems.warn(
                    longer.file,
                    longer.term.span(),
                    Lint::Shadowed,
                    format!(
                        "`{}` adds no match: `{}` ({place}) in the same list matches wherever it does; remove one",
                        longer.term.get_ref().trim(),
                        shorter.term.get_ref().trim()
                    ),
                );
            }
        }
    }

    /// True when every match of `b` contains a match of `a` that no filter
    /// treats differently (see the module docs).
    fn covers(&self, a: &Phrase<'_>, b: &Phrase<'_>) -> bool {
        if a.body.is_empty() || a.body.len() > b.body.len() || a.body.ends_with(['.', '?', '!']) {
            return false;
        }
        let first_is_word = a.body.chars().next().is_some_and(is_word_char);
        let last_is_word = a.body.chars().next_back().is_some_and(is_word_char);
        let mut from = 0;
        while let Some(found) = b.body.get(from..).and_then(|rest| rest.find(&a.body)) {
            let p = from + found;
            let q = p + a.body.len();
            let left_ok = !a.left
                || if p == 0 {
                    b.left || !first_is_word
                } else {
                    starts_at_boundary(&b.body, p)
                };
            let right_ok = !a.right
                || if q == b.body.len() {
                    b.right || !last_is_word
                } else {
                    ends_at_boundary(&b.body, q)
                };
            let before = &b.body[..p];
            let after = &b.body[q..];
            let filters_agree = !before.contains('"')
                && !after.contains(['.', '?', '!'])
                && !before
                    .split(|c: char| !(is_word_char(c) || c == '\'' || c == '-'))
                    .any(|w| self.negators.contains(w));
            if left_ok && right_ok && filters_agree {
                return true;
            }
            from = p + a.body.chars().next().map_or(1, char::len_utf8);
        }
        false
    }

    /// Lints the phrases and patterns of a set, rule, topic or matcher,
    /// then its exceptions.
    fn all_terms(&self, file: &ParsedFile, terms: Terms<'_>, problems: &mut Problems) {
        self.terms(file, terms.phrases, terms.patterns, problems);
        self.terms(file, terms.exceptions, terms.exception_patterns, problems);
    }

    fn terms(
        &self,
        file: &ParsedFile,
        phrases: Option<&[S<String>]>,
        patterns: Option<&[S<String>]>,
        problems: &mut Problems,
    ) {
        for phrase in phrases.unwrap_or(&[]) {
            let raw = phrase.get_ref().trim();
            if raw.starts_with("* ") || raw.ends_with(" *") {
                let joined = raw.replace("* ", "*").replace(" *", "*");
                problems.warn(
                    file,
                    phrase.span(),
                    Lint::WildcardSpace,
                    format!(
                        "`{raw}` is read as `{joined}`: `*` extends the word it touches (it also matches inside longer words); for \"any next word\" use a pattern"
                    ),
                );
            }
            if let Some(syntax) = regex_syntax_in(raw) {
                problems.warn(
                    file,
                    phrase.span(),
                    Lint::RegexInPhrase,
                    format!(
                        "phrase `{raw}` contains regex syntax (`{syntax}`), but phrases are literal text; move it to `patterns`"
                    ),
                );
            }
        }
        for pattern in patterns.unwrap_or(&[]) {
            if let Some(what) = unmatchable(pattern.get_ref()) {
                problems.warn(
                    file,
                    pattern.span(),
                    Lint::Unmatchable,
                    format!("pattern can never match: every match needs {what}, which normalised text never contains"),
                );
            }
        }
    }
}

fn phrases<'f>(
    file: &'f ParsedFile,
    list: Option<&'f [S<String>]>,
) -> impl Iterator<Item = Phrase<'f>> + 'f {
    list.unwrap_or(&[]).iter().filter_map(move |term| {
        let raw = term.get_ref().trim();
        let left = !raw.starts_with('*');
        let right = !raw.ends_with('*');
        let body = normalize(raw.trim_matches('*'));
        (!body.is_empty() && !body.contains('*')).then_some(Phrase {
            file,
            term,
            body,
            left,
            right,
        })
    })
}

/// The first piece of regex syntax in a phrase, if any.
fn regex_syntax_in(phrase: &str) -> Option<&'static str> {
    const SYNTAX: [&str; 14] = [
        "\\b", "\\w", "\\s", "\\d", "\\W", "\\S", "\\D", "(?", ".*", ".+", ")?", "|", "[", "]",
    ];
    SYNTAX.into_iter().find(|s| phrase.contains(s))
}

/// What makes a pattern unable to match normalised text, if anything.
fn unmatchable(pattern: &str) -> Option<String> {
    let folded = fold_pattern(pattern);
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&folded)
        .ok()?;
    impossible(&hir)
}

fn describe(ch: char) -> String {
    match ch {
        '\t' => "a tab".into(),
        '\n' | '\r' => "a line break".into(),
        '\u{A0}' => "a non-breaking space".into(),
        _ => format!("U+{:04X}", ch as u32),
    }
}

/// Why no normalised text can match `hir`, if that is so.
fn impossible(hir: &Hir) -> Option<String> {
    match hir.kind() {
        HirKind::Literal(literal) => {
            let text = String::from_utf8_lossy(&literal.0);
            if text.contains("  ") {
                return Some("two spaces in a row".into());
            }
            text.chars().find(|&c| never_in_normalized(c)).map(describe)
        }
        HirKind::Class(Class::Unicode(class)) => {
            let all_impossible = class.ranges().iter().all(|r| {
                (r.end() as u32 - r.start() as u32) < 64
                    && (r.start()..=r.end()).all(never_in_normalized)
            });
            all_impossible
                .then(|| class.ranges().first().map(|r| describe(r.start())))
                .flatten()
        }
        HirKind::Class(Class::Bytes(_)) | HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Repetition(rep) if rep.min > 0 => impossible(&rep.sub),
        HirKind::Repetition(_) => None,
        HirKind::Capture(capture) => impossible(&capture.sub),
        HirKind::Concat(parts) => parts.iter().find_map(impossible),
        HirKind::Alternation(branches) => {
            let reasons: Vec<String> = branches.iter().filter_map(impossible).collect();
            (reasons.len() == branches.len())
                .then(|| reasons.into_iter().next())
                .flatten()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_patterns() {
        assert_eq!(
            unmatchable("naar  de rechter").as_deref(),
            Some("two spaces in a row")
        );
        assert_eq!(unmatchable("naar\tde").as_deref(), Some("a tab"));
        assert_eq!(
            unmatchable("zoals\u{a0}ik").as_deref(),
            Some("a non-breaking space")
        );
        assert!(unmatchable("naar de (kanton)?rechter").is_none());
        assert!(
            unmatchable("naar(\t| )de").is_none(),
            "one branch can match"
        );
        assert!(unmatchable("naar\\s+de").is_none());
        assert!(unmatchable("(?:\t)?rechter").is_none());
        assert!(unmatchable("Geïrriteerd").is_none());
    }

    #[test]
    fn regex_syntax_in_phrases() {
        assert_eq!(regex_syntax_in("\\bzoals ik al zei"), Some("\\b"));
        assert_eq!(regex_syntax_in("naar de (kanton)?rechter"), Some(")?"));
        assert_eq!(regex_syntax_in("zoals ik al zei"), None);
        assert_eq!(regex_syntax_in("don't"), None);
    }
}
