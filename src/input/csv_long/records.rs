//! The physical layer of CSV reading: records, their true line numbers,
//! and a guard against runaway records.
//!
//! Kept apart from the conversation logic in the parent module because it
//! deals with bytes and the csv crate's quirks only: its record positions
//! point at the end of the previous record (wrong after CRLF or blank
//! lines), it would buffer an unterminated quoted field to the end of a
//! multi-gigabyte file, and it silently ends a quoted field that is still
//! open at the end of the file, which would fold every row after an
//! unbalanced quote into one text.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};
use std::path::Path;

use csv::ByteRecord;

use crate::error::{Error, Location, Result};
use crate::input::source::BUFFER_SIZE;
use crate::model::Limits;

/// The delimiter of a CSV file, from its header line: the most frequent of
/// `,`, `;` and tab outside double quotes; `,` when there is none or a tie.
pub fn sniff_delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for &b in head {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => break,
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// The csv reader over a guarded stream.
pub(super) struct RowReader {
    reader: csv::Reader<Guarded>,
    max_row_bytes: u64,
    /// The line of the last record read, when its last field holds a line
    /// break: the only way a quote still open at the end of the file can
    /// have swallowed other rows.
    multiline_tail: Option<u64>,
}

impl RowReader {
    pub(super) fn new(stream: Box<dyn BufRead + Send>, delimiter: u8, limits: Limits) -> RowReader {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(BUFFER_SIZE)
            .from_reader(Guarded::new(stream));
        RowReader {
            reader,
            max_row_bytes: limits.max_conversation_bytes as u64,
            multiline_tail: None,
        }
    }

    /// Reads the next record into `record`: its 1-based line, or `None` at
    /// the end.
    ///
    /// The csv crate's record positions point at the end of the previous
    /// record, which is the wrong line after CRLF or blank lines. The line is
    /// therefore counted back from the record's end: the line of its last
    /// byte, minus the line breaks inside its (quoted) fields.
    pub(super) fn read(&mut self, record: &mut ByteRecord, path: &Path) -> Result<Option<u64>> {
        let start = self.reader.position().byte();
        // The csv reader reads ahead by at most its buffer, so a row within
        // the limit never trips the guard.
        self.reader.get_mut().limit = start
            .saturating_add(self.max_row_bytes)
            .saturating_add(2 * BUFFER_SIZE as u64);
        match self.reader.read_byte_record(record) {
            Ok(false) => match self.multiline_tail {
                Some(line) if self.reader.get_ref().ends_inside_quotes() => Err(Error::input(
                    Location::line(path, line),
                    "a double-quoted field opened in this row is never closed: the file ends inside it, so the rows after it would be read as its text",
                )),
                _ => Ok(None),
            },
            Ok(true) => {
                let end = self.reader.position().byte();
                let guard = self.reader.get_mut();
                // Where the record starts (blank lines before it aside):
                // right for a record that runs to the end of the file inside
                // an open quote, whose last line break is its own text.
                let first_line = guard.line_of(start.saturating_add(1));
                let last_line = guard.line_of(end.saturating_sub(1));
                let inner = memchr::memchr_iter(b'\n', record.as_slice()).count() as u64;
                let last_field = record.iter().next_back().unwrap_or_default();
                self.multiline_tail = memchr::memchr2(b'\n', b'\r', last_field).map(|_| first_line);
                Ok(Some(last_line.saturating_sub(inner).max(1)))
            }
            Err(err) => {
                let guard = self.reader.get_mut();
                let at = Location::line(path, guard.line_of(start.saturating_add(1)));
                if guard.tripped {
                    return Err(Error::input(
                        at,
                        format!(
                            "a row starting here is longer than {} bytes; probably a double quote that is never closed",
                            self.max_row_bytes
                        ),
                    ));
                }
                let message = err.to_string();
                match err.into_kind() {
                    csv::ErrorKind::Io(e) => Err(Error::io(path, e)),
                    _ => Err(Error::input(at, message)),
                }
            }
        }
    }
}

/// Stops a runaway record before it is buffered whole (fails reads past
/// `limit` bytes of the stream), and remembers where line breaks are so that
/// records get their true line numbers.
struct Guarded {
    inner: Box<dyn BufRead + Send>,
    delivered: u64,
    limit: u64,
    tripped: bool,
    /// Offsets of line breaks not yet passed by a query.
    newlines: VecDeque<u64>,
    /// Line breaks before the first one in `newlines`.
    newlines_passed: u64,
    /// The number of double quotes that end the bytes delivered so far,
    /// ignoring trailing whitespace (see [`Guarded::ends_inside_quotes`]).
    trailing_quotes: u64,
    /// Whether the bytes delivered so far end in whitespace.
    trailing_space: bool,
}

impl Guarded {
    fn new(inner: Box<dyn BufRead + Send>) -> Guarded {
        Guarded {
            inner,
            delivered: 0,
            limit: u64::MAX,
            tripped: false,
            newlines: VecDeque::new(),
            newlines_passed: 0,
            trailing_quotes: 0,
            trailing_space: false,
        }
    }

    /// At the end of the stream, whether a last field that spans lines (so
    /// was opened with a quote) is still open. A closed quoted field ends in
    /// an odd run of quotes (its closing quote after any escaped `""`
    /// pairs); an open one ends in text or in escaped pairs only.
    fn ends_inside_quotes(&self) -> bool {
        self.trailing_quotes.is_multiple_of(2)
    }

    fn track_tail(&mut self, bytes: &[u8]) {
        let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
        let content = bytes.len() - bytes.iter().rev().take_while(|b| is_space(b)).count();
        if content == 0 {
            self.trailing_space |= !bytes.is_empty();
            return;
        }
        let body = &bytes[..content];
        let run = body.iter().rev().take_while(|&&b| b == b'"').count() as u64;
        self.trailing_quotes = if run == content as u64 && !self.trailing_space {
            self.trailing_quotes + run
        } else {
            run
        };
        self.trailing_space = content < bytes.len();
    }

    /// The 1-based line of the byte at `offset`. Offsets must not decrease
    /// from one call to the next.
    fn line_of(&mut self, offset: u64) -> u64 {
        while self.newlines.front().is_some_and(|&n| n < offset) {
            self.newlines.pop_front();
            self.newlines_passed += 1;
        }
        self.newlines_passed + 1
    }
}

impl Read for Guarded {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.delivered >= self.limit {
            self.tripped = true;
            return Err(io::Error::other("row too long"));
        }
        let n = self.inner.read(buf)?;
        let base = self.delivered;
        self.newlines
            .extend(memchr::memchr_iter(b'\n', &buf[..n]).map(|i| base + i as u64));
        self.track_tail(&buf[..n]);
        self.delivered += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_from_header_line() {
        assert_eq!(sniff_delimiter(b"id,speaker,text\n"), b',');
        assert_eq!(sniff_delimiter(b"id;speaker;text\r\nx,y,z,w,v"), b';');
        assert_eq!(sniff_delimiter(b"id\tspeaker\ttext"), b'\t');
        assert_eq!(sniff_delimiter(b"\"a;b;c\",d,e"), b',');
        assert_eq!(sniff_delimiter(b"text"), b',');
        assert_eq!(sniff_delimiter(b""), b',');
        assert_eq!(sniff_delimiter(b"a,b;c"), b',');
    }

    fn read_all(csv: &str, buffer: usize) -> Result<Vec<(u64, Vec<Vec<u8>>)>> {
        // A tiny buffer exercises the tail tracking across reads.
        let stream = io::BufReader::with_capacity(buffer, io::Cursor::new(csv.as_bytes().to_vec()));
        let mut rows = RowReader::new(Box::new(stream), b',', Limits::default());
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        while let Some(line) = rows.read(&mut record, Path::new("x.csv"))? {
            out.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        Ok(out)
    }

    #[test]
    fn a_quote_left_open_at_the_end_of_the_file_is_an_error() {
        for buffer in [1, 2, 3, 64] {
            for csv in [
                "id,text\nc1,\"hi\nc2,there\n",
                "id,text\nc1,\"hi\r\nc2,there",
                "id,text\nc1,\"hi\nc2,\"\"\n",
                "id,text\nc0,ok\nc1,\"hi\nc2,x\"\" \n\n",
            ] {
                let err = read_all(csv, buffer).unwrap_err().to_string();
                let line = if csv.contains("c0") { 3 } else { 2 };
                assert!(
                    err.starts_with(&format!("x.csv:{line}: ")),
                    "{csv:?}: {err}"
                );
                assert!(err.contains("never closed"), "{err}");
            }
        }
    }

    #[test]
    fn closed_quotes_at_the_end_of_the_file_are_fine() {
        for buffer in [1, 2, 3, 64] {
            for csv in [
                "id,text\nc1,\"hi\nthere\"\n",
                "id,text\nc1,\"hi\nthere\"",
                "id,text\nc1,\"hi\n\"\"there\"\"\"  \r\n\r\n",
                "id,text\nc1,\"hi\n\"\"\"\n",
                "id,text\nc1,\"bye",
                "id,text\nc1,27\" screen\n",
            ] {
                let rows = read_all(csv, buffer).unwrap();
                assert_eq!(rows.len(), 2, "{csv:?}");
            }
        }
    }
}
