//! The lexicon loader on arbitrary text: a user rule file next to the
//! built-in categories and language data, parsed, validated and compiled
//! (regular expressions included).
#![no_main]

use convoscan::lexicon::load::{LexiconSource, Provenance, builtin_sources};
use convoscan::lexicon::load_sources;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources: Vec<LexiconSource> = builtin_sources()
        .into_iter()
        .filter(|s| s.path.ends_with("categories.toml") || s.path.ends_with("language.toml"))
        .collect();
    sources.push(LexiconSource {
        path: "user/nl/fuzz.toml".into(),
        language: Some("nl".to_string()),
        text: text.to_string(),
        provenance: Provenance::User,
    });
    let _ = load_sources(sources);
});
