//! Helpers shared by the integration test modules.

#![allow(dead_code)]

use convoscan::engine::{AnalysisOptions, Scratch, analyze};
use convoscan::lexicon::load::{LexiconSource, Provenance, builtin_sources};
use convoscan::lexicon::{Compiled, Lexicons, load_sources};
use convoscan::record::{Analysis, ConversationRecord};

/// Built-in categories and language data plus the given `(path, toml)`
/// files; a path's first component is its language (`nl/x.toml`).
pub fn sources(files: &[(&str, &str)]) -> Vec<LexiconSource> {
    let mut sources: Vec<LexiconSource> = builtin_sources()
        .into_iter()
        .filter(|s| s.path.ends_with("categories.toml") || s.path.ends_with("language.toml"))
        .collect();
    for (path, text) in files {
        sources.push(LexiconSource {
            path: format!("user/{path}").into(),
            language: path
                .split('/')
                .next()
                .filter(|_| path.contains('/'))
                .map(str::to_string),
            text: text.to_string(),
            provenance: Provenance::User,
        });
    }
    sources
}

pub fn compile(files: &[(&str, &str)]) -> Compiled {
    match load_sources(sources(files)) {
        Ok(compiled) => compiled,
        Err(err) => panic!("lexicon did not compile:\n{err}"),
    }
}

pub fn lexicons(files: &[(&str, &str)]) -> Lexicons {
    compile(files).lexicons
}

pub fn compile_error(files: &[(&str, &str)]) -> String {
    match load_sources(sources(files)) {
        Ok(_) => panic!("expected a lexicon error"),
        Err(err) => err.to_string(),
    }
}

pub fn run(lexicons: &Lexicons, transcript: &str) -> Analysis {
    let conversation = convoscan::transcript::parse("t", transcript).expect("transcript");
    let record: ConversationRecord = analyze(
        &conversation,
        lexicons,
        &AnalysisOptions::default(),
        &mut Scratch::default(),
    );
    record.analysis().expect("analysed").clone()
}

/// `(turn, rule)` of every finding.
pub fn fired(analysis: &Analysis) -> Vec<(u32, String)> {
    analysis
        .findings
        .iter()
        .map(|f| (f.turn, f.rule.to_string()))
        .collect()
}
