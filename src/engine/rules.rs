//! Evaluating the three rule types on a prepared conversation.
//!
//! * **phrase**: a matcher on a turn, optionally restricted by position,
//!   proximity (`near`) and context (`unless_after`);
//! * **sequence**: after a trigger, a `when` match that comes before any
//!   `before_any` match fires (jumping to conclusions: a solution before any
//!   exploring question); `before_any` matches count from the end of the
//!   previous episode, so also just before the trigger; also yields the
//!   sequence's measures;
//! * **conditional**: a trigger requires a response within a scope; the
//!   trigger turn fires when none came (a missed root cause).
//!
//! Rules report [`RawFinding`]s on normalised hits; turning them into quotes
//! and messages is the caller's job.

use std::collections::HashSet;

use crate::engine::hits::Hit;
use crate::engine::matching::View;
use crate::lexicon::compiled::*;
use crate::model::{Severity, Speaker};
use crate::text::scan::{count_words, sentence_end, words_between};

/// A rule firing, before quotes and messages are rendered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RawFinding {
    /// Index into [`Lexicons::rules`].
    pub rule: usize,
    pub turn: u32,
    pub hit: Hit,
    /// The trigger a sequence or conditional rule fired for.
    pub trigger: Option<Hit>,
    pub severity: Severity,
}

/// A measure value: index into [`Lexicons::measures`] and the value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RawMeasure {
    pub measure: usize,
    pub value: f64,
}

/// A cue the customer gave that a conditional rule requires a response to:
/// the rule (index into [`Lexicons::rules`]) and whether the agent took it
/// up (the rule did not fire).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub rule: usize,
    pub taken_up: bool,
}

/// Evaluates every rule of the view's language.
pub fn evaluate(
    view: &View<'_>,
    lexicons: &Lexicons,
    topic_keys: &[&str],
    findings: &mut Vec<RawFinding>,
    measures: &mut Vec<RawMeasure>,
    cues: &mut Vec<Cue>,
) {
    for rule in &view.language.rules {
        let severity = lexicons.rules[rule.info].severity;
        match &rule.body {
            RuleBody::Phrase(body) => phrase(view, rule.info, severity, body, findings),
            RuleBody::Sequence(body) => {
                sequence(view, rule.info, severity, body, findings, measures)
            }
            RuleBody::Conditional(body) => {
                let before = findings.len();
                let cued = conditional(view, rule.info, severity, body, topic_keys, findings);
                if cued {
                    cues.push(Cue {
                        rule: rule.info,
                        taken_up: findings.len() == before,
                    });
                }
            }
        }
    }
}

fn position_ok(view: &View<'_>, position: Position, turn: u32) -> bool {
    let count = view.turn_count();
    match position {
        Position::FirstTurns(n) => turn < n,
        Position::LastTurns(n) => turn + n >= count,
        Position::FirstSeconds(s) => view
            .offset_ms(turn)
            .is_some_and(|o| o < u64::from(s) * 1000),
        Position::LastSeconds(s) => {
            let last = (0..count).rev().find_map(|t| view.offset_ms(t));
            match (view.offset_ms(turn), last) {
                (Some(o), Some(last)) => last.saturating_sub(o) <= u64::from(s) * 1000,
                _ => false,
            }
        }
    }
}

/// Distinct turns in a sorted hit slice.
fn turns_of(hits: &[Hit]) -> impl Iterator<Item = u32> + '_ {
    let mut last = None;
    hits.iter().filter_map(move |h| {
        if last == Some(h.turn) {
            None
        } else {
            last = Some(h.turn);
            Some(h.turn)
        }
    })
}

/// Why a phrase rule does not fire on a turn where its list has raw hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// The turn is not the rule's speaker's.
    Speaker,
    /// The turn is outside the rule's `position`.
    Position,
    /// Every raw hit was cancelled by a filter.
    Cancelled,
    /// Hits survived, but none had a `near` match within reach.
    NotNear,
    /// The `unless_after` matcher matched in this earlier turn.
    UnlessAfter(u32),
}

/// Whether a phrase rule fires on `turn` (with the hit it reports), or what
/// stopped it. The engine and `lexicon try` share this decision.
pub fn phrase_turn(view: &View<'_>, body: &PhraseRule, turn: u32) -> Result<Hit, Blocked> {
    let lang = view.language;
    let matcher = &lang.matchers[body.matcher as usize];
    if !view.speaker_matches(matcher, turn) {
        return Err(Blocked::Speaker);
    }
    if body.position.is_some_and(|p| !position_ok(view, p, turn)) {
        return Err(Blocked::Position);
    }
    let near_ok = |hit: &Hit| match body.near {
        None => true,
        Some((near, words)) => {
            let near = &lang.matchers[near as usize];
            let (start, end) = view.turns[turn as usize];
            let text = &view.norm[start as usize..end as usize];
            let rel = |h: &Hit| ((h.start - start) as usize, (h.end - start) as usize);
            view.all_in_turn(near, turn)
                .any(|n| words_between(text, rel(hit), rel(&n)) <= words as usize)
        }
    };
    let mut survivors = view.all_in_turn(matcher, turn).peekable();
    if survivors.peek().is_none() {
        return Err(Blocked::Cancelled);
    }
    let Some(hit) = survivors.find(near_ok) else {
        return Err(Blocked::NotNear);
    };
    if let Some((context, turns)) = body.unless_after {
        let context = &lang.matchers[context as usize];
        let from = turn.saturating_sub(turns);
        if let Some(earlier) = (from..turn).find(|&u| view.first_in_turn(context, u).is_some()) {
            return Err(Blocked::UnlessAfter(earlier));
        }
    }
    Ok(hit)
}

fn phrase(
    view: &View<'_>,
    rule: usize,
    severity: Severity,
    body: &PhraseRule,
    out: &mut Vec<RawFinding>,
) {
    let matcher = &view.language.matchers[body.matcher as usize];
    for turn in turns_of(view.hits.of_list(matcher.list)) {
        if let Ok(hit) = phrase_turn(view, body, turn) {
            out.push(RawFinding {
                rule,
                turn,
                hit,
                trigger: None,
                severity,
            });
        }
    }
}

/// What happened in one episode of a sequence rule: from a trigger (or the
/// start of the conversation, without `after`) to the first `when` match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Episode {
    /// A `when` match came before any `before_any` match: the rule fires.
    Fired { trigger: Option<Hit>, when: Hit },
    /// `before_any` matched first (this many distinct sentences).
    Explored {
        trigger: Option<Hit>,
        when: Hit,
        questions: u32,
    },
    /// The customer had already explained at least `explained_words` words.
    Explained {
        trigger: Option<Hit>,
        when: Hit,
        words: u32,
    },
    /// The next `when` match came after the window closed.
    OutsideWindow { trigger: Option<Hit>, when: Hit },
    /// No `when` match after the trigger.
    NoWhen { trigger: Option<Hit> },
}

fn sequence(
    view: &View<'_>,
    rule: usize,
    severity: Severity,
    body: &SequenceRule,
    out: &mut Vec<RawFinding>,
    measures: &mut Vec<RawMeasure>,
) {
    sequence_episodes(view, body, measures, |episode| {
        if let Episode::Fired { trigger, when } = episode {
            out.push(RawFinding {
                rule,
                turn: when.turn,
                hit: when,
                trigger,
                severity,
            });
        }
    });
}

/// Walks a sequence rule's episodes in order, reporting each to `episode`
/// and its measures to `measures`. The engine and `lexicon try` share it.
pub fn sequence_episodes(
    view: &View<'_>,
    body: &SequenceRule,
    measures: &mut Vec<RawMeasure>,
    mut episode: impl FnMut(Episode),
) {
    let lang = view.language;
    let when = &lang.matchers[body.when as usize];
    let before = &lang.matchers[body.before_any as usize];
    let after = body.after.map(|m| &lang.matchers[m as usize]);
    let triggers: Vec<Hit> = after
        .map(|m| view.turns_matching(m).collect())
        .unwrap_or_default();
    let whens: Vec<Hit> = view.turns_matching(when).collect();
    let befores: Vec<Hit> = view
        .hits
        .of_list(before.list)
        .iter()
        .filter(|h| view.speaker_matches(before, h.turn) && view.survives(before, h))
        .copied()
        .collect();

    let mut from_turn = 0u32;
    let mut first_episode = true;
    loop {
        // Exploring counts from the end of the previous episode (the start
        // of the conversation for the first): an agent who asked "what is
        // going on?" before the customer's words named the problem has
        // explored, and the measures count every question before the first
        // solution.
        let explore_from = from_turn;
        let (trigger, start_turn) = match after {
            Some(_) => match triggers.iter().find(|h| h.turn >= from_turn) {
                Some(h) => (Some(*h), h.turn + 1),
                None => break,
            },
            None if first_episode => (None, 0),
            None => break,
        };
        let origin_turn = trigger.map_or(0, |h| h.turn);
        let in_window = |turn: u32| match body.window {
            Window::Rest => true,
            Window::Turns(n) => turn - origin_turn <= n,
            Window::Seconds(s) => match (view.offset_ms(origin_turn), view.offset_ms(turn)) {
                (Some(a), Some(b)) => b.saturating_sub(a) <= u64::from(s) * 1000,
                _ => true,
            },
        };
        let first_when = whens.iter().find(|h| h.turn >= start_turn).copied();
        if first_episode && let Some(first) = first_when {
            // The measures describe the first solution whether or not it
            // came inside the window: leaving out the conversations where
            // the agent explored longest would bias them.
            if let Some(m) = body.count_before {
                measures.push(RawMeasure {
                    measure: m,
                    value: distinct_questions(view, &befores, explore_from, &first) as f64,
                });
            }
            let from = view.offset_ms(origin_turn);
            if let (Some(m), Some(a), Some(b)) =
                (body.seconds_to_first, from, view.offset_ms(first.turn))
            {
                measures.push(RawMeasure {
                    measure: m,
                    value: b.saturating_sub(a) as f64 / 1000.0,
                });
            }
        }
        let solution = first_when.filter(|h| in_window(h.turn));
        match solution {
            Some(solution) => {
                let explored = distinct_questions(view, &befores, explore_from, &solution);
                // Counting words only matters when nothing was explored.
                let explained = match body.explained_words {
                    Some(limit) if explored == 0 => {
                        let words = customer_words(view, origin_turn, solution.turn);
                        (words >= limit as usize).then_some(words)
                    }
                    _ => None,
                };
                episode(if explored > 0 {
                    Episode::Explored {
                        trigger,
                        when: solution,
                        questions: explored as u32,
                    }
                } else if let Some(words) = explained {
                    Episode::Explained {
                        trigger,
                        when: solution,
                        words: words as u32,
                    }
                } else {
                    Episode::Fired {
                        trigger,
                        when: solution,
                    }
                });
                from_turn = solution.turn + 1;
            }
            None => {
                episode(match first_when {
                    Some(when) => Episode::OutsideWindow { trigger, when },
                    None => Episode::NoWhen { trigger },
                });
                match body.window {
                    Window::Turns(n) if after.is_some() => from_turn = origin_turn + n + 1,
                    Window::Seconds(_) if after.is_some() => {
                        from_turn = (start_turn..view.turn_count())
                            .find(|&t| !in_window(t))
                            .unwrap_or(view.turn_count());
                    }
                    _ => break,
                }
            }
        }
        first_episode = false;
        if after.is_none() {
            break;
        }
    }
}

/// Distinct sentences with a `before_any` hit from `from_turn` up to (and
/// within the solution's turn, before) the solution.
fn distinct_questions(view: &View<'_>, befores: &[Hit], from_turn: u32, solution: &Hit) -> usize {
    let mut seen = HashSet::new();
    for hit in befores {
        let before_solution =
            hit.turn < solution.turn || (hit.turn == solution.turn && hit.end <= solution.start);
        if hit.turn >= from_turn && before_solution {
            let (start, end) = view.turns[hit.turn as usize];
            let text = &view.norm[start as usize..end as usize];
            seen.insert((hit.turn, sentence_end(text, (hit.end - start) as usize)));
        }
    }
    seen.len()
}

/// Words the customer said from turn `from` (inclusive) to `to` (exclusive).
fn customer_words(view: &View<'_>, from: u32, to: u32) -> usize {
    (from..to)
        .filter(|&t| view.conversation.turns[t as usize].speaker == Speaker::Customer)
        .map(|t| {
            let (start, end) = view.turns[t as usize];
            count_words(&view.norm[start as usize..end as usize])
        })
        .sum()
}

/// What became of one trigger of a conditional rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerOutcome {
    /// No response within the scope: the rule fires on this trigger.
    Fired,
    /// A response came in this turn, within the scope.
    Answered(u32),
    /// An earlier trigger's response (in this turn) already took the cue up.
    TakenUpEarlier(u32),
}

/// Evaluates a conditional rule; returns whether the customer's own words
/// triggered it (a cue), as opposed to no trigger or the topic alone.
fn conditional(
    view: &View<'_>,
    rule: usize,
    severity: Severity,
    body: &ConditionalRule,
    topic_keys: &[&str],
    out: &mut Vec<RawFinding>,
) -> bool {
    conditional_triggers(view, body, topic_keys, |hit, outcome| {
        if outcome != TriggerOutcome::Fired {
            return true;
        }
        out.push(RawFinding {
            rule,
            turn: hit.turn,
            hit,
            trigger: Some(hit),
            severity,
        });
        false
    })
}

/// Reports each trigger of a conditional rule with its outcome to `visit`,
/// in turn order, while `visit` returns true. The rule fires once, on the
/// first unanswered trigger, so the engine stops there. Shared with
/// `lexicon try`. Returns whether the customer's own words triggered the
/// rule (a cue), as opposed to no trigger or the topic alone.
pub fn conditional_triggers(
    view: &View<'_>,
    body: &ConditionalRule,
    topic_keys: &[&str],
    mut visit: impl FnMut(Hit, TriggerOutcome) -> bool,
) -> bool {
    let lang = view.language;
    let trigger = &lang.matchers[body.trigger as usize];
    let requires = &lang.matchers[body.requires as usize];
    let mut triggers: Vec<Hit> = view.turns_matching(trigger).collect();
    let cued = !triggers.is_empty();
    if triggers.is_empty() && body.topics.iter().any(|t| topic_keys.contains(&t.as_str())) {
        // Triggered by the conversation's topic: report on the first turn of
        // the trigger's speaker, quoting the whole turn.
        let turn = (0..view.turn_count())
            .find(|&t| view.speaker_matches(trigger, t))
            .unwrap_or(0);
        if let Some(&(start, end)) = view.turns.get(turn as usize) {
            triggers.push(Hit {
                list: trigger.list,
                turn,
                start,
                end,
            });
        }
    }
    let Some(first) = triggers.first().map(|h| h.turn) else {
        return false;
    };
    let responses: Vec<u32> = view.turns_matching(requires).map(|h| h.turn).collect();
    let closings: Vec<u32> = body
        .closing
        .map(|m| {
            view.turns_matching(&lang.matchers[m as usize])
                .map(|h| h.turn)
                .collect()
        })
        .unwrap_or_default();
    for hit in &triggers {
        let t = hit.turn;
        let answer = match body.scope {
            Scope::WithinTurns(k) => responses.iter().copied().find(|&u| u > t && u <= t + k),
            Scope::After => responses.iter().copied().find(|&u| u > t),
            Scope::BeforeClosing => {
                let close = closings
                    .iter()
                    .copied()
                    .find(|&c| c > t)
                    .unwrap_or(u32::MAX);
                responses.iter().copied().find(|&u| u > t && u <= close)
            }
            Scope::Conversation => responses.first().copied(),
        };
        let earlier = responses.iter().copied().find(|&u| u > first && u < t);
        let outcome = match (answer, earlier) {
            (Some(turn), _) => TriggerOutcome::Answered(turn),
            (None, Some(turn)) => TriggerOutcome::TakenUpEarlier(turn),
            (None, None) => TriggerOutcome::Fired,
        };
        if !visit(*hit, outcome) {
            return cued;
        }
    }
    cued
}
