//! Errors that stop a run, each pointing at the place that caused it.
//!
//! Everything the user can get wrong (an export, a lexicon file, a flag) is
//! reported as `path:line:col: message`, the form editors and CI systems link
//! to. Problems that only concern one conversation are not errors: they are
//! counted skips (see [`crate::model::SkipReason`]).

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a file. Line and column are 1-based; either may be unknown.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<u64>,
    pub column: Option<u64>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: None,
            column: None,
        }
    }

    pub fn line(path: impl Into<PathBuf>, line: u64) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
            column: None,
        }
    }

    pub fn at(path: impl Into<PathBuf>, line: u64, column: u64) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
            column: Some(column),
        }
    }

    /// The line and column of byte `offset` in `source`.
    pub fn from_offset(path: &Path, source: &str, offset: usize) -> Self {
        let (line, column) = line_col(source, offset);
        Location::at(path, line, column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (u64, u64) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() as u64 + 1;
    (line, column)
}

/// A fatal error. `Display` gives the whole message, location first.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The export cannot be read as it is.
    #[error("{location}: {message}")]
    Input { location: Location, message: String },
    /// A lexicon file is invalid.
    #[error("{location}: {message}")]
    Lexicon { location: Location, message: String },
    /// Several lexicon problems at once; all are reported, not just the first.
    #[error("{}", join_lines(.0))]
    LexiconMany(Vec<Error>),
    /// A file could not be opened, read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Flags or options that do not fit together.
    #[error("{0}")]
    Usage(String),
}

fn join_lines(errors: &[Error]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    pub fn input(location: Location, message: impl Into<String>) -> Self {
        Error::Input {
            location,
            message: message.into(),
        }
    }

    pub fn lexicon(location: Location, message: impl Into<String>) -> Self {
        Error::Lexicon {
            location,
            message: message.into(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    /// True when the error is a closed output pipe (`convoscan ... | head`),
    /// which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "a = 1\nnaam = \"één\"\nx";
        let offset = src.find('x').unwrap();
        assert_eq!(line_col(src, offset), (3, 1));
        let offset = src.find("\"één").unwrap() + 1 + "één".len();
        assert_eq!(line_col(src, offset), (2, 12));
    }

    #[test]
    fn location_display_is_editor_friendly() {
        assert_eq!(Location::at("x.toml", 3, 7).to_string(), "x.toml:3:7");
        assert_eq!(Location::line("x.csv", 9).to_string(), "x.csv:9");
        assert_eq!(Location::file("x.csv").to_string(), "x.csv");
    }
}
