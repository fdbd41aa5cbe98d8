//! GitHub-flavoured Markdown, for pasting a report into a ticket or wiki.

use std::io::{self, Write};

use crate::report::Report;
use crate::report::render::{accounting_line, sections};

/// Escapes the characters that would break a table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# convoscan report")?;
    writeln!(out)?;
    writeln!(out, "{}", accounting_line(&report.accounting))?;
    for section in sections(report) {
        writeln!(out)?;
        writeln!(out, "## {}", section.title)?;
        writeln!(out)?;
        let headers: Vec<String> = section.headers.iter().map(|h| cell(h)).collect();
        writeln!(out, "| {} |", headers.join(" | "))?;
        let rule: Vec<&str> = section
            .headers
            .iter()
            .enumerate()
            .map(|(i, _)| if i == 0 { "---" } else { "---:" })
            .collect();
        writeln!(out, "| {} |", rule.join(" | "))?;
        for row in &section.rows {
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        if !section.notes.is_empty() {
            writeln!(out)?;
            for note in &section.notes {
                writeln!(out, "{}", cell(note))?;
            }
        }
    }
    Ok(())
}
