//! Reading exports: from paths on the command line to a stream of
//! [`ReadItem`]s.
//!
//! Each format has its own reader module; they share the header aliases
//! ([`columns`]), speaker normalisation ([`speaker`]) and time parsing
//! ([`time`]) so that an `Agent`, a `medewerker` and a `rep` mean the same
//! thing whichever file they come from. Readers stream: they hold one
//! conversation at a time, and only when an export turns out not to be grouped
//! by conversation do they read the file a second time to reassemble the
//! conversations that were split (see [`crate::model::Origin::pass`]).

pub mod columns;
pub mod csv_long;
pub mod detect;
pub mod jsonl;
pub mod source;
pub mod speaker;
pub mod time;
pub mod walk;

use std::path::PathBuf;

use crate::error::Result;
use crate::model::{Limits, ReadItem, Speaker};

pub use columns::Field;
pub use source::ByteCounter;

/// The export formats convoscan reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Long CSV (or `;`/tab separated): one row per utterance.
    Csv,
    /// convoscan's own JSON Lines: one conversation per line.
    Jsonl,
}

impl InputFormat {
    pub const ALL: [InputFormat; 2] = [InputFormat::Csv, InputFormat::Jsonl];

    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Csv => "csv",
            InputFormat::Jsonl => "jsonl",
        }
    }

    pub fn from_name(name: &str) -> Option<InputFormat> {
        InputFormat::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// How to read the inputs: resolved from the command line, never clap types.
#[derive(Clone, Debug, Default)]
pub struct InputConfig {
    /// `None` detects the format of each file from its content.
    pub format: Option<InputFormat>,
    /// `--column role=Participant`: use the header `Participant` for a field.
    pub column_overrides: Vec<(Field, String)>,
    /// `--speaker-map inbound=customer`: extra speaker labels (compared
    /// case-insensitively, after trimming), checked before the built-in ones.
    pub speaker_map: Vec<(String, Speaker)>,
    pub limits: Limits,
}

/// One input file of the run. `index` is its position in the run's file
/// table, used in [`crate::model::Origin::file`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub index: u32,
    /// The path as given or found; `-` is standard input.
    pub path: PathBuf,
}

/// What a reader counted while reading one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReaderStats {
    /// Data rows (CSV) or records (JSONL) read, header excluded.
    pub rows: u64,
    /// Bytes read from the file (compressed size for compressed files).
    pub bytes: u64,
    /// False when some conversation's rows were not contiguous.
    pub grouped: bool,
    /// Conversations reassembled by a second read because they were split.
    pub reassembled: u64,
    /// Warnings worth showing the user (e.g. an unknown JSON field).
    pub warnings: Vec<String>,
}

/// A conversation whose rows have been read but not yet interpreted.
///
/// Interpreting rows (checking UTF-8, resolving speakers, parsing times,
/// building the conversation) costs more than finding them. A reader can
/// leave that work to whichever thread resolves the unit, so the single
/// reading thread only splits the file into conversations while the workers
/// build and analyse them in parallel.
pub struct Deferred(Box<dyn FnOnce() -> Result<ReadItem> + Send>);

impl Deferred {
    pub fn new(build: impl FnOnce() -> Result<ReadItem> + Send + 'static) -> Self {
        Deferred(Box::new(build))
    }
}

/// What a reader yields: an item, or rows to be interpreted later.
pub enum Unit {
    Item(Box<ReadItem>),
    Rows(Deferred),
}

impl Unit {
    /// The item, building it now if it was deferred. Errors are fatal and
    /// name file, line and problem, as for [`ConversationReader::next_item`].
    pub fn resolve(self) -> Result<ReadItem> {
        match self {
            Unit::Item(item) => Ok(*item),
            Unit::Rows(Deferred(build)) => build(),
        }
    }
}

/// A streaming reader of one file.
pub trait ConversationReader: Send {
    /// The next conversation or skip, `Ok(None)` at the end of the file, or a
    /// fatal error naming file, line and problem.
    fn next_item(&mut self) -> Result<Option<ReadItem>>;

    /// Like [`ConversationReader::next_item`], but may leave interpreting the
    /// rows to the caller (see [`Deferred`]). The default builds at once.
    fn next_unit(&mut self) -> Result<Option<Unit>> {
        Ok(self.next_item()?.map(|item| Unit::Item(Box::new(item))))
    }

    /// Statistics so far; complete once `next_item` returned `Ok(None)`.
    fn stats(&self) -> ReaderStats;

    /// A live count of the bytes read from the file (compressed size for
    /// compressed files), for a progress display on another thread. A second
    /// read of a file that was not grouped is not counted.
    fn byte_counter(&self) -> ByteCounter;
}

/// A 64-bit fingerprint of a conversation id for "seen before" sets. The
/// hasher has fixed keys (`DefaultHasher::new`), so fingerprints are the same
/// in every run of the same binary.
pub(crate) fn fingerprint(id: &[u8]) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut hasher = DefaultHasher::new();
    hasher.write(id);
    hasher.finish()
}

/// Opens one file with the reader for its format (given or detected).
///
/// The file is opened once: detection looks at the first bytes of the same
/// stream the reader then reads, so this works for standard input too. An
/// empty file is an error whatever the format.
pub fn open(file: &InputFile, config: &InputConfig) -> Result<Box<dyn ConversationReader>> {
    let source = source::Source::open(&file.path)?;
    detect::check_not_blank(&source)?;
    let format = match config.format {
        Some(format) => format,
        None => detect::detect_source_format(&source)?,
    };
    match format {
        InputFormat::Csv => Ok(Box::new(csv_long::CsvReader::from_source(
            file, config, source,
        )?)),
        InputFormat::Jsonl => Ok(Box::new(jsonl::JsonlReader::from_source(
            file, config, source,
        )?)),
    }
}
