//! Explaining rules on one conversation: the data behind `lexicon try`.
//!
//! An analyst who adds a phrase wants to know not only *whether* a rule
//! fires on a sentence but *why not*: which words matched, which of those
//! matches a negator, an exception, quotes or the question filter
//! cancelled, and what the rule then decided (a `position` or `near` that
//! did not hold, an exploring question that came first, a response that
//! answered the trigger).
//!
//! Nothing here re-implements matching. The raw hits come from the
//! scanner's own pass ([`hits::collect_traced`], which also says which
//! phrase or pattern produced each hit); cancellations come from
//! [`View::cancel`]; rule decisions come from the functions the engine
//! itself runs ([`rules::phrase_turn`], [`rules::sequence_episodes`],
//! [`rules::conditional_triggers`]); and the verdict is the engine's own
//! [`analyze`] result. The explanation is plain data; the command line
//! renders it.

use crate::engine::hits::{self, Hit, Normalized, Term};
use crate::engine::matching::{Cancel, View};
use crate::engine::rules::{self, Blocked, Episode, TriggerOutcome};
use crate::engine::{AnalysisOptions, LanguageChoice, Scratch, analyze, normalize_turns, quote};
use crate::lexicon::compiled::{CompiledRule, Lexicons, Matcher, RuleBody};
use crate::model::{Conversation, Speaker};
use crate::record::Finding;

/// What each rule of one language did with one conversation.
#[derive(Clone, Debug)]
pub struct Explanation {
    /// Index into [`Lexicons::languages`].
    pub language: usize,
    /// Rules with at least one raw match in any of their matchers, or that
    /// fired, in the language's rule order.
    pub rules: Vec<RuleTrace>,
    /// Rules (indices into [`Lexicons::rules`]) where nothing matched at all.
    pub silent: Vec<usize>,
}

/// One rule's matches and decisions.
#[derive(Clone, Debug)]
pub struct RuleTrace {
    /// Index into [`Lexicons::rules`].
    pub rule: usize,
    /// The engine's findings for this rule: the final verdict.
    pub findings: Vec<Finding>,
    /// Raw matches per matcher of the rule.
    pub matchers: Vec<MatcherTrace>,
    /// The rule-level decisions, in conversation order.
    pub verdicts: Vec<Verdict>,
}

impl RuleTrace {
    pub fn fired(&self) -> bool {
        !self.findings.is_empty()
    }
}

/// The part of a rule a matcher plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A phrase rule's own phrases, patterns or set.
    Phrases,
    Near,
    UnlessAfter,
    After,
    When,
    BeforeAny,
    Trigger,
    Requires,
    Closing,
}

impl Role {
    /// The rule-file key this role is written under.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Phrases => "phrases",
            Role::Near => "near",
            Role::UnlessAfter => "unless_after",
            Role::After => "after",
            Role::When => "when",
            Role::BeforeAny => "before_any",
            Role::Trigger => "trigger",
            Role::Requires => "requires",
            Role::Closing => "closing",
        }
    }
}

/// The raw matches of one matcher.
#[derive(Clone, Debug)]
pub struct MatcherTrace {
    pub role: Role,
    /// `None` matches any speaker.
    pub speaker: Option<Speaker>,
    pub hits: Vec<HitTrace>,
}

/// A phrase or pattern as written in the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermText {
    pub pattern: bool,
    /// The normalised phrase (with its wildcards) or the pattern's source.
    pub text: String,
}

/// One raw match and what became of it.
#[derive(Clone, Debug)]
pub struct HitTrace {
    pub turn: u32,
    /// The matched words as the conversation has them.
    pub words: String,
    pub term: TermText,
    /// `None`: the match counts.
    pub cancelled: Option<Reason>,
}

/// Why a raw match does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The turn is spoken by this speaker, not the matcher's.
    Speaker(Speaker),
    /// An exception overlaps the match.
    Exception {
        words: String,
        term: Option<TermText>,
    },
    /// A negator shortly before the match, in the same clause.
    Negated { negator: String },
    /// Inside double quotes, and the matcher skips reported speech.
    Quoted,
    /// The matcher wants a question; the match is not in one.
    NotAQuestion,
    /// The matcher does not want a question; the match is in one.
    Question,
}

/// A rule-level decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A phrase rule on a turn where its list matched.
    Phrase { turn: u32, blocked: Option<Blocked> },
    /// One episode of a sequence rule.
    Episode(Episode),
    /// One trigger of a conditional rule.
    Trigger { turn: u32, outcome: TriggerOutcome },
}

/// Explains every rule of language `language` on `conversation`.
pub fn explain(conversation: &Conversation, lexicons: &Lexicons, language: usize) -> Explanation {
    let lang = &lexicons.languages[language];
    let mut norm = String::new();
    let mut turns = Vec::new();
    normalize_turns(conversation, &mut norm, &mut turns);
    let normalized = Normalized {
        text: &norm,
        turns: &turns,
    };
    let traced = hits::collect_traced(&lang.scanner, &normalized);
    let mut raw: Vec<Hit> = traced.iter().map(|(hit, _)| *hit).collect();
    raw.dedup();
    let view = View {
        conversation,
        language: lang,
        norm: &norm,
        turns: &turns,
        hits: hits::Hits::complete(&raw),
    };
    let options = AnalysisOptions {
        language: LanguageChoice::Fixed(language),
        // The analyst's own example text: shown as typed.
        redact: false,
    };
    let record = analyze(conversation, lexicons, &options, &mut Scratch::default());
    let findings: Vec<Finding> = record
        .analysis()
        .map(|a| a.findings.clone())
        .unwrap_or_default();
    let topic_keys = crate::engine::topic_keys(conversation, lexicons);
    let topic_refs: Vec<&str> = topic_keys.iter().map(String::as_str).collect();

    let tracer = Tracer {
        view: &view,
        traced: &traced,
    };
    let mut explanation = Explanation {
        language,
        rules: Vec::new(),
        silent: Vec::new(),
    };
    for rule in &lang.rules {
        let info = &lexicons.rules[rule.info];
        let own: Vec<Finding> = findings
            .iter()
            .filter(|f| f.rule == info.id)
            .cloned()
            .collect();
        let matchers: Vec<MatcherTrace> = roles(rule)
            .into_iter()
            .map(|(role, index)| tracer.matcher(role, &lang.matchers[index as usize]))
            .collect();
        if own.is_empty() && matchers.iter().all(|m| m.hits.is_empty()) {
            explanation.silent.push(rule.info);
            continue;
        }
        explanation.rules.push(RuleTrace {
            rule: rule.info,
            findings: own,
            verdicts: verdicts(&view, rule, &topic_refs),
            matchers,
        });
    }
    explanation
}

/// The matchers of a rule, with the part each plays.
fn roles(rule: &CompiledRule) -> Vec<(Role, u32)> {
    match &rule.body {
        RuleBody::Phrase(body) => {
            let mut roles = vec![(Role::Phrases, body.matcher)];
            roles.extend(body.near.map(|(m, _)| (Role::Near, m)));
            roles.extend(body.unless_after.map(|(m, _)| (Role::UnlessAfter, m)));
            roles
        }
        RuleBody::Sequence(body) => {
            let mut roles: Vec<(Role, u32)> =
                body.after.map(|m| (Role::After, m)).into_iter().collect();
            roles.push((Role::When, body.when));
            roles.push((Role::BeforeAny, body.before_any));
            roles
        }
        RuleBody::Conditional(body) => {
            let mut roles = vec![
                (Role::Trigger, body.trigger),
                (Role::Requires, body.requires),
            ];
            roles.extend(body.closing.map(|m| (Role::Closing, m)));
            roles
        }
    }
}

fn verdicts(view: &View<'_>, rule: &CompiledRule, topic_keys: &[&str]) -> Vec<Verdict> {
    let mut out = Vec::new();
    match &rule.body {
        RuleBody::Phrase(body) => {
            let matcher = &view.language.matchers[body.matcher as usize];
            let mut last = None;
            for hit in view.hits.of_list(matcher.list) {
                if last == Some(hit.turn) {
                    continue;
                }
                last = Some(hit.turn);
                out.push(Verdict::Phrase {
                    turn: hit.turn,
                    blocked: rules::phrase_turn(view, body, hit.turn).err(),
                });
            }
        }
        RuleBody::Sequence(body) => {
            rules::sequence_episodes(view, body, &mut Vec::new(), |episode| {
                out.push(Verdict::Episode(episode));
            });
        }
        RuleBody::Conditional(body) => {
            rules::conditional_triggers(view, body, topic_keys, |hit, outcome| {
                out.push(Verdict::Trigger {
                    turn: hit.turn,
                    outcome,
                });
                outcome != TriggerOutcome::Fired
            });
        }
    }
    out
}

struct Tracer<'a> {
    view: &'a View<'a>,
    traced: &'a [(Hit, Term)],
}

impl Tracer<'_> {
    fn matcher(&self, role: Role, matcher: &Matcher) -> MatcherTrace {
        let hits = self
            .traced
            .iter()
            .filter(|(hit, _)| hit.list == matcher.list)
            .map(|(hit, term)| HitTrace {
                turn: hit.turn,
                words: self.words(hit),
                term: self.term(*term, hit.list),
                cancelled: self.reason(matcher, hit),
            })
            .collect();
        MatcherTrace {
            role,
            speaker: matcher.speaker,
            hits,
        }
    }

    fn reason(&self, matcher: &Matcher, hit: &Hit) -> Option<Reason> {
        let turn = self.view.conversation.turns.get(hit.turn as usize)?;
        if !self.view.speaker_matches(matcher, hit.turn) {
            return Some(Reason::Speaker(turn.speaker));
        }
        Some(match self.view.cancel(matcher, hit)? {
            Cancel::Exception(exception) => Reason::Exception {
                words: self.words(&exception),
                term: self
                    .traced
                    .iter()
                    .find(|(h, _)| *h == exception)
                    .map(|(h, t)| self.term(*t, h.list)),
            },
            Cancel::Negated { start, end } => Reason::Negated {
                negator: self.words(&Hit {
                    list: hit.list,
                    turn: hit.turn,
                    start,
                    end,
                }),
            },
            Cancel::Quoted => Reason::Quoted,
            Cancel::NotAQuestion => Reason::NotAQuestion,
            Cancel::Question => Reason::Question,
        })
    }

    /// The original words behind a hit.
    fn words(&self, hit: &Hit) -> String {
        let view = self.view;
        let Some(&(turn_start, _)) = view.turns.get(hit.turn as usize) else {
            return String::new();
        };
        let relative = (hit.start - turn_start) as usize..(hit.end - turn_start) as usize;
        let range = quote::original_range(view.conversation, hit.turn, relative);
        view.conversation
            .turn_text(hit.turn as usize)
            .get(range)
            .unwrap_or("")
            .to_string()
    }

    fn term(&self, term: Term, list: u32) -> TermText {
        let scanner = &self.view.language.scanner;
        match term {
            Term::Phrase(pattern) => TermText {
                pattern: false,
                text: scanner
                    .phrase_in_list(pattern, list)
                    .or_else(|| scanner.texts.get(pattern as usize).cloned())
                    .unwrap_or_default(),
            },
            Term::Regex(index) => TermText {
                pattern: true,
                text: scanner
                    .regexes
                    .get(index as usize)
                    .map(|r| r.source.clone())
                    .unwrap_or_default(),
            },
        }
    }
}
