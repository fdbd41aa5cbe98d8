//! Deciding the format of a file.
//!
//! The extension decides when it is unambiguous (`.jsonl`, `.ndjson`,
//! `.csv`, `.tsv`, `.vtt`, `.srt`, after removing `.gz`), because it is
//! what the user sees. Otherwise (`.json`, `.txt`, no extension, stdin) the
//! content decides:
//!
//! * `WEBVTT` on the first line is WebVTT; a number alone on the first line
//!   and a `-->` timing line after it is SRT.
//! * JSON is told apart by its keys. A first line that is a whole JSON
//!   object is JSON Lines, unless its keys are those of a vendor format (a
//!   compact single-line export). Anything else that starts with `{` or `[`
//!   is one JSON document: it is read whole and recognised by its top-level
//!   keys (for an array, those of its first element) — `Participants` and
//!   `Transcript` for Connect, `JobName` and `Transcript` for Transcribe,
//!   `conversationId` and `transcripts` for Genesys, `entries` for CCAI,
//!   `ticket`/`tickets`/`comments` for Zendesk, `conversation_parts` for
//!   Intercom, `messages` (or message objects with `author` and
//!   `date_created`) for Twilio, `segments` for Whisper. An unknown document
//!   is an error that lists its keys and names `--input-format`.
//! * A first line shaped `Label: text` (optionally after `[00:12]`) is a
//!   plain-text transcript.
//! * Anything else is CSV.
//!
//! An empty (or whitespace-only) file is an error: an export without even a
//! header is almost always a failed export, not a quiet week. So is a file
//! whose first bytes hold a NUL byte: binary data, or UTF-16 without a
//! byte-order mark.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::de::IgnoredAny;
use serde_json::Value;

use super::InputFormat;
use super::json::top_keys;
use super::labels::{leading_time, split_label};
use super::source::Source;
use crate::error::{Error, Location, Result};

/// What the first bytes of a file say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detected {
    Format(InputFormat),
    /// A JSON document: its keys, read whole, decide the format.
    JsonDocument,
}

/// The format of the file at `path`: by extension, else by content (a JSON
/// document is read whole to recognise it).
pub fn detect_format(path: &Path) -> Result<InputFormat> {
    let source = Source::open(path)?;
    match detect_source(&source)? {
        Detected::Format(format) => Ok(format),
        Detected::JsonDocument => {
            let mut text = String::new();
            source
                .into_reader()
                .read_to_string(&mut text)
                .map_err(|e| Error::io(path, e))?;
            let value = super::json::parse(path, &text)?;
            json_format(path, &value)
        }
    }
}

/// The format of an opened source, by its path's extension, else by its
/// first bytes. Fails on an empty source.
pub fn detect_source(source: &Source) -> Result<Detected> {
    check_not_blank(source)?;
    if let Some(format) = format_from_extension(source.path()) {
        return Ok(Detected::Format(format));
    }
    sniff(source.path(), source.head())
}

/// An error for an empty or whitespace-only source.
pub fn check_not_blank(source: &Source) -> Result<()> {
    if source.is_blank() {
        return Err(Error::input(
            Location::file(source.path()),
            "empty file: no header and no data",
        ));
    }
    Ok(())
}

/// An error for a source whose first bytes hold a NUL byte: binary data (a
/// spreadsheet, an archive, an image) or UTF-16 without its byte-order mark,
/// neither of which any reader can make sense of. Caught here, it gets a
/// message that says so instead of one about missing columns.
///
/// A stray NUL inside a text further down (a database export's artefact) is
/// not binary data: only a NUL on the first line, or more than a few in the
/// first bytes, is.
pub fn check_not_binary(source: &Source) -> Result<()> {
    const STRAY_NULS: usize = 16;
    let head = source.head();
    let Some(at) = memchr::memchr(0, head) else {
        return Ok(());
    };
    let first_line_end = memchr::memchr(b'\n', head).unwrap_or(head.len());
    if at > first_line_end && memchr::memchr_iter(0, head).count() <= STRAY_NULS {
        return Ok(());
    }
    let line = memchr::memchr_iter(b'\n', &head[..at]).count() as u64 + 1;
    // UTF-16 of mostly ASCII text: NULs at every other byte, none between.
    let sample = &head[at - at % 2..head.len().min(at - at % 2 + 128)];
    let nul_at = |parity: usize| sample.iter().skip(parity).step_by(2).all(|&b| b == 0);
    let none_at = |parity: usize| sample.iter().skip(parity).step_by(2).all(|&b| b != 0);
    let utf16 = sample.len() >= 4 && ((nul_at(0) && none_at(1)) || (nul_at(1) && none_at(0)));
    let message = if utf16 {
        "a NUL byte in every other position: UTF-16 text without a byte-order mark; save it as UTF-8, or as UTF-16 with a byte-order mark (Excel's \"Unicode text\")"
    } else {
        "binary data (a NUL byte), not a text export; convoscan reads CSV, JSON, JSON Lines, WebVTT, SRT and plain-text transcripts, optionally gzipped"
    };
    Err(Error::input(Location::line(source.path(), line), message))
}

/// The format the file name promises, if it promises one.
pub fn format_from_extension(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let (_, ext) = name.rsplit_once('.')?;
    match ext {
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "csv" | "tsv" => Some(InputFormat::Csv),
        "vtt" => Some(InputFormat::Vtt),
        "srt" => Some(InputFormat::Srt),
        _ => None,
    }
}

/// The format by the first bytes of the content.
pub fn sniff(path: &Path, head: &[u8]) -> Result<Detected> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return Err(Error::input(
            Location::file(path),
            "empty file: no header and no data",
        ));
    };
    if first.starts_with("WEBVTT") {
        return Ok(Detected::Format(InputFormat::Vtt));
    }
    if first.starts_with('[') && split_label(first).is_none() && leading_time(first).0.is_none() {
        return Ok(Detected::JsonDocument);
    }
    if first.starts_with('{') {
        return Ok(
            match serde_json::from_str::<BTreeMap<String, IgnoredAny>>(first) {
                Ok(keys) => {
                    let object =
                        Value::Object(keys.into_keys().map(|k| (k, Value::Null)).collect());
                    match signature(&object) {
                        Some(format) => Detected::Format(format),
                        None => Detected::Format(InputFormat::Jsonl),
                    }
                }
                Err(_) => Detected::JsonDocument,
            },
        );
    }
    if first.bytes().all(|b| b.is_ascii_digit()) && lines.next().is_some_and(|l| l.contains("-->"))
    {
        return Ok(Detected::Format(InputFormat::Srt));
    }
    if split_label(leading_time(first).1).is_some() {
        return Ok(Detected::Format(InputFormat::Text));
    }
    Ok(Detected::Format(InputFormat::Csv))
}

/// The vendor format of a JSON document by its keys, if it has a known
/// signature. JSON Lines records (`turns`) are not a signature.
fn signature(value: &Value) -> Option<InputFormat> {
    let keys = top_keys(value);
    let has = |key: &str| keys.contains(&key);
    let object = value.as_object();
    let type_is = |name: &str| {
        object
            .and_then(|o| o.get("type"))
            .and_then(Value::as_str)
            .is_some_and(|t| t == name)
    };
    if has("JobName") && has("Transcript") {
        return Some(InputFormat::Transcribe);
    }
    if has("Transcript") && (has("Participants") || has("CustomerMetadata") || has("Channel")) {
        return Some(InputFormat::Connect);
    }
    if has("transcripts") && (has("conversationId") || has("communicationId")) {
        return Some(InputFormat::Genesys);
    }
    if has("entries") && object.is_some() {
        return Some(InputFormat::Ccai);
    }
    if has("conversation_parts")
        || (has("source") && type_is("conversation"))
        || (has("conversations") && type_is("conversation.list"))
    {
        return Some(InputFormat::Intercom);
    }
    if (object.is_some() && (has("ticket") || has("tickets") || has("comments")))
        || (object.is_none() && (has("requester_id") || (has("author_id") && has("public"))))
    {
        return Some(InputFormat::Zendesk);
    }
    if (object.is_some() && has("messages"))
        || has("conversation_sid")
        || (object.is_none() && has("author") && has("date_created"))
    {
        return Some(InputFormat::Twilio);
    }
    if has("segments") {
        return Some(InputFormat::Whisper);
    }
    None
}

/// The format of a whole JSON document, by its keys.
pub fn json_format(path: &Path, value: &Value) -> Result<InputFormat> {
    if let Some(format) = signature(value) {
        return Ok(format);
    }
    if value.as_object().is_some_and(|o| o.contains_key("turns")) {
        return Ok(InputFormat::Jsonl);
    }
    let what = match value {
        Value::Array(_) => "a JSON array whose first element has",
        _ => "a JSON document with",
    };
    let keys = top_keys(value);
    let keys = if keys.is_empty() {
        "no keys".to_string()
    } else {
        let mut shown: Vec<String> = keys.iter().take(12).map(|k| format!("\"{k}\"")).collect();
        if keys.len() > 12 {
            shown.push("...".into());
        }
        format!("the keys {}", shown.join(", "))
    };
    Err(Error::input(
        Location::file(path),
        format!(
            "{what} {keys}: not a format convoscan recognises (JSON Lines needs one conversation object per line; \
             vendor exports are recognised by their keys, e.g. Participants+Transcript for Amazon Connect). \
             Name the format with --input-format ({})",
            super::InputFormat::ALL
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(head: &str) -> Detected {
        sniff(Path::new("x"), head.as_bytes()).unwrap()
    }

    #[test]
    fn extension_first() {
        let f = |p: &str| format_from_extension(Path::new(p));
        assert_eq!(f("a/b.jsonl"), Some(InputFormat::Jsonl));
        assert_eq!(f("b.NDJSON.gz"), Some(InputFormat::Jsonl));
        assert_eq!(f("b.csv.gz"), Some(InputFormat::Csv));
        assert_eq!(f("b.tsv"), Some(InputFormat::Csv));
        assert_eq!(f("b.vtt.gz"), Some(InputFormat::Vtt));
        assert_eq!(f("b.SRT"), Some(InputFormat::Srt));
        assert_eq!(f("b.json"), None);
        assert_eq!(f("b.txt"), None);
        assert_eq!(f("b.gz"), None);
        assert_eq!(f("-"), None);
    }

    #[test]
    fn content_second() {
        use Detected::*;
        assert_eq!(format("\n  {\"id\":1}"), Format(InputFormat::Jsonl));
        assert_eq!(format("id;speaker;text\n"), Format(InputFormat::Csv));
        assert_eq!(format("[{}]"), JsonDocument);
        assert_eq!(format("{\n  \"Version\": \"1.1.0\",\n"), JsonDocument);
        assert_eq!(
            format(r#"{"JobName": "x", "Transcript": []}"#),
            Format(InputFormat::Transcribe)
        );
        assert_eq!(
            format("WEBVTT\n\n00:00.000 --> 00:01.000\nhi"),
            Format(InputFormat::Vtt)
        );
        assert_eq!(
            format("1\n00:00:00,000 --> 00:00:01,000\nhi"),
            Format(InputFormat::Srt)
        );
        assert_eq!(
            format("[00:03] Agent: Goedemorgen"),
            Format(InputFormat::Text)
        );
        assert_eq!(
            format("Klant: hallo, ik bel over"),
            Format(InputFormat::Text)
        );
        assert_eq!(format("[SPEAKER_00]: hello"), Format(InputFormat::Text));
        let err = sniff(Path::new("x"), b" \n\t").unwrap_err().to_string();
        assert_eq!(err, "x: empty file: no header and no data");
    }

    #[test]
    fn json_documents_by_their_keys() {
        let f = |json: &str| json_format(Path::new("x.json"), &serde_json::from_str(json).unwrap());
        assert_eq!(
            f(r#"{"Participants": [], "Transcript": []}"#).unwrap(),
            InputFormat::Connect
        );
        assert_eq!(
            f(r#"{"conversationId": "1", "transcripts": []}"#).unwrap(),
            InputFormat::Genesys
        );
        assert_eq!(f(r#"{"entries": []}"#).unwrap(), InputFormat::Ccai);
        assert_eq!(
            f(r#"{"ticket": {}, "comments": []}"#).unwrap(),
            InputFormat::Zendesk
        );
        assert_eq!(
            f(r#"[{"id": 1, "requester_id": 2}]"#).unwrap(),
            InputFormat::Zendesk
        );
        assert_eq!(
            f(r#"{"type": "conversation", "conversation_parts": {}}"#).unwrap(),
            InputFormat::Intercom
        );
        assert_eq!(
            f(r#"{"messages": [], "meta": {}}"#).unwrap(),
            InputFormat::Twilio
        );
        assert_eq!(
            f(r#"{"text": "x", "segments": []}"#).unwrap(),
            InputFormat::Whisper
        );
        assert_eq!(
            f(r#"{"id": "c", "turns": []}"#).unwrap(),
            InputFormat::Jsonl
        );
        let err = f(r#"[{"a": 1}]"#).unwrap_err().to_string();
        assert!(err.contains("JSON array") && err.contains("\"a\""), "{err}");
        assert!(err.contains("--input-format"), "{err}");
    }
}
