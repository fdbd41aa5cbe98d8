//! `convoscan agent`: one agent's coaching card, with the team's figures
//! from the same run.

use convoscan::error::{Error, Result};
use convoscan::report::card::{self, EvidenceCollector};
use convoscan::report::render;
use convoscan::report::{ReportBuilder, ReportOptions};

use super::args::AgentArgs;
use super::config;
use super::output::Output;
use super::records::{Records, skip_check};
use super::warnings::Warnings;

pub fn run(args: &AgentArgs) -> Result<()> {
    let compiled = config::load_lexicons(&args.input.lexicons)?;
    let lexicons = &compiled.lexicons;
    let run_config = config::run_config(&args.input, lexicons)?;
    let mut records = Records::open(&args.input, args.from_analysis, lexicons, &run_config)?;
    let mut builder = ReportBuilder::new(
        lexicons,
        ReportOptions {
            min_conversations: args.min_conversations,
            top: 0,
            by_week: false,
            repeat_window_days: args.repeat_window,
        },
    );
    let (files_read, grouped, reassembled) = records.file_facts();
    builder.set_files(files_read, grouped, reassembled);
    let mut evidence = EvidenceCollector::new(&args.agent);
    let files = records.file_names();
    let mut warnings = Warnings::default();
    records.warnings_before(&mut warnings);
    while let Some(record) = records.next_record()? {
        builder.add(&record);
        evidence.add(&record);
        skip_check(&files, &record, run_config.strict, &mut warnings)?;
    }
    records.warnings_after(&mut warnings);
    warnings.print();
    let report = builder.finish();
    let Some(card) = card::build(&report, &args.agent, &evidence) else {
        let ids = report.agents.iter().map(|a| a.key.as_str());
        let similar = card::similar_ids(ids, &args.agent);
        let hint = if similar.is_empty() {
            let mut known: Vec<&str> = report.agents.iter().map(|a| a.key.as_str()).collect();
            known.sort_unstable();
            let more = known.len().saturating_sub(10);
            known.truncate(10);
            let mut list = known.join(", ");
            if more > 0 {
                list.push_str(&format!(" and {more} more"));
            }
            format!("agents in this run: {list}")
        } else {
            format!("did you mean {}?", similar.join(", "))
        };
        return Err(Error::usage(format!(
            "no agent `{}` in {} analysed conversations; {hint}",
            args.agent, report.accounting.analysed
        )));
    };
    let mut out = Output::create(args.output.as_deref())?;
    let name = out.name();
    render::render_card(&card, config::format(args.format), out.writer(), &name)?;
    out.finish()
}
