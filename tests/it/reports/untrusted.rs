//! Export and lexicon text is data, never markup, formula or terminal
//! command: HTML escapes it, CSV neutralises formulas in every cell, tables
//! and Markdown drop control characters. And a closed output pipe is not an
//! error.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use tempfile::TempDir;

use super::{path_str, root, stdout};
use crate::common::write;

/// A user rule whose message and explanation carry markup.
const HOSTILE_RULES: &str = r#"[[rule]]
id = "threat.legal_action"
category = "threat"
severity = "high"
speaker = "agent"
message = "<script>alert('rule')</script> \"onerror=alert(1) {match}"
why = "<img src=x onerror=alert(2)>"
phrases = ["naar de rechter"]

[[rule]]
id = "passive_aggressive.as_i_said"
category = "passive_aggressive"
severity = "low"
speaker = "agent"
message = "Repeats: {match}"
why = "Pointed repetition."
phrases = ["zoals ik al zei"]
"#;

/// Ids, agents, customers, topics, channels and turns that are formulas,
/// markup or terminal commands.
fn hostile_export(dir: &TempDir) -> String {
    let csv = "conversation_id,speaker,agent,customer,topic,channel,text\n\
        \"=cmd|' /C calc'!A0\",klant,\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",+31612345678,@SUM(1+1),-2+3,Mijn pakket is niet gekomen.\n\
        \"=cmd|' /C calc'!A0\",agent,\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",+31612345678,@SUM(1+1),-2+3,\"=1+1, anders gaan we naar de rechter.\"\n\
        \"<b>c2</b>\",klant,\"<script>alert('agent')</script>\",k2,\"\"\"onerror=alert(3)\",chat,hallo\n\
        \"<b>c2</b>\",agent,\"<script>alert('agent')</script>\",k2,\"\"\"onerror=alert(3)\",chat,\"<img src=x onerror=alert(4)> zoals ik al zei\x1b]0;pwned\x07\"\n";
    path_str(&write(dir, "hostile.csv", csv)).to_string()
}

fn hostile_lexicons(dir: &TempDir) -> String {
    write(dir, "lexicons/nl/rules.toml", HOSTILE_RULES);
    path_str(&dir.path().join("lexicons")).to_string()
}

fn run(dir: &TempDir, command: &str, extra: &[&str]) -> String {
    let export = hostile_export(dir);
    let lexicons = hostile_lexicons(dir);
    let mut args = vec![command];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[&export, "--lexicons", &lexicons, "--no-redact"]);
    if command != "explain" {
        args.extend_from_slice(&["--min-conversations", "1"]);
    }
    stdout(&args)
}

#[test]
fn html_escapes_transcript_and_lexicon_text() {
    let dir = TempDir::new().unwrap();
    let report = run(&dir, "report", &["--format", "html"]);
    // The card shows the rule's message with each coaching point.
    let card = run(
        &dir,
        "agent",
        &["=HYPERLINK(\"http://x\",\"klik\")", "--format", "html"],
    );
    for html in [&report, &card] {
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{html}");
        assert!(!lower.contains("<img"), "{html}");
        assert!(!lower.contains("<b>"), "{html}");
        assert!(!html.contains("\"onerror"), "{html}");
    }
    // Shown as text: the transcript, the ids, agent and topic names.
    for shown in [
        "&lt;img src=x onerror=alert(4)&gt;",
        "&lt;b&gt;c2&lt;/b&gt;",
        "&lt;script&gt;alert(&#39;agent&#39;)&lt;/script&gt;",
        "&quot;onerror=alert(3)",
    ] {
        assert!(report.contains(shown), "{shown}:\n{report}");
    }
    // And the rule message from the user's lexicon.
    assert!(
        card.contains("&lt;script&gt;alert(&#39;rule&#39;)&lt;/script&gt; &quot;onerror=alert(1) naar de rechter"),
        "{card}"
    );
}

/// Every cell a spreadsheet would evaluate as a formula.
fn formula_cells(csv: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    let mut cells = Vec::new();
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            let number = cell.parse::<f64>().is_ok();
            if cell.starts_with(['=', '+', '@', '\t', '\r']) || (cell.starts_with('-') && !number) {
                cells.push(cell.to_string());
            }
        }
    }
    cells
}

#[test]
fn csv_cells_from_exports_and_lexicons_are_never_formulas() {
    let dir = TempDir::new().unwrap();
    let report = run(&dir, "report", &["--format", "csv", "--top", "0"]);
    let card = run(
        &dir,
        "agent",
        &["=HYPERLINK(\"http://x\",\"klik\")", "--format", "csv"],
    );
    for (what, csv) in [("report", &report), ("card", &card)] {
        assert_eq!(formula_cells(csv), Vec::<String>::new(), "{what}:\n{csv}");
        // The values are there, shown as text.
        assert!(
            csv.contains("'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")"),
            "{what}:\n{csv}"
        );
    }
    for shown in [
        "'=cmd|' /C calc'!A0",
        "'@SUM(1+1)",
        "'=1+1, anders gaan we naar de rechter.",
    ] {
        assert!(report.contains(shown), "{shown}:\n{report}");
    }
    // Numbers stay numbers.
    assert!(
        report.contains("accounting,,,conversations_read,2"),
        "{report}"
    );
}

#[test]
fn tables_and_markdown_never_pass_control_characters_to_the_terminal() {
    let dir = TempDir::new().unwrap();
    for format in ["table", "markdown"] {
        let out = run(&dir, "report", &["--format", format]);
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out}");
        assert!(out.contains("]0;pwned"), "{out}");
    }
    let out = run(&dir, "explain", &["<b>c2</b>"]);
    assert!(!out.contains('\x1b'), "{out}");
}

/// Runs the binary with standard output to a pipe that is closed after the
/// first line, like `| head -1`; returns the exit code and standard error.
fn closed_after_one_line(args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_convoscan"))
        .args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(!first.is_empty());
    // The reader is dropped here: the pipe is closed.
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_closed_output_pipe_is_not_an_error() {
    let dir = TempDir::new().unwrap();
    // Far more output than a pipe buffers, so writing must hit the closed pipe.
    let rows: String = (0..4000)
        .map(|i| format!("c{i:05},agent,A{},Dan gaan we naar de rechter.\n", i % 40))
        .collect();
    let export = write(
        &dir,
        "big.csv",
        format!("conversation_id,speaker,agent,text\n{rows}"),
    );
    let export = path_str(&export);
    let lexicons = "fixtures/reports/lexicons";
    for args in [
        vec!["report", export, "--lexicons", lexicons, "--findings", "-"],
        vec![
            "report",
            export,
            "--lexicons",
            lexicons,
            "--conversations",
            "-",
        ],
        vec![
            "report",
            export,
            "--lexicons",
            lexicons,
            "--format",
            "csv",
            "--top",
            "0",
        ],
    ] {
        let (code, stderr) = closed_after_one_line(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
}
