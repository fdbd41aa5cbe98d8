//! The built-in lexicons pass their own test: every rule's examples and every
//! annotated fixture under `fixtures/lexicon`, both ways; and the behaviour
//! fixtures cannot express (severity escalation) holds for the built-in rules.

use std::path::Path;

use convoscan::lexicon::{LexiconChoice, doc, load};
use convoscan::lextest;
use convoscan::model::Severity;

use crate::common::run;

#[test]
fn builtin_lexicons_pass_their_examples_and_fixtures() {
    let compiled = load(&LexiconChoice::BuiltIn).expect("built-in lexicons compile");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lexicon");
    let fixtures = fixtures.is_dir().then_some(fixtures);
    let report = lextest::run(&compiled.lexicons, fixtures.as_deref()).expect("lexicon test runs");
    let mismatches: Vec<String> = report.mismatches.iter().map(ToString::to_string).collect();
    assert!(
        report.passed(),
        "lexicon test failed:\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn builtin_lexicons_have_no_warnings() {
    // `check` lints; a run's `load` skips linting the built-ins.
    let checked = convoscan::lexicon::check(&LexiconChoice::BuiltIn).expect("built-in lexicons");
    assert!(checked.errors.is_empty(), "{:?}", checked.errors);
    let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
}

#[test]
fn every_builtin_pattern_compiles() {
    // Built-in patterns are compiled on first use during a run; this is
    // where a pattern that does not compile would be caught.
    let compiled = load(&LexiconChoice::BuiltIn).expect("built-in lexicons compile");
    convoscan::lexicon::compile_all_patterns(&compiled.lexicons).expect("every pattern compiles");
}

/// Threat findings only (other categories' rules may fire on the same text).
fn threat_severities(analysis: &convoscan::record::Analysis) -> Vec<(String, Severity)> {
    analysis
        .findings
        .iter()
        .filter(|f| &*f.category == "threat")
        .map(|f| (f.rule.to_string(), f.severity))
        .collect()
}

#[test]
fn builtin_threats_escalate_when_early_and_unprovoked() {
    let lexicons = load(&LexiconChoice::BuiltIn)
        .expect("built-in lexicons compile")
        .lexicons;
    // The cooktop call: a court threat in the first minute, answering mild
    // disappointment.
    let early = run(
        &lexicons,
        "[0:05] klant: Ik vind het vervelend dat mijn kookplaat kort na de reparatie niet meer werkt.\n\
         [0:20] agent: Als we hiermee naar de rechter gaan dan zult u geen kans maken en zou het wel eens vervelend voor u af kunnen lopen.",
    );
    assert_eq!(
        threat_severities(&early),
        vec![
            ("threat.legal_action".to_string(), Severity::High),
            ("threat.ultimatum".to_string(), Severity::High)
        ]
    );
    // After customer abuse the same threat stays medium.
    let provoked = run(
        &lexicons,
        "customer: You are thieves and I am not paying this bill.\n\
         agent: If you don't pay we will take legal action.",
    );
    assert_eq!(
        threat_severities(&provoked),
        vec![("threat.legal_action".to_string(), Severity::Medium)]
    );
    // A neutral answer to the customer's own question is not a threat.
    let asked = run(
        &lexicons,
        "klant: Wat gebeurt er als ik de aanmaning niet betaal?\n\
         agent: Als de factuur onbetaald blijft, gaat die na de aanmaning naar een incassobureau.",
    );
    assert_eq!(threat_severities(&asked), vec![]);
}

#[test]
fn builtin_rule_reference_is_current() {
    let compiled = load(&LexiconChoice::BuiltIn).expect("built-in lexicons compile");
    let expected = doc::markdown(&compiled.lexicons, doc::BUILTIN_TITLE);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons/README.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "lexicons/README.md is not the current rule reference; regenerate it with\n\n    {}\n",
        doc::REGENERATE
    );
}
