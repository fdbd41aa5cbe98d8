//! `lexicon test`: do the rules find what they should, and nothing else?
//!
//! Two sources of truth are checked, both ways (missing and unexpected):
//!
//! * every rule's own `examples` (`bad` must fire the rule, `good` must not);
//! * annotated fixture transcripts whose rows carry the rule ids expected on
//!   that turn (an empty cell means nothing may fire there), see
//!   [`fixtures`].
//!
//! Counts are kept per rule and per category: true positives, false
//! positives, false negatives, and from them precision and recall. Like
//! `vale test`, any mismatch makes the run fail, so an analyst's CI catches a
//! lexicon change that breaks a known case.

pub mod fixtures;
pub mod gates;
pub mod junit;

use std::collections::BTreeMap;
use std::path::Path;

use crate::engine::{AnalysisOptions, LanguageChoice, Scratch, analyze};
use crate::error::{Location, Result};
use crate::lexicon::compiled::{Example, Lexicons, RuleInfo, RuleKind};
use crate::model::{ConversationBuilder, Limits, Origin, Speaker};
use crate::transcript;

/// True/false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl Counts {
    pub fn precision(&self) -> Option<f64> {
        let fired = self.tp + self.fp;
        (fired > 0).then(|| f64::from(self.tp) / f64::from(fired))
    }

    pub fn recall(&self) -> Option<f64> {
        let expected = self.tp + self.fn_;
        (expected > 0).then(|| f64::from(self.tp) / f64::from(expected))
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// Where an expectation came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Example,
    Fixture,
}

/// A difference between what was expected and what fired.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mismatch {
    pub location: Location,
    pub source: Source,
    /// True: expected but did not fire. False: fired but not expected.
    pub missing: bool,
    pub rule: String,
    pub turn: Option<u32>,
    /// The text of the example or turn.
    pub text: String,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.missing {
            "expected"
        } else {
            "unexpected"
        };
        let turn = self.turn.map_or(String::new(), |t| format!(" (turn {t})"));
        write!(
            f,
            "{}: {what} `{}`{turn}: {}",
            self.location, self.rule, self.text
        )
    }
}

/// The outcome of a lexicon test run.
#[derive(Clone, Debug, Default)]
pub struct TestReport {
    pub per_rule: BTreeMap<String, Counts>,
    pub per_category: BTreeMap<String, Counts>,
    pub mismatches: Vec<Mismatch>,
    pub examples: u32,
    pub fixture_files: u32,
    pub fixture_conversations: u32,
    /// Rules and how often they fired in fixtures (for coverage).
    pub fired_in_fixtures: BTreeMap<String, u32>,
    /// Per fixture file: conversations and mismatches, for JUnit output.
    pub files: Vec<(String, u32, u32)>,
}

impl TestReport {
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }

    fn count(&mut self, lexicons: &Lexicons, rule: &str, counts: Counts) {
        self.per_rule
            .entry(rule.to_string())
            .or_default()
            .add(counts);
        if let Some(info) = lexicons.rules_with_id(rule).next() {
            self.per_category
                .entry(info.category.to_string())
                .or_default()
                .add(counts);
        }
    }
}

/// Runs every rule's examples and, when `fixtures` is given, every fixture.
pub fn run(lexicons: &Lexicons, fixtures: Option<&Path>) -> Result<TestReport> {
    let mut report = TestReport::default();
    for info in &lexicons.rules {
        report.per_rule.entry(info.id.to_string()).or_default();
    }
    run_examples(lexicons, &mut report);
    if let Some(dir) = fixtures {
        fixtures::run(lexicons, dir, &mut report)?;
    }
    report.mismatches.sort();
    Ok(report)
}

fn run_examples(lexicons: &Lexicons, report: &mut TestReport) {
    let mut scratch = Scratch::default();
    for info in &lexicons.rules {
        let Some(language) = lexicons.language(&info.language) else {
            continue;
        };
        let options = AnalysisOptions {
            language: LanguageChoice::Fixed(language),
            ..AnalysisOptions::default()
        };
        for example in &info.examples {
            report.examples += 1;
            let conversation = match example_conversation(info, example) {
                Ok(c) => c,
                Err(problem) => {
                    report.mismatches.push(Mismatch {
                        location: example.location.clone(),
                        source: Source::Example,
                        missing: example.should_fire,
                        rule: info.id.to_string(),
                        turn: None,
                        text: format!("example cannot be read: {problem}"),
                    });
                    continue;
                }
            };
            let record = analyze(&conversation, lexicons, &options, &mut scratch);
            let fired = record
                .analysis()
                .is_some_and(|a| a.findings.iter().any(|f| f.rule == info.id));
            let counts = match (example.should_fire, fired) {
                (true, true) => Counts {
                    tp: 1,
                    ..Counts::default()
                },
                (true, false) => Counts {
                    fn_: 1,
                    ..Counts::default()
                },
                (false, true) => Counts {
                    fp: 1,
                    ..Counts::default()
                },
                (false, false) => Counts::default(),
            };
            report.count(lexicons, &info.id, counts);
            if example.should_fire != fired {
                report.mismatches.push(Mismatch {
                    location: example.location.clone(),
                    source: Source::Example,
                    missing: example.should_fire,
                    rule: info.id.to_string(),
                    turn: None,
                    text: one_line(&example.text),
                });
            }
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when the text is written as a transcript (`agent: ...` lines).
pub fn looks_like_transcript(text: &str) -> bool {
    let first = text.trim_start().lines().next().unwrap_or("");
    let first = first.trim_start_matches(|c: char| {
        c == '[' || c.is_ascii_digit() || c == ':' || c == ']' || c == ' '
    });
    first
        .split_once(':')
        .is_some_and(|(label, _)| transcript::label_speaker(label).is_some())
}

/// The conversation an example stands for: a transcript, or for a phrase
/// rule a single turn spoken by the rule's speaker.
pub fn example_conversation(
    info: &RuleInfo,
    example: &Example,
) -> std::result::Result<crate::model::Conversation, String> {
    let id = format!("example:{}", info.id);
    if looks_like_transcript(&example.text) {
        return transcript::parse(&id, &example.text);
    }
    if info.kind != RuleKind::Phrase {
        return Err(format!(
            "{} rule examples are transcripts: lines like `klant: ...` and `agent: ...`",
            info.kind.as_str()
        ));
    }
    let speaker = info.speaker.unwrap_or(Speaker::Agent);
    let mut builder = ConversationBuilder::new(id, Origin::default(), Limits::default());
    if speaker != Speaker::Agent {
        // Conversations need an agent turn to be analysed.
        builder.push_turn(Speaker::Agent, "...", None, 0);
    }
    builder.push_turn(speaker, example.text.trim(), None, 1);
    builder.finish().map_err(|skip| skip.detail)
}
