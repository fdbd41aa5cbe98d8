//! Where lexicon files come from, and parsing them.
//!
//! A lexicon directory has `categories.toml` at its root and one directory per
//! language (`nl/`, `en/`, ...) holding any number of `.toml` files. The
//! built-in lexicons are the repository's `lexicons/` directory, embedded at
//! build time; a user directory has the same layout. Parsing is strict and
//! every error points at `file:line:col`.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, Location, Result};
use crate::lexicon::schema::LexiconFile;

include!(concat!(env!("OUT_DIR"), "/builtin_lexicons.rs"));

/// Where a lexicon file came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    BuiltIn,
    User,
}

/// One lexicon file's text, before parsing.
#[derive(Clone, Debug)]
pub struct LexiconSource {
    /// Shown in errors: `lexicons/nl/threat.toml` for built-ins, the real path
    /// for user files.
    pub path: PathBuf,
    /// The language directory the file is in; `None` for root files
    /// (`categories.toml`).
    pub language: Option<String>,
    pub text: String,
    pub provenance: Provenance,
}

/// A parsed lexicon file, with its source kept for locating errors.
#[derive(Debug)]
pub struct ParsedFile {
    pub source: LexiconSource,
    pub file: LexiconFile,
    /// Byte offsets where lines start, built on the first `location` call:
    /// a file of a million phrases must not be scanned from its start for
    /// every one of them.
    line_starts: OnceLock<Vec<usize>>,
}

impl ParsedFile {
    pub fn new(source: LexiconSource, file: LexiconFile) -> ParsedFile {
        ParsedFile {
            source,
            file,
            line_starts: OnceLock::new(),
        }
    }

    /// The `file:line:col` of a byte span in this file.
    pub fn location(&self, span: std::ops::Range<usize>) -> Location {
        let text = &self.source.text;
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
                .collect()
        });
        let mut offset = span.start.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = starts.partition_point(|&start| start <= offset);
        let line_start = starts[line.saturating_sub(1)];
        let column = text[line_start..offset].chars().count() + 1;
        Location::at(&self.source.path, line as u64, column as u64)
    }
}

/// The built-in lexicon files, as embedded in the binary.
pub fn builtin_sources() -> Vec<LexiconSource> {
    BUILTIN_LEXICON_FILES
        .iter()
        .map(|(relative, text)| {
            let path = Path::new("lexicons").join(relative);
            LexiconSource {
                language: language_of(Path::new(relative)),
                path,
                text: (*text).to_string(),
                provenance: Provenance::BuiltIn,
            }
        })
        .collect()
}

fn language_of(relative: &Path) -> Option<String> {
    let mut components = relative.components();
    let first = components.next()?;
    components.next()?;
    Some(first.as_os_str().to_string_lossy().into_owned())
}

/// True for names usable as a language directory: `nl`, `en`, `pt-br`.
pub fn is_language_code(name: &str) -> bool {
    let mut parts = name.split('-');
    let base_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    base_ok && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Reads a user lexicon directory: `categories.toml` at the root (optional)
/// and `*.toml` in language directories. Other files (README.md, ...) are
/// ignored; a `.toml` file anywhere else is an error, so a rule file in the
/// wrong place is not silently unused.
pub fn directory_sources(root: &Path) -> Result<Vec<LexiconSource>> {
    if !root.is_dir() {
        return Err(Error::usage(format!(
            "{}: not a lexicon directory (expected categories.toml and language directories such as nl/ and en/)",
            root.display()
        )));
    }
    let mut sources = Vec::new();
    for entry in sorted_entries(root)? {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if entry.is_dir() {
            if name == "fixtures" {
                // Annotated fixtures for `lexicon test` may live alongside.
                continue;
            }
            if !is_language_code(&name) {
                return Err(Error::lexicon(
                    Location::file(&entry),
                    format!(
                        "`{name}` is not a language directory name (use a code such as nl, en or pt-br)"
                    ),
                ));
            }
            for file in sorted_entries(&entry)? {
                if file.is_dir() {
                    return Err(Error::lexicon(
                        Location::file(&file),
                        "lexicon directories are one level deep: <root>/<language>/<file>.toml",
                    ));
                }
                if file.extension().is_some_and(|e| e == "toml") {
                    sources.push(read_source(&file, Some(name.clone()))?);
                }
            }
        } else if entry.extension().is_some_and(|e| e == "toml") {
            if name != "categories.toml" {
                return Err(Error::lexicon(
                    Location::file(&entry),
                    "only categories.toml belongs at the lexicon root; rule files go in a language directory (nl/, en/, ...)",
                ));
            }
            sources.push(read_source(&entry, None)?);
        }
    }
    Ok(sources)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths = Vec::new();
    for entry in entries {
        paths.push(entry.map_err(|e| Error::io(dir, e))?.path());
    }
    paths.sort();
    Ok(paths)
}

fn read_source(path: &Path, language: Option<String>) -> Result<LexiconSource> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes());
        Error::lexicon(
            Location::from_offset(path, &text, offset),
            "lexicon files must be UTF-8",
        )
    })?;
    Ok(LexiconSource {
        path: path.to_path_buf(),
        language,
        text,
        provenance: Provenance::User,
    })
}

/// Parses every source, collecting all syntax errors rather than stopping at
/// the first.
pub fn parse_all(sources: Vec<LexiconSource>) -> Result<Vec<ParsedFile>> {
    let mut parsed = Vec::with_capacity(sources.len());
    let mut errors = Vec::new();
    for source in sources {
        match toml::from_str::<LexiconFile>(&source.text) {
            Ok(file) => parsed.push(ParsedFile::new(source, file)),
            Err(err) => {
                let offset = err.span().map_or(0, |s| s.start);
                errors.push(Error::lexicon(
                    Location::from_offset(&source.path, &source.text, offset),
                    err.message().to_string(),
                ));
            }
        }
    }
    match errors.len() {
        0 => Ok(parsed),
        1 => Err(errors.remove(0)),
        _ => Err(Error::LexiconMany(errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert!(is_language_code("nl") && is_language_code("pt-br") && is_language_code("fry"));
        assert!(!is_language_code("NL") && !is_language_code("dutch") && !is_language_code("n"));
    }

    #[test]
    fn unknown_key_points_at_it() {
        let source = LexiconSource {
            path: "x/nl/r.toml".into(),
            language: Some("nl".into()),
            text: "[[rule]]\nid = \"a\"\nphrasse = []\n".into(),
            provenance: Provenance::User,
        };
        let err = parse_all(vec![source]).unwrap_err().to_string();
        assert!(
            err.starts_with("x/nl/r.toml:3:1: unknown field `phrasse`"),
            "{err}"
        );
    }

    #[test]
    fn builtin_files_know_their_language() {
        assert_eq!(
            language_of(Path::new("nl/threat.toml")).as_deref(),
            Some("nl")
        );
        assert_eq!(language_of(Path::new("categories.toml")), None);
    }
}
