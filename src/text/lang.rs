//! Language detection by function words.
//!
//! Exports rarely say which language a conversation is in, and a Dutch
//! contact centre handles English customers too. Function words (`de`, `het`,
//! `niet` against `the`, `is`, `not`) separate Dutch from English reliably
//! after a few sentences, cost one hash lookup per word, and come from the
//! lexicon data (`stopwords` in each `language.toml`), so a German lexicon
//! brings its own.

use std::collections::HashMap;

use crate::text::scan::is_word_char;

/// How many words of a conversation are looked at.
const WORDS_SAMPLED: usize = 400;

#[derive(Debug, Default)]
pub struct LanguageDetector {
    /// Word → bit set of the languages (by index) it is a function word of.
    words: HashMap<Box<str>, u64>,
    languages: usize,
}

impl LanguageDetector {
    /// `stopwords[i]` are the (normalised) function words of language `i`.
    /// At most 64 languages.
    pub fn new(stopwords: &[Vec<String>]) -> Self {
        let mut words: HashMap<Box<str>, u64> = HashMap::new();
        for (index, list) in stopwords.iter().enumerate().take(64) {
            for word in list {
                *words.entry(word.as_str().into()).or_default() |= 1 << index;
            }
        }
        LanguageDetector {
            words,
            languages: stopwords.len().min(64),
        }
    }

    /// The index of the most likely language of normalised `text`, or `None`
    /// when there is too little evidence (fewer than 2 function words) or a
    /// tie.
    pub fn detect(&self, text: &str) -> Option<usize> {
        if self.languages == 0 {
            return None;
        }
        let mut scores = [0u32; 64];
        let mut sampled = 0;
        for word in text.split(|c: char| !is_word_char(c) && c != '\'') {
            if word.is_empty() {
                continue;
            }
            sampled += 1;
            if sampled > WORDS_SAMPLED {
                break;
            }
            if let Some(&mask) = self.words.get(word) {
                for (index, score) in scores.iter_mut().enumerate().take(self.languages) {
                    if mask & (1 << index) != 0 {
                        *score += 1;
                    }
                }
            }
        }
        let scores = &scores[..self.languages];
        let best = *scores.iter().max()?;
        if best < 2 || scores.iter().filter(|&&s| s == best).count() > 1 {
            return None;
        }
        scores.iter().position(|&s| s == best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detector() -> LanguageDetector {
        let nl = ["de", "het", "een", "niet", "ik", "u", "is", "dat", "van"];
        let en = ["the", "a", "not", "i", "you", "is", "that", "of"];
        LanguageDetector::new(&[
            nl.iter().map(|s| s.to_string()).collect(),
            en.iter().map(|s| s.to_string()).collect(),
        ])
    }

    #[test]
    fn tells_dutch_from_english() {
        let d = detector();
        assert_eq!(d.detect("ik heb de factuur van u niet ontvangen"), Some(0));
        assert_eq!(
            d.detect("i have not received the invoice you sent"),
            Some(1)
        );
    }

    #[test]
    fn too_little_evidence_is_unknown() {
        let d = detector();
        assert_eq!(d.detect("ok"), None);
        assert_eq!(d.detect("is"), None);
        assert_eq!(d.detect(""), None);
    }
}
