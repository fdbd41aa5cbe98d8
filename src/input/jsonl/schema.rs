//! The serde side of convoscan's JSON Lines schema.
//!
//! Hand-written visitors instead of derives, for two reasons: unknown field
//! names are collected (a typo like `speker` must not vanish silently, and
//! serde's derive can only ignore or reject them), and strings without
//! escapes are borrowed from the line instead of copied.
//!
//! Deep nesting cannot overflow the stack: these visitors nest only as deep
//! as the schema (a nested array where a string belongs is a type error at
//! once), serde_json skips values of unknown fields without recursion, and
//! its recursion limit (128) stays on for anything else.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A string value, borrowed when it has no escapes. Integers are accepted
/// too and written out, because ids and agent numbers are often numeric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Str<'a>(pub Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor;
        impl<'de> Visitor<'de> for StrVisitor {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
        }
        deserializer.deserialize_any(StrVisitor)
    }
}

impl Str<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One line: a conversation.
#[derive(Debug, Default)]
pub struct RawConversation<'a> {
    pub id: Option<Str<'a>>,
    pub channel: Option<Str<'a>>,
    pub agent: Option<Str<'a>>,
    pub customer: Option<Str<'a>>,
    pub topic: Option<Str<'a>>,
    pub language: Option<Str<'a>>,
    pub started_at: Option<Str<'a>>,
    pub turns: Option<Vec<RawTurn<'a>>>,
}

/// One element of `turns`.
#[derive(Debug, Default)]
pub struct RawTurn<'a> {
    pub speaker: Option<Str<'a>>,
    /// `Some(None)` for `"text": null`, which counts as an empty text.
    pub text: Option<Option<Str<'a>>>,
    pub agent: Option<Str<'a>>,
    pub at: Option<Str<'a>>,
    pub offset: Option<f64>,
    pub offset_ms: Option<u64>,
}

/// Deserializes a [`RawConversation`], appending the names of unknown fields
/// (`speker`, `turns[].speker`) to `unknown`.
pub struct ConversationSeed<'u> {
    pub unknown: &'u mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for ConversationSeed<'_> {
    type Value = RawConversation<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ConversationSeed<'_> {
    type Value = RawConversation<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a conversation object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut conv = RawConversation::default();
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match key.as_str() {
                "id" => conv.id = map.next_value()?,
                "channel" => conv.channel = map.next_value()?,
                "agent" => conv.agent = map.next_value()?,
                "customer" => conv.customer = map.next_value()?,
                "topic" => conv.topic = map.next_value()?,
                "language" => conv.language = map.next_value()?,
                "started_at" => conv.started_at = map.next_value()?,
                "turns" => {
                    conv.turns = Some(map.next_value_seed(TurnsSeed {
                        unknown: &mut *self.unknown,
                    })?);
                }
                other => {
                    self.unknown.push(other.to_string());
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(conv)
    }
}

struct TurnsSeed<'u> {
    unknown: &'u mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for TurnsSeed<'_> {
    type Value = Vec<RawTurn<'de>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for TurnsSeed<'_> {
    type Value = Vec<RawTurn<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence of turns")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut turns = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(turn) = seq.next_element_seed(TurnSeed {
            unknown: &mut *self.unknown,
        })? {
            turns.push(turn);
        }
        Ok(turns)
    }
}

struct TurnSeed<'u> {
    unknown: &'u mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for TurnSeed<'_> {
    type Value = RawTurn<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TurnSeed<'_> {
    type Value = RawTurn<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a turn object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut turn = RawTurn::default();
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match key.as_str() {
                "speaker" => turn.speaker = map.next_value()?,
                "text" => turn.text = Some(map.next_value()?),
                "agent" => turn.agent = map.next_value()?,
                "at" => turn.at = map.next_value()?,
                "offset" => turn.offset = map.next_value()?,
                "offset_ms" => turn.offset_ms = map.next_value()?,
                other => {
                    let name = format!("turns[].{other}");
                    if !self.unknown.contains(&name) {
                        self.unknown.push(name);
                    }
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(turn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> (Result<RawConversation<'_>, serde_json::Error>, Vec<String>) {
        let mut unknown = Vec::new();
        let mut de = serde_json::Deserializer::from_str(line);
        let result = ConversationSeed {
            unknown: &mut unknown,
        }
        .deserialize(&mut de)
        .and_then(|c| de.end().map(|()| c));
        (result, unknown)
    }

    #[test]
    fn borrows_plain_strings_and_collects_unknown_fields() {
        let (conv, unknown) = parse(
            r#"{"id": 42, "topic": "a\"b", "x": {"y": [1]}, "turns": [{"speker": "agent", "text": null, "offset": 1}]}"#,
        );
        let conv = conv.unwrap();
        assert_eq!(conv.id.unwrap().as_str(), "42");
        assert_eq!(conv.topic.unwrap().as_str(), "a\"b");
        let turns = conv.turns.unwrap();
        assert_eq!(turns[0].text, Some(None));
        assert_eq!(turns[0].offset, Some(1.0));
        assert_eq!(unknown, vec!["x", "turns[].speker"]);
    }

    #[test]
    fn wrong_types_and_depth_are_errors() {
        let (conv, _) = parse(r#"{"id": "c1", "turns": "x"}"#);
        let err = conv.unwrap_err().to_string();
        assert!(err.contains("expected a sequence"), "{err}");
        let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let deep = format!(r#"{{"id": "c1", "turns": [{{"speaker": "x", "text": {nested}}}]}}"#);
        let err = parse(&deep).0.unwrap_err().to_string();
        assert!(err.contains("expected a string"), "{err}");
        // Ignored values are skipped without recursion: no limit needed.
        let ignored = format!(r#"{{"id": "c1", "extra": {nested}}}"#);
        assert!(parse(&ignored).0.is_ok());
        // And the recursion limit is on (no `unbounded_depth`), for any
        // future field that deserializes nested values.
        let err = serde_json::from_str::<serde_json::Value>(&nested).unwrap_err();
        assert!(err.to_string().contains("recursion limit"), "{err}");
    }
}
