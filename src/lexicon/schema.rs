//! The lexicon file format, as serde data.
//!
//! These types are what a TOML file says, nothing more: every field is
//! optional where the format allows it, and every value keeps its span so
//! that validation (in [`super::compile`]) can point at `file:line:col`.
//! `deny_unknown_fields` everywhere: a misspelt key (`phrasse`) is an error,
//! never a silently ignored setting.
//!
//! A file may hold any of these tables:
//!
//! ```toml
//! [language]            # once per language directory: negators, stopwords
//! [[category]]          # categories.toml at the lexicon root
//! [[set]]               # named phrase sets rules refer to with `set = "id"`
//! [[rule]]              # rules: type = "phrase" (default) | "sequence" | "conditional"
//! [[topic]]             # topic lexicons
//! disable = ["rule.id"] # switch off rules of the lexicons this one extends
//! ```

use serde::Deserialize;
use toml::Spanned;

pub type S<T> = Spanned<T>;

/// One lexicon file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    pub language: Option<S<LanguageSpec>>,
    #[serde(default)]
    pub category: Vec<S<CategorySpec>>,
    #[serde(default)]
    pub set: Vec<S<SetSpec>>,
    #[serde(default)]
    pub rule: Vec<S<RuleSpec>>,
    #[serde(default)]
    pub topic: Vec<S<TopicSpec>>,
    #[serde(default)]
    pub disable: Vec<S<String>>,
}

/// Language data: what negation and detection need.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageSpec {
    pub code: S<String>,
    pub name: S<String>,
    /// Words that cancel a match when they come shortly before it.
    pub negators: Vec<S<String>>,
    /// Words that end a negator's reach ("als u niet betaalt *dan* ...").
    #[serde(default)]
    pub clause_breakers: Vec<S<String>>,
    /// How many words before a match are searched for a negator.
    pub negation_window: Option<S<u32>>,
    /// Function words used to detect the language of a conversation.
    pub stopwords: Vec<S<String>>,
}

/// A report category. Built-in categories are part of the output contract.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySpec {
    pub id: S<String>,
    pub label: S<String>,
    pub description: S<String>,
    /// Whose behaviour the category measures: `agent` or `customer`.
    pub subject: S<String>,
}

/// A named, reusable phrase set.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetSpec {
    pub id: S<String>,
    pub description: Option<S<String>>,
    /// Other sets whose phrases, patterns and exceptions this one includes
    /// (the filters - negation, question, ... - are this set's own).
    #[serde(default)]
    pub include: Vec<S<String>>,
    pub phrases: Option<Vec<S<String>>>,
    pub patterns: Option<Vec<S<String>>>,
    pub exceptions: Option<Vec<S<String>>>,
    pub exception_patterns: Option<Vec<S<String>>>,
    pub exception_scope: Option<S<String>>,
    pub negation: Option<S<bool>>,
    pub negation_window: Option<S<u32>>,
    pub skip_quoted: Option<S<bool>>,
    pub question: Option<S<String>>,
}

/// Phrases and patterns with the filters that apply to their matches, as
/// written in a set, a rule, a topic or a matcher. serde's `flatten` cannot be
/// combined with `deny_unknown_fields` (and loses spans), so each of those
/// types repeats the fields and lends them out through this view.
#[derive(Clone, Copy, Debug, Default)]
pub struct Terms<'a> {
    /// Literal phrases: case- and accent-insensitive, whole words; a leading
    /// or trailing `*` drops the word boundary on that side (`dreig*`).
    pub phrases: Option<&'a [S<String>]>,
    /// Regular expressions over normalised text.
    pub patterns: Option<&'a [S<String>]>,
    /// Phrases that cancel a match they overlap.
    pub exceptions: Option<&'a [S<String>]>,
    /// Patterns that cancel a match they overlap.
    pub exception_patterns: Option<&'a [S<String>]>,
    /// `"overlap"` (default): an exception cancels a match it overlaps;
    /// `"sentence"`: one anywhere in the match's sentence cancels it.
    pub exception_scope: Option<&'a S<String>>,
    /// Whether a negator shortly before a match cancels it (default true).
    pub negation: Option<&'a S<bool>>,
    /// Words searched for a negator (default: the language's).
    pub negation_window: Option<&'a S<u32>>,
    /// Ignore matches inside double quotes (reported speech).
    pub skip_quoted: Option<&'a S<bool>>,
    /// `"only"`: the match must be in a question; `"never"`: must not be.
    pub question: Option<&'a S<String>>,
}

macro_rules! lend_terms {
    ($($ty:ty),*) => {$(
        impl $ty {
            pub fn terms(&self) -> Terms<'_> {
                Terms {
                    phrases: self.phrases.as_deref(),
                    patterns: self.patterns.as_deref(),
                    exceptions: self.exceptions.as_deref(),
                    exception_patterns: self.exception_patterns.as_deref(),
                    exception_scope: self.exception_scope.as_ref(),
                    negation: self.negation.as_ref(),
                    negation_window: self.negation_window.as_ref(),
                    skip_quoted: self.skip_quoted.as_ref(),
                    question: self.question.as_ref(),
                }
            }
        }
    )*};
}

lend_terms!(SetSpec, TopicSpec, MatcherSpec, RuleSpec);

impl RuleSpec {
    /// The rule's matcher tables, `near` first (absent ones as `None`).
    pub fn matchers(&self) -> [Option<&S<MatcherSpec>>; 7] {
        [
            self.near.as_ref(),
            self.unless_after.as_ref(),
            self.after.as_ref(),
            self.when.as_ref(),
            self.before_any.as_ref(),
            self.trigger.as_ref(),
            self.requires.as_ref(),
        ]
    }
}

/// A matcher inside a rule: a speaker plus a set reference or inline terms,
/// plus the options of the place it is used in (validated per place).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatcherSpec {
    pub speaker: Option<S<String>>,
    pub set: Option<S<String>>,
    pub phrases: Option<Vec<S<String>>>,
    pub patterns: Option<Vec<S<String>>>,
    pub exceptions: Option<Vec<S<String>>>,
    pub exception_patterns: Option<Vec<S<String>>>,
    pub exception_scope: Option<S<String>>,
    pub negation: Option<S<bool>>,
    pub negation_window: Option<S<u32>>,
    pub skip_quoted: Option<S<bool>>,
    pub question: Option<S<String>>,
    /// `near`: maximum words between the rule's match and this one.
    pub within_words: Option<S<u32>>,
    /// `unless_after`, `requires`: how many turns to look back or ahead.
    pub within_turns: Option<S<u32>>,
    /// `requires`: `"within_turns"` (default when `within_turns` is set),
    /// `"after"`, `"before_closing"` or `"conversation"`.
    pub scope: Option<S<String>>,
    /// `requires` with `scope = "before_closing"`: what a closing turn says.
    pub closing: Option<Box<S<MatcherSpec>>>,
    /// `trigger`: conversations with one of these topics trigger the rule
    /// even without a phrase match. Compared with the export's own topic
    /// (and the topic id it is an alias of); a topic the topic lexicons
    /// assigned from the conversation's words does not trigger rules, so
    /// that one inference does not feed another.
    pub topics: Option<Vec<S<String>>>,
}

/// A rule of any type. Which fields are allowed depends on `type`; the
/// compiler rejects the others with a message naming the field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: S<String>,
    #[serde(rename = "type")]
    pub kind: Option<S<String>>,
    pub category: S<String>,
    pub severity: S<String>,
    pub speaker: Option<S<String>>,
    pub message: S<String>,
    pub why: S<String>,

    // type = "phrase"
    pub set: Option<S<String>>,
    pub phrases: Option<Vec<S<String>>>,
    pub patterns: Option<Vec<S<String>>>,
    pub exceptions: Option<Vec<S<String>>>,
    pub exception_patterns: Option<Vec<S<String>>>,
    pub exception_scope: Option<S<String>>,
    pub negation: Option<S<bool>>,
    pub negation_window: Option<S<u32>>,
    pub skip_quoted: Option<S<bool>>,
    pub question: Option<S<String>>,
    pub position: Option<S<PositionSpec>>,
    pub near: Option<S<MatcherSpec>>,
    pub unless_after: Option<S<MatcherSpec>>,
    pub escalate: Option<S<EscalateSpec>>,

    // type = "sequence"
    pub after: Option<S<MatcherSpec>>,
    pub when: Option<S<MatcherSpec>>,
    pub before_any: Option<S<MatcherSpec>>,
    pub window: Option<S<WindowSpec>>,
    pub explained_words: Option<S<u32>>,
    pub measures: Option<S<MeasuresSpec>>,

    // type = "conditional"
    pub trigger: Option<S<MatcherSpec>>,
    pub requires: Option<S<MatcherSpec>>,

    pub examples: Option<S<ExamplesSpec>>,
}

/// Where in the conversation a phrase rule applies. Exactly one key.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionSpec {
    pub first_turns: Option<S<u32>>,
    pub last_turns: Option<S<u32>>,
    pub first_seconds: Option<S<u32>>,
    pub last_seconds: Option<S<u32>>,
}

/// Raises a finding's severity when it comes early and unprovoked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalateSpec {
    pub severity: S<String>,
    pub first_turns: Option<S<u32>>,
    pub first_seconds: Option<S<u32>>,
    /// No escalation when a finding of this category came earlier.
    pub unless_after_category: Option<S<String>>,
}

/// How far after the trigger a sequence rule looks. At most one key; none
/// means the rest of the conversation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowSpec {
    pub turns: Option<S<u32>>,
    pub seconds: Option<S<u32>>,
}

/// Names under which a sequence rule reports its per-conversation measures.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuresSpec {
    /// Count of `before_any` matches (distinct sentences) before the first
    /// `when` match after the first trigger, counted from the start of the
    /// conversation.
    pub count_before: Option<S<String>>,
    /// Seconds from the trigger to the first `when` match.
    pub seconds_to_first: Option<S<String>>,
}

/// A rule's own examples: `bad` must fire the rule, `good` must not.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamplesSpec {
    #[serde(default)]
    pub bad: Vec<S<String>>,
    #[serde(default)]
    pub good: Vec<S<String>>,
}

/// A topic of the topic lexicon, with the contact moment it belongs to.
///
/// When an export has no topic, the phrases and patterns are matched against
/// the customer's first three turns and the topic with the most matches is
/// assigned (a tie goes to the topic defined first); see
/// `engine::topic`. Set `negation = false`: "geen factuur ontvangen" is
/// about billing all the same.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSpec {
    pub id: S<String>,
    pub label: S<String>,
    /// `promise`, `deliver` or `settle`.
    pub contact_moment: S<String>,
    /// Topic values in exports that mean this topic (case-insensitive).
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    pub phrases: Option<Vec<S<String>>>,
    pub patterns: Option<Vec<S<String>>>,
    pub exceptions: Option<Vec<S<String>>>,
    pub exception_patterns: Option<Vec<S<String>>>,
    pub exception_scope: Option<S<String>>,
    pub negation: Option<S<bool>>,
    pub negation_window: Option<S<u32>>,
    pub skip_quoted: Option<S<bool>>,
    pub question: Option<S<String>>,
}
