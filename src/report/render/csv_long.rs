//! CSV in tidy long form: one value per row, `section,group,category,metric,value`.
//!
//! Long form loads into any spreadsheet or BI tool and pivots without
//! knowing the categories in advance (an analyst's own categories simply
//! appear as more rows). The accounting is in it too, so conversations read =
//! analysed + skipped can be checked from the CSV alone. Sections:
//! `accounting`, `category`, `rule`, `example`, `team`, `agent`, `topic`,
//! `contact_moment`, `repeat`, `week`, `agent_week`.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::model::Severity;
use crate::report::weekly::WeekRow;
use crate::report::{Evidence, GroupRow, MeasureSummary, Report, round2};

/// A value of the long CSV. Figures are written rounded to two decimals, as
/// in the JSON report; the report itself keeps them exact.
pub(super) trait CsvValue {
    fn csv_text(&self) -> String;
}

impl CsvValue for f64 {
    fn csv_text(&self) -> String {
        round2(*self).to_string()
    }
}

macro_rules! as_displayed {
    ($($t:ty),*) => {
        $(impl CsvValue for $t {
            fn csv_text(&self) -> String {
                self.to_string()
            }
        })*
    };
}

as_displayed!(u64, u32, usize, bool, str, String, Severity);

impl<T: CsvValue + ?Sized> CsvValue for &T {
    fn csv_text(&self) -> String {
        (**self).csv_text()
    }
}

pub(super) struct Writer<'w> {
    pub inner: csv::Writer<&'w mut dyn Write>,
}

impl<'w> Writer<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        Writer {
            inner: csv::Writer::from_writer(out),
        }
    }

    pub fn row(
        &mut self,
        section: &str,
        group: &str,
        category: &str,
        metric: &str,
        value: impl CsvValue,
    ) -> io::Result<()> {
        // Every cell, because any of them can come from an export or a user
        // lexicon: agent and topic names, ids, rule ids, quotes, messages.
        let value = value.csv_text();
        let cells = [section, group, category, metric, &value].map(spreadsheet_safe);
        self.inner
            .write_record(cells.iter().map(|c| c.as_bytes()))
            .map_err(into_io)
    }

    pub fn optional(
        &mut self,
        section: &str,
        group: &str,
        category: &str,
        metric: &str,
        value: Option<impl CsvValue>,
    ) -> io::Result<()> {
        match value {
            Some(v) => self.row(section, group, category, metric, v),
            None => Ok(()),
        }
    }

    fn measures(
        &mut self,
        section: &str,
        group: &str,
        measures: &[MeasureSummary],
    ) -> io::Result<()> {
        for m in measures.iter().filter(|m| m.conversations > 0) {
            let name = &m.name;
            self.row(
                section,
                group,
                "",
                &format!("{name}_conversations"),
                m.conversations,
            )?;
            self.optional(section, group, "", &format!("{name}_median"), m.median)?;
            self.optional(
                section,
                group,
                "",
                &format!("{name}_zero_share"),
                m.zero_share,
            )?;
        }
        Ok(())
    }

    /// The rows of one evidence quote, grouped under `group`.
    pub fn evidence(&mut self, section: &str, group: &str, e: &Evidence) -> io::Result<()> {
        let c = &e.category;
        self.row(section, group, c, "rule", &e.rule)?;
        self.row(section, group, c, "severity", e.severity)?;
        self.row(section, group, c, "conversation_id", &e.conversation_id)?;
        self.optional(section, group, c, "agent_id", e.agent_id.as_ref())?;
        self.row(section, group, c, "turn", e.turn)?;
        self.optional(section, group, c, "offset_ms", e.offset_ms)?;
        self.row(section, group, c, "quote", &e.quote)?;
        self.row(section, group, c, "message", &e.message)
    }

    /// Group rows; `with_measures` false for the team, whose measures are
    /// the `team` section's measure rows already.
    fn groups(&mut self, section: &str, rows: &[GroupRow], with_measures: bool) -> io::Result<()> {
        for row in rows {
            let key = &row.key;
            self.optional(section, key, "", "label", row.label.as_ref())?;
            self.optional(
                section,
                key,
                "",
                "contact_moment",
                row.contact_moment.map(|m| m.as_str()),
            )?;
            self.row(section, key, "", "conversations", row.conversations)?;
            self.row(section, key, "", "share_per_100", row.share_per_100)?;
            self.row(section, key, "", "low_volume", row.low_volume)?;
            self.row(section, key, "", "agent_flag_rate", row.agent_flag_rate)?;
            for cell in &row.categories {
                let c = &cell.category;
                self.row(section, key, c, "flagged", cell.flagged)?;
                self.row(section, key, c, "rate_per_100", cell.rate_per_100)?;
                self.row(section, key, c, "low_per_100", cell.low_per_100)?;
                self.row(section, key, c, "high_per_100", cell.high_per_100)?;
                let vs = serde_json::to_value(cell.vs_team)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                self.row(section, key, c, "vs_team", vs)?;
            }
            for rule in &row.top_rules {
                self.row(
                    section,
                    key,
                    &rule.category,
                    &format!("rule:{}", rule.rule),
                    rule.conversations,
                )?;
            }
            for channel in &row.channels {
                self.row(
                    section,
                    key,
                    "",
                    &format!("channel:{}", channel.channel),
                    channel.conversations,
                )?;
            }
            self.optional(section, key, "", "median_turns", row.median_turns)?;
            self.optional(section, key, "", "median_duration_s", row.median_duration_s)?;
            self.row(section, key, "", "difficult", row.difficult)?;
            self.row(
                section,
                key,
                "",
                "difficult_without_agent_flags",
                row.difficult_without_agent_flags,
            )?;
            self.row(section, key, "", "cues", row.cues)?;
            self.row(section, key, "", "cues_taken_up", row.cues_taken_up)?;
            if let Some(r) = &row.repeat {
                self.row(section, key, "", "repeat_eligible", r.eligible)?;
                self.row(section, key, "", "repeated", r.repeated)?;
                self.row(section, key, "", "repeat_rate_per_100", r.rate_per_100)?;
            }
            if with_measures {
                self.measures(section, key, &row.measures)?;
            }
        }
        Ok(())
    }

    fn weeks(&mut self, section: &str, group: &str, rows: &[WeekRow]) -> io::Result<()> {
        for week in rows {
            let name = format!(
                "{group}{}{}",
                if group.is_empty() { "" } else { "/" },
                week.week
            );
            self.row(section, &name, "", "conversations", week.conversations)?;
            for cell in &week.categories {
                self.row(section, &name, &cell.category, "flagged", cell.flagged)?;
                self.row(
                    section,
                    &name,
                    &cell.category,
                    "rate_per_100",
                    cell.rate_per_100,
                )?;
                self.optional(section, &name, &cell.category, "change", cell.change)?;
            }
        }
        Ok(())
    }
}

/// The I/O error inside a CSV error, kind and all (a closed pipe must stay
/// recognisable as one).
pub(super) fn into_io(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Text a spreadsheet will not take for a formula (CSV injection): a cell
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
/// with `'`, which spreadsheets show as text. Numbers (`-2.5`, a change
/// between weeks) stay numbers.
pub(super) fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    let is_number = || text.parse::<f64>().is_ok_and(f64::is_finite);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number() {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer::new(out);
    w.row("section", "group", "category", "metric", "value")?;
    let acc = &report.accounting;
    for (metric, value) in [
        ("files_read", acc.files_read),
        ("conversations_read", acc.conversations_read),
        ("analysed", acc.analysed),
        ("skipped", acc.skipped),
        ("turns", acc.turns),
        ("findings", acc.findings),
        ("reassembled", acc.reassembled),
    ] {
        w.row("accounting", "", "", metric, value)?;
    }
    w.row("accounting", "", "", "grouped", acc.grouped)?;
    for (reason, n) in &acc.skipped_by_reason {
        w.row("accounting", "", "", &format!("skipped_{reason}"), n)?;
    }
    for (language, n) in &acc.languages {
        w.row("accounting", "", "", &format!("language_{language}"), n)?;
    }
    for (source, n) in &acc.topic_sources {
        w.row("accounting", "", "", &format!("topic_source_{source}"), n)?;
    }
    for c in &report.categories {
        w.row(
            "category",
            "",
            &c.id,
            "conversations_flagged",
            c.conversations_flagged,
        )?;
        w.row("category", "", &c.id, "rate_per_100", c.rate_per_100)?;
        w.row("category", "", &c.id, "low_per_100", c.low_per_100)?;
        w.row("category", "", &c.id, "high_per_100", c.high_per_100)?;
        w.row("category", "", &c.id, "findings", c.findings)?;
        for r in &c.top_rules {
            w.row("rule", &r.rule, &c.id, "conversations", r.conversations)?;
        }
        for r in &c.top_rules {
            if let Some(e) = &r.example {
                w.evidence("example", &r.rule, e)?;
            }
        }
    }
    w.measures("team", "", &report.measures)?;
    w.groups("team", std::slice::from_ref(&report.team), false)?;
    w.groups("agent", &report.agents, true)?;
    w.groups("topic", &report.topics, true)?;
    w.groups("contact_moment", &report.contact_moments, true)?;
    if let Some(repeat) = &report.repeat {
        w.row("repeat", "", "", "window_days", repeat.window_days)?;
        w.row("repeat", "", "", "eligible", repeat.team.eligible)?;
        w.row("repeat", "", "", "repeated", repeat.team.repeated)?;
        w.row("repeat", "", "", "rate_per_100", repeat.team.rate_per_100)?;
        w.optional("repeat", "", "", "data_ends", repeat.data_ends.as_ref())?;
    }
    if let Some(weeks) = &report.weeks {
        w.row("week", "", "", "undated", weeks.undated)?;
        w.weeks("week", "", &weeks.team)?;
        for agent in &weeks.agents {
            w.weeks("agent_week", &agent.agent, &agent.weeks)?;
        }
    }
    w.inner.flush()
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn transcript_text_cannot_become_a_formula() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("Dan gaan we"), "Dan gaan we");
        assert_eq!(spreadsheet_safe("-SUM(A1)"), "'-SUM(A1)");
        assert_eq!(spreadsheet_safe("+31 6 1234"), "'+31 6 1234");
        assert_eq!(spreadsheet_safe("\t=1"), "'\t=1");
        // Numbers stay numbers; so do infinities' spellings as text.
        assert_eq!(spreadsheet_safe("-2.5"), "-2.5");
        assert_eq!(spreadsheet_safe("-inf"), "'-inf");
    }
}
