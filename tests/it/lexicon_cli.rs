//! The lexicon workflow through the command line: `lexicon try`, `check`,
//! `test` (JUnit, coverage, thresholds), `list`, `doc`, `phrases`, and a
//! custom category reaching every report format. Output and exit codes are
//! snapshots; the lexicons are small user directories under `tests/data/`,
//! used on their own (`--lexicons DIR`) wherever the built-in rules would
//! make a snapshot change whenever a built-in rule is added.

use std::io::Write;
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Exit code, standard output and standard error, for a snapshot.
    fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

fn convoscan_with_input(args: &[&str], input: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_convoscan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("convoscan runs");
    let mut stdin = child.stdin.take().expect("stdin");
    if let Some(input) = input {
        stdin.write_all(input.as_bytes()).expect("write stdin");
    }
    drop(stdin);
    let output = child.wait_with_output().expect("convoscan finishes");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn convoscan(args: &[&str]) -> Run {
    convoscan_with_input(args, None)
}

const EXPLAIN: &str = "tests/data/lexicons/explain";
const PROMISE: &str = "tests/data/lexicons/promise";

#[test]
fn try_explains_matches_cancellations_and_the_verdict() {
    let run = convoscan(&[
        "lexicon",
        "try",
        "We nemen geen juridische stappen en we gaan niet naar de rechter, maar de deurwaarders komen wel.",
        "--lexicons",
        EXPLAIN,
    ]);
    insta::assert_snapshot!("try_sentence", run.transcript());
}

#[test]
fn try_explains_sequence_and_conditional_rules_on_a_transcript() {
    let run = convoscan(&[
        "lexicon",
        "try",
        "--transcript",
        "tests/data/transcripts/router.txt",
        "--lexicons",
        EXPLAIN,
    ]);
    insta::assert_snapshot!("try_transcript", run.transcript());
}

#[test]
fn try_reads_a_transcript_from_standard_input_and_filters_rules() {
    let run = convoscan_with_input(
        &[
            "lexicon",
            "try",
            "--transcript",
            "-",
            "--lexicons",
            EXPLAIN,
            "--rule",
            "missed_root_cause",
            "--rule",
            "threat",
        ],
        Some("klant: Ik ben ontslagen.\nagent: Wat is uw klantnummer?\n"),
    );
    insta::assert_snapshot!("try_stdin_filtered", run.transcript());
}

#[test]
fn try_a_customer_sentence_in_a_forced_language() {
    let run = convoscan(&[
        "lexicon",
        "try",
        "Zou u mij terugbellen? Ik ben nooit teruggebeld.",
        "--speaker",
        "customer",
        "--lang",
        "nl",
        "--lexicons",
        PROMISE,
        "--all",
    ]);
    insta::assert_snapshot!("try_customer", run.transcript());
}

#[test]
fn try_with_an_unknown_language_rule_or_no_text_is_a_usage_error() {
    let run = convoscan(&["lexicon", "try", "hallo", "--lang", "fr"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("--lang fr: no lexicons for that language")
    );
    let run = convoscan(&["lexicon", "try", "hallo", "--rule", "threats"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("--rule threats: no rule id starts with it")
    );
    let run = convoscan(&["lexicon", "try"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
}

#[test]
fn check_lists_every_lint_at_its_place() {
    let run = convoscan(&["lexicon", "check", "tests/data/lexicons/lint"]);
    insta::assert_snapshot!("check_lints", run.transcript());
    let strict = convoscan(&[
        "lexicon",
        "check",
        "tests/data/lexicons/lint",
        "--deny-warnings",
    ]);
    assert_eq!(strict.code, 1);
    assert_eq!(strict.stdout, run.stdout);
}

#[test]
fn check_reports_every_error_with_exit_code_2() {
    let run = convoscan(&["lexicon", "check", "tests/data/lexicons/broken"]);
    insta::assert_snapshot!("check_errors", run.transcript());
}

#[test]
fn a_directory_added_to_the_builtins_cannot_redeclare_a_category_or_language() {
    let run = convoscan(&["lexicon", "check", "+tests/data/lexicons/conflicts"]);
    insta::assert_snapshot!("check_conflicts", run.transcript());
}

#[test]
fn check_of_a_clean_directory_passes() {
    let run = convoscan(&["lexicon", "check", PROMISE, "--deny-warnings"]);
    insta::assert_snapshot!("check_clean", run.transcript());
}

#[test]
fn a_user_rule_replaces_a_disabled_builtin_rule() {
    let run = convoscan(&["lexicon", "check", "+tests/data/lexicons/override"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains("0 errors, 0 warnings"),
        "{}",
        run.stdout
    );
    let run = convoscan_with_input(
        &[
            "lexicon",
            "try",
            "--transcript",
            "-",
            "--lexicons",
            "+tests/data/lexicons/override",
            "--rule",
            "missed_root_cause.life_event",
        ],
        Some(
            "klant: Ik ben ziek geweest.\nagent: Wat is uw klantnummer?\nklant: Mijn man is overleden.\nagent: Dank u.\n",
        ),
    );
    insta::assert_snapshot!("try_disabled_builtin", run.transcript());
    // On its own the directory disables a rule nobody defines.
    let run = convoscan(&["lexicon", "check", "tests/data/lexicons/override"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stdout.contains(
            "`disable` names rule `missed_root_cause.life_event`, which no lexicon defines"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn test_writes_junit_and_passes_coverage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let junit = dir.path().join("report.xml");
    let junit_arg = junit.to_string_lossy().into_owned();
    let run = convoscan(&[
        "lexicon",
        "test",
        "--lexicons",
        PROMISE,
        "--junit",
        &junit_arg,
        "--coverage",
        "--min-precision",
        "0.9",
        "--min-recall",
        "promise_not_kept=1",
    ]);
    insta::assert_snapshot!("test_passing", run.transcript());
    let xml = std::fs::read_to_string(&junit).expect("JUnit written");
    insta::assert_snapshot!("test_passing_junit", xml);
}

#[test]
fn test_fails_on_mismatches_thresholds_and_coverage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let junit = dir.path().join("report.xml");
    let junit_arg = junit.to_string_lossy().into_owned();
    let run = convoscan(&[
        "lexicon",
        "test",
        "--lexicons",
        "tests/data/lexicons/failing",
        "--junit",
        &junit_arg,
        "--min-precision",
        "0.9",
        "--min-recall",
        "threat=0.8",
    ]);
    insta::assert_snapshot!("test_failing", run.transcript());
    let xml = std::fs::read_to_string(&junit).expect("JUnit written");
    insta::assert_snapshot!("test_failing_junit", xml);

    let run = convoscan(&[
        "lexicon",
        "test",
        "--lexicons",
        "tests/data/lexicons/lint",
        "--coverage",
    ]);
    insta::assert_snapshot!("test_coverage", run.transcript());
}

#[test]
fn test_rejects_bad_thresholds_and_coverage_without_fixtures() {
    let run = convoscan(&[
        "lexicon",
        "test",
        "--lexicons",
        PROMISE,
        "--min-precision",
        "promises=0.9",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--min-precision promises=0.9: unknown category `promises` (categories: promise_not_kept)"),
        "{}",
        run.stderr
    );
    let run = convoscan(&[
        "lexicon",
        "test",
        "--lexicons",
        PROMISE,
        "--min-recall",
        "1.5",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("expected a number from 0 to 1"),
        "{}",
        run.stderr
    );
    let run = convoscan(&["lexicon", "test", "--lexicons", EXPLAIN, "--coverage"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--coverage needs annotated fixtures"),
        "{}",
        run.stderr
    );
}

#[test]
fn list_doc_and_phrases_describe_the_lexicons() {
    let run = convoscan(&["lexicon", "list", "--lexicons", PROMISE]);
    insta::assert_snapshot!("list", run.transcript());
    let run = convoscan(&["lexicon", "doc", "--lexicons", PROMISE]);
    insta::assert_snapshot!("doc", run.transcript());
    let run = convoscan(&["lexicon", "phrases", "--lexicons", EXPLAIN]);
    insta::assert_snapshot!("phrases", run.transcript());
}

#[test]
fn extend_lexicons_is_the_same_as_a_plus_directory() {
    let plus = convoscan(&[
        "lexicon",
        "list",
        "--lexicons",
        "+tests/data/lexicons/promise",
    ]);
    let extend = convoscan(&["lexicon", "list", "--extend-lexicons", PROMISE]);
    assert_eq!(plus.code, 0, "{}", plus.transcript());
    assert_eq!(plus.stdout, extend.stdout);
    assert!(plus.stdout.contains("promise_not_kept.callback"));
    assert!(plus.stdout.contains("missed_root_cause.life_event"));
}

#[test]
fn a_custom_category_appears_in_every_report_format() {
    let input = "tests/data/exports/promise-week.csv";
    for format in ["table", "markdown", "csv", "json"] {
        let run = convoscan(&[
            "report",
            input,
            "--lexicons",
            "+tests/data/lexicons/promise",
            "--format",
            format,
        ]);
        assert_eq!(run.code, 0, "{format}: {}", run.transcript());
        let wanted = match format {
            "csv" => "category,,promise_not_kept,conversations_flagged,2",
            "json" => "\"id\": \"promise_not_kept\"",
            _ => "Promise not kept",
        };
        assert!(run.stdout.contains(wanted), "{format}: {}", run.stdout);
        assert!(run.stdout.contains("promise_not_kept.callback"), "{format}");
        // The built-in categories are still there.
        assert!(
            run.stdout.contains("missed_root_cause") || run.stdout.contains("Missed root cause"),
            "{format}"
        );
    }
    let run = convoscan(&[
        "report",
        input,
        "--lexicons",
        "+tests/data/lexicons/promise",
        "--findings",
        "-",
    ]);
    let promise: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("\"category\":\"promise_not_kept\""))
        .collect();
    assert_eq!(promise.len(), 2, "{}", run.stdout);
}

#[test]
fn report_summarises_the_warnings_of_a_user_lexicon() {
    let run = convoscan(&[
        "report",
        "tests/data/exports/promise-week.csv",
        "--lexicons",
        "tests/data/lexicons/lint",
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains(
            "convoscan: 10 lexicon warnings; run `convoscan lexicon check tests/data/lexicons/lint`"
        ),
        "{}",
        run.stderr
    );
    let clean = convoscan(&[
        "report",
        "tests/data/exports/promise-week.csv",
        "--lexicons",
        PROMISE,
        "--format",
        "csv",
    ]);
    assert!(
        !clean.stderr.contains("lexicon warning"),
        "{}",
        clean.stderr
    );
}
