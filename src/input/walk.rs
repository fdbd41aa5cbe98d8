//! From the paths a user names to the run's file table.
//!
//! The order of files decides `Origin::file`, and with it which of two files
//! holding the same conversation id wins, so it must not depend on the file
//! system: inputs keep the order the user gave them, and each directory is
//! expanded recursively in sorted path order.
//!
//! Inside a directory only exports are taken (`.csv`, `.tsv`, `.jsonl`,
//! `.ndjson`, `.json`, `.vtt`, `.srt`, `.txt`, each optionally `.gz`,
//! case-insensitive; a `.txt` must then be a transcript or a CSV), and hidden
//! entries (a name starting with `.`) are skipped, so that a directory of
//! weekly exports can sit next to READMEs, lock files and `.git`. A file
//! named explicitly is always taken, whatever its name. Symbolic links to
//! files are followed; symbolic links to directories are not descended into,
//! which rules out cycles. A file that appears twice (named twice, or named
//! and also found in a directory) is read once, at its first position.
//!
//! Every file is opened once here to check that it is readable, so that a
//! permission problem stops the run before any analysis, naming the file.
//! `-` stands for standard input and is passed through as is. A directory
//! without a single export is an error: it is nearly always the wrong path,
//! and an empty report with exit code 0 would hide that.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::InputFile;
use super::source::is_stdin;
use crate::error::{Error, Result};

/// File name endings (lowercase) of the exports taken from directories.
const EXPORT_EXTENSIONS: [&str; 8] = ["csv", "tsv", "jsonl", "ndjson", "json", "vtt", "srt", "txt"];

/// Expands files and directories into the run's file table.
pub fn walk(inputs: &[PathBuf]) -> Result<Vec<InputFile>> {
    let mut paths = Vec::new();
    for input in inputs {
        if is_stdin(input) {
            paths.push(input.clone());
            continue;
        }
        let meta = fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let before = paths.len();
            walk_dir(input, &mut paths)?;
            if paths.len() == before {
                return Err(Error::usage(format!(
                    "{}: no exports in this directory (looked for {}, each optionally .gz, in it and its subdirectories)",
                    input.display(),
                    EXPORT_EXTENSIONS.map(|e| format!(".{e}")).join(", ")
                )));
            }
        } else {
            check_readable(input)?;
            paths.push(input.clone());
        }
    }
    let mut seen = BTreeSet::new();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let key = if is_stdin(&path) {
            path.clone()
        } else {
            fs::canonicalize(&path).unwrap_or_else(|_| path.clone())
        };
        if seen.insert(key) {
            let index = u32::try_from(files.len())
                .map_err(|_| Error::usage("more than 4294967295 input files"))?;
            files.push(InputFile { index, path });
        }
    }
    Ok(files)
}

/// Bytes on disk of all files (compressed size for gzip, which is also what
/// the readers count), for a progress display; `None` when one of them is
/// standard input or another stream whose size is not known in advance.
pub fn total_size(files: &[InputFile]) -> Option<u64> {
    files.iter().try_fold(0u64, |sum, file| {
        if is_stdin(&file.path) {
            return None;
        }
        let meta = fs::metadata(&file.path).ok()?;
        meta.is_file().then(|| sum.saturating_add(meta.len()))
    })
}

/// True for a file name that looks like an export (`x.csv`, `x.jsonl.gz`).
pub fn is_export_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((stem, ext)) => !stem.is_empty() && EXPORT_EXTENSIONS.contains(&ext),
        None => false,
    }
}

fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if is_hidden(&name) {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if file_type.is_dir() {
            entries.push((path, true));
        } else if is_export_name(&name) {
            let is_file = if file_type.is_symlink() {
                // A dangling link to an export is worth an error; a link to
                // a directory is not followed.
                let meta = fs::metadata(&path).map_err(|e| Error::io(&path, e))?;
                meta.is_file()
            } else {
                file_type.is_file()
            };
            if is_file {
                entries.push((path, false));
            }
        }
    }
    entries.sort();
    for (path, is_dir) in entries {
        if is_dir {
            walk_dir(&path, out)?;
        } else {
            check_readable(&path)?;
            out.push(path);
        }
    }
    Ok(())
}

fn check_readable(path: &Path) -> Result<()> {
    File::open(path).map(drop).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_names() {
        for yes in [
            "a.csv",
            "A.CSV",
            "b.tsv",
            "c.jsonl",
            "d.ndjson",
            "e.json",
            "f.csv.gz",
            "g.JSONL.GZ",
            "h.vtt",
            "i.SRT.gz",
            "j.txt",
        ] {
            assert!(is_export_name(yes), "{yes}");
        }
        for no in [
            "a.md",
            "csv",
            "a.gz",
            "a.csv.bak",
            "README",
            ".csv",
            "a.xlsx",
        ] {
            assert!(!is_export_name(no), "{no}");
        }
    }

    #[test]
    fn the_total_size_is_known_only_for_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        let b = dir.path().join("b.csv.gz");
        std::fs::write(&a, "12345").unwrap();
        std::fs::write(&b, "123").unwrap();
        let file = |index, path: &Path| InputFile {
            index,
            path: path.to_path_buf(),
        };
        assert_eq!(total_size(&[]), Some(0));
        assert_eq!(total_size(&[file(0, &a), file(1, &b)]), Some(8));
        assert_eq!(total_size(&[file(0, &a), file(1, Path::new("-"))]), None);
    }
}
