//! `convoscan report`: analyse exports, then fold the sorted records into
//! the report, the findings file and the warnings, in one pass.

use std::path::PathBuf;

use convoscan::error::{Error, Result};
use convoscan::lexicon::LexiconChoice;
use convoscan::model::Severity;
use convoscan::pipeline::{self, FileAccount, Progress};
use convoscan::record::{ConversationRecord, FindingLine, Outcome};
use convoscan::report::render::{self, Format};
use convoscan::report::{ReportBuilder, ReportOptions};

use super::args::ReportArgs;
use super::config;
use super::output::Output;
use super::warnings::Warnings;

/// Exit status of a successful run.
pub enum Status {
    Ok,
    /// A finding reached `--fail-on`.
    FindingsAtThreshold,
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

    let findings_to_stdout = args
        .findings
        .as_deref()
        .is_some_and(|p| p.as_os_str() == "-");
    let report_to_stdout = args.output.as_deref().is_none_or(|p| p.as_os_str() == "-");
    if findings_to_stdout && args.output.as_deref().is_some_and(|p| p.as_os_str() == "-") {
        return Err(Error::usage(
            "--findings - and --output - both write to standard output; give one of them a file",
        ));
    }
    let mut findings = match &args.findings {
        Some(path) => Some(Output::create(Some(path))?),
        None => None,
    };

    let progress = Progress::default();
    let mut output = pipeline::run(&args.input.inputs, lexicons, &run_config, &progress)?;
    let mut builder = ReportBuilder::new(
        lexicons,
        ReportOptions {
            min_conversations: args.min_conversations,
            top: args.top,
        },
    );
    builder.set_files(
        output.files.len() as u64,
        output.grouped(),
        output.reassembled(),
    );
    let mut warnings = Warnings::default();
    for file in &output.files {
        for warning in &file.stats.warnings {
            warnings.push(format!("{}: {warning}", file.path.display()));
        }
    }
    let mut worst: Option<Severity> = None;
    while let Some(record) = output.records.next_record()? {
        builder.add(&record);
        if let Outcome::Skipped { reason, detail } = &record.outcome {
            warnings.push(skip_warning(
                &output.files,
                &record,
                reason.as_str(),
                detail,
            ));
            if run_config.strict {
                return Err(Error::usage(format!(
                    "{} (--strict turns skips into errors)",
                    skip_warning(&output.files, &record, reason.as_str(), detail)
                )));
            }
        }
        if let (Some(analysis), Some(id)) = (record.analysis(), record.id.as_deref()) {
            for finding in &analysis.findings {
                worst = worst.max(Some(finding.severity));
                if let Some(out) = findings.as_mut() {
                    let name = out.name();
                    let line = FindingLine::new(id, analysis, finding);
                    let writer = out.writer();
                    serde_json::to_writer(&mut *writer, &line)
                        .map_err(|e| Error::io(&name, std::io::Error::other(e)))?;
                    writer.write_all(b"\n").map_err(|e| Error::io(&name, e))?;
                }
            }
        }
    }
    if let Some(out) = findings {
        out.finish()?;
    }
    let report = builder.finish();
    warnings.print();
    if findings_to_stdout && report_to_stdout {
        // Findings own standard output; the accounting still reaches the user.
        eprintln!("{}", render::accounting_line(&report.accounting));
    } else {
        let mut out = Output::create(args.output.as_deref())?;
        let name = out.name();
        render::render(&report, format, out.writer(), &name)?;
        out.finish()?;
        if format != Format::Table && args.output.is_some() {
            eprintln!("{}", render::accounting_line(&report.accounting));
        }
    }
    let reached = matches!((fail_on, worst), (Some(threshold), Some(worst)) if worst >= threshold);
    Ok(if reached {
        Status::FindingsAtThreshold
    } else {
        Status::Ok
    })
}

fn skip_warning(
    files: &[FileAccount],
    record: &ConversationRecord,
    reason: &str,
    detail: &str,
) -> String {
    let path = files
        .get(record.origin.file as usize)
        .map_or_else(|| PathBuf::from("?"), |f| f.path.clone());
    let id = record.id.as_deref().unwrap_or("?");
    format!(
        "{}:{}: conversation {id} skipped ({reason}): {detail}",
        path.display(),
        record.origin.line
    )
}
