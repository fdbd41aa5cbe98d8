//! GitHub-flavoured Markdown, for pasting a report or a coaching card into a
//! ticket or wiki.

use std::io::{self, Write};

use super::{Document, with_marks};

/// Escapes the characters that would break a table cell or start markup.
fn cell(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('<', "&lt;")
        .replace('\n', " ");
    with_marks(&escaped, "**", "**")
}

/// A line of text: a `- ` bullet keeps its marker, the rest is escaped.
fn line(text: &str) -> String {
    match text.strip_prefix("- ") {
        Some(rest) => format!("- {}", cell(rest)),
        None => cell(text),
    }
}

/// A column of numbers (`12`, `4 (10.0) ▲`, `-`) is right-aligned; a column
/// with any text (topics, contact moments, rule lists, channels) is not.
fn numeric_column(rows: &[Vec<String>], column: usize) -> bool {
    rows.iter().all(|row| {
        row.get(column)
            .and_then(|c| c.chars().next())
            .is_none_or(|c| c.is_ascii_digit() || c == '-')
    })
}

pub fn render(document: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}", cell(&document.title))?;
    for lead in &document.lead {
        writeln!(out)?;
        writeln!(out, "{}", line(lead))?;
    }
    for section in &document.sections {
        writeln!(out)?;
        writeln!(out, "## {}", cell(&section.title))?;
        let mut previous_bullet = false;
        for text in &section.lines {
            let bullet = text.starts_with("- ");
            if !(bullet && previous_bullet) {
                writeln!(out)?;
            }
            writeln!(out, "{}", line(text))?;
            previous_bullet = bullet;
        }
        if !section.headers.is_empty() {
            writeln!(out)?;
            let headers: Vec<String> = section.headers.iter().map(|h| cell(h)).collect();
            writeln!(out, "| {} |", headers.join(" | "))?;
            let rule: Vec<&str> = (0..section.headers.len())
                .map(|i| {
                    if i > 0 && numeric_column(&section.rows, i) {
                        "---:"
                    } else {
                        "---"
                    }
                })
                .collect();
            writeln!(out, "| {} |", rule.join(" | "))?;
            for row in &section.rows {
                let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
        }
        for note in &section.notes {
            writeln!(out)?;
            writeln!(out, "{}", line(note))?;
        }
    }
    Ok(())
}
