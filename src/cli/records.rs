//! Where a command's records come from: analysing exports, or analysis files
//! written by earlier runs (`--from-analysis`). Either way the command folds
//! the same sorted records.

use convoscan::error::{Error, Result};
use convoscan::input::walk;
use convoscan::lexicon::Lexicons;
use convoscan::pipeline::{self, Progress, RunConfig, RunOutput};
use convoscan::record::{ConversationRecord, Outcome};
use convoscan::tidy::RunFile;
use convoscan::tidy::read::{self, AnalysisInput};

use super::args::InputArgs;
use super::progress::ProgressLine;
use super::warnings::Warnings;

pub enum Records {
    Run(Box<RunOutput>),
    Analysis(Box<AnalysisInput>),
}

impl Records {
    pub fn open(
        input: &InputArgs,
        from_analysis: bool,
        lexicons: &Lexicons,
        config: &RunConfig,
    ) -> Result<Records> {
        if from_analysis {
            let analysis = read::open(&input.inputs, config.sort_budget)?;
            Ok(Records::Analysis(Box::new(analysis)))
        } else {
            let files = walk::walk(&input.inputs)?;
            let progress = Progress::default();
            let line =
                ProgressLine::on_stderr(&progress, walk::total_size(&files), !input.no_progress);
            let run = pipeline::run_files(&files, lexicons, config, &progress);
            line.finish();
            Ok(Records::Run(Box::new(run?)))
        }
    }

    pub fn next_record(&mut self) -> Result<Option<ConversationRecord>> {
        match self {
            Records::Run(run) => run.records.next_record(),
            Records::Analysis(input) => input.next_record(),
        }
    }

    /// Paths of the files records point into (`Origin::file`).
    pub fn file_names(&self) -> Vec<String> {
        match self {
            Records::Run(run) => run
                .files
                .iter()
                .map(|f| f.path.display().to_string())
                .collect(),
            Records::Analysis(input) => input
                .paths
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
        }
    }

    /// The input files of the original run, for the conversations file's run
    /// line.
    pub fn run_files(&self) -> Vec<RunFile> {
        match self {
            Records::Run(run) => run
                .files
                .iter()
                .map(|f| RunFile {
                    path: f.path.display().to_string(),
                    rows: f.stats.rows,
                    grouped: f.stats.grouped,
                    reassembled: f.stats.reassembled,
                })
                .collect(),
            Records::Analysis(input) => input.facts.files.clone(),
        }
    }

    /// Files read, whether all were grouped, conversations reassembled.
    pub fn file_facts(&self) -> (u64, bool, u64) {
        match self {
            Records::Run(run) => (run.files.len() as u64, run.grouped(), run.reassembled()),
            Records::Analysis(input) if input.facts.runs > 0 => (
                input.facts.files_read,
                input.facts.grouped,
                input.facts.reassembled,
            ),
            Records::Analysis(input) => (input.paths.len() as u64, true, 0),
        }
    }

    /// Reader warnings, known before the fold.
    pub fn warnings_before(&self, warnings: &mut Warnings) {
        if let Records::Run(run) = self {
            for file in &run.files {
                for warning in &file.stats.warnings {
                    warnings.push(warning.clone());
                }
            }
        }
    }

    /// Join warnings, known after the fold.
    pub fn warnings_after(&self, warnings: &mut Warnings) {
        if let Records::Analysis(input) = self {
            for warning in input.warnings() {
                warnings.push(warning);
            }
        }
    }
}

/// The warning for a skipped record, or an error under `--strict`.
pub fn skip_check(
    files: &[String],
    record: &ConversationRecord,
    strict: bool,
    warnings: &mut Warnings,
) -> Result<()> {
    let Outcome::Skipped { reason, detail } = &record.outcome else {
        return Ok(());
    };
    let path = files
        .get(record.origin.file as usize)
        .map_or("?", String::as_str);
    let id = record.id.as_deref().unwrap_or("?");
    let line = record.origin.line;
    if strict {
        // Worded like the pipeline's own `--strict` error for reader skips.
        return Err(Error::usage(format!(
            "{path}:{line}: conversation {id} cannot be analysed ({reason}): {detail} (--strict turns skips into errors)"
        )));
    }
    warnings.push(format!(
        "{path}:{line}: conversation {id} skipped ({reason}): {detail}"
    ));
    Ok(())
}
