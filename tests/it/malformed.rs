//! The malformed-input suite: every kind of broken export a contact centre
//! produces, each with the outcome convoscan promises for it (see README,
//! "Input errors and exit codes").
//!
//! A case is a set of files built in a temporary directory (large ones are
//! generated here, never committed) and one expected outcome:
//!
//! * an **error**: exit code 2, no report, and a message on standard error
//!   that names the file, the line when there is one, and the problem;
//! * **counted**: the run goes on, every conversation read is either
//!   analysed or skipped with a reason and a warning naming file and line,
//!   and `--strict` turns the first skip into an error (exit code 2).
//!
//! Runs use the small fixture rule set, which keeps each run at a few
//! milliseconds; the readers do not depend on the rules.

mod accounting;
mod csv;
mod files;
mod json;
mod outputs;

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

const LEXICONS: &str = "fixtures/reports/lexicons";

/// What a case must lead to.
#[derive(Debug)]
pub enum Expect {
    /// Exit 2; standard error holds `<file>:<line>: ` (or `<file>: ` without
    /// a line; an empty file name is the case directory) and `problem`.
    Error {
        file: &'static str,
        line: Option<u64>,
        problem: &'static str,
    },
    /// Exit 0 with these counts; each skip warns with `warning` in the text.
    Counted {
        analysed: u64,
        skipped: &'static [(&'static str, u64)],
        warning: &'static str,
    },
}

/// One malformed input.
pub struct Case {
    pub name: &'static str,
    /// Files to create: path relative to the case directory, and content.
    pub files: Vec<(&'static str, Vec<u8>)>,
    /// Inputs relative to the case directory; `""` is the directory itself.
    /// Default: the first file.
    pub inputs: Vec<&'static str>,
    pub args: Vec<&'static str>,
    pub expect: Expect,
    /// Whether to check `--strict` on the skips too (off only for the
    /// largest inputs, to keep the suite fast; the rule is the same).
    pub strict_rerun: bool,
}

impl Case {
    /// A case of one file, read as the only input.
    pub fn file(name: &'static str, path: &'static str, contents: impl Into<Vec<u8>>) -> Case {
        Case {
            name,
            files: vec![(path, contents.into())],
            inputs: vec![path],
            args: Vec::new(),
            expect: Expect::Counted {
                analysed: 0,
                skipped: &[],
                warning: "",
            },
            strict_rerun: true,
        }
    }

    pub fn without_strict_rerun(mut self) -> Case {
        self.strict_rerun = false;
        self
    }

    pub fn and_file(mut self, path: &'static str, contents: impl Into<Vec<u8>>) -> Case {
        self.files.push((path, contents.into()));
        self
    }

    pub fn inputs(mut self, inputs: &[&'static str]) -> Case {
        self.inputs = inputs.to_vec();
        self
    }

    pub fn args(mut self, args: &[&'static str]) -> Case {
        self.args = args.to_vec();
        self
    }

    pub fn error(mut self, file: &'static str, line: Option<u64>, problem: &'static str) -> Case {
        self.expect = Expect::Error {
            file,
            line,
            problem,
        };
        self
    }

    /// Read without a skip: `analysed` conversations.
    pub fn reads(self, analysed: u64) -> Case {
        self.counts(analysed, &[], "")
    }

    pub fn counts(
        mut self,
        analysed: u64,
        skipped: &'static [(&'static str, u64)],
        warning: &'static str,
    ) -> Case {
        self.expect = Expect::Counted {
            analysed,
            skipped,
            warning,
        };
        self
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `convoscan report <inputs> --lexicons <fixture rules> <args>`.
pub fn report(inputs: &[PathBuf], args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_convoscan"))
        .arg("report")
        .args(inputs)
        .args(["--lexicons", LEXICONS, "--min-conversations", "1"])
        .args(args)
        .current_dir(root())
        .output()
        .expect("convoscan runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Writes a case's files; returns the inputs.
fn build(case: &Case, dir: &Path) -> Vec<PathBuf> {
    for (path, contents) in &case.files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("case directory");
        std::fs::write(&path, contents).expect("case file");
    }
    case.inputs
        .iter()
        .map(|input| match *input {
            "" => dir.to_path_buf(),
            input => dir.join(input),
        })
        .collect()
}

/// The accounting object of a JSON report.
pub fn accounting(json: &str) -> serde_json::Value {
    let report: serde_json::Value = serde_json::from_str(json).expect("a JSON report");
    report["accounting"].clone()
}

/// Runs one case; returns a description of what went wrong, if anything.
fn check(case: &Case) -> Result<(), String> {
    let dir = TempDir::new().expect("temporary directory");
    let inputs = build(case, dir.path());
    let run = report(&inputs, &[&case.args[..], &["--format", "json"]].concat());
    let out = format!(
        "exit {}\nstderr: {}\nstdout: {:.400}",
        run.code, run.stderr, run.stdout
    );
    match &case.expect {
        Expect::Error {
            file,
            line,
            problem,
        } => {
            let path = match *file {
                "" => dir.path().to_path_buf(),
                file => dir.path().join(file),
            };
            // A column may follow the line: `file:2:88: `.
            let at = match line {
                Some(line) => format!("{}:{line}:", path.display()),
                None => format!("{}:", path.display()),
            };
            if run.code != 2 || !run.stdout.is_empty() {
                return Err(format!("expected exit 2 and no report; {out}"));
            }
            if !run.stderr.contains(&at) || !run.stderr.contains(problem) {
                return Err(format!("expected `{at}` and `{problem}`; {out}"));
            }
        }
        Expect::Counted {
            analysed,
            skipped,
            warning,
        } => {
            if run.code != 0 {
                return Err(format!("expected exit 0; {out}"));
            }
            let acc = accounting(&run.stdout);
            let read = acc["conversations_read"].as_u64().unwrap_or(u64::MAX);
            let skips: u64 = skipped.iter().map(|(_, n)| n).sum();
            if acc["analysed"] != *analysed || acc["skipped"] != skips || read != analysed + skips {
                return Err(format!(
                    "expected {analysed} analysed + {skips} skipped; accounting {acc}"
                ));
            }
            for (reason, n) in *skipped {
                if acc["skipped_by_reason"][reason] != *n {
                    return Err(format!(
                        "expected {n} skipped as {reason}; accounting {acc}"
                    ));
                }
            }
            let warnings = run.stderr.matches("warning: ").count() as u64;
            if skips > 0 && (!run.stderr.contains(warning) || warnings < skips) {
                return Err(format!("expected {skips} warnings with `{warning}`; {out}"));
            }
            if skips > 0 && case.strict_rerun {
                let strict = report(&inputs, &[&case.args[..], &["--strict"]].concat());
                let error = warning.replace(" skipped (", " cannot be analysed (");
                if strict.code != 2
                    || !strict.stderr.contains("--strict turns skips into errors")
                    || !strict.stderr.contains(&error)
                {
                    return Err(format!(
                        "--strict: expected exit 2 naming the skip; exit {}: {}",
                        strict.code, strict.stderr
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Runs every case, then fails listing all that did not behave.
pub fn check_all(cases: Vec<Case>) {
    let mut failures = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for case in &cases {
        assert!(names.insert(case.name), "two cases named {}", case.name);
        if let Err(problem) = check(case) {
            failures.push(format!("{}: {problem}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_suite_has_at_least_thirty_cases() {
    let n = csv::cases().len() + json::cases().len() + files::cases().len() + files::LARGE_CASES;
    assert!(n >= 30, "{n} cases");
}

#[test]
fn malformed_csv() {
    check_all(csv::cases());
}

#[test]
fn malformed_json_and_vendor_exports() {
    check_all(json::cases());
}

#[test]
fn malformed_files_and_directories() {
    check_all(files::cases());
}
