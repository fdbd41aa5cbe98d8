//! Repeat contacts: the share of conversations followed by another
//! conversation of the same customer within a window (7 days by default).
//!
//! Repeat traffic is what unresolved root causes cost: the customer whose
//! question was answered but whose problem was not comes back. A
//! conversation counts as *repeated* when the same customer id starts
//! another conversation after it (by start time, then id) within the window.
//! The repeat is charged to the first conversation's topic and primary
//! agent: that is where the problem was not solved.
//!
//! **Memory.** Unlike the rest of the report this needs to look across
//! conversations, so it keeps one small entry per conversation that has both
//! a customer id and a start time: a 64-bit fingerprint of the customer id,
//! the start time and two 32-bit indices (primary agent, topic) — 24 bytes,
//! about 24 MB per million conversations. Conversations without a customer
//! id or start time cost nothing and are not counted. Fingerprint collisions
//! (two customers with the same 64-bit hash) are negligible at any export
//! size convoscan meets (about one in a million for ten million customers).
//!
//! **Censoring.** A conversation in the last days of the data has not had its
//! whole window to be repeated in, so shares are a lower bound there; the
//! summary says when the data ends so a reader can judge.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::input::fingerprint;

/// Repeat contacts of a group.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct RepeatCell {
    /// Conversations with a customer id and a start time.
    pub eligible: u64,
    /// Of those, followed by another conversation of the same customer
    /// within the window.
    pub repeated: u64,
    /// `repeated` per 100 `eligible`.
    #[serde(serialize_with = "super::two_decimals")]
    pub rate_per_100: f64,
}

/// Repeat contacts over the whole run.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RepeatSummary {
    pub window_days: u32,
    #[serde(flatten)]
    pub team: RepeatCell,
    /// UTC date of the last conversation start in the data: conversations
    /// within `window_days` of it had less than a full window.
    pub data_ends: Option<String>,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    customer: u64,
    started_at_ms: i64,
    agent: u32,
    topic: u32,
}

/// Collects one entry per eligible conversation; see the module doc.
#[derive(Clone, Debug, Default)]
pub struct RepeatTracker {
    entries: Vec<Entry>,
    agents: Vec<String>,
    agent_index: BTreeMap<String, u32>,
    topics: Vec<String>,
    topic_index: BTreeMap<String, u32>,
}

fn intern(names: &mut Vec<String>, index: &mut BTreeMap<String, u32>, name: &str) -> u32 {
    if let Some(&i) = index.get(name) {
        return i;
    }
    let i = names.len() as u32;
    names.push(name.to_string());
    index.insert(name.to_string(), i);
    i
}

/// Per-group results of [`RepeatTracker::finish`].
#[derive(Clone, Debug, Default)]
pub struct RepeatResult {
    pub team: RepeatCell,
    pub agents: BTreeMap<String, RepeatCell>,
    pub topics: BTreeMap<String, RepeatCell>,
    pub data_ends_ms: Option<i64>,
}

impl RepeatTracker {
    /// Records a conversation. Records arrive sorted by conversation id, so
    /// the order of entries (the tie-break for equal start times) is the id
    /// order.
    pub fn add(&mut self, customer: &str, started_at_ms: i64, agent: &str, topic: &str) {
        let agent = intern(&mut self.agents, &mut self.agent_index, agent);
        let topic = intern(&mut self.topics, &mut self.topic_index, topic);
        self.entries.push(Entry {
            customer: fingerprint(customer.as_bytes()),
            started_at_ms,
            agent,
            topic,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sorts by customer and time and marks each conversation followed by
    /// another of the same customer within `window_ms`.
    pub fn finish(mut self, window_ms: i64) -> RepeatResult {
        let mut result = RepeatResult {
            data_ends_ms: self.entries.iter().map(|e| e.started_at_ms).max(),
            ..RepeatResult::default()
        };
        // A stable sort keeps id order for equal (customer, start).
        self.entries.sort_by_key(|e| (e.customer, e.started_at_ms));
        let mut agents: Vec<RepeatCell> = vec![RepeatCell::default(); self.agents.len()];
        let mut topics: Vec<RepeatCell> = vec![RepeatCell::default(); self.topics.len()];
        for (i, entry) in self.entries.iter().enumerate() {
            let repeated = self.entries.get(i + 1).is_some_and(|next| {
                next.customer == entry.customer
                    && next.started_at_ms - entry.started_at_ms <= window_ms
            });
            for cell in [
                &mut result.team,
                &mut agents[entry.agent as usize],
                &mut topics[entry.topic as usize],
            ] {
                cell.eligible += 1;
                cell.repeated += u64::from(repeated);
            }
        }
        let finish = |mut cell: RepeatCell| {
            cell.rate_per_100 = super::rate(cell.repeated, cell.eligible);
            cell
        };
        result.team = finish(result.team);
        result.agents = self
            .agents
            .into_iter()
            .zip(agents)
            .map(|(name, cell)| (name, finish(cell)))
            .collect();
        result.topics = self
            .topics
            .into_iter()
            .zip(topics)
            .map(|(name, cell)| (name, finish(cell)))
            .collect();
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 24 * 3600 * 1000;

    #[test]
    fn a_conversation_followed_within_the_window_is_a_repeat() {
        let mut t = RepeatTracker::default();
        t.add("k1", 0, "A1", "billing");
        t.add("k1", 3 * DAY, "A2", "billing");
        t.add("k1", 20 * DAY, "A2", "billing");
        t.add("k2", DAY, "A1", "delivery");
        let r = t.finish(7 * DAY);
        assert_eq!((r.team.eligible, r.team.repeated), (4, 1));
        assert_eq!(r.agents["A1"].repeated, 1);
        assert_eq!(r.agents["A2"].repeated, 0);
        assert_eq!(r.topics["billing"].rate_per_100, 100.0 / 3.0);
        assert_eq!(r.data_ends_ms, Some(20 * DAY));
    }

    #[test]
    fn order_of_arrival_does_not_matter() {
        let mut t = RepeatTracker::default();
        t.add("k1", 5 * DAY, "A2", "x");
        t.add("k1", 0, "A1", "x");
        let r = t.finish(7 * DAY);
        assert_eq!(r.agents["A1"].repeated, 1);
        assert_eq!(r.agents["A2"].repeated, 0);
    }
}
