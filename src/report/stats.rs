//! The few statistics reports need: Wilson intervals for rates, exact
//! medians from histograms, and ISO weeks.
//!
//! **Why Wilson.** A rate per 100 over 4 conversations says little: one
//! flagged call is "25 per 100". The Wilson score interval (95%) says how far
//! the true rate could plausibly be from what was seen, stays inside 0–100
//! and behaves for small counts and for zero, where the textbook normal
//! interval collapses to a point.
//!
//! **Above the team.** An agent (or topic) is marked above the team only when
//! the lower end of its interval is above the upper end of the team's
//! interval, and below only when its upper end is below the team's lower end.
//! Non-overlapping 95% intervals are a conservative test (stricter than a
//! two-proportion test at 5%): a marker is a strong signal, and its absence
//! means "not shown to differ", never "the same". The team is everyone in
//! the run, the agent included, so the team figure is the one printed next
//! to the agent's.

use std::collections::BTreeMap;

use serde::Serialize;

/// z for a two-sided 95% interval.
const Z95: f64 = 1.959_963_984_540_054;

/// The 95% Wilson score interval of `k` successes in `n` trials, per 100,
/// at full precision (see [`super::rate`]). `n == 0` gives the uninformative `(0, 100)`.
pub fn wilson(k: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 100.0);
    }
    let n_f = n as f64;
    let p = k.min(n) as f64 / n_f;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n_f;
    let centre = (p + z2 / (2.0 * n_f)) / denominator;
    let half = Z95 * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt() / denominator;
    let low = (centre - half).max(0.0) * 100.0;
    let high = (centre + half).min(1.0) * 100.0;
    (low, high)
}

/// How a group's rate compares with the team's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VsTeam {
    /// The group's interval lies wholly above the team's.
    Above,
    /// The intervals overlap: no difference shown.
    Within,
    /// The group's interval lies wholly below the team's.
    Below,
}

impl VsTeam {
    pub fn compare(group: (f64, f64), team: (f64, f64)) -> VsTeam {
        if group.0 > team.1 {
            VsTeam::Above
        } else if group.1 < team.0 {
            VsTeam::Below
        } else {
            VsTeam::Within
        }
    }

    /// `▲`, `▼` or nothing.
    pub fn marker(self) -> &'static str {
        match self {
            VsTeam::Above => "▲",
            VsTeam::Below => "▼",
            VsTeam::Within => "",
        }
    }
}

/// Counts of non-negative integer values (turns, whole seconds): exact
/// medians in memory proportional to the number of distinct values, not to
/// the number of conversations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Histogram {
    counts: BTreeMap<u64, u64>,
    total: u64,
}

impl Histogram {
    pub fn add(&mut self, value: u64) {
        *self.counts.entry(value).or_default() += 1;
        self.total += 1;
    }

    pub fn count(&self) -> u64 {
        self.total
    }

    /// The value at 0-based rank `rank` in sorted order.
    fn at(&self, rank: u64) -> Option<u64> {
        let mut seen = 0u64;
        for (&value, &count) in &self.counts {
            seen += count;
            if rank < seen {
                return Some(value);
            }
        }
        None
    }

    /// The median; the mean of the two middle values for an even count.
    pub fn median(&self) -> Option<f64> {
        if self.total == 0 {
            return None;
        }
        let upper = self.at(self.total / 2)?;
        if self.total % 2 == 1 {
            Some(upper as f64)
        } else {
            let lower = self.at(self.total / 2 - 1)?;
            Some((lower as f64 + upper as f64) / 2.0)
        }
    }
}

/// The ISO week (`2024-W47`) of a time in milliseconds since the Unix epoch,
/// in UTC.
pub fn iso_week(ms: i64) -> Option<String> {
    let timestamp = jiff::Timestamp::from_millisecond(ms).ok()?;
    let date = timestamp.to_zoned(jiff::tz::TimeZone::UTC).date();
    let week = date.iso_week_date();
    Some(format!("{:04}-W{:02}", week.year(), week.week()))
}

/// The UTC date (`2024-11-18`) of a time in milliseconds since the epoch.
pub fn utc_date(ms: i64) -> Option<String> {
    let timestamp = jiff::Timestamp::from_millisecond(ms).ok()?;
    Some(
        timestamp
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date()
            .to_string(),
    )
}

/// An RFC 3339 UTC timestamp (`2024-11-18T09:14:00Z`).
pub fn utc_timestamp(ms: i64) -> Option<String> {
    let timestamp = jiff::Timestamp::from_millisecond(ms).ok()?;
    Some(timestamp.to_string())
}

/// `mm:ss` (or `h:mm:ss`) of an offset in milliseconds.
pub fn clock(ms: u64) -> String {
    let seconds = ms / 1000;
    let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_published_values() {
        // 4 of 12: 13.8% to 60.9% (Newcombe 1998 style check by hand).
        let (low, high) = wilson(4, 12);
        assert!(
            (low - 13.81).abs() < 0.005 && (high - 60.94).abs() < 0.005,
            "{low} {high}"
        );
        let (low, high) = wilson(0, 10);
        assert_eq!(low, 0.0);
        assert!((high - 27.75).abs() < 0.01, "{high}");
        assert!((wilson(10, 10).1 - 100.0).abs() < 1e-9);
        assert_eq!(wilson(0, 0), (0.0, 100.0));
        // Large samples narrow the interval around the rate.
        let (low, high) = wilson(500, 10_000);
        assert!(low > 4.5 && high < 5.5, "{low} {high}");
    }

    #[test]
    fn above_and_below_need_separate_intervals() {
        assert_eq!(VsTeam::compare((20.0, 40.0), (5.0, 10.0)), VsTeam::Above);
        assert_eq!(VsTeam::compare((8.0, 40.0), (5.0, 10.0)), VsTeam::Within);
        assert_eq!(VsTeam::compare((0.0, 4.0), (5.0, 10.0)), VsTeam::Below);
        // Four calls, one flagged, against a team at 10%: not enough to say.
        let agent = wilson(1, 4);
        let team = wilson(100, 1000);
        assert_eq!(VsTeam::compare(agent, team), VsTeam::Within);
    }

    #[test]
    fn histogram_medians_are_exact() {
        let mut h = Histogram::default();
        assert_eq!(h.median(), None);
        for v in [5, 1, 3] {
            h.add(v);
        }
        assert_eq!(h.median(), Some(3.0));
        h.add(10);
        assert_eq!(h.median(), Some(4.0));
        assert_eq!(h.count(), 4);
    }

    #[test]
    fn iso_weeks_follow_the_iso_calendar() {
        // 2024-11-18 is a Monday in week 47.
        assert_eq!(iso_week(1_731_916_800_000).as_deref(), Some("2024-W47"));
        // 2021-01-03 (Sunday) still belongs to 2020-W53.
        assert_eq!(iso_week(1_609_632_000_000).as_deref(), Some("2020-W53"));
        assert_eq!(utc_date(1_731_916_800_000).as_deref(), Some("2024-11-18"));
        assert_eq!(clock(75_000), "01:15");
        assert_eq!(clock(3_675_000), "1:01:15");
    }
}
