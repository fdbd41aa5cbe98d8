//! Horizontal bar charts as inline SVG: no scripts, no external assets,
//! readable in any browser and on paper.
//!
//! A bar may carry its 95% interval (a whisker) and a reference band (the
//! team's rate and interval, shaded, with a tick at the rate), so a reader
//! sees at a glance whether an agent's interval clears the team's. Every
//! piece of text is escaped with [`super::html::escape`].

use std::fmt::Write as _;

use crate::report::stats::VsTeam;

use super::html::escape;

/// One bar.
#[derive(Clone, Debug)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// 95% interval, same unit as `value`.
    pub interval: Option<(f64, f64)>,
    /// Team rate and interval drawn behind the bar.
    pub reference: Option<(f64, f64, f64)>,
    pub vs_team: VsTeam,
    /// Text printed after the bar (e.g. `4 of 20 · 20.0`).
    pub text: String,
}

/// A chart: title, bars, and the largest value on the scale.
#[derive(Clone, Debug)]
pub struct Chart {
    pub title: String,
    pub bars: Vec<Bar>,
}

const WIDTH: f64 = 720.0;
const LABEL: f64 = 190.0;
const PLOT: f64 = 400.0;
const ROW: f64 = 22.0;
const TOP: f64 = 24.0;

fn colour(vs: VsTeam) -> &'static str {
    match vs {
        VsTeam::Above => "#b03a2e",
        VsTeam::Within => "#4a6fa5",
        VsTeam::Below => "#2e7d4f",
    }
}

fn short(label: &str) -> String {
    if label.chars().count() <= 28 {
        label.to_string()
    } else {
        let cut: String = label.chars().take(27).collect();
        format!("{cut}…")
    }
}

/// The scale's maximum: the largest value or interval end, rounded up to a
/// multiple of 5 (at least 5).
fn scale(chart: &Chart) -> f64 {
    let max = chart
        .bars
        .iter()
        .flat_map(|b| {
            [
                b.value,
                b.interval.map_or(0.0, |i| i.1),
                b.reference.map_or(0.0, |r| r.2),
            ]
        })
        .fold(0.0f64, f64::max);
    ((max / 5.0).ceil() * 5.0).max(5.0)
}

/// The chart as an `<svg>` element.
pub fn bar_chart(chart: &Chart) -> String {
    let max = scale(chart);
    let x = |v: f64| LABEL + (v.clamp(0.0, max) / max) * PLOT;
    let height = TOP + ROW * chart.bars.len() as f64 + 20.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-label="{}">"#,
        escape(&chart.title)
    );
    let _ = write!(svg, "<title>{}</title>", escape(&chart.title));
    let _ = write!(
        svg,
        r#"<text x="0" y="14" class="chart-title">{}</text>"#,
        escape(&chart.title)
    );
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let mid = y + ROW / 2.0;
        let _ = write!(
            svg,
            r#"<g><title>{}: {}</title><text x="{}" y="{}" text-anchor="end" class="label">{}</text>"#,
            escape(&bar.label),
            escape(&bar.text),
            LABEL - 6.0,
            mid + 4.0,
            escape(&short(&bar.label))
        );
        if let Some((rate, low, high)) = bar.reference {
            let _ = write!(
                svg,
                r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#d9d9d9"/><line x1="{:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="#555" stroke-width="2"/>"##,
                x(low),
                y + 2.0,
                (x(high) - x(low)).max(0.5),
                ROW - 4.0,
                x(rate),
                x(rate),
                y + 1.0,
                y + ROW - 1.0
            );
        }
        let _ = write!(
            svg,
            r#"<rect x="{LABEL}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
            y + 6.0,
            (x(bar.value) - LABEL).max(0.0),
            ROW - 12.0,
            colour(bar.vs_team)
        );
        if let Some((low, high)) = bar.interval {
            let _ = write!(
                svg,
                r##"<path d="M{:.1} {:.1}V{:.1}M{:.1} {mid:.1}H{:.1}M{:.1} {:.1}V{:.1}" stroke="#111" fill="none"/>"##,
                x(low),
                mid - 4.0,
                mid + 4.0,
                x(low),
                x(high),
                x(high),
                mid - 4.0,
                mid + 4.0
            );
        }
        let _ = write!(
            svg,
            r#"<text x="{}" y="{:.1}" class="value">{}{}</text></g>"#,
            LABEL + PLOT + 8.0,
            mid + 4.0,
            escape(&bar.text),
            match bar.vs_team {
                VsTeam::Within => String::new(),
                other => format!(" {}", other.marker()),
            }
        );
    }
    let axis_y = TOP + ROW * chart.bars.len() as f64 + 14.0;
    for tick in 0..=4 {
        let value = max * f64::from(tick) / 4.0;
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{axis_y:.1}" text-anchor="middle" class="axis">{}</text>"#,
            x(value),
            format_tick(value)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn format_tick(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_bars_scaled() {
        let chart = Chart {
            title: "Rates <per> \"category\"".into(),
            bars: vec![Bar {
                label: "<script>alert(1)</script>".into(),
                value: 10.0,
                interval: Some((5.0, 20.0)),
                reference: Some((8.0, 6.0, 10.0)),
                vs_team: VsTeam::Within,
                text: "10.0".into(),
            }],
        };
        let svg = bar_chart(&chart);
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("Rates &lt;per&gt; &quot;category&quot;"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(scale(&chart), 20.0);
    }
}
