//! Deciding whether a file is CSV or JSON Lines.
//!
//! The extension decides when it is unambiguous (`.jsonl`, `.ndjson`,
//! `.csv`, `.tsv`, after removing `.gz`), because it is what the user sees.
//! Otherwise (`.json`, `.txt`, no extension, stdin) the content decides: a
//! first non-blank line starting with `{` is JSON Lines, anything else CSV.
//! A file that starts with `[` is a JSON array, which convoscan does not
//! read; saying so beats a confusing "no column" error. An empty (or
//! whitespace-only) file is an error: an export without even a header is
//! almost always a failed export, not a quiet week.

use std::path::Path;

use super::InputFormat;
use super::source::Source;
use crate::error::{Error, Location, Result};

/// The format of the file at `path`, by extension, else by content.
pub fn detect_format(path: &Path) -> Result<InputFormat> {
    let source = Source::open(path)?;
    detect_source_format(&source)
}

/// The format of an opened source, by its path's extension, else by its
/// first bytes. Fails on an empty source.
pub fn detect_source_format(source: &Source) -> Result<InputFormat> {
    check_not_blank(source)?;
    if let Some(format) = format_from_extension(source.path()) {
        return Ok(format);
    }
    sniff(source.path(), source.head())
}

/// An error for an empty or whitespace-only source.
pub fn check_not_blank(source: &Source) -> Result<()> {
    if source.is_blank() {
        return Err(Error::input(
            Location::file(source.path()),
            "empty file: no header and no data",
        ));
    }
    Ok(())
}

/// The format the file name promises, if it promises one.
pub fn format_from_extension(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let (_, ext) = name.rsplit_once('.')?;
    match ext {
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "csv" | "tsv" => Some(InputFormat::Csv),
        _ => None,
    }
}

/// The format by the first non-whitespace byte of the content.
pub fn sniff(path: &Path, head: &[u8]) -> Result<InputFormat> {
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        None => Err(Error::input(
            Location::file(path),
            "empty file: no header and no data",
        )),
        Some(b'{') => Ok(InputFormat::Jsonl),
        Some(b'[') => Err(Error::input(
            Location::line(path, 1),
            "this looks like a JSON array; convoscan reads JSON Lines (one conversation object per line) or CSV",
        )),
        Some(_) => Ok(InputFormat::Csv),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_first() {
        let f = |p: &str| format_from_extension(Path::new(p));
        assert_eq!(f("a/b.jsonl"), Some(InputFormat::Jsonl));
        assert_eq!(f("b.NDJSON.gz"), Some(InputFormat::Jsonl));
        assert_eq!(f("b.csv.gz"), Some(InputFormat::Csv));
        assert_eq!(f("b.tsv"), Some(InputFormat::Csv));
        assert_eq!(f("b.json"), None);
        assert_eq!(f("b.gz"), None);
        assert_eq!(f("-"), None);
    }

    #[test]
    fn content_second() {
        let p = Path::new("x");
        assert_eq!(sniff(p, b"\n  {\"id\":1}").unwrap(), InputFormat::Jsonl);
        assert_eq!(sniff(p, b"id;speaker;text\n").unwrap(), InputFormat::Csv);
        let err = sniff(p, b"[{}]").unwrap_err().to_string();
        assert!(err.contains("JSON array"), "{err}");
        let err = sniff(p, b" \n\t").unwrap_err().to_string();
        assert_eq!(err, "x: empty file: no header and no data");
    }
}
