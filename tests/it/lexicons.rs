//! The built-in lexicons pass their own test: every rule's examples and every
//! annotated fixture under `fixtures/lexicon`, both ways.

use std::path::Path;

use convoscan::lexicon::{LexiconChoice, load};
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
fn every_builtin_pattern_compiles() {
    // Built-in patterns are compiled on first use during a run; this is
    // where a pattern that does not compile would be caught.
    let compiled = load(&LexiconChoice::BuiltIn).expect("built-in lexicons compile");
    convoscan::lexicon::compile_all_patterns(&compiled.lexicons).expect("every pattern compiles");
}
