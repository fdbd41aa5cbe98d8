//! `convoscan lexicon ...`: the analysts' lexicon workflow.

use std::path::{Path, PathBuf};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Table};
use convoscan::error::Result;
use convoscan::lexicon::LexiconChoice;
use convoscan::lextest::{self, Counts, TestReport};

use super::args::{LexiconCommand, LexiconTestArgs};
use super::config;

/// Whether a lexicon command passed.
pub enum Status {
    Passed,
    Failed,
}

pub fn run(command: &LexiconCommand) -> Result<Status> {
    match command {
        LexiconCommand::Test(args) => test(args),
    }
}

/// The fixture directory `lexicon test` uses when none is given.
fn default_fixtures(choice: &LexiconChoice) -> Option<PathBuf> {
    let candidate = match choice {
        LexiconChoice::BuiltIn => PathBuf::from("fixtures/lexicon"),
        LexiconChoice::Replace(dir) | LexiconChoice::Extend(dir) => dir.join("fixtures"),
    };
    candidate.is_dir().then_some(candidate)
}

fn test(args: &LexiconTestArgs) -> Result<Status> {
    let choice = config::lexicon_choice(&args.lexicons);
    let compiled = convoscan::lexicon::load(&choice)?;
    let fixtures = args.fixtures.clone().or_else(|| default_fixtures(&choice));
    let report = lextest::run(&compiled.lexicons, fixtures.as_deref())?;
    print_report(&report, fixtures.as_deref());
    Ok(if report.passed() {
        Status::Passed
    } else {
        Status::Failed
    })
}

fn ratio(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.2}"))
}

fn counts_table(first: &str, rows: &std::collections::BTreeMap<String, Counts>) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED).set_header([
        first,
        "TP",
        "FP",
        "FN",
        "Precision",
        "Recall",
    ]);
    for (name, c) in rows {
        let cells = [
            c.tp.to_string(),
            c.fp.to_string(),
            c.fn_.to_string(),
            ratio(c.precision()),
            ratio(c.recall()),
        ];
        let mut row = vec![Cell::new(name)];
        row.extend(
            cells
                .iter()
                .map(|v| Cell::new(v).set_alignment(CellAlignment::Right)),
        );
        table.add_row(row);
    }
    table
}

fn print_report(report: &TestReport, fixtures: Option<&Path>) {
    println!("Per rule");
    println!("{}", counts_table("Rule", &report.per_rule));
    println!();
    println!("Per category");
    println!("{}", counts_table("Category", &report.per_category));
    println!();
    let fixtures = fixtures.map_or_else(|| "no fixtures".to_string(), |d| d.display().to_string());
    println!(
        "{} rule examples, {} fixture conversations in {} files ({fixtures})",
        report.examples, report.fixture_conversations, report.fixture_files
    );
    if report.passed() {
        println!("lexicon test passed");
    } else {
        for mismatch in &report.mismatches {
            println!("{mismatch}");
        }
        println!(
            "lexicon test failed: {} mismatches",
            report.mismatches.len()
        );
    }
}
