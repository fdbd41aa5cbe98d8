//! Rendering a [`Report`]: terminal tables, Markdown, CSV and JSON.
//!
//! Table and Markdown output share one description of the report as titled
//! grids of strings ([`sections`]), so both always show the same numbers. CSV
//! is a tidy long format (`section,group,category,metric,value`) for
//! spreadsheets and BI tools; JSON is the report's serde form.

mod csv_long;
mod markdown;
mod table;

use std::io::Write;

use crate::error::{Error, Result};
use crate::report::{Accounting, GroupRow, MeasureSummary, Report};

/// Output formats for reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Csv,
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Table, Format::Markdown, Format::Csv, Format::Json];

    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// Writes the report in `format`. `path` names the output in I/O errors.
pub fn render(report: &Report, format: Format, out: &mut dyn Write, path: &str) -> Result<()> {
    let io = |e: std::io::Error| Error::io(path, e);
    match format {
        Format::Table => table::render(report, out).map_err(io),
        Format::Markdown => markdown::render(report, out).map_err(io),
        Format::Csv => csv_long::render(report, out).map_err(io),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report)
                .map_err(|e| io(std::io::Error::other(e)))?;
            writeln!(out).map_err(io)
        }
    }
}

/// A titled grid of cells, with notes printed under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub notes: Vec<String>,
}

/// Formats a number with thousands separators: `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A rate per 100 with one decimal.
pub fn rate_text(rate: f64) -> String {
    format!("{rate:.1}")
}

/// The accounting line: files, conversations, analysed, skipped (with
/// reasons), turns, languages.
pub fn accounting_line(acc: &Accounting) -> String {
    let files = if acc.files_read == 1 { "file" } else { "files" };
    let mut line = format!(
        "Read {} {files}: {} conversations, {} analysed, {} skipped",
        thousands(acc.files_read),
        thousands(acc.conversations_read),
        thousands(acc.analysed),
        thousands(acc.skipped),
    );
    if !acc.skipped_by_reason.is_empty() {
        let reasons: Vec<String> = acc
            .skipped_by_reason
            .iter()
            .map(|(reason, n)| format!("{reason} {}", thousands(*n)))
            .collect();
        line.push_str(&format!(" ({})", reasons.join(", ")));
    }
    line.push_str(&format!("; {} turns", thousands(acc.turns)));
    if !acc.languages.is_empty() {
        let languages: Vec<String> = acc
            .languages
            .iter()
            .map(|(lang, n)| format!("{lang} {}", thousands(*n)))
            .collect();
        line.push_str(&format!("; languages: {}", languages.join(", ")));
    }
    line.push('.');
    if !acc.grouped {
        line.push_str(&format!(
            " Input was not grouped by conversation: {} conversations reassembled from scattered rows.",
            thousands(acc.reassembled)
        ));
    }
    line
}

fn measure_label(name: &str) -> String {
    name.replace('_', " ")
}

fn measure_cell(m: &MeasureSummary) -> String {
    match (m.median, m.zero_share) {
        (Some(median), Some(zero)) => format!("{median:.1} ({:.0}% zero)", zero * 100.0),
        _ => "-".to_string(),
    }
}

fn limited(rows: &[GroupRow], top: usize) -> (&[GroupRow], usize) {
    if top == 0 || rows.len() <= top {
        (rows, 0)
    } else {
        (&rows[..top], rows.len() - top)
    }
}

fn group_section(report: &Report, title: &str, key: &str, rows: &[GroupRow]) -> Section {
    let mut headers = vec![key.to_string(), "Conversations".to_string()];
    headers.extend(report.categories.iter().map(|c| c.label.clone()));
    headers.push("Agent flags /100".to_string());
    let with_measures: Vec<&MeasureSummary> = report
        .measures
        .iter()
        .filter(|m| m.conversations > 0)
        .collect();
    headers.extend(
        with_measures
            .iter()
            .map(|m| format!("{} (median)", measure_label(&m.name))),
    );
    let (shown, hidden) = limited(rows, report.top);
    let mut body = Vec::new();
    for row in shown {
        let key = if row.low_volume {
            format!("{} *", row.key)
        } else {
            row.key.clone()
        };
        let mut cells = vec![key, thousands(row.conversations)];
        cells.extend(
            row.categories
                .iter()
                .map(|c| format!("{} ({})", c.flagged, rate_text(c.rate_per_100))),
        );
        cells.push(rate_text(row.agent_flag_rate));
        for measure in &with_measures {
            let cell = row
                .measures
                .iter()
                .find(|m| m.name == measure.name)
                .map_or_else(|| "-".to_string(), measure_cell);
            cells.push(cell);
        }
        body.push(cells);
    }
    let mut notes = vec!["Cells: conversations flagged (rate per 100 conversations).".to_string()];
    if rows.iter().any(|r| r.low_volume) {
        notes.push(format!(
            "* fewer than {} conversations: too few for a meaningful rate.",
            report.min_conversations
        ));
    }
    if hidden > 0 {
        notes.push(format!("{hidden} more rows not shown (--top 0 shows all)."));
    }
    Section {
        title: title.to_string(),
        headers,
        rows: body,
        notes,
    }
}

/// The report as titled grids, in reading order.
pub fn sections(report: &Report) -> Vec<Section> {
    let analysed = report.accounting.analysed;
    let rules_shown = if report.top == 0 {
        usize::MAX
    } else {
        report.top.min(3)
    };
    let summary = Section {
        title: "Categories".to_string(),
        headers: [
            "Category",
            "Conversations flagged",
            "Rate /100",
            "Top rules",
        ]
        .map(String::from)
        .to_vec(),
        rows: report
            .categories
            .iter()
            .map(|c| {
                let rules: Vec<String> = c
                    .top_rules
                    .iter()
                    .take(rules_shown)
                    .map(|r| format!("{} ({})", r.rule, r.conversations))
                    .collect();
                vec![
                    c.label.clone(),
                    format!(
                        "{} of {}",
                        thousands(c.conversations_flagged),
                        thousands(analysed)
                    ),
                    rate_text(c.rate_per_100),
                    if rules.is_empty() {
                        "-".to_string()
                    } else {
                        rules.join(", ")
                    },
                ]
            })
            .collect(),
        notes: Vec::new(),
    };
    let mut out = vec![summary];
    let measures: Vec<&MeasureSummary> = report
        .measures
        .iter()
        .filter(|m| m.conversations > 0)
        .collect();
    if !measures.is_empty() {
        out.push(Section {
            title: "Measures (team)".to_string(),
            headers: ["Measure", "Conversations", "Median", "Share zero"]
                .map(String::from)
                .to_vec(),
            rows: measures
                .iter()
                .map(|m| {
                    vec![
                        measure_label(&m.name),
                        thousands(m.conversations),
                        m.median.map_or("-".into(), |v| format!("{v:.1}")),
                        m.zero_share
                            .map_or("-".into(), |v| format!("{:.0}%", v * 100.0)),
                    ]
                })
                .collect(),
            notes: Vec::new(),
        });
    }
    out.push(group_section(report, "Per agent", "Agent", &report.agents));
    out.push(group_section(report, "Per topic", "Topic", &report.topics));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
