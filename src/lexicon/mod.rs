//! Lexicons: rules as data.
//!
//! [`schema`] is the file format, [`load`] finds and parses files (built-in or
//! a user directory), [`compile`] validates them strictly and builds the
//! [`compiled`] form the engine runs: per language one [`scanner`] holding all
//! phrases, plus matchers and rules.

pub(crate) mod categories;
pub mod compile;
pub mod compiled;
pub mod doc;
pub mod lint;
pub mod load;
mod prefilter;
pub(crate) mod rules;
pub mod scanner;
pub mod schema;

use std::path::Path;

pub use compile::{Compiled, Diagnostic};
pub use compiled::Lexicons;
pub use lint::Lint;

use crate::error::{Error, Location, Result};

/// Which lexicons a run uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LexiconChoice {
    /// The built-in lexicons.
    #[default]
    BuiltIn,
    /// Only the user's directory (language data, categories and topics
    /// still come from the built-ins unless the directory defines them).
    Replace(std::path::PathBuf),
    /// The built-ins plus the user's directory.
    Extend(std::path::PathBuf),
}

/// Loads, validates and compiles the chosen lexicons.
///
/// The built-in lexicons' regexes are compiled on first use (the test suite
/// compiles them all); a user's are compiled now, so that a pattern too
/// large to compile is an error before the run, with its location.
pub fn load(choice: &LexiconChoice) -> Result<Compiled> {
    let parsed = load::parse_all(sources(choice)?)?;
    let compiled = compile::compile(&parsed)?;
    let user_files: Vec<&Path> = parsed
        .iter()
        .filter(|p| p.source.provenance == load::Provenance::User)
        .map(|p| p.source.path.as_path())
        .collect();
    if !user_files.is_empty() {
        let errors = pattern_errors_where(&compiled.lexicons, |location| {
            user_files.contains(&location.path.as_path())
        });
        one_or_many(errors)?;
    }
    Ok(compiled)
}

/// Compiles every regex of every language now, reporting all failures.
pub fn compile_all_patterns(lexicons: &Lexicons) -> Result<()> {
    one_or_many(pattern_errors(lexicons))
}

fn one_or_many(mut errors: Vec<Error>) -> Result<()> {
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(Error::LexiconMany(errors)),
    }
}

fn pattern_errors(lexicons: &Lexicons) -> Vec<Error> {
    pattern_errors_where(lexicons, |_| true)
}

/// Compiles the regexes first written at a location `wanted` accepts (the
/// built-in ones are compiled on first use; the test suite checks them).
fn pattern_errors_where(lexicons: &Lexicons, wanted: impl Fn(&Location) -> bool) -> Vec<Error> {
    lexicons
        .languages
        .iter()
        .flat_map(|l| l.scanner.compile_where(&wanted))
        .map(|(location, message)| Error::lexicon(location, message))
        .collect()
}

/// The lexicon files of a choice, built-in ones first.
pub fn sources(choice: &LexiconChoice) -> Result<Vec<load::LexiconSource>> {
    Ok(match choice {
        LexiconChoice::BuiltIn => load::builtin_sources(),
        LexiconChoice::Extend(dir) => {
            let mut sources = load::builtin_sources();
            sources.extend(load::directory_sources(dir)?);
            sources
        }
        LexiconChoice::Replace(dir) => replace_sources(dir)?,
    })
}

/// What `lexicon check` found: every error and warning, and the compiled
/// lexicons when there were no errors.
#[derive(Debug)]
pub struct Checked {
    pub lexicons: Option<Lexicons>,
    /// Lexicon errors, each with its location, sorted.
    pub errors: Vec<Error>,
    pub warnings: Vec<Diagnostic>,
}

/// Validates and lints the chosen lexicons, collecting every problem
/// instead of stopping at the first. Lexicon errors are data here; only
/// problems outside the lexicon files (a missing directory, an unreadable
/// file) are returned as `Err`.
pub fn check(choice: &LexiconChoice) -> Result<Checked> {
    let parsed = sources(choice).and_then(load::parse_all);
    let outcome = match parsed {
        Ok(parsed) => compile::compile_all(&parsed, true),
        Err(err @ (Error::Lexicon { .. } | Error::LexiconMany(_))) => compile::Outcome {
            lexicons: None,
            errors: vec![err],
            warnings: Vec::new(),
        },
        Err(err) => return Err(err),
    };
    let mut errors = Vec::new();
    let pattern_errors = outcome.lexicons.as_ref().map(pattern_errors);
    for error in outcome
        .errors
        .into_iter()
        .chain(pattern_errors.into_iter().flatten())
    {
        match error {
            Error::LexiconMany(many) => errors.extend(many),
            one => errors.push(one),
        }
    }
    errors.sort_by_key(|e| match e {
        Error::Lexicon { location, .. } => Some(location.clone()),
        _ => None,
    });
    let lexicons = if errors.is_empty() {
        outcome.lexicons
    } else {
        None
    };
    Ok(Checked {
        lexicons,
        errors,
        warnings: outcome.warnings,
    })
}

/// The user's files, plus the built-in categories (unless the directory has
/// its own categories.toml), the built-in language data of languages the
/// user does not describe and the built-in topics of languages the user
/// defines no `[[topic]]` for. Topics are reference data rather than rules:
/// a directory of the user's own rules should still get topic assignment.
fn replace_sources(dir: &Path) -> Result<Vec<load::LexiconSource>> {
    let user = load::directory_sources(dir)?;
    let parsed_user = load::parse_all(user.clone())?;
    let described: Vec<String> = parsed_user
        .iter()
        .filter(|p| p.file.language.is_some())
        .filter_map(|p| p.source.language.clone())
        .collect();
    let has_categories = parsed_user.iter().any(|p| !p.file.category.is_empty());
    let with_topics: Vec<String> = parsed_user
        .iter()
        .filter(|p| !p.file.topic.is_empty())
        .filter_map(|p| p.source.language.clone())
        .collect();
    let mut sources: Vec<load::LexiconSource> = load::builtin_sources()
        .into_iter()
        .filter(|s| match &s.language {
            None => !has_categories && s.path.ends_with("categories.toml"),
            Some(code) if s.path.ends_with("language.toml") => !described.contains(code),
            Some(code) => s.path.ends_with("topics.toml") && !with_topics.contains(code),
        })
        .collect();
    sources.extend(user);
    Ok(sources)
}

/// Compiles lexicons from in-memory sources, patterns included; used by
/// tests and `lexicon try`.
pub fn load_sources(sources: Vec<load::LexiconSource>) -> Result<Compiled> {
    let parsed = load::parse_all(sources)?;
    let compiled = compile::compile(&parsed)?;
    compile_all_patterns(&compiled.lexicons)?;
    Ok(compiled)
}
