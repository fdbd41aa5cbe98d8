//! An external sort of conversation records, with bounded memory.
//!
//! Workers finish conversations in any order; everything downstream wants
//! them sorted by conversation id, once each. Records are buffered up to a
//! memory budget, then sorted and spilled to a temporary file as a run; at the
//! end the runs are merged. Inputs that fit the budget never touch the disk.
//!
//! Merging is also where the order does its other jobs:
//!
//! * a conversation reassembled in a second read of a file (`pass` 1)
//!   replaces the partial one streamed in the first read (`pass` 0);
//! * the same id in two files keeps the first file's conversation and turns
//!   the others into skips with [`SkipReason::DuplicateId`].

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::model::SkipReason;
use crate::record::{ConversationRecord, Outcome};

/// Collects records and yields them sorted and deduplicated.
pub struct RecordSorter {
    buffer: Vec<ConversationRecord>,
    buffered_bytes: usize,
    budget: usize,
    /// Spilled runs with their sequence numbers (kept in that order, so the
    /// merge breaks ties the same way whichever worker wrote a run first).
    runs: Vec<(usize, File)>,
    next_run: usize,
    spill_dir: Option<tempfile::TempDir>,
}

/// A full buffer to be written as a sorted run.
pub struct Spill {
    records: Vec<ConversationRecord>,
    path: PathBuf,
    sequence: usize,
}

/// A run on disk, ready for [`RecordSorter::add_run`].
pub struct SpilledRun {
    file: File,
    sequence: usize,
}

fn sort_records(records: &mut [ConversationRecord]) {
    records.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

impl Spill {
    /// Sorts the records and writes them to a temporary file.
    pub fn write(mut self) -> Result<SpilledRun> {
        sort_records(&mut self.records);
        let path = self.path;
        let file = File::options()
            .create_new(true)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        let mut writer = BufWriter::with_capacity(1 << 20, file);
        for record in &self.records {
            serde_json::to_writer(&mut writer, record)
                .map_err(|e| Error::io(&path, std::io::Error::other(e)))?;
            writer.write_all(b"\n").map_err(|e| Error::io(&path, e))?;
        }
        let mut file = writer
            .into_inner()
            .map_err(|e| Error::io(&path, e.into_error()))?;
        use std::io::Seek;
        file.rewind().map_err(|e| Error::io(&path, e))?;
        Ok(SpilledRun {
            file,
            sequence: self.sequence,
        })
    }
}

impl RecordSorter {
    /// `budget`: bytes of records kept in memory before spilling a run.
    pub fn new(budget: usize) -> Self {
        RecordSorter {
            buffer: Vec::new(),
            buffered_bytes: 0,
            budget: budget.max(1),
            runs: Vec::new(),
            next_run: 0,
            spill_dir: None,
        }
    }

    pub fn push(&mut self, record: ConversationRecord) -> Result<()> {
        if let Some(spill) = self.push_deferred(record)? {
            let run = spill.write()?;
            self.add_run(run);
        }
        Ok(())
    }

    /// Adds a record; when the buffer reaches the budget, hands it back as a
    /// [`Spill`] for the caller to write, outside any lock it holds, and to
    /// return with [`RecordSorter::add_run`]. Workers sharing a sorter so
    /// keep analysing while one of them writes a run.
    pub fn push_deferred(&mut self, record: ConversationRecord) -> Result<Option<Spill>> {
        self.buffered_bytes += record.approx_bytes();
        self.buffer.push(record);
        if self.buffered_bytes < self.budget {
            return Ok(None);
        }
        self.take_spill().map(Some)
    }

    fn take_spill(&mut self) -> Result<Spill> {
        if self.spill_dir.is_none() {
            self.spill_dir =
                Some(tempfile::tempdir().map_err(|e| Error::io("temporary directory", e))?);
        }
        let dir = self
            .spill_dir
            .as_ref()
            .map_or_else(std::env::temp_dir, |d| d.path().to_path_buf());
        let sequence = self.next_run;
        self.next_run += 1;
        self.buffered_bytes = 0;
        Ok(Spill {
            records: std::mem::take(&mut self.buffer),
            path: dir.join(format!("run-{sequence}.jsonl")),
            sequence,
        })
    }

    /// Files a run written by [`Spill::write`].
    pub fn add_run(&mut self, run: SpilledRun) {
        let at = self.runs.partition_point(|(s, _)| *s < run.sequence);
        self.runs.insert(at, (run.sequence, run.file));
    }

    /// Number of runs spilled to disk so far.
    pub fn spilled_runs(&self) -> usize {
        self.runs.len()
    }

    fn sort_buffer(&mut self) {
        sort_records(&mut self.buffer);
    }

    fn spill(&mut self) -> Result<()> {
        let run = self.take_spill()?.write()?;
        self.add_run(run);
        Ok(())
    }

    /// Sorts what is left and returns the merged, deduplicated stream.
    /// `file_names[i]` names input file `i` in duplicate-id details.
    pub fn finish(mut self, file_names: Vec<String>) -> Result<Sorted> {
        let source = if self.runs.is_empty() {
            self.sort_buffer();
            Source::Memory(std::mem::take(&mut self.buffer).into_iter())
        } else {
            if !self.buffer.is_empty() {
                self.spill()?;
            }
            let mut merge = Merge {
                readers: self
                    .runs
                    .drain(..)
                    .map(|(_, f)| BufReader::with_capacity(1 << 20, f))
                    .collect(),
                heap: BinaryHeap::new(),
                line: String::new(),
            };
            for run in 0..merge.readers.len() {
                merge.refill(run)?;
            }
            Source::Runs(merge)
        };
        Ok(Sorted {
            source,
            pending: None,
            group: Vec::new(),
            out: Vec::new(),
            file_names,
            _spill_dir: self.spill_dir,
        })
    }
}

struct HeapEntry {
    record: ConversationRecord,
    run: usize,
}

impl PartialEq for HeapEntry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for HeapEntry {}
impl PartialOrd for HeapEntry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for HeapEntry {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.record.sort_key(), self.run).cmp(&(other.record.sort_key(), other.run))
    }
}

struct Merge {
    readers: Vec<BufReader<File>>,
    heap: BinaryHeap<Reverse<HeapEntry>>,
    line: String,
}

impl Merge {
    fn refill(&mut self, run: usize) -> Result<()> {
        self.line.clear();
        let read = self.readers[run]
            .read_line(&mut self.line)
            .map_err(|e| Error::io("sort run", e))?;
        if read > 0 {
            let record: ConversationRecord = serde_json::from_str(&self.line)
                .map_err(|e| Error::io("sort run", std::io::Error::other(e)))?;
            self.heap.push(Reverse(HeapEntry { record, run }));
        }
        Ok(())
    }

    fn next(&mut self) -> Result<Option<ConversationRecord>> {
        let Some(Reverse(entry)) = self.heap.pop() else {
            return Ok(None);
        };
        self.refill(entry.run)?;
        Ok(Some(entry.record))
    }
}

enum Source {
    Memory(std::vec::IntoIter<ConversationRecord>),
    Runs(Merge),
}

impl Source {
    fn next(&mut self) -> Result<Option<ConversationRecord>> {
        match self {
            Source::Memory(iter) => Ok(iter.next()),
            Source::Runs(merge) => merge.next(),
        }
    }
}

/// Sorted, deduplicated records.
pub struct Sorted {
    source: Source,
    pending: Option<ConversationRecord>,
    group: Vec<ConversationRecord>,
    out: Vec<ConversationRecord>,
    file_names: Vec<String>,
    _spill_dir: Option<tempfile::TempDir>,
}

impl Sorted {
    /// The next record in sort order, without the per-id resolution of
    /// [`Sorted::next_record`]: every record pushed comes out, duplicates
    /// included. For streams of fragments (one finding per record) that the
    /// caller joins itself. Do not mix with `next_record` on one stream.
    pub fn next_unmerged(&mut self) -> Result<Option<ConversationRecord>> {
        self.source.next()
    }

    /// The next record, or `None` at the end.
    pub fn next_record(&mut self) -> Result<Option<ConversationRecord>> {
        loop {
            if let Some(record) = self.out.pop() {
                return Ok(Some(record));
            }
            let first = match self.pending.take() {
                Some(r) => r,
                None => match self.source.next()? {
                    Some(r) => r,
                    None => return Ok(None),
                },
            };
            if first.id.is_none() {
                return Ok(Some(first));
            }
            self.group.clear();
            self.group.push(first);
            while let Some(next) = self.source.next()? {
                if next.id == self.group[0].id {
                    self.group.push(next);
                } else {
                    self.pending = Some(next);
                    break;
                }
            }
            self.resolve_group();
        }
    }

    /// Keeps one record per id: within a file the highest pass, across files
    /// the first file; the others become duplicate-id skips.
    fn resolve_group(&mut self) {
        let mut group = std::mem::take(&mut self.group);
        // Sorted by (file, pass, line): the last record of each file is its
        // highest pass.
        let mut kept: Vec<ConversationRecord> = Vec::new();
        for record in group.drain(..) {
            match kept.last_mut() {
                Some(last)
                    if last.origin.file == record.origin.file
                        && record.origin.pass > last.origin.pass =>
                {
                    *last = record;
                }
                _ => kept.push(record),
            }
        }
        let mut kept = kept.into_iter();
        let Some(winner) = kept.next() else {
            return;
        };
        let winner_file = self
            .file_names
            .get(winner.origin.file as usize)
            .cloned()
            .unwrap_or_else(|| format!("input #{}", winner.origin.file));
        let mut result = vec![winner];
        for mut duplicate in kept {
            let detail = format!(
                "line {}: conversation id already read from {winner_file}",
                duplicate.origin.line
            );
            duplicate.outcome = Outcome::Skipped {
                reason: SkipReason::DuplicateId,
                detail,
            };
            result.push(duplicate);
        }
        result.reverse();
        self.out = result;
        self.group = group;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;
    use crate::record::Analysis;

    fn record(id: &str, file: u32, pass: u8, turns: u32) -> ConversationRecord {
        ConversationRecord {
            id: Some(id.to_string()),
            origin: Origin {
                file,
                line: 1,
                pass,
            },
            outcome: Outcome::Analysed(Box::new(Analysis {
                turns,
                ..Analysis::default()
            })),
        }
    }

    fn drain(mut sorted: Sorted) -> Vec<(String, u32, Option<u32>)> {
        let mut out = Vec::new();
        while let Some(r) = sorted.next_record().unwrap() {
            out.push((
                r.id.clone().unwrap_or_default(),
                r.origin.file,
                r.analysis().map(|a| a.turns),
            ));
        }
        out
    }

    #[test]
    fn sorts_in_memory_and_through_spilled_runs_alike() {
        for budget in [usize::MAX, 1, 2000] {
            let mut sorter = RecordSorter::new(budget);
            for id in ["c", "a", "d", "b"] {
                sorter.push(record(id, 0, 0, 1)).unwrap();
            }
            let ids: Vec<String> = drain(sorter.finish(vec![]).unwrap())
                .into_iter()
                .map(|r| r.0)
                .collect();
            assert_eq!(ids, ["a", "b", "c", "d"], "budget {budget}");
        }
    }

    #[test]
    fn runs_written_outside_the_sorter_merge_whatever_order_they_come_back_in() {
        let mut sorter = RecordSorter::new(1);
        let mut spills = Vec::new();
        for id in ["e", "c", "a", "d", "b"] {
            spills.extend(sorter.push_deferred(record(id, 0, 0, 1)).unwrap());
        }
        assert_eq!(spills.len(), 5);
        // Written by different workers, finished in reverse order.
        for spill in spills.into_iter().rev() {
            let run = spill.write().unwrap();
            sorter.add_run(run);
        }
        assert_eq!(sorter.spilled_runs(), 5);
        let ids: Vec<String> = drain(sorter.finish(vec![]).unwrap())
            .into_iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn reassembled_conversation_replaces_the_partial_one() {
        let mut sorter = RecordSorter::new(1);
        sorter.push(record("a", 0, 0, 2)).unwrap();
        sorter.push(record("b", 0, 0, 1)).unwrap();
        sorter.push(record("a", 0, 1, 5)).unwrap();
        let out = drain(sorter.finish(vec!["x.csv".into()]).unwrap());
        assert_eq!(
            out,
            vec![("a".into(), 0, Some(5)), ("b".into(), 0, Some(1))]
        );
    }

    #[test]
    fn same_id_in_two_files_keeps_the_first_and_skips_the_rest() {
        let mut sorter = RecordSorter::new(usize::MAX);
        sorter.push(record("a", 1, 0, 3)).unwrap();
        sorter.push(record("a", 0, 0, 2)).unwrap();
        let mut sorted = sorter
            .finish(vec!["one.csv".into(), "two.csv".into()])
            .unwrap();
        let first = sorted.next_record().unwrap().unwrap();
        assert_eq!(
            (first.origin.file, first.analysis().map(|a| a.turns)),
            (0, Some(2))
        );
        let second = sorted.next_record().unwrap().unwrap();
        match second.outcome {
            Outcome::Skipped { reason, detail } => {
                assert_eq!(reason, SkipReason::DuplicateId);
                assert!(detail.contains("one.csv"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        assert!(sorted.next_record().unwrap().is_none());
    }
}
