//! Long-CSV exports as spreadsheets and databases get them wrong.

use super::Case;

const HEADER: &str = "conversation_id,speaker,text\n";

fn csv(rows: &str) -> String {
    format!("{HEADER}{rows}")
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xfe, 0xff]
        } else {
            &[0xff, 0xfe]
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

pub fn cases() -> Vec<Case> {
    vec![
        Case::file("csv_empty_file", "empty.csv", "").error(
            "empty.csv",
            None,
            "empty file: no header and no data",
        ),
        Case::file("csv_whitespace_only", "blank.csv", "\r\n\n  \n").error(
            "blank.csv",
            None,
            "empty file",
        ),
        // A header without rows is a valid export of a quiet day.
        Case::file("csv_header_only", "header.csv", HEADER).reads(0),
        Case::file(
            "csv_missing_required_column",
            "nocol.csv",
            "conversation_id,speaker\nc1,agent\n",
        )
        .error(
            "nocol.csv",
            Some(1),
            "no column for required field text; the headers are: \"conversation_id\", \"speaker\"",
        ),
        Case::file(
            "csv_unknown_speaker",
            "speaker.csv",
            csv("c1,agent,Goedemorgen\nc1,inbound,hallo\n"),
        )
        .error(
            "speaker.csv",
            Some(3),
            "unknown speaker \"inbound\"",
        ),
        Case::file(
            "csv_unknown_speaker_mapped",
            "mapped.csv",
            csv("c1,agent,Goedemorgen\nc1,inbound,hallo\n"),
        )
        .args(&["--speaker-map", "inbound=customer"])
        .reads(1),
        Case::file(
            "csv_invalid_utf8_text",
            "latin1.csv",
            [
                csv("c1,agent,Goedemorgen\n").as_bytes(),
                b"c2,agent,caf\xe9 gesloten\nc3,agent,ok\n",
            ]
            .concat(),
        )
        .counts(
            2,
            &[("invalid_utf8", 1)],
            "latin1.csv:3: conversation c2 skipped (invalid_utf8): line 3, column \"text\": not valid UTF-8",
        ),
        Case::file(
            "csv_invalid_utf8_id",
            "badid.csv",
            [csv("c1,agent,ok\n").as_bytes(), b"c\xff2,agent,ok\n"].concat(),
        )
        .counts(1, &[("invalid_utf8", 1)], "badid.csv:3: conversation c"),
        Case::file(
            "csv_utf16_le_with_bom",
            "unicode.csv",
            utf16(
                "conversation_id\tspeaker\ttext\r\nc1\tagent\tGoedemorgen\r\n",
                false,
                true,
            ),
        )
        .reads(1),
        Case::file(
            "csv_utf16_be_with_bom",
            "unicode-be.csv",
            utf16(&csv("c1,agent,Goedemorgen\n"), true, true),
        )
        .reads(1),
        Case::file(
            "csv_utf16_without_bom",
            "nobom.csv",
            utf16(&csv("c1,agent,Goedemorgen\n"), false, false),
        )
        .error(
            "nobom.csv",
            Some(1),
            "UTF-16 text without a byte-order mark",
        ),
        Case::file(
            "csv_bom_crlf_semicolons",
            "excel.csv",
            "\u{feff}conversation_id;speaker;text\r\nc1;agent;Goedemorgen\r\nc1;klant;hallo\r\n",
        )
        .reads(1),
        Case::file(
            "csv_quoted_newlines_and_delimiters",
            "quoted.csv",
            csv("c1,agent,\"Goedemorgen,\r\nwaarmee\n\nkan ik helpen?\"\nc2,agent,\"\"\"quoted\"\"\"\n"),
        )
        .reads(2),
        Case::file(
            "csv_unbalanced_quote_at_the_end",
            "unbalanced.csv",
            csv("c1,agent,ok\nc2,agent,\"never closed\nc3,agent,lost\nc4,agent,lost too\n"),
        )
        .error("unbalanced.csv", Some(3), "never closed"),
        Case::file(
            "csv_row_with_too_few_fields",
            "short.csv",
            csv("c1,agent,ok\nc1,agent\n"),
        )
        .error(
            "short.csv",
            Some(3),
            "this row has 2 fields but the header has 3",
        ),
        Case::file(
            "csv_unquoted_delimiter_in_text",
            "extra.csv",
            csv("c1,agent,ja, dat klopt\n"),
        )
        .error(
            "extra.csv",
            Some(2),
            "this row has 4 fields but the header has 3",
        ),
        // Excel writes a trailing `;` on every row.
        Case::file(
            "csv_trailing_empty_fields",
            "trailing.csv",
            "conversation_id;speaker;text;\nc1;agent;ok;;\n",
        )
        .reads(1),
        Case::file("csv_blank_conversation_id", "blankid.csv", csv(",agent,ok\n")).error(
            "blankid.csv",
            Some(2),
            "empty conversation id",
        ),
        Case::file(
            "csv_unreadable_timestamp",
            "time.csv",
            "conversation_id,speaker,text,timestamp\nc1,agent,ok,gisteren\n",
        )
        .error(
            "time.csv",
            Some(2),
            "cannot read \"gisteren\" in column \"timestamp\"",
        ),
        Case::file(
            "csv_turn_index_not_a_number",
            "turn.csv",
            "conversation_id,speaker,text,turn\nc1,agent,ok,een\n",
        )
        .error("turn.csv", Some(2), "cannot read \"een\" in column \"turn\""),
        Case::file(
            "csv_non_contiguous_conversation",
            "scattered.csv",
            csv("c1,klant,hallo\nc2,agent,goedemorgen\nc1,agent,waarmee kan ik helpen?\nc2,klant,dag\n"),
        )
        .reads(2),
        Case::file(
            "csv_no_agent_turn",
            "abandoned.csv",
            csv("c1,klant,hallo?\nc1,bot,Een moment.\nc2,agent,ok\n"),
        )
        .counts(
            1,
            &[("no_agent", 1)],
            "abandoned.csv:2: conversation c1 skipped (no_agent)",
        ),
        Case::file("csv_no_text", "notext.csv", csv("c1,agent,\nc1,klant,  \nc2,agent,ok\n"))
            .counts(1, &[("empty", 1)], "notext.csv:2: conversation c1 skipped (empty)"),
        Case::file(
            "csv_same_id_in_two_files",
            "monday.csv",
            csv("c1,agent,maandag\n"),
        )
        .and_file("tuesday.csv", csv("c1,agent,dinsdag\nc2,agent,ok\n"))
        .inputs(&["monday.csv", "tuesday.csv"])
        .counts(
            2,
            &[("duplicate_id", 1)],
            "tuesday.csv:2: conversation c1 skipped (duplicate_id): line 2: conversation id already read from",
        ),
    ]
}
