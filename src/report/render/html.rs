//! One self-contained HTML file: inline CSS, inline SVG charts, no scripts,
//! no external assets. It opens in any browser, mails as an attachment and
//! prints (print CSS: A4 landscape, sections kept whole where possible).
//!
//! Everything that comes from a transcript or a lexicon (quotes, messages,
//! rule ids, agent ids, topics, labels) is escaped with [`escape`], in text
//! and in attributes alike: a transcript saying `<script>` shows the word,
//! it never runs. Highlighted words become `<mark>` only after escaping.

use std::io::{self, Write};

use crate::report::Report;
use crate::report::card::AgentCard;
use crate::report::stats::VsTeam;

use super::svg::{Bar, Chart, bar_chart};
use super::{Document, Section, rate_text, with_marks};

/// Escapes text for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Escapes, then turns highlight marks into `<mark>`.
fn text(value: &str) -> String {
    with_marks(&escape(value), "<mark>", "</mark>")
}

const STYLE: &str = r#"
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:1200px;padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
p.lead{color:#444}p.note{color:#555;font-size:.85rem;margin:.3rem 0}
table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0;display:block;overflow-x:auto}
th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}th{background:#f1f1f1;text-align:left}
td.num{text-align:right;white-space:nowrap}
mark{background:#ffe08a;padding:0 .1em}
ul.evidence li{margin:.3rem 0}
svg.chart{max-width:100%;height:auto;display:block;margin:.6rem 0}
svg .label,svg .value,svg .axis{font-size:11px;fill:#222}svg .chart-title{font-size:12px;font-weight:600;fill:#222}
.legend{font-size:.8rem;color:#444}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;max-width:none;font-size:10pt}section{break-inside:avoid-page}h2{break-after:avoid}table{display:table;overflow:visible}a{color:inherit}}
"#;

fn is_number(cell: &str) -> bool {
    cell.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '-')
}

fn section(out: &mut dyn Write, section: &Section, charts: &[String]) -> io::Result<()> {
    writeln!(out, "<section>")?;
    writeln!(out, "<h2>{}</h2>", text(&section.title))?;
    let mut in_list = false;
    for line in &section.lines {
        match line.strip_prefix("- ") {
            Some(item) => {
                if !in_list {
                    writeln!(out, "<ul class=\"evidence\">")?;
                    in_list = true;
                }
                writeln!(out, "<li>{}</li>", text(item))?;
            }
            None => {
                if in_list {
                    writeln!(out, "</ul>")?;
                    in_list = false;
                }
                writeln!(out, "<p>{}</p>", text(line))?;
            }
        }
    }
    if in_list {
        writeln!(out, "</ul>")?;
    }
    for chart in charts {
        writeln!(out, "{chart}")?;
    }
    if !section.headers.is_empty() {
        writeln!(out, "<table>")?;
        write!(out, "<thead><tr>")?;
        for header in &section.headers {
            write!(out, "<th scope=\"col\">{}</th>", text(header))?;
        }
        writeln!(out, "</tr></thead>")?;
        writeln!(out, "<tbody>")?;
        for row in &section.rows {
            write!(out, "<tr>")?;
            for (i, cell) in row.iter().enumerate() {
                if i == 0 {
                    write!(out, "<th scope=\"row\">{}</th>", text(cell))?;
                } else if is_number(cell) {
                    write!(out, "<td class=\"num\">{}</td>", text(cell))?;
                } else {
                    write!(out, "<td>{}</td>", text(cell))?;
                }
            }
            writeln!(out, "</tr>")?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    for note in &section.notes {
        writeln!(out, "<p class=\"note\">{}</p>", text(note))?;
    }
    writeln!(out, "</section>")
}

fn document(
    out: &mut dyn Write,
    document: &Document,
    charts: &dyn Fn(&str) -> Vec<String>,
) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<meta name=\"generator\" content=\"convoscan\">")?;
    writeln!(out, "<title>{}</title>", escape(&document.title))?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<main>")?;
    writeln!(out, "<h1>{}</h1>", text(&document.title))?;
    for lead in &document.lead {
        writeln!(out, "<p class=\"lead\">{}</p>", text(lead))?;
    }
    writeln!(
        out,
        "<p class=\"legend\">Bars: rate per 100 conversations; whiskers: 95% interval; grey band and tick: the team's interval and rate. Red: interval wholly above the team's (▲); green: wholly below (▼).</p>"
    )?;
    for s in &document.sections {
        section(out, s, &charts(&s.title))?;
    }
    writeln!(out, "</main>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn team_band(report: &Report, category: usize) -> Option<(f64, f64, f64)> {
    report
        .categories
        .get(category)
        .map(|c| (c.rate_per_100, c.low_per_100, c.high_per_100))
}

fn report_charts(report: &Report, title: &str) -> Vec<String> {
    let shown = |n: usize| {
        if report.top == 0 {
            n
        } else {
            n.min(report.top)
        }
    };
    match title {
        "Categories" => vec![bar_chart(&Chart {
            title: "Conversations flagged per 100, by category".into(),
            bars: report
                .categories
                .iter()
                .map(|c| Bar {
                    label: c.label.clone(),
                    value: c.rate_per_100,
                    interval: Some((c.low_per_100, c.high_per_100)),
                    reference: None,
                    vs_team: VsTeam::Within,
                    text: format!(
                        "{} · {}",
                        c.conversations_flagged,
                        rate_text(c.rate_per_100)
                    ),
                })
                .collect(),
        })],
        "Per agent" => report
            .categories
            .iter()
            .enumerate()
            .filter(|(_, c)| c.conversations_flagged > 0)
            .map(|(i, c)| {
                bar_chart(&Chart {
                    title: format!("{} per 100 conversations, by agent", c.label),
                    bars: report.agents[..shown(report.agents.len())]
                        .iter()
                        .map(|row| group_bar(row, i, team_band(report, i)))
                        .collect(),
                })
            })
            .collect(),
        "Per topic" => {
            let topics = &report.topics[..shown(report.topics.len())];
            let mut charts = vec![bar_chart(&Chart {
                title: "Agent flags per 100 conversations, by topic".into(),
                bars: topics
                    .iter()
                    .map(|row| Bar {
                        label: row.label.clone().unwrap_or_else(|| row.key.clone()),
                        value: row.agent_flag_rate,
                        interval: None,
                        reference: None,
                        vs_team: VsTeam::Within,
                        text: format!(
                            "{} conv. · {}",
                            row.conversations,
                            rate_text(row.agent_flag_rate)
                        ),
                    })
                    .collect(),
            })];
            for (i, c) in report.categories.iter().enumerate() {
                if c.subject == crate::model::Speaker::Customer && c.conversations_flagged > 0 {
                    charts.push(bar_chart(&Chart {
                        title: format!("{} per 100 conversations, by topic", c.label),
                        bars: topics
                            .iter()
                            .map(|row| group_bar(row, i, team_band(report, i)))
                            .collect(),
                    }));
                }
            }
            charts
        }
        "Per week (team)" => report
            .weeks
            .iter()
            .flat_map(|weeks| {
                report.categories.iter().enumerate().map(move |(i, c)| {
                    bar_chart(&Chart {
                        title: format!("{} per 100 conversations, by week", c.label),
                        bars: weeks
                            .team
                            .iter()
                            .map(|w| {
                                let cell = &w.categories[i];
                                Bar {
                                    label: w.week.clone(),
                                    value: cell.rate_per_100,
                                    interval: None,
                                    reference: None,
                                    vs_team: VsTeam::Within,
                                    text: match cell.change {
                                        Some(d) => {
                                            format!("{} ({d:+.1})", rate_text(cell.rate_per_100))
                                        }
                                        None => rate_text(cell.rate_per_100),
                                    },
                                }
                            })
                            .collect(),
                    })
                })
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn group_bar(
    row: &crate::report::GroupRow,
    category: usize,
    reference: Option<(f64, f64, f64)>,
) -> Bar {
    let cell = &row.categories[category];
    Bar {
        label: row.label.clone().unwrap_or_else(|| row.key.clone()),
        value: cell.rate_per_100,
        interval: Some((cell.low_per_100, cell.high_per_100)),
        reference,
        vs_team: cell.vs_team,
        text: format!(
            "{} of {} · {}",
            cell.flagged,
            row.conversations,
            rate_text(cell.rate_per_100)
        ),
    }
}

/// The report as one HTML file.
pub fn report(report: &Report, doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    document(out, doc, &|title| report_charts(report, title))
}

/// A coaching card as one HTML file.
pub fn card(card: &AgentCard, doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let chart = bar_chart(&Chart {
        title: format!("{} against the team, per 100 conversations", card.agent),
        bars: card
            .categories
            .iter()
            .map(|c| Bar {
                label: c.label.clone(),
                value: c.rate_per_100,
                interval: Some((c.low_per_100, c.high_per_100)),
                reference: Some((c.team_rate_per_100, c.team_low_per_100, c.team_high_per_100)),
                vs_team: c.vs_team,
                text: format!(
                    "{} · team {}",
                    rate_text(c.rate_per_100),
                    rate_text(c.team_rate_per_100)
                ),
            })
            .collect(),
    });
    document(out, doc, &|title| {
        if title == super::card::CATEGORIES_TITLE {
            vec![chart.clone()]
        } else {
            Vec::new()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'onerror='"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;onerror=&#39;"
        );
    }

    #[test]
    fn marks_become_mark_elements_after_escaping() {
        let quote = super::super::marked_quote("a <b> c", Some((2, 5)));
        assert_eq!(text(&quote), "a <mark>&lt;b&gt;</mark> c");
    }
}
