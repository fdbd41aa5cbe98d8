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

/// Appends the normalised form of `input` to `out`, and for each byte
/// appended pushes `base + offset of its source character` to `map`.
///
/// Leading and trailing whitespace is dropped. Buffers are caller-owned so the
/// hot path reuses them.
pub fn normalize_into(input: &str, base: u32, out: &mut String, map: &mut Vec<u32>) {
    let mut pending_space = false;
    let mut wrote_any = false;
    for (offset, ch) in input.char_indices() {
        let source = base + offset as u32;
        if ch.is_ascii() {
            let byte = ch as u8;
            if byte.is_ascii_whitespace() {
                pending_space = wrote_any;
                continue;
            }
            if pending_space {
                out.push(' ');
                map.push(source);
                pending_space = false;
            }
            out.push(byte.to_ascii_lowercase() as char);
            map.push(source);
            wrote_any = true;
            continue;
        }
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
                out.push(' ');
                map.push(source);
                pending_space = false;
            }
            out.push_str(s);
            map.extend(std::iter::repeat_n(source, s.len()));
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
}

/// Convenience wrapper returning a new string; for tests and cold paths.
pub fn normalize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut map = Vec::new();
    normalize_into(input, 0, &mut out, &mut map);
    out
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
        normalize_into(src, 10, &mut out, &mut map);
        assert_eq!(out, "zo geirriteerd");
        assert_eq!(map.len(), out.len());
        let g = out.find('g').unwrap();
        assert_eq!(map[g] - 10, src.find('G').unwrap() as u32);
        // The folded 'i' of 'Ï' points at the start of 'Ï'.
        let i = out.find("irr").unwrap();
        assert_eq!(&src[(map[i] - 10) as usize..], "ÏRRITEERD");
    }

    #[test]
    fn pattern_folding_keeps_regex_syntax() {
        assert_eq!(fold_pattern(r"geïrriteerd\D+\W"), r"geirriteerd\D+\W");
        assert_eq!(fold_pattern("Één|ÉÉN"), "een|eeN");
    }
}
