//! Language detection by function words.
//!
//! Exports rarely say which language a conversation is in, and a Dutch
//! contact centre handles English customers too. Function words (`de`, `het`,
//! `niet` against `the`, `is`, `not`) separate Dutch from English reliably
//! after a few sentences, cost one hash lookup per word, and come from the
//! lexicon data (`stopwords` in each `language.toml`), so a German lexicon
//! brings its own.

/// How many words of a conversation are looked at: plenty to tell languages
/// apart, and a bound on the cost of long conversations.
const WORDS_SAMPLED: usize = 250;

/// Function words longer than this are not used (they would not fit the
/// packed key); all useful ones are short.
const MAX_WORD: usize = 16;

/// A word of up to 16 ASCII bytes packed into an integer: comparing two words
/// is one integer comparison, and looking one up is a binary search in a
/// small sorted table, with no hashing.
fn pack(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > MAX_WORD || !word.is_ascii() {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    Some(u128::from_be_bytes(bytes))
}

#[derive(Debug, Default)]
pub struct LanguageDetector {
    /// Open-addressing table: packed function word → bit set of the
    /// languages (by index) it belongs to; an empty slot has key 0 (no
    /// packed word is 0). Its length is a power of two, at most a quarter
    /// full, so a lookup is one or two probes.
    table: Vec<(u128, u64)>,
    languages: usize,
}

fn slot(key: u128, len: usize) -> usize {
    let mixed =
        ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 32) as usize & (len - 1)
}

impl LanguageDetector {
    /// `stopwords[i]` are the (normalised) function words of language `i`.
    /// At most 64 languages; words longer than 16 bytes or not ASCII are
    /// ignored.
    pub fn new(stopwords: &[Vec<String>]) -> Self {
        let mut words: Vec<(u128, u64)> = Vec::new();
        for (index, list) in stopwords.iter().enumerate().take(64) {
            for key in list.iter().filter_map(|w| pack(w.as_bytes())) {
                match words.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, mask)) => *mask |= 1 << index,
                    None => words.push((key, 1 << index)),
                }
            }
        }
        let len = (words.len() * 4).next_power_of_two().max(64);
        let mut table = vec![(0u128, 0u64); len];
        for (key, mask) in words {
            let mut i = slot(key, len);
            while table[i].0 != 0 {
                i = (i + 1) & (len - 1);
            }
            table[i] = (key, mask);
        }
        LanguageDetector {
            table,
            languages: stopwords.len().min(64),
        }
    }

    fn lookup(&self, key: u128) -> Option<u64> {
        let len = self.table.len();
        if len == 0 {
            return None;
        }
        let mut i = slot(key, len);
        loop {
            let (k, mask) = self.table[i];
            if k == key {
                return Some(mask);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & (len - 1);
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
        let bytes = text.as_bytes();
        let mut sampled = 0;
        let mut i = 0;
        while i < bytes.len() && sampled < WORDS_SAMPLED {
            // Skip to the start of a word; non-ASCII bytes belong to words.
            if !is_word_byte(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && is_word_byte(bytes[i]) {
                i += 1;
            }
            sampled += 1;
            let Some(key) = pack(&bytes[start..i]) else {
                continue;
            };
            if let Some(mask) = self.lookup(key) {
                for (index, score) in scores.iter_mut().enumerate().take(self.languages) {
                    if mask & (1 << index) != 0 {
                        *score += 1;
                    }
                }
                if clear_winner(&scores[..self.languages]) {
                    break;
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

/// True when one language leads so clearly that more words cannot change
/// the outcome in practice: at least 12 function words and three times the
/// runner-up.
fn clear_winner(scores: &[u32]) -> bool {
    let mut best = 0;
    let mut second = 0;
    for &s in scores {
        if s > best {
            second = best;
            best = s;
        } else if s > second {
            second = s;
        }
    }
    best >= 12 && best >= 3 * second
}

/// Bytes of a word in normalised text: ASCII letters, digits, `_` and `'`
/// (so `don't` is one word), and every byte of a non-ASCII character.
static WORD_BYTE: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b'\'';
        b += 1;
    }
    table
};

fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[b as usize]
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
