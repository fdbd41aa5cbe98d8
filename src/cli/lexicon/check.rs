//! `convoscan lexicon check [DIR]`: strict validation plus lints, every
//! problem at once as `file:line:col: error|warning: message`, sorted by
//! place, the form editors and CI annotations link to.
//!
//! Errors make the lexicons unusable: exit 2, like any invalid lexicon.
//! Warnings are advice: exit 0, or 1 with `--deny-warnings` for a CI that
//! wants them fixed.

use convoscan::error::{Error, Location, Result};
use convoscan::lexicon::{self, LexiconChoice, lint};
use convoscan::lextest::{self, gates};

use super::super::args::LexiconCheckArgs;
use super::super::config;
use super::{Status, count, default_fixtures};

pub fn run(args: &LexiconCheckArgs) -> Result<Status> {
    let choice = match &args.dir {
        Some(dir) => config::choice_of(dir),
        None => config::lexicon_choice(&args.lexicons),
    };
    let checked = lexicon::check(&choice)?;
    let mut warnings = checked.warnings;
    let fixtures = args.fixtures.clone().or_else(|| default_fixtures(&choice));
    if let (Some(lexicons), Some(dir)) = (&checked.lexicons, &fixtures) {
        let report = lextest::run(lexicons, Some(dir))?;
        let uncovered = gates::uncovered(&report, lexicons, choice == LexiconChoice::BuiltIn);
        warnings.extend(lint::no_fixture(lexicons, &uncovered));
        warnings.sort();
    }

    let mut lines: Vec<(Option<Location>, u8, String)> = Vec::new();
    for error in &checked.errors {
        match error {
            Error::Lexicon { location, message } => lines.push((
                Some(location.clone()),
                0,
                format!("{location}: error: {message}"),
            )),
            other => lines.push((None, 0, format!("error: {other}"))),
        }
    }
    for warning in &warnings {
        lines.push((Some(warning.location.clone()), 1, warning.to_string()));
    }
    // By place, errors first; warnings at one place keep their lint order.
    lines.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    for (_, _, line) in &lines {
        println!("{line}");
    }

    let errors = checked.errors.len();
    let what = match &choice {
        LexiconChoice::BuiltIn => "the built-in lexicons".to_string(),
        other => config::choice_argument(other),
    };
    let fixtures_note = match &fixtures {
        Some(dir) if checked.lexicons.is_some() => format!(", fixtures {}", dir.display()),
        _ if checked.lexicons.is_some() => ", no fixtures (rule coverage not checked)".to_string(),
        _ => String::new(),
    };
    if let Some(lexicons) = &checked.lexicons {
        let rules: std::collections::BTreeSet<&str> =
            lexicons.rules.iter().map(|r| &*r.id).collect();
        println!(
            "{what}: {}, {}, {}{fixtures_note}",
            count(rules.len(), "rule", "rules"),
            count(errors, "error", "errors"),
            count(warnings.len(), "warning", "warnings")
        );
    } else {
        println!(
            "{what}: {}, {}",
            count(errors, "error", "errors"),
            count(warnings.len(), "warning", "warnings")
        );
    }
    Ok(if errors > 0 {
        Status::Invalid
    } else if args.deny_warnings && !warnings.is_empty() {
        Status::Failed
    } else {
        Status::Passed
    })
}
