//! `report --from-analysis`: conversation records rebuilt from conversations
//! and findings files, in the same sorted order a normal run folds over.
//!
//! Each file may be a conversations file, a findings file, or both kinds of
//! line mixed; the kind of each line is read from its keys. Files come in
//! any order and need not be sorted: conversation lines go through the
//! record sorter (so the same id in two shards is a duplicate, exactly as in
//! one run), findings lines through a second sorter, and the two sorted
//! streams are joined by conversation id. Memory stays bounded by the
//! sorters' budget.
//!
//! The conversation line's `marks` (one per finding) travel with the
//! conversation as placeholder findings (no category) until the join, where
//! they give each joined finding its highlight back and tell whether the
//! conversation got all its findings. Findings whose conversation is not in
//! any conversations file, and conversations that did not get the findings
//! their line announces, are reported as warnings: usually a shard's file
//! was left out. The same finding (conversation, turn, rule) given twice
//! counts once.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Location, Result};
use crate::input::source::Source;
use crate::model::Origin;
use crate::record::{Analysis, ConversationRecord, Finding, FindingLine, Measure, Outcome};
use crate::sorter::{RecordSorter, Sorted};

use super::{ConversationLine, RunLine, Status};

/// Facts about the original run(s), from the run lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunFacts {
    pub files_read: u64,
    pub grouped: bool,
    pub reassembled: u64,
    /// Run lines found (one per conversations file written by convoscan).
    pub runs: u64,
    pub files: Vec<super::RunFile>,
}

/// Records rebuilt from analysis files.
pub struct AnalysisInput {
    /// The analysis files read, in order; `Origin::file` indexes this.
    pub paths: Vec<PathBuf>,
    pub facts: RunFacts,
    conversations: Sorted,
    findings: Sorted,
    pending: Option<ConversationRecord>,
    orphans: u64,
    /// Conversations that did not get the findings their line announces.
    incomplete: u64,
    finding_lines: u64,
    conversation_lines: u64,
}

fn conversation_record(line: ConversationLine, origin: Origin) -> ConversationRecord {
    let outcome = match line.status {
        Status::Skipped => Outcome::Skipped {
            reason: line.reason.unwrap_or(crate::model::SkipReason::Malformed),
            detail: line.detail.unwrap_or_default(),
        },
        Status::Analysed => Outcome::Analysed(Box::new(Analysis {
            agent_id: line.agent_id,
            agents: line.agents,
            customer_id: line.customer_id,
            channel: line.channel,
            topic: line.topic,
            topic_source: line.topic_source,
            contact_moment: line.contact_moment,
            language: line.language.map(Arc::from),
            started_at_ms: line.started_at_ms,
            duration_ms: line.duration_ms,
            turns: line.turns,
            agent_turns: line.agent_turns,
            customer_turns: line.customer_turns,
            findings: line
                .marks
                .into_iter()
                .map(|mark| Finding {
                    rule: mark.rule.into(),
                    category: Arc::from(""),
                    severity: crate::model::Severity::Low,
                    speaker: crate::model::Speaker::Agent,
                    turn: mark.turn,
                    offset_ms: None,
                    agent_id: None,
                    quote: String::new(),
                    highlight: mark.highlight,
                    message: String::new(),
                })
                .collect(),
            measures: line
                .measures
                .into_iter()
                .map(|(name, value)| Measure {
                    name: name.into(),
                    value,
                })
                .collect(),
            cues: line.cues,
            cues_taken_up: line.cues_taken_up,
        })),
    };
    ConversationRecord {
        id: line.id,
        origin,
        outcome,
    }
}

fn finding_record(line: FindingLine, origin: Origin) -> ConversationRecord {
    let finding = Finding {
        rule: line.rule.into(),
        category: line.category.into(),
        severity: line.severity,
        speaker: line.speaker,
        turn: line.turn,
        offset_ms: line.offset_ms,
        agent_id: line.agent_id,
        quote: line.quote,
        highlight: None,
        message: line.message,
    };
    ConversationRecord {
        id: Some(line.conversation_id),
        origin,
        outcome: Outcome::Analysed(Box::new(Analysis {
            findings: vec![finding],
            ..Analysis::default()
        })),
    }
}

fn bad_line(path: &Path, line: u64, message: impl std::fmt::Display) -> Error {
    Error::input(
        Location::line(path, line),
        format!("not a convoscan analysis line (conversations or findings file): {message}"),
    )
}

/// Reads analysis files (or directories of them).
pub fn open(inputs: &[PathBuf], sort_budget: usize) -> Result<AnalysisInput> {
    let files = crate::input::walk::walk(inputs)?;
    let mut conversations = RecordSorter::new(sort_budget / 2);
    let mut findings = RecordSorter::new(sort_budget / 2);
    let mut facts = RunFacts {
        grouped: true,
        ..RunFacts::default()
    };
    let (mut conversation_lines, mut finding_lines) = (0u64, 0u64);
    let mut text = String::new();
    for file in &files {
        let mut reader = Source::open(&file.path)?.into_reader();
        let mut number = 0u64;
        loop {
            text.clear();
            let read = reader
                .read_line(&mut text)
                .map_err(|e| Error::io(&file.path, e))?;
            if read == 0 {
                break;
            }
            number += 1;
            let trimmed = text.trim();
            if trimmed.is_empty() {
                continue;
            }
            let value: serde_json::Value =
                serde_json::from_str(trimmed).map_err(|e| bad_line(&file.path, number, e))?;
            let origin = Origin {
                file: file.index,
                line: number,
                pass: 0,
            };
            match value.get("record").and_then(|r| r.as_str()) {
                Some("run") => {
                    let run: RunLine = serde_json::from_value(value)
                        .map_err(|e| bad_line(&file.path, number, e))?;
                    facts.runs += 1;
                    facts.files_read += run.files_read;
                    facts.grouped &= run.grouped;
                    facts.reassembled += run.reassembled;
                    facts.files.extend(run.files);
                }
                Some("conversation") => {
                    let line: ConversationLine = serde_json::from_value(value)
                        .map_err(|e| bad_line(&file.path, number, e))?;
                    conversation_lines += 1;
                    conversations.push(conversation_record(line, origin))?;
                }
                Some(other) => {
                    return Err(bad_line(
                        &file.path,
                        number,
                        format!("unknown record `{other}`"),
                    ));
                }
                None => {
                    let line: FindingLine = serde_json::from_value(value)
                        .map_err(|e| bad_line(&file.path, number, e))?;
                    finding_lines += 1;
                    findings.push(finding_record(line, origin))?;
                }
            }
        }
    }
    if conversation_lines == 0 {
        return Err(Error::usage(
            "--from-analysis needs the conversations files (written with --conversations) as well as the findings files: without them conversations that were not flagged cannot be counted",
        ));
    }
    let names: Vec<String> = files.iter().map(|f| f.path.display().to_string()).collect();
    Ok(AnalysisInput {
        paths: files.into_iter().map(|f| f.path).collect(),
        facts,
        conversations: conversations.finish(names.clone())?,
        findings: findings.finish(names)?,
        pending: None,
        orphans: 0,
        incomplete: 0,
        finding_lines,
        conversation_lines,
    })
}

impl AnalysisInput {
    /// The next conversation record, with its findings joined in.
    pub fn next_record(&mut self) -> Result<Option<ConversationRecord>> {
        let Some(mut record) = self.conversations.next_record()? else {
            // Whatever findings remain have no conversation.
            if self.pending.take().is_some() {
                self.orphans += 1;
            }
            while self.findings.next_unmerged()?.is_some() {
                self.orphans += 1;
            }
            return Ok(None);
        };
        let (Some(id), Outcome::Analysed(analysis)) = (record.id.clone(), &mut record.outcome)
        else {
            return Ok(Some(record));
        };
        let marks = std::mem::take(&mut analysis.findings);
        loop {
            let next = match self.pending.take() {
                Some(f) => f,
                None => match self.findings.next_unmerged()? {
                    Some(f) => f,
                    None => break,
                },
            };
            match next.id.as_deref().map(|f| f.cmp(id.as_str())) {
                Some(std::cmp::Ordering::Less) | None => self.orphans += 1,
                Some(std::cmp::Ordering::Equal) => {
                    if let Outcome::Analysed(fragment) = next.outcome {
                        analysis.findings.extend(fragment.findings);
                    }
                }
                Some(std::cmp::Ordering::Greater) => {
                    self.pending = Some(next);
                    break;
                }
            }
        }
        analysis
            .findings
            .sort_by(|a, b| (a.turn, &a.rule).cmp(&(b.turn, &b.rule)));
        analysis
            .findings
            .dedup_by(|a, b| a.turn == b.turn && a.rule == b.rule);
        for finding in &mut analysis.findings {
            if let Some(mark) = marks
                .iter()
                .find(|m| m.turn == finding.turn && m.rule == finding.rule)
            {
                finding.highlight = mark.highlight;
            }
        }
        let announced = |f: &Finding| marks.iter().any(|m| m.turn == f.turn && m.rule == f.rule);
        if analysis.findings.len() != marks.len() || !analysis.findings.iter().all(announced) {
            self.incomplete += 1;
        }
        Ok(Some(record))
    }

    /// Problems seen while joining, for the user; complete once
    /// `next_record` returned `None`.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.facts.runs == 0 {
            out.push(
                "no run line in the conversations files: files read, grouping and reassembly of the original run are unknown".to_string(),
            );
        }
        if self.finding_lines == 0 && self.conversation_lines > 0 {
            out.push("no findings files given: conversations are counted, but rates, rules and quotes come from findings".to_string());
        }
        if self.orphans > 0 {
            out.push(format!(
                "{} findings belong to no conversation in the conversations files (was a conversations file left out?)",
                self.orphans
            ));
        }
        if self.incomplete > 0 && self.finding_lines > 0 {
            out.push(format!(
                "{} conversations did not get the findings their conversations line announces (was a findings file left out?)",
                self.incomplete
            ));
        }
        out
    }
}
