//! An export analysed in shards and merged with `--from-analysis` gives the
//! same report as one run over the whole export.

use std::fs;
use std::path::PathBuf;

use serde_json::Value;
use tempfile::TempDir;

use super::{EXPORT, LEXICONS, convoscan, path_str, root, stdout};

/// Splits the fixture export in two by the parity of each conversation id's
/// last digit, so that some repeat contacts cross shards.
fn shards(dir: &TempDir) -> [PathBuf; 2] {
    let text = fs::read_to_string(root().join(EXPORT)).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let mut parts = [format!("{header}\n"), format!("{header}\n")];
    for line in lines {
        let id = line.split(',').next().unwrap();
        let digit = id.chars().last().unwrap().to_digit(10).unwrap();
        parts[(digit % 2) as usize].push_str(line);
        parts[(digit % 2) as usize].push('\n');
    }
    let paths = [dir.path().join("even.csv"), dir.path().join("odd.csv")];
    for (path, part) in paths.iter().zip(&parts) {
        fs::write(path, part).unwrap();
    }
    paths
}

/// Blanks what legitimately differs: files read (two shards, one file).
fn normalise(mut value: Value) -> Value {
    value["accounting"]["files_read"] = Value::Null;
    value
}

fn json_file(path: &std::path::Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn sharded_and_whole_runs_agree() {
    let dir = TempDir::new().unwrap();
    let out = |name: &str| dir.path().join(name);
    let [even, odd] = shards(&dir);

    // One run over the whole export.
    stdout(&[
        "report",
        EXPORT,
        "--lexicons",
        LEXICONS,
        "--format",
        "json",
        "--by-week",
        "--conversations",
        path_str(&out("whole-c.jsonl")),
        "--findings",
        path_str(&out("whole-f.jsonl")),
        "--output",
        path_str(&out("whole.json")),
    ]);
    // Each shard on its own, as a batch engine would run them.
    for (shard, name) in [(&even, "even"), (&odd, "odd")] {
        stdout(&[
            "report",
            path_str(shard),
            "--lexicons",
            LEXICONS,
            "--conversations",
            path_str(&out(&format!("{name}-c.jsonl"))),
            "--findings",
            path_str(&out(&format!("{name}-f.jsonl"))),
            "--output",
            path_str(&out(&format!("{name}.txt"))),
        ]);
    }
    // The shards merged, in any order of files.
    stdout(&[
        "report",
        "--from-analysis",
        path_str(&out("odd-f.jsonl")),
        path_str(&out("even-c.jsonl")),
        path_str(&out("odd-c.jsonl")),
        path_str(&out("even-f.jsonl")),
        "--lexicons",
        LEXICONS,
        "--format",
        "json",
        "--by-week",
        "--findings",
        path_str(&out("merged-f.jsonl")),
        "--output",
        path_str(&out("merged.json")),
    ]);
    // The whole run's own analysis files read back.
    stdout(&[
        "report",
        "--from-analysis",
        path_str(&out("whole-c.jsonl")),
        path_str(&out("whole-f.jsonl")),
        "--lexicons",
        LEXICONS,
        "--format",
        "json",
        "--by-week",
        "--output",
        path_str(&out("whole-again.json")),
    ]);

    let whole = json_file(&out("whole.json"));
    let merged = json_file(&out("merged.json"));
    let again = json_file(&out("whole-again.json"));
    assert_eq!(whole["accounting"]["files_read"], 1);
    assert_eq!(merged["accounting"]["files_read"], 2);
    assert_eq!(merged["accounting"]["conversations_read"], 36);
    assert_eq!(merged["accounting"]["skipped"], 1);
    assert!(merged["repeat"]["repeated"] == whole["repeat"]["repeated"]);
    assert_eq!(again, whole);
    assert!(
        merged.to_string().contains("\"highlight\":[15,30]"),
        "highlights survive"
    );
    assert_eq!(normalise(merged), normalise(whole));
    assert_eq!(
        again["accounting"]["files_read"], 1,
        "the run line survives"
    );

    // Merged findings are the whole run's findings, line for line.
    assert_eq!(
        fs::read_to_string(out("merged-f.jsonl")).unwrap(),
        fs::read_to_string(out("whole-f.jsonl")).unwrap()
    );

    // Coaching cards agree too.
    let card_whole: Value = serde_json::from_str(&stdout(&[
        "agent",
        "A4",
        EXPORT,
        "--lexicons",
        LEXICONS,
        "--format",
        "json",
    ]))
    .unwrap();
    let card_merged: Value = serde_json::from_str(&stdout(&[
        "agent",
        "A4",
        "--from-analysis",
        path_str(&out("even-c.jsonl")),
        path_str(&out("even-f.jsonl")),
        path_str(&out("odd-c.jsonl")),
        path_str(&out("odd-f.jsonl")),
        "--lexicons",
        LEXICONS,
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(normalise(card_merged), normalise(card_whole));
}

#[test]
fn from_analysis_needs_the_conversations_files_and_warns_about_missing_findings() {
    let dir = TempDir::new().unwrap();
    let c = dir.path().join("c.jsonl");
    let f = dir.path().join("f.jsonl");
    stdout(&[
        "report",
        EXPORT,
        "--lexicons",
        LEXICONS,
        "--conversations",
        path_str(&c),
        "--findings",
        path_str(&f),
        "--output",
        path_str(&dir.path().join("r.txt")),
    ]);
    let out = convoscan(&[
        "report",
        "--from-analysis",
        path_str(&f),
        "--lexicons",
        LEXICONS,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs the conversations files"));

    let out = convoscan(&[
        "report",
        "--from-analysis",
        path_str(&c),
        "--lexicons",
        LEXICONS,
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no findings files given"));

    let bad = dir.path().join("bad.jsonl");
    fs::write(&bad, "{\"record\":\"conversation\"}\n").unwrap();
    let out = convoscan(&["report", "--from-analysis", path_str(&bad)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.jsonl:1") && err.contains("not a convoscan analysis line"),
        "{err}"
    );
}
