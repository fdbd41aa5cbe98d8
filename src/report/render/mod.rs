//! Rendering reports and coaching cards: terminal tables, Markdown, CSV,
//! JSON and HTML.
//!
//! Table, Markdown and HTML share one description of a document as titled
//! [`Section`]s of lines and grids of strings ([`sections`] for reports,
//! [`card`] for coaching cards), so every format shows the same numbers.
//! The words a finding matched are wrapped in two private-use characters
//! ([`MARK_OPEN`], [`MARK_CLOSE`]) that each format turns into its own
//! highlight (`«…»`, `**…**`, `<mark>`); they are removed from transcript
//! text first, so a transcript cannot forge a highlight.
//!
//! CSV is a tidy long format (`section,group,category,metric,value`) for
//! spreadsheets and BI tools; JSON is the serde form of the data.

pub mod card;
mod csv_long;
pub mod html;
mod markdown;
pub mod sections;
mod svg;
mod table;

use std::io::Write;

use crate::error::{Error, Result};
use crate::report::card::AgentCard;
use crate::report::stats::clock;
use crate::report::{Accounting, Evidence, Report};

/// Output formats for reports and cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Csv,
    Json,
    Html,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Table,
        Format::Markdown,
        Format::Csv,
        Format::Json,
        Format::Html,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

fn json(value: &impl serde::Serialize, out: &mut dyn Write) -> std::io::Result<()> {
    // `io::Error::from` keeps an I/O error's kind (a closed pipe).
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)
}

/// Writes the report in `format`. `path` names the output in I/O errors.
pub fn render(report: &Report, format: Format, out: &mut dyn Write, path: &str) -> Result<()> {
    let io = |e: std::io::Error| Error::io(path, e);
    let document = || Document {
        title: "convoscan report".to_string(),
        lead: vec![accounting_line(&report.accounting)],
        sections: sections::sections(report),
    };
    match format {
        Format::Table => table::render(&document().printable(), out).map_err(io),
        Format::Markdown => markdown::render(&document().printable(), out).map_err(io),
        Format::Csv => csv_long::render(report, out).map_err(io),
        Format::Json => json(report, out).map_err(io),
        Format::Html => html::report(report, &document(), out).map_err(io),
    }
}

/// Writes a coaching card in `format`.
pub fn render_card(
    card: &AgentCard,
    format: Format,
    out: &mut dyn Write,
    path: &str,
) -> Result<()> {
    let io = |e: std::io::Error| Error::io(path, e);
    match format {
        Format::Table => table::render(&card::document(card).printable(), out).map_err(io),
        Format::Markdown => markdown::render(&card::document(card).printable(), out).map_err(io),
        Format::Csv => card::csv(card, out).map_err(io),
        Format::Json => json(card, out).map_err(io),
        Format::Html => html::card(card, &card::document(card), out).map_err(io),
    }
}

/// A document: a title, lead paragraphs and sections.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    pub lead: Vec<String>,
    pub sections: Vec<Section>,
}

impl Document {
    /// The document with terminal control characters from export text
    /// (quotes, ids, agent and topic names) replaced, for the formats that
    /// are read on a terminal.
    pub fn printable(mut self) -> Document {
        let clean = |s: &mut String| {
            if let std::borrow::Cow::Owned(c) = crate::text::terminal::printable(s) {
                *s = c;
            }
        };
        clean(&mut self.title);
        self.lead.iter_mut().for_each(clean);
        for section in &mut self.sections {
            clean(&mut section.title);
            let Section {
                lines,
                headers,
                rows,
                notes,
                ..
            } = section;
            lines
                .iter_mut()
                .chain(headers.iter_mut())
                .chain(rows.iter_mut().flatten())
                .chain(notes.iter_mut())
                .for_each(clean);
        }
        self
    }
}

/// A titled section: lines of text, then a grid of cells (when `headers` is
/// not empty), then notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    pub title: String,
    pub lines: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub notes: Vec<String>,
}

/// Start and end of the words a finding matched, inside rendered text.
pub const MARK_OPEN: char = '\u{E000}';
pub const MARK_CLOSE: char = '\u{E001}';

/// A quote with its highlighted range wrapped in [`MARK_OPEN`] and
/// [`MARK_CLOSE`]. A range that is not on character boundaries is ignored.
pub fn marked_quote(quote: &str, highlight: Option<(u32, u32)>) -> String {
    let clean = |s: &str| s.replace([MARK_OPEN, MARK_CLOSE], "");
    match highlight {
        Some((from, to))
            if from < to
                && quote.is_char_boundary(from as usize)
                && quote.is_char_boundary(to as usize)
                && (to as usize) <= quote.len() =>
        {
            format!(
                "{}{MARK_OPEN}{}{MARK_CLOSE}{}",
                clean(&quote[..from as usize]),
                clean(&quote[from as usize..to as usize]),
                clean(&quote[to as usize..])
            )
        }
        _ => clean(quote),
    }
}

/// Replaces the highlight characters with `open` and `close`.
pub fn with_marks(text: &str, open: &str, close: &str) -> String {
    text.replace(MARK_OPEN, open).replace(MARK_CLOSE, close)
}

/// `conversation c-17, turn 3, 00:41` for a piece of evidence.
pub fn evidence_place(e: &Evidence) -> String {
    let mut place = format!("conversation {}, turn {}", e.conversation_id, e.turn);
    if let Some(ms) = e.offset_ms {
        place.push_str(&format!(", {}", clock(ms)));
    }
    place
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

/// `12.5–30.1`: an interval per 100.
pub fn interval_text(low: f64, high: f64) -> String {
    format!("{low:.1}–{high:.1}")
}

/// The accounting line: files, conversations, analysed, skipped (with
/// reasons), turns, languages.
pub fn accounting_line(acc: &Accounting) -> String {
    let files = if acc.files_read == 1 { "file" } else { "files" };
    let conversations = if acc.conversations_read == 1 {
        "conversation"
    } else {
        "conversations"
    };
    let mut line = format!(
        "Read {} {files}: {} {conversations}, {} analysed, {} skipped",
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
    let turns = if acc.turns == 1 { "turn" } else { "turns" };
    line.push_str(&format!("; {} {turns}", thousands(acc.turns)));
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

    #[test]
    fn the_accounting_line_counts_in_the_singular_too() {
        let mut acc = Accounting {
            files_read: 1,
            conversations_read: 1,
            analysed: 1,
            turns: 1,
            grouped: true,
            ..Accounting::default()
        };
        acc.languages.insert("nl".to_string(), 1);
        assert_eq!(
            accounting_line(&acc),
            "Read 1 file: 1 conversation, 1 analysed, 0 skipped; 1 turn; languages: nl 1."
        );
    }

    #[test]
    fn quotes_cannot_forge_marks() {
        let quote = format!("a{MARK_OPEN}b c");
        assert_eq!(
            marked_quote(&quote, Some((4, 5))),
            format!("a{MARK_OPEN}b{MARK_CLOSE} c")
        );
        assert_eq!(marked_quote("abc", Some((1, 9))), "abc");
        assert_eq!(marked_quote("abc", None), "abc");
    }

    #[test]
    fn rates_are_rounded_once_from_the_exact_value() {
        use crate::report::repeat::RepeatCell;
        use crate::report::{rate, stats::wilson};
        // 1 of 29 is 3.448...: 3.4, not 3.5 by way of 3.45.
        assert_eq!(rate_text(rate(1, 29)), "3.4");
        // 4 of 35: the interval's upper end is 25.951..., so 26.0.
        let (low, high) = wilson(4, 35);
        assert_eq!(interval_text(low, high), "4.5–26.0");
        // Files get two decimals of the same exact value.
        let cell = RepeatCell {
            eligible: 29,
            repeated: 1,
            rate_per_100: rate(1, 29),
        };
        assert_eq!(
            serde_json::to_string(&cell).expect("serialises"),
            r#"{"eligible":29,"repeated":1,"rate_per_100":3.45}"#
        );
    }
}
