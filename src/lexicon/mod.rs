//! Lexicons: rules as data.
//!
//! [`schema`] is the file format, [`load`] finds and parses files (built-in or
//! a user directory), [`compile`] validates them strictly and builds the
//! [`compiled`] form the engine runs: per language one [`scanner`] holding all
//! phrases, plus matchers and rules.

pub(crate) mod categories;
pub mod compile;
pub mod compiled;
pub mod lint;
pub mod load;
pub(crate) mod rules;
pub mod scanner;
pub mod schema;

use std::path::Path;

pub use compile::{Compiled, Diagnostic};
pub use compiled::Lexicons;
pub use lint::Lint;

use crate::error::Result;

/// Which lexicons a run uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LexiconChoice {
    /// The built-in lexicons.
    #[default]
    BuiltIn,
    /// Only the user's directory (language data and categories still come
    /// from the built-ins unless the directory defines them).
    Replace(std::path::PathBuf),
    /// The built-ins plus the user's directory.
    Extend(std::path::PathBuf),
}

/// Loads, validates and compiles the chosen lexicons.
pub fn load(choice: &LexiconChoice) -> Result<Compiled> {
    let sources = match choice {
        LexiconChoice::BuiltIn => load::builtin_sources(),
        LexiconChoice::Extend(dir) => {
            let mut sources = load::builtin_sources();
            sources.extend(load::directory_sources(dir)?);
            sources
        }
        LexiconChoice::Replace(dir) => replace_sources(dir)?,
    };
    let parsed = load::parse_all(sources)?;
    compile::compile(&parsed)
}

/// The user's files, plus the built-in categories (unless the directory has
/// its own categories.toml) and the built-in language data of languages the
/// user does not describe.
fn replace_sources(dir: &Path) -> Result<Vec<load::LexiconSource>> {
    let user = load::directory_sources(dir)?;
    let parsed_user = load::parse_all(user.clone())?;
    let described: Vec<String> = parsed_user
        .iter()
        .filter(|p| p.file.language.is_some())
        .filter_map(|p| p.source.language.clone())
        .collect();
    let has_categories = parsed_user.iter().any(|p| !p.file.category.is_empty());
    let mut sources: Vec<load::LexiconSource> = load::builtin_sources()
        .into_iter()
        .filter(|s| match &s.language {
            None => !has_categories && s.path.ends_with("categories.toml"),
            Some(code) => s.path.ends_with("language.toml") && !described.contains(code),
        })
        .collect();
    sources.extend(user);
    Ok(sources)
}

/// Compiles lexicons from in-memory sources; used by tests and `lexicon try`.
pub fn load_sources(sources: Vec<load::LexiconSource>) -> Result<Compiled> {
    let parsed = load::parse_all(sources)?;
    compile::compile(&parsed)
}
