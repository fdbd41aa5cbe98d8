//! `convoscan lexicon test`: examples and fixtures, with the gates a CI job
//! adds (JUnit XML, coverage, minimum precision and recall).

use std::collections::BTreeMap;
use std::path::Path;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Table};
use convoscan::error::{Error, Result};
use convoscan::lexicon::LexiconChoice;
use convoscan::lextest::gates::{self, Threshold, ThresholdCheck, Thresholds};
use convoscan::lextest::{self, Counts, TestReport, junit};

use super::super::args::LexiconTestArgs;
use super::super::config;
use super::super::output::Output;
use super::{Status, count, default_fixtures, print_warnings};

pub fn run(args: &LexiconTestArgs) -> Result<Status> {
    let choice = config::lexicon_choice(&args.lexicons);
    let compiled = convoscan::lexicon::load(&choice)?;
    let lexicons = &compiled.lexicons;
    let thresholds = Thresholds {
        precision: Threshold::parse(&args.min_precision, "--min-precision", lexicons)?,
        recall: Threshold::parse(&args.min_recall, "--min-recall", lexicons)?,
    };
    let fixtures = args.fixtures.clone().or_else(|| default_fixtures(&choice));
    if args.coverage && fixtures.is_none() {
        return Err(Error::usage(
            "--coverage needs annotated fixtures: put them in DIR/fixtures/<lang>/ or pass --fixtures",
        ));
    }
    print_warnings(&compiled.warnings, &choice);
    let report = lextest::run(lexicons, fixtures.as_deref())?;
    let uncovered = if args.coverage {
        gates::uncovered(&report, lexicons, choice == LexiconChoice::BuiltIn)
    } else {
        Vec::new()
    };
    let checks = gates::check_thresholds(&report, &thresholds);
    if let Some(path) = &args.junit {
        let extra = junit::Extra {
            uncovered: &uncovered,
            thresholds: &checks,
        };
        let xml = junit::render(&report, lexicons, &extra);
        let mut out = Output::create(Some(path))?;
        let name = out.name();
        out.writer()
            .write_all(xml.as_bytes())
            .map_err(|e| Error::io(&name, e))?;
        out.finish()?;
    }
    print_report(&report, fixtures.as_deref());
    let gates_passed = print_gates(&uncovered, &checks, args.coverage);
    let passed = report.passed() && gates_passed;
    println!("lexicon test {}", if passed { "passed" } else { "failed" });
    Ok(if passed {
        Status::Passed
    } else {
        Status::Failed
    })
}

fn ratio(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.2}"))
}

fn counts_table(first: &str, rows: &BTreeMap<String, Counts>) -> Table {
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
    let files = match report.fixture_files {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    };
    println!(
        "{} rule examples, {} fixture conversations in {files} ({fixtures})",
        report.examples, report.fixture_conversations
    );
    for mismatch in &report.mismatches {
        println!("{mismatch}");
    }
    if !report.passed() {
        println!(
            "{}",
            count(report.mismatches.len(), "mismatch", "mismatches")
        );
    }
}

/// Prints coverage and threshold results; true when all passed.
fn print_gates(uncovered: &[String], checks: &[ThresholdCheck], coverage: bool) -> bool {
    if coverage {
        if uncovered.is_empty() {
            println!("coverage: every rule fires in the fixtures");
        } else {
            println!(
                "coverage: {} never fired in the fixtures: {}",
                count(uncovered.len(), "rule", "rules"),
                uncovered.join(", ")
            );
        }
    }
    for check in checks {
        let verdict = if check.passed { "ok" } else { "FAILED" };
        println!("threshold {verdict}: {check}");
    }
    uncovered.is_empty() && checks.iter().all(|c| c.passed)
}
