//! Compiling one rule (or topic) of a language: checking that it has the
//! fields its type needs and none that its type ignores, and turning its
//! matchers into compiled ones.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::error::Location;
use crate::lexicon::compile::{LanguageCompiler, Problems, Shared, is_identifier};
use crate::lexicon::compiled::*;
use crate::lexicon::load::{ParsedFile, Provenance};
use crate::lexicon::schema::{MatcherSpec, RuleSpec, S, TopicSpec};
use crate::model::{Severity, Speaker};
use crate::text::normalize;

/// Placeholders a rule message may use.
const PLACEHOLDERS: [&str; 3] = ["match", "trigger", "trigger_turn"];

/// The span of an optional field, for "not allowed here" errors.
trait FieldSpan {
    fn field_span(&self) -> Option<Option<Range<usize>>>;
}

impl<T> FieldSpan for Option<S<T>> {
    fn field_span(&self) -> Option<Option<Range<usize>>> {
        self.as_ref().map(|s| Some(s.span()))
    }
}

impl<T> FieldSpan for Option<Vec<S<T>>> {
    fn field_span(&self) -> Option<Option<Range<usize>>> {
        self.as_ref().map(|v| v.first().map(|s| s.span()))
    }
}

impl<T> FieldSpan for Option<Box<S<T>>> {
    fn field_span(&self) -> Option<Option<Range<usize>>> {
        self.as_ref().map(|s| Some(s.span()))
    }
}

/// Rejects each named field that is present: `forbid!(self, file, span, what, spec; a, b)`.
macro_rules! forbid {
    ($this:expr, $file:expr, $fallback:expr, $what:expr, $spec:expr; $($field:ident),+) => {
        $(
            if let Some(span) = $spec.$field.field_span() {
                $this.problems.error(
                    $file,
                    span.unwrap_or_else(|| $fallback.clone()),
                    format!("`{}` is not used {}", stringify!($field), $what),
                );
            }
        )+
    };
}

pub(crate) struct RuleCompiler<'c, 'f> {
    code: &'c str,
    lang: &'c mut LanguageCompiler<'f>,
    shared: &'c mut Shared,
    problems: &'c mut Problems,
    rules: Vec<CompiledRule>,
    ids: HashMap<String, (Location, Provenance)>,
    topic_matchers: Vec<(usize, u32)>,
}

impl<'c, 'f> RuleCompiler<'c, 'f> {
    pub fn new(
        code: &'c str,
        lang: &'c mut LanguageCompiler<'f>,
        shared: &'c mut Shared,
        problems: &'c mut Problems,
    ) -> Self {
        RuleCompiler {
            code,
            lang,
            shared,
            problems,
            rules: Vec::new(),
            ids: HashMap::new(),
            topic_matchers: Vec::new(),
        }
    }

    pub fn finish(self) -> (Vec<CompiledRule>, Vec<(usize, u32)>) {
        (self.rules, self.topic_matchers)
    }

    fn speaker(&mut self, file: &ParsedFile, value: &S<String>) -> Option<Option<Speaker>> {
        match value.get_ref().as_str() {
            "any" => Some(None),
            name => {
                match Speaker::from_canonical(name) {
                    Some(s) => Some(Some(s)),
                    None => {
                        self.problems.error(
                        file,
                        value.span(),
                        format!("speaker must be agent, customer, system, bot or any, not \"{name}\""),
                    );
                        None
                    }
                }
            }
        }
    }

    fn severity(&mut self, file: &ParsedFile, value: &S<String>) -> Option<Severity> {
        let severity = Severity::from_name(value.get_ref());
        if severity.is_none() {
            self.problems.error(
                file,
                value.span(),
                format!(
                    "severity must be low, medium or high, not \"{}\"",
                    value.get_ref()
                ),
            );
        }
        severity
    }

    fn positive(&mut self, file: &ParsedFile, value: &S<u32>, what: &str) -> u32 {
        let v = *value.get_ref();
        if v == 0 {
            self.problems
                .error(file, value.span(), format!("{what} must be at least 1"));
        }
        v
    }

    pub fn compile_rule(
        &mut self,
        file: &'f ParsedFile,
        rule: &'f S<RuleSpec>,
        disabled: &BTreeMap<String, (usize, Range<usize>)>,
    ) {
        let header = rule.span();
        let spec = rule.get_ref();
        let id = spec.id.get_ref();
        let provenance = file.source.provenance;
        if provenance == Provenance::BuiltIn && disabled.contains_key(id) {
            self.shared.disabled_used.insert(id.clone());
            return;
        }
        if !is_identifier(id) {
            self.problems.error(
                file,
                spec.id.span(),
                format!("rule id `{id}` must be lowercase letters, digits and . _ - (e.g. threat.legal_action)"),
            );
            return;
        }
        let location = file.location(spec.id.span());
        if let Some((first, first_provenance)) = self.ids.get(id) {
            let hint = if *first_provenance == Provenance::BuiltIn {
                format!(
                    "; to replace the built-in rule, add `disable = [\"{id}\"]` to your lexicon"
                )
            } else {
                String::new()
            };
            self.problems.error(
                file,
                spec.id.span(),
                format!(
                    "duplicate rule id `{id}` in `{}` (first defined at {first}){hint}",
                    self.code
                ),
            );
            return;
        }
        self.ids.insert(id.clone(), (location.clone(), provenance));

        let kind = match spec.kind.as_ref().map(|k| k.get_ref().as_str()) {
            None | Some("phrase") => RuleKind::Phrase,
            Some("sequence") => RuleKind::Sequence,
            Some("conditional") => RuleKind::Conditional,
            Some(other) => {
                let span = spec.kind.as_ref().map_or(header.clone(), |k| k.span());
                self.problems.error(
                    file,
                    span,
                    format!("type must be phrase, sequence or conditional, not \"{other}\""),
                );
                return;
            }
        };
        let category_id = spec.category.get_ref();
        let Some(category) = self
            .shared
            .categories
            .iter()
            .find(|c| &*c.id == category_id)
            .cloned()
        else {
            let known: Vec<&str> = self.shared.categories.iter().map(|c| &*c.id).collect();
            self.problems.error(
                file,
                spec.category.span(),
                format!(
                    "unknown category `{category_id}` (declared: {}); declare new categories in categories.toml",
                    known.join(", ")
                ),
            );
            return;
        };
        if let Some(other) = self
            .shared
            .rules
            .iter()
            .find(|r| &*r.id == id && r.category != category.id)
        {
            self.problems.error(
                file,
                spec.category.span(),
                format!(
                    "rule `{id}` has category `{}` in `{}` but `{category_id}` here; one id means one rule in every language",
                    other.category, other.language
                ),
            );
        }
        let severity = self.severity(file, &spec.severity);
        self.check_text(file, &spec.message, "message", true);
        self.check_text(file, &spec.why, "why", false);

        let speaker = match (&spec.speaker, kind) {
            (Some(s), RuleKind::Phrase) => self.speaker(file, s).unwrap_or(None),
            (Some(s), _) => {
                self.problems.error(
                    file,
                    s.span(),
                    "`speaker` of sequence and conditional rules is set on their matchers",
                );
                None
            }
            (None, RuleKind::Phrase) => Some(category.subject),
            (None, _) => None,
        };
        let body = match kind {
            RuleKind::Phrase => self.phrase_rule(file, &header, spec, speaker),
            RuleKind::Sequence => self.sequence_rule(file, &header, spec),
            RuleKind::Conditional => self.conditional_rule(file, &header, spec),
        };
        let (Some(body), Some(severity)) = (body, severity) else {
            return;
        };
        let reported_speaker = match &body {
            RuleBody::Phrase(_) => speaker,
            RuleBody::Sequence(s) => self.lang.matchers[s.when as usize].speaker,
            RuleBody::Conditional(c) => self.lang.matchers[c.trigger as usize].speaker,
        };
        let examples = self.examples(file, spec);
        self.shared.rules.push(RuleInfo {
            id: id.as_str().into(),
            kind,
            category: category.id.clone(),
            severity,
            speaker: reported_speaker,
            message: spec.message.get_ref().trim().into(),
            why: spec.why.get_ref().trim().into(),
            language: self.code.into(),
            location,
            examples,
            builtin: provenance == Provenance::BuiltIn,
        });
        self.rules.push(CompiledRule {
            info: self.shared.rules.len() - 1,
            body,
        });
    }

    fn check_text(&mut self, file: &ParsedFile, text: &S<String>, what: &str, template: bool) {
        if text.get_ref().trim().is_empty() {
            self.problems
                .error(file, text.span(), format!("`{what}` is empty"));
            return;
        }
        if !template {
            return;
        }
        let mut rest = text.get_ref().as_str();
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                self.problems
                    .error(file, text.span(), format!("`{what}` has an unclosed `{{`"));
                return;
            };
            let name = &after[..close];
            if !PLACEHOLDERS.contains(&name) {
                self.problems.error(
                    file,
                    text.span(),
                    format!("unknown placeholder `{{{name}}}` in `{what}` (use {{match}}, {{trigger}} or {{trigger_turn}})"),
                );
            }
            rest = &after[close + 1..];
        }
    }

    fn examples(&mut self, file: &ParsedFile, spec: &RuleSpec) -> Vec<Example> {
        let Some(examples) = &spec.examples else {
            return Vec::new();
        };
        let examples = examples.get_ref();
        let all = examples
            .bad
            .iter()
            .map(|e| (e, true))
            .chain(examples.good.iter().map(|e| (e, false)));
        let mut out = Vec::new();
        for (text, should_fire) in all {
            if text.get_ref().trim().is_empty() {
                self.problems.error(file, text.span(), "empty example");
                continue;
            }
            out.push(Example {
                text: text.get_ref().clone(),
                should_fire,
                location: file.location(text.span()),
            });
        }
        out
    }

    /// Compiles a matcher written inside a rule (`near`, `after`, ...).
    fn inner_matcher(
        &mut self,
        file: &ParsedFile,
        spec: &S<MatcherSpec>,
        default_speaker: Option<Speaker>,
    ) -> Option<u32> {
        let speaker = match &spec.get_ref().speaker {
            Some(s) => self.speaker(file, s)?,
            None => default_speaker,
        };
        let inner = spec.get_ref();
        let no_terms = inner.set.is_none() && inner.phrases.is_none() && inner.patterns.is_none();
        if no_terms && inner.topics.is_some() {
            // A topic-only trigger: an empty phrase list that never matches.
            let list = self.lang.builder.new_list();
            self.lang.matchers.push(Matcher {
                list,
                exceptions: None,
                exception_scope: ExceptionScope::Overlap,
                negation_window: None,
                skip_quoted: false,
                question: None,
                speaker,
            });
            return Some(self.lang.matchers.len() as u32 - 1);
        }
        self.lang.matcher(
            file,
            spec.span(),
            inner.set.as_ref(),
            inner.terms(),
            speaker,
            self.problems,
        )
    }

    fn phrase_rule(
        &mut self,
        file: &ParsedFile,
        header: &Range<usize>,
        spec: &RuleSpec,
        speaker: Option<Speaker>,
    ) -> Option<RuleBody> {
        let what = "by phrase rules (set type = \"sequence\" or \"conditional\")";
        forbid!(self, file, header, what, spec; after, when, before_any, window, explained_words, measures, trigger, requires);
        let matcher = self.lang.matcher(
            file,
            header.clone(),
            spec.set.as_ref(),
            spec.terms(),
            speaker,
            self.problems,
        )?;
        let position = spec.position.as_ref().and_then(|p| {
            let pos = p.get_ref();
            let keys = [
                pos.first_turns.as_ref().map(|v| (Position::FirstTurns as fn(u32) -> Position, v)),
                pos.last_turns.as_ref().map(|v| (Position::LastTurns as fn(u32) -> Position, v)),
                pos.first_seconds.as_ref().map(|v| (Position::FirstSeconds as fn(u32) -> Position, v)),
                pos.last_seconds.as_ref().map(|v| (Position::LastSeconds as fn(u32) -> Position, v)),
            ];
            let given: Vec<_> = keys.into_iter().flatten().collect();
            if given.len() != 1 {
                self.problems.error(
                    file,
                    p.span(),
                    "position takes exactly one of first_turns, last_turns, first_seconds, last_seconds",
                );
                return None;
            }
            let (make, value) = given[0];
            Some(make(self.positive(file, value, "position")))
        });
        let near = match &spec.near {
            Some(near) => {
                let inner = near.get_ref();
                let what = "in `near` (it looks in the same turn)";
                forbid!(self, file, near.span(), what, inner; speaker, within_turns, scope, closing, topics);
                let Some(words) = &inner.within_words else {
                    self.problems
                        .error(file, near.span(), "`near` needs `within_words`");
                    return None;
                };
                let words = self.positive(file, words, "within_words");
                Some((self.inner_matcher(file, near, None)?, words))
            }
            None => None,
        };
        let unless_after = match &spec.unless_after {
            Some(context) => {
                let inner = context.get_ref();
                let what = "in `unless_after`";
                forbid!(self, file, context.span(), what, inner; within_words, scope, closing, topics);
                let Some(turns) = &inner.within_turns else {
                    self.problems.error(
                        file,
                        context.span(),
                        "`unless_after` needs `within_turns`",
                    );
                    return None;
                };
                let turns = self.positive(file, turns, "within_turns");
                Some((self.inner_matcher(file, context, None)?, turns))
            }
            None => None,
        };
        let escalate = match &spec.escalate {
            Some(esc) => {
                let e = esc.get_ref();
                let severity = self.severity(file, &e.severity)?;
                if e.first_turns.is_none() && e.first_seconds.is_none() {
                    self.problems.error(
                        file,
                        esc.span(),
                        "`escalate` needs first_turns and/or first_seconds",
                    );
                }
                let unless = e.unless_after_category.as_ref().map(|c| {
                    if !self
                        .shared
                        .categories
                        .iter()
                        .any(|k| *k.id == **c.get_ref())
                    {
                        self.problems.error(
                            file,
                            c.span(),
                            format!("unknown category `{}`", c.get_ref()),
                        );
                    }
                    c.get_ref().as_str().into()
                });
                Some(Escalation {
                    severity,
                    first_turns: e
                        .first_turns
                        .as_ref()
                        .map(|v| self.positive(file, v, "first_turns")),
                    first_seconds: e
                        .first_seconds
                        .as_ref()
                        .map(|v| self.positive(file, v, "first_seconds")),
                    unless_after_category: unless,
                })
            }
            None => None,
        };
        Some(RuleBody::Phrase(PhraseRule {
            matcher,
            position,
            near,
            unless_after,
            escalate,
        }))
    }

    fn forbid_phrase_fields(
        &mut self,
        file: &ParsedFile,
        header: &Range<usize>,
        spec: &RuleSpec,
        kind: &str,
    ) {
        let what = format!("by {kind} rules (their matchers carry phrases and filters)");
        forbid!(self, file, header, what, spec; set, phrases, patterns, exceptions, exception_patterns, exception_scope, negation, negation_window, skip_quoted, question, position, near, unless_after, escalate);
    }

    fn plain_matcher(
        &mut self,
        file: &ParsedFile,
        spec: &S<MatcherSpec>,
        name: &str,
    ) -> Option<u32> {
        let what = format!("in `{name}`");
        let inner = spec.get_ref();
        forbid!(self, file, spec.span(), what, inner; within_words, within_turns, scope, closing, topics);
        self.inner_matcher(file, spec, None)
    }

    fn sequence_rule(
        &mut self,
        file: &ParsedFile,
        header: &Range<usize>,
        spec: &RuleSpec,
    ) -> Option<RuleBody> {
        self.forbid_phrase_fields(file, header, spec, "sequence");
        let what = "by sequence rules";
        forbid!(self, file, header, what, spec; trigger, requires);
        let after = match &spec.after {
            Some(m) => Some(self.plain_matcher(file, m, "after")?),
            None => None,
        };
        let (Some(when), Some(before_any)) = (&spec.when, &spec.before_any) else {
            self.problems.error(
                file,
                header.clone(),
                "a sequence rule needs `when` and `before_any`",
            );
            return None;
        };
        let when = self.plain_matcher(file, when, "when")?;
        let before_any = self.plain_matcher(file, before_any, "before_any")?;
        let window = match &spec.window {
            None => Window::Rest,
            Some(w) => match (&w.get_ref().turns, &w.get_ref().seconds) {
                (Some(t), None) => Window::Turns(self.positive(file, t, "window.turns")),
                (None, Some(s)) => Window::Seconds(self.positive(file, s, "window.seconds")),
                _ => {
                    self.problems.error(
                        file,
                        w.span(),
                        "window takes exactly one of `turns` or `seconds`",
                    );
                    return None;
                }
            },
        };
        let measure = |value: &Option<S<String>>, this: &mut Self| -> Option<usize> {
            let name = value.as_ref()?;
            if !is_identifier(name.get_ref()) || name.get_ref().contains(['.', '-']) {
                this.problems
                    .error(file, name.span(), "measure names are snake_case");
                return None;
            }
            Some(this.shared.measure(name.get_ref()))
        };
        let (count_before, seconds_to_first) = match &spec.measures {
            Some(m) => (
                measure(&m.get_ref().count_before, self),
                measure(&m.get_ref().seconds_to_first, self),
            ),
            None => (None, None),
        };
        Some(RuleBody::Sequence(SequenceRule {
            after,
            when,
            before_any,
            window,
            explained_words: spec
                .explained_words
                .as_ref()
                .map(|v| self.positive(file, v, "explained_words")),
            count_before,
            seconds_to_first,
        }))
    }

    fn conditional_rule(
        &mut self,
        file: &ParsedFile,
        header: &Range<usize>,
        spec: &RuleSpec,
    ) -> Option<RuleBody> {
        self.forbid_phrase_fields(file, header, spec, "conditional");
        let what = "by conditional rules";
        forbid!(self, file, header, what, spec; after, when, before_any, window, explained_words, measures);
        let (Some(trigger), Some(requires)) = (&spec.trigger, &spec.requires) else {
            self.problems.error(
                file,
                header.clone(),
                "a conditional rule needs `trigger` and `requires`",
            );
            return None;
        };
        let t = trigger.get_ref();
        forbid!(self, file, trigger.span(), "in `trigger`", t; within_words, within_turns, scope, closing);
        let topics: Vec<String> = t
            .topics
            .iter()
            .flatten()
            .map(|topic| normalize(topic.get_ref()))
            .collect();
        let trigger_matcher = self.inner_matcher(file, trigger, None)?;
        let r = requires.get_ref();
        forbid!(self, file, requires.span(), "in `requires`", r; within_words, topics);
        let scope_name = r.scope.as_ref().map(|s| s.get_ref().as_str());
        let scope = match (scope_name, &r.within_turns) {
            (None | Some("within_turns"), Some(turns)) => {
                Scope::WithinTurns(self.positive(file, turns, "within_turns"))
            }
            (Some("after"), None) => Scope::After,
            (Some("before_closing"), None) => Scope::BeforeClosing,
            (Some("conversation"), None) => Scope::Conversation,
            (None | Some("within_turns"), None) => {
                self.problems.error(
                    file,
                    requires.span(),
                    "`requires` needs `within_turns` or a `scope`",
                );
                return None;
            }
            (Some(other @ ("after" | "before_closing" | "conversation")), Some(_)) => {
                self.problems.error(
                    file,
                    requires.span(),
                    format!("`within_turns` does not apply to scope \"{other}\""),
                );
                return None;
            }
            (Some(other), _) => {
                let span = r.scope.as_ref().map_or(requires.span(), |s| s.span());
                self.problems.error(
                    file,
                    span,
                    format!("scope must be within_turns, after, before_closing or conversation, not \"{other}\""),
                );
                return None;
            }
        };
        let closing = match (&r.closing, scope) {
            (Some(c), Scope::BeforeClosing) => Some(self.plain_matcher(file, c, "closing")?),
            (None, Scope::BeforeClosing) => {
                self.problems.error(
                    file,
                    requires.span(),
                    "scope \"before_closing\" needs a `closing` matcher",
                );
                return None;
            }
            (Some(c), _) => {
                self.problems.error(
                    file,
                    c.span(),
                    "`closing` only applies to scope \"before_closing\"",
                );
                return None;
            }
            (None, _) => None,
        };
        let requires_matcher = self.inner_matcher(file, requires, None)?;
        Some(RuleBody::Conditional(ConditionalRule {
            trigger: trigger_matcher,
            topics,
            requires: requires_matcher,
            scope,
            closing,
        }))
    }

    pub fn compile_topic(&mut self, file: &ParsedFile, topic: &S<TopicSpec>) {
        let spec = topic.get_ref();
        let id = spec.id.get_ref();
        if !is_identifier(id) || id.contains(['.', '-']) {
            self.problems.error(
                file,
                spec.id.span(),
                format!("topic id `{id}` must be snake_case"),
            );
            return;
        }
        let moment = match spec.contact_moment.get_ref().as_str() {
            "promise" => ContactMoment::Promise,
            "deliver" => ContactMoment::Deliver,
            "settle" => ContactMoment::Settle,
            other => {
                self.problems.error(
                    file,
                    spec.contact_moment.span(),
                    format!("contact_moment must be promise, deliver or settle, not \"{other}\""),
                );
                return;
            }
        };
        let aliases: Vec<String> = spec
            .aliases
            .iter()
            .map(|a| normalize(a.get_ref()))
            .collect();
        let index = match self.shared.topics.iter().position(|t| &*t.id == id) {
            Some(i) => {
                if self.shared.topics[i].contact_moment != moment {
                    self.problems.error(
                        file,
                        spec.contact_moment.span(),
                        format!("topic `{id}` has another contact moment in another language"),
                    );
                }
                if self.topic_matchers.iter().any(|(t, _)| *t == i) {
                    self.problems.error(
                        file,
                        spec.id.span(),
                        format!(
                            "topic `{id}` is defined twice in `{}` (to change the built-in topics, put your own topics.toml in a lexicon directory and use `--lexicons DIR`: its topics replace the built-in ones of that language)",
                            self.code
                        ),
                    );
                    return;
                }
                self.shared.topics[i].aliases.extend(aliases);
                i
            }
            None => {
                self.shared.topics.push(TopicInfo {
                    id: id.as_str().into(),
                    label: spec.label.get_ref().clone(),
                    contact_moment: moment,
                    aliases,
                });
                self.shared.topics.len() - 1
            }
        };
        if (spec.phrases.is_some() || spec.patterns.is_some())
            && let Some(m) =
                self.lang
                    .matcher(file, topic.span(), None, spec.terms(), None, self.problems)
        {
            self.topic_matchers.push((index, m));
        }
    }
}
