//! Opening an input path as a stream of UTF-8 bytes.
//!
//! Readers should not care whether an export is a plain file, gzip (one or
//! several concatenated members), or standard input, nor about byte order
//! marks. A [`Source`] hides all of that:
//!
//! * gzip is recognised by its magic bytes, not by the `.gz` name, so a
//!   compressed stream on stdin works too. Truncated or corrupt gzip data is
//!   an I/O error naming the file ("gzip data is truncated or corrupt"), never
//!   a panic and never a silently short read.
//! * A UTF-8 byte order mark is stripped.
//! * UTF-16 (a BOM `FF FE` or `FE FF`, which is what Excel's "Unicode text"
//!   export writes) is decoded to UTF-8 on the fly rather than rejected: it
//!   is a common way for Dutch exports to arrive and decoding is cheap. An
//!   unpaired surrogate becomes the byte `0xFF`, which is never valid UTF-8,
//!   so the readers skip that one conversation as invalid UTF-8 exactly as
//!   they would for a broken UTF-8 file.
//! * The first bytes (the "head") are read up front so that format and
//!   delimiter detection can look at them without consuming stdin.
//! * Bytes read from the underlying file (compressed size) are counted in a
//!   shared [`ByteCounter`] that a progress display can poll from another
//!   thread.
//!
//! Standard input cannot be read twice, but a CSV reader may need a second
//! pass over a file whose rows are not grouped by conversation.
//! [`Source::into_rereadable`] therefore copies stdin's decoded bytes into an
//! anonymous temporary file while they are read the first time (a tee, so the
//! first pass still streams) and [`Reopen`] reads that copy again.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Cursor, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// Buffer size for reading exports: large, because they can be gigabytes.
pub const BUFFER_SIZE: usize = 256 * 1024;

/// Bytes of decoded content read before handing the stream to a reader.
const HEAD_LEN: usize = 16 * 1024;
/// Upper bound of the head when the first line is long or the file starts
/// with a lot of whitespace.
const HEAD_MAX: usize = 1024 * 1024;

/// A count of bytes read, shared between the reading thread and whoever
/// wants to show progress.
#[derive(Clone, Debug, Default)]
pub struct ByteCounter(Arc<AtomicU64>);

impl ByteCounter {
    pub fn new() -> Self {
        ByteCounter::default()
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    pub fn add(&self, bytes: u64) {
        self.0.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn set(&self, bytes: u64) {
        self.0.store(bytes, Ordering::Relaxed);
    }
}

/// The path that means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How the bytes of a source were encoded before decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// An opened input: the decoded head plus the rest of the stream.
pub struct Source {
    path: PathBuf,
    head: Vec<u8>,
    eof: bool,
    rest: Box<dyn BufRead + Send>,
    counter: ByteCounter,
    encoding: Encoding,
    gzip: bool,
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Source")
            .field("path", &self.path)
            .field("head_len", &self.head.len())
            .field("encoding", &self.encoding)
            .field("gzip", &self.gzip)
            .finish()
    }
}

impl Source {
    /// Opens `path` (`-` is stdin) with a fresh byte counter.
    pub fn open(path: &Path) -> Result<Source> {
        Source::open_counted(path, ByteCounter::new())
    }

    /// Opens `path`, counting the bytes read from it into `counter`.
    pub fn open_counted(path: &Path, counter: ByteCounter) -> Result<Source> {
        let raw: Box<dyn Read + Send> = if is_stdin(path) {
            Box::new(io::stdin())
        } else {
            Box::new(File::open(path).map_err(|e| Error::io(path, e))?)
        };
        Source::from_reader(path, raw, counter)
    }

    /// A source over any byte stream, named `path` in messages. Named `-`,
    /// it is treated like stdin: it cannot be reopened, so
    /// [`Source::into_rereadable`] spools it.
    pub fn from_reader(
        path: &Path,
        raw: Box<dyn Read + Send>,
        counter: ByteCounter,
    ) -> Result<Source> {
        let io_err = |e| Error::io(path, e);
        let mut raw = BufReader::with_capacity(
            BUFFER_SIZE,
            Counting {
                inner: raw,
                counter: counter.clone(),
            },
        );
        let magic = read_up_to(&mut raw, 2).map_err(io_err)?;
        let gzip = magic == [0x1f, 0x8b];
        let raw = Cursor::new(magic).chain(raw);
        let mut decoded: Box<dyn BufRead + Send> = if gzip {
            Box::new(BufReader::with_capacity(
                BUFFER_SIZE,
                GzipRead(flate2::bufread::MultiGzDecoder::new(raw)),
            ))
        } else {
            Box::new(raw)
        };
        let start = read_up_to(&mut decoded, 4).map_err(io_err)?;
        let (encoding, bom_len) = match start.as_slice() {
            [0xef, 0xbb, 0xbf, ..] => (Encoding::Utf8Bom, 3),
            [0xff, 0xfe, ..] => (Encoding::Utf16Le, 2),
            [0xfe, 0xff, ..] => (Encoding::Utf16Be, 2),
            _ => (Encoding::Utf8, 0),
        };
        let after_bom = Cursor::new(start[bom_len..].to_vec()).chain(decoded);
        let rest: Box<dyn BufRead + Send> = match encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => Box::new(after_bom),
            Encoding::Utf16Le | Encoding::Utf16Be => Box::new(BufReader::with_capacity(
                BUFFER_SIZE,
                Utf16ToUtf8::new(after_bom, encoding == Encoding::Utf16Be),
            )),
        };
        let mut source = Source {
            path: path.to_path_buf(),
            head: Vec::new(),
            eof: false,
            rest,
            counter,
            encoding,
            gzip,
        };
        source.read_head().map_err(io_err)?;
        Ok(source)
    }

    fn read_head(&mut self) -> io::Result<()> {
        let mut chunk = [0u8; 8192];
        while !self.eof && self.head.len() < HEAD_MAX {
            let blank = self.head.iter().all(u8::is_ascii_whitespace);
            let has_newline = memchr::memchr(b'\n', &self.head).is_some();
            if self.head.len() >= HEAD_LEN && !blank && has_newline {
                break;
            }
            match self.rest.read(&mut chunk) {
                Ok(0) => self.eof = true,
                Ok(n) => self.head.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The first decoded bytes (BOM removed): at least the first line, unless
    /// that is longer than 1 MiB.
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// True when the whole content is empty or whitespace.
    pub fn is_blank(&self) -> bool {
        self.eof && self.head.iter().all(u8::is_ascii_whitespace)
    }

    pub fn counter(&self) -> &ByteCounter {
        &self.counter
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    pub fn is_gzip(&self) -> bool {
        self.gzip
    }

    /// The whole decoded content, head first.
    pub fn into_reader(self) -> Box<dyn BufRead + Send> {
        Box::new(Cursor::new(self.head).chain(self.rest))
    }

    /// The whole decoded content, plus a way to read it again after it was
    /// read to the end. For stdin this spools the content to a temporary
    /// file as it is read.
    pub fn into_rereadable(self) -> Result<(Box<dyn BufRead + Send>, Reopen)> {
        if !is_stdin(&self.path) {
            let reopen = Reopen::Path(self.path.clone());
            return Ok((self.into_reader(), reopen));
        }
        let io_err = |e| Error::io(&self.path, e);
        let spool = tempfile::tempfile().map_err(io_err)?;
        let copy = spool.try_clone().map_err(io_err)?;
        let mut out = BufWriter::with_capacity(BUFFER_SIZE, spool);
        out.write_all(&self.head).map_err(io_err)?;
        let tee = Tee {
            inner: self.rest,
            out,
        };
        let reader = Cursor::new(self.head).chain(BufReader::with_capacity(BUFFER_SIZE, tee));
        Ok((Box::new(reader), Reopen::Spool(copy)))
    }
}

/// How to read a source a second time.
#[derive(Debug)]
pub enum Reopen {
    /// Open the file again (decompressing and decoding again).
    Path(PathBuf),
    /// Read the spooled copy of stdin. Only valid once the first read
    /// reached the end.
    Spool(File),
}

impl Reopen {
    pub fn open(&self) -> Result<Box<dyn BufRead + Send>> {
        match self {
            Reopen::Path(path) => Ok(Source::open(path)?.into_reader()),
            Reopen::Spool(file) => {
                let io_err = |e| Error::io("-", e);
                let mut file = file.try_clone().map_err(io_err)?;
                file.seek(SeekFrom::Start(0)).map_err(io_err)?;
                Ok(Box::new(BufReader::with_capacity(BUFFER_SIZE, file)))
            }
        }
    }
}

/// Reads until `n` bytes or the end of the stream.
fn read_up_to(reader: &mut impl Read, n: usize) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(n);
    reader.take(n as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

struct Counting<R> {
    inner: R,
    counter: ByteCounter,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.add(n as u64);
        Ok(n)
    }
}

/// Makes gzip failures say what they are.
struct GzipRead<R>(flate2::bufread::MultiGzDecoder<R>);

impl<R: BufRead> Read for GzipRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("gzip data is truncated or corrupt ({e})"),
            )
        })
    }
}

/// Copies what is read into a spool file; flushes it at the end of input so
/// the copy is complete before anyone reads it.
struct Tee {
    inner: Box<dyn BufRead + Send>,
    out: BufWriter<File>,
}

impl Read for Tee {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            self.out.flush()?;
        } else {
            self.out.write_all(&buf[..n])?;
        }
        Ok(n)
    }
}

/// Streaming UTF-16 to UTF-8 conversion.
struct Utf16ToUtf8<R> {
    inner: R,
    big_endian: bool,
    input: Vec<u8>,
    output: Vec<u8>,
    output_pos: usize,
    odd_byte: Option<u8>,
    high_surrogate: Option<u16>,
    eof: bool,
}

/// Written for UTF-16 that cannot be decoded; invalid in UTF-8 by design.
const INVALID: u8 = 0xff;

impl<R: Read> Utf16ToUtf8<R> {
    fn new(inner: R, big_endian: bool) -> Self {
        Utf16ToUtf8 {
            inner,
            big_endian,
            input: vec![0; 64 * 1024],
            output: Vec::with_capacity(96 * 1024),
            output_pos: 0,
            odd_byte: None,
            high_surrogate: None,
            eof: false,
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        self.output.clear();
        self.output_pos = 0;
        let mut input = std::mem::take(&mut self.input);
        let result = self.decode_chunk(&mut input);
        self.input = input;
        result
    }

    fn decode_chunk(&mut self, input: &mut [u8]) -> io::Result<()> {
        let n = loop {
            match self.inner.read(input) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        if n == 0 {
            self.eof = true;
            if self.high_surrogate.take().is_some() {
                self.output.push(INVALID);
            }
            if self.odd_byte.take().is_some() {
                self.output.push(INVALID);
            }
            return Ok(());
        }
        let mut bytes = &input[..n];
        if let Some(first) = self.odd_byte.take() {
            let unit = self.unit(first, bytes[0]);
            self.push_unit(unit);
            bytes = &bytes[1..];
        }
        let mut pairs = bytes.chunks_exact(2);
        for pair in &mut pairs {
            let unit = self.unit(pair[0], pair[1]);
            self.push_unit(unit);
        }
        if let [last] = pairs.remainder() {
            self.odd_byte = Some(*last);
        }
        Ok(())
    }

    fn unit(&self, a: u8, b: u8) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    }

    fn push_unit(&mut self, unit: u16) {
        let mut buf = [0u8; 4];
        if let Some(high) = self.high_surrogate.take() {
            if (0xdc00..0xe000).contains(&unit) {
                let code =
                    0x10000 + ((u32::from(high) - 0xd800) << 10) + (u32::from(unit) - 0xdc00);
                match char::from_u32(code) {
                    Some(c) => self
                        .output
                        .extend_from_slice(c.encode_utf8(&mut buf).as_bytes()),
                    None => self.output.push(INVALID),
                }
                return;
            }
            self.output.push(INVALID);
        }
        if (0xd800..0xdc00).contains(&unit) {
            self.high_surrogate = Some(unit);
        } else {
            match char::from_u32(u32::from(unit)) {
                Some(c) => self
                    .output
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes()),
                None => self.output.push(INVALID),
            }
        }
    }
}

impl<R: Read> Read for Utf16ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.output_pos == self.output.len() {
            if self.eof {
                return Ok(0);
            }
            self.fill()?;
        }
        let available = &self.output[self.output_pos..];
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.output_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            if big_endian {
                out.extend_from_slice(&unit.to_be_bytes());
            } else {
                out.extend_from_slice(&unit.to_le_bytes());
            }
        }
        out
    }

    fn decode(bytes: &[u8], big_endian: bool) -> Vec<u8> {
        // One byte at a time, to exercise the odd-byte and surrogate carries.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                match self.0.split_first() {
                    Some((b, rest)) if !buf.is_empty() => {
                        buf[0] = *b;
                        self.0 = rest;
                        Ok(1)
                    }
                    _ => Ok(0),
                }
            }
        }
        let mut out = Vec::new();
        Utf16ToUtf8::new(Trickle(&bytes[2..]), big_endian)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "gesprek_id\tspreker\nc1\tklant\tÉén 😀 ok\r\n";
        assert_eq!(decode(&utf16(text, false), false), text.as_bytes());
        assert_eq!(decode(&utf16(text, true), true), text.as_bytes());
    }

    #[test]
    fn broken_utf16_becomes_invalid_utf8() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend_from_slice(&0xd800u16.to_le_bytes());
        bytes.extend_from_slice(&u16::from(b'a').to_le_bytes());
        bytes.push(b'z');
        assert_eq!(decode(&bytes, false), vec![INVALID, b'a', INVALID]);
    }

    #[test]
    fn stdin_is_spooled_for_a_second_read() {
        let data = b"\xef\xbb\xbfid,speaker,text\nc1,agent,hoi\n".repeat(20_000);
        let counter = ByteCounter::new();
        let source = Source::from_reader(
            Path::new("-"),
            Box::new(Cursor::new(data.clone())),
            counter.clone(),
        )
        .unwrap();
        assert_eq!(source.encoding(), Encoding::Utf8Bom);
        let (mut first, reopen) = source.into_rereadable().unwrap();
        assert!(matches!(reopen, Reopen::Spool(_)));
        let mut once = Vec::new();
        first.read_to_end(&mut once).unwrap();
        drop(first);
        assert_eq!(once, data[3..]);
        assert_eq!(counter.get(), data.len() as u64);
        for _ in 0..2 {
            let mut again = Vec::new();
            reopen.open().unwrap().read_to_end(&mut again).unwrap();
            assert_eq!(again, once);
        }
    }

    #[test]
    fn byte_counter_is_shared() {
        let counter = ByteCounter::new();
        let clone = counter.clone();
        clone.add(5);
        counter.add(2);
        assert_eq!(counter.get(), 7);
    }
}
