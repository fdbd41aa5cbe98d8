//! The batch pipeline: read → analyse in parallel → sort.
//!
//! One thread reads the input files in order and cuts the stream of
//! conversations into batches; a rayon pool analyses batches as they come,
//! each worker with its own [`Scratch`]; results go into the
//! [`RecordSorter`]. The caller then folds the sorted records into whatever
//! output it wants. Memory stays bounded: the channel between reader and
//! workers holds a few batches, and the sorter spills beyond its budget.
//!
//! With one thread everything runs on the calling thread, which is what
//! `--threads 1` promises.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::sync_channel;

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::engine::{AnalysisOptions, Scratch, analyze};
use crate::error::{Error, Location, Result};
use crate::input::{self, ByteCounter, InputConfig, InputFile, ReaderStats};
use crate::lexicon::Lexicons;
use crate::model::ReadItem;
use crate::record::{ConversationRecord, Outcome};
use crate::sorter::{RecordSorter, Sorted};

/// Conversations per batch, and text bytes that close a batch early.
const BATCH_CONVERSATIONS: usize = 256;
const BATCH_BYTES: usize = 512 * 1024;

/// How to run an analysis: resolved configuration, no clap types.
#[derive(Clone, Debug)]
pub struct RunConfig {
    pub input: InputConfig,
    pub analysis: AnalysisOptions,
    /// Worker threads; 1 runs everything on the calling thread.
    pub threads: usize,
    /// Bytes of records the sorter keeps in memory before spilling.
    pub sort_budget: usize,
    /// Every skip is an error.
    pub strict: bool,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            input: InputConfig::default(),
            analysis: AnalysisOptions::default(),
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            sort_budget: 96 * 1024 * 1024,
            strict: false,
        }
    }
}

/// What was read from one file.
#[derive(Clone, Debug)]
pub struct FileAccount {
    pub path: PathBuf,
    pub stats: ReaderStats,
}

/// Live counters a progress display can poll from another thread.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    /// Bytes read from the current and previous files.
    pub bytes: ByteCounter,
    /// Conversations read so far.
    pub conversations: ByteCounter,
}

/// The outcome of reading and analysing all inputs.
pub struct RunOutput {
    pub files: Vec<FileAccount>,
    /// Analysed and skipped conversations, sorted by id, one record each.
    pub records: Sorted,
}

impl RunOutput {
    pub fn grouped(&self) -> bool {
        self.files.iter().all(|f| f.stats.grouped)
    }

    pub fn reassembled(&self) -> u64 {
        self.files.iter().map(|f| f.stats.reassembled).sum()
    }
}

/// Reads and analyses `inputs` (files or directories).
pub fn run(
    inputs: &[PathBuf],
    lexicons: &Lexicons,
    config: &RunConfig,
    progress: &Progress,
) -> Result<RunOutput> {
    let files = input::walk::walk(inputs)?;
    run_files(&files, lexicons, config, progress)
}

/// Reads and analyses an explicit list of files.
pub fn run_files(
    files: &[InputFile],
    lexicons: &Lexicons,
    config: &RunConfig,
    progress: &Progress,
) -> Result<RunOutput> {
    let sorter = Mutex::new(RecordSorter::new(config.sort_budget));
    let analyse_batch = |batch: Vec<ReadItem>, scratch: &mut Scratch| -> Result<()> {
        let records: Vec<ConversationRecord> = batch
            .into_iter()
            .map(|item| match item {
                ReadItem::Conversation(c) => analyze(&c, lexicons, &config.analysis, scratch),
                ReadItem::Skipped(s) => ConversationRecord {
                    id: s.id,
                    origin: s.origin,
                    outcome: Outcome::Skipped {
                        reason: s.reason,
                        detail: s.detail,
                    },
                },
            })
            .collect();
        let mut sorter = sorter
            .lock()
            .map_err(|_| Error::usage("an analysis worker failed"))?;
        for record in records {
            sorter.push(record)?;
        }
        Ok(())
    };

    let accounts = if config.threads <= 1 {
        let mut scratch = Scratch::default();
        read_files(files, config, progress, |batch| {
            analyse_batch(batch, &mut scratch)
        })?
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads)
            .build()
            .map_err(|e| Error::usage(format!("cannot start {} threads: {e}", config.threads)))?;
        let (sender, receiver) = sync_channel::<Vec<ReadItem>>(config.threads * 2);
        std::thread::scope(|scope| {
            let reader = scope.spawn(move || {
                read_files(files, config, progress, |batch| {
                    sender
                        .send(batch)
                        .map_err(|_| Error::usage("analysis stopped"))
                })
            });
            let analysed = pool.install(|| {
                receiver
                    .into_iter()
                    .par_bridge()
                    .try_for_each_init(Scratch::default, |scratch, batch| {
                        analyse_batch(batch, scratch)
                    })
            });
            let read = reader
                .join()
                .unwrap_or_else(|_| Err(Error::usage("the reader thread failed")));
            // A worker error is the cause when both fail: the reader only
            // stops because the workers did.
            analysed?;
            read
        })?
    };
    let names = files.iter().map(|f| f.path.display().to_string()).collect();
    let sorter = sorter
        .into_inner()
        .map_err(|_| Error::usage("an analysis worker failed"))?;
    Ok(RunOutput {
        files: accounts,
        records: sorter.finish(names)?,
    })
}

/// Reads every file in order, handing batches to `emit`.
fn read_files(
    files: &[InputFile],
    config: &RunConfig,
    progress: &Progress,
    mut emit: impl FnMut(Vec<ReadItem>) -> Result<()>,
) -> Result<Vec<FileAccount>> {
    let mut accounts = Vec::with_capacity(files.len());
    let mut bytes_before = 0u64;
    for file in files {
        let mut reader = input::open(file, &config.input)?;
        let counter = reader.byte_counter();
        let mut batch = Vec::with_capacity(BATCH_CONVERSATIONS);
        let mut batch_bytes = 0usize;
        while let Some(item) = reader.next_item()? {
            match &item {
                ReadItem::Conversation(c) => batch_bytes += c.text.len(),
                ReadItem::Skipped(skip) if config.strict => {
                    return Err(Error::input(
                        Location::line(&file.path, skip.origin.line),
                        format!(
                            "conversation {} cannot be analysed ({}): {} (--strict turns skips into errors)",
                            skip.id.as_deref().unwrap_or("?"),
                            skip.reason,
                            skip.detail
                        ),
                    ));
                }
                ReadItem::Skipped(_) => {}
            }
            batch.push(item);
            progress.conversations.add(1);
            progress.bytes.set(bytes_before + counter.get());
            if batch.len() >= BATCH_CONVERSATIONS || batch_bytes >= BATCH_BYTES {
                emit(std::mem::replace(
                    &mut batch,
                    Vec::with_capacity(BATCH_CONVERSATIONS),
                ))?;
                batch_bytes = 0;
            }
        }
        if !batch.is_empty() {
            emit(batch)?;
        }
        let stats = reader.stats();
        bytes_before += stats.bytes;
        progress.bytes.set(bytes_before);
        accounts.push(FileAccount {
            path: file.path.clone(),
            stats,
        });
    }
    Ok(accounts)
}
