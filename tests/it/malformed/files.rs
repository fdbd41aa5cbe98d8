//! Whole files gone wrong (compression, binary data, directories) and
//! inputs too large to analyse.

use super::{Case, check_all};
use crate::input::csv::gzip;

const HEADER: &str = "conversation_id,speaker,text\n";

/// Bytes that look like nothing: a fixed pseudo-random sequence.
fn garbage(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

fn many_conversations(n: usize) -> String {
    let rows: String = (0..n)
        .map(|i| format!("c{i},agent,regel {i} met wat tekst\nc{i},klant,antwoord {i}\n"))
        .collect();
    format!("{HEADER}{rows}")
}

pub fn cases() -> Vec<Case> {
    let compressed = gzip(many_conversations(2000).as_bytes());
    let mut binary = garbage(4000);
    binary[100] = 0;
    vec![
        Case::file(
            "gzip_that_ends_early",
            "week.csv.gz",
            compressed[..compressed.len() / 2].to_vec(),
        )
        .error("week.csv.gz", None, "gzip data is truncated or corrupt"),
        Case::file(
            "gzip_header_then_garbage",
            "week2.csv.gz",
            [&[0x1f, 0x8b][..], &garbage(500)].concat(),
        )
        .error("week2.csv.gz", None, "gzip data is truncated or corrupt"),
        Case::file("gzip_of_nothing", "empty.jsonl.gz", gzip(b"")).error(
            "empty.jsonl.gz",
            None,
            "empty file",
        ),
        Case::file("binary_garbage", "export.csv", binary).error(
            "export.csv",
            None,
            "binary data (a NUL byte), not a text export",
        ),
        // A NUL inside a text is an export's artefact, not binary data.
        Case::file(
            "stray_nul_in_a_text",
            "nul.csv",
            format!("{HEADER}c1,agent,hallo\0 daar\nc2,agent,ok\n"),
        )
        .reads(2),
        Case::file(
            "binary_garbage_without_nul",
            "export.txt",
            garbage(3000)
                .into_iter()
                .filter(|&b| b != 0)
                .collect::<Vec<u8>>(),
        )
        .error("export.txt", Some(1), "no column for required field"),
        Case::file(
            "spreadsheet_not_csv",
            "week.xlsx",
            [&b"PK\x03\x04\x14\x00\x06\x00"[..], &garbage(300)].concat(),
        )
        .error("week.xlsx", Some(1), "binary data"),
        Case::file("empty_directory", "notes/README.md", "not an export")
            .inputs(&[""])
            .error("", None, "no exports in this directory"),
        Case::file(
            "missing_file",
            "present.csv",
            format!("{HEADER}c1,agent,ok\n"),
        )
        .inputs(&["absent.csv"])
        .error("absent.csv", None, "No such file or directory"),
        // Exports among other files: only exports are read, hidden files never.
        Case::file(
            "directory_with_other_files",
            "week/a.csv",
            format!("{HEADER}c1,agent,ok\n"),
        )
        .and_file("week/README.md", "# export of week 47")
        .and_file("week/.~lock.a.csv#", "lock")
        .and_file(
            "week/sub/b.jsonl",
            r#"{"id": "c2", "turns": [{"speaker": "agent", "text": "ok"}]}"#,
        )
        .inputs(&["week"])
        .reads(2),
        Case::file(
            "directory_with_one_bad_file",
            "week/a.csv",
            format!("{HEADER}c1,agent,ok\n"),
        )
        .and_file("week/b.csv", "conversation_id;speaker\nc2;agent\n")
        .inputs(&["week"])
        .error("week/b.csv", Some(1), "no column for required field text"),
    ]
}

/// Cases built by [`large_inputs_are_counted_skips`], counted towards the
/// suite's size.
pub const LARGE_CASES: usize = 3;

fn large_cases() -> Vec<Case> {
    let huge = "x".repeat(50_000_000);
    let mut million = String::with_capacity(13_000_000);
    million.push_str(HEADER);
    million.push_str("c0,agent,ok\n");
    for i in 0..1_000_000 {
        million.push_str(if i % 2 == 0 {
            "c1,agent,ja\n"
        } else {
            "c1,klant,ja\n"
        });
    }
    million.push_str("c2,agent,ok\n");
    vec![
        Case::file(
            "csv_50_mb_field",
            "big.csv",
            format!("{HEADER}c0,agent,ok\nc1,agent,\"{huge}\"\nc2,agent,ok\n"),
        )
        .counts(
            2,
            &[("too_large", 1)],
            "big.csv:3: conversation c1 skipped (too_large): a turn of 50000000 bytes on line 3 (the limit is 1048576 bytes per turn)",
        )
        .without_strict_rerun(),
        Case::file(
            "jsonl_50_mb_field",
            "big.jsonl",
            format!(
                "{{\"id\": \"c1\", \"turns\": [{{\"speaker\": \"agent\", \"text\": \"{huge}\"}}]}}\n{{\"id\": \"c2\", \"turns\": [{{\"speaker\": \"agent\", \"text\": \"ok\"}}]}}\n"
            ),
        )
        .counts(1, &[("too_large", 1)], "big.jsonl:1: conversation c1 skipped (too_large): a turn of 50000000 bytes"),
        Case::file("csv_million_turn_conversation", "million.csv", million).counts(
            2,
            &[("too_large", 1)],
            "million.csv:3: conversation c1 skipped (too_large): more than 100000 turns",
        )
        .without_strict_rerun(),
    ]
}

#[test]
fn large_inputs_are_counted_skips() {
    let cases = large_cases();
    assert_eq!(cases.len(), LARGE_CASES);
    check_all(cases);
}

#[cfg(unix)]
#[test]
fn a_directory_with_an_unreadable_file_names_it() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::TempDir::new().unwrap();
    let week = dir.path().join("week");
    std::fs::create_dir(&week).unwrap();
    std::fs::write(week.join("a.csv"), format!("{HEADER}c1,agent,ok\n")).unwrap();
    // A link whose target is gone cannot be read, not even by root.
    symlink(dir.path().join("gone.csv"), week.join("b.csv")).unwrap();
    let run = super::report(std::slice::from_ref(&week), &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{}: No such file or directory",
            week.join("b.csv").display()
        )),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}
