//! A coaching card as a [`Document`] (table, Markdown, HTML) and as long
//! CSV.

use std::io::{self, Write};

use crate::report::card::AgentCard;
use crate::report::stats::VsTeam;

use super::csv_long::Writer;
use super::{
    Document, Section, accounting_line, evidence_place, interval_text, marked_quote, rate_text,
    thousands,
};

/// Title of the section the HTML card puts its chart in.
pub const CATEGORIES_TITLE: &str = "Categories against the team";

fn vs_text(vs: VsTeam) -> &'static str {
    match vs {
        VsTeam::Above => "▲ above",
        VsTeam::Within => "–",
        VsTeam::Below => "▼ below",
    }
}

pub fn document(card: &AgentCard) -> Document {
    let mut lead = vec![format!(
        "Coaching card for {}: {} conversations handled. Team: {} conversations, {} agents.",
        card.agent,
        thousands(card.conversations),
        thousands(card.team_conversations),
        thousands(card.team_agents)
    )];
    if card.low_volume {
        lead.push(format!(
            "Fewer than {} conversations: the intervals are wide, so read the examples rather than the rates.",
            card.min_conversations
        ));
    }
    lead.push(accounting_line(&card.accounting));

    let mut sections = vec![Section {
        title: CATEGORIES_TITLE.to_string(),
        headers: [
            "Category",
            "Flagged",
            "Rate /100",
            "95% interval",
            "Team /100",
            "Team 95% interval",
            "Against the team",
        ]
        .map(String::from)
        .to_vec(),
        rows: card
            .categories
            .iter()
            .map(|c| {
                vec![
                    c.label.clone(),
                    format!("{} of {}", c.flagged, thousands(card.conversations)),
                    rate_text(c.rate_per_100),
                    interval_text(c.low_per_100, c.high_per_100),
                    rate_text(c.team_rate_per_100),
                    interval_text(c.team_low_per_100, c.team_high_per_100),
                    vs_text(c.vs_team).to_string(),
                ]
            })
            .collect(),
        notes: vec![
            "▲/▼: the agent's 95% interval lies wholly above/below the team's. –: not shown to differ (the team includes this agent).".to_string(),
        ],
        ..Section::default()
    }];

    if card.coaching_points.is_empty() {
        sections.push(Section {
            title: "Coaching points".to_string(),
            lines: vec!["No findings about agent behaviour on this agent's turns.".to_string()],
            ..Section::default()
        });
    }
    for (i, point) in card.coaching_points.iter().enumerate() {
        let mut lines = vec![point.summary.clone()];
        if !point.rules.is_empty() {
            let rules: Vec<String> = point
                .rules
                .iter()
                .map(|r| format!("{} ({})", r.rule, r.conversations))
                .collect();
            lines.push(format!("Rules: {}.", rules.join(", ")));
        }
        if !point.evidence.is_empty() {
            lines.push("Evidence:".to_string());
        }
        for e in &point.evidence {
            lines.push(format!(
                "- {} · {} ({}): “{}” — {}",
                evidence_place(e),
                e.rule,
                e.severity,
                marked_quote(&e.quote, e.highlight),
                e.message
            ));
        }
        sections.push(Section {
            title: format!("Coaching point {}: {}", i + 1, point.label),
            lines,
            ..Section::default()
        });
    }

    let strengths: Vec<String> = if card.strengths.is_empty() {
        vec![
            "Nothing stands out against the team yet (only measured behaviour is claimed here)."
                .to_string(),
        ]
    } else {
        card.strengths
            .iter()
            .map(|s| format!("- {}", s.text))
            .collect()
    };
    sections.push(Section {
        title: format!("What {} does well", card.agent),
        lines: strengths,
        ..Section::default()
    });

    if !card.measures.is_empty() {
        let optional = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"));
        sections.push(Section {
            title: "Measures".to_string(),
            headers: ["Measure", "Conversations", "Median", "Team median"]
                .map(String::from)
                .to_vec(),
            rows: card
                .measures
                .iter()
                .map(|m| {
                    vec![
                        m.name.replace('_', " "),
                        thousands(m.conversations),
                        optional(m.median),
                        optional(m.team_median),
                    ]
                })
                .collect(),
            ..Section::default()
        });
    }

    let mut context = Vec::new();
    if !card.channels.is_empty() {
        let channels: Vec<String> = card
            .channels
            .iter()
            .map(|c| format!("{} {}", c.channel, thousands(c.conversations)))
            .collect();
        context.push(format!("Channels: {}.", channels.join(", ")));
    }
    if let Some(r) = &card.repeat {
        context.push(format!(
            "Repeat contacts within {} days: {} of {} conversations ({} per 100); team {} per 100.",
            r.window_days,
            r.agent.repeated,
            r.agent.eligible,
            rate_text(r.agent.rate_per_100),
            rate_text(r.team.rate_per_100)
        ));
    }
    if !context.is_empty() {
        sections.push(Section {
            title: "Context".to_string(),
            lines: context,
            ..Section::default()
        });
    }
    Document {
        title: format!("Coaching card: {}", card.agent),
        lead,
        sections,
    }
}

fn vs_name(vs: VsTeam) -> &'static str {
    match vs {
        VsTeam::Above => "above",
        VsTeam::Within => "within",
        VsTeam::Below => "below",
    }
}

/// The card as long CSV: `section,group,category,metric,value`.
pub fn csv(card: &AgentCard, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer::new(out);
    w.row("section", "group", "category", "metric", "value")?;
    let agent = &card.agent;
    w.row("agent", agent, "", "conversations", card.conversations)?;
    w.row("agent", agent, "", "low_volume", card.low_volume)?;
    w.row("team", "", "", "conversations", card.team_conversations)?;
    w.row("team", "", "", "agents", card.team_agents)?;
    for c in &card.categories {
        w.row("category", agent, &c.id, "flagged", c.flagged)?;
        w.row("category", agent, &c.id, "rate_per_100", c.rate_per_100)?;
        w.row("category", agent, &c.id, "low_per_100", c.low_per_100)?;
        w.row("category", agent, &c.id, "high_per_100", c.high_per_100)?;
        w.row(
            "category",
            "team",
            &c.id,
            "rate_per_100",
            c.team_rate_per_100,
        )?;
        w.row("category", "team", &c.id, "low_per_100", c.team_low_per_100)?;
        w.row(
            "category",
            "team",
            &c.id,
            "high_per_100",
            c.team_high_per_100,
        )?;
        w.row("category", agent, &c.id, "vs_team", vs_name(c.vs_team))?;
    }
    for (i, point) in card.coaching_points.iter().enumerate() {
        let rank = (i + 1).to_string();
        w.row(
            "point",
            &rank,
            &point.category,
            "vs_team",
            vs_name(point.vs_team),
        )?;
        w.row("point", &rank, &point.category, "summary", &point.summary)?;
        for rule in &point.rules {
            w.row(
                "point",
                &rank,
                &point.category,
                &format!("rule:{}", rule.rule),
                rule.conversations,
            )?;
        }
        for (k, e) in point.evidence.iter().enumerate() {
            w.evidence("evidence", &format!("{rank}.{}", k + 1), e)?;
        }
    }
    for (i, strength) in card.strengths.iter().enumerate() {
        w.row(
            "strength",
            &(i + 1).to_string(),
            "",
            &strength.kind,
            &strength.text,
        )?;
    }
    for m in &card.measures {
        w.row(
            "measure",
            agent,
            "",
            &format!("{}_conversations", m.name),
            m.conversations,
        )?;
        w.optional(
            "measure",
            agent,
            "",
            &format!("{}_median", m.name),
            m.median,
        )?;
        w.optional(
            "measure",
            "team",
            "",
            &format!("{}_median", m.name),
            m.team_median,
        )?;
    }
    for c in &card.channels {
        w.row("channel", agent, "", &c.channel, c.conversations)?;
    }
    if let Some(r) = &card.repeat {
        w.row("repeat", agent, "", "eligible", r.agent.eligible)?;
        w.row("repeat", agent, "", "repeated", r.agent.repeated)?;
        w.row("repeat", agent, "", "rate_per_100", r.agent.rate_per_100)?;
        w.row("repeat", "team", "", "rate_per_100", r.team.rate_per_100)?;
    }
    w.inner.flush()
}
