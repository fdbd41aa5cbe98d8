//! Malformed files of every format, limits, detection edge cases and a
//! directory of mixed formats through the command line.

use std::path::{Path, PathBuf};

use convoscan::input::{InputConfig, InputFormat};
use tempfile::TempDir;

use super::{convoscan, fixture};
use crate::common::{read, read_with, write};
use crate::input::csv::gzip;

#[test]
fn malformed_files_of_every_format_are_clear_errors() {
    let dir = TempDir::new().unwrap();
    let cases: &[(&str, &str, &[&str], &str)] = &[
        (
            "connect.json",
            r#"{"Participants": [{"ParticipantId": "AGENT", "ParticipantRole": "AGENT"}],
               "Transcript": [{"ParticipantId": "AGENT", "Content": 42, "BeginOffsetMillis": 0}]}"#,
            &[],
            "connect.json: $.Transcript[0].Content: expected a string, found a number (42)",
        ),
        (
            "connect-role.json",
            r#"{"Participants": [], "Transcript": [{"ParticipantId": "X", "Content": "hoi"}]}"#,
            &[],
            "$.Transcript[0]: ParticipantId \"X\" is not one of $.Participants",
        ),
        (
            "transcribe.json",
            "{\"JobName\": \"j1\", \"Transcript\": [{\"Content\": \"hi\",\n \"ParticipantRole\": \"AGENT\"",
            &[],
            "transcribe.json:2:",
        ),
        (
            "genesys.json",
            r#"{"conversationId": "g1", "transcripts": [{"phrases": [{"text": "x", "participantPurpose": "agent"}, {"text": "y"}]}]}"#,
            &[],
            "genesys.json: $.transcripts[0].phrases[1]: missing field `participantPurpose`",
        ),
        (
            "ccai.json",
            r#"{"entries": [{"text": "x", "role": "MANAGER", "start_timestamp_usec": 1}]}"#,
            &[],
            "ccai.json: $.entries[0].role: unknown speaker \"MANAGER\"",
        ),
        (
            "zendesk.json",
            r#"{"ticket": {"id": 5, "requester_id": 1}, "comments": [{"author_id": 1, "body": "x", "created_at": "gisteren"}]}"#,
            &[],
            "zendesk.json: $.comments[0].created_at: expected a date-time",
        ),
        (
            "intercom.json",
            r#"{"type": "conversation", "id": "1", "conversation_parts": {"conversation_parts": "none"}}"#,
            &[],
            "intercom.json: $.conversation_parts.conversation_parts: expected an array, found a string",
        ),
        (
            "twilio.json",
            r#"{"messages": [{"conversation_sid": "CH1", "author": "jan", "body": "x", "date_created": "2024-05-01T10:00:00Z"}, {"conversation_sid": "CH1", "author": "piet", "body": "y", "date_created": "2024-05-01T10:00:09Z"}]}"#,
            &[],
            "twilio.json: $.messages[0].author: unknown speaker \"jan\"",
        ),
        (
            "whisper.json",
            r#"{"segments": [{"start": 0, "text": "Agent: hoi"}, {"start": -1, "text": "Klant: ja"}]}"#,
            &[],
            "whisper.json: $.segments[1].start: expected a non-negative number, found a number (-1)",
        ),
        (
            "call.vtt",
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Agent>hoi\n\n00:00:0x.000 --> 00:00:04.000\n<v Klant>ja\n",
            &[],
            "call.vtt:6: cannot read the cue time \"00:00:0x.000\"",
        ),
        (
            "nohead.vtt",
            "00:00:00.000 --> 00:00:02.000\n<v Agent>hoi\n",
            &[],
            "nohead.vtt:1: a WebVTT file must start with `WEBVTT`",
        ),
        (
            "call.srt",
            "1\n00:00:00,000 --> 00:00:02,000\nAgent: hoi\n\n2\nKlant: ja\n",
            &[],
            "call.srt:5: expected a cue timing line",
        ),
        (
            "chat.txt",
            "Jan: Goedemorgen\nKlant: hallo\n",
            &[],
            "chat.txt:1: unknown speaker \"Jan\"",
        ),
        (
            "unlabelled.txt",
            "Goedemorgen\nAgent: hallo\n",
            &["--input-format", "text"],
            "unlabelled.txt:1: a transcript line must start with a speaker label",
        ),
        (
            "unknown.json",
            "{\n  \"conversation\": {\"messages_v2\": []}\n}\n",
            &[],
            "unknown.json: a JSON document with the keys \"conversation\": not a format convoscan recognises",
        ),
    ];
    for (name, contents, flags, expected) in cases {
        let path = write(&dir, name, contents);
        let path_str = path.to_str().unwrap();
        let mut args = vec!["report", path_str];
        args.extend_from_slice(flags);
        let (code, _, stderr) = convoscan(&args);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{name}: expected {expected:?} in {stderr}"
        );
        assert!(stderr.contains(path_str), "{name}: {stderr}");
    }
}

#[test]
fn oversized_and_non_utf8_documents_are_skips() {
    let dir = TempDir::new().unwrap();
    let config = InputConfig {
        limits: convoscan::model::Limits {
            max_conversation_bytes: 64,
            ..convoscan::model::Limits::default()
        },
        ..InputConfig::default()
    };
    let big = std::fs::read(fixture("connect/contact-lens-call.json")).unwrap();
    let read = read_with(&write(&dir, "big.json", big), &config).unwrap();
    let skipped = read.skipped();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].reason.as_str(), "too_large");
    assert_eq!(skipped[0].id.as_deref(), Some("big"));
    let read = crate::common::read(&write(
        &dir,
        "bad.srt",
        b"1\n00:00:00,000 --> 00:00:01,000\nAgent: \xff\n",
    ))
    .unwrap();
    assert_eq!(read.skipped()[0].reason.as_str(), "invalid_utf8");
    assert!(
        read.skipped()[0].detail.contains("line 3"),
        "{:?}",
        read.skipped()
    );
}

/// Copies every fixture into `dir`, some gzipped, plus a CSV export.
fn mixed_directory(dir: &TempDir) {
    let root = fixture("");
    for entry in walkdir(&root) {
        let relative = entry
            .strip_prefix(&root)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let bytes = std::fs::read(&entry).unwrap();
        if relative.ends_with(".vtt") || relative.starts_with("zendesk") {
            write(dir, &format!("week/{relative}.gz"), gzip(&bytes));
        } else {
            write(dir, &format!("week/{relative}"), bytes);
        }
    }
    write(
        dir,
        "week/csv/export.csv",
        "conversation_id;speaker;text;agent\nk1;klant;Waar blijft mijn geld?;\nk1;medewerker;Ik kijk het na.;M3\n",
    );
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn a_directory_of_mixed_formats_is_analysed_in_one_run() {
    let dir = TempDir::new().unwrap();
    mixed_directory(&dir);
    let week = dir.path().join("week");
    let (code, stdout, stderr) = convoscan(&[
        "report",
        week.to_str().unwrap(),
        "--speakers",
        "agent=SPEAKER_00",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let accounting = &report["accounting"];
    assert_eq!(accounting["files_read"], 13, "{accounting}");
    assert_eq!(accounting["conversations_read"], 13, "{accounting}");
    assert_eq!(accounting["analysed"], 13, "{accounting}");
    assert_eq!(accounting["skipped"], 0, "{accounting}");
}

#[test]
fn forced_format_overrides_detection() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "x.json",
        r#"{"entries": [{"text": "hoi", "role": "AGENT"}]}"#,
    );
    let config = InputConfig {
        format: Some(InputFormat::Zendesk),
        ..InputConfig::default()
    };
    let err = read_with(&path, &config).unwrap_err().to_string();
    assert!(
        err.contains("expected `ticket`, `tickets` or `comments`"),
        "{err}"
    );
    let (code, _, stderr) =
        convoscan(&["report", path.to_str().unwrap(), "--input-format", "ccai"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn json_lines_with_a_first_record_too_long_to_sniff_are_still_json_lines() {
    let dir = TempDir::new().unwrap();
    // Three turns of 400 kB: the first line is longer than the 1 MiB that
    // detection looks at, each text is within the field limit.
    let turn = format!(
        "{{\"speaker\": \"agent\", \"text\": \"{}\"}}",
        "ja ".repeat(133_000)
    );
    let jsonl = format!(
        "{{\"id\": \"c1\", \"turns\": [{turn}, {turn}, {turn}]}}\n{{\"id\": \"c2\", \"turns\": [{{\"speaker\": \"agent\", \"text\": \"kort\"}}]}}\n"
    );
    let read = read(&write(&dir, "big.json", &jsonl)).unwrap();
    assert_eq!(read.conversations().len(), 2);
    let one = &jsonl[..jsonl.find('\n').unwrap()];
    let read = crate::common::read(&write(&dir, "one.json", one)).unwrap();
    assert_eq!(read.conversation("c1").turns.len(), 3);
}

#[test]
fn bad_speakers_flags_are_usage_errors() {
    let path = fixture("srt/call-0614.srt");
    let path = path.to_str().unwrap();
    let (code, _, stderr) = convoscan(&["report", path, "--speakers", "boss=SPEAKER_00"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`boss` is not agent, customer, system or bot"),
        "{stderr}"
    );
    let (code, _, stderr) = convoscan(&["report", path, "--speakers", "agent"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("expected ROLE=LABEL"), "{stderr}");
    let (code, _, stderr) =
        convoscan(&["report", path, "--speakers", "agent=Agent,customer=Klant"]);
    assert_eq!(code, 0, "{stderr}");
}
