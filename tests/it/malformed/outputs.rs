//! Nothing lost: a run that fails leaves last week's outputs as they were,
//! with no half-written file beside them, and no run touches its inputs.

use std::path::Path;

use tempfile::TempDir;

use super::report;
use crate::common::write;

const HEADER: &str = "conversation_id,speaker,agent,text\n";

/// Every file under `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            let meta = std::fs::metadata(&path).unwrap();
            out.push((
                path.display().to_string(),
                std::fs::read(&path).unwrap(),
                meta.modified().unwrap(),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn a_failed_run_leaves_the_previous_outputs_untouched() {
    let dir = TempDir::new().unwrap();
    // c1 has a finding and is folded (and its finding written) before the
    // duplicate c1 of the second file stops the run under --strict.
    let a = write(
        &dir,
        "in/a.csv",
        format!("{HEADER}c1,agent,A1,Dan gaan we naar de rechter.\n"),
    );
    let b = write(&dir, "in/b.csv", format!("{HEADER}c1,agent,A1,nog eens\n"));
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    for name in ["report.json", "findings.jsonl", "conversations.jsonl"] {
        std::fs::write(out.join(name), "last week\n").unwrap();
    }
    let before = snapshot(&out);
    let run = report(
        &[a.clone(), b.clone()],
        &[
            "--strict",
            "--format",
            "json",
            "-o",
            out.join("report.json").to_str().unwrap(),
            "--findings",
            out.join("findings.jsonl").to_str().unwrap(),
            "--conversations",
            out.join("conversations.jsonl").to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("duplicate_id"), "{}", run.stderr);
    // Same files, same bytes, and no temporary file left behind.
    assert_eq!(snapshot(&out), before);

    // Without --strict the run succeeds and replaces all three.
    let run = report(
        &[a, b],
        &[
            "--format",
            "json",
            "-o",
            out.join("report.json").to_str().unwrap(),
            "--findings",
            out.join("findings.jsonl").to_str().unwrap(),
            "--conversations",
            out.join("conversations.jsonl").to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = snapshot(&out);
    assert_eq!(after.len(), 3, "{after:?}");
    assert!(after.iter().all(|(_, bytes, _)| bytes != b"last week\n"));
}

#[test]
fn inputs_are_never_modified() {
    let dir = TempDir::new().unwrap();
    // Scattered rows (read twice), gzip, JSON Lines with a bad line, BOM.
    write(
        &dir,
        "week/scattered.csv",
        format!("{HEADER}c1,klant,A1,hallo\nc2,agent,A2,dag\nc1,agent,A1,Zoals ik al zei.\n"),
    );
    write(
        &dir,
        "week/packed.csv.gz",
        crate::input::csv::gzip(format!("{HEADER}c3,agent,A1,ok\n").as_bytes()),
    );
    write(
        &dir,
        "week/lines.jsonl",
        "\u{feff}{\"id\": \"c4\", \"turns\": [{\"speaker\": \"agent\", \"text\": \"ok\"}]}\n{\"id\": \n",
    );
    let week = dir.path().join("week");
    let before = snapshot(&week);
    let out = dir.path().join("report.md");
    let run = report(
        std::slice::from_ref(&week),
        &["--format", "markdown", "-o", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(snapshot(&week), before);
}
