//! `convoscan lexicon try`: which rules fire on a sentence, and why.
//!
//! The explanation is computed by the library ([`trace::explain`]), from
//! the engine's own matching and decisions; this module only renders it.

use std::io::Read;
use std::path::Path;

use convoscan::engine::rules::{Blocked, Episode, TriggerOutcome};
use convoscan::engine::trace::{self, Explanation, HitTrace, Reason, RuleTrace, TermText, Verdict};
use convoscan::error::{Error, Location, Result};
use convoscan::lexicon::Lexicons;
use convoscan::lexicon::compiled::{RuleBody, RuleInfo};
use convoscan::lextest;
use convoscan::model::{Conversation, ConversationBuilder, Limits, Origin, Speaker};
use convoscan::text::normalize;
use convoscan::transcript;

use super::super::args::{LexiconTryArgs, SpeakerArg};
use super::super::config;
use super::{Status, count, print_warnings};

pub fn run(args: &LexiconTryArgs) -> Result<Status> {
    let choice = config::lexicon_choice(&args.lexicons);
    let compiled = convoscan::lexicon::load(&choice)?;
    print_warnings(&compiled.warnings, &choice);
    let lexicons = &compiled.lexicons;
    if let Some(prefix) = args
        .rule
        .iter()
        .find(|p| !lexicons.rules.iter().any(|r| r.id.starts_with(p.as_str())))
    {
        return Err(Error::usage(format!(
            "--rule {prefix}: no rule id starts with it (see `convoscan lexicon list`)"
        )));
    }
    let conversation = conversation(args)?;
    let (languages, how) = match &args.lang {
        Some(code) => match config::language_choice(code, lexicons)? {
            convoscan::engine::LanguageChoice::Fixed(index) => (vec![index], "--lang"),
            convoscan::engine::LanguageChoice::Auto => detect(&conversation, lexicons),
        },
        None => detect(&conversation, lexicons),
    };
    for (index, turn) in conversation.turns.iter().enumerate() {
        println!(
            "turn {index} ({}): {}",
            turn.speaker.as_str(),
            conversation.turn_text(index)
        );
    }
    for language in languages {
        let explanation = trace::explain(&conversation, lexicons, language);
        println!("\nlanguage: {} ({how})", lexicons.languages[language].code);
        render(&explanation, lexicons, args);
    }
    Ok(Status::Passed)
}

fn detect(conversation: &Conversation, lexicons: &Lexicons) -> (Vec<usize>, &'static str) {
    match lexicons.detector.detect(&normalize(&conversation.text)) {
        Some(index) => (vec![index], "detected"),
        None => (
            (0..lexicons.languages.len()).collect(),
            "undetermined: every language's rules",
        ),
    }
}

/// The conversation to try: a transcript, or one sentence by `--speaker`.
/// A customer's sentence gets an empty agent turn before it, as in
/// `lexicon test`, because conversations without an agent are not analysed.
fn conversation(args: &LexiconTryArgs) -> Result<Conversation> {
    if let Some(path) = &args.transcript {
        let text = read_text(path)?;
        return transcript::parse("try", &text).map_err(|e| Error::input(Location::file(path), e));
    }
    let text = args.text.as_deref().unwrap_or("").trim();
    if lextest::looks_like_transcript(text) {
        return transcript::parse("try", text)
            .map_err(|e| Error::usage(format!("the transcript: {e}")));
    }
    let speaker = match args.speaker {
        SpeakerArg::Agent => Speaker::Agent,
        SpeakerArg::Customer => Speaker::Customer,
    };
    let mut builder = ConversationBuilder::new("try", Origin::default(), Limits::default());
    if speaker != Speaker::Agent {
        builder.push_turn(Speaker::Agent, "...", None, 0);
    }
    builder.push_turn(speaker, text, None, 1);
    builder
        .finish()
        .map_err(|skip| Error::usage(format!("cannot try this text: {}", skip.detail)))
}

fn read_text(path: &Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::io("standard input", e))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

fn render(explanation: &Explanation, lexicons: &Lexicons, args: &LexiconTryArgs) {
    let wanted = |id: &str| args.rule.is_empty() || args.rule.iter().any(|p| id.starts_with(p));
    let mut fired = 0;
    let mut matched = 0;
    for rule in &explanation.rules {
        let info = &lexicons.rules[rule.rule];
        if !wanted(&info.id) {
            continue;
        }
        if rule.fired() {
            fired += 1;
        } else {
            matched += 1;
        }
        render_rule(rule, info, lexicons, explanation.language);
    }
    let silent: Vec<&str> = explanation
        .silent
        .iter()
        .map(|&i| &*lexicons.rules[i].id)
        .filter(|id| wanted(id))
        .collect();
    if !args.rule.is_empty() || args.all {
        for id in &silent {
            println!("\n{id}: no match");
        }
    }
    let hint = if silent.is_empty() || args.all || !args.rule.is_empty() {
        ""
    } else {
        " (--all lists them)"
    };
    println!(
        "\n{} fired, {} matched without firing, {} had no match{hint}",
        count(fired, "rule", "rules"),
        matched,
        silent.len()
    );
}

fn render_rule(rule: &RuleTrace, info: &RuleInfo, lexicons: &Lexicons, language: usize) {
    let verdict = if rule.fired() {
        "FIRES"
    } else {
        "does not fire"
    };
    println!(
        "\n{} ({} rule, {}): {verdict}",
        info.id,
        info.kind.as_str(),
        info.category
    );
    for finding in &rule.findings {
        println!(
            "  finding: turn {}, {}: {}",
            finding.turn,
            finding.severity.as_str(),
            finding.message
        );
    }
    for matcher in &rule.matchers {
        if matcher.hits.is_empty() {
            println!("  {}: no match", matcher.role.as_str());
            continue;
        }
        let speaker = matcher.speaker.map_or("any speaker", Speaker::as_str);
        println!("  {} ({speaker}):", matcher.role.as_str());
        for hit in &matcher.hits {
            println!("    {}", hit_line(hit));
        }
    }
    let body = lexicons.languages[language]
        .rules
        .iter()
        .find(|r| r.info == rule.rule)
        .map(|r| &r.body);
    for line in decisions(rule, info, body) {
        println!("  decision: {line}");
    }
}

fn term(term: &TermText) -> String {
    if term.pattern {
        format!("pattern '{}'", term.text)
    } else {
        format!("phrase \"{}\"", term.text)
    }
}

fn hit_line(hit: &HitTrace) -> String {
    let outcome = match &hit.cancelled {
        None => "counts".to_string(),
        Some(Reason::Speaker(speaker)) => {
            format!("not counted: spoken by the {}", speaker.as_str())
        }
        Some(Reason::Exception { words, term: t }) => format!(
            "cancelled by the exception \"{words}\"{}",
            t.as_ref()
                .map_or_else(String::new, |t| format!(" ({})", term(t)))
        ),
        Some(Reason::Negated { negator }) => format!("cancelled: negated by \"{negator}\""),
        Some(Reason::Quoted) => "cancelled: inside double quotes (skip_quoted)".to_string(),
        Some(Reason::NotAQuestion) => {
            "cancelled: not in a question (question = \"only\")".to_string()
        }
        Some(Reason::Question) => "cancelled: in a question (question = \"never\")".to_string(),
    };
    format!(
        "turn {}: \"{}\" by {} -> {outcome}",
        hit.turn,
        hit.words,
        term(&hit.term)
    )
}

fn from(trigger: Option<convoscan::engine::hits::Hit>) -> String {
    trigger.map_or_else(
        || "from the start".to_string(),
        |t| format!("trigger in turn {}", t.turn),
    )
}

/// The rule-level decisions, one line each.
fn decisions(rule: &RuleTrace, info: &RuleInfo, body: Option<&RuleBody>) -> Vec<String> {
    let mut lines: Vec<String> = rule
        .verdicts
        .iter()
        .map(|verdict| match *verdict {
            Verdict::Phrase { turn, blocked } => {
                let why = match blocked {
                    None => "fires".to_string(),
                    Some(Blocked::Speaker) => format!(
                        "not the {}'s turn",
                        info.speaker.map_or("rule's speaker", Speaker::as_str)
                    ),
                    Some(Blocked::Position) => "outside the rule's `position`".to_string(),
                    Some(Blocked::Cancelled) => "every match was cancelled".to_string(),
                    Some(Blocked::NotNear) => "no `near` match within reach".to_string(),
                    Some(Blocked::UnlessAfter(earlier)) => {
                        format!("`unless_after` matched in turn {earlier}")
                    }
                };
                format!("turn {turn}: {why}")
            }
            Verdict::Episode(episode) => match episode {
                Episode::Fired { trigger, when } => format!(
                    "{}; `when` in turn {} before any `before_any`: fires",
                    from(trigger),
                    when.turn
                ),
                Episode::Explored {
                    trigger,
                    when,
                    questions,
                } => format!(
                    "{}; {questions} `before_any` sentence(s) before the `when` in turn {}: no finding",
                    from(trigger),
                    when.turn
                ),
                Episode::Explained {
                    trigger,
                    when,
                    words,
                } => format!(
                    "{}; the customer had said {words} words before the `when` in turn {} (explained_words): no finding",
                    from(trigger),
                    when.turn
                ),
                Episode::OutsideWindow { trigger, when } => format!(
                    "{}; the next `when` (turn {}) is outside the window: no finding",
                    from(trigger),
                    when.turn
                ),
                Episode::NoWhen { trigger } => {
                    format!("{}; no `when` after it: no finding", from(trigger))
                }
            },
            Verdict::Trigger { turn, outcome } => match outcome {
                TriggerOutcome::Fired => {
                    format!("trigger in turn {turn}; no `requires` response in scope: fires")
                }
                TriggerOutcome::Answered(answer) => {
                    format!("trigger in turn {turn}; answered by `requires` in turn {answer}: no finding")
                }
                TriggerOutcome::TakenUpEarlier(answer) => {
                    format!("trigger in turn {turn}; already taken up in turn {answer}: no finding")
                }
            },
        })
        .collect();
    if lines.is_empty() {
        lines.push(match body {
            Some(RuleBody::Sequence(s)) if s.after.is_some() => {
                "no `after` match counted: no finding".to_string()
            }
            Some(RuleBody::Conditional(_)) => "no `trigger` match counted: no finding".to_string(),
            _ => "no match counted: no finding".to_string(),
        });
    }
    lines
}
