//! Snapshots of every rendered format of the report, the coaching card and
//! explain, over the fixture export.

use super::{fixture_args, stdout};

fn report(extra: &[&str]) -> String {
    stdout(&fixture_args("report", extra))
}

#[test]
fn report_table() {
    insta::assert_snapshot!(report(&[]));
}

#[test]
fn report_markdown_by_week() {
    insta::assert_snapshot!(report(&["--format", "markdown", "--by-week"]));
}

#[test]
fn report_csv_by_week() {
    insta::assert_snapshot!(report(&["--format", "csv", "--by-week"]));
}

#[test]
fn report_json_by_week() {
    insta::assert_snapshot!(report(&["--format", "json", "--by-week"]));
}

#[test]
fn report_html_by_week() {
    insta::assert_snapshot!(report(&["--format", "html", "--by-week"]));
}

#[test]
fn report_top_limits_rows_and_rules() {
    insta::assert_snapshot!(report(&["--format", "markdown", "--top", "2"]));
}

fn card(format: &str) -> String {
    stdout(&fixture_args("agent", &["A1", "--format", format]))
}

#[test]
fn card_table() {
    insta::assert_snapshot!(card("table"));
}

#[test]
fn card_markdown() {
    insta::assert_snapshot!(card("markdown"));
}

#[test]
fn card_csv() {
    insta::assert_snapshot!(card("csv"));
}

#[test]
fn card_json() {
    insta::assert_snapshot!(card("json"));
}

#[test]
fn card_html() {
    insta::assert_snapshot!(card("html"));
}

#[test]
fn card_of_an_agent_who_does_well() {
    insta::assert_snapshot!(stdout(&fixture_args(
        "agent",
        &["A2", "--format", "markdown"]
    )));
}

#[test]
fn explain_plain() {
    insta::assert_snapshot!(stdout(&fixture_args("explain", &["r-03"])));
}
