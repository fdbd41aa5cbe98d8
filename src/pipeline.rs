//! The batch pipeline: read → analyse in parallel → sort.
//!
//! The calling thread reads the input files in order and cuts the stream of
//! conversations into batches; worker threads analyse batches as they come,
//! each with its own [`Scratch`]; results go into the [`RecordSorter`]. The caller then folds the sorted records into whatever
//! output it wants. Memory stays bounded: the channel between reader and
//! workers holds a few batches, and the sorter spills beyond its budget.
//!
//! With one thread everything runs on the calling thread, which is what
//! `--threads 1` promises.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::sync_channel;

use crate::engine::{AnalysisOptions, Scratch, analyze};
use crate::error::{Error, Location, Result};
use crate::input::{self, ByteCounter, InputConfig, InputFile, ReaderStats, Unit};
use crate::lexicon::Lexicons;
use crate::model::ReadItem;
use crate::record::{ConversationRecord, Outcome};
use crate::sorter::{RecordSorter, Sorted};

/// Conversations per batch handed to a worker.
const BATCH_CONVERSATIONS: usize = 128;

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
            sort_budget: 64 * 1024 * 1024,
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
    // Resolves (builds) each unit, analyses it, and files the records. A
    // fatal error stops the batch at the unit that caused it.
    let analyse_batch = |batch: Vec<Unit>, scratch: &mut Scratch| -> Result<()> {
        let mut records = Vec::with_capacity(batch.len());
        let mut failure = None;
        for unit in batch {
            let item = match unit.resolve() {
                Ok(item) => item,
                Err(err) => {
                    failure = Some(err);
                    break;
                }
            };
            records.push(match item {
                ReadItem::Conversation(c) => analyze(&c, lexicons, &config.analysis, scratch),
                ReadItem::Skipped(skip) if config.strict => {
                    let path = files
                        .iter()
                        .find(|f| f.index == skip.origin.file)
                        .map_or_else(|| std::path::PathBuf::from("?"), |f| f.path.clone());
                    failure = Some(Error::input(
                        Location::line(path, skip.origin.line),
                        format!(
                            "conversation {} cannot be analysed ({}): {} (--strict turns skips into errors)",
                            skip.id.as_deref().unwrap_or("?"),
                            skip.reason,
                            skip.detail
                        ),
                    ));
                    break;
                }
                ReadItem::Skipped(s) => ConversationRecord {
                    id: s.id,
                    origin: s.origin,
                    outcome: Outcome::Skipped {
                        reason: s.reason,
                        detail: s.detail,
                    },
                },
            });
        }
        // A full buffer is written as a run after the lock is released, so
        // the other workers keep going meanwhile.
        let mut spills = Vec::new();
        {
            let mut sorter = sorter
                .lock()
                .map_err(|_| Error::usage("an analysis worker failed"))?;
            for record in records {
                spills.extend(sorter.push_deferred(record)?);
            }
        }
        for spill in spills {
            let run = spill.write()?;
            sorter
                .lock()
                .map_err(|_| Error::usage("an analysis worker failed"))?
                .add_run(run);
        }
        failure.map_or(Ok(()), Err)
    };

    let accounts = if config.threads <= 1 {
        let mut scratch = Scratch::default();
        read_files(files, config, progress, |batch| {
            analyse_batch(batch, &mut scratch)
        })?
    } else {
        // Plain threads blocking on a shared channel: workers sleep while the
        // reader is behind instead of spinning on the cores it needs. Batches
        // leave the channel in file order and a worker finishes the batch it
        // holds, so when several fail, the earliest error in the input is
        // among those reported, and it is the one returned.
        let (sender, receiver) = sync_channel::<Vec<Unit>>(config.threads * 2);
        let receiver = Mutex::new(receiver);
        let failed = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..config.threads)
                .map(|_| {
                    scope.spawn(|| -> Result<()> {
                        let mut scratch = Scratch::default();
                        loop {
                            if failed.load(std::sync::atomic::Ordering::Relaxed) {
                                return Ok(());
                            }
                            let batch = match receiver.lock() {
                                Ok(receiver) => receiver.recv(),
                                Err(_) => return Err(Error::usage("an analysis worker failed")),
                            };
                            let Ok(batch) = batch else {
                                return Ok(());
                            };
                            if let Err(err) = analyse_batch(batch, &mut scratch) {
                                failed.store(true, std::sync::atomic::Ordering::Relaxed);
                                return Err(err);
                            }
                        }
                    })
                })
                .collect();
            let read = read_files(files, config, progress, |batch| {
                sender
                    .send(batch)
                    .map_err(|_| Error::usage("analysis stopped"))
            });
            drop(sender);
            let mut errors: Vec<Error> = workers
                .into_iter()
                .filter_map(|w| {
                    w.join()
                        .unwrap_or_else(|_| Err(Error::usage("an analysis worker failed")))
                        .err()
                })
                .collect();
            if !errors.is_empty() {
                errors.sort_by_key(|e| error_position(files, e));
                return Err(errors.remove(0));
            }
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

/// Where an error points (file order, then line), for choosing the earliest
/// of several.
fn error_position(files: &[InputFile], error: &Error) -> (usize, u64) {
    let (path, line) = match error {
        Error::Input { location, .. } | Error::Lexicon { location, .. } => {
            (location.path.as_path(), location.line.unwrap_or(0))
        }
        Error::Io { path, .. } => (path.as_path(), 0),
        _ => return (usize::MAX, u64::MAX),
    };
    let index = files
        .iter()
        .position(|f| f.path == path)
        .unwrap_or(usize::MAX);
    (index, line)
}

/// Reads every file in order, handing batches of units to `emit`.
fn read_files(
    files: &[InputFile],
    config: &RunConfig,
    progress: &Progress,
    mut emit: impl FnMut(Vec<Unit>) -> Result<()>,
) -> Result<Vec<FileAccount>> {
    let mut accounts = Vec::with_capacity(files.len());
    let mut bytes_before = 0u64;
    for file in files {
        let mut reader = input::open(file, &config.input)?;
        let counter = reader.byte_counter();
        let mut batch = Vec::with_capacity(BATCH_CONVERSATIONS);
        let mut units = 0usize;
        while let Some(unit) = reader.next_unit()? {
            batch.push(unit);
            units += 1;
            progress.conversations.add(1);
            if batch.len() >= BATCH_CONVERSATIONS || units.is_multiple_of(64) {
                progress.bytes.set(bytes_before + counter.get());
            }
            if batch.len() >= BATCH_CONVERSATIONS {
                emit(std::mem::replace(
                    &mut batch,
                    Vec::with_capacity(BATCH_CONVERSATIONS),
                ))?;
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
