//! JSON Lines and vendor JSON exports: cut short, mistyped, nested too deep.

use super::Case;

fn line(id: &str, text: &str) -> String {
    format!(r#"{{"id": "{id}", "turns": [{{"speaker": "agent", "text": "{text}"}}]}}"#)
}

fn lines(records: &[String]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

pub fn cases() -> Vec<Case> {
    vec![
        Case::file(
            "jsonl_truncated_last_line",
            "cut.jsonl",
            format!(
                "{}{}",
                lines(&[line("c1", "ok")]),
                r#"{"id": "c2", "turns": [{"speaker": "agent", "te"#
            ),
        )
        .counts(
            1,
            &[("malformed", 1)],
            "cut.jsonl:2: conversation ? skipped (malformed): line 2: EOF while parsing",
        ),
        Case::file(
            "jsonl_wrong_types",
            "types.jsonl",
            lines(&[
                line("c1", "ok"),
                r#"{"id": "c2", "turns": "geen lijst"}"#.to_string(),
                r#"{"id": "c3", "turns": [{"speaker": ["agent"], "text": "x"}]}"#.to_string(),
            ]),
        )
        .counts(
            1,
            &[("malformed", 2)],
            "types.jsonl:2: conversation ? skipped (malformed): line 2: invalid type: string \"geen lijst\"",
        ),
        Case::file(
            "jsonl_missing_id",
            "noid.jsonl",
            lines(&[
                r#"{"turns": [{"speaker": "agent", "text": "x"}]}"#.to_string(),
                line("c2", "ok"),
            ]),
        )
        .counts(1, &[("malformed", 1)], "missing field `id`"),
        Case::file(
            "jsonl_deeply_nested_turns",
            "deep.jsonl",
            lines(&[
                format!(r#"{{"id": "c1", "turns": {}{}}}"#, "[".repeat(5000), "]".repeat(5000)),
                line("c2", "ok"),
            ]),
        )
        .counts(1, &[("malformed", 1)], "deep.jsonl:1: conversation"),
        // Unknown fields are skipped over without recursion, whatever their depth.
        Case::file(
            "jsonl_deeply_nested_unknown_field",
            "deepfield.jsonl",
            lines(&[format!(
                r#"{{"id": "c1", "extra": {}1{}, "turns": [{{"speaker": "agent", "text": "ok"}}]}}"#,
                r#"{"a": "#.repeat(20_000),
                "}".repeat(20_000)
            )]),
        )
        .reads(1),
        Case::file(
            "jsonl_unknown_speaker",
            "speaker.jsonl",
            lines(&[r#"{"id": "c1", "turns": [{"speaker": "supervisor", "text": "x"}]}"#.to_string()]),
        )
        .error("speaker.jsonl", Some(1), "unknown speaker \"supervisor\""),
        Case::file(
            "jsonl_duplicate_id_in_one_file",
            "twice.jsonl",
            lines(&[line("c1", "een"), line("c2", "twee"), line("c1", "drie")]),
        )
        .counts(
            2,
            &[("duplicate_id", 1)],
            "twice.jsonl:3: conversation c1 skipped (duplicate_id)",
        ),
        Case::file(
            "jsonl_invalid_utf8",
            "latin1.jsonl",
            [
                lines(&[line("c1", "ok")]).as_bytes(),
                b"{\"id\": \"c2\", \"turns\": [{\"speaker\": \"agent\", \"text\": \"caf\xe9\"}]}\n",
            ]
            .concat(),
        )
        .counts(
            1,
            &[("invalid_utf8", 1)],
            "latin1.jsonl:2: conversation ? skipped (invalid_utf8): line 2: not valid UTF-8",
        ),
        Case::file(
            "jsonl_blank_lines_and_crlf",
            "blank.jsonl",
            format!("\r\n{}\r\n\r\n{}\r\n", line("c1", "een"), line("c2", "twee")),
        )
        .reads(2),
        Case::file(
            "jsonl_that_is_not_json",
            "notjson.jsonl",
            "conversation_id,speaker,text\nc1,agent,x\n",
        )
        .error(
            "notjson.jsonl",
            Some(1),
            "this is not JSON Lines: the first record does not start with '{'",
        ),
        Case::file(
            "connect_truncated_document",
            "contact.json",
            r#"{"Participants": [{"ParticipantId": "A", "ParticipantRole": "AGENT"}],
 "Transcript": [{"ParticipantId": "A", "Content": "Goedemorgen", "BeginOffsetMillis": 0}"#,
        )
        .error("contact.json", Some(2), "invalid JSON: EOF while parsing"),
        Case::file(
            "transcribe_wrong_json_type",
            "job.json",
            r#"{"JobName": "j1", "Transcript": [{"ParticipantRole": "AGENT", "Content": ["hoi"]}]}"#,
        )
        .error(
            "job.json",
            None,
            "$.Transcript[0].Content: expected a string, found an array",
        ),
        Case::file(
            "genesys_deeply_nested",
            "genesys.json",
            format!(
                r#"{{"conversationId": "g1", "transcripts": {}{}}}"#,
                "[".repeat(10_000),
                "]".repeat(10_000)
            ),
        )
        .error("genesys.json", Some(1), "recursion limit exceeded"),
        Case::file(
            "json_of_unknown_shape",
            "export.json",
            r#"[{"conversation": {"messages_v2": []}}]"#,
        )
        .error("export.json", None, "not a format convoscan recognises"),
        Case::file(
            "zendesk_invalid_utf8",
            "ticket.json",
            [
                &br#"{"ticket": {"id": 5, "requester_id": 1}, "comments": [{"author_id": 2, "body": "caf"#[..],
                b"\xe9",
                br#"", "created_at": "2024-01-01T00:00:00Z"}]}"#,
            ]
            .concat(),
        )
        .counts(0, &[("invalid_utf8", 1)], "ticket.json:1: conversation ticket skipped (invalid_utf8)"),
        Case::file("whisper_without_segments", "call.json", r#"{"segments": []}"#).counts(
            0,
            &[("empty", 1)],
            "call.json:1: conversation call skipped (empty)",
        ),
        Case::file(
            "vtt_unreadable_cue_time",
            "call.vtt",
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Agent>hoi\n\n00:00:0x.000 --> 00:00:04.000\n<v Klant>ja\n",
        )
        .error("call.vtt", Some(6), "cannot read the cue time"),
        Case::file(
            "srt_cue_without_timing",
            "call.srt",
            "1\n00:00:00,000 --> 00:00:02,000\nAgent: hoi\n\n2\nKlant: ja\n",
        )
        .error("call.srt", Some(5), "expected a cue timing line"),
    ]
}
