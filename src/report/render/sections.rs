//! A report as titled sections, in reading order: categories, examples,
//! measures, per agent, per topic, per contact moment, repeat contacts and
//! weeks. Table, Markdown and HTML all render these.

use crate::report::stats::VsTeam;
use crate::report::weekly::WeekRow;
use crate::report::{CategoryCell, GroupRow, MeasureSummary, Report};

use super::{Section, evidence_place, interval_text, marked_quote, rate_text, thousands};

fn measure_label(name: &str) -> String {
    name.replace('_', " ")
}

/// Whether a share of zeros means something for this measure: for a count
/// of exploring questions, zero is the behaviour coaches look for; zero
/// seconds to a first solution is just rare.
fn zero_share_shown(report: &Report, m: &MeasureSummary) -> bool {
    report.exploring_measures.contains(&m.name)
}

fn measure_cell(m: &MeasureSummary, with_zero_share: bool) -> String {
    match (m.median, m.zero_share) {
        (Some(median), Some(zero)) if with_zero_share => {
            format!("{median:.1} ({:.0}% zero)", zero * 100.0)
        }
        (Some(median), _) => format!("{median:.1}"),
        _ => "-".to_string(),
    }
}

/// `4 (10.0) ▲`: flagged, rate, and the marker against the team.
pub fn category_cell(cell: &CategoryCell) -> String {
    let mut text = format!("{} ({})", cell.flagged, rate_text(cell.rate_per_100));
    if cell.vs_team != VsTeam::Within {
        text.push(' ');
        text.push_str(cell.vs_team.marker());
    }
    text
}

fn limited(rows: &[GroupRow], top: usize) -> (&[GroupRow], usize) {
    if top == 0 || rows.len() <= top {
        (rows, 0)
    } else {
        (&rows[..top], rows.len() - top)
    }
}

fn optional(value: Option<f64>, digits: usize) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.digits$}"))
}

fn duration(seconds: Option<f64>) -> String {
    seconds.map_or_else(
        || "-".to_string(),
        |s| crate::report::stats::clock((s * 1000.0) as u64),
    )
}

fn repeat_cell(row: &GroupRow) -> String {
    row.repeat.as_ref().map_or_else(
        || "-".to_string(),
        |r| {
            if r.eligible == 0 {
                "-".to_string()
            } else {
                format!("{} ({})", r.repeated, rate_text(r.rate_per_100))
            }
        },
    )
}

fn legend(report: &Report, rows: &[GroupRow], hidden: usize) -> Vec<String> {
    let mut notes = vec![
        "Cells: conversations flagged (rate per 100 conversations). ▲/▼: the 95% interval lies wholly above/below the team's; no marker: not shown to differ."
            .to_string(),
    ];
    if rows.iter().any(|r| r.low_volume) {
        notes.push(format!(
            "* fewer than {} conversations: too few for a meaningful rate.",
            report.min_conversations
        ));
    }
    if hidden > 0 {
        notes.push(format!("{hidden} more rows not shown (--top 0 shows all)."));
    }
    notes
}

fn key_cell(row: &GroupRow) -> String {
    if row.low_volume {
        format!("{} *", row.key)
    } else {
        row.key.clone()
    }
}

fn agent_section(report: &Report) -> Section {
    let mut headers = vec!["Agent".to_string(), "Conversations".to_string()];
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
    if report.repeat.is_some() {
        headers.push("Repeat contacts".to_string());
    }
    let (shown, hidden) = limited(&report.agents, report.top);
    let rows = shown
        .iter()
        .map(|row| {
            let mut cells = vec![key_cell(row), thousands(row.conversations)];
            cells.extend(row.categories.iter().map(category_cell));
            cells.push(rate_text(row.agent_flag_rate));
            for measure in &with_measures {
                let with_zero_share = zero_share_shown(report, measure);
                cells.push(
                    row.measure(&measure.name)
                        .map_or_else(|| "-".into(), |m| measure_cell(m, with_zero_share)),
                );
            }
            if report.repeat.is_some() {
                cells.push(repeat_cell(row));
            }
            cells
        })
        .collect();
    Section {
        title: "Per agent".to_string(),
        headers,
        rows,
        notes: legend(report, &report.agents, hidden),
        ..Section::default()
    }
}

/// Columns shared by the topic and contact-moment tables, after the key.
fn group_columns(report: &Report, row: &GroupRow, top_rules: bool) -> Vec<String> {
    let mut cells = vec![
        thousands(row.conversations),
        format!("{}%", rate_text(row.share_per_100)),
    ];
    cells.extend(row.categories.iter().map(category_cell));
    if top_rules {
        let rules: Vec<String> = row
            .top_rules
            .iter()
            .take(3)
            .map(|r| format!("{} ({})", r.rule, r.conversations))
            .collect();
        cells.push(if rules.is_empty() {
            "-".into()
        } else {
            rules.join(", ")
        });
    }
    let channels: Vec<String> = row
        .channels
        .iter()
        .take(3)
        .map(|c| format!("{} {}", c.channel, thousands(c.conversations)))
        .collect();
    cells.push(channels.join(", "));
    cells.push(optional(row.median_turns, 1));
    cells.push(duration(row.median_duration_s));
    if report.repeat.is_some() {
        cells.push(repeat_cell(row));
    }
    cells
}

fn group_headers(report: &Report, first: &[&str], top_rules: bool) -> Vec<String> {
    let mut headers: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    headers.push("Conversations".into());
    headers.push("Share".into());
    headers.extend(report.categories.iter().map(|c| c.label.clone()));
    if top_rules {
        headers.push("Top rules".into());
    }
    headers.push("Channels".into());
    headers.push("Median turns".into());
    headers.push("Median duration".into());
    if report.repeat.is_some() {
        headers.push("Repeat contacts".into());
    }
    headers
}

fn topic_section(report: &Report) -> Section {
    let (shown, hidden) = limited(&report.topics, report.top);
    let rows = shown
        .iter()
        .map(|row| {
            let moment = row.contact_moment.map_or("-", |m| m.as_str());
            let mut cells = vec![key_cell(row), moment.to_string()];
            cells.extend(group_columns(report, row, true));
            cells
        })
        .collect();
    let mut notes = legend(report, &report.topics, hidden);
    let sources: Vec<String> = report
        .accounting
        .topic_sources
        .iter()
        .map(|(source, n)| format!("{source} {}", thousands(*n)))
        .collect();
    if !sources.is_empty() {
        notes.push(format!(
            "Topic source: {} (export: the export's own value; alias: an export value the topic lexicon maps; lexicon: assigned from the customer's first turns).",
            sources.join(", ")
        ));
    }
    Section {
        title: "Per topic".to_string(),
        headers: group_headers(report, &["Topic", "Contact moment"], true),
        rows,
        notes,
        ..Section::default()
    }
}

fn moment_section(report: &Report) -> Section {
    let rows = report
        .contact_moments
        .iter()
        .map(|row| {
            let topics = report
                .topics
                .iter()
                .filter(|t| t.contact_moment == row.contact_moment)
                .count();
            let mut cells = vec![row.key.clone(), thousands(topics as u64)];
            cells.extend(group_columns(report, row, true));
            cells
        })
        .collect();
    Section {
        title: "Per contact moment".to_string(),
        headers: group_headers(report, &["Contact moment", "Topics"], true),
        rows,
        notes: vec![
            "Promise: selling, informing, contracting. Deliver: making it work (delivery, repair, outages, access, complaints). Settle: the bill. unknown: no topic, or one the topic lexicons do not know.".to_string(),
        ],
        ..Section::default()
    }
}

fn category_section(report: &Report) -> Section {
    let rules_shown = if report.top == 0 {
        usize::MAX
    } else {
        report.top.min(3)
    };
    Section {
        title: "Categories".to_string(),
        headers: [
            "Category",
            "Conversations flagged",
            "Rate /100",
            "95% interval",
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
                        thousands(report.accounting.analysed)
                    ),
                    rate_text(c.rate_per_100),
                    interval_text(c.low_per_100, c.high_per_100),
                    if rules.is_empty() {
                        "-".to_string()
                    } else {
                        rules.join(", ")
                    },
                ]
            })
            .collect(),
        ..Section::default()
    }
}

fn examples_section(report: &Report) -> Option<Section> {
    let rules_shown = if report.top == 0 {
        usize::MAX
    } else {
        report.top.min(3)
    };
    let mut lines = Vec::new();
    for category in &report.categories {
        for rule in category.top_rules.iter().take(rules_shown) {
            if let Some(e) = &rule.example {
                lines.push(evidence_line(&category.label, e));
            }
        }
    }
    (!lines.is_empty()).then(|| {
        lines.insert(
            0,
            "The most severe finding of each top rule, in the conversation's own words:".into(),
        );
        Section {
            title: "Examples".to_string(),
            lines,
            ..Section::default()
        }
    })
}

/// `- Threat · threat.legal (high) · conversation c-4, turn 1, 00:12: “…”`
pub fn evidence_line(label: &str, e: &crate::report::Evidence) -> String {
    format!(
        "- {label} · {} ({}) · {}: “{}”",
        e.rule,
        e.severity,
        evidence_place(e),
        marked_quote(&e.quote, e.highlight)
    )
}

fn measures_section(report: &Report) -> Option<Section> {
    let measures: Vec<&MeasureSummary> = report
        .measures
        .iter()
        .filter(|m| m.conversations > 0)
        .collect();
    (!measures.is_empty()).then(|| Section {
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
                    optional(m.median, 1),
                    m.zero_share
                        .filter(|_| zero_share_shown(report, m))
                        .map_or("-".into(), |v| format!("{:.0}%", v * 100.0)),
                ]
            })
            .collect(),
        ..Section::default()
    })
}

fn repeat_section(report: &Report) -> Option<Section> {
    let repeat = report.repeat.as_ref()?;
    let mut notes = vec![format!(
        "A conversation is repeated when the same customer starts another conversation within {} days; charged to the first conversation's topic and primary agent.",
        repeat.window_days
    )];
    if let Some(end) = &repeat.data_ends {
        notes.push(format!(
            "The data ends on {end}: conversations in its last {} days had less than a full window, so their share is a lower bound.",
            repeat.window_days
        ));
    }
    Some(Section {
        title: "Repeat contacts".to_string(),
        headers: [
            "Window",
            "Conversations with customer and time",
            "Repeated",
            "Rate /100",
        ]
        .map(String::from)
        .to_vec(),
        rows: vec![vec![
            format!("{} days", repeat.window_days),
            thousands(repeat.team.eligible),
            thousands(repeat.team.repeated),
            rate_text(repeat.team.rate_per_100),
        ]],
        notes,
        ..Section::default()
    })
}

fn week_cells(row: &WeekRow) -> Vec<String> {
    let mut cells = vec![row.week.clone(), thousands(row.conversations)];
    cells.extend(row.categories.iter().map(|c| match c.change {
        Some(change) => format!("{} ({change:+.1})", rate_text(c.rate_per_100)),
        None => rate_text(c.rate_per_100),
    }));
    cells
}

fn week_sections(report: &Report) -> Vec<Section> {
    let Some(weeks) = &report.weeks else {
        return Vec::new();
    };
    let labels = report.categories.iter().map(|c| c.label.clone());
    let mut headers = vec!["Week".to_string(), "Conversations".to_string()];
    headers.extend(labels.clone());
    let mut notes = vec![
        "Cells: rate per 100 conversations (change in points against the previous week in the data).".to_string(),
    ];
    if weeks.undated > 0 {
        notes.push(format!(
            "{} conversations without a start time are not in any week.",
            thousands(weeks.undated)
        ));
    }
    let team = Section {
        title: "Per week (team)".to_string(),
        headers: headers.clone(),
        rows: weeks.team.iter().map(week_cells).collect(),
        notes,
        ..Section::default()
    };
    let mut agent_headers = vec!["Agent".to_string()];
    agent_headers.extend(headers);
    let mut rows = Vec::new();
    for agent in &weeks.agents {
        for week in &agent.weeks {
            let mut cells = vec![agent.agent.clone()];
            cells.extend(week_cells(week));
            rows.push(cells);
        }
    }
    let agents = Section {
        title: "Per week per agent".to_string(),
        headers: agent_headers,
        rows,
        notes: vec!["Cells: the agent's rate per 100 of its conversations that week (change against its previous week).".to_string()],
        ..Section::default()
    };
    vec![team, agents]
}

/// The report as sections, in reading order.
pub fn sections(report: &Report) -> Vec<Section> {
    let mut out = vec![category_section(report)];
    out.extend(examples_section(report));
    out.extend(measures_section(report));
    out.push(agent_section(report));
    out.push(topic_section(report));
    out.push(moment_section(report));
    out.extend(repeat_section(report));
    out.extend(week_sections(report));
    out
}
