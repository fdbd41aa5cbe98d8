//! Coaching cards, explain and the report's command-line behaviour.

use serde_json::Value;
use tempfile::TempDir;

use super::{EXPORT, LEXICONS, convoscan, fixture_args, path_str, stdout};
use crate::common::write;

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON output")
}

#[test]
fn coaching_card_calls_out_only_what_the_intervals_show() {
    let card = json(&fixture_args("agent", &["A1", "--format", "json"]));
    assert_eq!(card["agent"], "A1");
    assert_eq!(card["conversations"], 7);
    let categories = card["categories"].as_array().unwrap();
    let threat = categories.iter().find(|c| c["id"] == "threat").unwrap();
    assert_eq!(threat["vs_team"], "above");
    assert!(threat["low_per_100"].as_f64() > threat["team_high_per_100"].as_f64());
    for other in categories.iter().filter(|c| c["id"] != "threat") {
        assert_eq!(other["vs_team"], "within", "{other}");
    }
    let points = card["coaching_points"].as_array().unwrap();
    assert!(!points.is_empty() && points.len() <= 3);
    assert_eq!(points[0]["category"], "threat");
    for point in points {
        let evidence = point["evidence"].as_array().unwrap();
        assert!((1..=3).contains(&evidence.len()), "{point}");
        for e in evidence {
            assert!(e["conversation_id"].is_string() && e["turn"].is_u64());
            assert!(e["offset_ms"].is_u64(), "the fixture has times: {e}");
            assert_eq!(e["agent_id"], "A1");
        }
    }
    // Three threats as evidence, from three conversations.
    let ids: Vec<&str> = points[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["conversation_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.windows(2).all(|w| w[0] != w[1]), "{ids:?}");
}

#[test]
fn an_agent_who_does_well_is_told_what_was_measured() {
    let card = json(&fixture_args("agent", &["A2", "--format", "json"]));
    assert_eq!(card["coaching_points"].as_array().unwrap().len(), 0);
    let kinds: Vec<&str> = card["strengths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    for kind in ["none_found", "exploring", "cues", "difficult"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
}

#[test]
fn low_volume_agents_get_no_claims_from_absence() {
    // With the default minimum of 20 conversations nobody in the fixture
    // has enough for "none found" claims.
    let card = json(&[
        "agent",
        "A2",
        EXPORT,
        "--lexicons",
        LEXICONS,
        "--format",
        "json",
    ]);
    assert_eq!(card["low_volume"], true);
    assert!(
        !card["strengths"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "none_found")
    );
}

#[test]
fn the_per_agent_table_carries_markers_and_a_legend() {
    let table = stdout(&fixture_args("report", &[]));
    assert!(table.contains("6 (85.7) ▲"), "{table}");
    assert!(table.contains("▲/▼: the 95% interval lies wholly above/below the team's"));
    let report = json(&fixture_args("report", &["--format", "json"]));
    let a1 = report["agents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "A1")
        .unwrap();
    let threat = &a1["categories"][0];
    assert_eq!(threat["category"], "threat");
    assert_eq!(
        (
            threat["low_per_100"].as_f64(),
            threat["high_per_100"].as_f64()
        ),
        (Some(48.69), Some(97.43))
    );
}

#[test]
fn an_unknown_agent_is_an_error_that_lists_similar_ids() {
    let out = convoscan(&fixture_args("agent", &["a-1"]));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no agent `a-1`") && err.contains("did you mean A1?"),
        "{err}"
    );

    let out = convoscan(&fixture_args("agent", &["nobody-at-all"]));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("agents in this run: A1, A2, A3, A4"), "{err}");
}

#[test]
fn explain_is_plain_in_a_pipe_and_coloured_when_asked() {
    let plain = stdout(&fixture_args("explain", &["r-01"]));
    assert!(!plain.contains('\x1b'), "{plain}");
    assert!(plain.contains("[1] 00:27 agent: Als we hiermee naar de rechter gaan"));
    assert!(plain.contains("^ threat.legal_action · threat · high — Threatens legal steps"));
    let coloured = stdout(&fixture_args("explain", &["r-01", "--color", "always"]));
    assert!(
        coloured.contains("\x1b[1;31mnaar de rechter\x1b[0m"),
        "{coloured}"
    );
}

#[test]
fn explain_suggests_close_ids_and_says_why_a_conversation_was_skipped() {
    let out = convoscan(&fixture_args("explain", &["r-3"]));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean r-03"), "{err}");

    let out = convoscan(&fixture_args("explain", &["r-40"]));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("was read but not analysed (no_agent)"),
        "{err}"
    );
}

#[test]
fn only_one_output_may_take_standard_output() {
    let out = convoscan(&fixture_args(
        "report",
        &["--findings", "-", "--conversations", "-"],
    ));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard output"));
}

#[test]
fn the_conversations_file_accounts_for_every_conversation_read() {
    let text = stdout(&fixture_args("report", &["--conversations", "-"]));
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["record"], "run");
    assert_eq!(lines[0]["files_read"], 1);
    assert_eq!(lines[0]["files"][0]["path"], EXPORT);
    let conversations = &lines[1..];
    assert_eq!(conversations.len(), 36);
    let skipped: Vec<&Value> = conversations
        .iter()
        .filter(|c| c["status"] == "skipped")
        .collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0]["id"], "r-40");
    assert_eq!(skipped[0]["reason"], "no_agent");
    let keys: Vec<&String> = lines[1].as_object().unwrap().keys().collect();
    for line in conversations {
        let own: Vec<&String> = line.as_object().unwrap().keys().collect();
        assert_eq!(own, keys, "every line has every key");
        assert_eq!(line["flags"].as_object().unwrap().len(), 5);
    }
    let r01 = &conversations[0];
    assert_eq!(r01["id"], "r-01");
    assert_eq!(r01["topic"], "repair");
    assert_eq!(r01["topic_source"], "lexicon");
    assert_eq!(r01["contact_moment"], "deliver");
    assert_eq!(r01["started_at"], "2024-11-12T09:00:00Z");
    assert_eq!(r01["flags"]["threat"], 1);
    assert_eq!(r01["measures"]["questions_before_first_solution"], 0.0);
    // No quotes in the conversations file.
    assert!(!text.contains("rechter"));
}

fn temp_export(dir: &TempDir, header: &str, rows: &[&str]) -> String {
    let mut text = format!("{header}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    path_str(&write(dir, "export.csv", text)).to_string()
}

#[test]
fn repeat_contacts_need_customer_ids_and_start_times() {
    let dir = TempDir::new().unwrap();
    let export = temp_export(
        &dir,
        "conversation_id,speaker,agent,text",
        &[
            "a,klant,A1,Mijn factuur klopt niet",
            "a,agent,A1,Ik kijk het na",
        ],
    );
    let report = json(&["report", &export, "--format", "json", "--by-week"]);
    assert!(report.get("repeat").is_none());
    assert!(report["team"].get("repeat").is_none());
    assert_eq!(report["weeks"]["undated"], 1);
    assert_eq!(report["weeks"]["team"].as_array().unwrap().len(), 0);
}

#[test]
fn the_repeat_window_decides_what_counts_as_a_repeat() {
    let week = json(&fixture_args("report", &["--format", "json"]));
    assert_eq!(week["repeat"]["repeated"], 3);
    assert_eq!(week["repeat"]["window_days"], 7);
    let day = json(&fixture_args(
        "report",
        &["--format", "json", "--repeat-window", "1"],
    ));
    assert_eq!(day["repeat"]["repeated"], 0);
    let a1 = week["agents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "A1")
        .unwrap();
    assert_eq!(a1["repeat"]["repeated"], 1);
}

#[test]
fn weeks_show_the_change_against_the_previous_week() {
    let report = json(&fixture_args("report", &["--format", "json", "--by-week"]));
    let weeks = report["weeks"]["team"].as_array().unwrap();
    let names: Vec<&str> = weeks.iter().map(|w| w["week"].as_str().unwrap()).collect();
    assert_eq!(names, ["2024-W46", "2024-W47"]);
    assert!(weeks[0]["categories"][0]["change"].is_null());
    let (first, second) = (
        weeks[0]["categories"][0]["rate_per_100"].as_f64().unwrap(),
        weeks[1]["categories"][0]["rate_per_100"].as_f64().unwrap(),
    );
    let change = weeks[1]["categories"][0]["change"].as_f64().unwrap();
    assert!(
        (change - (second - first)).abs() < 0.011,
        "{change} {first} {second}"
    );
    let total: u64 = weeks
        .iter()
        .map(|w| w["conversations"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 35);
    assert!(report["weeks"]["agents"].as_array().unwrap().len() == 4);
}

#[cfg(unix)]
#[test]
fn output_files_get_the_usual_file_mode_not_a_private_one() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let report = dir.path().join("report.html");
    stdout(&fixture_args(
        "report",
        &["--format", "html", "--output", path_str(&report)],
    ));
    let plain = write(&dir, "plain.txt", "x");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&report), mode(&plain));
}

#[test]
fn transfers_charge_each_agent_for_their_own_turns() {
    let dir = TempDir::new().unwrap();
    let export = temp_export(
        &dir,
        "conversation_id,speaker,agent,text",
        &[
            "t,klant,A1,Stelletje oplichters!",
            "t,agent,A1,Ik verbind u door met een collega.",
            "t,agent,A2,Dan gaan we naar de rechter.",
        ],
    );
    let report = json(&[
        "report",
        &export,
        "--lexicons",
        LEXICONS,
        "--format",
        "json",
    ]);
    let agent = |id: &str| {
        report["agents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["key"] == id)
            .unwrap()
            .clone()
    };
    let (a1, a2) = (agent("A1"), agent("A2"));
    assert_eq!(
        (a1["conversations"].as_u64(), a2["conversations"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(a1["categories"][0]["flagged"], 0);
    assert_eq!(a2["categories"][0]["flagged"], 1);
    assert_eq!(
        (
            a1["difficult"].as_u64(),
            a1["difficult_without_agent_flags"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(
        (
            a2["difficult"].as_u64(),
            a2["difficult_without_agent_flags"].as_u64()
        ),
        (Some(1), Some(0))
    );
    let card = json(&[
        "agent",
        "A1",
        &export,
        "--lexicons",
        LEXICONS,
        "--format",
        "json",
    ]);
    assert!(
        card["strengths"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "difficult")
    );
}

// Regression: `--findings /dev/null` run as root renamed a temporary file over
// the device, leaving a plain file at /dev/null. Outputs that exist and are
// not regular files are written in place; a named pipe stands in for the
// device here.
#[cfg(unix)]
#[test]
fn an_output_that_is_a_pipe_is_written_in_place_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;

    let dir = TempDir::new().unwrap();
    let fifo = dir.path().join("findings.pipe");
    match std::process::Command::new("mkfifo").arg(&fifo).status() {
        Ok(status) if status.success() => {}
        _ => {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
    }
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::fs::File::open(reader_path)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    });
    let out = convoscan(&fixture_args(
        "report",
        &["--findings", path_str(&fifo), "--format", "json"],
    ));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // Checked before joining: a replaced pipe would leave the reader waiting.
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the pipe must still be a pipe"
    );
    let findings = reader.join().unwrap();
    assert!(findings.lines().count() > 10, "{findings}");
}

#[cfg(unix)]
#[test]
fn an_output_behind_a_symbolic_link_replaces_the_file_it_points_at() {
    let dir = TempDir::new().unwrap();
    let target = write(&dir, "reports/findings.jsonl", "last week\n");
    let link = dir.path().join("latest.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = convoscan(&fixture_args(
        "report",
        &["--findings", path_str(&link), "--format", "json"],
    ));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("{\"conversation_id\""), "{written}");
    assert!(!written.contains("last week"));
}

#[test]
fn a_large_input_shows_no_progress_when_standard_error_is_not_a_terminal() {
    // Larger than the 4 MB from which a terminal gets a progress line; the
    // bulk is a column convoscan does not read, so the run stays quick.
    let dir = TempDir::new().unwrap();
    let filler = "notes that nobody reads ".repeat(80);
    let mut text = String::from("conversation_id,agent_id,speaker,text,notes\n");
    for i in 0..2400 {
        text.push_str(&format!(
            "c{i:05},A1,customer,My parcel did not arrive.,{filler}\nc{i:05},A1,agent,I will send a new one today.,{filler}\n"
        ));
    }
    assert!(text.len() > 4_500_000);
    let export = write(&dir, "large.csv", &text);
    let report = dir.path().join("report.json");
    for progress in [&[][..], &["--no-progress"][..]] {
        let mut args = vec![
            "report",
            path_str(&export),
            "--format",
            "json",
            "--output",
            path_str(&report),
        ];
        args.extend_from_slice(progress);
        let out = convoscan(&args);
        assert!(out.status.success(), "{out:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.starts_with("Read 1 file: 2,400 conversations, 2,400 analysed"),
            "{stderr}"
        );
        assert!(!stderr.contains('\r'), "{stderr:?}");
        assert!(
            !stderr.contains("MB/s") && !stderr.contains("ETA"),
            "{stderr}"
        );
    }
    let explain = convoscan(&["explain", "c02399", path_str(&export)]);
    assert!(explain.status.success(), "{explain:?}");
    assert!(explain.stderr.is_empty(), "{explain:?}");
}
