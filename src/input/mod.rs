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
//!
//! Vendor exports (contact-centre platforms, chat tools, speech-to-text
//! output) hold one conversation, or one page of them, per file. They are
//! read whole by [`document`] and handed to their format's module; see that
//! module for what is an error and what is a skip. [`meta`] fills in what a
//! format lacks (agent, topic, ...) from the file's path or a side CSV.

pub mod ccai;
pub mod columns;
pub mod connect;
pub mod csv_long;
pub mod detect;
pub mod document;
pub mod genesys;
pub mod html;
pub mod intercom;
pub mod json;
pub mod jsonl;
pub mod labels;
pub mod meta;
pub mod plain;
pub mod source;
pub mod speaker;
pub mod subtitles;
pub mod time;
pub mod transcribe;
pub mod twilio;
pub mod walk;
pub mod whisper;
pub mod zendesk;

use std::path::PathBuf;
use std::sync::Arc;

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
    /// Amazon Connect Contact Lens analysis output (voice and chat).
    Connect,
    /// Amazon Transcribe Call Analytics output.
    Transcribe,
    /// Genesys Cloud conversation transcript.
    Genesys,
    /// Google CCAI Insights conversation (`entries`).
    Ccai,
    /// Zendesk tickets and their comments.
    Zendesk,
    /// Intercom conversation with its parts.
    Intercom,
    /// Twilio Conversations messages.
    Twilio,
    /// OpenAI Whisper JSON (`segments`), WhisperX speakers included.
    Whisper,
    /// WebVTT subtitles.
    Vtt,
    /// SubRip subtitles.
    Srt,
    /// Plain-text transcript: `Agent: ...` / `Klant: ...` lines.
    Text,
}

impl InputFormat {
    pub const ALL: [InputFormat; 13] = [
        InputFormat::Csv,
        InputFormat::Jsonl,
        InputFormat::Connect,
        InputFormat::Transcribe,
        InputFormat::Genesys,
        InputFormat::Ccai,
        InputFormat::Zendesk,
        InputFormat::Intercom,
        InputFormat::Twilio,
        InputFormat::Whisper,
        InputFormat::Vtt,
        InputFormat::Srt,
        InputFormat::Text,
    ];

    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Csv => "csv",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Connect => "connect",
            InputFormat::Transcribe => "transcribe",
            InputFormat::Genesys => "genesys",
            InputFormat::Ccai => "ccai",
            InputFormat::Zendesk => "zendesk",
            InputFormat::Intercom => "intercom",
            InputFormat::Twilio => "twilio",
            InputFormat::Whisper => "whisper",
            InputFormat::Vtt => "vtt",
            InputFormat::Srt => "srt",
            InputFormat::Text => "text",
        }
    }

    /// What the format is called in messages.
    pub fn title(self) -> &'static str {
        match self {
            InputFormat::Csv => "CSV",
            InputFormat::Jsonl => "JSON Lines",
            InputFormat::Connect => "Amazon Connect Contact Lens",
            InputFormat::Transcribe => "Amazon Transcribe Call Analytics",
            InputFormat::Genesys => "Genesys Cloud transcript",
            InputFormat::Ccai => "Google CCAI Insights",
            InputFormat::Zendesk => "Zendesk",
            InputFormat::Intercom => "Intercom",
            InputFormat::Twilio => "Twilio Conversations",
            InputFormat::Whisper => "Whisper JSON",
            InputFormat::Vtt => "WebVTT",
            InputFormat::Srt => "SRT",
            InputFormat::Text => "plain-text transcript",
        }
    }

    /// True for formats read whole from one JSON document.
    pub fn is_json_document(self) -> bool {
        matches!(
            self,
            InputFormat::Connect
                | InputFormat::Transcribe
                | InputFormat::Genesys
                | InputFormat::Ccai
                | InputFormat::Zendesk
                | InputFormat::Intercom
                | InputFormat::Twilio
                | InputFormat::Whisper
        )
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
    /// `--speakers agent=SPEAKER_00`: the label of each speaker, checked
    /// before everything else. When it names an agent but no customer,
    /// every other label is the customer.
    pub speakers: Vec<(Speaker, String)>,
    /// `--meta conversations.csv`: metadata joined on the conversation id.
    pub meta: Option<Arc<meta::MetaTable>>,
    /// `--meta-from-path '{agent}/{date}_{id}.json'`: metadata from paths.
    pub meta_from_path: Option<meta::PathPattern>,
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
    /// Warnings worth showing the user (e.g. an unknown JSON field), each a
    /// whole message that starts with the file (and line) it is about.
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
///
/// Metadata from `--meta` and `--meta-from-path` is filled into every
/// conversation the reader yields (only where the export left it empty).
pub fn open(file: &InputFile, config: &InputConfig) -> Result<Box<dyn ConversationReader>> {
    let path_meta = meta::PathMeta::for_file(file, config)?;
    let reader = open_format(file, config, &path_meta)?;
    Ok(meta::with_meta(reader, file, config, path_meta))
}

fn open_format(
    file: &InputFile,
    config: &InputConfig,
    path_meta: &meta::PathMeta,
) -> Result<Box<dyn ConversationReader>> {
    let source = source::Source::open(&file.path)?;
    detect::check_not_blank(&source)?;
    detect::check_not_binary(&source)?;
    let format = match config.format {
        Some(format) => Some(format),
        None => match detect::detect_source(&source)? {
            detect::Detected::Format(format) => Some(format),
            detect::Detected::JsonDocument => None,
        },
    };
    match format {
        Some(InputFormat::Csv) => Ok(Box::new(csv_long::CsvReader::from_source(
            file, config, source,
        )?)),
        Some(InputFormat::Jsonl) => Ok(Box::new(jsonl::JsonlReader::from_source(
            file, config, source,
        )?)),
        format => document::open(file, config, path_meta, source, format),
    }
}
