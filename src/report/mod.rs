//! Reports: a fold over conversation records into a [`Report`], and its
//! renderers.
//!
//! The [`ReportBuilder`] sees each record once, in sorted order, and keeps
//! only counters and measure values, so a report over millions of
//! conversations costs little memory. The [`Report`] is plain data: the JSON
//! format is its serde form, and the other formats render the same fields.
//!
//! Rates are per 100 analysed conversations. A conversation counts for every
//! agent who took part in it; a finding counts for the agent responsible for
//! its turn. Per-conversation measures count for the conversation's primary
//! agent.

pub mod render;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::lexicon::Lexicons;
use crate::model::Speaker;
use crate::record::{Analysis, ConversationRecord, Outcome};

/// Group key used when an export has no agent or topic.
pub const UNKNOWN: &str = "unknown";

/// Settings that shape a report.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// Agents or topics with fewer conversations are marked as low volume.
    pub min_conversations: u64,
    /// Rows shown in the per-agent and per-topic tables (0 = all) and top
    /// rules listed per category.
    pub top: usize,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            min_conversations: 20,
            top: 20,
        }
    }
}

/// What was read, analysed and skipped.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Accounting {
    pub files_read: u64,
    pub conversations_read: u64,
    pub analysed: u64,
    pub skipped: u64,
    pub skipped_by_reason: BTreeMap<String, u64>,
    pub turns: u64,
    /// Analysed conversations per language; `und` when undetermined.
    pub languages: BTreeMap<String, u64>,
    /// False when some input was not grouped by conversation.
    pub grouped: bool,
    /// Conversations reassembled from non-contiguous rows.
    pub reassembled: u64,
    pub findings: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RuleCount {
    pub rule: String,
    pub conversations: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CategorySummary {
    pub id: String,
    pub label: String,
    pub subject: Speaker,
    pub conversations_flagged: u64,
    pub rate_per_100: f64,
    pub findings: u64,
    pub top_rules: Vec<RuleCount>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CategoryCell {
    pub category: String,
    pub flagged: u64,
    pub rate_per_100: f64,
}

/// A measure summarised over a group of conversations.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MeasureSummary {
    pub name: String,
    /// Conversations the measure applies to.
    pub conversations: u64,
    pub median: Option<f64>,
    /// Share (0..1) of those conversations where the measure is zero.
    pub zero_share: Option<f64>,
}

/// One row of the per-agent or per-topic table.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct GroupRow {
    pub key: String,
    pub conversations: u64,
    /// Fewer conversations than `min_conversations`: rates are not meaningful.
    pub low_volume: bool,
    pub categories: Vec<CategoryCell>,
    /// Sum of the rates of categories about agent behaviour.
    pub agent_flag_rate: f64,
    pub measures: Vec<MeasureSummary>,
}

/// A whole report.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Report {
    pub accounting: Accounting,
    pub categories: Vec<CategorySummary>,
    pub measures: Vec<MeasureSummary>,
    pub agents: Vec<GroupRow>,
    pub topics: Vec<GroupRow>,
    pub min_conversations: u64,
    /// Rows and rules shown in tables (0 = all); JSON always has all.
    pub top: usize,
}

#[derive(Clone, Debug)]
struct CategoryMeta {
    id: Arc<str>,
    label: String,
    subject: Speaker,
}

#[derive(Clone, Debug, Default)]
struct GroupAcc {
    conversations: u64,
    flagged: Vec<u64>,
    measures: Vec<Vec<f64>>,
}

/// Folds records into a report.
#[derive(Clone, Debug)]
pub struct ReportBuilder {
    options: ReportOptions,
    categories: Vec<CategoryMeta>,
    measures: Vec<Arc<str>>,
    accounting: Accounting,
    flagged: Vec<u64>,
    findings: Vec<u64>,
    rules: Vec<BTreeMap<Arc<str>, u64>>,
    team_measures: Vec<Vec<f64>>,
    agents: BTreeMap<String, GroupAcc>,
    topics: BTreeMap<String, GroupAcc>,
}

impl ReportBuilder {
    pub fn new(lexicons: &Lexicons, options: ReportOptions) -> Self {
        let mut builder = ReportBuilder {
            options,
            categories: Vec::new(),
            measures: Vec::new(),
            accounting: Accounting {
                grouped: true,
                ..Accounting::default()
            },
            flagged: Vec::new(),
            findings: Vec::new(),
            rules: Vec::new(),
            team_measures: Vec::new(),
            agents: BTreeMap::new(),
            topics: BTreeMap::new(),
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
        self.flagged.push(0);
        self.findings.push(0);
        self.rules.push(BTreeMap::new());
        for group in self.agents.values_mut().chain(self.topics.values_mut()) {
            group.flagged.push(0);
        }
        self.categories.len() - 1
    }

    fn measure_index(&mut self, name: &Arc<str>) -> usize {
        if let Some(i) = self.measures.iter().position(|m| m == name) {
            return i;
        }
        self.measures.push(name.clone());
        self.team_measures.push(Vec::new());
        for group in self.agents.values_mut().chain(self.topics.values_mut()) {
            group.measures.push(Vec::new());
        }
        self.measures.len() - 1
    }

    fn new_group(&self) -> GroupAcc {
        GroupAcc {
            conversations: 0,
            flagged: vec![0; self.categories.len()],
            measures: vec![Vec::new(); self.measures.len()],
        }
    }

    /// Adds one record.
    pub fn add(&mut self, record: &ConversationRecord) {
        self.accounting.conversations_read += 1;
        let analysis = match &record.outcome {
            Outcome::Analysed(analysis) => analysis,
            Outcome::Skipped { reason, .. } => {
                self.accounting.skipped += 1;
                *self
                    .accounting
                    .skipped_by_reason
                    .entry(reason.as_str().to_string())
                    .or_default() += 1;
                return;
            }
        };
        self.add_analysis(analysis);
    }

    fn add_analysis(&mut self, analysis: &Analysis) {
        let acc = &mut self.accounting;
        acc.analysed += 1;
        acc.turns += u64::from(analysis.turns);
        acc.findings += analysis.findings.len() as u64;
        let language = analysis.language.as_deref().unwrap_or("und").to_string();
        *acc.languages.entry(language).or_default() += 1;

        // Categories flagged in this conversation, and by which agent.
        let mut flagged_categories: Vec<usize> = Vec::new();
        let mut agent_flags: Vec<(String, usize)> = Vec::new();
        let mut rules_seen: Vec<(usize, Arc<str>)> = Vec::new();
        for finding in &analysis.findings {
            let subject = self
                .categories
                .iter()
                .find(|c| c.id == finding.category)
                .map_or(Speaker::Agent, |c| c.subject);
            let index = self.category_index(&finding.category, &finding.category, subject);
            self.findings[index] += 1;
            if !flagged_categories.contains(&index) {
                flagged_categories.push(index);
            }
            if !rules_seen
                .iter()
                .any(|(i, r)| *i == index && *r == finding.rule)
            {
                rules_seen.push((index, finding.rule.clone()));
            }
            let agent = finding
                .agent_id
                .clone()
                .or_else(|| analysis.agent_id.clone())
                .unwrap_or_else(|| UNKNOWN.to_string());
            if !agent_flags.contains(&(agent.clone(), index)) {
                agent_flags.push((agent, index));
            }
        }
        for &index in &flagged_categories {
            self.flagged[index] += 1;
        }
        for (index, rule) in rules_seen {
            *self.rules[index].entry(rule).or_default() += 1;
        }
        let measures: Vec<(usize, f64)> = analysis
            .measures
            .iter()
            .map(|m| (self.measure_index(&m.name), m.value))
            .collect();
        for &(index, value) in &measures {
            self.team_measures[index].push(value);
        }

        let agents: Vec<String> = if analysis.agents.is_empty() {
            vec![UNKNOWN.to_string()]
        } else {
            analysis.agents.clone()
        };
        let primary = agents[0].clone();
        for agent in agents.iter().chain(agent_flags.iter().map(|(a, _)| a)) {
            if !self.agents.contains_key(agent) {
                let group = self.new_group();
                self.agents.insert(agent.clone(), group);
            }
        }
        for agent in &agents {
            if let Some(group) = self.agents.get_mut(agent) {
                group.conversations += 1;
            }
        }
        for (agent, index) in &agent_flags {
            if let Some(group) = self.agents.get_mut(agent) {
                group.flagged[*index] += 1;
            }
        }
        if let Some(group) = self.agents.get_mut(&primary) {
            for &(index, value) in &measures {
                group.measures[index].push(value);
            }
        }

        let topic = analysis
            .topic
            .clone()
            .unwrap_or_else(|| UNKNOWN.to_string());
        if !self.topics.contains_key(&topic) {
            let group = self.new_group();
            self.topics.insert(topic.clone(), group);
        }
        if let Some(group) = self.topics.get_mut(&topic) {
            group.conversations += 1;
            for &index in &flagged_categories {
                group.flagged[index] += 1;
            }
            for &(index, value) in &measures {
                group.measures[index].push(value);
            }
        }
    }

    pub fn finish(mut self) -> Report {
        let analysed = self.accounting.analysed;
        let top = self.options.top;
        let categories = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut top_rules: Vec<RuleCount> = self.rules[i]
                    .iter()
                    .map(|(rule, &conversations)| RuleCount {
                        rule: rule.to_string(),
                        conversations,
                    })
                    .collect();
                top_rules.sort_by(|a, b| {
                    b.conversations
                        .cmp(&a.conversations)
                        .then(a.rule.cmp(&b.rule))
                });
                CategorySummary {
                    id: c.id.to_string(),
                    label: c.label.clone(),
                    subject: c.subject,
                    conversations_flagged: self.flagged[i],
                    rate_per_100: rate(self.flagged[i], analysed),
                    findings: self.findings[i],
                    top_rules,
                }
            })
            .collect();
        let measures = summarize_measures(&self.measures, &mut self.team_measures);
        let agent_groups = std::mem::take(&mut self.agents);
        let topic_groups = std::mem::take(&mut self.topics);
        let agents = self.rows(agent_groups);
        let topics = self.rows(topic_groups);
        Report {
            accounting: self.accounting,
            categories,
            measures,
            agents,
            topics,
            min_conversations: self.options.min_conversations,
            top,
        }
    }

    fn rows(&self, groups: BTreeMap<String, GroupAcc>) -> Vec<GroupRow> {
        let mut rows: Vec<GroupRow> = groups
            .into_iter()
            .map(|(key, mut group)| {
                let categories: Vec<CategoryCell> = self
                    .categories
                    .iter()
                    .enumerate()
                    .map(|(i, c)| CategoryCell {
                        category: c.id.to_string(),
                        flagged: group.flagged[i],
                        rate_per_100: rate(group.flagged[i], group.conversations),
                    })
                    .collect();
                let agent_flag_rate = categories
                    .iter()
                    .zip(&self.categories)
                    .filter(|(_, meta)| meta.subject == Speaker::Agent)
                    .map(|(cell, _)| cell.rate_per_100)
                    .sum();
                GroupRow {
                    low_volume: group.conversations < self.options.min_conversations,
                    conversations: group.conversations,
                    measures: summarize_measures(&self.measures, &mut group.measures),
                    categories,
                    agent_flag_rate,
                    key,
                }
            })
            .collect();
        // Highest rate first; low-volume rows after the rest; then by key.
        rows.sort_by(|a, b| {
            a.low_volume
                .cmp(&b.low_volume)
                .then(b.agent_flag_rate.total_cmp(&a.agent_flag_rate))
                .then(a.key.cmp(&b.key))
        });
        rows
    }
}

/// Rate per 100, rounded to two decimals so output is stable across
/// platforms and runs.
pub fn rate(count: u64, total: u64) -> f64 {
    if total == 0 {
        return 0.0;
    }
    round2(count as f64 * 100.0 / total as f64)
}

pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn summarize_measures(names: &[Arc<str>], values: &mut [Vec<f64>]) -> Vec<MeasureSummary> {
    names
        .iter()
        .zip(values.iter_mut())
        .map(|(name, values)| {
            values.sort_by(f64::total_cmp);
            let n = values.len();
            let median = (n > 0).then(|| {
                if n % 2 == 1 {
                    values[n / 2]
                } else {
                    (values[n / 2 - 1] + values[n / 2]) / 2.0
                }
            });
            let zeros = values.iter().filter(|v| **v == 0.0).count();
            MeasureSummary {
                name: name.to_string(),
                conversations: n as u64,
                median: median.map(round2),
                zero_share: (n > 0).then(|| round2(zeros as f64 / n as f64)),
            }
        })
        .collect()
}
