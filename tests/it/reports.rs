//! Reports for analysts and coaches, through the command line: report
//! formats (snapshots), coaching cards, explain, redaction, HTML structure,
//! topics, and sharded runs merged with `--from-analysis`.
//!
//! Report tests use the fixture export `fixtures/reports/export.csv` with the
//! small fixture rule set `fixtures/reports/lexicons`, so snapshots change
//! only when the reports do.

mod cli;
mod html;
mod redaction;
mod shards;
mod snapshots;
mod topics;
mod untrusted;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const EXPORT: &str = "fixtures/reports/export.csv";
pub const LEXICONS: &str = "fixtures/reports/lexicons";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in the repository root.
pub fn convoscan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convoscan"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .expect("convoscan runs")
}

/// Runs the binary and returns its standard output, failing on a non-zero
/// exit.
pub fn stdout(args: &[&str]) -> String {
    let out = convoscan(args);
    assert!(
        out.status.success(),
        "convoscan {args:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// `command`, `extra`, then the fixture export and lexicons (and, for
/// reports and cards, a minimum of 5 conversations to suit its size).
pub fn fixture_args<'a>(command: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![command];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[EXPORT, "--lexicons", LEXICONS]);
    if command != "explain" {
        args.extend_from_slice(&["--min-conversations", "5"]);
    }
    args
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}
