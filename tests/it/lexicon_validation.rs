//! Strict lexicon validation: every mistake is an error at `file:line:col`.

use crate::common::{compile, compile_error};

fn rule(extra: &str) -> String {
    format!(
        "[[rule]]\nid = \"t.x\"\ncategory = \"threat\"\nseverity = \"low\"\nmessage = \"m\"\nwhy = \"w\"\n{extra}\n"
    )
}

#[test]
fn unknown_keys_are_errors_not_silent_no_ops() {
    let err = compile_error(&[("nl/r.toml", &rule("phrases = [\"a\"]\nphrasse = [\"b\"]"))]);
    assert!(
        err.contains("user/nl/r.toml:8:1: unknown field `phrasse`"),
        "{err}"
    );
}

#[test]
fn bad_regex_points_at_the_pattern() {
    let err = compile_error(&[("nl/r.toml", &rule("patterns = ['ok', '(unclosed']"))]);
    assert!(
        err.starts_with("user/nl/r.toml:7:19: invalid pattern"),
        "{err}"
    );
}

#[test]
fn empty_phrase_and_mid_wildcard() {
    let err = compile_error(&[("nl/r.toml", &rule("phrases = [\"\", \"ik * u\"]"))]);
    assert!(
        err.contains("user/nl/r.toml:7:12: phrase is empty"),
        "{err}"
    );
    assert!(
        err.contains("user/nl/r.toml:7:16: `*` is only allowed"),
        "{err}"
    );
}

#[test]
fn duplicate_ids_name_both_places() {
    let text = format!(
        "{}\n{}",
        rule("phrases = [\"a\"]"),
        rule("phrases = [\"b\"]")
    );
    let err = compile_error(&[("nl/r.toml", &text)]);
    assert!(
        err.contains("user/nl/r.toml:10:6: duplicate rule id `t.x`"),
        "{err}"
    );
    assert!(err.contains("first defined at user/nl/r.toml:2:6"), "{err}");
}

#[test]
fn fields_of_another_rule_type_are_rejected() {
    let err = compile_error(&[(
        "nl/r.toml",
        &rule("phrases = [\"a\"]\nwindow = { turns = 3 }"),
    )]);
    assert!(
        err.contains("`window` is not used by phrase rules"),
        "{err}"
    );
    let err = compile_error(&[(
        "nl/r.toml",
        &rule(
            "type = \"sequence\"\nphrases = [\"a\"]\nwhen = { phrases = [\"x\"] }\nbefore_any = { phrases = [\"y\"] }",
        ),
    )]);
    assert!(
        err.contains("user/nl/r.toml:8:12: `phrases` is not used by sequence rules"),
        "{err}"
    );
}

#[test]
fn unknown_category_set_and_speaker() {
    let text = "[[rule]]\nid = \"x\"\ncategory = \"passive_agressive\"\nseverity = \"low\"\nmessage = \"m\"\nwhy = \"w\"\nphrases = [\"a\"]\n";
    let err = compile_error(&[("nl/r.toml", text)]);
    assert!(
        err.contains("unknown category `passive_agressive`"),
        "{err}"
    );
    let err = compile_error(&[("nl/r.toml", &rule("set = \"nope\""))]);
    assert!(err.contains("unknown set `nope`"), "{err}");
    let err = compile_error(&[("nl/r.toml", &rule("speaker = \"klant\"\nphrases = [\"a\"]"))]);
    assert!(
        err.contains("speaker must be agent, customer, system, bot or any"),
        "{err}"
    );
}

#[test]
fn regex_matching_the_empty_string_is_rejected() {
    let err = compile_error(&[("nl/r.toml", &rule("patterns = ['(wat)?']"))]);
    assert!(err.contains("can match the empty string"), "{err}");
}

#[test]
fn all_errors_are_reported_at_once() {
    let text = format!(
        "{}\n{}",
        rule("phrases = [\"\"]"),
        rule("phrases = [\"a\"]")
            .replace("t.x", "t.y")
            .replace("low", "urgent")
    );
    let err = compile_error(&[("nl/r.toml", &text)]);
    assert!(
        err.contains("phrase is empty") && err.contains("severity must be low"),
        "{err}"
    );
}

#[test]
fn warnings_for_legal_but_suspicious_lexicons() {
    let text = "[[set]]\nid = \"unused\"\nphrases = [\"x\"]\n\n".to_string()
        + &rule("phrases = [\"a\", \"A\"]\npatterns = ['\\d+\\s\\d+']");
    let compiled = compile(&[("nl/r.toml", &text)]);
    let warnings: Vec<String> = compiled.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.iter().any(|w| w.contains("duplicate: `A`")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("runs on every turn")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("set `unused` is not used")),
        "{warnings:?}"
    );
}
