//! convoscan's JSON Lines format.

use convoscan::input::InputConfig;
use convoscan::model::{Limits, Origin, SkipReason, Speaker};
use tempfile::TempDir;

use crate::common::{read, read_with, texts, write};

const GOOD: &str = r#"{"id": "c1", "channel": "chat", "agent": "A1", "customer": "K9", "topic": "billing", "language": "nl", "started_at": "2024-05-01T09:00:00Z", "turns": [{"speaker": "customer", "text": "Mijn factuur klopt niet", "offset": 0}, {"speaker": "agent", "text": "Ik kijk even mee", "offset": 12.5}, {"speaker": "Medewerker", "text": "Ik neem het over", "offset_ms": 30000, "agent": "A2"}]}"#;

#[test]
fn whole_conversations_per_line() {
    let dir = TempDir::new().unwrap();
    let second = r#"{"id": 77, "turns": [{"speaker": "bot", "text": "Hoi!", "at": "2024-05-01T10:00:00Z"}, {"speaker": "agent", "text": "Goedemiddag", "at": "2024-05-01T10:00:05Z"}, {"speaker": "klant", "text": null}]}"#;
    let path = write(&dir, "conv.jsonl", format!("{GOOD}\n\n{second}\r\n"));
    let read = read(&path).unwrap();
    assert_eq!(read.items.len(), 2);
    let c1 = read.conversation("c1");
    assert_eq!(
        c1.origin,
        Origin {
            file: 0,
            line: 1,
            pass: 0
        }
    );
    assert_eq!(
        texts(c1),
        [
            "Mijn factuur klopt niet",
            "Ik kijk even mee",
            "Ik neem het over"
        ]
    );
    assert_eq!(c1.agents, ["A1", "A2"]);
    assert_eq!(c1.agent_of_turn(1), Some("A1"));
    assert_eq!(c1.agent_of_turn(2), Some("A2"));
    assert_eq!(c1.turns[2].speaker, Speaker::Agent);
    let offsets: Vec<_> = c1.turns.iter().map(|t| t.offset_ms).collect();
    assert_eq!(offsets, [Some(0), Some(12_500), Some(30_000)]);
    assert_eq!(c1.started_at_ms, Some(1_714_554_000_000));
    assert_eq!(c1.channel.as_deref(), Some("chat"));
    assert_eq!(c1.customer_id.as_deref(), Some("K9"));
    assert_eq!(c1.topic.as_deref(), Some("billing"));
    assert_eq!(c1.language.as_deref(), Some("nl"));

    let c77 = read.conversation("77");
    assert_eq!(c77.origin.line, 3);
    assert_eq!(c77.turns[0].speaker, Speaker::Bot);
    let offsets: Vec<_> = c77.turns.iter().map(|t| t.offset_ms).collect();
    assert_eq!(offsets, [Some(0), Some(5_000), None]);
    assert_eq!(texts(c77), ["Hoi!", "Goedemiddag", ""]);
    assert_eq!(read.stats.rows, 2);
    assert!(read.stats.warnings.is_empty());
}

#[test]
fn bad_lines_are_skipped_with_their_line() {
    let dir = TempDir::new().unwrap();
    let deep = format!(r#"{{"id": "deep", "turns": {}}}"#, "[".repeat(10_000));
    let lines = [
        GOOD.to_string(),
        r#"{"id": "c2", "turns": [{"speaker": "agent", "text": "hi"}"#.to_string(),
        r#"{"id": "c3", "turns": "x"}"#.to_string(),
        deep,
        r#"{"id": "c5", "turns": [{"speaker": "agent"}]}"#.to_string(),
        r#"{"turns": []}"#.to_string(),
        r#"{"id": "c7", "turns": [{"speaker": "agent", "text": "hi", "offset": -2}]}"#.to_string(),
        r#"{"id": "c8", "turns": [{"speaker": "agent", "text": "ok"}]}"#.to_string(),
    ];
    let path = write(&dir, "bad.jsonl", lines.join("\n"));
    let read = read(&path).unwrap();
    let ids: Vec<_> = read.conversations().iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids, ["c1", "c8"]);
    let skipped: Vec<(Option<&str>, u64, &SkipReason, &str)> = read
        .skipped()
        .into_iter()
        .map(|s| (s.id.as_deref(), s.origin.line, &s.reason, s.detail.as_str()))
        .collect();
    let malformed = &SkipReason::Malformed;
    assert_eq!(skipped.len(), 6, "{skipped:#?}");
    assert_eq!(skipped[0].0, None);
    assert_eq!(skipped[0].1, 2);
    assert!(
        skipped[0].3.starts_with("line 2: EOF while parsing"),
        "{:?}",
        skipped[0]
    );
    assert_eq!(
        skipped[1],
        (
            None,
            3,
            malformed,
            r#"line 3: invalid type: string "x", expected a sequence of turns at column 25"#
        )
    );
    assert_eq!(skipped[2].1, 4);
    assert_eq!(skipped[2].2, malformed);
    assert!(skipped[2].3.starts_with("line 4: "), "{:?}", skipped[2]);
    assert_eq!(
        skipped[3],
        (
            Some("c5"),
            5,
            malformed,
            "line 5: turn 1: missing field `text`"
        )
    );
    assert_eq!(
        skipped[4],
        (None, 6, malformed, "line 6: missing field `id`")
    );
    assert_eq!(
        skipped[5],
        (
            Some("c7"),
            7,
            malformed,
            "line 7: turn 1: `offset` -2 is negative or too large"
        )
    );
    assert_eq!(read.stats.rows, 8);
}

#[test]
fn first_line_not_json_means_not_jsonl() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "x.jsonl", format!("\nid,speaker,text\n{GOOD}\n"));
    let err = read(&path).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}:2:1: ", path.display())),
        "{err}"
    );
    assert!(err.contains("not JSON Lines"), "{err}");
    // A broken first object is only a skip.
    let path = write(&dir, "y.jsonl", format!("{{\"id\": \n{GOOD}\n"));
    let read = read(&path).unwrap();
    assert_eq!(read.skipped()[0].reason, SkipReason::Malformed);
    assert_eq!(read.conversations().len(), 1);
}

#[test]
fn duplicate_ids_name_both_lines() {
    let dir = TempDir::new().unwrap();
    let other = r#"{"id": "c2", "turns": [{"speaker": "agent", "text": "x"}]}"#;
    let path = write(&dir, "dup.jsonl", format!("{GOOD}\n{other}\n{GOOD}\n"));
    let read = read(&path).unwrap();
    assert_eq!(read.conversations().len(), 2);
    let skipped = read.skipped();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].reason, SkipReason::DuplicateId);
    assert_eq!(skipped[0].id.as_deref(), Some("c1"));
    assert_eq!(
        skipped[0].detail,
        "line 3: conversation id \"c1\" was already read on line 1"
    );
}

#[test]
fn unknown_fields_are_warned_about_once() {
    let dir = TempDir::new().unwrap();
    let line = |id: &str| {
        format!(
            r#"{{"id": "{id}", "kanaal": "chat", "turns": [{{"speaker": "agent", "speker": "x", "text": "hi"}}]}}"#
        )
    };
    let path = write(
        &dir,
        "typo.jsonl",
        format!("{}\n{}\n", line("a"), line("b")),
    );
    let read = read(&path).unwrap();
    assert_eq!(read.conversations().len(), 2);
    let shown = path.display();
    assert_eq!(
        read.stats.warnings,
        [
            format!("{shown}:1: unknown field \"kanaal\" ignored (reported once per file)"),
            format!("{shown}:1: unknown field \"turns[].speker\" ignored (reported once per file)"),
        ]
    );
}

#[test]
fn unknown_speaker_is_fatal() {
    let dir = TempDir::new().unwrap();
    let bad = r#"{"id": "c2", "turns": [{"speaker": "Jan", "text": "x"}]}"#;
    let path = write(&dir, "s.jsonl", format!("{GOOD}\n{bad}\n"));
    let err = read(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:2: ", path.display())), "{err}");
    assert!(err.contains("unknown speaker \"Jan\""), "{err}");
    let config = InputConfig {
        speaker_map: vec![("jan".into(), Speaker::Agent)],
        ..InputConfig::default()
    };
    assert_eq!(read_with(&path, &config).unwrap().conversations().len(), 2);
}

#[test]
fn long_lines_and_invalid_utf8_are_skipped() {
    let dir = TempDir::new().unwrap();
    let long = format!(
        r#"{{"id": "long", "turns": [{{"speaker": "agent", "text": "{}"}}]}}"#,
        "x".repeat(5000)
    );
    let mut bytes = format!("{GOOD}\n{long}\n").into_bytes();
    bytes.extend_from_slice(
        b"{\"id\": \"u\", \"turns\": [{\"speaker\": \"agent\", \"text\": \"\xff\"}]}\n",
    );
    bytes.extend_from_slice(br#"{"id": "ok", "turns": [{"speaker": "agent", "text": "fine"}]}"#);
    let path = write(&dir, "l.jsonl", bytes);
    let config = InputConfig {
        limits: Limits {
            max_conversation_bytes: 1000,
            ..Limits::default()
        },
        ..InputConfig::default()
    };
    let read = read_with(&path, &config).unwrap();
    let skipped = read.skipped();
    assert_eq!(skipped.len(), 2, "{skipped:#?}");
    assert_eq!(skipped[0].reason, SkipReason::TooLarge);
    assert_eq!(
        skipped[0].detail,
        "line 2: longer than 1000 bytes; not read"
    );
    assert_eq!(skipped[1].reason, SkipReason::InvalidUtf8);
    assert_eq!(skipped[1].origin.line, 3);
    assert!(
        skipped[1].detail.starts_with("line 3: not valid UTF-8"),
        "{:?}",
        skipped[1]
    );
    assert_eq!(texts(read.conversation("ok")), ["fine"]);
    assert_eq!(read.conversation("ok").origin.line, 4);
}

#[test]
fn gzip_jsonl_with_bom() {
    let dir = TempDir::new().unwrap();
    let content = format!("\u{feff}{GOOD}\n");
    let path = write(
        &dir,
        "c.ndjson.gz",
        crate::input::csv::gzip(content.as_bytes()),
    );
    let read = read(&path).unwrap();
    assert_eq!(read.conversation("c1").turns.len(), 3);
}
