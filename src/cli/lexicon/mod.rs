//! `convoscan lexicon ...`: the analysts' lexicon workflow. Write a rule,
//! `try` it on a sentence, `check` the directory, `test` it against its
//! examples and fixtures (in CI, with JUnit output, coverage and
//! thresholds), and `list`/`doc` what the lexicons hold.

mod check;
mod reference;
mod test;
mod try_;

use std::path::PathBuf;

use convoscan::error::Result;
use convoscan::lexicon::{Diagnostic, LexiconChoice};

use super::args::LexiconCommand;

/// How a lexicon command ended.
pub enum Status {
    Passed,
    /// A test, gate or (with --deny-warnings) lint failed: exit 1.
    Failed,
    /// The lexicons are invalid; the errors were printed: exit 2.
    Invalid,
}

pub fn run(command: &LexiconCommand) -> Result<Status> {
    match command {
        LexiconCommand::Test(args) => test::run(args),
        LexiconCommand::Try(args) => try_::run(args),
        LexiconCommand::Check(args) => check::run(args),
        LexiconCommand::List(args) => reference::list(args),
        LexiconCommand::Doc(args) => reference::doc(args),
        LexiconCommand::Phrases(args) => reference::phrases(args),
    }
}

/// The fixture directory used when none is given: `fixtures/` inside the
/// user's lexicon directory, or `fixtures/lexicon` for the built-ins.
fn default_fixtures(choice: &LexiconChoice) -> Option<PathBuf> {
    let candidate = match choice {
        LexiconChoice::BuiltIn => PathBuf::from("fixtures/lexicon"),
        LexiconChoice::Replace(dir) | LexiconChoice::Extend(dir) => dir.join("fixtures"),
    };
    candidate.is_dir().then_some(candidate)
}

/// `1 rule`, `2 rules`.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Most lexicon warnings printed one by one before a command's output.
const SHOWN_WARNINGS: usize = 20;

/// Prints lexicon warnings on standard error, the first few in full.
fn print_warnings(warnings: &[Diagnostic], choice: &LexiconChoice) {
    for warning in warnings.iter().take(SHOWN_WARNINGS) {
        eprintln!("{warning}");
    }
    if warnings.len() > SHOWN_WARNINGS {
        eprintln!(
            "... and {} more; run `convoscan lexicon check {}`",
            warnings.len() - SHOWN_WARNINGS,
            super::config::choice_argument(choice)
        );
    }
}
