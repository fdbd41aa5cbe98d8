//! JUnit XML for CI systems (GitHub Actions test reporters, GitLab's
//! `artifacts:reports:junit`, Jenkins): one test case per rule and one per
//! fixture file, so a failing merge request shows *which* rule broke.
//!
//! The rule suite's cases fail when any of the rule's examples or fixture
//! expectations mismatch (the mismatches are the failure text), or, with
//! `--coverage`, when the rule never fires in a fixture. The fixture suite
//! has a case per file. Threshold checks get a suite of their own. The
//! output is deterministic: no timestamps, no durations, sorted.
//!
//! Written by hand: the format is small, and every attribute and text is
//! escaped (`& < > " '`, and characters XML 1.0 forbids are replaced).

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::lexicon::Lexicons;
use crate::lextest::gates::ThresholdCheck;
use crate::lextest::{Mismatch, TestReport};

/// What besides mismatches can fail a case.
#[derive(Clone, Debug, Default)]
pub struct Extra<'a> {
    /// Rules that never fired in a fixture, when coverage is required.
    pub uncovered: &'a [String],
    pub thresholds: &'a [ThresholdCheck],
}

struct Case {
    classname: String,
    name: String,
    failures: Vec<String>,
}

/// Renders the report as a JUnit XML document.
pub fn render(report: &TestReport, lexicons: &Lexicons, extra: &Extra<'_>) -> String {
    let mut rules: BTreeMap<&str, Case> = BTreeMap::new();
    for id in report.per_rule.keys() {
        let category = lexicons
            .rules_with_id(id)
            .next()
            .map_or_else(String::new, |r| r.category.to_string());
        rules.insert(
            id,
            Case {
                classname: format!("rules.{category}"),
                name: id.clone(),
                failures: Vec::new(),
            },
        );
    }
    for mismatch in &report.mismatches {
        if let Some(case) = rules.get_mut(mismatch.rule.as_str()) {
            case.failures.push(mismatch.to_string());
        }
    }
    for id in extra.uncovered {
        if let Some(case) = rules.get_mut(id.as_str()) {
            case.failures
                .push(format!("`{id}` never fires in the fixtures (--coverage)"));
        }
    }
    let fixtures: Vec<Case> = report
        .files
        .iter()
        .map(|(path, _, _)| Case {
            classname: "fixtures".into(),
            name: path.clone(),
            failures: report
                .mismatches
                .iter()
                .filter(|m| m.location.path.display().to_string() == *path)
                .map(Mismatch::to_string)
                .collect(),
        })
        .collect();
    let thresholds: Vec<Case> = extra
        .thresholds
        .iter()
        .map(|check| Case {
            classname: "thresholds".into(),
            name: format!("{}.{}", check.category, check.metric),
            failures: if check.passed {
                Vec::new()
            } else {
                vec![check.to_string()]
            },
        })
        .collect();

    let mut suites = vec![("rules", rules.into_values().collect::<Vec<_>>())];
    suites.push(("fixtures", fixtures));
    if !thresholds.is_empty() {
        suites.push(("thresholds", thresholds));
    }
    let count = |cases: &[Case]| cases.len();
    let failed = |cases: &[Case]| cases.iter().filter(|c| !c.failures.is_empty()).count();
    let total: usize = suites.iter().map(|(_, c)| count(c)).sum();
    let total_failed: usize = suites.iter().map(|(_, c)| failed(c)).sum();

    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"convoscan lexicon test\" tests=\"{total}\" failures=\"{total_failed}\" errors=\"0\">"
    );
    for (name, cases) in &suites {
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            count(cases),
            failed(cases)
        );
        for case in cases {
            let _ = write!(
                xml,
                "    <testcase classname=\"{}\" name=\"{}\"",
                escape(&case.classname),
                escape(&case.name)
            );
            if case.failures.is_empty() {
                xml.push_str("/>\n");
                continue;
            }
            let summary = match case.failures.len() {
                1 => "1 problem".to_string(),
                n => format!("{n} problems"),
            };
            let _ = writeln!(
                xml,
                ">\n      <failure message=\"{summary}\" type=\"lexicon\">{}</failure>\n    </testcase>",
                escape(&case.failures.join("\n"))
            );
        }
        xml.push_str("  </testsuite>\n");
    }
    xml.push_str("</testsuites>\n");
    xml
}

/// Escapes text for XML attributes and content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_forbidden_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}\n"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\u{FFFD}\n"
        );
    }
}
