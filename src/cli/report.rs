//! `convoscan report`: analyse exports (or read analysis files back), then
//! fold the sorted records into the report, the findings file, the
//! conversations file and the warnings, in one pass.

use std::path::Path;
use std::sync::Arc;

use convoscan::error::{Error, Result};
use convoscan::lexicon::LexiconChoice;
use convoscan::model::Severity;
use convoscan::record::FindingLine;
use convoscan::report::render::{self, Format};
use convoscan::report::{ReportBuilder, ReportOptions};
use convoscan::text::terminal::escaped;
use convoscan::tidy::{ConversationLine, RunLine};

use super::args::ReportArgs;
use super::config;
use super::output::Output;
use super::records::{Records, skip_check};
use super::warnings::Warnings;

/// Exit status of a successful run.
pub enum Status {
    Ok,
    /// A finding reached `--fail-on`.
    FindingsAtThreshold,
}

fn is_stdout(path: Option<&Path>) -> bool {
    path.is_some_and(|p| p.as_os_str() == "-")
}

fn write_json_line(out: &mut Output, value: &impl serde::Serialize) -> Result<()> {
    let name = out.name();
    let writer = out.writer();
    // `io::Error::from` keeps an I/O error's kind, so a closed pipe stays
    // recognisable as one.
    serde_json::to_writer(&mut *writer, value).map_err(|e| Error::io(&name, e.into()))?;
    writer.write_all(b"\n").map_err(|e| Error::io(&name, e))
}

pub fn run(args: &ReportArgs) -> Result<Status> {
    let choice = config::lexicon_choice(&args.input.lexicons);
    let compiled = convoscan::lexicon::load(&choice)?;
    let lexicons = &compiled.lexicons;
    if choice != LexiconChoice::BuiltIn && !compiled.warnings.is_empty() {
        let n = compiled.warnings.len();
        eprintln!(
            "convoscan: {n} lexicon warning{}; run `convoscan lexicon check {}`",
            if n == 1 { "" } else { "s" },
            config::choice_argument(&choice)
        );
    }
    let run_config = config::run_config(&args.input, lexicons)?;
    let format = config::format(args.format);
    let fail_on = args.fail_on.map(config::severity);

    let to_stdout = [
        ("--findings -", is_stdout(args.findings.as_deref())),
        (
            "--conversations -",
            is_stdout(args.conversations.as_deref()),
        ),
        ("--output -", is_stdout(args.output.as_deref())),
    ];
    let claimed: Vec<&str> = to_stdout
        .iter()
        .filter(|(_, s)| *s)
        .map(|(f, _)| *f)
        .collect();
    if claimed.len() > 1 {
        return Err(Error::usage(format!(
            "{} all write to standard output; give all but one of them a file",
            claimed.join(" and ")
        )));
    }
    let stdout_taken =
        is_stdout(args.findings.as_deref()) || is_stdout(args.conversations.as_deref());
    let report_to_stdout = args.output.as_deref().is_none_or(|p| p.as_os_str() == "-");

    let mut records = Records::open(&args.input, args.from_analysis, lexicons, &run_config)?;
    let mut findings = match &args.findings {
        Some(path) => Some(Output::create(Some(path))?),
        None => None,
    };
    let mut conversations = match &args.conversations {
        Some(path) => Some(Output::create(Some(path))?),
        None => None,
    };
    let mut builder = ReportBuilder::new(
        lexicons,
        ReportOptions {
            min_conversations: args.min_conversations,
            top: args.top,
            by_week: args.by_week,
            repeat_window_days: args.repeat_window,
        },
    );
    let (files_read, grouped, reassembled) = records.file_facts();
    builder.set_files(files_read, grouped, reassembled);
    if let Some(out) = conversations.as_mut() {
        write_json_line(out, &RunLine::new(records.run_files()))?;
    }
    let categories: Vec<Arc<str>> = lexicons.categories.iter().map(|c| c.id.clone()).collect();
    let files = records.file_names();
    let mut warnings = Warnings::default();
    records.warnings_before(&mut warnings);
    let mut worst: Option<Severity> = None;
    while let Some(record) = records.next_record()? {
        builder.add(&record);
        skip_check(&files, &record, run_config.strict, &mut warnings)?;
        if let Some(out) = conversations.as_mut() {
            write_json_line(out, &ConversationLine::new(&record, &files, &categories))?;
        }
        if let (Some(analysis), Some(id)) = (record.analysis(), record.id.as_deref()) {
            for finding in &analysis.findings {
                worst = worst.max(Some(finding.severity));
                if let Some(out) = findings.as_mut() {
                    write_json_line(out, &FindingLine::new(id, analysis, finding))?;
                }
            }
        }
    }
    records.warnings_after(&mut warnings);
    if let Some(out) = findings {
        out.finish()?;
    }
    if let Some(out) = conversations {
        out.finish()?;
    }
    let report = builder.finish();
    warnings.print();
    if stdout_taken && report_to_stdout {
        // A data file owns standard output; the accounting still reaches the user.
        eprintln!("{}", escaped(&render::accounting_line(&report.accounting)));
    } else {
        let mut out = Output::create(args.output.as_deref())?;
        let name = out.name();
        render::render(&report, format, out.writer(), &name)?;
        out.finish()?;
        if format != Format::Table && args.output.is_some() {
            eprintln!("{}", escaped(&render::accounting_line(&report.accounting)));
        }
    }
    let reached = matches!((fail_on, worst), (Some(threshold), Some(worst)) if worst >= threshold);
    Ok(if reached {
        Status::FindingsAtThreshold
    } else {
        Status::Ok
    })
}
