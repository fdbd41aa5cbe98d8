//! Terminal tables (comfy-table) and plain text.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use super::{Document, with_marks};

/// The highlight of matched words in plain text.
const OPEN: &str = "«";
const CLOSE: &str = "»";

pub fn render(document: &Document, out: &mut dyn Write) -> io::Result<()> {
    for line in &document.lead {
        writeln!(out, "{}", with_marks(line, OPEN, CLOSE))?;
    }
    for section in &document.sections {
        writeln!(out)?;
        writeln!(out, "{}", section.title)?;
        for line in &section.lines {
            writeln!(out, "{}", with_marks(line, OPEN, CLOSE))?;
        }
        if !section.headers.is_empty() {
            let mut table = Table::new();
            table
                .load_style(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Disabled)
                .set_header(section.headers.iter().map(Cell::new));
            for row in &section.rows {
                table.add_row(row.iter().enumerate().map(|(i, text)| {
                    let cell = Cell::new(with_marks(text, OPEN, CLOSE));
                    // Numbers right-aligned; the first column and lists left.
                    if i > 0
                        && text
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_digit() || c == '-')
                    {
                        cell.set_alignment(CellAlignment::Right)
                    } else {
                        cell
                    }
                }));
            }
            writeln!(out, "{table}")?;
        }
        for note in &section.notes {
            writeln!(out, "{}", with_marks(note, OPEN, CLOSE))?;
        }
    }
    Ok(())
}
