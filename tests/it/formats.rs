//! Vendor exports: every format read from its fixture ([`readers`]),
//! malformed and mixed inputs ([`errors`]), and metadata from paths and
//! side CSVs ([`meta`]).

mod errors;
mod meta;
mod readers;

use std::path::{Path, PathBuf};
use std::process::Command;

use convoscan::input::InputConfig;
use convoscan::model::{Conversation, Speaker};

use crate::common::ReadAll;

pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/formats")
        .join(path)
}

pub fn only(read: &ReadAll) -> &Conversation {
    let conversations = read.conversations();
    assert_eq!(conversations.len(), 1, "{:#?}", read.items);
    conversations[0]
}

pub fn speakers(c: &Conversation) -> Vec<Speaker> {
    c.turns.iter().map(|t| t.speaker).collect()
}

pub fn offsets(c: &Conversation) -> Vec<Option<u64>> {
    c.turns.iter().map(|t| t.offset_ms).collect()
}

pub fn ms(timestamp: &str) -> i64 {
    timestamp
        .parse::<jiff::Timestamp>()
        .unwrap()
        .as_millisecond()
}

pub fn with_speakers(pairs: &[(Speaker, &str)]) -> InputConfig {
    InputConfig {
        speakers: pairs.iter().map(|(s, l)| (*s, l.to_string())).collect(),
        ..InputConfig::default()
    }
}

/// Runs the binary; returns exit code, stdout, stderr.
pub fn convoscan(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_convoscan"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
