//! Vendor exports: every format read from its fixture, malformed files of
//! every format, mixed directories, and metadata from paths and side CSVs.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use convoscan::input::meta::{MetaTable, PathPattern};
use convoscan::input::{InputConfig, InputFormat, detect::detect_format};
use convoscan::model::{Conversation, Speaker};
use tempfile::TempDir;

use crate::common::{ReadAll, read, read_with, texts, write};
use crate::input::csv::gzip;

use Speaker::{Agent, Bot, Customer, System};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/formats")
        .join(path)
}

fn only(read: &ReadAll) -> &Conversation {
    let conversations = read.conversations();
    assert_eq!(conversations.len(), 1, "{:#?}", read.items);
    conversations[0]
}

fn speakers(c: &Conversation) -> Vec<Speaker> {
    c.turns.iter().map(|t| t.speaker).collect()
}

fn offsets(c: &Conversation) -> Vec<Option<u64>> {
    c.turns.iter().map(|t| t.offset_ms).collect()
}

fn ms(timestamp: &str) -> i64 {
    timestamp
        .parse::<jiff::Timestamp>()
        .unwrap()
        .as_millisecond()
}

fn with_speakers(pairs: &[(Speaker, &str)]) -> InputConfig {
    InputConfig {
        speakers: pairs.iter().map(|(s, l)| (*s, l.to_string())).collect(),
        ..InputConfig::default()
    }
}

#[test]
fn every_fixture_is_recognised_by_its_content() {
    for (path, format) in [
        ("connect/contact-lens-call.json", InputFormat::Connect),
        ("connect/contact-lens-chat.json", InputFormat::Connect),
        (
            "transcribe/call-analytics-retour-8812.json",
            InputFormat::Transcribe,
        ),
        ("genesys/transcript-call.json", InputFormat::Genesys),
        ("ccai/chat-20240503-0931.json", InputFormat::Ccai),
        ("zendesk/ticket-48213.json", InputFormat::Zendesk),
        (
            "intercom/conversation-1911149811.json",
            InputFormat::Intercom,
        ),
        ("twilio/messages-whatsapp.json", InputFormat::Twilio),
        ("whisper/call-0612.json", InputFormat::Whisper),
        ("vtt/call-0613.vtt", InputFormat::Vtt),
        ("srt/call-0614.srt", InputFormat::Srt),
        ("text/chat-0615.txt", InputFormat::Text),
    ] {
        assert_eq!(detect_format(&fixture(path)).unwrap(), format, "{path}");
    }
    // Content, not the name: subtitles and transcripts under other names.
    let dir = TempDir::new().unwrap();
    let vtt = std::fs::read(fixture("vtt/call-0613.vtt")).unwrap();
    let srt = std::fs::read(fixture("srt/call-0614.srt")).unwrap();
    assert_eq!(
        detect_format(&write(&dir, "a.txt", &vtt)).unwrap(),
        InputFormat::Vtt
    );
    assert_eq!(
        detect_format(&write(&dir, "b", &srt)).unwrap(),
        InputFormat::Srt
    );
}

#[test]
fn connect_voice() {
    let read = read(&fixture("connect/contact-lens-call.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "7f3c9d2e-5a41-4b7e-9c1d-2e8f6a0b4c11");
    assert_eq!(speakers(c), [Agent, Customer, Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "Ik heb een brief gekregen over een achterstand, maar ik ben mijn baan kwijt."
    );
    assert_eq!(
        offsets(c),
        [Some(0), Some(3900), Some(9800), Some(14800), Some(21450)]
    );
    assert_eq!(c.channel.as_deref(), Some("call"));
    assert_eq!(c.language.as_deref(), Some("nl-NL"));
    assert_eq!(c.topic.as_deref(), Some("Betalingsregeling"));
    assert!(c.agents.is_empty());
    assert_eq!(c.turns[4].line, 5);
}

#[test]
fn connect_chat_skips_events_and_times_from_absolute_time() {
    let read = read(&fixture("connect/contact-lens-chat.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "9a8b7c6d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");
    assert_eq!(speakers(c), [Customer, Agent, Customer]);
    assert_eq!(
        c.turn_text(1),
        "Thanks for waiting. What is your order number?"
    );
    assert_eq!(offsets(c), [Some(0), Some(26_588), Some(64_602)]);
    assert_eq!(c.started_at_ms, Some(ms("2024-05-02T10:15:05.402Z")));
    assert_eq!(c.channel.as_deref(), Some("chat"));
    assert_eq!(c.language.as_deref(), Some("en-US"));
    assert_eq!(c.topic, None);
}

#[test]
fn transcribe_call_analytics() {
    let read = read(&fixture("transcribe/call-analytics-retour-8812.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "retour-8812");
    assert_eq!(speakers(c), [Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "The cooktop you repaired last month is broken again."
    );
    assert_eq!(offsets(c), [Some(200), Some(4800), Some(9100)]);
    assert_eq!(c.channel.as_deref(), Some("call"));
    assert_eq!(c.language.as_deref(), Some("en-US"));
    assert_eq!(c.topic.as_deref(), Some("repeat-repair"));
}

#[test]
fn genesys_transcript() {
    let read = read(&fixture("genesys/transcript-call.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "b6f0e3a2-2c71-4d9b-a8f4-5e6d7c8b9a01");
    assert_eq!(speakers(c), [System, Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(2),
        "Mijn kookplaat is na de reparatie weer kapot."
    );
    assert_eq!(
        offsets(c),
        [Some(400), Some(31_200), Some(35_000), Some(40_100)]
    );
    assert_eq!(c.started_at_ms, Some(1_714_555_800_000));
    assert_eq!(c.agents, ["0f9e8d7c-6b5a-4c3d-2e1f-a0b9c8d7e6f5"]);
    assert_eq!(
        c.agent_of_turn(3),
        Some("0f9e8d7c-6b5a-4c3d-2e1f-a0b9c8d7e6f5")
    );
    assert_eq!(c.channel.as_deref(), Some("call"));
    assert_eq!(c.language.as_deref(), Some("nl-nl"));
    assert_eq!(c.topic.as_deref(), Some("Reparatie"));
}

#[test]
fn ccai_entries() {
    let read = read(&fixture("ccai/chat-20240503-0931.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "chat-20240503-0931");
    assert_eq!(speakers(c), [Customer, Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(2),
        "Ik ben verhuisd en heb geen glasvezel meer."
    );
    assert_eq!(
        offsets(c),
        [Some(0), Some(12_500), Some(41_000), Some(70_250)]
    );
    assert_eq!(c.started_at_ms, Some(1_714_728_660_000));
    assert_eq!(c.channel.as_deref(), Some("chat"));
    assert!(c.agents.is_empty());
}

#[test]
fn zendesk_ticket_with_notes_and_html() {
    let read = read(&fixture("zendesk/ticket-48213.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "48213");
    assert_eq!(speakers(c), [Customer, System, Agent, Customer]);
    assert_eq!(
        c.turn_text(1),
        "Intern: klant belt voor de tweede keer, monteur heeft slang niet vervangen."
    );
    assert_eq!(
        c.turn_text(2),
        "Beste Marieke,\n\nWat vervelend dat de machine opnieuw lekt. Zoals ik al zei in mijn vorige mail komt er morgen een monteur.\n\nMet vriendelijke groet,\nYoussef"
    );
    assert_eq!(
        offsets(c),
        [Some(0), Some(5_238_000), Some(5_566_000), Some(21_026_000)]
    );
    assert_eq!(c.started_at_ms, Some(ms("2024-05-06T08:12:44Z")));
    assert_eq!(c.agents, ["381204455902"]);
    assert_eq!(c.customer_id.as_deref(), Some("392017755311"));
    assert_eq!(c.channel.as_deref(), Some("email"));
    assert_eq!(c.topic, None);
}

#[test]
fn zendesk_pages_of_tickets_and_bare_comments() {
    let dir = TempDir::new().unwrap();
    let tickets = r#"{"tickets": [
        {"id": 1, "requester_id": 10, "via": {"channel": "chat"}, "comments": [
            {"author_id": 10, "body": "hoi", "public": true, "created_at": "2024-05-01T10:00:00Z"},
            {"author_id": 20, "body": "hallo", "public": true, "created_at": "2024-05-01T10:01:00Z"}]},
        {"id": 2, "requester_id": 11, "comments": []},
        {"id": 1, "requester_id": 10, "comments": [{"author_id": 20, "body": "x"}]}],
        "next_page": null, "count": 3}"#;
    let read = read(&write(&dir, "page.json", tickets)).unwrap();
    assert_eq!(read.items.len(), 3);
    let c = read.conversation("1");
    assert_eq!(speakers(c), [Customer, Agent]);
    assert_eq!(c.channel.as_deref(), Some("chat"));
    let skipped = read.skipped();
    assert_eq!(skipped[0].reason.as_str(), "empty");
    assert_eq!(skipped[1].reason.as_str(), "duplicate_id");
    // A comments page alone: the first author is the requester.
    let comments = r#"{"comments": [{"author_id": 7, "body": "Mijn rekening klopt niet"},
                                     {"author_id": 8, "html_body": "<p>Ik kijk&nbsp;mee</p>"}]}"#;
    let read = crate::common::read(&write(&dir, "48999.json", comments)).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "48999");
    assert_eq!(speakers(c), [Customer, Agent]);
    assert_eq!(texts(c), ["Mijn rekening klopt niet", "Ik kijk mee"]);
}

#[test]
fn intercom_conversation() {
    let read = read(&fixture("intercom/conversation-1911149811.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "1911149811");
    assert_eq!(speakers(c), [Customer, Agent, System, Agent, Customer]);
    assert_eq!(
        c.turn_text(1),
        "Hi Emma,\n\nI'm sorry about that — let me check your invoices."
    );
    assert_eq!(
        c.turn_text(0),
        "Hi, I was charged twice for my subscription this month."
    );
    assert_eq!(
        offsets(c),
        [
            Some(0),
            Some(90_000),
            Some(200_000),
            Some(300_000),
            Some(420_000)
        ]
    );
    assert_eq!(c.started_at_ms, Some(1_714_644_000_000));
    assert_eq!(c.agents, ["814860"]);
    assert_eq!(c.customer_id.as_deref(), Some("6630e0c1f2a9b84d1c7e5a21"));
    assert_eq!(c.channel.as_deref(), Some("chat"));
}

#[test]
fn twilio_messages_grouped_ordered_and_roles_inferred() {
    let read = read(&fixture("twilio/messages-whatsapp.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "CH6c2b8f5e0e5a4a3d9b1f7c2e4d6a8b0c");
    assert_eq!(speakers(c), [Customer, Agent, Customer]);
    assert_eq!(c.turn_text(2), "Het is een cadeau voor mijn dochter.");
    assert_eq!(offsets(c), [Some(0), Some(72_000), Some(157_000)]);
    assert_eq!(c.agents, ["lotte.visser@example.nl"]);
    assert_eq!(c.customer_id.as_deref(), Some("whatsapp:+31612345678"));
    assert_eq!(c.channel.as_deref(), Some("messaging"));

    // Two chat identities: the user says which one is the agent.
    let dir = TempDir::new().unwrap();
    let chat = r#"[{"conversation_sid": "CH1", "author": "kees", "body": "hoi", "index": 0},
                   {"conversation_sid": "CH1", "author": "support-anna", "body": "hallo", "index": 1},
                   {"conversation_sid": "CH2", "author": "agent_bob", "body": "Goedemiddag", "index": 0},
                   {"conversation_sid": "CH2", "author": "system", "body": "Chat gesloten", "index": 1}]"#;
    let path = write(&dir, "chats.json", chat);
    let err = crate::common::read(&path).unwrap_err().to_string();
    assert!(
        err.contains("$[0].author: unknown speaker \"kees\""),
        "{err}"
    );
    assert!(err.contains("--speakers agent=kees"), "{err}");
    let read = read_with(&path, &with_speakers(&[(Agent, "support-anna")])).unwrap();
    let ch1 = read.conversation("CH1");
    assert_eq!(speakers(ch1), [Customer, Agent]);
    assert_eq!(ch1.agents, ["support-anna"]);
    assert_eq!(ch1.channel.as_deref(), Some("chat"));
    let ch2 = read.conversation("CH2");
    assert_eq!(speakers(ch2), [Agent, System]);
    assert_eq!(ch2.agents, ["agent_bob"]);
}

#[test]
fn whisper_segments_with_diarised_speakers() {
    let path = fixture("whisper/call-0612.json");
    let err = read(&path).unwrap_err().to_string();
    assert!(err.contains("$.segments[0].speaker"), "{err}");
    assert!(err.contains("--speakers agent=SPEAKER_00"), "{err}");
    let read = read_with(&path, &with_speakers(&[(Agent, "SPEAKER_00")])).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "call-0612");
    assert_eq!(speakers(c), [Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "Hallo, ik bel over mijn factuur. Die is veel te hoog."
    );
    assert_eq!(offsets(c), [Some(0), Some(3600), Some(7500)]);
    assert_eq!(c.language.as_deref(), Some("nl"));
    assert_eq!(c.channel.as_deref(), Some("call"));
}

#[test]
fn whisper_text_prefixes_and_language_names() {
    let dir = TempDir::new().unwrap();
    let json = r#"{"language": "dutch", "segments": [
        {"start": 0.0, "end": 1.0, "text": " Agent: Goedemiddag."},
        {"start": 1.2, "end": 2.0, "text": " Waarmee kan ik helpen?"},
        {"start": 2.5, "end": 4.0, "text": " Klant: Mijn pas is geblokkeerd."}]}"#;
    let read = read(&write(&dir, "w.json", json)).unwrap();
    let c = only(&read);
    assert_eq!(speakers(c), [Agent, Customer]);
    assert_eq!(
        texts(c),
        [
            "Goedemiddag. Waarmee kan ik helpen?",
            "Mijn pas is geblokkeerd."
        ]
    );
    assert_eq!(c.language.as_deref(), Some("nl"));
}

#[test]
fn webvtt_voices_merged_cues_and_entities() {
    let read = read(&fixture("vtt/call-0613.vtt")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "call-0613");
    assert_eq!(speakers(c), [Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "Mijn internet valt steeds weg, al drie dagen & niemand belt terug. Ik ben het echt zat."
    );
    assert_eq!(offsets(c), [Some(0), Some(4100), Some(10_000)]);
    assert_eq!(c.turns[1].line, 13);
    assert_eq!(c.channel.as_deref(), Some("call"));
}

#[test]
fn srt_prefixes_and_continuations() {
    let read = read(&fixture("srt/call-0614.srt")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "call-0614");
    assert_eq!(speakers(c), [Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "Mijn pakket is beschadigd aangekomen. De doos was helemaal ingedeukt."
    );
    assert_eq!(offsets(c), [Some(0), Some(3300), Some(8900)]);
}

#[test]
fn plain_text_transcript() {
    let read = read(&fixture("text/chat-0615.txt")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "chat-0615");
    assert_eq!(speakers(c), [Customer, Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(2),
        "Toch heb ik niets ontvangen. Let op: ik heb ook in mijn spam gekeken."
    );
    assert_eq!(
        offsets(c),
        [Some(0), Some(41_000), Some(65_000), Some(90_000)]
    );
    let lines: Vec<u64> = c.turns.iter().map(|t| t.line).collect();
    assert_eq!(lines, [1, 2, 3, 5]);
}

#[test]
fn diarised_plain_text_with_speakers() {
    let dir = TempDir::new().unwrap();
    let text = "SPEAKER_01: Hallo?\nSPEAKER_00: Goedemorgen.\nSPEAKER_01: Mijn tv is kapot.\n";
    let path = write(&dir, "t.txt", text);
    let err = read(&path).unwrap_err().to_string();
    assert!(
        err.contains("t.txt:1: unknown speaker \"SPEAKER_01\""),
        "{err}"
    );
    let read = read_with(&path, &with_speakers(&[(Agent, "SPEAKER_00")])).unwrap();
    assert_eq!(speakers(only(&read)), [Customer, Agent, Customer]);
    let both = with_speakers(&[(Agent, "SPEAKER_00"), (Bot, "SPEAKER_01")]);
    let read = read_with(&path, &both).unwrap();
    assert_eq!(speakers(only(&read)), [Bot, Agent, Bot]);
}

/// Runs the binary; returns exit code, stdout, stderr.
fn convoscan(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_convoscan"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

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
fn metadata_from_the_path() {
    let dir = TempDir::new().unwrap();
    let text = std::fs::read(fixture("text/chat-0615.txt")).unwrap();
    let path = write(&dir, "exports/A17/2024-05-01_0417.txt.gz", gzip(&text));
    let config = InputConfig {
        meta_from_path: Some(PathPattern::new("{agent}/{date}_{id}.txt").unwrap()),
        ..InputConfig::default()
    };
    let read = read_with(&path, &config).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "0417");
    assert_eq!(c.agents, ["A17"]);
    assert_eq!(c.agent_of_turn(1), Some("A17"));
    assert_eq!(c.started_at_ms, Some(ms("2024-05-01T00:00:00Z")));
    // An export's own agent wins; the path's id does not rename it.
    let genesys = std::fs::read(fixture("genesys/transcript-call.json")).unwrap();
    let path = write(&dir, "exports/B2/2024-05-02_x.json", genesys);
    let config = InputConfig {
        meta_from_path: Some(PathPattern::new("{agent}/{date}_{id}.json").unwrap()),
        ..InputConfig::default()
    };
    let read = read_with(&path, &config).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "b6f0e3a2-2c71-4d9b-a8f4-5e6d7c8b9a01");
    assert_eq!(c.agents, ["0f9e8d7c-6b5a-4c3d-2e1f-a0b9c8d7e6f5"]);
    assert_eq!(c.started_at_ms, Some(1_714_555_800_000));
    // A path the pattern does not fit is an error, through the CLI too.
    let other = write(&dir, "loose.txt", &text);
    let err = read_with(&other, &config).unwrap_err().to_string();
    assert!(err.contains("does not match --meta-from-path"), "{err}");
    let (code, _, stderr) = convoscan(&[
        "report",
        other.to_str().unwrap(),
        "--meta-from-path",
        "calls/{agent}/{id}.txt",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("does not match"), "{stderr}");
    let (code, _, stderr) = convoscan(&[
        "report",
        other.to_str().unwrap(),
        "--meta-from-path",
        "{who}/{id}.txt",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("unknown placeholder {who}"), "{stderr}");
}

#[test]
fn metadata_from_a_side_csv() {
    let dir = TempDir::new().unwrap();
    let meta = write(
        &dir,
        "gesprekken.csv",
        "Gesprek ID;Medewerker;Onderwerp;Kanaal;Klantnummer;Tijdstip\n\
         7f3c9d2e-5a41-4b7e-9c1d-2e8f6a0b4c11;S.deVries;incasso;telefoon;K-2291;2024-05-01 09:30:00\n\
         chat-0615;A4;klachten;chat;;\n",
    );
    let config = InputConfig {
        meta: Some(Arc::new(MetaTable::load(&meta).unwrap())),
        ..InputConfig::default()
    };
    let read = read_with(&fixture("connect/contact-lens-call.json"), &config).unwrap();
    let c = only(&read);
    assert_eq!(c.agents, ["S.deVries"]);
    // The export's own category stays the topic; only gaps are filled.
    assert_eq!(c.topic.as_deref(), Some("Betalingsregeling"));
    assert_eq!(c.customer_id.as_deref(), Some("K-2291"));
    assert_eq!(c.started_at_ms, Some(ms("2024-05-01T09:30:00Z")));
    assert!(read.stats.warnings.is_empty(), "{:?}", read.stats.warnings);
    let read = read_with(&fixture("text/chat-0615.txt"), &config).unwrap();
    let c = only(&read);
    assert_eq!(
        (c.agents.as_slice(), c.topic.as_deref()),
        (&["A4".to_string()][..], Some("klachten"))
    );
    assert_eq!(c.channel.as_deref(), Some("chat"));
    // Conversations without a row are reported.
    let read = read_with(&fixture("srt/call-0614.srt"), &config).unwrap();
    assert_eq!(read.stats.warnings.len(), 1);
    assert!(
        read.stats.warnings[0].contains("1 conversation without a row in --meta"),
        "{:?}",
        read.stats.warnings
    );
    // Through the CLI, and with its errors.
    let (code, _, stderr) = convoscan(&[
        "report",
        fixture("text/chat-0615.txt").to_str().unwrap(),
        "--meta",
        meta.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let dup = write(&dir, "dup.csv", "conversation_id,agent\nc1,A\nc1,B\n");
    let err = MetaTable::load(&dup).unwrap_err().to_string();
    assert!(
        err.contains("dup.csv:3: --meta: conversation id \"c1\" is also on line 2"),
        "{err}"
    );
    let no_id = write(&dir, "noid.csv", "agent,topic\nA,b\n");
    let err = MetaTable::load(&no_id).unwrap_err().to_string();
    assert!(err.contains("no conversation id column"), "{err}");
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
