//! Reading whole JSON documents (vendor exports) with errors that point at
//! the problem.
//!
//! Vendor exports hold one conversation, or one page of them, per file, so
//! a file is parsed whole into a [`serde_json::Value`] (the caller caps the
//! file size with `Limits::max_conversation_bytes`; serde_json's recursion
//! limit of 128 stays on). A syntax error is reported as `file:line:col`. A
//! value of the wrong shape is reported with its JSON path
//! (`$.Transcript[3].Content: expected a string, found a number`), because
//! that is what someone holding the vendor's documentation can act on.
//!
//! [`Node`] is a value plus its path. Accessors treat `null` like a missing
//! key, accept integers where an id string is expected (ids are numeric in
//! some APIs and strings in others), and never panic.

use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Location, Result};

/// Parses `text` as one JSON document; syntax errors carry line and column.
pub fn parse(path: &Path, text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = message.strip_suffix(&suffix).unwrap_or(&message);
        let location = if e.line() > 0 {
            Location::at(path, e.line() as u64, e.column().max(1) as u64)
        } else {
            Location::file(path)
        };
        Error::input(location, format!("invalid JSON: {message}"))
    })
}

/// A JSON value and where it is in the document.
#[derive(Clone, Debug)]
pub struct Node<'v> {
    pub value: &'v Value,
    pub path: String,
    file: &'v Path,
}

fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("a boolean ({b})"),
        Value::Number(n) => format!("a number ({n})"),
        Value::String(s) if s.chars().count() > 40 => "a string".into(),
        Value::String(s) => format!("a string (\"{s}\")"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

impl<'v> Node<'v> {
    pub fn root(file: &'v Path, value: &'v Value) -> Node<'v> {
        Node {
            value,
            path: "$".into(),
            file,
        }
    }

    pub fn file(&self) -> &'v Path {
        self.file
    }

    /// An error about this value.
    pub fn error(&self, message: impl AsRef<str>) -> Error {
        Error::input(
            Location::file(self.file),
            format!("{}: {}", self.path, message.as_ref()),
        )
    }

    fn expected(&self, what: &str) -> Error {
        self.error(format!("expected {what}, found {}", kind(self.value)))
    }

    pub fn is_object(&self) -> bool {
        self.value.is_object()
    }

    /// True when this is an object with `key` (not null).
    pub fn has(&self, key: &str) -> bool {
        self.value.get(key).is_some_and(|v| !v.is_null())
    }

    /// The member `key`, if present and not null. Not an object: error.
    pub fn get(&self, key: &str) -> Result<Option<Node<'v>>> {
        let Some(map) = self.value.as_object() else {
            return Err(self.expected("an object"));
        };
        Ok(map.get(key).filter(|v| !v.is_null()).map(|value| Node {
            value,
            path: format!("{}.{key}", self.path),
            file: self.file,
        }))
    }

    /// The member `key`; missing or null is an error.
    pub fn req(&self, key: &str) -> Result<Node<'v>> {
        self.get(key)?
            .ok_or_else(|| self.error(format!("missing field `{key}`")))
    }

    /// The elements of an array.
    pub fn items(&self) -> Result<Vec<Node<'v>>> {
        let Some(items) = self.value.as_array() else {
            return Err(self.expected("an array"));
        };
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, value)| Node {
                value,
                path: format!("{}[{i}]", self.path),
                file: self.file,
            })
            .collect())
    }

    pub fn str(&self) -> Result<&'v str> {
        self.value.as_str().ok_or_else(|| self.expected("a string"))
    }

    /// A string, or an integer written out (ids).
    pub fn id(&self) -> Result<String> {
        match self.value {
            Value::String(s) => Ok(s.trim().to_string()),
            Value::Number(n) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
            _ => Err(self.expected("a string or an integer id")),
        }
    }

    pub fn u64(&self) -> Result<u64> {
        self.value
            .as_u64()
            .ok_or_else(|| self.expected("a non-negative integer"))
    }

    pub fn i64(&self) -> Result<i64> {
        self.value
            .as_i64()
            .ok_or_else(|| self.expected("an integer"))
    }

    /// A non-negative number (seconds, say).
    pub fn non_negative(&self) -> Result<f64> {
        match self.value.as_f64() {
            Some(x) if x.is_finite() && x >= 0.0 => Ok(x),
            _ => Err(self.expected("a non-negative number")),
        }
    }

    pub fn bool(&self) -> Result<bool> {
        self.value
            .as_bool()
            .ok_or_else(|| self.expected("true or false"))
    }

    /// `get(key)` as a string.
    pub fn opt_str(&self, key: &str) -> Result<Option<&'v str>> {
        self.get(key)?.map(|n| n.str()).transpose()
    }

    /// `get(key)` as an id.
    pub fn opt_id(&self, key: &str) -> Result<Option<String>> {
        self.get(key)?.map(|n| n.id()).transpose()
    }

    /// The node at a dotted path of keys, if every step is present.
    pub fn get_path(&self, keys: &[&str]) -> Result<Option<Node<'v>>> {
        let mut node = self.clone();
        for key in keys {
            match node.get(key)? {
                Some(next) => node = next,
                None => return Ok(None),
            }
        }
        Ok(Some(node))
    }
}

/// The keys of an object, or of the first element of an array of objects.
pub fn top_keys(value: &Value) -> Vec<&str> {
    let object = match value {
        Value::Object(map) => Some(map),
        Value::Array(items) => items.first().and_then(Value::as_object),
        _ => None,
    };
    object.map_or_else(Vec::new, |m| m.keys().map(String::as_str).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_line_and_column() {
        let err = parse(Path::new("x.json"), "{\n  \"a\": [1,\n}")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("x.json:3:1: invalid JSON: "), "{err}");
    }

    #[test]
    fn shape_errors_have_a_path() {
        let value: Value = serde_json::from_str(r#"{"T": [{"C": "a"}, {"C": 5}]}"#).unwrap();
        let root = Node::root(Path::new("x.json"), &value);
        let items = root.req("T").unwrap().items().unwrap();
        assert_eq!(items[0].req("C").unwrap().str().unwrap(), "a");
        let err = items[1].req("C").unwrap().str().unwrap_err().to_string();
        assert_eq!(
            err,
            "x.json: $.T[1].C: expected a string, found a number (5)"
        );
        let err = items[1].req("D").unwrap_err().to_string();
        assert_eq!(err, "x.json: $.T[1]: missing field `D`");
        assert_eq!(items[1].req("C").unwrap().id().unwrap(), "5");
    }
}
