//! Whole-file formats: vendor JSON documents, subtitles and plain-text
//! transcripts.
//!
//! These exports hold one conversation per file (Connect, Transcribe,
//! Genesys, CCAI, Whisper, WebVTT, SRT, text) or one page of them (Zendesk
//! `tickets`, Twilio `messages`, Intercom `conversations`), so the file is
//! read into memory whole and handed to its format's module, which turns it
//! into items. Reading is capped: a file over
//! `Limits::max_conversation_bytes` is not held in memory but skipped as
//! [`SkipReason::TooLarge`], named by the file's default id.
//!
//! What is an error and what is a skip, for every format alike:
//!
//! * **Errors** (the run stops, exit code 2, `file:line:col` or the JSON
//!   path): invalid JSON, a value of the wrong shape or a missing required
//!   field, an unknown speaker label, an unreadable time, a subtitle cue
//!   without a timing line. Such a file is a broken download, another
//!   version of the vendor's schema, or the wrong `--input-format`; skipping
//!   it would hide that part of the week is missing.
//! * **Skips** (counted, the run goes on): a file over the size limit, a
//!   file that is not valid UTF-8 (as in the CSV and JSON Lines readers), a
//!   conversation with no text or no agent turn, a conversation over the
//!   turn or byte limits, and a conversation id that occurs twice in one
//!   file (the second one).
//!
//! The conversation id comes from the content where the format has one;
//! otherwise it is `{id}` from `--meta-from-path`, else the file name
//! without its extensions (`0417-jan.json.gz` → `0417-jan`).

use std::collections::{HashSet, VecDeque};
use std::io::{Cursor, Read};
use std::path::Path;

use super::meta::PathMeta;
use super::source::{ByteCounter, Source, is_stdin};
use super::speaker::{SpeakerResolver, unknown_speaker_message};
use super::{ConversationReader, InputConfig, InputFile, InputFormat, ReaderStats, detect, json};
use crate::error::{Error, Location, Result};
use crate::model::{ConversationBuilder, Origin, ReadItem, SkipReason, Skipped, Speaker};

/// What a format module gets: the file, the configuration and the id to
/// use when the content has none.
pub struct Context<'a> {
    pub file: &'a InputFile,
    pub config: &'a InputConfig,
    pub default_id: String,
    seen: HashSet<String>,
    pub warnings: Vec<String>,
}

impl Context<'_> {
    pub fn path(&self) -> &Path {
        &self.file.path
    }

    pub fn origin(&self, line: u64) -> Origin {
        Origin {
            file: self.file.index,
            line,
            pass: 0,
        }
    }

    /// A builder for conversation `id` starting at `line` (1 for a whole
    /// file, the record number within a page).
    pub fn builder(&self, id: &str, line: u64) -> ConversationBuilder {
        ConversationBuilder::new(id, self.origin(line), self.config.limits)
    }

    /// A speaker resolver with the user's names and `labels`, the format's
    /// own vocabulary (lowercase).
    pub fn speakers(&self, labels: &'static [(&'static str, Speaker)]) -> SpeakerResolver {
        SpeakerResolver::with_names(&self.config.speaker_map, &self.config.speakers, labels)
    }

    /// The error for an unknown speaker label at `place` (a JSON path or a
    /// line).
    pub fn unknown_speaker(&self, location: Location, place: &str, label: &str) -> Error {
        let place = if place.is_empty() {
            String::new()
        } else {
            format!("{place}: ")
        };
        Error::input(
            location,
            format!("{place}{}", unknown_speaker_message(label)),
        )
    }

    /// The finished conversation or its skip; a second conversation with an
    /// id already read from this file is a duplicate.
    pub fn finish(&mut self, builder: ConversationBuilder) -> ReadItem {
        if !self.seen.insert(builder.id().to_string()) {
            return ReadItem::Skipped(Skipped {
                id: Some(builder.id().to_string()),
                origin: builder.origin(),
                reason: SkipReason::DuplicateId,
                detail: format!(
                    "conversation id \"{}\" occurs twice in this file",
                    builder.id()
                ),
            });
        }
        match builder.finish() {
            Ok(conversation) => ReadItem::Conversation(conversation),
            Err(skipped) => ReadItem::Skipped(skipped),
        }
    }
}

/// The file name without `.gz` and without its last extension.
pub fn file_stem(path: &Path) -> String {
    if is_stdin(path) {
        return "stdin".into();
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match name.len() > 3 && name.to_ascii_lowercase().ends_with(".gz") {
        true => name[..name.len() - 3].to_string(),
        false => name,
    };
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name,
    }
}

/// Items read from a whole file.
pub struct DocumentReader {
    items: VecDeque<ReadItem>,
    stats: ReaderStats,
    counter: ByteCounter,
}

impl ConversationReader for DocumentReader {
    fn next_item(&mut self) -> Result<Option<ReadItem>> {
        Ok(self.items.pop_front())
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

/// Reads `source` whole as `format`; `None` is a JSON document whose format
/// is recognised from its keys.
pub fn open(
    file: &InputFile,
    config: &InputConfig,
    path_meta: &PathMeta,
    source: Source,
    format: Option<InputFormat>,
) -> Result<Box<dyn ConversationReader>> {
    let counter = source.counter().clone();
    let max = config.limits.max_conversation_bytes;
    let mut bytes = Vec::new();
    source
        .into_reader()
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(&file.path, e))?;
    let mut ctx = Context {
        file,
        config,
        default_id: path_meta
            .id()
            .map_or_else(|| file_stem(&file.path), str::to_string),
        seen: HashSet::new(),
        warnings: Vec::new(),
    };
    let done = |items: Vec<ReadItem>, warnings: Vec<String>| -> Box<dyn ConversationReader> {
        Box::new(DocumentReader {
            stats: ReaderStats {
                rows: items.len() as u64,
                grouped: true,
                warnings,
                ..ReaderStats::default()
            },
            items: items.into(),
            counter: counter.clone(),
        })
    };
    let whole_file_skip = |reason: SkipReason, detail: String| {
        vec![ReadItem::Skipped(Skipped {
            id: Some(ctx.default_id.clone()),
            origin: ctx.origin(1),
            reason,
            detail,
        })]
    };
    if bytes.len() > max {
        let detail = format!(
            "the file is larger than {max} bytes; files of this format are read whole, so it was not read"
        );
        return Ok(done(
            whole_file_skip(SkipReason::TooLarge, detail),
            Vec::new(),
        ));
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let detail = format!("line {line}: not valid UTF-8 (byte {})", at + 1);
            return Ok(done(
                whole_file_skip(SkipReason::InvalidUtf8, detail),
                Vec::new(),
            ));
        }
    };
    let items = match format {
        Some(InputFormat::Vtt) => super::subtitles::read_vtt(&mut ctx, text)?,
        Some(InputFormat::Srt) => super::subtitles::read_srt(&mut ctx, text)?,
        Some(InputFormat::Text) => super::plain::read(&mut ctx, text)?,
        Some(format @ (InputFormat::Csv | InputFormat::Jsonl)) => {
            // Streamed by their own readers; never read as a document.
            return Err(Error::input(
                Location::file(&file.path),
                format!("{} is not read as a whole document", format.title()),
            ));
        }
        Some(format) => {
            let value = json::parse(&file.path, text)?;
            read_json(&mut ctx, format, &value)?
        }
        None => {
            // A JSON Lines file whose first record was too long to look at
            // before reading it whole: one record, or several lines that
            // each hold a whole object.
            let jsonl = |bytes: Vec<u8>| -> Result<Box<dyn ConversationReader>> {
                let source = Source::from_reader(
                    &file.path,
                    Box::new(Cursor::new(bytes)),
                    ByteCounter::new(),
                )?;
                Ok(Box::new(super::jsonl::JsonlReader::from_source(
                    file, config, source,
                )?))
            };
            let value = match json::parse(&file.path, text) {
                Ok(value) => value,
                Err(err) => {
                    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
                    let whole_first_line = first.is_some_and(|line| {
                        line.starts_with('{')
                            && serde_json::from_str::<serde::de::IgnoredAny>(line).is_ok()
                    });
                    if whole_first_line {
                        return jsonl(bytes);
                    }
                    return Err(err);
                }
            };
            match detect::json_format(&file.path, &value)? {
                InputFormat::Jsonl => return jsonl(bytes),
                format => read_json(&mut ctx, format, &value)?,
            }
        }
    };
    let warnings = std::mem::take(&mut ctx.warnings);
    Ok(done(items, warnings))
}

fn read_json(
    ctx: &mut Context<'_>,
    format: InputFormat,
    value: &serde_json::Value,
) -> Result<Vec<ReadItem>> {
    let path = ctx.file.path.clone();
    let root = json::Node::root(&path, value);
    match format {
        InputFormat::Connect => super::connect::read(ctx, &root),
        InputFormat::Transcribe => super::transcribe::read(ctx, &root),
        InputFormat::Genesys => super::genesys::read(ctx, &root),
        InputFormat::Ccai => super::ccai::read(ctx, &root),
        InputFormat::Zendesk => super::zendesk::read(ctx, &root),
        InputFormat::Intercom => super::intercom::read(ctx, &root),
        InputFormat::Twilio => super::twilio::read(ctx, &root),
        InputFormat::Whisper => super::whisper::read(ctx, &root),
        other => Err(Error::input(
            Location::file(&path),
            format!("{} is not a JSON format", other.title()),
        )),
    }
}

/// Milliseconds from `base` to `at`, clamped at 0.
pub fn offset_from(base: i64, at: i64) -> u64 {
    u64::try_from(at.saturating_sub(base)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_gz_and_the_extension() {
        assert_eq!(file_stem(Path::new("a/0417-jan.json.gz")), "0417-jan");
        assert_eq!(file_stem(Path::new("a/call.v2.vtt")), "call.v2");
        assert_eq!(file_stem(Path::new("noext")), "noext");
        assert_eq!(file_stem(Path::new(".gz")), ".gz");
        assert_eq!(file_stem(Path::new("-")), "stdin");
    }
}
