//! Text normalisation: the one form every phrase, pattern and transcript is
//! compared in.
//!
//! Analysts write `geïrriteerd`, agents type `geirriteerd`, speech-to-text
//! writes `Geïrriteerd`; typographic apostrophes (`don’t`) and double spaces
//! are everywhere. Normalising both sides once, instead of making every
//! phrase case- and accent-insensitive, keeps matching a plain byte search:
//!
//! * lowercase (full Unicode lowercasing);
//! * Latin diacritics folded (`é` → `e`, `ï` → `i`, `ĳ` → `ij`, `ß` → `ss`),
//!   combining marks dropped;
//! * typographic quotes and apostrophes unified (`’` → `'`, `“` → `"`),
//!   dashes to `-`, `…` to `...`;
//! * every run of whitespace becomes one space; zero-width characters vanish.
//!
//! Normalising records, for every output byte, the byte offset of the input
//! character it came from, so a match in normalised text maps back to the
//! original words for quotes and highlighting.

/// Where the source offsets of normalised bytes go: a `Vec<u32>` when a
/// caller needs them (to quote a finding), nowhere in the hot path.
trait OffsetSink {
    /// Whether the eight-byte fast path may be used (it records no offsets).
    const FAST: bool;
    fn push(&mut self, offset: u32);
    fn repeat(&mut self, offset: u32, times: usize);
}

impl OffsetSink for () {
    const FAST: bool = true;
    #[inline(always)]
    fn push(&mut self, _: u32) {}
    #[inline(always)]
    fn repeat(&mut self, _: u32, _: usize) {}
}

impl OffsetSink for Vec<u32> {
    const FAST: bool = false;
    fn push(&mut self, offset: u32) {
        Vec::push(self, offset);
    }
    fn repeat(&mut self, offset: u32, times: usize) {
        self.extend(std::iter::repeat_n(offset, times));
    }
}

/// How the hot loop treats each byte.
const PLAIN: u8 = 0;
const SPACE: u8 = 1;
const OTHER: u8 = 2;

/// Byte classes: ASCII whitespace, other ASCII, and bytes of non-ASCII
/// characters (which take the slow path).
static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_whitespace() {
            SPACE
        } else {
            PLAIN
        };
        b += 1;
    }
    table
};

/// Appends the normalised form of `input` to `out`, which stays valid UTF-8
/// (this function only appends whole characters). Leading and trailing
/// whitespace is dropped. The buffer is caller-owned so the hot path reuses
/// it.
pub fn normalize_bytes(input: &str, out: &mut Vec<u8>) {
    normalize_impl(input, 0, out, &mut ());
}

/// Appends the normalised form of `input` to `out` (cold paths).
pub fn normalize_into(input: &str, out: &mut String) {
    let mut bytes = std::mem::take(out).into_bytes();
    normalize_impl(input, 0, &mut bytes, &mut ());
    *out = into_string(bytes);
}

/// Like [`normalize_into`], and for each byte appended pushes
/// `base + offset of its source character` to `map`.
pub fn normalize_mapped(input: &str, base: u32, out: &mut String, map: &mut Vec<u32>) {
    let mut bytes = std::mem::take(out).into_bytes();
    normalize_impl(input, base, &mut bytes, map);
    *out = into_string(bytes);
}

/// Converts a buffer filled by [`normalize_bytes`] into a `String` without
/// copying. It is valid UTF-8 by construction; the fallback only guards the
/// invariant.
pub fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Eight copies of a byte.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// Lowercases the ASCII letters of eight ASCII bytes at once.
fn lowercase_ascii8(x: u64) -> u64 {
    // High bit of each byte set where the byte is >= b'A' and <= b'Z'
    // (all bytes are < 0x80, so the additions cannot carry across bytes).
    let at_least_a = x.wrapping_add(splat(0x80 - b'A'));
    let above_z = x.wrapping_add(splat(0x80 - b'Z' - 1));
    let upper = (at_least_a & !above_z) & splat(0x80);
    x | (upper >> 2)
}

/// True when eight bytes can be copied with only lowercasing: all ASCII, no
/// control characters (tabs, line breaks), and no two spaces in a row (also
/// across the previous byte, `prev_space`).
fn simple8(x: u64, prev_space: bool) -> bool {
    let non_ascii = x & splat(0x80);
    // High bit set in bytes < 0x20.
    let control = x.wrapping_sub(splat(0x20)) & !x & splat(0x80);
    // High bit set in bytes equal to b' '.
    let spaces = {
        let y = x ^ splat(b' ');
        y.wrapping_sub(splat(1)) & !y & splat(0x80)
    };
    let (this, next) = if cfg!(target_endian = "little") {
        (spaces, spaces << 8)
    } else {
        (spaces, spaces >> 8)
    };
    let first_is_space = if cfg!(target_endian = "little") {
        spaces & 0x80 != 0
    } else {
        spaces & (0x80 << 56) != 0
    };
    non_ascii == 0 && control == 0 && (this & next) == 0 && !(prev_space && first_is_space)
}

fn normalize_impl<M: OffsetSink>(input: &str, base: u32, out: &mut Vec<u8>, map: &mut M) {
    let bytes = input.as_bytes();
    out.reserve(bytes.len() + 4);
    let mut pending_space = false;
    let mut wrote_any = false;
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: eight plain bytes at a time (never at the very start,
        // where leading whitespace must be dropped, nor with a space pending).
        if M::FAST && wrote_any && !pending_space && i + 8 <= bytes.len() {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(&bytes[i..i + 8]);
            let x = u64::from_ne_bytes(chunk);
            let prev_space = out.last() == Some(&b' ');
            if simple8(x, prev_space) {
                out.extend_from_slice(&lowercase_ascii8(x).to_ne_bytes());
                i += 8;
                continue;
            }
        }
        let byte = bytes[i];
        match CLASS[byte as usize] {
            PLAIN => {
                if pending_space {
                    if out.last() != Some(&b' ') {
                        out.push(b' ');
                        map.push(base + i as u32);
                    }
                    pending_space = false;
                }
                out.push(byte.to_ascii_lowercase());
                map.push(base + i as u32);
                wrote_any = true;
                i += 1;
                continue;
            }
            SPACE => {
                pending_space = wrote_any;
                i += 1;
                continue;
            }
            _ => {}
        }
        // A non-ASCII character: decode it and fold it.
        let ch = input[i..].chars().next().unwrap_or(' ');
        let source = base + i as u32;
        i += ch.len_utf8();
        if ch.is_whitespace() {
            pending_space = wrote_any;
            continue;
        }
        if is_invisible(ch) {
            continue;
        }
        let mut emit = |s: &str| {
            if s.is_empty() {
                return;
            }
            if pending_space {
                if out.last() != Some(&b' ') {
                    out.push(b' ');
                    map.push(source);
                }
                pending_space = false;
            }
            out.extend_from_slice(s.as_bytes());
            map.repeat(source, s.len());
            wrote_any = true;
        };
        if let Some(replacement) = fold_punctuation(ch) {
            emit(replacement);
            continue;
        }
        for lower in ch.to_lowercase() {
            match fold_letter(lower) {
                Some(folded) => emit(folded),
                None => {
                    let mut buf = [0u8; 4];
                    emit(lower.encode_utf8(&mut buf));
                }
            }
        }
    }
    // The fast path copies single spaces as they are, so one may end the
    // text; trailing whitespace is dropped like leading whitespace.
    if M::FAST && wrote_any && out.last() == Some(&b' ') {
        out.pop();
    }
}

/// Convenience wrapper returning a new string; for tests and cold paths.
pub fn normalize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    normalize_into(input, &mut out);
    out
}

/// True for characters normalised text never contains: whitespace other
/// than a plain space, and the invisible characters normalisation drops.
pub fn never_in_normalized(ch: char) -> bool {
    (ch.is_whitespace() && ch != ' ') || is_invisible(ch)
}

fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || ('\u{0300}'..='\u{036F}').contains(&ch)
}

fn fold_punctuation(ch: char) -> Option<&'static str> {
    Some(match ch {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}'
        | '\u{0060}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// Folds a lowercase Latin letter with a diacritic to its base letters.
fn fold_letter(ch: char) -> Option<&'static str> {
    Some(match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Folds diacritics in a regex source without touching its syntax, so a
/// pattern written as `geïrriteerd` matches normalised text. Case is handled
/// by compiling patterns case-insensitively, not by lowercasing the source
/// (which would turn `\D` into `\d`).
pub fn fold_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    for ch in pattern.chars() {
        if let Some(p) = fold_punctuation(ch) {
            out.push_str(p);
            continue;
        }
        let mut lower = ch.to_lowercase();
        let single = match (lower.next(), lower.next()) {
            (Some(l), None) => Some(l),
            _ => None,
        };
        match single.and_then(fold_letter) {
            Some(folded) => out.push_str(folded),
            None => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_quotes() {
        assert_eq!(normalize("Ik ben GEÏRRITEERD"), "ik ben geirriteerd");
        assert_eq!(normalize("Één keer"), "een keer");
        assert_eq!(normalize("don’t “calm down”"), "don't \"calm down\"");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("e\u{0301}en"), "een");
    }

    #[test]
    fn collapses_and_trims_whitespace() {
        assert_eq!(normalize("  zoals \t ik\n\nal   zei  "), "zoals ik al zei");
        assert_eq!(normalize("a\u{00A0}b\u{200B}c"), "a bc");
    }

    #[test]
    fn map_points_back_to_source_characters() {
        let src = "Zó  GEÏRRITEERD";
        let mut out = String::new();
        let mut map = Vec::new();
        normalize_mapped(src, 10, &mut out, &mut map);
        assert_eq!(out, "zo geirriteerd");
        assert_eq!(map.len(), out.len());
        let g = out.find('g').unwrap();
        assert_eq!(map[g] - 10, src.find('G').unwrap() as u32);
        // The folded 'i' of 'Ï' points at the start of 'Ï'.
        let i = out.find("irr").unwrap();
        assert_eq!(&src[(map[i] - 10) as usize..], "ÏRRITEERD");
    }

    #[test]
    fn spaces_around_fast_chunks_collapse() {
        assert_eq!(normalize("abcdefg \nxyz"), "abcdefg xyz");
        assert_eq!(normalize("abcdefgh  ijklmnop \t "), "abcdefgh ijklmnop");
        assert_eq!(normalize("Ab cD eF gH iJ kL"), "ab cd ef gh ij kl");
    }

    #[test]
    fn swar_helpers() {
        let x = u64::from_ne_bytes(*b"AbZ@[az0");
        assert_eq!(&lowercase_ascii8(x).to_ne_bytes(), b"abz@[az0");
        assert!(simple8(u64::from_ne_bytes(*b"ab cd ef"), false));
        assert!(!simple8(u64::from_ne_bytes(*b"ab  cd e"), false));
        assert!(!simple8(u64::from_ne_bytes(*b" bcdefgh"), true));
        assert!(!simple8(u64::from_ne_bytes(*b"ab\tcdefg"), false));
        assert!(!simple8(u64::from_ne_bytes(*b"ab\xc3\xa9defg"), false));
    }

    proptest::proptest! {
        /// The fast path (no offsets) and the mapped path produce the same
        /// text; the map has one entry per output byte, pointing at char
        /// boundaries of the input, in order.
        #[test]
        fn fast_and_mapped_paths_agree(input in "([a-zA-Z]{1,9}[ \\t\\n]{0,3}|[Éé ’“.,!?0-9])*") {
            let fast = normalize(&input);
            let mut mapped = String::new();
            let mut map = Vec::new();
            normalize_mapped(&input, 0, &mut mapped, &mut map);
            proptest::prop_assert_eq!(&fast, &mapped);
            proptest::prop_assert_eq!(map.len(), mapped.len());
            proptest::prop_assert!(map.windows(2).all(|w| w[0] <= w[1]));
            proptest::prop_assert!(map.iter().all(|&m| input.is_char_boundary(m as usize)));
            proptest::prop_assert!(!fast.contains("  ") && !fast.starts_with(' ') && !fast.ends_with(' '));
            proptest::prop_assert_eq!(normalize(&fast), fast.clone());
        }
    }

    #[test]
    fn pattern_folding_keeps_regex_syntax() {
        assert_eq!(fold_pattern(r"geïrriteerd\D+\W"), r"geirriteerd\D+\W");
        assert_eq!(fold_pattern("Één|ÉÉN"), "een|eeN");
    }
}
