//! The analysis engine: one conversation in, one [`ConversationRecord`] out.
//!
//! [`analyze`] is a pure function of the conversation, the compiled lexicons
//! and the options; the only mutable state is a caller-owned [`Scratch`] of
//! reusable buffers, so a worker thread normalises and scans conversation
//! after conversation without allocating per turn.
//!
//! Steps: normalise all turns into one buffer ([`crate::text::normalize`]);
//! choose the language (forced, declared by the export, or detected; when
//! undetermined, every language's rules apply); scan once ([`hits`]);
//! evaluate the rules ([`rules`]); raise the severity of early, unprovoked
//! findings; decide the topic ([`topic`]); render quotes and messages,
//! redacting personal data in them ([`crate::redact`]) unless told not to.
//! Redacting here, once, means no output path can forget it.

pub mod hits;
pub mod matching;
pub mod quote;
pub mod rules;
pub mod topic;
pub mod trace;

use std::sync::Arc;

use crate::engine::hits::{Hit, Hits, Normalized};
use crate::engine::matching::View;
use crate::engine::rules::{Cue, RawFinding, RawMeasure};
use crate::engine::topic::TopicScore;
use crate::lexicon::compiled::{Lexicons, RuleBody};
use crate::model::{Conversation, Speaker};
use crate::record::{Analysis, ConversationRecord, Finding, Measure, Outcome};
use crate::text::{into_string, normalize_bytes};

/// Which language's rules to apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LanguageChoice {
    /// The export's declared language if known, else detection.
    #[default]
    Auto,
    /// Always this language (index into [`Lexicons::languages`]).
    Fixed(usize),
}

#[derive(Clone, Debug)]
pub struct AnalysisOptions {
    pub language: LanguageChoice,
    /// Mask personal data in quotes and messages (see [`crate::redact`]).
    pub redact: bool,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            language: LanguageChoice::Auto,
            redact: true,
        }
    }
}

/// Reusable buffers for [`analyze`]; one per worker thread.
#[derive(Debug, Default)]
pub struct Scratch {
    norm: String,
    turns: Vec<(u32, u32)>,
    hits: Vec<Hit>,
    marks: hits::Marks,
    lists: Vec<std::cell::OnceCell<Vec<Hit>>>,
    raw: Vec<RawFinding>,
    measures: Vec<RawMeasure>,
    cues: Vec<Cue>,
    topics: Vec<TopicScore>,
}

/// Analyses one conversation.
pub fn analyze(
    conversation: &Conversation,
    lexicons: &Lexicons,
    options: &AnalysisOptions,
    scratch: &mut Scratch,
) -> ConversationRecord {
    prepare(conversation, scratch);
    let languages: Vec<usize> = match options.language {
        LanguageChoice::Fixed(index) => vec![index],
        LanguageChoice::Auto => {
            let declared = conversation
                .language
                .as_deref()
                .map(|l| l.trim().to_ascii_lowercase())
                .and_then(|l| {
                    let base = l.split(['-', '_']).next().unwrap_or("").to_string();
                    lexicons.language(&l).or_else(|| lexicons.language(&base))
                });
            match declared.or_else(|| lexicons.detector.detect(&scratch.norm)) {
                Some(index) => vec![index],
                None => (0..lexicons.languages.len()).collect(),
            }
        }
    };
    let topic_keys = topic_keys(conversation, lexicons);
    let topic_refs: Vec<&str> = topic_keys.iter().map(String::as_str).collect();

    let mut raw = std::mem::take(&mut scratch.raw);
    let mut measures = std::mem::take(&mut scratch.measures);
    let mut cues = std::mem::take(&mut scratch.cues);
    let mut topics = std::mem::take(&mut scratch.topics);
    raw.clear();
    measures.clear();
    cues.clear();
    topics.clear();
    topics.resize(lexicons.topics.len(), TopicScore::default());
    let export_topic = conversation
        .topic
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    for &index in &languages {
        let language = &lexicons.languages[index];
        let norm = Normalized {
            text: &scratch.norm,
            turns: &scratch.turns,
        };
        hits::collect_phrases(
            &language.scanner,
            &norm,
            &mut scratch.hits,
            &mut scratch.marks,
        );
        hits::reset_lists(&mut scratch.lists, &language.scanner);
        let view = View {
            conversation,
            language,
            norm: &scratch.norm,
            turns: &scratch.turns,
            hits: Hits::lazy(
                &language.scanner,
                norm,
                &scratch.hits,
                &scratch.marks,
                &scratch.lists,
            ),
        };
        let before = raw.len();
        rules::evaluate(
            &view,
            lexicons,
            &topic_refs,
            &mut raw,
            &mut measures,
            &mut cues,
        );
        escalate(&view, lexicons, &mut raw[before..]);
        if export_topic.is_none() {
            topic::score(&view, &mut topics);
        }
    }
    let assigned = topic::assign(lexicons, export_topic, &topics);
    let (cue_count, cues_taken_up) = count_cues(lexicons, &mut cues);
    let language = match languages.as_slice() {
        [one] => Some(lexicons.languages[*one].code.clone()),
        _ => None,
    };
    let mut findings: Vec<Finding> = raw
        .iter()
        .map(|f| render(conversation, lexicons, &scratch.turns, f, options.redact))
        .collect();
    findings.sort_by(|a, b| (a.turn, &a.rule).cmp(&(b.turn, &b.rule)));
    // With several languages the same rule id may fire twice on one turn.
    findings.dedup_by(|a, b| a.turn == b.turn && a.rule == b.rule);
    let mut out_measures: Vec<Measure> = Vec::new();
    for m in &measures {
        let name = &lexicons.measures[m.measure];
        if !out_measures.iter().any(|o| &o.name == name) {
            out_measures.push(Measure {
                name: name.clone(),
                value: m.value,
            });
        }
    }
    scratch.raw = raw;
    scratch.measures = measures;
    scratch.cues = cues;
    scratch.topics = topics;

    let count = |s: Speaker| conversation.turns.iter().filter(|t| t.speaker == s).count() as u32;
    ConversationRecord {
        id: Some(conversation.id.clone()),
        origin: conversation.origin,
        outcome: Outcome::Analysed(Box::new(Analysis {
            agent_id: conversation.primary_agent().map(str::to_string),
            agents: conversation.agents.clone(),
            customer_id: conversation.customer_id.clone(),
            channel: conversation.channel.clone(),
            topic: assigned.topic,
            topic_source: assigned.source,
            contact_moment: assigned.contact_moment,
            language,
            started_at_ms: conversation.started_at_ms,
            duration_ms: conversation.duration_ms(),
            turns: conversation.turns.len() as u32,
            agent_turns: count(Speaker::Agent),
            customer_turns: count(Speaker::Customer),
            findings,
            measures: out_measures,
            cues: cue_count,
            cues_taken_up,
        })),
    }
}

/// Cues of rules about agent behaviour, one per rule id (a rule evaluated
/// in two languages counts once; taken up only if taken up in both).
fn count_cues(lexicons: &Lexicons, cues: &mut Vec<Cue>) -> (u32, u32) {
    cues.retain(|cue| {
        let info = &lexicons.rules[cue.rule];
        lexicons
            .category(&info.category)
            .is_none_or(|c| c.subject == Speaker::Agent)
    });
    cues.sort_by(|a, b| {
        lexicons.rules[a.rule]
            .id
            .cmp(&lexicons.rules[b.rule].id)
            .then(a.taken_up.cmp(&b.taken_up))
    });
    cues.dedup_by(|a, b| lexicons.rules[a.rule].id == lexicons.rules[b.rule].id);
    let taken_up = cues.iter().filter(|c| c.taken_up).count() as u32;
    (cues.len() as u32, taken_up)
}

/// Normalises every turn into `scratch.norm`, separated by `\n`.
fn prepare(conversation: &Conversation, scratch: &mut Scratch) {
    normalize_turns(conversation, &mut scratch.norm, &mut scratch.turns);
}

/// Normalises every turn into `norm`, separated by `\n`, and records each
/// turn's byte range in `turns`.
pub(crate) fn normalize_turns(
    conversation: &Conversation,
    norm_out: &mut String,
    turns: &mut Vec<(u32, u32)>,
) {
    let mut norm = std::mem::take(norm_out).into_bytes();
    norm.clear();
    turns.clear();
    for turn in &conversation.turns {
        let start = norm.len() as u32;
        let text = &conversation.text[turn.start as usize..turn.end as usize];
        normalize_bytes(text, &mut norm);
        turns.push((start, norm.len() as u32));
        norm.push(b'\n');
    }
    *norm_out = into_string(norm);
}

/// The values a conditional rule's `topics` are compared with: the export's
/// topic (normalised) and the id of the topic it is an alias of.
pub(crate) fn topic_keys(conversation: &Conversation, lexicons: &Lexicons) -> Vec<String> {
    let Some(topic) = conversation.topic.as_deref() else {
        return Vec::new();
    };
    let normalized = crate::text::normalize(topic);
    let mut keys = vec![normalized.clone()];
    for info in &lexicons.topics {
        if *info.id == *normalized || info.aliases.contains(&normalized) {
            keys.push(info.id.to_string());
        }
    }
    keys
}

/// Raises the severity of findings whose rule escalates when it fires early
/// and unprovoked (a threat in the first minute with no customer aggression
/// before it).
fn escalate(view: &View<'_>, lexicons: &Lexicons, raw: &mut [RawFinding]) {
    let earlier: Vec<(u32, Arc<str>)> = raw
        .iter()
        .map(|f| (f.turn, lexicons.rules[f.rule].category.clone()))
        .collect();
    for finding in raw.iter_mut() {
        let Some(RuleBody::Phrase(body)) = view
            .language
            .rules
            .iter()
            .find(|r| r.info == finding.rule)
            .map(|r| &r.body)
        else {
            continue;
        };
        let Some(escalation) = &body.escalate else {
            continue;
        };
        let early = escalation.first_turns.is_some_and(|n| finding.turn < n)
            || escalation.first_seconds.is_some_and(|s| {
                view.offset_ms(finding.turn)
                    .is_some_and(|o| o < u64::from(s) * 1000)
            });
        let provoked = escalation
            .unless_after_category
            .as_ref()
            .is_some_and(|category| {
                earlier
                    .iter()
                    .any(|(turn, c)| *turn < finding.turn && c == category)
            });
        if early && !provoked {
            finding.severity = finding.severity.max(escalation.severity);
        }
    }
}

/// Turns a raw finding into a [`Finding`] with quote and message.
fn render(
    conversation: &Conversation,
    lexicons: &Lexicons,
    turns: &[(u32, u32)],
    raw: &RawFinding,
    redact: bool,
) -> Finding {
    let info = &lexicons.rules[raw.rule];
    let relative = |hit: &Hit| {
        let start = turns.get(hit.turn as usize).map_or(0, |t| t.0);
        (hit.start - start) as usize..(hit.end - start) as usize
    };
    let turn = &conversation.turns[raw.turn as usize];
    let turn_text = conversation.turn_text(raw.turn as usize);
    let matched = quote::original_range(conversation, raw.turn, relative(&raw.hit));
    let (quote, highlight) = quote::excerpt(turn_text, matched.clone());
    let matched_text = turn_text.get(matched).unwrap_or("");
    let mut message = info.message.to_string();
    if message.contains('{') {
        let trigger_text = raw
            .trigger
            .map(|t| {
                let range = quote::original_range(conversation, t.turn, relative(&t));
                conversation
                    .turn_text(t.turn as usize)
                    .get(range)
                    .unwrap_or("")
                    .to_string()
            })
            .unwrap_or_default();
        message = message
            .replace("{match}", matched_text)
            .replace("{trigger}", &trigger_text)
            .replace(
                "{trigger_turn}",
                &raw.trigger.map_or_else(String::new, |t| t.turn.to_string()),
            );
    }
    let (quote, highlight) = if redact {
        message = crate::redact::redact(&message);
        crate::redact::redact_marked(&quote, Some(highlight))
    } else {
        (quote, Some(highlight))
    };
    Finding {
        rule: info.id.clone(),
        category: info.category.clone(),
        severity: raw.severity,
        speaker: turn.speaker,
        turn: raw.turn,
        offset_ms: turn.offset_ms,
        agent_id: conversation
            .agent_of_turn(raw.turn as usize)
            .map(str::to_string),
        quote,
        highlight,
        message,
    }
}
