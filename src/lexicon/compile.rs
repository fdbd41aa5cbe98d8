//! Validation and compilation of parsed lexicon files into [`Lexicons`].
//!
//! Validation is strict, in the spirit of Vale and typos: a field that does
//! not belong to a rule's type, an unknown category, a set that does not
//! exist, a duplicate id, an empty phrase or a bad regex is an error pointing
//! at `file:line:col`. All errors are collected, so one run shows every
//! problem. Things that are legal but probably unintended (a duplicate phrase,
//! a regex without a literal prefilter, an unused set) are warnings, shown by
//! `lexicon check`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use crate::error::{Error, Location, Result};
use crate::lexicon::categories::compile_categories;
use crate::lexicon::compiled::*;
use crate::lexicon::lint::{self, Lint};
use crate::lexicon::load::{ParsedFile, Provenance};
use crate::lexicon::rules::RuleCompiler;
use crate::lexicon::scanner::{ListId, ScannerBuilder, TermNote};
use crate::lexicon::schema::{LanguageSpec, LexiconFile, MatcherSpec, S, SetSpec, Terms};
use crate::model::Speaker;
use crate::text::lang::LanguageDetector;
use crate::text::normalize;

/// A warning about a lexicon: legal, but probably not what was meant.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub location: Location,
    pub lint: Lint,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: warning: {} [{}]",
            self.location, self.message, self.lint
        )
    }
}

/// Compiled lexicons and the warnings found on the way.
#[derive(Debug)]
pub struct Compiled {
    pub lexicons: Lexicons,
    pub warnings: Vec<Diagnostic>,
}

/// Errors and warnings collected while compiling.
#[derive(Default)]
pub(crate) struct Problems {
    pub errors: Vec<Error>,
    pub warnings: Vec<Diagnostic>,
}

impl Problems {
    pub fn error(&mut self, file: &ParsedFile, span: Range<usize>, message: impl Into<String>) {
        self.errors
            .push(Error::lexicon(file.location(span), message.into()));
    }

    pub fn warn(
        &mut self,
        file: &ParsedFile,
        span: Range<usize>,
        lint: Lint,
        message: impl Into<String>,
    ) {
        self.warnings.push(Diagnostic {
            location: file.location(span),
            lint,
            message: message.into(),
        });
    }
}

/// Everything compiling found: the lexicons when there were no errors, and
/// all errors and warnings either way (`lexicon check` shows both).
#[derive(Debug)]
pub struct Outcome {
    pub lexicons: Option<Lexicons>,
    pub errors: Vec<Error>,
    pub warnings: Vec<Diagnostic>,
}

/// Compiles parsed files (built-in first, then user files) into lexicons.
///
/// Lint warnings are looked for only when a user's file is among `files`:
/// the built-in lexicons are kept free of them by the test suite, and
/// linting them would double the start-up of every run.
pub fn compile(files: &[ParsedFile]) -> Result<Compiled> {
    let lint = files
        .iter()
        .any(|f| f.source.provenance == crate::lexicon::load::Provenance::User);
    let mut outcome = compile_all(files, lint);
    match outcome.lexicons {
        Some(lexicons) if outcome.errors.is_empty() => Ok(Compiled {
            lexicons,
            warnings: outcome.warnings,
        }),
        _ => Err(match outcome.errors.len() {
            1 => outcome.errors.remove(0),
            _ => Error::LexiconMany(outcome.errors),
        }),
    }
}

/// Compiles (and with `lint`, lints), collecting every error and warning.
pub fn compile_all(files: &[ParsedFile], lint: bool) -> Outcome {
    let mut problems = Problems::default();
    let categories = compile_categories(files, &mut problems);
    let disabled = collect_disabled(files);
    let mut languages_seen: Vec<String> = Vec::new();
    for file in files {
        if let Some(code) = &file.source.language
            && !languages_seen.contains(code)
        {
            languages_seen.push(code.clone());
        }
    }

    let mut shared = Shared {
        categories,
        rules: Vec::new(),
        measures: Vec::new(),
        topics: Vec::new(),
        disabled_used: HashSet::new(),
    };
    let mut languages = Vec::new();
    for code in &languages_seen {
        let lang_files: Vec<&ParsedFile> = files
            .iter()
            .filter(|f| f.source.language.as_deref() == Some(code))
            .collect();
        if let Some(language) =
            compile_language(code, &lang_files, &disabled, &mut shared, &mut problems)
        {
            languages.push(language);
        }
    }
    for (id, (file, span)) in &disabled {
        if !shared.disabled_used.contains(id) {
            problems.error(
                &files[*file],
                span.clone(),
                format!("`disable` names rule `{id}`, which no lexicon defines"),
            );
        }
    }
    if lint {
        lint::lint_files(files, &languages, &mut problems);
    }
    // A phrase in a set that other sets include is linted once per list;
    // one warning per place and lint is enough.
    problems.warnings.sort();
    problems
        .warnings
        .dedup_by(|a, b| a.location == b.location && a.lint == b.lint);
    let lexicons = problems.errors.is_empty().then(|| {
        let detector = LanguageDetector::new(
            &languages
                .iter()
                .map(|l: &Language| l.stopwords.clone())
                .collect::<Vec<_>>(),
        );
        Lexicons {
            categories: shared.categories,
            rules: shared.rules,
            languages,
            measures: shared.measures,
            topics: shared.topics,
            detector,
        }
    });
    Outcome {
        lexicons,
        errors: problems.errors,
        warnings: problems.warnings,
    }
}

/// State shared by all languages of a compilation.
pub(crate) struct Shared {
    pub categories: Vec<Category>,
    pub rules: Vec<RuleInfo>,
    pub measures: Vec<Arc<str>>,
    pub topics: Vec<TopicInfo>,
    pub disabled_used: HashSet<String>,
}

impl Shared {
    pub fn measure(&mut self, name: &str) -> usize {
        match self.measures.iter().position(|m| &**m == name) {
            Some(i) => i,
            None => {
                self.measures.push(name.into());
                self.measures.len() - 1
            }
        }
    }
}

fn collect_disabled(files: &[ParsedFile]) -> BTreeMap<String, (usize, Range<usize>)> {
    let mut disabled = BTreeMap::new();
    for (index, file) in files.iter().enumerate() {
        for id in &file.file.disable {
            disabled
                .entry(id.get_ref().clone())
                .or_insert((index, id.span()));
        }
    }
    disabled
}

pub(crate) fn is_identifier(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'-')
        })
}

/// Per-language compilation state.
pub(crate) struct LanguageCompiler<'f> {
    pub code: String,
    pub builder: ScannerBuilder,
    pub matchers: Vec<Matcher>,
    pub negation_window: u32,
    sets: HashMap<String, (&'f ParsedFile, &'f SetSpec)>,
    set_lists: HashMap<String, (ListId, Option<ListId>)>,
    pub sets_used: HashSet<String>,
}

/// Filters as written on a set or matcher, before defaults are applied.
#[derive(Clone, Copy, Default)]
pub(crate) struct FilterSpec {
    pub exception_scope: Option<ExceptionScope>,
    pub negation: Option<bool>,
    pub negation_window: Option<u32>,
    pub skip_quoted: Option<bool>,
    pub question: Option<QuestionFilter>,
}

impl<'f> LanguageCompiler<'f> {
    /// Adds the phrases and patterns of `terms` to `list`.
    fn add_terms(
        &mut self,
        file: &ParsedFile,
        terms: Terms<'_>,
        list: ListId,
        problems: &mut Problems,
    ) {
        for phrase in terms.phrases.unwrap_or(&[]) {
            self.add_one(file, phrase, list, false, problems);
        }
        for pattern in terms.patterns.unwrap_or(&[]) {
            self.add_one(file, pattern, list, true, problems);
        }
    }

    /// Adds the exceptions of `terms` to `*list`, creating it on first use.
    fn add_exceptions(
        &mut self,
        file: &ParsedFile,
        terms: Terms<'_>,
        list: &mut Option<ListId>,
        problems: &mut Problems,
    ) {
        let exceptions = terms
            .exceptions
            .unwrap_or(&[])
            .iter()
            .map(|t| (t, false))
            .chain(
                terms
                    .exception_patterns
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| (t, true)),
            );
        for (term, is_pattern) in exceptions {
            let target = *list.get_or_insert_with(|| self.builder.new_list());
            self.add_one(file, term, target, is_pattern, problems);
        }
    }

    fn add_one(
        &mut self,
        file: &ParsedFile,
        term: &S<String>,
        list: ListId,
        is_pattern: bool,
        problems: &mut Problems,
    ) {
        let result = if is_pattern {
            self.builder
                .add_pattern(list, term.get_ref(), file.location(term.span()))
        } else {
            self.builder.add_phrase(list, term.get_ref())
        };
        match result {
            Ok(TermNote::None) => {}
            Ok(TermNote::Duplicate) => problems.warn(
                file,
                term.span(),
                Lint::Duplicate,
                format!("duplicate: `{}` is already in this list", term.get_ref()),
            ),
            Ok(TermNote::Unfiltered) => problems.warn(
                file,
                term.span(),
                Lint::Unfiltered,
                "pattern has no literal text to prefilter on, so it runs on every turn",
            ),
            Err(message) => problems.error(file, term.span(), message),
        }
    }

    /// Walks a set and the sets it includes (depth first, each once per
    /// path), calling `visit` with each set's file and spec.
    fn walk_set(
        &mut self,
        id: &str,
        stack: &mut Vec<String>,
        problems: &mut Problems,
        visit: &mut dyn FnMut(&mut Self, &'f ParsedFile, &'f SetSpec, &mut Problems),
    ) {
        let Some(&(file, spec)) = self.sets.get(id) else {
            return;
        };
        stack.push(id.to_string());
        visit(self, file, spec, problems);
        for include in &spec.include {
            let name = include.get_ref();
            if stack.contains(name) {
                problems.error(
                    file,
                    include.span(),
                    format!("set `{id}` includes `{name}`, which includes it back"),
                );
            } else if !self.sets.contains_key(name) {
                problems.error(file, include.span(), format!("unknown set `{name}`"));
            } else {
                self.sets_used.insert(name.clone());
                self.walk_set(name, stack, problems, visit);
            }
        }
        stack.pop();
    }

    /// The phrase list (and exception list) of a named set, compiling it and
    /// its includes on first use.
    fn set_lists(
        &mut self,
        file: &ParsedFile,
        reference: &S<String>,
        problems: &mut Problems,
    ) -> Option<(ListId, Option<ListId>, FilterSpec)> {
        let id = reference.get_ref();
        let Some(&(set_file, spec)) = self.sets.get(id) else {
            problems.error(
                file,
                reference.span(),
                format!("unknown set `{id}` in language `{}`", self.code),
            );
            return None;
        };
        self.sets_used.insert(id.clone());
        let filters = filters_of(set_file, spec.terms(), problems);
        if let Some(&(list, exceptions)) = self.set_lists.get(id) {
            return Some((list, exceptions, filters));
        }
        let list = self.builder.new_list();
        let mut exceptions = None;
        let mut terms = 0;
        self.walk_set(
            id,
            &mut Vec::new(),
            problems,
            &mut |this, file, spec, problems| {
                let own = spec.terms();
                terms += own.phrases.map_or(0, <[_]>::len) + own.patterns.map_or(0, <[_]>::len);
                this.add_terms(file, own, list, problems);
                this.add_exceptions(file, own, &mut exceptions, problems);
            },
        );
        if terms == 0 {
            problems.error(
                file,
                reference.span(),
                format!(
                    "set `{id}` has no phrases or patterns (nor do the sets it includes), so this can never match"
                ),
            );
        }
        self.set_lists.insert(id.clone(), (list, exceptions));
        Some((list, exceptions, filters))
    }

    /// Creates a matcher from a set reference or inline terms. Exceptions
    /// written on a matcher that uses a set add to the set's own exceptions,
    /// for this matcher only.
    pub fn matcher(
        &mut self,
        file: &ParsedFile,
        place: Range<usize>,
        set: Option<&S<String>>,
        terms: Terms<'_>,
        speaker: Option<Speaker>,
        problems: &mut Problems,
    ) -> Option<u32> {
        let has_inline = terms.phrases.is_some() || terms.patterns.is_some();
        let has_exceptions = terms.exceptions.is_some() || terms.exception_patterns.is_some();
        let own_filters = filters_of(file, terms, problems);
        let (list, exceptions, set_filters) = match (set, has_inline) {
            (Some(set), true) => {
                problems.error(
                    file,
                    set.span(),
                    "use either `set` or `phrases`/`patterns`, not both",
                );
                return None;
            }
            (Some(set), false) => {
                let (list, set_exceptions, filters) = self.set_lists(file, set, problems)?;
                let exceptions = if has_exceptions {
                    let mut combined = None;
                    self.walk_set(
                        set.get_ref(),
                        &mut Vec::new(),
                        problems,
                        &mut |this, f, spec, p| {
                            this.add_exceptions(f, spec.terms(), &mut combined, p);
                        },
                    );
                    self.add_exceptions(file, terms, &mut combined, problems);
                    combined
                } else {
                    set_exceptions
                };
                (list, exceptions, filters)
            }
            (None, true)
                if terms.phrases.unwrap_or_default().is_empty()
                    && terms.patterns.unwrap_or_default().is_empty() =>
            {
                problems.error(
                    file,
                    place,
                    "`phrases` and `patterns` are empty, so this can never match; add a phrase or remove it",
                );
                return None;
            }
            (None, true) => {
                let list = self.builder.new_list();
                self.add_terms(file, terms, list, problems);
                let mut exceptions = None;
                self.add_exceptions(file, terms, &mut exceptions, problems);
                (list, exceptions, FilterSpec::default())
            }
            (None, false) => {
                problems.error(file, place, "needs `phrases`, `patterns` or `set`");
                return None;
            }
        };
        let negation = own_filters
            .negation
            .or(set_filters.negation)
            .unwrap_or(true);
        let window = own_filters
            .negation_window
            .or(set_filters.negation_window)
            .unwrap_or(self.negation_window);
        self.matchers.push(Matcher {
            list,
            exceptions,
            exception_scope: own_filters
                .exception_scope
                .or(set_filters.exception_scope)
                .unwrap_or_default(),
            negation_window: negation.then_some(window),
            skip_quoted: own_filters
                .skip_quoted
                .or(set_filters.skip_quoted)
                .unwrap_or(false),
            question: own_filters.question.or(set_filters.question),
            speaker,
        });
        Some(self.matchers.len() as u32 - 1)
    }
}

fn filters_of(file: &ParsedFile, terms: Terms<'_>, problems: &mut Problems) -> FilterSpec {
    let question = terms.question.and_then(|q| match q.get_ref().as_str() {
        "only" => Some(QuestionFilter::Only),
        "never" => Some(QuestionFilter::Never),
        other => {
            problems.error(
                file,
                q.span(),
                format!("question must be \"only\" or \"never\", not \"{other}\""),
            );
            None
        }
    });
    let exception_scope = terms
        .exception_scope
        .and_then(|scope| match scope.get_ref().as_str() {
            "overlap" => Some(ExceptionScope::Overlap),
            "sentence" => Some(ExceptionScope::Sentence),
            other => {
                problems.error(
                    file,
                    scope.span(),
                    format!("exception_scope must be \"overlap\" or \"sentence\", not \"{other}\""),
                );
                None
            }
        });
    if let Some(window) = terms.negation_window
        && !(1..=10).contains(window.get_ref())
    {
        problems.error(
            file,
            window.span(),
            "negation_window must be between 1 and 10",
        );
    }
    FilterSpec {
        exception_scope,
        negation: terms.negation.map(|v| *v.get_ref()),
        negation_window: terms.negation_window.map(|v| *v.get_ref()),
        skip_quoted: terms.skip_quoted.map(|v| *v.get_ref()),
        question,
    }
}

/// Every pattern written in `file` (sets, rules with their matchers,
/// topics), to prepare them together before the compiler adds them one by
/// one.
fn file_patterns(file: &LexiconFile) -> impl Iterator<Item = &str> {
    fn of(terms: Terms<'_>) -> impl Iterator<Item = &str> {
        let patterns = terms.patterns.unwrap_or_default().iter();
        let exceptions = terms.exception_patterns.unwrap_or_default().iter();
        patterns.chain(exceptions).map(|p| p.get_ref().as_str())
    }
    fn matcher_terms(matcher: &MatcherSpec) -> Vec<Terms<'_>> {
        let mut terms = vec![matcher.terms()];
        if let Some(closing) = &matcher.closing {
            terms.extend(matcher_terms(closing.get_ref()));
        }
        terms
    }
    let sets = file.set.iter().map(|set| set.get_ref().terms());
    let topics = file.topic.iter().map(|topic| topic.get_ref().terms());
    let rules = file.rule.iter().flat_map(|rule| {
        let rule = rule.get_ref();
        let inner = rule
            .matchers()
            .into_iter()
            .flatten()
            .flat_map(|m| matcher_terms(m.get_ref()));
        std::iter::once(rule.terms()).chain(inner)
    });
    sets.chain(topics).chain(rules).flat_map(of)
}

fn compile_language(
    code: &str,
    files: &[&ParsedFile],
    disabled: &BTreeMap<String, (usize, Range<usize>)>,
    shared: &mut Shared,
    problems: &mut Problems,
) -> Option<Language> {
    let mut spec_found: Option<(&ParsedFile, &LanguageSpec)> = None;
    for file in files {
        if let Some(spec) = &file.file.language {
            if let Some((first, _)) = spec_found {
                let extends = first.source.provenance == Provenance::BuiltIn
                    && file.source.provenance == Provenance::User;
                let message = if extends {
                    format!(
                        "language `{code}` already comes with the built-in lexicons; a directory added to them (+DIR, --extend-lexicons) adds rules only: remove this [language] table, or use --lexicons DIR to replace the built-ins"
                    )
                } else {
                    format!("language `{code}` is described twice; keep one [language] table")
                };
                problems.error(file, spec.span(), message);
            } else {
                spec_found = Some((*file, spec.get_ref()));
            }
        }
    }
    let Some((spec_file, spec)) = spec_found else {
        if let Some(file) = files.first() {
            problems.error(
                file,
                0..0,
                format!("language `{code}` has no [language] table (negators, stopwords); add a language.toml"),
            );
        }
        return None;
    };
    if spec.code.get_ref() != code {
        problems.error(
            spec_file,
            spec.code.span(),
            format!(
                "code `{}` does not match its directory `{code}`",
                spec.code.get_ref()
            ),
        );
    }
    let words = |list: &[S<String>], problems: &mut Problems| -> Vec<String> {
        let mut out = Vec::new();
        for word in list {
            let n = normalize(word.get_ref());
            if n.is_empty() {
                problems.error(spec_file, word.span(), "empty word");
            } else {
                out.push(n);
            }
        }
        out
    };
    let negators: HashSet<String> = words(&spec.negators, problems).into_iter().collect();
    let clause_breakers: HashSet<String> =
        words(&spec.clause_breakers, problems).into_iter().collect();
    let stopwords = words(&spec.stopwords, problems);
    if stopwords.len() < 10 {
        problems.error(
            spec_file,
            spec.code.span(),
            "give at least 10 stopwords so the language can be detected",
        );
    }
    let negation_window = spec.negation_window.as_ref().map_or(3, |w| *w.get_ref());

    let mut compiler = LanguageCompiler {
        code: code.to_string(),
        builder: ScannerBuilder::with_common_words(stopwords.clone()),
        matchers: Vec::new(),
        negation_window,
        sets: HashMap::new(),
        set_lists: HashMap::new(),
        sets_used: HashSet::new(),
    };
    compiler
        .builder
        .prepare_patterns(files.iter().flat_map(|file| file_patterns(&file.file)));
    let mut set_locations: Vec<(&ParsedFile, &S<SetSpec>)> = Vec::new();
    for file in files {
        for set in &file.file.set {
            let id = set.get_ref().id.get_ref();
            if !is_identifier(id) {
                problems.error(
                    file,
                    set.get_ref().id.span(),
                    format!("set id `{id}` must be snake_case"),
                );
            } else if compiler.sets.contains_key(id) {
                problems.error(
                    file,
                    set.get_ref().id.span(),
                    format!("set `{id}` is defined twice in `{code}`"),
                );
            } else {
                compiler.sets.insert(id.clone(), (*file, set.get_ref()));
                set_locations.push((*file, set));
            }
        }
    }

    let mut rules = RuleCompiler::new(code, &mut compiler, shared, problems);
    for file in files {
        for rule in &file.file.rule {
            rules.compile_rule(file, rule, disabled);
        }
        for topic in &file.file.topic {
            rules.compile_topic(file, topic);
        }
    }
    let (compiled_rules, topic_matchers) = rules.finish();

    for (file, set) in set_locations {
        let id = set.get_ref().id.get_ref();
        // A built-in set left unused because the user disabled its rule is
        // not the user's problem (the built-ins are kept lint-clean).
        let disabled_away = file.source.provenance == Provenance::BuiltIn && !disabled.is_empty();
        if !compiler.sets_used.contains(id) && !disabled_away {
            problems.warn(
                file,
                set.get_ref().id.span(),
                Lint::UnusedSet,
                format!("set `{id}` is not used by any rule"),
            );
        }
    }
    let scanner = match compiler.builder.build() {
        Ok(scanner) => scanner,
        Err(message) => {
            problems.error(spec_file, 0..0, message);
            return None;
        }
    };
    Some(Language {
        code: code.into(),
        name: spec.name.get_ref().clone(),
        negators,
        clause_breakers,
        negation_window,
        stopwords,
        scanner,
        matchers: compiler.matchers,
        rules: compiled_rules,
        topic_matchers,
    })
}
