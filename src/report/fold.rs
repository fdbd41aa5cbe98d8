//! The report fold: one pass over sorted records, counters per group.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::lexicon::Lexicons;
use crate::lexicon::compiled::{ContactMoment, RuleBody};
use crate::model::Speaker;
use crate::record::{Analysis, ConversationRecord, Finding, Outcome};

use super::repeat::{RepeatCell, RepeatSummary, RepeatTracker};
use super::stats::{Histogram, VsTeam, iso_week, utc_date, wilson};
use super::summary::{
    Distribution, attach_repeats, evidence, push_new, sort_rows, sort_rules, summarize_measures,
};
use super::weekly::WeeklyAcc;
use super::*;

#[derive(Clone, Debug)]
struct CategoryMeta {
    id: Arc<str>,
    label: String,
    subject: Speaker,
}

/// Counters of one group.
#[derive(Clone, Debug, Default)]
struct GroupAcc {
    conversations: u64,
    flagged: Vec<u64>,
    measures: Vec<Distribution>,
    /// Rule id → (category index, conversations).
    rules: BTreeMap<Arc<str>, (usize, u64)>,
    channels: BTreeMap<String, u64>,
    turns: Histogram,
    duration_s: Histogram,
    difficult: u64,
    difficult_clean: u64,
    cues: u64,
    cues_taken_up: u64,
}

impl GroupAcc {
    fn flag(&mut self, category: usize) {
        if self.flagged.len() <= category {
            self.flagged.resize(category + 1, 0);
        }
        self.flagged[category] += 1;
    }

    fn rule(&mut self, category: usize, rule: &Arc<str>) {
        self.rules.entry(rule.clone()).or_insert((category, 0)).1 += 1;
    }

    fn measure(&mut self, measure: usize, value: f64) {
        if self.measures.len() <= measure {
            self.measures.resize(measure + 1, Distribution::default());
        }
        self.measures[measure].push(value);
    }

    /// The facts every group containing the conversation shares.
    fn conversation(&mut self, c: &Facts<'_>) {
        self.conversations += 1;
        *self.channels.entry(c.channel.to_string()).or_default() += 1;
        self.turns.add(u64::from(c.turns));
        if let Some(d) = c.duration_s {
            self.duration_s.add(d);
        }
    }
}

/// What the fold extracts from one analysed conversation.
struct Facts<'a> {
    channel: &'a str,
    turns: u32,
    duration_s: Option<u64>,
    /// Categories flagged in the conversation.
    flagged: Vec<usize>,
    rules: Vec<(usize, Arc<str>)>,
    /// (agent, category) and (agent, category, rule) of agent-attributed
    /// findings.
    agent_flags: Vec<(String, usize)>,
    agent_rules: Vec<(String, usize, Arc<str>)>,
    /// Agents with a finding of an agent category on their turns.
    flagged_agents: Vec<String>,
    customer_flag: bool,
    measures: Vec<(usize, f64)>,
}

/// Folds records into a report.
#[derive(Clone, Debug)]
pub struct ReportBuilder {
    options: ReportOptions,
    categories: Vec<CategoryMeta>,
    measures: Vec<Arc<str>>,
    exploring: Vec<String>,
    topic_labels: BTreeMap<String, String>,
    accounting: Accounting,
    findings: Vec<u64>,
    examples: BTreeMap<Arc<str>, Evidence>,
    team: GroupAcc,
    agents: BTreeMap<String, GroupAcc>,
    topics: BTreeMap<String, (Option<ContactMoment>, GroupAcc)>,
    moments: BTreeMap<Option<ContactMoment>, GroupAcc>,
    weekly: Option<WeeklyAcc>,
    repeat: RepeatTracker,
}

impl ReportBuilder {
    pub fn new(lexicons: &Lexicons, options: ReportOptions) -> Self {
        let mut exploring: Vec<String> = Vec::new();
        for language in &lexicons.languages {
            for rule in &language.rules {
                if let RuleBody::Sequence(body) = &rule.body
                    && let Some(m) = body.count_before
                {
                    let name = lexicons.measures[m].to_string();
                    if !exploring.contains(&name) {
                        exploring.push(name);
                    }
                }
            }
        }
        exploring.sort();
        let mut builder = ReportBuilder {
            weekly: options.by_week.then(WeeklyAcc::default),
            options,
            categories: Vec::new(),
            measures: Vec::new(),
            exploring,
            topic_labels: lexicons
                .topics
                .iter()
                .map(|t| (t.id.to_string(), t.label.clone()))
                .collect(),
            accounting: Accounting {
                grouped: true,
                ..Accounting::default()
            },
            findings: Vec::new(),
            examples: BTreeMap::new(),
            team: GroupAcc::default(),
            agents: BTreeMap::new(),
            topics: BTreeMap::new(),
            moments: BTreeMap::new(),
            repeat: RepeatTracker::default(),
        };
        for category in &lexicons.categories {
            builder.category_index(&category.id, &category.label, category.subject);
        }
        for measure in &lexicons.measures {
            builder.measure_index(measure);
        }
        builder
    }

    /// File-level facts the records do not carry.
    pub fn set_files(&mut self, files_read: u64, grouped: bool, reassembled: u64) {
        self.accounting.files_read = files_read;
        self.accounting.grouped = grouped;
        self.accounting.reassembled = reassembled;
    }

    fn category_index(&mut self, id: &Arc<str>, label: &str, subject: Speaker) -> usize {
        if let Some(i) = self.categories.iter().position(|c| c.id == *id) {
            return i;
        }
        self.categories.push(CategoryMeta {
            id: id.clone(),
            label: label.to_string(),
            subject,
        });
        self.findings.push(0);
        self.categories.len() - 1
    }

    fn measure_index(&mut self, name: &Arc<str>) -> usize {
        if let Some(i) = self.measures.iter().position(|m| m == name) {
            return i;
        }
        self.measures.push(name.clone());
        self.measures.len() - 1
    }

    /// Adds one record.
    pub fn add(&mut self, record: &ConversationRecord) {
        self.accounting.conversations_read += 1;
        match &record.outcome {
            Outcome::Analysed(analysis) => {
                self.add_analysis(record.id.as_deref().unwrap_or(""), analysis)
            }
            Outcome::Skipped { reason, .. } => {
                self.accounting.skipped += 1;
                *self
                    .accounting
                    .skipped_by_reason
                    .entry(reason.as_str().to_string())
                    .or_default() += 1;
            }
        }
    }

    fn keep_example(&mut self, id: &str, analysis: &Analysis, finding: &Finding) {
        let better = self
            .examples
            .get(&finding.rule)
            .is_none_or(|old| finding.severity > old.severity);
        if better {
            self.examples
                .insert(finding.rule.clone(), evidence(id, analysis, finding));
        }
    }

    fn facts<'a>(&mut self, id: &str, analysis: &'a Analysis) -> Facts<'a> {
        let mut facts = Facts {
            channel: analysis.channel.as_deref().unwrap_or(UNKNOWN),
            turns: analysis.turns,
            duration_s: analysis.duration_ms.map(|ms| (ms + 500) / 1000),
            flagged: Vec::new(),
            rules: Vec::new(),
            agent_flags: Vec::new(),
            agent_rules: Vec::new(),
            flagged_agents: Vec::new(),
            customer_flag: false,
            measures: Vec::new(),
        };
        for finding in &analysis.findings {
            let subject = self
                .categories
                .iter()
                .find(|c| c.id == finding.category)
                .map_or(Speaker::Agent, |c| c.subject);
            let index = self.category_index(&finding.category, &finding.category, subject);
            self.findings[index] += 1;
            self.keep_example(id, analysis, finding);
            push_new(&mut facts.flagged, index);
            push_new(&mut facts.rules, (index, finding.rule.clone()));
            let agent = finding
                .agent_id
                .clone()
                .or_else(|| analysis.agent_id.clone())
                .unwrap_or_else(|| UNKNOWN.to_string());
            if subject == Speaker::Customer {
                facts.customer_flag = true;
            } else {
                push_new(&mut facts.flagged_agents, agent.clone());
            }
            push_new(
                &mut facts.agent_rules,
                (agent.clone(), index, finding.rule.clone()),
            );
            push_new(&mut facts.agent_flags, (agent, index));
        }
        facts.measures = analysis
            .measures
            .iter()
            .map(|m| (self.measure_index(&m.name), m.value))
            .collect();
        facts
    }

    fn add_analysis(&mut self, id: &str, analysis: &Analysis) {
        let acc = &mut self.accounting;
        acc.analysed += 1;
        acc.turns += u64::from(analysis.turns);
        acc.findings += analysis.findings.len() as u64;
        let language = analysis.language.as_deref().unwrap_or("und").to_string();
        *acc.languages.entry(language).or_default() += 1;
        let source = analysis.topic_source.map_or(UNKNOWN, |s| s.as_str());
        *acc.topic_sources.entry(source.to_string()).or_default() += 1;

        let facts = self.facts(id, analysis);
        let topic = analysis
            .topic
            .clone()
            .unwrap_or_else(|| UNKNOWN.to_string());
        let moment = analysis.contact_moment;
        let (_, topic_acc) = self
            .topics
            .entry(topic.clone())
            .or_insert_with(|| (moment, GroupAcc::default()));
        let moment_acc = self.moments.entry(moment).or_default();
        for group in [&mut self.team, topic_acc, moment_acc] {
            group.conversation(&facts);
            for &c in &facts.flagged {
                group.flag(c);
            }
            for (c, rule) in &facts.rules {
                group.rule(*c, rule);
            }
            for &(m, value) in &facts.measures {
                group.measure(m, value);
            }
            if facts.customer_flag {
                group.difficult += 1;
                group.difficult_clean += u64::from(facts.flagged_agents.is_empty());
            }
            group.cues += u64::from(analysis.cues);
            group.cues_taken_up += u64::from(analysis.cues_taken_up);
        }

        let agents: Vec<String> = if analysis.agents.is_empty() {
            vec![UNKNOWN.to_string()]
        } else {
            analysis.agents.clone()
        };
        for agent in &agents {
            let group = self.agents.entry(agent.clone()).or_default();
            group.conversation(&facts);
            if facts.customer_flag {
                group.difficult += 1;
                group.difficult_clean += u64::from(!facts.flagged_agents.contains(agent));
            }
        }
        for (agent, c) in &facts.agent_flags {
            self.agents.entry(agent.clone()).or_default().flag(*c);
        }
        for (agent, c, rule) in &facts.agent_rules {
            self.agents.entry(agent.clone()).or_default().rule(*c, rule);
        }
        let primary = self.agents.entry(agents[0].clone()).or_default();
        for &(m, value) in &facts.measures {
            primary.measure(m, value);
        }
        primary.cues += u64::from(analysis.cues);
        primary.cues_taken_up += u64::from(analysis.cues_taken_up);

        if let Some(weekly) = self.weekly.as_mut() {
            match analysis.started_at_ms.and_then(iso_week) {
                Some(week) => {
                    weekly.team(&week, &facts.flagged);
                    for agent in &agents {
                        weekly.agent_conversation(agent, &week);
                    }
                    for (agent, c) in &facts.agent_flags {
                        weekly.agent_flag(agent, &week, *c);
                    }
                }
                None => weekly.undated(),
            }
        }
        if let (Some(customer), Some(started)) =
            (analysis.customer_id.as_deref(), analysis.started_at_ms)
        {
            self.repeat.add(customer, started, &agents[0], &topic);
        }
    }

    pub fn finish(mut self) -> Report {
        let analysed = self.accounting.analysed;
        let team_acc = std::mem::take(&mut self.team);
        let team_intervals: Vec<(f64, f64)> = (0..self.categories.len())
            .map(|i| wilson(team_acc.flagged.get(i).copied().unwrap_or(0), analysed))
            .collect();
        let categories = self.category_summaries(&team_acc, &team_intervals);
        let repeat = if self.repeat.is_empty() {
            None
        } else {
            let window_ms = i64::from(self.options.repeat_window_days) * 24 * 3600 * 1000;
            Some(std::mem::take(&mut self.repeat).finish(window_ms))
        };
        let mut team = self.row("team".to_string(), team_acc, &team_intervals);
        let measures = team.measures.clone();

        let mut agents: Vec<GroupRow> = std::mem::take(&mut self.agents)
            .into_iter()
            .map(|(key, acc)| self.row(key, acc, &team_intervals))
            .collect();
        let mut topics: Vec<GroupRow> = std::mem::take(&mut self.topics)
            .into_iter()
            .map(|(key, (moment, acc))| {
                let mut row = self.row(key, acc, &team_intervals);
                row.label = self.topic_labels.get(&row.key).cloned();
                row.contact_moment = moment;
                row
            })
            .collect();
        let mut contact_moments: Vec<GroupRow> = std::mem::take(&mut self.moments)
            .into_iter()
            .map(|(moment, acc)| {
                let key = moment.map_or(UNKNOWN, |m| m.as_str()).to_string();
                let mut row = self.row(key, acc, &team_intervals);
                row.contact_moment = moment;
                row
            })
            .collect();

        // Promise, deliver, settle, then unknown.
        contact_moments.sort_by_key(|row| (row.contact_moment.is_none(), row.contact_moment));
        let mut repeat_summary = None;
        if let Some(result) = repeat {
            attach_repeats(&result, &mut team, &mut agents, &mut topics);
            for moment in &mut contact_moments {
                let mut cell = RepeatCell::default();
                for topic in topics
                    .iter()
                    .filter(|t| t.contact_moment == moment.contact_moment)
                {
                    if let Some(r) = &topic.repeat {
                        cell.eligible += r.eligible;
                        cell.repeated += r.repeated;
                    }
                }
                cell.rate_per_100 = rate(cell.repeated, cell.eligible);
                moment.repeat = Some(cell);
            }
            repeat_summary = Some(RepeatSummary {
                window_days: self.options.repeat_window_days,
                team: result.team.clone(),
                data_ends: result.data_ends_ms.and_then(utc_date),
            });
        }
        sort_rows(&mut agents);
        sort_rows(&mut topics);
        let category_ids: Vec<String> = self.categories.iter().map(|c| c.id.to_string()).collect();
        Report {
            accounting: self.accounting,
            categories,
            measures,
            team,
            agents,
            topics,
            contact_moments,
            repeat: repeat_summary,
            weeks: self.weekly.map(|w| w.finish(&category_ids)),
            exploring_measures: self.exploring,
            min_conversations: self.options.min_conversations,
            top: self.options.top,
        }
    }

    fn category_summaries(
        &mut self,
        team: &GroupAcc,
        intervals: &[(f64, f64)],
    ) -> Vec<CategorySummary> {
        let analysed = self.accounting.analysed;
        self.categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let flagged = team.flagged.get(i).copied().unwrap_or(0);
                let mut top_rules: Vec<RuleCount> = team
                    .rules
                    .iter()
                    .filter(|(_, (category, _))| *category == i)
                    .map(|(rule, &(_, conversations))| RuleCount {
                        rule: rule.to_string(),
                        category: c.id.to_string(),
                        conversations,
                        example: self.examples.get(rule).cloned(),
                    })
                    .collect();
                sort_rules(&mut top_rules);
                CategorySummary {
                    id: c.id.to_string(),
                    label: c.label.clone(),
                    subject: c.subject,
                    conversations_flagged: flagged,
                    rate_per_100: rate(flagged, analysed),
                    low_per_100: intervals[i].0,
                    high_per_100: intervals[i].1,
                    findings: self.findings[i],
                    top_rules,
                }
            })
            .collect()
    }

    fn row(&self, key: String, mut acc: GroupAcc, team: &[(f64, f64)]) -> GroupRow {
        let n = acc.conversations;
        let categories: Vec<CategoryCell> = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let flagged = acc.flagged.get(i).copied().unwrap_or(0);
                let interval = wilson(flagged, n);
                CategoryCell {
                    category: c.id.to_string(),
                    flagged,
                    rate_per_100: rate(flagged, n),
                    low_per_100: interval.0,
                    high_per_100: interval.1,
                    vs_team: VsTeam::compare(interval, team[i]),
                }
            })
            .collect();
        let agent_flag_rate = categories
            .iter()
            .zip(&self.categories)
            .filter(|(_, meta)| meta.subject == Speaker::Agent)
            .map(|(cell, _)| cell.rate_per_100)
            .sum();
        acc.measures
            .resize(self.measures.len(), Distribution::default());
        let mut top_rules: Vec<RuleCount> = acc
            .rules
            .iter()
            .map(|(rule, &(category, conversations))| RuleCount {
                rule: rule.to_string(),
                category: self.categories[category].id.to_string(),
                conversations,
                example: None,
            })
            .collect();
        sort_rules(&mut top_rules);
        let mut channels: Vec<ChannelCount> = acc
            .channels
            .iter()
            .map(|(channel, &conversations)| ChannelCount {
                channel: channel.clone(),
                conversations,
            })
            .collect();
        channels.sort_by(|a, b| {
            b.conversations
                .cmp(&a.conversations)
                .then(a.channel.cmp(&b.channel))
        });
        GroupRow {
            key,
            label: None,
            contact_moment: None,
            conversations: n,
            share_per_100: rate(n, self.accounting.analysed),
            low_volume: n < self.options.min_conversations,
            categories,
            agent_flag_rate,
            measures: summarize_measures(&self.measures, &acc.measures),
            top_rules,
            channels,
            median_turns: acc.turns.median(),
            median_duration_s: acc.duration_s.median(),
            difficult: acc.difficult,
            difficult_without_agent_flags: acc.difficult_clean,
            cues: acc.cues,
            cues_taken_up: acc.cues_taken_up,
            repeat: None,
        }
    }
}
