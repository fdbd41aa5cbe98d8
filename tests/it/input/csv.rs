//! Long CSV exports.

use convoscan::input::{Field, InputConfig};
use convoscan::model::{Limits, Origin, SkipReason, Speaker};
use tempfile::TempDir;

use crate::common::{read, read_with, texts, write};

const BASIC: &str = "\
conversation_id,speaker,text,agent,customer,channel,topic,language
c1,customer,Mijn tv is kapot.,,K1,phone,tv,nl
c1,agent,Wat is er gebeurd?,A7,,,,
c2,Agent,Good morning,A8,K2,chat,billing,en
c2,Customer,My bill is wrong,,,,,
";

#[test]
fn comma_separated_conversations_stream_in_order() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "week.csv", BASIC);
    let read = read(&path).unwrap();
    assert_eq!(read.items.len(), 2);
    let c1 = read.conversation("c1");
    assert_eq!(texts(c1), ["Mijn tv is kapot.", "Wat is er gebeurd?"]);
    assert_eq!(c1.turns[0].speaker, Speaker::Customer);
    assert_eq!(c1.turns[1].speaker, Speaker::Agent);
    assert_eq!(
        c1.origin,
        Origin {
            file: 0,
            line: 2,
            pass: 0
        }
    );
    assert_eq!((c1.turns[0].line, c1.turns[1].line), (2, 3));
    assert_eq!(c1.agents, ["A7"]);
    assert_eq!(c1.customer_id.as_deref(), Some("K1"));
    assert_eq!(c1.channel.as_deref(), Some("call"));
    assert_eq!(c1.topic.as_deref(), Some("tv"));
    assert_eq!(c1.language.as_deref(), Some("nl"));
    assert_eq!(c1.turns[0].offset_ms, None);
    let c2 = read.conversation("c2");
    assert_eq!(c2.agent_of_turn(0), Some("A8"));
    assert_eq!(c2.origin.line, 4);
    assert_eq!(read.stats.rows, 4);
    assert_eq!(read.stats.bytes, BASIC.len() as u64);
    assert!(read.stats.grouped);
    assert_eq!(read.stats.reassembled, 0);
}

#[test]
fn dutch_excel_semicolons_bom_and_crlf() {
    let dir = TempDir::new().unwrap();
    let csv = "\u{feff}Gesprek ID;Spreker;Tekst;Medewerker;Onderwerp\r\n\
               g1;klant;Ik wacht al een week;;levering\r\n\
               g1;medewerker;Dat is vervelend, ik kijk het na;M12;\r\n";
    let path = write(&dir, "export.csv", csv);
    let read = read(&path).unwrap();
    let g1 = read.conversation("g1");
    assert_eq!(
        texts(g1),
        ["Ik wacht al een week", "Dat is vervelend, ik kijk het na"]
    );
    assert_eq!(g1.turns[1].speaker, Speaker::Agent);
    assert_eq!(g1.agents, ["M12"]);
    assert_eq!(g1.topic.as_deref(), Some("levering"));
}

#[test]
fn tab_separated_with_english_aliases() {
    let dir = TempDir::new().unwrap();
    let tsv = "Chat ID\tRole\tMessage\tAgent Name\tQueue\n\
               t1\tvisitor\thello, anyone?\t\tsales\n\
               t1\tAgent 1\tYes, how can I help?\tJane\t\n";
    let path = write(&dir, "chats.tsv", tsv);
    let read = read(&path).unwrap();
    let t1 = read.conversation("t1");
    assert_eq!(texts(t1), ["hello, anyone?", "Yes, how can I help?"]);
    assert_eq!(t1.agents, ["Jane"]);
    assert_eq!(t1.topic.as_deref(), Some("sales"));
}

#[test]
fn quoted_newlines_and_delimiters_stay_in_the_text() {
    let dir = TempDir::new().unwrap();
    let csv = "id,speaker,text\r\n\
               q1,customer,\"Regel een\r\nregel twee, met komma\"\r\n\
               q1,agent,\"Hij zei \"\"nee\"\"\"\r\n";
    // `id` is not an alias: the override names it.
    let path = write(&dir, "q.csv", csv);
    let config = InputConfig {
        column_overrides: vec![(Field::ConversationId, "ID".into())],
        ..InputConfig::default()
    };
    let read = read_with(&path, &config).unwrap();
    let q1 = read.conversation("q1");
    assert_eq!(
        texts(q1),
        ["Regel een\r\nregel twee, met komma", "Hij zei \"nee\""]
    );
    assert_eq!((q1.turns[0].line, q1.turns[1].line), (2, 4));
}

#[test]
fn column_override_wins_over_aliases() {
    let dir = TempDir::new().unwrap();
    let csv = "conversation_id,wie,text,role\nc1,agent,hallo,supervisor\nc1,klant,hoi,x\n";
    let path = write(&dir, "o.csv", csv);
    let config = InputConfig {
        column_overrides: vec![(Field::Speaker, "Wie".into())],
        ..InputConfig::default()
    };
    let read = read_with(&path, &config).unwrap();
    let c1 = read.conversation("c1");
    assert_eq!(c1.turns[1].speaker, Speaker::Customer);

    let config = InputConfig {
        column_overrides: vec![(Field::Topic, "Wachtrij".into())],
        ..InputConfig::default()
    };
    let err = read_with(&path, &config).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:1: ", path.display())), "{err}");
    assert!(err.contains("--column topic=Wachtrij"), "{err}");
}

#[test]
fn missing_required_column_names_field_line_and_headers() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "m.csv", "conversation_id;who;text\nc1;agent;hi\n");
    let err = read(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:1: ", path.display())), "{err}");
    assert!(err.contains("required field speaker"), "{err}");
    assert!(
        err.contains("\"conversation_id\", \"who\", \"text\""),
        "{err}"
    );
    assert!(err.contains("--column speaker=HEADER"), "{err}");
}

#[test]
fn unknown_speaker_names_value_line_and_remedy() {
    let dir = TempDir::new().unwrap();
    let csv = "conversation_id,speaker,text\nc1,agent,hi\nc1,inbound,hello\n";
    let path = write(&dir, "s.csv", csv);
    let err = read(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:3: ", path.display())), "{err}");
    assert!(err.contains("unknown speaker \"inbound\""), "{err}");
    assert!(
        err.contains("--speaker-map inbound=agent|customer|system|bot"),
        "{err}"
    );

    let config = InputConfig {
        speaker_map: vec![("INBOUND".into(), Speaker::Customer)],
        ..InputConfig::default()
    };
    let read = read_with(&path, &config).unwrap();
    assert_eq!(read.conversation("c1").turns[1].speaker, Speaker::Customer);
}

#[test]
fn invalid_utf8_skips_only_its_conversation() {
    let dir = TempDir::new().unwrap();
    let mut csv = b"conversation_id,speaker,text\nc1,agent,goed\nc2,agent,fout \xff\xfe\nc2,customer,ok\nc3,agent,ook goed\n".to_vec();
    csv.extend_from_slice(b"c4,agent,\xc3\xa9\xc3\xa9n\n");
    let path = write(&dir, "u.csv", csv);
    let read = read(&path).unwrap();
    let ids: Vec<_> = read.conversations().iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids, ["c1", "c3", "c4"]);
    assert_eq!(texts(read.conversation("c4")), ["één"]);
    let skipped = read.skipped();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].id.as_deref(), Some("c2"));
    assert_eq!(skipped[0].reason, SkipReason::InvalidUtf8);
    assert_eq!(
        skipped[0].detail,
        "line 3, column \"text\": not valid UTF-8"
    );
    assert_eq!(skipped[0].origin.line, 3);
}

#[test]
fn empty_and_header_only_files() {
    let dir = TempDir::new().unwrap();
    for (name, contents) in [("empty.csv", ""), ("blank.csv", " \r\n\n")] {
        let path = write(&dir, name, contents);
        let err = read(&path).unwrap_err().to_string();
        assert_eq!(
            err,
            format!("{}: empty file: no header and no data", path.display())
        );
    }
    let path = write(&dir, "header.csv", "conversation_id,speaker,text\r\n");
    let read = read(&path).unwrap();
    assert!(read.items.is_empty());
    assert_eq!(read.stats.rows, 0);
}

#[test]
fn split_conversations_are_reassembled_in_a_second_pass() {
    let dir = TempDir::new().unwrap();
    let csv = "conversation_id,speaker,text\n\
               A,customer,a1\n\
               A,agent,a2\n\
               B,agent,b1\n\
               A,customer,a3\n\
               C,agent,c1\n\
               C,customer,c2\n";
    let path = write(&dir, "split.csv", csv);
    let read = read(&path).unwrap();
    let summary: Vec<(String, u8, Vec<&str>)> = read
        .conversations()
        .iter()
        .map(|c| (c.id.clone(), c.origin.pass, texts(c)))
        .collect();
    assert_eq!(
        summary,
        [
            ("A".to_string(), 0, vec!["a1", "a2"]),
            ("B".to_string(), 0, vec!["b1"]),
            ("C".to_string(), 0, vec!["c1", "c2"]),
            ("A".to_string(), 1, vec!["a1", "a2", "a3"]),
        ]
    );
    assert_eq!(read.items.len(), 4);
    let a = &read.conversations()[3];
    assert_eq!(
        a.origin,
        Origin {
            file: 0,
            line: 2,
            pass: 1
        }
    );
    let lines: Vec<u64> = a.turns.iter().map(|t| t.line).collect();
    assert_eq!(lines, [2, 3, 5]);
    assert!(!read.stats.grouped);
    assert_eq!(read.stats.reassembled, 1);
    assert_eq!(read.stats.rows, 6);
}

#[test]
fn split_conversations_in_gzip_are_reassembled_too() {
    let dir = TempDir::new().unwrap();
    let csv = "conversation_id,speaker,text\nA,agent,1\nB,agent,2\nA,agent,3\nB,agent,4\n";
    let path = write(&dir, "split.csv.gz", gzip(csv.as_bytes()));
    let read = read(&path).unwrap();
    let ids: Vec<(String, u8, usize)> = read
        .conversations()
        .iter()
        .map(|c| (c.id.clone(), c.origin.pass, c.turns.len()))
        .collect();
    assert_eq!(
        ids,
        [
            ("A".into(), 0, 1),
            ("B".into(), 0, 1),
            ("A".into(), 1, 2),
            ("B".into(), 1, 2)
        ]
    );
    assert_eq!(read.stats.reassembled, 2);
}

#[test]
fn turn_column_reorders_turns() {
    let dir = TempDir::new().unwrap();
    let csv = "conversation_id,turn,speaker,text\nc1,3,agent,derde\nc1,1,customer,eerste\nc1,2,agent,tweede\n";
    let path = write(&dir, "t.csv", csv);
    let read = read(&path).unwrap();
    let c1 = read.conversation("c1");
    assert_eq!(texts(c1), ["eerste", "tweede", "derde"]);
    assert_eq!(c1.turns[0].line, 3);

    let path = write(
        &dir,
        "bad.csv",
        "conversation_id,turn,speaker,text\nc1,één,agent,x\n",
    );
    let err = read_with(&path, &InputConfig::default())
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&format!("{}:2: ", path.display())), "{err}");
    assert!(err.contains("\"één\""), "{err}");
}

#[test]
fn timestamps_give_offsets_and_start() {
    let dir = TempDir::new().unwrap();
    let csv = "conversation_id,timestamp,speaker,text\n\
               c1,2024-05-01T09:30:00Z,customer,hallo\n\
               c1,2024-05-01 09:30:12.5,agent,goedemorgen\n\
               c1,2024-05-01T11:31:00+02:00,agent,tot ziens\n";
    let path = write(&dir, "ts.csv", csv);
    let read = read(&path).unwrap();
    let c1 = read.conversation("c1");
    assert_eq!(c1.started_at_ms, Some(1_714_555_800_000));
    let offsets: Vec<_> = c1.turns.iter().map(|t| t.offset_ms).collect();
    assert_eq!(offsets, [Some(0), Some(12_500), Some(60_000)]);
}

#[test]
fn offset_columns_win_over_timestamps() {
    let dir = TempDir::new().unwrap();
    let csv = "conversation_id;speaker;text;offset;tijdstip\n\
               c1;klant;hallo;0;01-05-2024 09:30\n\
               c1;agent;goedemorgen;12,5;01-05-2024 09:31\n\
               c1;agent;ok;[01:02];\n";
    let path = write(&dir, "off.csv", csv);
    let c1 = read(&path).unwrap().conversations()[0].clone();
    let offsets: Vec<_> = c1.turns.iter().map(|t| t.offset_ms).collect();
    assert_eq!(offsets, [Some(0), Some(12_500), Some(62_000)]);
    assert_eq!(c1.started_at_ms, Some(1_714_555_800_000));

    let csv = "conversation_id,speaker,text,BeginOffsetMillis\nc1,agent,hi,1500\nc1,agent,x,soon\n";
    let path = write(&dir, "ms.csv", csv);
    let err = read(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:3: ", path.display())), "{err}");
    assert!(
        err.contains("\"soon\" in column \"BeginOffsetMillis\""),
        "{err}"
    );
}

#[test]
fn rows_with_the_wrong_number_of_fields() {
    let dir = TempDir::new().unwrap();
    // Trailing empty fields (Excel) are fine.
    let path = write(
        &dir,
        "trailing.csv",
        "conversation_id;speaker;text\nc1;agent;hi;;\n",
    );
    assert_eq!(read(&path).unwrap().conversations().len(), 1);
    let csv = "conversation_id,speaker,text\nc1,agent,hi\nc1,agent,hallo, hoe gaat het\n";
    let path = write(&dir, "extra.csv", csv);
    let err = read(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:3: ", path.display())), "{err}");
    assert!(
        err.contains("this row has 4 fields but the header has 3"),
        "{err}"
    );
    let path = write(
        &dir,
        "short.csv",
        "conversation_id,speaker,text\nc1,agent\n",
    );
    let err = read(&path).unwrap_err().to_string();
    assert!(
        err.contains(":2: this row has 2 fields but the header has 3"),
        "{err}"
    );
}

#[test]
fn blank_conversation_id_is_an_error() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "b.csv",
        "conversation_id,speaker,text\nc1,agent,hi\n  ,agent,x\n",
    );
    let err = read(&path).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}:3: empty conversation id (column \"conversation_id\")",
            path.display()
        )
    );
}

#[test]
fn blank_text_is_an_empty_turn() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "e.csv",
        "conversation_id,speaker,text\nc1,agent,\nc1,agent,ok\nc2,agent,\"\"\n",
    );
    let read = read(&path).unwrap();
    assert_eq!(texts(read.conversation("c1")), ["", "ok"]);
    assert_eq!(read.skipped()[0].reason, SkipReason::Empty);
}

#[test]
fn unbalanced_quote_stops_with_a_located_error() {
    let dir = TempDir::new().unwrap();
    let mut csv = String::from("conversation_id,speaker,text\nc1,agent,\"never closed\n");
    for i in 0..20_000 {
        csv.push_str(&format!("c{i},agent,some more text\n"));
    }
    let path = write(&dir, "q.csv", csv);
    let config = InputConfig {
        limits: Limits {
            max_conversation_bytes: 1000,
            ..Limits::default()
        },
        ..InputConfig::default()
    };
    let err = read_with(&path, &config).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:2: ", path.display())), "{err}");
    assert!(err.contains("never closed"), "{err}");
}

#[test]
fn gzip_input_and_truncated_gzip() {
    let dir = TempDir::new().unwrap();
    let compressed = gzip(BASIC.as_bytes());
    let path = write(&dir, "week.csv.gz", &compressed);
    let read = read(&path).unwrap();
    assert_eq!(
        texts(read.conversation("c2")),
        ["Good morning", "My bill is wrong"]
    );
    assert_eq!(read.stats.bytes, compressed.len() as u64);

    // Two concatenated members, as `cat a.gz b.gz` makes.
    let (head, tail) = BASIC.split_at(BASIC.find("c2,").unwrap());
    let mut members = gzip(head.as_bytes());
    members.extend(gzip(tail.as_bytes()));
    let path = write(&dir, "members.csv.gz", &members);
    assert_eq!(
        read_with(&path, &InputConfig::default())
            .unwrap()
            .items
            .len(),
        2
    );

    let big: String = (0..5000)
        .map(|i| format!("c{i},agent,regel {i} met wat tekst\n"))
        .collect();
    let compressed = gzip(format!("conversation_id,speaker,text\n{big}").as_bytes());
    let path = write(&dir, "cut.csv.gz", &compressed[..compressed.len() / 2]);
    let err = match read_with(&path, &InputConfig::default()) {
        Ok(read) => panic!("truncated gzip read as {} items", read.items.len()),
        Err(err) => err.to_string(),
    };
    assert!(err.starts_with(&format!("{}: ", path.display())), "{err}");
    assert!(err.contains("gzip data is truncated or corrupt"), "{err}");
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn line_numbers_survive_blank_lines_crlf_and_quoted_breaks() {
    let dir = TempDir::new().unwrap();
    let csv = "conversation_id,speaker,text\r\n\r\nc1,agent,een\r\n\r\n\r\nc1,customer,\"twee\r\n\r\nregels\"\r\nc1,agent,drie";
    let path = write(&dir, "lines.csv", csv);
    let read = read(&path).unwrap();
    let c1 = read.conversation("c1");
    let lines: Vec<u64> = c1.turns.iter().map(|t| t.line).collect();
    assert_eq!(lines, [3, 6, 9]);
    assert_eq!(c1.origin.line, 3);
    let path = write(&dir, "lf.csv", csv.replace("\r\n", "\n"));
    let read = crate::common::read(&path).unwrap();
    let lines: Vec<u64> = read
        .conversation("c1")
        .turns
        .iter()
        .map(|t| t.line)
        .collect();
    assert_eq!(lines, [3, 6, 9]);
}

#[test]
fn split_conversations_from_stdin_are_reassembled_from_a_spool() {
    use convoscan::input::csv_long::CsvReader;
    use convoscan::input::source::Source;
    use convoscan::input::{ByteCounter, ConversationReader, InputFile};
    use convoscan::model::ReadItem;
    use std::path::Path;

    let csv = "conversation_id,speaker,text\nA,agent,1\nB,agent,2\nA,customer,3\n";
    let stdin = Path::new("-");
    let source = Source::from_reader(
        stdin,
        Box::new(std::io::Cursor::new(csv.as_bytes().to_vec())),
        ByteCounter::new(),
    )
    .unwrap();
    let file = InputFile {
        index: 3,
        path: stdin.to_path_buf(),
    };
    let mut reader = CsvReader::from_source(&file, &InputConfig::default(), source).unwrap();
    let mut seen = Vec::new();
    while let Some(item) = reader.next_item().unwrap() {
        match item {
            ReadItem::Conversation(c) => seen.push((c.id.clone(), c.origin, texts(&c).join("|"))),
            ReadItem::Skipped(s) => panic!("{s:?}"),
        }
    }
    let origin = |line, pass| Origin {
        file: 3,
        line,
        pass,
    };
    assert_eq!(
        seen,
        [
            ("A".to_string(), origin(2, 0), "1".to_string()),
            ("B".to_string(), origin(3, 0), "2".to_string()),
            ("A".to_string(), origin(2, 1), "1|3".to_string()),
        ]
    );
    assert_eq!(reader.stats().bytes, csv.len() as u64);
    assert_eq!(reader.byte_counter().get(), csv.len() as u64);
}
