//! `convoscan explain`: one conversation's transcript with its findings.

use std::io::{IsTerminal, Write};

use convoscan::engine::{Scratch, analyze};
use convoscan::error::{Error, Result};
use convoscan::explain::{self, ExplainOptions, Lookup};
use convoscan::input::walk::{total_size, walk};
use convoscan::pipeline::Progress;

use super::args::{ColorArg, ExplainArgs};
use super::config;
use super::progress::ProgressLine;

pub fn run(args: &ExplainArgs) -> Result<()> {
    let compiled = config::load_lexicons(&args.input.lexicons)?;
    let lexicons = &compiled.lexicons;
    let run_config = config::run_config(&args.input, lexicons)?;
    let files = walk(&args.input.inputs)?;
    let wanted = &args.conversation;
    let progress = Progress::default();
    let line = ProgressLine::on_stderr(&progress, total_size(&files), !args.input.no_progress);
    let lookup = explain::find(&files, wanted, &run_config.input, &progress);
    line.finish();
    let (conversation, duplicates) = match lookup? {
        Lookup::Found {
            conversation,
            duplicates,
            ..
        } => (conversation, duplicates),
        Lookup::Skipped { reason, detail } => {
            return Err(Error::usage(format!(
                "conversation `{wanted}` was read but not analysed ({reason}): {detail}"
            )));
        }
        Lookup::Missing { similar, read } => {
            let hint = if similar.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", similar.join(", "))
            };
            return Err(Error::usage(format!(
                "no conversation `{wanted}` in {read} conversations read{hint}"
            )));
        }
    };
    let record = analyze(
        &conversation,
        lexicons,
        &run_config.analysis,
        &mut Scratch::default(),
    );
    let Some(analysis) = record.analysis() else {
        return Err(Error::usage(format!(
            "conversation `{wanted}` could not be analysed"
        )));
    };
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = explain::render(
        &conversation,
        analysis,
        ExplainOptions {
            color,
            redact: run_config.analysis.redact,
        },
    );
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::io("standard output", e))?;
    if duplicates > 0 {
        eprintln!(
            "warning: conversation `{wanted}` also appears in {duplicates} later file(s); shown as first read, as a report counts it"
        );
    }
    Ok(())
}
