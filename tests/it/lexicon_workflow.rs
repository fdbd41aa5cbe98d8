//! The library side of the lexicon workflow: explanations (`lexicon try`)
//! agree with the engine and name the right reasons, lints find what they
//! claim and nothing else, JUnit output is well-formed, thresholds and
//! coverage decide correctly, and custom categories load.

use std::collections::BTreeSet;
use std::path::Path;

use convoscan::engine::rules::{Blocked, Episode, TriggerOutcome};
use convoscan::engine::trace::{self, Explanation, Reason, RuleTrace, Verdict};
use convoscan::lexicon::compiled::{Lexicons, RuleBody};
use convoscan::lexicon::{LexiconChoice, Lint, load};
use convoscan::lextest::gates::{self, Threshold, Thresholds};
use convoscan::lextest::{self, junit};
use convoscan::model::Conversation;

use crate::common::{compile, lexicons};

fn conversation(transcript: &str) -> Conversation {
    convoscan::transcript::parse("t", transcript).expect("transcript")
}

fn explain(lexicons: &Lexicons, transcript: &str) -> Explanation {
    let nl = lexicons.language("nl").expect("nl");
    trace::explain(&conversation(transcript), lexicons, nl)
}

fn rule<'e>(explanation: &'e Explanation, lexicons: &Lexicons, id: &str) -> &'e RuleTrace {
    explanation
        .rules
        .iter()
        .find(|r| &*lexicons.rules[r.rule].id == id)
        .unwrap_or_else(|| panic!("no trace for {id}: {explanation:#?}"))
}

fn reasons(trace: &RuleTrace) -> Vec<Option<Reason>> {
    trace
        .matchers
        .iter()
        .flat_map(|m| m.hits.iter().map(|h| h.cancelled.clone()))
        .collect()
}

const THREAT: &str = r#"
[[rule]]
id = "threat.legal"
category = "threat"
severity = "medium"
message = "m"
why = "w"
phrases = ["naar de rechter", "deurwaarder*"]
patterns = ['\bjuridische stappen\b']
exceptions = ["geen juridische stappen"]
skip_quoted = true
question = "never"

[[rule]]
id = "threat.early"
category = "threat"
severity = "low"
message = "m"
why = "w"
phrases = ["incasso"]
position = { first_turns = 2 }

[[rule]]
id = "threat.near"
category = "threat"
severity = "low"
message = "m"
why = "w"
phrases = ["afsluiten"]
near = { phrases = ["als u niet betaalt"], within_words = 2 }

[[rule]]
id = "threat.provoked"
category = "threat"
severity = "low"
message = "m"
why = "w"
phrases = ["advocaat"]
unless_after = { speaker = "customer", phrases = ["advocaat"], within_turns = 2 }
"#;

#[test]
fn explanations_name_the_filter_that_cancelled_each_match() {
    let lex = lexicons(&[("nl/r.toml", THREAT)]);
    let e = explain(
        &lex,
        "klant: hallo\nagent: We nemen geen juridische stappen en gaan niet naar de rechter, maar de deurwaarders komen.",
    );
    let legal = rule(&e, &lex, "threat.legal");
    assert!(legal.fired());
    let found = reasons(legal);
    assert!(
        found.contains(&Some(Reason::Negated {
            negator: "niet".into()
        })),
        "{found:?}"
    );
    assert!(
        found.iter().any(|r| matches!(r, Some(Reason::Exception { words, .. }) if words == "geen juridische stappen")),
        "{found:?}"
    );
    assert!(found.contains(&None), "the wildcard match counts");
    let words: Vec<&str> = legal.matchers[0]
        .hits
        .iter()
        .map(|h| h.words.as_str())
        .collect();
    assert!(words.contains(&"deurwaarders"), "{words:?}");

    let e = explain(
        &lex,
        "klant: Gaan jullie naar de rechter?\nagent: Hij zei \"we gaan naar de rechter\". Gaan we naar de rechter? Nee.",
    );
    let legal = rule(&e, &lex, "threat.legal");
    assert!(!legal.fired());
    let found = reasons(legal);
    assert!(found.contains(&Some(Reason::Speaker(convoscan::model::Speaker::Customer))));
    assert!(found.contains(&Some(Reason::Quoted)));
    assert!(found.contains(&Some(Reason::Question)));
}

#[test]
fn explanations_give_the_phrase_rule_decision_per_turn() {
    let lex = lexicons(&[("nl/r.toml", THREAT)]);
    let e = explain(
        &lex,
        "klant: Ik neem een advocaat.\nagent: Dan gaat het naar incasso.\nklant: Mijn advocaat belt u.\nagent: Dan gaat het naar incasso. Uw advocaat mag bellen. We gaan afsluiten, tenzij u nu, als u niet betaalt.",
    );
    let verdicts = |id: &str| rule(&e, &lex, id).verdicts.clone();
    assert_eq!(
        verdicts("threat.early"),
        vec![
            Verdict::Phrase {
                turn: 1,
                blocked: None
            },
            Verdict::Phrase {
                turn: 3,
                blocked: Some(Blocked::Position)
            }
        ]
    );
    assert_eq!(
        verdicts("threat.near"),
        vec![Verdict::Phrase {
            turn: 3,
            blocked: Some(Blocked::NotNear)
        }]
    );
    assert_eq!(
        verdicts("threat.provoked"),
        vec![
            Verdict::Phrase {
                turn: 0,
                blocked: Some(Blocked::Speaker)
            },
            Verdict::Phrase {
                turn: 2,
                blocked: Some(Blocked::Speaker)
            },
            Verdict::Phrase {
                turn: 3,
                blocked: Some(Blocked::UnlessAfter(2))
            }
        ],
        "the customer's own word in the turn before makes the agent's neutral"
    );
}

const TYPES: &str = r#"
[[rule]]
id = "jumping_to_conclusions.t"
type = "sequence"
category = "jumping_to_conclusions"
severity = "low"
message = "m"
why = "w"
after = { speaker = "customer", phrases = ["kapot"] }
when = { speaker = "agent", phrases = ["ik stuur"] }
before_any = { speaker = "agent", patterns = ['\bwat\b[^?]*\?'] }

[[rule]]
id = "missed_root_cause.t"
type = "conditional"
category = "missed_root_cause"
severity = "high"
message = "m"
why = "w"
trigger = { speaker = "customer", phrases = ["overleden"] }
requires = { speaker = "agent", phrases = ["gecondoleerd"], within_turns = 2 }
"#;

#[test]
fn explanations_follow_sequence_episodes_and_conditional_triggers() {
    let lex = lexicons(&[("nl/r.toml", TYPES)]);
    let e = explain(
        &lex,
        "klant: Mijn tv is kapot.\nagent: Wat ziet u?\nklant: Niets. Mijn vader is overleden.\nagent: Gecondoleerd. Ik stuur een monteur.",
    );
    let sequence = rule(&e, &lex, "jumping_to_conclusions.t");
    assert!(!sequence.fired());
    assert!(
        matches!(
            sequence.verdicts.as_slice(),
            [Verdict::Episode(Episode::Explored { questions: 1, when, .. })] if when.turn == 3
        ),
        "{:?}",
        sequence.verdicts
    );
    let conditional = rule(&e, &lex, "missed_root_cause.t");
    assert_eq!(
        conditional.verdicts,
        vec![Verdict::Trigger {
            turn: 2,
            outcome: TriggerOutcome::Answered(3)
        }]
    );

    let e = explain(
        &lex,
        "klant: Mijn tv is kapot en mijn vader is overleden.\nagent: Ik stuur een monteur.",
    );
    assert!(rule(&e, &lex, "jumping_to_conclusions.t").fired());
    let conditional = rule(&e, &lex, "missed_root_cause.t");
    assert!(conditional.fired());
    assert_eq!(
        conditional.verdicts,
        vec![Verdict::Trigger {
            turn: 0,
            outcome: TriggerOutcome::Fired
        }]
    );
    let e = explain(&lex, "klant: Hallo.\nagent: Goedemiddag.");
    assert!(e.rules.is_empty());
    assert_eq!(e.silent.len(), 2);
}

/// The turns where the explanation says a rule fires.
fn explained_turns(trace: &RuleTrace) -> BTreeSet<u32> {
    trace
        .verdicts
        .iter()
        .filter_map(|v| match *v {
            Verdict::Phrase {
                turn,
                blocked: None,
            } => Some(turn),
            Verdict::Episode(Episode::Fired { when, .. }) => Some(when.turn),
            Verdict::Trigger {
                turn,
                outcome: TriggerOutcome::Fired,
            } => Some(turn),
            _ => None,
        })
        .collect()
}

fn assert_explanation_agrees(lexicons: &Lexicons, conversation: &Conversation, language: usize) {
    let e = trace::explain(conversation, lexicons, language);
    for trace in &e.rules {
        let found: BTreeSet<u32> = trace.findings.iter().map(|f| f.turn).collect();
        let info = &lexicons.rules[trace.rule];
        assert_eq!(
            explained_turns(trace),
            found,
            "{} on {}: {:#?}",
            info.id,
            conversation.id,
            trace.verdicts
        );
    }
    for &silent in &e.silent {
        let id = &lexicons.rules[silent].id;
        let engine = convoscan::engine::analyze(
            conversation,
            lexicons,
            &convoscan::engine::AnalysisOptions {
                language: convoscan::engine::LanguageChoice::Fixed(language),
                redact: false,
            },
            &mut convoscan::engine::Scratch::default(),
        );
        let fired = engine
            .analysis()
            .is_some_and(|a| a.findings.iter().any(|f| f.rule == *id));
        assert!(
            !fired,
            "{id} fired on {} but nothing matched",
            conversation.id
        );
    }
}

#[test]
fn explanations_agree_with_the_engine_on_every_builtin_example_and_fixture() {
    let compiled = load(&LexiconChoice::BuiltIn).expect("built-in lexicons");
    let lexicons = &compiled.lexicons;
    let mut checked = 0;
    for info in &lexicons.rules {
        let language = lexicons.language(&info.language).expect("language");
        for example in &info.examples {
            let conversation = lextest::example_conversation(info, example).expect("example");
            assert_explanation_agrees(lexicons, &conversation, language);
            checked += 1;
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lexicon");
    for path in lextest::fixtures::fixture_files(&root).expect("fixtures") {
        let code = path
            .strip_prefix(&root)
            .ok()
            .and_then(|p| p.components().next())
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let language = lexicons.language(&code).expect("fixture language");
        for conversation in crate::common::read(&path).expect("fixture").conversations() {
            assert_explanation_agrees(lexicons, conversation, language);
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
    // Phrase rules are covered by the hand-written lexicon above; the
    // built-ins exercise sequences and conditionals on real material.
    assert!(
        lexicons
            .languages
            .iter()
            .flat_map(|l| &l.rules)
            .any(|r| matches!(r.body, RuleBody::Sequence(_)))
    );
}

fn lint_messages(files: &[(&str, &str)], lint: Lint) -> Vec<String> {
    compile(files)
        .warnings
        .iter()
        .filter(|w| w.lint == lint)
        .map(ToString::to_string)
        .collect()
}

fn phrase_rule(phrases: &str, extra: &str) -> String {
    format!(
        "[[rule]]\nid = \"threat.x\"\ncategory = \"threat\"\nseverity = \"low\"\nmessage = \"m\"\nwhy = \"w\"\nphrases = [{phrases}]\n{extra}\n[rule.examples]\nbad = [\"a\"]\ngood = [\"b\"]\n"
    )
}

#[test]
fn shadowed_phrases_are_found_where_the_longer_one_adds_nothing() {
    let shadowed =
        |phrases: &str| lint_messages(&[("nl/r.toml", &phrase_rule(phrases, ""))], Lint::Shadowed);
    let found = shadowed("\"naar de rechter\", \"rechter\"");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("`naar de rechter` adds no match: `rechter`"),
        "{found:?}"
    );
    assert_eq!(
        shadowed("\"rechterlijk\", \"rechter\""),
        Vec::<String>::new()
    );
    assert_eq!(shadowed("\"rechterlijk\", \"rechter*\"").len(), 1);
    assert!(
        shadowed("\"*rechter\", \"rechter\"")[0].contains("`rechter` adds no match: `*rechter`")
    );
    assert_eq!(
        shadowed("\"kantonrechter\", \"*rechter\"").len(),
        1,
        "a left wildcard covers the end of a word"
    );
    // A negator inside the longer phrase: the shorter one is negated by it.
    assert_eq!(
        shadowed("\"niet betaald\", \"betaald\""),
        Vec::<String>::new()
    );
    // The question filter looks after the match.
    assert_eq!(
        shadowed("\"wat is er gebeurd?\", \"wat is er\""),
        Vec::<String>::new()
    );
    // With `near`, the longer match can be the closer one.
    let near = phrase_rule(
        "\"naar de rechter\", \"rechter\"",
        "near = { phrases = [\"betaalt\"], within_words = 1 }",
    );
    assert_eq!(
        lint_messages(&[("nl/r.toml", &near)], Lint::Shadowed),
        Vec::<String>::new()
    );
    // Across an included set.
    let sets = "[[set]]\nid = \"a\"\nphrases = [\"naar de rechter\"]\ninclude = [\"b\"]\n\n[[set]]\nid = \"b\"\nphrases = [\"rechter\"]\n\n"
        .to_string()
        + &phrase_rule("\"x\"", "").replace("phrases = [\"x\"]", "set = \"a\"");
    let found = lint_messages(&[("nl/r.toml", &sets)], Lint::Shadowed);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn unmatchable_regex_like_and_badly_spaced_terms_are_reported() {
    let text = phrase_rule(
        "\"\\\\bdeurwaarder\", \"rechter *\", \"gewoon\"",
        "patterns = ['incasso\\tbureau', 'naar  de', 'naar(\\t| )de']",
    );
    let files = [("nl/r.toml", text.as_str())];
    let unmatchable = lint_messages(&files, Lint::Unmatchable);
    assert_eq!(unmatchable.len(), 2, "{unmatchable:?}");
    assert!(unmatchable[0].contains("a tab"), "{unmatchable:?}");
    assert!(unmatchable[1].contains("two spaces"), "{unmatchable:?}");
    let regex = lint_messages(&files, Lint::RegexInPhrase);
    assert_eq!(regex.len(), 1, "{regex:?}");
    let spacing = lint_messages(&files, Lint::WildcardSpace);
    assert!(
        spacing[0].contains("`rechter *` is read as `rechter*`"),
        "{spacing:?}"
    );
}

#[test]
fn rules_without_both_kinds_of_examples_are_reported() {
    let no_good = phrase_rule("\"rechter\"", "").replace("good = [\"b\"]\n", "");
    let found = lint_messages(&[("nl/r.toml", &no_good)], Lint::MissingExamples);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("no `good` examples"), "{found:?}");
    let none = phrase_rule("\"rechter\"", "")
        .replace("[rule.examples]\nbad = [\"a\"]\ngood = [\"b\"]\n", "");
    assert!(
        lint_messages(&[("nl/r.toml", &none)], Lint::MissingExamples)[0].contains("no examples")
    );
}

#[test]
fn builtin_lexicons_pass_lexicon_check_with_fixture_coverage() {
    let checked = convoscan::lexicon::check(&LexiconChoice::BuiltIn).expect("check runs");
    assert!(checked.errors.is_empty(), "{:?}", checked.errors);
    let lexicons = checked.lexicons.expect("compiled");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lexicon");
    let report = lextest::run(&lexicons, Some(&fixtures)).expect("fixtures run");
    let uncovered = gates::uncovered(&report, &lexicons, true);
    let mut warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
    warnings.extend(
        convoscan::lexicon::lint::no_fixture(&lexicons, &uncovered)
            .iter()
            .map(ToString::to_string),
    );
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
}

const FAILING: &str = r#"
[[rule]]
id = "threat.x"
category = "threat"
severity = "low"
message = "m"
why = "w"
negation = false
phrases = ["naar de rechter"]

[rule.examples]
bad = ["Dan gaan we naar de rechter."]
good = ["Niet \"naar de rechter\" & <zo>."]
"#;

/// A small XML well-formedness check: tags nest, attributes are quoted, no
/// bare `&` or `<` in text.
fn assert_well_formed(xml: &str) {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .expect("XML declaration");
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| entity.starts_with(e)),
                "bare & in {text:?}"
            );
        }
        let close = rest[open..].find('>').expect("tag closes") + open;
        let tag = &rest[open + 1..close];
        assert!(!tag.contains('<'), "< inside a tag: {tag}");
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap_or("").to_string();
            stack.push(name);
        }
        rest = &rest[close + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    assert!(rest.trim().is_empty());
}

#[test]
fn junit_output_is_well_formed_and_names_each_failure() {
    let lex = lexicons(&[("nl/r.toml", FAILING)]);
    let report = lextest::run(&lex, None).expect("runs");
    assert!(!report.passed());
    let thresholds = Thresholds {
        precision: Threshold {
            all: Some(0.9),
            ..Threshold::default()
        },
        recall: Threshold::default(),
    };
    let checks = gates::check_thresholds(&report, &thresholds);
    let uncovered = vec!["threat.x".to_string()];
    let xml = junit::render(
        &report,
        &lex,
        &junit::Extra {
            uncovered: &uncovered,
            thresholds: &checks,
        },
    );
    assert_well_formed(&xml);
    assert!(
        xml.contains("<testcase classname=\"rules.threat\" name=\"threat.x\">"),
        "{xml}"
    );
    assert!(
        xml.contains("&quot;naar de rechter&quot; &amp; &lt;zo&gt;"),
        "{xml}"
    );
    assert!(
        xml.contains("never fires in the fixtures (--coverage)"),
        "{xml}"
    );
    assert!(xml.contains("name=\"threat.precision\""), "{xml}");
    assert!(xml.contains("tests=\"2\" failures=\"2\""), "{xml}");
}

#[test]
fn thresholds_apply_per_category_with_a_general_default() {
    let lex = lexicons(&[("nl/r.toml", FAILING)]);
    let report = lextest::run(&lex, None).expect("runs");
    let values = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let precision =
        Threshold::parse(&values(&["0.4", "threat=0.9"]), "--min-precision", &lex).expect("valid");
    assert_eq!(precision.all, Some(0.4));
    let checks = gates::check_thresholds(
        &report,
        &Thresholds {
            precision,
            recall: Threshold::parse(&values(&["1"]), "--min-recall", &lex).expect("valid"),
        },
    );
    assert_eq!(checks.len(), 2);
    assert!(!checks[0].passed && checks[0].min == 0.9, "{checks:?}");
    assert!(checks[1].passed, "recall is 1/1: {checks:?}");
    assert!(Threshold::parse(&values(&["nope=0.5"]), "--min-recall", &lex).is_err());
    assert!(Threshold::parse(&values(&["1.2"]), "--min-recall", &lex).is_err());
    assert!(Threshold::parse(&values(&["threat=x"]), "--min-recall", &lex).is_err());
}

#[test]
fn phrases_are_listed_normalised_without_wildcards() {
    let text = phrase_rule("\"Deurwaarder*\", \"GEÏRRITEERD\", \"*rechter\"", "");
    let lex = lexicons(&[("nl/r.toml", &text)]);
    let nl = &lex.languages[lex.language("nl").expect("nl")];
    let phrases: BTreeSet<&str> = nl.scanner.phrases().collect();
    assert_eq!(
        phrases,
        BTreeSet::from(["deurwaarder", "geirriteerd", "rechter"])
    );
}

#[test]
fn a_directory_added_to_the_builtins_declares_its_own_category() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lexicons/promise");
    let compiled = load(&LexiconChoice::Extend(dir.clone())).expect("loads");
    let lexicons = &compiled.lexicons;
    let category = lexicons
        .category("promise_not_kept")
        .expect("custom category");
    assert!(!category.builtin);
    assert!(lexicons.category("threat").is_some_and(|c| c.builtin));
    assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
    // A report has a row for it even in a week where it never fires.
    let report = convoscan::report::ReportBuilder::new(lexicons, Default::default()).finish();
    assert!(report.categories.iter().any(|c| c.id == "promise_not_kept"));

    let err = load(&LexiconChoice::Extend(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lexicons/conflicts"),
    ))
    .expect_err("redeclares threat")
    .to_string();
    assert!(
        err.contains("category `threat` is already a built-in category"),
        "{err}"
    );
}
