//! Metadata a format lacks, from where real exports keep it: the file's
//! path (`--meta-from-path '{agent}/{date}_{id}.json'`) or a side CSV
//! (`--meta conversations.csv`, joined on the conversation id).
//!
//! Decisions:
//!
//! * Metadata only fills what is missing. What the export itself says wins,
//!   then the side CSV (one row per conversation, explicit columns), then
//!   the path. A conversation's agent from metadata becomes its primary
//!   agent when the export names none.
//! * `{id}` from the path is the conversation id of whole-file formats whose
//!   content has none (it replaces the file-stem default); it does not rename
//!   conversations that have an id of their own.
//! * A path that does not match the pattern is an error naming the path
//!   and the pattern: the user asked for the pattern to apply, and silently
//!   missing agents would skew every per-agent rate. `{date}` must read as a
//!   date (`2024-05-01`, `20240501`, or any timestamp the CSV reader takes).
//! * The side CSV is read with the CSV reader's header aliases
//!   (`conversation_id`/`gesprek_id`/..., `agent`/`medewerker`/...,
//!   `topic`, `channel`, `customer`, `language`, `timestamp`). A missing id
//!   column, an id that occurs twice and a timestamp that cannot be read
//!   are errors with the line. Conversations without a row are counted and
//!   reported once per file as a warning, with the first such id.
//!
//! Patterns: placeholders `{id}`, `{agent}`, `{topic}`, `{channel}`,
//! `{customer}`, `{date}` each match text within one path component;
//! `{*}` matches anything within a component. The pattern is matched
//! against the end of the path, from a component boundary; `.gz` (and,
//! failing that, the file's extension) may be left out of the pattern.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use csv::StringRecord;
use regex::Regex;

use super::columns::{Field, normalize_header};
use super::csv_long::sniff_delimiter;
use super::source::{ByteCounter, Source, is_stdin};
use super::time::parse_timestamp_ms;
use super::{ConversationReader, InputConfig, InputFile, ReaderStats};
use crate::error::{Error, Location, Result};
use crate::model::{Conversation, ReadItem, canonical_channel};

/// Metadata values for one conversation (or one file).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MetaValues {
    pub id: Option<String>,
    pub agent: Option<String>,
    pub topic: Option<String>,
    pub channel: Option<String>,
    pub customer: Option<String>,
    pub language: Option<String>,
    pub started_at_ms: Option<i64>,
}

impl MetaValues {
    fn is_empty(&self) -> bool {
        *self == MetaValues::default()
    }

    /// Fills what `conversation` lacks.
    pub fn fill(&self, conversation: &mut Conversation) {
        if conversation.agents.is_empty()
            && let Some(agent) = &self.agent
        {
            conversation.agents.push(agent.clone());
        }
        let fill = |slot: &mut Option<String>, value: &Option<String>| {
            if slot.is_none() {
                slot.clone_from(value);
            }
        };
        fill(&mut conversation.topic, &self.topic);
        fill(&mut conversation.customer_id, &self.customer);
        fill(&mut conversation.language, &self.language);
        if conversation.channel.is_none() {
            conversation.channel = self
                .channel
                .as_deref()
                .map(|c| canonical_channel(c).to_string());
        }
        if conversation.started_at_ms.is_none() {
            conversation.started_at_ms = self.started_at_ms;
        }
    }
}

/// A value that is a date or a timestamp: anything
/// [`parse_timestamp_ms`] reads, or `yyyymmdd`.
fn parse_date(value: &str) -> Option<i64> {
    let value = value.trim();
    if value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()) {
        return parse_timestamp_ms(&format!("{}-{}-{}", &value[..4], &value[4..6], &value[6..]));
    }
    parse_timestamp_ms(value)
}

/// A compiled `--meta-from-path` pattern.
#[derive(Clone, Debug)]
pub struct PathPattern {
    pattern: String,
    regex: Regex,
}

const PLACEHOLDERS: [&str; 7] = ["id", "agent", "topic", "channel", "customer", "date", "*"];

impl PathPattern {
    /// Compiles a pattern; a usage error explains what is wrong with it.
    pub fn new(pattern: &str) -> Result<PathPattern> {
        let bad = |why: String| {
            Error::usage(format!(
                "--meta-from-path {pattern}: {why} (placeholders: {{id}}, {{agent}}, {{topic}}, {{channel}}, {{customer}}, {{date}}, {{*}})"
            ))
        };
        let normalized = pattern.replace('\\', "/");
        let mut regex = String::from("(?:^|/)");
        let mut rest = normalized.trim_start_matches("./");
        let mut seen = Vec::new();
        while let Some(open) = rest.find('{') {
            regex.push_str(&regex::escape(&rest[..open]));
            let after = &rest[open + 1..];
            let close = after
                .find('}')
                .ok_or_else(|| bad("a `{` is not closed".into()))?;
            let name = after[..close].trim();
            if !PLACEHOLDERS.contains(&name) {
                return Err(bad(format!("unknown placeholder {{{name}}}")));
            }
            if name == "*" {
                regex.push_str("[^/]*?");
            } else {
                if seen.contains(&name) {
                    return Err(bad(format!("{{{name}}} appears twice")));
                }
                seen.push(name);
                regex.push_str(&format!("(?P<{name}>[^/]+?)"));
            }
            rest = &after[close + 1..];
        }
        if rest.contains('}') {
            return Err(bad("a `}` has no `{`".into()));
        }
        regex.push_str(&regex::escape(rest));
        regex.push('$');
        if seen.is_empty() {
            return Err(bad("it has no placeholder".into()));
        }
        let regex = Regex::new(&regex).map_err(|e| bad(e.to_string()))?;
        Ok(PathPattern {
            pattern: pattern.to_string(),
            regex,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The values in `path`, or `Ok(None)` when the path does not match.
    pub fn capture(&self, path: &Path) -> Result<Option<MetaValues>> {
        let full = path.to_string_lossy().replace('\\', "/");
        let without_gz = match full.to_ascii_lowercase().ends_with(".gz") {
            true => full[..full.len() - 3].to_string(),
            false => full.clone(),
        };
        let without_ext = match without_gz.rsplit_once('.') {
            Some((stem, ext)) if !ext.contains('/') && !stem.ends_with('/') => stem.to_string(),
            _ => without_gz.clone(),
        };
        // A pattern that ends with an extension is matched against the
        // name with its extension; one without, against the name without.
        let last = self.pattern.rsplit(['/', '\\']).next().unwrap_or("");
        let candidates = if last.contains('.') {
            vec![full, without_gz]
        } else {
            vec![without_ext, full]
        };
        let Some(caps) = candidates.iter().find_map(|c| self.regex.captures(c)) else {
            return Ok(None);
        };
        let get = |name: &str| caps.name(name).map(|m| m.as_str().to_string());
        let started_at_ms = match caps.name("date") {
            None => None,
            Some(date) => Some(parse_date(date.as_str()).ok_or_else(|| {
                Error::input(
                    Location::file(path),
                    format!(
                        "--meta-from-path {}: {{date}} is \"{}\" here, which is not a date (expected e.g. 2024-05-01 or 20240501)",
                        self.pattern,
                        date.as_str()
                    ),
                )
            })?),
        };
        Ok(Some(MetaValues {
            id: get("id"),
            agent: get("agent"),
            topic: get("topic"),
            channel: get("channel"),
            customer: get("customer"),
            language: None,
            started_at_ms,
        }))
    }
}

/// The metadata one file's path gives.
#[derive(Clone, Debug, Default)]
pub struct PathMeta(MetaValues);

impl PathMeta {
    /// Matches the file's path against `--meta-from-path`, if given.
    /// Standard input has no path and gets none.
    pub fn for_file(file: &InputFile, config: &InputConfig) -> Result<PathMeta> {
        let Some(pattern) = &config.meta_from_path else {
            return Ok(PathMeta::default());
        };
        if is_stdin(&file.path) {
            return Ok(PathMeta::default());
        }
        match pattern.capture(&file.path)? {
            Some(values) => Ok(PathMeta(values)),
            None => Err(Error::input(
                Location::file(&file.path),
                format!(
                    "this path does not match --meta-from-path {}; the pattern is matched against the end of the path, e.g. {{agent}}/{{date}}_{{id}}.json matches exports/A17/2024-05-01_8812.json",
                    pattern.as_str()
                ),
            )),
        }
    }

    /// `{id}` from the path.
    pub fn id(&self) -> Option<&str> {
        self.0.id.as_deref()
    }
}

/// `--meta`: rows of metadata by conversation id.
#[derive(Debug, Default)]
pub struct MetaTable {
    path: std::path::PathBuf,
    rows: HashMap<String, MetaValues>,
}

impl MetaTable {
    /// Reads a side CSV (`,`, `;` or tab; gzip and UTF-16 are fine).
    pub fn load(path: &Path) -> Result<MetaTable> {
        let source = Source::open_counted(path, ByteCounter::new())?;
        super::detect::check_not_blank(&source)?;
        let delimiter = sniff_delimiter(source.head());
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(source.into_reader());
        let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
        let mut columns: HashMap<Field, usize> = HashMap::new();
        for (i, header) in headers.iter().enumerate() {
            if let Some(field) = Field::from_alias(&normalize_header(header)) {
                columns.entry(field).or_insert(i);
            }
        }
        let Some(&id_column) = columns.get(&Field::ConversationId) else {
            let found: Vec<String> = headers.iter().map(|h| format!("\"{h}\"")).collect();
            return Err(Error::input(
                Location::line(path, 1),
                format!(
                    "--meta: no conversation id column (conversation_id, gesprek_id, ticket_id, contact_id, ...); the headers are: {}",
                    found.join(", ")
                ),
            ));
        };
        let mut rows = HashMap::new();
        let mut lines: HashMap<String, u64> = HashMap::new();
        let mut record = StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(csv_error(path, e)),
            }
            let line = record.position().map_or(0, |p| p.line());
            let cell = |field: Field| {
                columns
                    .get(&field)
                    .and_then(|&i| record.get(i))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_string)
            };
            let Some(id) = cell(Field::ConversationId) else {
                if record.iter().all(|v| v.trim().is_empty()) {
                    continue;
                }
                return Err(Error::input(
                    Location::line(path, line),
                    format!("--meta: empty conversation id (column {})", id_column + 1),
                ));
            };
            let started_at_ms = match cell(Field::Timestamp) {
                None => None,
                Some(value) => Some(parse_date(&value).ok_or_else(|| {
                    Error::input(
                        Location::line(path, line),
                        format!("--meta: cannot read \"{value}\" as a date-time"),
                    )
                })?),
            };
            let values = MetaValues {
                id: Some(id.clone()),
                agent: cell(Field::Agent),
                topic: cell(Field::Topic),
                channel: cell(Field::Channel),
                customer: cell(Field::Customer),
                language: cell(Field::Language),
                started_at_ms,
            };
            if let Some(first) = lines.insert(id.clone(), line) {
                return Err(Error::input(
                    Location::line(path, line),
                    format!("--meta: conversation id \"{id}\" is also on line {first}"),
                ));
            }
            rows.insert(id, values);
        }
        Ok(MetaTable {
            path: path.to_path_buf(),
            rows,
        })
    }

    pub fn get(&self, id: &str) -> Option<&MetaValues> {
        self.rows.get(id)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e.position().map_or(1, |p| p.line());
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(path, io),
        _ => Error::input(Location::line(path, line), format!("--meta: {message}")),
    }
}

/// Wraps `reader` so that metadata fills its conversations; returns it
/// unchanged when there is no metadata to fill.
pub fn with_meta(
    reader: Box<dyn ConversationReader>,
    file: &InputFile,
    config: &InputConfig,
    path_meta: PathMeta,
) -> Box<dyn ConversationReader> {
    if config.meta.is_none() && path_meta.0.is_empty() {
        return reader;
    }
    Box::new(MetaReader {
        inner: reader,
        file: file.path.clone(),
        table: config.meta.clone(),
        path: path_meta.0,
        unmatched: 0,
        first_unmatched: None,
    })
}

struct MetaReader {
    inner: Box<dyn ConversationReader>,
    /// The export being read, which warnings name.
    file: PathBuf,
    table: Option<Arc<MetaTable>>,
    path: MetaValues,
    unmatched: u64,
    first_unmatched: Option<String>,
}

impl ConversationReader for MetaReader {
    fn next_item(&mut self) -> Result<Option<ReadItem>> {
        let mut item = self.inner.next_item()?;
        if let Some(ReadItem::Conversation(conversation)) = &mut item {
            if let Some(table) = &self.table {
                match table.get(&conversation.id) {
                    Some(values) => values.fill(conversation),
                    None => {
                        self.unmatched += 1;
                        if self.first_unmatched.is_none() {
                            self.first_unmatched = Some(conversation.id.clone());
                        }
                    }
                }
            }
            self.path.fill(conversation);
        }
        Ok(item)
    }

    fn stats(&self) -> ReaderStats {
        let mut stats = self.inner.stats();
        if let (Some(table), Some(first)) = (&self.table, &self.first_unmatched) {
            stats.warnings.push(format!(
                "{}: {} conversation{} without a row in --meta {} (the first is \"{first}\")",
                self.file.display(),
                self.unmatched,
                if self.unmatched == 1 { "" } else { "s" },
                table.path.display()
            ));
        }
        stats
    }

    fn byte_counter(&self) -> ByteCounter {
        self.inner.byte_counter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capture(pattern: &str, path: &str) -> Option<MetaValues> {
        PathPattern::new(pattern)
            .unwrap()
            .capture(Path::new(path))
            .unwrap()
    }

    #[test]
    fn patterns_match_the_end_of_the_path() {
        let v = capture(
            "{agent}/{date}_{id}.json",
            "exports/A17/2024-05-01_8812_b.json",
        )
        .unwrap();
        assert_eq!(v.agent.as_deref(), Some("A17"));
        assert_eq!(v.id.as_deref(), Some("8812_b"));
        assert_eq!(v.started_at_ms, Some(1_714_521_600_000));
        let v = capture("{agent}/{date}_{id}.json", "A17/20240501_8812.json.gz").unwrap();
        assert_eq!(v.id.as_deref(), Some("8812"));
        assert_eq!(v.started_at_ms, Some(1_714_521_600_000));
        let v = capture("{topic}/{*}-{id}", "x/retour/week1-c9.vtt").unwrap();
        assert_eq!(v.topic.as_deref(), Some("retour"));
        assert_eq!(v.id.as_deref(), Some("c9"));
        assert!(capture("{agent}/{id}.json", "only.json").is_none());
        assert!(capture("{agent}/{id}.json", "a/b.vtt").is_none());
        assert!(capture("{channel}\\{id}.srt", "c:\\x\\chat\\1.srt").is_some());
    }

    #[test]
    fn bad_patterns_and_dates() {
        for (pattern, why) in [
            ("{agent}/{nope}.json", "unknown placeholder {nope}"),
            ("{id}/{id}.json", "{id} appears twice"),
            ("{id.json", "not closed"),
            ("plain.json", "no placeholder"),
            ("{id}}.json", "has no `{`"),
        ] {
            let err = PathPattern::new(pattern).unwrap_err().to_string();
            assert!(err.contains(why), "{pattern}: {err}");
        }
        let err = PathPattern::new("{date}_{id}.json")
            .unwrap()
            .capture(Path::new("d/yesterday_1.json"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"yesterday\""), "{err}");
    }

    #[test]
    fn meta_fills_only_what_is_missing() {
        let mut c = Conversation {
            id: "c1".into(),
            topic: Some("retour".into()),
            ..Conversation::default()
        };
        let values = MetaValues {
            agent: Some("A1".into()),
            topic: Some("levering".into()),
            channel: Some("Telefoon".into()),
            ..MetaValues::default()
        };
        values.fill(&mut c);
        assert_eq!(c.agents, ["A1"]);
        assert_eq!(c.topic.as_deref(), Some("retour"));
        assert_eq!(c.channel.as_deref(), Some("call"));
    }
}
