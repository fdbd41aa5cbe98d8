//! Annotated fixtures: transcripts that carry their expected findings.
//!
//! A fixture is an ordinary export (CSV or JSON Lines) with one extra
//! column, `expect`: the rule ids expected to fire on that turn, separated by
//! spaces, commas, `;` or `|`. An empty cell means nothing may fire on that
//! turn. In JSON Lines, each turn has an `"expect"` string or array.
//!
//! Fixtures live in language directories (`fixtures/lexicon/nl/*.csv`); the
//! directory forces the language, so a short Dutch fixture is never analysed
//! with English rules. Files elsewhere are analysed with language detection.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use crate::engine::{AnalysisOptions, LanguageChoice, Scratch, analyze};
use crate::error::{Error, Location, Result};
use crate::input::columns::{Field, normalize_header};
use crate::input::csv_long::sniff_delimiter;
use crate::input::{self, InputConfig, InputFile};
use crate::lexicon::Lexicons;
use crate::lextest::{Counts, Mismatch, Source, TestReport};
use crate::model::ReadItem;

/// The rules expected on each turn of a conversation, in row order, with
/// the line each row starts on.
type Expectations = HashMap<String, Vec<(u64, BTreeSet<String>)>>;

/// Fixture files under `dir`, sorted.
pub fn fixture_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    Ok(files)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, out)?;
        } else if name.ends_with(".csv") || name.ends_with(".jsonl") {
            out.push(path);
        }
    }
    Ok(())
}

fn split_expect(cell: &str) -> BTreeSet<String> {
    cell.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|'))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn read_csv_expectations(path: &Path) -> Result<Expectations> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(bytes))
        .flexible(true)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| Error::input(Location::line(path, 1), e.to_string()))?
        .clone();
    let find =
        |wanted: &dyn Fn(&str) -> bool| headers.iter().position(|h| wanted(&normalize_header(h)));
    let id_column = find(&|h| Field::from_alias(h) == Some(Field::ConversationId));
    let expect_column = find(&|h| h == "expect" || h == "expected");
    let (Some(id_column), Some(expect_column)) = (id_column, expect_column) else {
        return Err(Error::input(
            Location::line(path, 1),
            "a fixture needs a conversation id column and an `expect` column",
        ));
    };
    let mut expectations = Expectations::new();
    for row in reader.records() {
        let row = row.map_err(|e| Error::input(Location::file(path), e.to_string()))?;
        let line = row.position().map_or(0, |p| p.line());
        let id = row.get(id_column).unwrap_or("").trim().to_string();
        let expect = split_expect(row.get(expect_column).unwrap_or(""));
        expectations.entry(id).or_default().push((line, expect));
    }
    Ok(expectations)
}

fn read_jsonl_expectations(path: &Path) -> Result<Expectations> {
    let text = fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut expectations = Expectations::new();
    for (index, line) in text.lines().enumerate() {
        let number = index as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| Error::input(Location::line(path, number), e.to_string()))?;
        let id = value
            .get("id")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let turns = value
            .get("turns")
            .and_then(|t| t.as_array())
            .cloned()
            .unwrap_or_default();
        let entry = expectations.entry(id).or_default();
        for turn in turns {
            let expect = match turn.get("expect") {
                Some(serde_json::Value::String(s)) => split_expect(s),
                Some(serde_json::Value::Array(items)) => items
                    .iter()
                    .filter_map(|i| i.as_str())
                    .map(str::to_string)
                    .collect(),
                _ => BTreeSet::new(),
            };
            entry.push((number, expect));
        }
    }
    Ok(expectations)
}

/// Runs every fixture under `dir` and adds its results to `report`.
pub fn run(lexicons: &Lexicons, dir: &Path, report: &mut TestReport) -> Result<()> {
    let known: BTreeSet<&str> = lexicons.rules.iter().map(|r| &*r.id).collect();
    let mut scratch = Scratch::default();
    for path in fixture_files(dir)? {
        let expectations = if path.extension().is_some_and(|e| e == "jsonl") {
            read_jsonl_expectations(&path)?
        } else {
            read_csv_expectations(&path)?
        };
        for (line, rules) in expectations.values().flatten() {
            if let Some(unknown) = rules.iter().find(|r| !known.contains(r.as_str())) {
                return Err(Error::input(
                    Location::line(&path, *line),
                    format!("`expect` names rule `{unknown}`, which no lexicon defines"),
                ));
            }
        }
        let language = path
            .strip_prefix(dir)
            .ok()
            .and_then(|p| p.components().next())
            .and_then(|c| lexicons.language(&c.as_os_str().to_string_lossy()));
        let options = AnalysisOptions {
            language: language.map_or(LanguageChoice::Auto, LanguageChoice::Fixed),
            ..AnalysisOptions::default()
        };
        let file = InputFile {
            index: 0,
            path: path.clone(),
        };
        let mut reader = input::open(&file, &InputConfig::default())?;
        let mut conversations = 0u32;
        let mismatches_before = report.mismatches.len();
        while let Some(item) = reader.next_item()? {
            conversations += 1;
            let conversation = match item {
                ReadItem::Conversation(c) => c,
                ReadItem::Skipped(skip) => {
                    report.mismatches.push(Mismatch {
                        location: Location::line(&path, skip.origin.line),
                        source: Source::Fixture,
                        missing: true,
                        rule: "-".into(),
                        turn: None,
                        text: format!("conversation skipped ({}): {}", skip.reason, skip.detail),
                    });
                    continue;
                }
            };
            let record = analyze(&conversation, lexicons, &options, &mut scratch);
            let Some(analysis) = record.analysis() else {
                continue;
            };
            let expected = expectations
                .get(&conversation.id)
                .cloned()
                .unwrap_or_default();
            for (turn_index, turn) in conversation.turns.iter().enumerate() {
                let (line, expect) = expected
                    .get(turn_index)
                    .cloned()
                    .unwrap_or((turn.line, BTreeSet::new()));
                let fired: BTreeSet<String> = analysis
                    .findings
                    .iter()
                    .filter(|f| f.turn as usize == turn_index)
                    .map(|f| f.rule.to_string())
                    .collect();
                for rule in &fired {
                    *report.fired_in_fixtures.entry(rule.clone()).or_default() += 1;
                }
                for rule in expect.union(&fired) {
                    let (hit, exp) = (fired.contains(rule), expect.contains(rule));
                    let counts = Counts {
                        tp: u32::from(hit && exp),
                        fp: u32::from(hit && !exp),
                        fn_: u32::from(!hit && exp),
                    };
                    report.count(lexicons, rule, counts);
                    if hit != exp {
                        report.mismatches.push(Mismatch {
                            location: Location::line(&path, line),
                            source: Source::Fixture,
                            missing: exp,
                            rule: rule.clone(),
                            turn: Some(turn_index as u32),
                            text: conversation.turn_text(turn_index).to_string(),
                        });
                    }
                }
            }
        }
        report.fixture_files += 1;
        report.fixture_conversations += conversations;
        let failed = (report.mismatches.len() - mismatches_before) as u32;
        report
            .files
            .push((path.display().to_string(), conversations, failed));
    }
    Ok(())
}
