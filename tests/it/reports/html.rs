//! The HTML report and card: one self-contained, well-formed file, with all
//! transcript and lexicon text escaped.

use regex::Regex;
use tempfile::TempDir;

use super::{LEXICONS, fixture_args, path_str, stdout};
use crate::common::write;

/// Elements that have no end tag in HTML.
const VOID: [&str; 3] = ["meta", "br", "hr"];

/// Checks that tags nest properly (a small well-formedness check: every
/// non-void element is closed, in order; SVG shapes are self-closing).
fn assert_well_formed(html: &str) {
    let tag = Regex::new(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>").unwrap();
    let mut stack: Vec<String> = Vec::new();
    for caps in tag.captures_iter(html) {
        let name = caps[2].to_ascii_lowercase();
        let closing = !caps[1].is_empty();
        let self_closing = !caps[3].is_empty();
        if VOID.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            let open = stack.pop();
            assert_eq!(open.as_deref(), Some(name.as_str()), "misnested </{name}>");
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn assert_self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    assert!(!lower.contains(" src="), "no external source");
    assert!(!lower.contains("<link"), "no linked stylesheet");
    assert!(!lower.contains(" href="), "no links out");
    // The only URL is the SVG namespace.
    assert_eq!(
        lower.matches("http").count(),
        lower
            .matches("xmlns=\"http://www.w3.org/2000/svg\"")
            .count()
    );
    assert!(html.contains("@media print"));
    assert_well_formed(html);
}

#[test]
fn the_report_is_one_well_formed_file_with_charts() {
    let html = stdout(&fixture_args("report", &["--format", "html", "--by-week"]));
    assert_self_contained(&html);
    // Charts: categories, per agent (one per flagged category), per topic,
    // per week (one per category).
    assert!(
        html.matches("<svg").count() >= 1 + 5 + 1 + 5,
        "{}",
        html.matches("<svg").count()
    );
    for title in [
        "Per agent",
        "Per topic",
        "Per contact moment",
        "Per week (team)",
        "Examples",
    ] {
        assert!(html.contains(&format!("<h2>{title}</h2>")), "{title}");
    }
    assert!(html.contains("<mark>naar de rechter</mark>"));
}

#[test]
fn transcript_text_is_escaped_never_interpreted() {
    let html = stdout(&fixture_args("report", &["--format", "html"]));
    // The fixture's agent wrote `<script>alert("x")</script>` and `" onerror="x`.
    assert!(
        html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("&quot; onerror=&quot;x"));
    assert!(!html.contains("onerror=\""));
    assert!(!html.contains("alert(\"x\")"));
}

#[test]
fn the_coaching_card_is_self_contained_and_escaped() {
    let html = stdout(&fixture_args("agent", &["A1", "--format", "html"]));
    assert_self_contained(&html);
    assert!(html.contains("<h1>Coaching card: A1</h1>"));
    assert_eq!(html.matches("<svg").count(), 1);

    // Evidence quoting markup stays text, whatever the card's points are.
    let dir = TempDir::new().unwrap();
    let export = write(
        &dir,
        "export.csv",
        concat!(
            "conversation_id,speaker,agent,text\n",
            "x-1,klant,A9,Mijn factuur klopt niet.\n",
            "x-1,agent,A9,\"Zoals ik al zei, typ geen <script>alert(\"\"x\"\")</script> hier\"\" onerror=\"\"x.\"\n",
        ),
    );
    let html = stdout(&[
        "agent",
        "A9",
        path_str(&export),
        "--lexicons",
        LEXICONS,
        "--format",
        "html",
    ]);
    assert_self_contained(&html);
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(!html.contains("onerror=\""));
}
