//! The built-in lexicons pass their own test: every rule's examples and every
//! annotated fixture under `fixtures/lexicon`, both ways.

use std::path::Path;

use convoscan::lexicon::{LexiconChoice, doc, load};
use convoscan::lextest;

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
    let compiled = load(&LexiconChoice::BuiltIn).expect("built-in lexicons compile");
    let warnings: Vec<String> = compiled.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
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
