//! CSV in tidy long form: one value per row, `section,group,category,metric,value`.
//!
//! Long form loads into any spreadsheet or BI tool and pivots without
//! knowing the categories in advance (an analyst's own categories simply
//! appear as more rows). The accounting is in it too, so conversations read =
//! analysed + skipped can be checked from the CSV alone.

use std::io::{self, Write};

use crate::report::{GroupRow, MeasureSummary, Report};

struct Writer<'w> {
    inner: csv::Writer<&'w mut dyn Write>,
}

impl Writer<'_> {
    fn row(
        &mut self,
        section: &str,
        group: &str,
        category: &str,
        metric: &str,
        value: impl ToString,
    ) -> io::Result<()> {
        self.inner
            .write_record([section, group, category, metric, &value.to_string()])
            .map_err(io::Error::other)
    }

    fn measures(
        &mut self,
        section: &str,
        group: &str,
        measures: &[MeasureSummary],
    ) -> io::Result<()> {
        for m in measures.iter().filter(|m| m.conversations > 0) {
            self.row(
                section,
                group,
                "",
                &format!("{}_conversations", m.name),
                m.conversations,
            )?;
            if let Some(median) = m.median {
                self.row(section, group, "", &format!("{}_median", m.name), median)?;
            }
            if let Some(zero) = m.zero_share {
                self.row(section, group, "", &format!("{}_zero_share", m.name), zero)?;
            }
        }
        Ok(())
    }

    fn groups(&mut self, section: &str, rows: &[GroupRow]) -> io::Result<()> {
        for row in rows {
            self.row(section, &row.key, "", "conversations", row.conversations)?;
            self.row(section, &row.key, "", "low_volume", row.low_volume)?;
            self.row(
                section,
                &row.key,
                "",
                "agent_flag_rate",
                row.agent_flag_rate,
            )?;
            for cell in &row.categories {
                self.row(section, &row.key, &cell.category, "flagged", cell.flagged)?;
                self.row(
                    section,
                    &row.key,
                    &cell.category,
                    "rate_per_100",
                    cell.rate_per_100,
                )?;
            }
            self.measures(section, &row.key, &row.measures)?;
        }
        Ok(())
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer {
        inner: csv::Writer::from_writer(out),
    };
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
    for c in &report.categories {
        w.row(
            "category",
            "",
            &c.id,
            "conversations_flagged",
            c.conversations_flagged,
        )?;
        w.row("category", "", &c.id, "rate_per_100", c.rate_per_100)?;
        w.row("category", "", &c.id, "findings", c.findings)?;
        for r in &c.top_rules {
            w.row("rule", &r.rule, &c.id, "conversations", r.conversations)?;
        }
    }
    w.measures("team", "", &report.measures)?;
    w.groups("agent", &report.agents)?;
    w.groups("topic", &report.topics)?;
    w.inner.flush()
}
