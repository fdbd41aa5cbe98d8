//! Which column of a CSV export holds which field.
//!
//! Platforms name their columns in English or Dutch, with spaces, dots or
//! capitals (`Conversation ID`, `gesprek-id`, `Begin.Offset.Millis`). Headers
//! are normalised (trimmed, lowercased, spaces, hyphens and dots to `_`) and
//! looked up in one alias table, so that users rarely need `--column`. When
//! they do, an override names the header for a field and always wins. When
//! two headers map to the same field, the first one (left to right) is
//! used. A missing required field is an error that lists the headers found
//! and shows the `--column` flag, because that is the fix.

use crate::error::{Error, Location, Result};

/// A field convoscan reads from an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    ConversationId,
    Speaker,
    Text,
    Agent,
    Customer,
    Channel,
    Topic,
    Timestamp,
    OffsetMs,
    OffsetSeconds,
    Turn,
    Language,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::ConversationId,
        Field::Speaker,
        Field::Text,
        Field::Agent,
        Field::Customer,
        Field::Channel,
        Field::Topic,
        Field::Timestamp,
        Field::OffsetMs,
        Field::OffsetSeconds,
        Field::Turn,
        Field::Language,
    ];

    /// Fields without which a conversation cannot be read.
    pub const REQUIRED: [Field; 3] = [Field::ConversationId, Field::Speaker, Field::Text];

    pub fn name(self) -> &'static str {
        match self {
            Field::ConversationId => "conversation_id",
            Field::Speaker => "speaker",
            Field::Text => "text",
            Field::Agent => "agent",
            Field::Customer => "customer",
            Field::Channel => "channel",
            Field::Topic => "topic",
            Field::Timestamp => "timestamp",
            Field::OffsetMs => "offset_ms",
            Field::OffsetSeconds => "offset_s",
            Field::Turn => "turn",
            Field::Language => "language",
        }
    }

    /// Parses a field name as `--column` takes it (normalised like a header).
    pub fn from_name(name: &str) -> Option<Field> {
        let name = normalize_header(name);
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The header names recognised for this field, normalised.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::ConversationId => &[
                "conversation_id",
                "conversationid",
                "conversation",
                "call_id",
                "chat_id",
                "ticket_id",
                "session_id",
                "contact_id",
                "interaction_id",
                "gesprek_id",
                "gesprek",
                "gespreksid",
                "dossier_id",
            ],
            Field::Speaker => &[
                "speaker",
                "role",
                "participant",
                "participant_role",
                "from",
                "sender",
                "author",
                "author_type",
                "spreker",
                "rol",
                "afzender",
            ],
            Field::Text => &[
                "text",
                "message",
                "content",
                "utterance",
                "body",
                "transcript",
                "tekst",
                "bericht",
                "inhoud",
            ],
            Field::Agent => &[
                "agent",
                "agent_id",
                "agent_name",
                "agentid",
                "employee",
                "employee_id",
                "medewerker",
                "medewerker_id",
                "operator",
            ],
            Field::Customer => &[
                "customer",
                "customer_id",
                "client_id",
                "klant",
                "klant_id",
                "klantnummer",
                "caller_id",
                "user_id",
            ],
            Field::Channel => &["channel", "kanaal", "media_type", "mediatype"],
            Field::Topic => &[
                "topic",
                "onderwerp",
                "category",
                "categorie",
                "reason",
                "contact_reason",
                "intent",
                "queue",
                "skill",
            ],
            Field::Timestamp => &[
                "timestamp",
                "time",
                "datetime",
                "created_at",
                "date_created",
                "tijdstip",
                "datum_tijd",
                "sent_at",
            ],
            Field::OffsetMs => &[
                "offset_ms",
                "begin_offset_millis",
                "start_ms",
                "beginoffsetmillis",
            ],
            Field::OffsetSeconds => &[
                "offset",
                "offset_s",
                "offset_seconds",
                "start",
                "start_time",
                "seconds",
                "tijd_s",
            ],
            Field::Turn => &[
                "turn",
                "turn_index",
                "turn_id",
                "seq",
                "sequence",
                "index",
                "volgnummer",
                "beurt",
            ],
            Field::Language => &["language", "lang", "taal", "language_code"],
        }
    }

    /// The field a normalised header stands for by the alias table.
    pub fn from_alias(normalized_header: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.aliases().contains(&normalized_header))
    }
}

/// Normalises a header for matching: strips a UTF-8 BOM, trims, lowercases,
/// and turns spaces, hyphens and dots into `_` (runs collapse to one).
pub fn normalize_header(header: &str) -> String {
    let header = header.trim_start_matches('\u{feff}').trim().to_lowercase();
    let mut out = String::with_capacity(header.len());
    for c in header.chars() {
        let c = if c.is_whitespace() || c == '-' || c == '.' {
            '_'
        } else {
            c
        };
        if c == '_' && out.ends_with('_') {
            continue;
        }
        out.push(c);
    }
    out
}

/// The column index of each field in one file's header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMap {
    columns: [Option<usize>; Field::ALL.len()],
}

impl ColumnMap {
    pub fn get(&self, field: Field) -> Option<usize> {
        self.columns[field.index()]
    }

    /// Index of a required field; resolution guarantees it is present.
    pub fn required(&self, field: Field) -> usize {
        self.get(field).unwrap_or(usize::MAX)
    }

    /// Maps the header row. `location` is the header line, for errors.
    pub fn resolve(
        headers: &[String],
        overrides: &[(Field, String)],
        location: &Location,
    ) -> Result<ColumnMap> {
        let normalized: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
        let mut map = ColumnMap::default();
        let mut claimed = vec![false; headers.len()];
        for (field, header) in overrides {
            let wanted = normalize_header(header);
            match normalized.iter().position(|h| *h == wanted) {
                Some(i) => {
                    map.columns[field.index()] = Some(i);
                    claimed[i] = true;
                }
                None => {
                    return Err(Error::input(
                        location.clone(),
                        format!(
                            "--column {}={header}: there is no column \"{header}\"; the headers are: {}",
                            field.name(),
                            list_headers(headers)
                        ),
                    ));
                }
            }
        }
        for (i, header) in normalized.iter().enumerate() {
            if claimed[i] {
                continue;
            }
            if let Some(field) = Field::from_alias(header) {
                let slot = &mut map.columns[field.index()];
                if slot.is_none() {
                    *slot = Some(i);
                }
            }
        }
        let missing: Vec<Field> = Field::REQUIRED
            .into_iter()
            .filter(|f| map.get(*f).is_none())
            .collect();
        if let Some(first) = missing.first() {
            let names: Vec<&str> = missing.iter().map(|f| f.name()).collect();
            return Err(Error::input(
                location.clone(),
                format!(
                    "no column for required field{} {}; the headers are: {}. Name the column with --column {}=HEADER",
                    if missing.len() > 1 { "s" } else { "" },
                    names.join(", "),
                    list_headers(headers),
                    first.name()
                ),
            ));
        }
        Ok(map)
    }
}

fn list_headers(headers: &[String]) -> String {
    if headers.is_empty() {
        return "(none)".into();
    }
    headers
        .iter()
        .map(|h| format!("\"{}\"", h.trim_start_matches('\u{feff}')))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn loc() -> Location {
        Location::line("x.csv", 1)
    }

    #[test]
    fn names_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_name(field.name()), Some(field));
            assert_eq!(Field::from_alias(field.name()), Some(field), "{field:?}");
        }
        assert_eq!(Field::from_name("Offset S"), Some(Field::OffsetSeconds));
        assert_eq!(Field::from_name("nope"), None);
    }

    #[test]
    fn aliases_are_unique_and_normalised() {
        let mut seen = std::collections::BTreeSet::new();
        for field in Field::ALL {
            for alias in field.aliases() {
                assert_eq!(normalize_header(alias), *alias);
                assert!(seen.insert(*alias), "{alias} twice");
            }
        }
    }

    #[test]
    fn normalisation() {
        assert_eq!(
            normalize_header("\u{feff} Conversation ID "),
            "conversation_id"
        );
        assert_eq!(
            normalize_header("Begin.Offset.Millis"),
            "begin_offset_millis"
        );
        assert_eq!(normalize_header("gesprek - id"), "gesprek_id");
    }

    #[test]
    fn dutch_headers() {
        let h = headers(&["Gesprek ID", "Spreker", "Tekst", "Medewerker", "Tijdstip"]);
        let map = ColumnMap::resolve(&h, &[], &loc()).unwrap();
        assert_eq!(map.get(Field::ConversationId), Some(0));
        assert_eq!(map.get(Field::Speaker), Some(1));
        assert_eq!(map.get(Field::Text), Some(2));
        assert_eq!(map.get(Field::Agent), Some(3));
        assert_eq!(map.get(Field::Timestamp), Some(4));
        assert_eq!(map.get(Field::Topic), None);
    }

    #[test]
    fn first_alias_wins_override_wins_over_all() {
        let h = headers(&["chat_id", "role", "message", "text", "participant"]);
        let map = ColumnMap::resolve(&h, &[], &loc()).unwrap();
        assert_eq!(map.get(Field::Text), Some(2));
        assert_eq!(map.get(Field::Speaker), Some(1));
        let overrides = vec![
            (Field::Text, "Text".to_string()),
            (Field::Agent, "role".to_string()),
        ];
        let map = ColumnMap::resolve(&h, &overrides, &loc()).unwrap();
        assert_eq!(map.get(Field::Text), Some(3));
        assert_eq!(map.get(Field::Agent), Some(1));
        // `role` is claimed by the override, so the speaker is `participant`.
        assert_eq!(map.get(Field::Speaker), Some(4));
    }

    #[test]
    fn missing_required_field_says_how_to_fix() {
        let h = headers(&["id", "who", "text"]);
        let err = ColumnMap::resolve(&h, &[], &loc()).unwrap_err().to_string();
        assert!(err.starts_with("x.csv:1: "), "{err}");
        assert!(err.contains("conversation_id, speaker"), "{err}");
        assert!(err.contains("\"id\", \"who\", \"text\""), "{err}");
        assert!(err.contains("--column conversation_id=HEADER"), "{err}");
        let overrides = vec![
            (Field::ConversationId, "ID".to_string()),
            (Field::Speaker, "who".to_string()),
        ];
        assert!(ColumnMap::resolve(&h, &overrides, &loc()).is_ok());
    }

    #[test]
    fn override_of_absent_header_is_an_error() {
        let h = headers(&["chat_id", "role", "message"]);
        let overrides = vec![(Field::Topic, "Queue Name".to_string())];
        let err = ColumnMap::resolve(&h, &overrides, &loc())
            .unwrap_err()
            .to_string();
        assert!(err.contains("--column topic=Queue Name"), "{err}");
        assert!(err.contains("\"chat_id\""), "{err}");
    }
}
