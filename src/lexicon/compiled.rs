//! Compiled lexicons: what the engine runs, immutable and shared by all
//! worker threads.
//!
//! Rule metadata (id, category, message, ...) is kept once in a global table
//! and shared through `Arc<str>`, so a finding costs reference-count bumps,
//! not string copies. Everything language-specific (scanner, matchers, rules)
//! lives in [`Language`].

use std::collections::HashSet;
use std::sync::Arc;

use crate::error::Location;
use crate::lexicon::scanner::{ListId, Scanner};
use crate::model::{Severity, Speaker};
use crate::text::lang::LanguageDetector;

/// A report category.
#[derive(Clone, Debug)]
pub struct Category {
    pub id: Arc<str>,
    pub label: String,
    pub description: String,
    /// Whose behaviour it measures.
    pub subject: Speaker,
    pub builtin: bool,
}

/// The three rule types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    Phrase,
    Sequence,
    Conditional,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Phrase => "phrase",
            RuleKind::Sequence => "sequence",
            RuleKind::Conditional => "conditional",
        }
    }
}

/// A rule's own example: a single turn (phrase rules) or a short transcript.
#[derive(Clone, Debug)]
pub struct Example {
    pub text: String,
    /// `true` for `bad` (must fire), `false` for `good` (must not).
    pub should_fire: bool,
    pub location: Location,
}

/// Language-independent facts about a rule.
#[derive(Clone, Debug)]
pub struct RuleInfo {
    pub id: Arc<str>,
    pub kind: RuleKind,
    pub category: Arc<str>,
    pub severity: Severity,
    /// The speaker of a phrase rule; for other types, the speaker of the turn
    /// the finding is reported on.
    pub speaker: Option<Speaker>,
    pub message: Arc<str>,
    pub why: Arc<str>,
    pub language: Arc<str>,
    pub location: Location,
    pub examples: Vec<Example>,
    pub builtin: bool,
}

/// A topic of the topic lexicon.
#[derive(Clone, Debug)]
pub struct TopicInfo {
    pub id: Arc<str>,
    pub label: String,
    pub contact_moment: ContactMoment,
    /// Normalised export values that mean this topic.
    pub aliases: Vec<String>,
}

/// The unavoidable contact moments of a customer relationship: making a
/// promise (sales, contract, information), delivering on it (delivery,
/// repair, outages, access) and settling the bill.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ContactMoment {
    Promise,
    Deliver,
    Settle,
}

impl ContactMoment {
    pub const ALL: [ContactMoment; 3] = [
        ContactMoment::Promise,
        ContactMoment::Deliver,
        ContactMoment::Settle,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactMoment::Promise => "promise",
            ContactMoment::Deliver => "deliver",
            ContactMoment::Settle => "settle",
        }
    }

    pub fn from_name(name: &str) -> Option<ContactMoment> {
        ContactMoment::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

/// How a matcher treats a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionFilter {
    Only,
    Never,
}

/// How far an exception reaches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExceptionScope {
    /// An exception cancels a match it overlaps.
    #[default]
    Overlap,
    /// An exception anywhere in the match's sentence cancels it.
    Sentence,
}

/// A phrase list plus the filters that decide which of its raw matches count.
#[derive(Clone, Debug)]
pub struct Matcher {
    pub list: ListId,
    /// Matches overlapped by a match of this list (or sharing its sentence,
    /// see `exception_scope`) are cancelled.
    pub exceptions: Option<ListId>,
    pub exception_scope: ExceptionScope,
    /// Words searched backwards for a negator; `None` disables negation.
    pub negation_window: Option<u32>,
    pub skip_quoted: bool,
    pub question: Option<QuestionFilter>,
    /// `None` matches any speaker.
    pub speaker: Option<Speaker>,
}

/// Where in the conversation a phrase rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    FirstTurns(u32),
    LastTurns(u32),
    FirstSeconds(u32),
    LastSeconds(u32),
}

#[derive(Clone, Debug)]
pub struct Escalation {
    pub severity: Severity,
    pub first_turns: Option<u32>,
    pub first_seconds: Option<u32>,
    pub unless_after_category: Option<Arc<str>>,
}

#[derive(Clone, Debug)]
pub struct PhraseRule {
    pub matcher: u32,
    pub position: Option<Position>,
    /// A match of this matcher within `words` words, in the same turn.
    pub near: Option<(u32, u32)>,
    /// No finding when this matcher matched in one of the previous `turns`
    /// turns.
    pub unless_after: Option<(u32, u32)>,
    pub escalate: Option<Escalation>,
}

/// How far after the trigger a sequence rule looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    Rest,
    Turns(u32),
    Seconds(u32),
}

#[derive(Clone, Debug)]
pub struct SequenceRule {
    pub after: Option<u32>,
    pub when: u32,
    pub before_any: u32,
    pub window: Window,
    pub explained_words: Option<u32>,
    /// Indices into [`Lexicons::measures`].
    pub count_before: Option<usize>,
    pub seconds_to_first: Option<usize>,
}

/// Where a conditional rule's requirement must be met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    WithinTurns(u32),
    After,
    BeforeClosing,
    Conversation,
}

#[derive(Clone, Debug)]
pub struct ConditionalRule {
    pub trigger: u32,
    /// Topic ids (normalised) that trigger the rule without a phrase match.
    pub topics: Vec<String>,
    pub requires: u32,
    pub scope: Scope,
    pub closing: Option<u32>,
}

#[derive(Clone, Debug)]
pub enum RuleBody {
    Phrase(PhraseRule),
    Sequence(SequenceRule),
    Conditional(ConditionalRule),
}

/// A rule as compiled for one language.
#[derive(Clone, Debug)]
pub struct CompiledRule {
    /// Index into [`Lexicons::rules`].
    pub info: usize,
    pub body: RuleBody,
}

/// Everything one language needs to analyse a conversation.
#[derive(Debug)]
pub struct Language {
    pub code: Arc<str>,
    pub name: String,
    pub negators: HashSet<String>,
    pub clause_breakers: HashSet<String>,
    pub negation_window: u32,
    pub stopwords: Vec<String>,
    pub scanner: Scanner,
    pub matchers: Vec<Matcher>,
    pub rules: Vec<CompiledRule>,
    /// Topic assignment: (index into [`Lexicons::topics`], matcher).
    pub topic_matchers: Vec<(usize, u32)>,
}

/// All compiled lexicons of a run.
#[derive(Debug)]
pub struct Lexicons {
    pub categories: Vec<Category>,
    pub rules: Vec<RuleInfo>,
    pub languages: Vec<Language>,
    pub measures: Vec<Arc<str>>,
    pub topics: Vec<TopicInfo>,
    pub detector: LanguageDetector,
}

impl Lexicons {
    pub fn language(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| &*l.code == code)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| &*c.id == id)
    }

    pub fn category_index(&self, id: &str) -> Option<usize> {
        self.categories.iter().position(|c| &*c.id == id)
    }

    /// Rule infos with this id (one per language that defines it).
    pub fn rules_with_id<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a RuleInfo> + 'a {
        self.rules.iter().filter(move |r| &*r.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&TopicInfo> {
        self.topics.iter().find(|t| &*t.id == id)
    }
}
