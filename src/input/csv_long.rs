//! Long CSV: one row per utterance, rows of a conversation usually together.
//!
//! This is what contact-centre platforms export, in English or Dutch, from
//! Excel (`;`-separated, BOM, CRLF) or from a database (`,`, quoted newlines).
//! The delimiter is taken from the header line (`,`, `;` or tab, whichever
//! occurs most outside quotes). Rows are read as `csv::ByteRecord`s into one
//! reused record; only the fields convoscan needs are checked for UTF-8.
//!
//! What stops the file and what only skips a conversation:
//!
//! * A field that is not valid UTF-8 skips its conversation
//!   ([`SkipReason::InvalidUtf8`], the detail names line and column); the
//!   rest of the file is read. One mangled export row should not cost a week
//!   of analysis.
//! * A row with fewer fields than the header, or with extra fields that are
//!   not empty, is a fatal error naming the line and both counts. Such a row
//!   means the file's structure cannot be trusted (a text with an unquoted
//!   delimiter or line break, or the wrong delimiter); its fields may belong
//!   to other columns or other conversations, so it cannot be pinned on one
//!   conversation and skipped. Extra *empty* fields (a trailing `;`, common
//!   in Excel exports) are accepted.
//! * A row longer than `Limits::max_conversation_bytes` is a fatal error too
//!   (nearly always an unbalanced quote that swallows the rest of the file);
//!   it is detected while reading, before the row is held in memory whole.
//! * A blank conversation id, an unknown speaker, a turn index that is not an
//!   integer, and an offset or timestamp that cannot be parsed are fatal
//!   errors naming the line and value: they mean the columns are mapped
//!   wrongly, which `--column` or `--speaker-map` fix.
//!
//! Conversations are streamed: one is emitted when the id changes. Ids
//! already started in this file are remembered as 64-bit fingerprints (a
//! fixed SipHash, the same in every run). When an id comes back after other
//! ids, the file is not grouped: that segment is not emitted, and after the
//! first pass the file is read a second time collecting only the rows of
//! those split ids, in file order. A reassembled conversation is emitted as
//! soon as its last row (known from the first pass) has been read, so the
//! second pass holds only the split conversations that are still open, not
//! the whole file; it carries `Origin::pass == 1` and supersedes the partial
//! pass-0 item with the same id. A fingerprint collision can only cause an
//! unneeded (and correct) reassembly, because the second pass matches exact
//! ids.
//!
//! Offsets come from an `offset_ms` column, else an `offset_s` column, else
//! from a timestamp column as time since the conversation's first timestamp
//! in file order (clamped at 0); the first timestamp is also
//! `started_at_ms`. A turn column sorts the turns before the conversation is
//! finished.

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

mod raw;
mod records;

use std::sync::Arc;

use csv::ByteRecord;

use self::raw::{Fields, RawRows};
use self::records::RowReader;
pub use self::records::sniff_delimiter;
use super::columns::{ColumnMap, Field};
use super::detect::check_not_blank;
use super::source::{ByteCounter, Reopen, Source};
use super::speaker::{SpeakerResolver, unknown_speaker_message};
use super::time::{parse_offset_ms, parse_offset_seconds, parse_timestamp_ms, seconds_to_ms};
use super::{ConversationReader, Deferred, InputConfig, InputFile, ReaderStats, Unit, fingerprint};
use crate::error::{Error, Location, Result};
use crate::model::{ConversationBuilder, Limits, Origin, ReadItem, SkipReason, Skipped};

/// Hashing for keys that are already hashes.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FingerprintSet = HashSet<u64, BuildHasherDefault<IdentityHasher>>;

/// Reads a long CSV export.
pub struct CsvReader {
    rows: RowReader,
    record: ByteRecord,
    ctx: Arc<RowContext>,
    counter: ByteCounter,
    reopen: Option<Reopen>,
    stats: ReaderStats,
    current_id: Vec<u8>,
    current: Option<RawRows>,
    started: FingerprintSet,
    /// Split ids (exact) and the line of their last row.
    split: HashMap<Vec<u8>, u64>,
    second: Option<SecondPass>,
    done: bool,
}

impl CsvReader {
    /// Opens `file` as long CSV.
    pub fn open(file: &InputFile, config: &InputConfig) -> Result<CsvReader> {
        CsvReader::from_source(file, config, Source::open(&file.path)?)
    }

    /// Reads an already opened source.
    pub fn from_source(
        file: &InputFile,
        config: &InputConfig,
        source: Source,
    ) -> Result<CsvReader> {
        check_not_blank(&source)?;
        let delimiter = sniff_delimiter(source.head());
        let counter = source.counter().clone();
        let (stream, reopen) = source.into_rereadable()?;
        let limits = config.limits;
        let mut rows = RowReader::new(stream, delimiter, limits);
        let mut header = ByteRecord::new();
        let header_line = rows.read(&mut header, &file.path)?.unwrap_or(1);
        let headers: Vec<String> = header
            .iter()
            .map(|h| String::from_utf8_lossy(h).into_owned())
            .collect();
        let columns = ColumnMap::resolve(
            &headers,
            &config.column_overrides,
            &Location::line(&file.path, header_line),
        )?;
        let ctx = RowContext {
            file: file.clone(),
            delimiter,
            header,
            headers,
            columns,
            speakers: SpeakerResolver::with_names(&config.speaker_map, &config.speakers, &[]),
            limits,
        };
        Ok(CsvReader {
            rows,
            record: ByteRecord::new(),
            ctx: Arc::new(ctx),
            counter,
            reopen: Some(reopen),
            stats: ReaderStats {
                grouped: true,
                ..ReaderStats::default()
            },
            current_id: Vec::new(),
            current: None,
            started: FingerprintSet::default(),
            split: HashMap::new(),
            second: None,
            done: false,
        })
    }

    /// Hands a conversation's rows over for interpretation wherever the
    /// unit is resolved.
    fn defer(&self, rows: RawRows) -> Unit {
        let ctx = Arc::clone(&self.ctx);
        Unit::Rows(Deferred::new(move || ctx.build(rows)))
    }

    fn next_first_pass(&mut self) -> Result<Option<Unit>> {
        loop {
            let Some(line) = self.rows.read(&mut self.record, &self.ctx.file.path)? else {
                return Ok(self.current.take().map(|rows| self.defer(rows)));
            };
            self.stats.rows += 1;
            let record = &self.record;
            self.ctx.check_width(record, line)?;
            let id = self.ctx.id(record, line)?;
            if id == self.current_id.as_slice() {
                match &mut self.current {
                    Some(rows) => self.ctx.keep(rows, record, line),
                    None => {
                        if let Some(last) = self.split.get_mut(id) {
                            *last = line;
                        }
                    }
                }
                continue;
            }
            let finished = self.current.take();
            self.current_id.clear();
            self.current_id.extend_from_slice(id);
            if self.started.insert(fingerprint(id)) {
                let mut rows = RawRows::new(id, self.ctx.origin(line, 0));
                self.ctx.keep(&mut rows, record, line);
                self.current = Some(rows);
            } else {
                self.stats.grouped = false;
                self.split.insert(id.to_vec(), line);
            }
            if let Some(rows) = finished {
                return Ok(Some(self.defer(rows)));
            }
        }
    }

    fn start_second_pass(&mut self) -> Result<()> {
        let Some(reopen) = self.reopen.take() else {
            return Ok(());
        };
        if self.split.is_empty() {
            return Ok(());
        }
        let stream = reopen.open()?;
        let mut rows = RowReader::new(stream, self.ctx.delimiter, self.ctx.limits);
        let mut header = ByteRecord::new();
        let has_header = rows.read(&mut header, &self.ctx.file.path)?.is_some();
        if !has_header || header.as_slice() != self.ctx.header.as_slice() {
            return Err(Error::input(
                Location::line(&self.ctx.file.path, 1),
                "the file changed while it was being read",
            ));
        }
        self.second = Some(SecondPass {
            rows,
            record: ByteRecord::new(),
            split: std::mem::take(&mut self.split),
            open: HashMap::new(),
            leftover: None,
        });
        Ok(())
    }
}

impl ConversationReader for CsvReader {
    fn next_item(&mut self) -> Result<Option<ReadItem>> {
        self.next_unit()?.map(Unit::resolve).transpose()
    }

    fn next_unit(&mut self) -> Result<Option<Unit>> {
        if self.done {
            return Ok(None);
        }
        if self.second.is_none() {
            if let Some(unit) = self.next_first_pass()? {
                return Ok(Some(unit));
            }
            self.start_second_pass()?;
        }
        let rows = match &mut self.second {
            Some(second) => second.next(&self.ctx)?,
            None => None,
        };
        match rows {
            Some(rows) => {
                self.stats.reassembled += 1;
                Ok(Some(self.defer(rows)))
            }
            None => {
                self.done = true;
                Ok(None)
            }
        }
    }

    fn stats(&self) -> ReaderStats {
        ReaderStats {
            bytes: self.counter.get(),
            ..self.stats.clone()
        }
    }

    fn byte_counter(&self) -> ByteCounter {
        self.counter.clone()
    }
}

/// The second read of a file that was not grouped by conversation.
struct SecondPass {
    rows: RowReader,
    record: ByteRecord,
    /// Split ids still to be completed, with the line of their last row.
    split: HashMap<Vec<u8>, u64>,
    open: HashMap<Vec<u8>, RawRows>,
    /// What is still open at the end (only if the file changed in between).
    leftover: Option<VecDeque<RawRows>>,
}

impl SecondPass {
    fn next(&mut self, ctx: &RowContext) -> Result<Option<RawRows>> {
        loop {
            if let Some(leftover) = &mut self.leftover {
                return Ok(leftover.pop_front());
            }
            let line = match self.split.is_empty() {
                true => None,
                false => self.rows.read(&mut self.record, &ctx.file.path)?,
            };
            let Some(line) = line else {
                let mut left: Vec<RawRows> = self.open.drain().map(|(_, rows)| rows).collect();
                left.sort_by_key(|rows| rows.origin.line);
                self.leftover = Some(left.into());
                continue;
            };
            let record = &self.record;
            ctx.check_width(record, line)?;
            let id = ctx.id(record, line)?;
            let Some(&last_line) = self.split.get(id) else {
                continue;
            };
            if !self.open.contains_key(id) {
                self.open
                    .insert(id.to_vec(), RawRows::new(id, ctx.origin(line, 1)));
            }
            if let Some(rows) = self.open.get_mut(id) {
                ctx.keep(rows, record, line);
            }
            if line >= last_line {
                self.split.remove(id);
                if let Some(rows) = self.open.remove(id) {
                    return Ok(Some(rows));
                }
            }
        }
    }
}

/// A conversation being read.
struct Pending {
    builder: ConversationBuilder,
    /// Why the conversation must be skipped as invalid UTF-8, once known.
    invalid: Option<String>,
    turn_keys: Vec<i64>,
    first_timestamp: Option<i64>,
}

impl Pending {
    fn new(id: &[u8], origin: Origin, ctx: &RowContext) -> Pending {
        let (id, invalid) = match std::str::from_utf8(id) {
            Ok(id) => (id.to_string(), None),
            Err(_) => (
                String::from_utf8_lossy(id).into_owned(),
                Some(ctx.invalid_detail(origin.line, Field::ConversationId)),
            ),
        };
        Pending {
            builder: ConversationBuilder::new(id, origin, ctx.limits),
            invalid,
            turn_keys: Vec::new(),
            first_timestamp: None,
        }
    }

    fn finish(mut self, ctx: &RowContext) -> ReadItem {
        if let Some(detail) = self.invalid {
            return ReadItem::Skipped(Skipped {
                id: Some(self.builder.id().to_string()),
                origin: self.builder.origin(),
                reason: SkipReason::InvalidUtf8,
                detail,
            });
        }
        if ctx.columns.get(Field::Turn).is_some() {
            self.builder.sort_turns_by_key(&self.turn_keys);
        }
        match self.builder.finish() {
            Ok(conversation) => ReadItem::Conversation(conversation),
            Err(skipped) => ReadItem::Skipped(skipped),
        }
    }
}

/// What every row needs: the file's columns and how to interpret them.
struct RowContext {
    file: InputFile,
    delimiter: u8,
    header: ByteRecord,
    headers: Vec<String>,
    columns: ColumnMap,
    /// Cloned for each conversation, so its label cache needs no locking.
    speakers: SpeakerResolver,
    limits: Limits,
}

/// A field that is present but not valid UTF-8.
struct NotUtf8;

impl RowContext {
    /// Stores a row of a conversation; a conversation beyond the size limit
    /// stops storing rows and is skipped as too large when built.
    fn keep(&self, rows: &mut RawRows, record: &ByteRecord, line: u64) {
        if rows.too_large {
            return;
        }
        if rows.bytes() + record.as_slice().len() > self.limits.max_conversation_bytes
            || !rows.push(record, line)
        {
            rows.too_large = true;
        }
    }

    /// Interprets a conversation's rows: the work deferred to a worker.
    fn build(&self, rows: RawRows) -> Result<ReadItem> {
        if rows.too_large {
            let id = String::from_utf8_lossy(&rows.id).into_owned();
            return Ok(ReadItem::Skipped(Skipped {
                id: Some(id),
                origin: rows.origin,
                reason: SkipReason::TooLarge,
                detail: format!(
                    "more than {} bytes of rows",
                    self.limits.max_conversation_bytes
                ),
            }));
        }
        let mut pending = Pending::new(&rows.id, rows.origin, self);
        let mut speakers = self.speakers.clone();
        for (row, line) in rows.rows() {
            self.apply(&mut pending, &row, line, &mut speakers)?;
        }
        Ok(pending.finish(self))
    }

    fn origin(&self, line: u64, pass: u8) -> Origin {
        Origin {
            file: self.file.index,
            line,
            pass,
        }
    }

    fn at(&self, line: u64) -> Location {
        Location::line(&self.file.path, line)
    }

    fn header_name(&self, field: Field) -> &str {
        self.columns
            .get(field)
            .and_then(|i| self.headers.get(i))
            .map_or(field.name(), String::as_str)
    }

    fn invalid_detail(&self, line: u64, field: Field) -> String {
        format!(
            "line {line}, column \"{}\": not valid UTF-8",
            self.header_name(field)
        )
    }

    fn check_width(&self, record: &ByteRecord, line: u64) -> Result<()> {
        let expected = self.header.len();
        let found = record.len();
        if found == expected
            || (found > expected && record.iter().skip(expected).all(<[u8]>::is_empty))
        {
            return Ok(());
        }
        Err(Error::input(
            self.at(line),
            format!(
                "this row has {found} fields but the header has {expected}; a text containing the delimiter ({}) or a line break must be in double quotes",
                delimiter_name(self.delimiter)
            ),
        ))
    }

    /// The trimmed conversation id of a row; blank is an error.
    fn id<'r>(&self, record: &'r ByteRecord, line: u64) -> Result<&'r [u8]> {
        let column = self.columns.required(Field::ConversationId);
        let id = record.get(column).unwrap_or_default().trim_ascii();
        if id.is_empty() {
            return Err(Error::input(
                self.at(line),
                format!(
                    "empty conversation id (column \"{}\")",
                    self.header_name(Field::ConversationId)
                ),
            ));
        }
        Ok(id)
    }

    /// Field `field` of the record as text. `whole` is the record's field
    /// bytes when they were valid UTF-8 as a whole (checked once per row);
    /// a field is then sliced out of it, which also checks that its bounds
    /// are character boundaries. Otherwise the field is checked on its own.
    fn get<'r, R: Fields>(
        &self,
        record: &'r R,
        whole: Option<&'r str>,
        field: Field,
    ) -> std::result::Result<Option<&'r str>, NotUtf8> {
        let Some(index) = self.columns.get(field) else {
            return Ok(None);
        };
        if let (Some(whole), Some(range)) = (whole, record.range(index)) {
            return whole.get(range).map(Some).ok_or(NotUtf8);
        }
        let Some(bytes) = record.get(index) else {
            return Ok(None);
        };
        std::str::from_utf8(bytes).map(Some).map_err(|_| NotUtf8)
    }

    /// Adds one row to its conversation.
    fn apply(
        &self,
        pending: &mut Pending,
        record: &impl Fields,
        line: u64,
        speakers: &mut SpeakerResolver,
    ) -> Result<()> {
        if pending.invalid.is_some() {
            return Ok(());
        }
        match self.read_row(pending, record, line, speakers)? {
            Ok(()) => Ok(()),
            Err(field) => {
                pending.invalid = Some(self.invalid_detail(line, field));
                Ok(())
            }
        }
    }

    /// Outer error: fatal. Inner error: the field that is not UTF-8.
    fn read_row(
        &self,
        pending: &mut Pending,
        record: &impl Fields,
        line: u64,
        speakers: &mut SpeakerResolver,
    ) -> Result<std::result::Result<(), Field>> {
        let whole = std::str::from_utf8(record.as_slice()).ok();
        macro_rules! field {
            ($field:expr) => {
                match self.get(record, whole, $field) {
                    Ok(value) => value.map(str::trim).unwrap_or_default(),
                    Err(NotUtf8) => return Ok(Err($field)),
                }
            };
        }
        let label = field!(Field::Speaker);
        let text = field!(Field::Text);
        let agent = field!(Field::Agent);
        let customer = field!(Field::Customer);
        let channel = field!(Field::Channel);
        let topic = field!(Field::Topic);
        let language = field!(Field::Language);
        let timestamp = field!(Field::Timestamp);
        let offset_ms = field!(Field::OffsetMs);
        let offset_s = field!(Field::OffsetSeconds);
        let turn = field!(Field::Turn);

        let Some(speaker) = speakers.resolve(label) else {
            return Err(Error::input(self.at(line), unknown_speaker_message(label)));
        };
        let timestamp = match timestamp {
            "" => None,
            value => Some(parse_timestamp_ms(value).ok_or_else(|| {
                self.bad_value(
                    line,
                    Field::Timestamp,
                    value,
                    "a date-time such as 2024-05-01T09:30:00Z or 01-05-2024 09:30",
                )
            })?),
        };
        let offset = if !offset_ms.is_empty() {
            Some(parse_offset_ms(offset_ms).ok_or_else(|| {
                self.bad_value(
                    line,
                    Field::OffsetMs,
                    offset_ms,
                    "a whole number of milliseconds",
                )
            })?)
        } else if !offset_s.is_empty() {
            Some(
                parse_offset_seconds(offset_s)
                    .and_then(seconds_to_ms)
                    .ok_or_else(|| {
                        self.bad_value(
                            line,
                            Field::OffsetSeconds,
                            offset_s,
                            "seconds such as 12.5, 12,5, 01:02 or 00:01:02.500",
                        )
                    })?,
            )
        } else {
            None
        };
        if self.columns.get(Field::Turn).is_some() {
            let key = turn
                .parse::<i64>()
                .map_err(|_| self.bad_value(line, Field::Turn, turn, "an integer turn number"))?;
            pending.turn_keys.push(key);
        }
        let offset = match (offset, timestamp) {
            (Some(offset), _) => Some(offset),
            (None, Some(ts)) => {
                let first = *pending.first_timestamp.get_or_insert(ts);
                Some(u64::try_from(ts.saturating_sub(first)).unwrap_or(0))
            }
            (None, None) => None,
        };
        if let Some(ts) = timestamp {
            pending.first_timestamp.get_or_insert(ts);
            pending.builder.started_at_ms(ts);
        }
        let builder = &mut pending.builder;
        builder.agent(agent);
        builder.customer_id(customer);
        builder.channel(channel);
        builder.topic(topic);
        builder.language(language);
        builder.push_turn(speaker, text, offset, line);
        Ok(Ok(()))
    }

    fn bad_value(&self, line: u64, field: Field, value: &str, expected: &str) -> Error {
        Error::input(
            self.at(line),
            format!(
                "cannot read \"{value}\" in column \"{}\" as {} (expected {expected}); if this column means something else, map the right one with --column {}=HEADER",
                self.header_name(field),
                field.name(),
                field.name()
            ),
        )
    }
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "';'",
        b'\t' => "tab",
        _ => "','",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(b"c1"), fingerprint(b"c1"));
        assert_ne!(fingerprint(b"c1"), fingerprint(b"c2"));
        let mut set = FingerprintSet::default();
        assert!(set.insert(fingerprint(b"c1")));
        assert!(!set.insert(fingerprint(b"c1")));
    }
}
