//! Helpers shared by the integration test modules.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use convoscan::engine::{AnalysisOptions, Scratch, analyze};
use convoscan::error::Result;
use convoscan::input::{self, InputConfig, InputFile, ReaderStats};
use convoscan::lexicon::load::{LexiconSource, Provenance, builtin_sources};
use convoscan::lexicon::{Compiled, Lexicons, load_sources};
use convoscan::model::{Conversation, ReadItem, Skipped};
use convoscan::record::{Analysis, ConversationRecord};
use tempfile::TempDir;

/// Writes `contents` to `name` inside `dir` (creating parent directories).
pub fn write(dir: &TempDir, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, contents).unwrap();
    path
}

/// Everything one reader produced.
#[derive(Debug)]
pub struct ReadAll {
    pub items: Vec<ReadItem>,
    pub stats: ReaderStats,
}

impl ReadAll {
    pub fn conversations(&self) -> Vec<&Conversation> {
        self.items
            .iter()
            .filter_map(|item| match item {
                ReadItem::Conversation(c) => Some(c),
                ReadItem::Skipped(_) => None,
            })
            .collect()
    }

    pub fn skipped(&self) -> Vec<&Skipped> {
        self.items
            .iter()
            .filter_map(|item| match item {
                ReadItem::Skipped(s) => Some(s),
                ReadItem::Conversation(_) => None,
            })
            .collect()
    }

    /// The only conversation with this id (panics if not exactly one).
    pub fn conversation(&self, id: &str) -> &Conversation {
        let found: Vec<_> = self
            .conversations()
            .into_iter()
            .filter(|c| c.id == id)
            .collect();
        assert_eq!(found.len(), 1, "conversations with id {id}: {found:#?}");
        found[0]
    }
}

/// Reads a file to the end with `config`.
pub fn read_with(path: &Path, config: &InputConfig) -> Result<ReadAll> {
    let file = InputFile {
        index: 0,
        path: path.to_path_buf(),
    };
    let mut reader = input::open(&file, config)?;
    let mut items = Vec::new();
    while let Some(item) = reader.next_item()? {
        items.push(item);
    }
    // Reading past the end stays at the end.
    assert!(reader.next_item()?.is_none());
    Ok(ReadAll {
        items,
        stats: reader.stats(),
    })
}

/// Reads a file to the end with the default configuration.
pub fn read(path: &Path) -> Result<ReadAll> {
    read_with(path, &InputConfig::default())
}

/// Texts of a conversation's turns, in order.
pub fn texts(conversation: &Conversation) -> Vec<&str> {
    (0..conversation.turns.len())
        .map(|i| conversation.turn_text(i))
        .collect()
}

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
