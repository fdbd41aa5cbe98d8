//! convoscan's own JSON Lines format: one whole conversation per line.
//!
//! ```json
//! {"id": "c1", "channel": "chat", "agent": "A1", "customer": "K9", "topic": "billing",
//!  "language": "nl", "started_at": "2024-05-01T09:00:00Z",
//!  "turns": [{"speaker": "customer", "text": "...", "offset": 12.5, "agent": "A2"}]}
//! ```
//!
//! `id`, `turns` and each turn's `speaker` and `text` are required. A turn's
//! time is `offset_ms` (integer), else `offset` (seconds), else `at` (a
//! timestamp, taken relative to `started_at` or else to the first turn's
//! `at`, clamped at 0).
//!
//! Because every line stands alone, a bad line costs only its own
//! conversation: invalid JSON, wrong types, missing required fields and bad
//! values are skips ([`SkipReason::Malformed`], the detail names the line and
//! serde's message), invalid UTF-8 is [`SkipReason::InvalidUtf8`], a line
//! over `Limits::max_conversation_bytes` is [`SkipReason::TooLarge`] and is
//! never held in memory whole, and an id already read earlier in the file is
//! [`SkipReason::DuplicateId`] naming both lines (ids are remembered as
//! 64-bit fingerprints; a collision would be reported as a duplicate, at odds
//! of about one in 10^6 for ten million ids).
//!
//! Two things are fatal instead. A first non-blank line that does not start
//! with `{` means the file is not JSON Lines at all, and reading on would
//! only skip every line. An unknown speaker label means the labels need
//! `--speaker-map`, which holds for the whole file, as in CSV.
//!
//! Unknown fields are ignored, but each distinct name is reported once per
//! file in [`ReaderStats::warnings`], so a typo like `speker` is visible.

mod schema;

use std::collections::{BTreeSet, HashMap};
use std::io::{self, BufRead};

use serde::de::DeserializeSeed;

use self::schema::{ConversationSeed, RawConversation, RawTurn};
use super::detect::check_not_blank;
use super::source::{ByteCounter, Source};
use super::speaker::{SpeakerResolver, unknown_speaker_message};
use super::time::{parse_timestamp_ms, seconds_to_ms};
use super::{ConversationReader, InputConfig, InputFile, ReaderStats, fingerprint};
use crate::error::{Error, Location, Result};
use crate::model::{ConversationBuilder, Limits, Origin, ReadItem, SkipReason, Skipped};

/// At most this many distinct unknown field names are reported per file.
const MAX_UNKNOWN_FIELD_WARNINGS: usize = 20;

/// Reads a JSON Lines export.
pub struct JsonlReader {
    file: InputFile,
    reader: Box<dyn BufRead + Send>,
    counter: ByteCounter,
    limits: Limits,
    speakers: SpeakerResolver,
    line: Vec<u8>,
    line_number: u64,
    seen_record: bool,
    /// Id fingerprint to the line it was first read on.
    ids: HashMap<u64, u64>,
    unknown: Vec<String>,
    reported_unknown: BTreeSet<String>,
    stats: ReaderStats,
}

enum LineRead {
    End,
    Line,
    TooLong,
}

impl JsonlReader {
    /// Opens `file` as JSON Lines.
    pub fn open(file: &InputFile, config: &InputConfig) -> Result<JsonlReader> {
        JsonlReader::from_source(file, config, Source::open(&file.path)?)
    }

    /// Reads an already opened source.
    pub fn from_source(
        file: &InputFile,
        config: &InputConfig,
        source: Source,
    ) -> Result<JsonlReader> {
        check_not_blank(&source)?;
        let counter = source.counter().clone();
        Ok(JsonlReader {
            file: file.clone(),
            reader: source.into_reader(),
            counter,
            limits: config.limits,
            speakers: SpeakerResolver::with_names(&config.speaker_map, &config.speakers, &[]),
            line: Vec::new(),
            line_number: 0,
            seen_record: false,
            ids: HashMap::new(),
            unknown: Vec::new(),
            reported_unknown: BTreeSet::new(),
            stats: ReaderStats {
                grouped: true,
                ..ReaderStats::default()
            },
        })
    }

    /// Reads the next line into `self.line` without its terminator, keeping
    /// at most `max_conversation_bytes` of it.
    fn read_line(&mut self) -> Result<LineRead> {
        self.line.clear();
        let max = self.limits.max_conversation_bytes;
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Error::io(&self.file.path, e)),
            };
            if available.is_empty() {
                if !any {
                    return Ok(LineRead::End);
                }
                break;
            }
            any = true;
            let (chunk, consumed, complete) = match memchr::memchr(b'\n', available) {
                Some(i) => (&available[..i], i + 1, true),
                None => (available, available.len(), false),
            };
            if !too_long {
                if self.line.len() + chunk.len() > max {
                    too_long = true;
                    self.line.clear();
                } else {
                    self.line.extend_from_slice(chunk);
                }
            }
            self.reader.consume(consumed);
            if complete {
                break;
            }
        }
        self.line_number += 1;
        if self.line.last() == Some(&b'\r') {
            self.line.pop();
        }
        Ok(if too_long {
            LineRead::TooLong
        } else {
            LineRead::Line
        })
    }

    fn origin(&self) -> Origin {
        Origin {
            file: self.file.index,
            line: self.line_number,
            pass: 0,
        }
    }

    fn skip(&self, id: Option<&str>, reason: SkipReason, detail: String) -> ReadItem {
        ReadItem::Skipped(Skipped {
            id: id.map(str::to_string),
            origin: self.origin(),
            reason,
            detail: format!("line {}: {detail}", self.line_number),
        })
    }

    /// Turns the current line into an item; `None` for a blank line.
    fn read_record(&mut self, too_long: bool) -> Result<Option<ReadItem>> {
        let line_number = self.line_number;
        if too_long {
            self.stats.rows += 1;
            self.seen_record = true;
            let detail = format!(
                "longer than {} bytes; not read",
                self.limits.max_conversation_bytes
            );
            return Ok(Some(self.skip(None, SkipReason::TooLarge, detail)));
        }
        if self.line.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        self.stats.rows += 1;
        let first = !self.seen_record;
        self.seen_record = true;
        let line = std::mem::take(&mut self.line);
        let item = self.parse_line(&line, first, line_number);
        self.line = line;
        item.map(Some)
    }

    fn parse_line(&mut self, line: &[u8], first: bool, line_number: u64) -> Result<ReadItem> {
        let text = match std::str::from_utf8(line) {
            Ok(text) => text,
            Err(e) => {
                if first && line.trim_ascii_start().first() != Some(&b'{') {
                    return Err(self.not_jsonl(line_number));
                }
                let detail = format!("not valid UTF-8 at byte {}", e.valid_up_to() + 1);
                return Ok(self.skip(None, SkipReason::InvalidUtf8, detail));
            }
        };
        if first && !text.trim_start().starts_with('{') {
            return Err(self.not_jsonl(line_number));
        }
        self.unknown.clear();
        let mut unknown = std::mem::take(&mut self.unknown);
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed = ConversationSeed {
            unknown: &mut unknown,
        }
        .deserialize(&mut de)
        .and_then(|conv| de.end().map(|()| conv));
        let raw = match parsed {
            Ok(raw) => raw,
            Err(e) => {
                self.unknown = unknown;
                return Ok(self.skip(None, SkipReason::Malformed, serde_message(&e)));
            }
        };
        for name in &unknown {
            if self.reported_unknown.len() < MAX_UNKNOWN_FIELD_WARNINGS
                && self.reported_unknown.insert(name.clone())
            {
                self.stats.warnings.push(format!(
                    "{}: unknown field \"{name}\" ignored (reported once per file)",
                    Location::line(&self.file.path, line_number)
                ));
            }
        }
        self.unknown = unknown;
        self.build(raw)
    }

    fn not_jsonl(&self, line_number: u64) -> Error {
        Error::input(
            Location::at(&self.file.path, line_number, 1),
            "this is not JSON Lines: the first record does not start with '{'. Use --input-format csv if it is CSV",
        )
    }

    fn build(&mut self, raw: RawConversation<'_>) -> Result<ReadItem> {
        let id = match raw.id.as_ref().map(|id| id.as_str().trim()) {
            Some(id) if !id.is_empty() => id,
            Some(_) => return Ok(self.skip(None, SkipReason::Malformed, "empty `id`".into())),
            None => {
                let detail = "missing field `id`".to_string();
                return Ok(self.skip(None, SkipReason::Malformed, detail));
            }
        };
        let fingerprint = fingerprint(id.as_bytes());
        if let Some(&first_line) = self.ids.get(&fingerprint) {
            let detail = format!("conversation id \"{id}\" was already read on line {first_line}");
            return Ok(self.skip(Some(id), SkipReason::DuplicateId, detail));
        }
        self.ids.insert(fingerprint, self.line_number);
        let Some(turns) = &raw.turns else {
            let detail = "missing field `turns`".to_string();
            return Ok(self.skip(Some(id), SkipReason::Malformed, detail));
        };
        let mut builder = ConversationBuilder::new(id, self.origin(), self.limits);
        builder.channel(str_or_empty(&raw.channel));
        builder.customer_id(str_or_empty(&raw.customer));
        builder.topic(str_or_empty(&raw.topic));
        builder.language(str_or_empty(&raw.language));
        builder.agent(str_or_empty(&raw.agent));
        let started_at = match &raw.started_at {
            None => None,
            Some(value) => match parse_timestamp_ms(value.as_str()) {
                Some(ms) => Some(ms),
                None => {
                    let detail = format!("`started_at` \"{}\" is not a date-time", value.as_str());
                    return Ok(self.skip(Some(id), SkipReason::Malformed, detail));
                }
            },
        };
        if let Some(ms) = started_at {
            builder.started_at_ms(ms);
        }
        let mut base = started_at;
        for (index, turn) in turns.iter().enumerate() {
            match self.turn(&mut builder, turn, &mut base)? {
                Ok(()) => {}
                Err(problem) => {
                    let detail = format!("turn {}: {problem}", index + 1);
                    return Ok(self.skip(Some(id), SkipReason::Malformed, detail));
                }
            }
        }
        Ok(match builder.finish() {
            Ok(conversation) => ReadItem::Conversation(conversation),
            Err(skipped) => ReadItem::Skipped(skipped),
        })
    }

    /// Adds one turn. Outer error: fatal; inner: why the record is malformed.
    fn turn(
        &mut self,
        builder: &mut ConversationBuilder,
        turn: &RawTurn<'_>,
        base: &mut Option<i64>,
    ) -> Result<std::result::Result<(), String>> {
        let Some(label) = &turn.speaker else {
            return Ok(Err("missing field `speaker`".into()));
        };
        let Some(text) = &turn.text else {
            return Ok(Err("missing field `text`".into()));
        };
        let Some(speaker) = self.speakers.resolve(label.as_str()) else {
            return Err(Error::input(
                Location::line(&self.file.path, self.line_number),
                unknown_speaker_message(label.as_str()),
            ));
        };
        let offset = if let Some(ms) = turn.offset_ms {
            Some(ms)
        } else if let Some(seconds) = turn.offset {
            match seconds_to_ms(seconds) {
                Some(ms) => Some(ms),
                None => return Ok(Err(format!("`offset` {seconds} is negative or too large"))),
            }
        } else if let Some(at) = &turn.at {
            let Some(ms) = parse_timestamp_ms(at.as_str()) else {
                return Ok(Err(format!("`at` \"{}\" is not a date-time", at.as_str())));
            };
            let base = *base.get_or_insert(ms);
            Some(u64::try_from(ms.saturating_sub(base)).unwrap_or(0))
        } else {
            None
        };
        if let Some(agent) = &turn.agent {
            builder.agent(agent.as_str());
        }
        let text = text.as_ref().map_or("", |t| t.as_str());
        builder.push_turn(speaker, text, offset, self.line_number);
        Ok(Ok(()))
    }
}

impl ConversationReader for JsonlReader {
    fn next_item(&mut self) -> Result<Option<ReadItem>> {
        loop {
            let too_long = match self.read_line()? {
                LineRead::End => return Ok(None),
                LineRead::Line => false,
                LineRead::TooLong => true,
            };
            if let Some(item) = self.read_record(too_long)? {
                return Ok(Some(item));
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

/// serde_json's message with the position given as a column of the line
/// (every record is on line 1 of its own parse).
fn serde_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(message) if e.column() > 0 => format!("{message} at column {}", e.column()),
        Some(message) => message.to_string(),
        None => message,
    }
}

fn str_or_empty<'a>(value: &'a Option<schema::Str<'_>>) -> &'a str {
    value.as_ref().map_or("", |v| v.as_str())
}
