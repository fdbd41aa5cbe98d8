//! Lexicons written by users, at the edges: patterns that would compile too
//! large or nest too deep, rules and sets that can never match, and long
//! phrase lists. Each is a clear error at `file:line:col` or loads, never a
//! hang. (The phrase limit itself, 500,000 per language, is tested in
//! `lexicon::scanner`; README, "Input errors and exit codes", gives the
//! measured load times.)

use convoscan::lexicon::Lexicons;

use crate::common::{compile, compile_error};

fn rule(extra: &str) -> String {
    format!(
        "[[rule]]\nid = \"threat.x\"\ncategory = \"threat\"\nseverity = \"low\"\nmessage = \"m\"\nwhy = \"w\"\n{extra}\n"
    )
}

#[test]
fn a_pattern_that_compiles_too_large_is_an_error() {
    let err = compile_error(&[("nl/r.toml", &rule(r"patterns = ['\w{1000}{1000}']"))]);
    assert!(
        err.contains("user/nl/r.toml:7:13: pattern compiles to more than 2097152 bytes; split it or use phrases"),
        "{err}"
    );
}

#[test]
fn a_pattern_nested_too_deep_is_an_error() {
    let pattern = format!("{}a{}", "(?:".repeat(1000), ")".repeat(1000));
    let err = compile_error(&[("nl/r.toml", &rule(&format!("patterns = ['{pattern}']")))]);
    assert!(
        err.contains(
            "user/nl/r.toml:7:13: invalid pattern: exceed the maximum number of nested parentheses"
        ),
        "{err}"
    );
}

#[test]
fn a_rule_with_no_phrases_is_an_error() {
    for terms in ["phrases = []", "phrases = []\npatterns = []"] {
        let err = compile_error(&[("nl/r.toml", &rule(terms))]);
        assert!(
            err.contains(
                "user/nl/r.toml:1:1: `phrases` and `patterns` are empty, so this can never match"
            ),
            "{terms}: {err}"
        );
    }
    let err = compile_error(&[("nl/r.toml", &rule(""))]);
    assert!(
        err.contains("user/nl/r.toml:1:1: needs `phrases`, `patterns` or `set`"),
        "{err}"
    );
}

#[test]
fn a_set_with_no_phrases_is_an_error_where_it_is_used() {
    let text = format!(
        "[[set]]\nid = \"leeg\"\nphrases = []\n\n[[set]]\nid = \"ook_leeg\"\ninclude = [\"leeg\"]\n\n{}",
        rule("set = \"ook_leeg\"")
    );
    let err = compile_error(&[("nl/r.toml", &text)]);
    assert!(
        err.contains("user/nl/r.toml:15:7: set `ook_leeg` has no phrases or patterns (nor do the sets it includes), so this can never match"),
        "{err}"
    );
}

/// `n` distinct phrases, one per line, as a generated list would be.
fn phrase_list(n: usize) -> String {
    let phrases: String = (0..n)
        .map(|i| format!("  \"dreigement nummer {i} zus\",\n"))
        .collect();
    format!("phrases = [\n{phrases}  \"naar de rechter\",\n  \"dan naar de rechter\",\n]")
}

fn fires(lexicons: &Lexicons, text: &str) -> bool {
    !crate::common::run(lexicons, &format!("agent: {text}"))
        .findings
        .is_empty()
}

#[test]
fn a_long_phrase_list_loads_and_is_linted_without_comparing_every_pair() {
    // Linting compared every phrase with every other one: a list this long
    // took minutes, a million phrases hours.
    let text = rule(&phrase_list(20_000));
    let compiled = compile(&[("nl/r.toml", &text)]);
    assert!(fires(&compiled.lexicons, "Dreigement nummer 19999 zus."));
    assert!(fires(&compiled.lexicons, "Dan gaan we naar de rechter."));
    // The lint still finds the phrase another one covers.
    let shadowed: Vec<String> = compiled
        .warnings
        .iter()
        .filter(|w| w.lint.as_str() == "shadowed")
        .map(|w| w.to_string())
        .collect();
    assert_eq!(shadowed.len(), 1, "{shadowed:?}");
    assert!(
        shadowed[0].contains("`dan naar de rechter` adds no match: `naar de rechter` (line 20008)"),
        "{shadowed:?}"
    );
}
