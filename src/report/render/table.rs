//! Terminal tables (comfy-table).

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use crate::report::Report;
use crate::report::render::{accounting_line, sections};

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", accounting_line(&report.accounting))?;
    for section in sections(report) {
        writeln!(out)?;
        writeln!(out, "{}", section.title)?;
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(section.headers.iter().map(Cell::new));
        for row in &section.rows {
            table.add_row(row.iter().enumerate().map(|(i, text)| {
                let cell = Cell::new(text);
                // Numbers right-aligned; the first column and rule lists left.
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
        for note in &section.notes {
            writeln!(out, "{note}")?;
        }
    }
    Ok(())
}
