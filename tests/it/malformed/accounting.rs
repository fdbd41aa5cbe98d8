//! Conversations read = analysed + skipped, in every output: each report
//! format, the conversations file, and the line on standard error.

use regex::Regex;
use tempfile::TempDir;

use super::{accounting, report};
use crate::common::write;

/// A week with a skip of every kind a reader produces, in two formats.
fn messy_week(dir: &TempDir) -> Vec<std::path::PathBuf> {
    let csv = [
        &b"conversation_id,speaker,agent,text\n"[..],
        b"c1,klant,A1,Mijn pakket is niet aangekomen.\n",
        b"c1,agent,A1,Dan gaan we naar de rechter.\n",
        b"c2,klant,,hallo?\n",
        b"c3,agent,A2,\n",
        b"c4,agent,A2,caf\xe9\n",
        b"c5,klant,A1,Waar blijft mijn geld?\n",
        b"c6,agent,A2,Goedemorgen.\n",
        b"c5,agent,A1,Ik kijk het na.\n",
    ]
    .concat();
    let jsonl = [
        r#"{"id": "c6", "turns": [{"speaker": "agent", "text": "al gelezen in de CSV"}]}"#,
        r#"{"id": "c7", "turns": "kapot"}"#,
        r#"{"id": "c8", "agent": "A3", "turns": [{"speaker": "agent", "text": "Zoals ik al zei, dat kan niet."}]}"#,
    ]
    .join("\n");
    vec![
        write(dir, "week/monday.csv", csv),
        write(dir, "week/tuesday.jsonl", jsonl),
    ]
}

const READ: u64 = 9;
const ANALYSED: u64 = 4;
const SKIPPED: u64 = 5;

/// `(read, analysed, skipped)` from the accounting line of a table,
/// Markdown or HTML report, or of standard error.
fn from_line(text: &str) -> (u64, u64, u64) {
    let line =
        Regex::new(r"Read \d+ files?: (\d+) conversations, (\d+) analysed, (\d+) skipped").unwrap();
    let caps = line
        .captures(text)
        .unwrap_or_else(|| panic!("no accounting line in:\n{text}"));
    let n = |i: usize| caps[i].parse::<u64>().unwrap();
    (n(1), n(2), n(3))
}

fn from_csv(text: &str) -> (u64, u64, u64) {
    let value = |metric: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("accounting,,,{metric},")))
            .unwrap_or_else(|| panic!("no {metric} row in:\n{text}"))
            .parse::<u64>()
            .unwrap()
    };
    (
        value("conversations_read"),
        value("analysed"),
        value("skipped"),
    )
}

fn from_json(text: &str) -> (u64, u64, u64) {
    let acc = accounting(text);
    let n = |key: &str| acc[key].as_u64().unwrap();
    let by_reason: u64 = acc["skipped_by_reason"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_reason, n("skipped"), "{acc}");
    (n("conversations_read"), n("analysed"), n("skipped"))
}

#[test]
fn read_equals_analysed_plus_skipped_in_every_output() {
    let dir = TempDir::new().unwrap();
    let inputs = messy_week(&dir);
    let expected = (READ, ANALYSED, SKIPPED);
    for format in ["table", "markdown", "html", "csv", "json"] {
        let out = dir.path().join(format!("report.{format}"));
        let conversations = dir.path().join(format!("conversations-{format}.jsonl"));
        let run = report(
            &inputs,
            &[
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
                "--conversations",
                conversations.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = std::fs::read_to_string(&out).unwrap();
        let counts = match format {
            "csv" => from_csv(&text),
            "json" => from_json(&text),
            _ => from_line(&text),
        };
        assert_eq!(counts, expected, "--format {format}");
        if format != "table" {
            assert_eq!(from_line(&run.stderr), expected, "{}", run.stderr);
        }
        assert_eq!(run.stderr.matches("warning: ").count() as u64, SKIPPED);

        // The conversations file: one line per conversation read.
        let lines = std::fs::read_to_string(&conversations).unwrap();
        let records: Vec<serde_json::Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .filter(|v: &serde_json::Value| v["record"] == "conversation")
            .collect();
        let status = |s: &str| records.iter().filter(|r| r["status"] == s).count() as u64;
        assert_eq!(
            (records.len() as u64, status("analysed"), status("skipped")),
            expected
        );
    }
}

#[test]
fn the_accounting_reaches_standard_error_when_data_owns_standard_output() {
    let dir = TempDir::new().unwrap();
    let inputs = messy_week(&dir);
    let run = report(&inputs, &["--findings", "-"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(from_line(&run.stderr), (READ, ANALYSED, SKIPPED));
}
