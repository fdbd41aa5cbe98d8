//! Trends: each category's rate per ISO week, for the team and per agent,
//! with the change against the previous week in the data.
//!
//! Weeks come from each conversation's start time (UTC), so several weekly
//! exports read together and one export spanning weeks give the same table.
//! Conversations without a start time cannot be placed and are counted as
//! undated. The change is in rate points per 100 against the previous row;
//! a missing week in the data shows as a gap in the week labels, not as a
//! zero.

use std::collections::BTreeMap;

use serde::Serialize;

use super::rate;

/// One category in one week.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WeekCell {
    pub category: String,
    pub flagged: u64,
    #[serde(serialize_with = "super::two_decimals")]
    pub rate_per_100: f64,
    /// Rate points per 100 against the previous week in the data; `None` for
    /// the first week.
    #[serde(serialize_with = "super::two_decimals_opt")]
    pub change: Option<f64>,
}

/// One week of a team or an agent.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WeekRow {
    /// ISO week, `2024-W47`.
    pub week: String,
    pub conversations: u64,
    pub categories: Vec<WeekCell>,
}

/// An agent's weeks.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AgentWeeks {
    pub agent: String,
    pub weeks: Vec<WeekRow>,
}

/// The by-week section of a report.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Weekly {
    pub team: Vec<WeekRow>,
    pub agents: Vec<AgentWeeks>,
    /// Analysed conversations without a start time.
    pub undated: u64,
}

#[derive(Clone, Debug, Default)]
struct WeekAcc {
    conversations: u64,
    flagged: Vec<u64>,
}

impl WeekAcc {
    fn flag(&mut self, category: usize) {
        if self.flagged.len() <= category {
            self.flagged.resize(category + 1, 0);
        }
        self.flagged[category] += 1;
    }
}

/// Counters per week and per (agent, week).
#[derive(Clone, Debug, Default)]
pub struct WeeklyAcc {
    team: BTreeMap<String, WeekAcc>,
    agents: BTreeMap<String, BTreeMap<String, WeekAcc>>,
    undated: u64,
}

impl WeeklyAcc {
    pub fn undated(&mut self) {
        self.undated += 1;
    }

    /// A conversation of `week` with the categories it was flagged for.
    pub fn team(&mut self, week: &str, categories: &[usize]) {
        let acc = self.team.entry(week.to_string()).or_default();
        acc.conversations += 1;
        for &c in categories {
            acc.flag(c);
        }
    }

    /// An agent took part in a conversation of `week`.
    pub fn agent_conversation(&mut self, agent: &str, week: &str) {
        self.agent_week(agent, week).conversations += 1;
    }

    /// An agent was responsible for a flag of `category` in `week`.
    pub fn agent_flag(&mut self, agent: &str, week: &str, category: usize) {
        self.agent_week(agent, week).flag(category);
    }

    fn agent_week(&mut self, agent: &str, week: &str) -> &mut WeekAcc {
        self.agents
            .entry(agent.to_string())
            .or_default()
            .entry(week.to_string())
            .or_default()
    }

    pub fn finish(self, categories: &[String]) -> Weekly {
        let rows = |weeks: BTreeMap<String, WeekAcc>| -> Vec<WeekRow> {
            let mut out: Vec<WeekRow> = Vec::new();
            for (week, acc) in weeks {
                let cells = categories
                    .iter()
                    .enumerate()
                    .map(|(i, category)| {
                        let flagged = acc.flagged.get(i).copied().unwrap_or(0);
                        let rate_per_100 = rate(flagged, acc.conversations);
                        let change = out.last().map(|previous: &WeekRow| {
                            rate_per_100 - previous.categories[i].rate_per_100
                        });
                        WeekCell {
                            category: category.clone(),
                            flagged,
                            rate_per_100,
                            change,
                        }
                    })
                    .collect();
                out.push(WeekRow {
                    week,
                    conversations: acc.conversations,
                    categories: cells,
                });
            }
            out
        };
        Weekly {
            team: rows(self.team),
            agents: self
                .agents
                .into_iter()
                .map(|(agent, weeks)| AgentWeeks {
                    agent,
                    weeks: rows(weeks),
                })
                .collect(),
            undated: self.undated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_against_the_previous_week() {
        let mut acc = WeeklyAcc::default();
        acc.team("2024-W46", &[0]);
        acc.team("2024-W46", &[]);
        acc.team("2024-W47", &[]);
        acc.team("2024-W47", &[]);
        acc.team("2024-W47", &[]);
        acc.team("2024-W47", &[0]);
        acc.agent_conversation("A1", "2024-W47");
        acc.agent_flag("A1", "2024-W47", 0);
        let w = acc.finish(&["threat".to_string()]);
        assert_eq!(w.team[0].categories[0].rate_per_100, 50.0);
        assert_eq!(w.team[0].categories[0].change, None);
        assert_eq!(w.team[1].categories[0].rate_per_100, 25.0);
        assert_eq!(w.team[1].categories[0].change, Some(-25.0));
        assert_eq!(w.agents[0].weeks[0].categories[0].flagged, 1);
    }
}
