//! Redaction of personal data in quotes: e-mail addresses, phone numbers,
//! IBANs, payment card numbers, BSNs and Dutch postcodes.
//!
//! Every quote convoscan writes (findings, reports, coaching cards, HTML,
//! `explain`) passes through [`redact`] unless the user asks for the raw text
//! with `--no-redact`. Reports travel: they are mailed to team leads and
//! pasted into tickets, and the evidence must not carry a customer's bank
//! account with it.
//!
//! Detection errs on the side of masking, but checks what can be checked so
//! that order numbers and amounts survive: card numbers must pass the Luhn
//! check, IBANs the ISO 13616 mod-97 check, BSNs the Dutch 11-test. Phone
//! numbers are Dutch national numbers (ten digits starting with 0) or
//! international numbers (`+` or `00`, then 8 to 15 digits). Postcodes are
//! `1234 AB` (capitals, with or without a space), `1234ab`, or `1234 ab`
//! followed by a house number, each with an optional house number after it.
//!
//! Each kind is replaced by a mask (`[email]`, `[phone]`, `[iban]`, `[card]`,
//! `[bsn]`, `[postcode]`). When spans of two kinds overlap, the earlier kind
//! in that list wins. [`redact_marked`] keeps a highlighted range pointing at
//! the same words after masking.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A kind of personal data, with its mask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Email,
    Iban,
    Card,
    Phone,
    Bsn,
    Postcode,
}

impl Kind {
    /// In order of precedence.
    pub const ALL: [Kind; 6] = [
        Kind::Email,
        Kind::Iban,
        Kind::Card,
        Kind::Phone,
        Kind::Bsn,
        Kind::Postcode,
    ];

    pub fn mask(self) -> &'static str {
        match self {
            Kind::Email => "[email]",
            Kind::Iban => "[iban]",
            Kind::Card => "[card]",
            Kind::Phone => "[phone]",
            Kind::Bsn => "[bsn]",
            Kind::Postcode => "[postcode]",
        }
    }
}

fn regex(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(re) => re,
        Err(err) => panic!("built-in redaction pattern does not compile: {err}"),
    }
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
});
static IBAN_START: LazyLock<Regex> = LazyLock::new(|| regex(r"\b[A-Za-z]{2}[0-9]{2}"));
static DIGIT_RUN: LazyLock<Regex> = LazyLock::new(|| regex(r"\d(?:[ .\-]?\d)+"));
static INTERNATIONAL_PHONE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:\+|\b00)[1-9]\d{0,2}(?:[ .\-]?\(0\))?(?:[ .\-]?\(?\d+\)?)+"));
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b[1-9][0-9]{3}( ?)([A-Za-z]{2})\b(?:,? ?([0-9]{1,5})(?:[ \-]?[A-Za-z]\b|-[0-9]{1,4})?\b)?",
    )
});

/// Two-letter words and units that follow a number in ordinary text
/// ("2024 en 2025", "1000km"); not postcode letters unless capitalised.
const NOT_POSTCODE_LETTERS: &[&str] = &[
    "al", "am", "an", "as", "at", "be", "by", "de", "do", "en", "go", "he", "ik", "in", "is", "it",
    "je", "me", "my", "na", "no", "nu", "of", "om", "on", "op", "or", "so", "te", "to", "up", "us",
    "we", "ze", "km", "kg", "mb", "gb", "kb", "tb", "ms", "mg", "ml", "cm", "mm", "kw", "hz", "pk",
    "st", "uur", "pm", "xl",
];

/// Letter pairs never used in Dutch postcodes.
const UNUSED_POSTCODE_LETTERS: &[&str] = &["sa", "sd", "ss"];

fn digits(text: &str) -> Vec<u32> {
    text.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// The Luhn check used by payment card numbers.
pub fn luhn_valid(number: &str) -> bool {
    let digits = digits(number);
    if digits.len() < 2 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The Dutch 11-test for a BSN: nine digits, 9·d1 + 8·d2 + … + 2·d8 − d9
/// divisible by 11 (and not all zeros).
pub fn bsn_valid(number: &str) -> bool {
    let digits = digits(number);
    if digits.len() != 9 || digits.iter().all(|&d| d == 0) {
        return false;
    }
    let sum: i64 = digits[..8]
        .iter()
        .enumerate()
        .map(|(i, &d)| (9 - i as i64) * i64::from(d))
        .sum::<i64>()
        - i64::from(digits[8]);
    sum % 11 == 0
}

/// The ISO 13616 mod-97 check of an IBAN (spaces ignored).
pub fn iban_valid(iban: &str) -> bool {
    let compact: Vec<char> = iban
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !(15..=34).contains(&compact.len())
        || !compact[..2].iter().all(char::is_ascii_uppercase)
        || !compact[2..4].iter().all(char::is_ascii_digit)
        || !compact.iter().all(char::is_ascii_alphanumeric)
    {
        return false;
    }
    let mut remainder: u32 = 0;
    for c in compact[4..].iter().chain(&compact[..4]) {
        let value = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        let width = if value >= 10 { 100 } else { 10 };
        remainder = (remainder * width + value) % 97;
    }
    remainder == 1
}

/// The longest valid IBAN starting at `start`: alphanumerics, single spaces
/// between them allowed, ending at a word boundary.
fn iban_at(text: &str, start: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut best = None;
    let mut compact = 0usize;
    let mut i = start;
    while i < bytes.len() && compact < 34 {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            compact += 1;
            i += 1;
            let boundary = bytes.get(i).is_none_or(|n| !n.is_ascii_alphanumeric());
            if compact >= 15 && boundary && iban_valid(&text[start..i]) {
                best = Some(start..i);
            }
        } else if b == b' ' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        } else {
            break;
        }
    }
    best
}

fn phone_national(number: &str) -> bool {
    let digits = digits(number);
    digits.len() == 10 && digits[0] == 0 && digits[1] != 0
}

/// Spans of personal data in `text`, sorted, not overlapping.
pub fn find(text: &str) -> Vec<(Range<usize>, Kind)> {
    let mut spans: Vec<(Range<usize>, Kind)> = Vec::new();
    let add = |range: Range<usize>, kind: Kind, spans: &mut Vec<(Range<usize>, Kind)>| {
        if !spans
            .iter()
            .any(|(r, _)| r.start < range.end && range.start < r.end)
        {
            spans.push((range, kind));
        }
    };
    if text.contains('@') {
        for m in EMAIL.find_iter(text) {
            add(m.range(), Kind::Email, &mut spans);
        }
    }
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return sorted(spans);
    }
    for m in IBAN_START.find_iter(text) {
        if let Some(range) = iban_at(text, m.start()) {
            add(range, Kind::Iban, &mut spans);
        }
    }
    for m in INTERNATIONAL_PHONE.find_iter(text) {
        let count = digits(m.as_str()).len();
        if (8..=15).contains(&count) {
            // A card number cannot start with `+`; give cards the run first
            // only when it is not marked as international.
            add(trim_range(text, m.range()), Kind::Phone, &mut spans);
        }
    }
    for m in DIGIT_RUN.find_iter(text) {
        if !at_number_boundary(text, m.range()) {
            continue;
        }
        let run = m.as_str();
        let count = digits(run).len();
        if (13..=19).contains(&count) && luhn_valid(run) {
            add(m.range(), Kind::Card, &mut spans);
        } else if count == 10 && phone_national(run) {
            add(m.range(), Kind::Phone, &mut spans);
        } else if count == 9 && bsn_valid(run) {
            add(m.range(), Kind::Bsn, &mut spans);
        }
    }
    for caps in POSTCODE.captures_iter(text) {
        let (Some(whole), Some(space), Some(letters)) = (caps.get(0), caps.get(1), caps.get(2))
        else {
            continue;
        };
        let letters_text = letters.as_str();
        let lower = letters_text.to_ascii_lowercase();
        if UNUSED_POSTCODE_LETTERS.contains(&lower.as_str()) {
            continue;
        }
        let capitals = letters_text.bytes().all(|b| b.is_ascii_uppercase());
        let has_number = caps.get(3).is_some();
        let plausible = capitals
            || (!NOT_POSTCODE_LETTERS.contains(&lower.as_str())
                && (space.as_str().is_empty() || has_number));
        if plausible {
            add(whole.range(), Kind::Postcode, &mut spans);
        }
    }
    sorted(spans)
}

fn sorted(mut spans: Vec<(Range<usize>, Kind)>) -> Vec<(Range<usize>, Kind)> {
    spans.sort_by_key(|(r, _)| r.start);
    spans
}

/// A digit run must not continue a longer word or number (`AB1234567890`).
fn at_number_boundary(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

/// Drops trailing separators a pattern may have taken.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let trimmed = slice.trim_end_matches([' ', '.', '-', '(']);
    range.start..range.start + trimmed.len()
}

/// `text` with every span of personal data replaced by its mask.
pub fn redact(text: &str) -> String {
    redact_marked(text, None).0
}

/// Redacts `text` and moves `mark` (a byte range in `text`) so that it
/// covers the same words in the result. A mark boundary inside a masked span
/// moves to the edge of the mask, so the mark never cuts a mask in two.
pub fn redact_marked(text: &str, mark: Option<(u32, u32)>) -> (String, Option<(u32, u32)>) {
    let spans = find(text);
    if spans.is_empty() {
        return (text.to_string(), mark);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0usize;
    let mut map_points: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (range, kind) in &spans {
        out.push_str(&text[last..range.start]);
        let new_start = out.len();
        out.push_str(kind.mask());
        map_points.push((range.start, range.end, new_start, out.len()));
        last = range.end;
    }
    out.push_str(&text[last..]);
    let map = |pos: usize, is_end: bool| -> usize {
        let mut shift: isize = 0;
        for &(old_start, old_end, new_start, new_end) in &map_points {
            if pos < old_start || (is_end && pos == old_start) {
                break;
            }
            if pos < old_end {
                return if is_end { new_end } else { new_start };
            }
            shift = new_end as isize - old_end as isize;
        }
        (pos as isize + shift).max(0) as usize
    };
    let mark = mark.map(|(from, to)| {
        let from = map(from as usize, false);
        let to = map(to as usize, true).max(from);
        (from as u32, to as u32)
    });
    (out, mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> String {
        redact(text)
    }

    #[test]
    fn emails_are_masked() {
        assert_eq!(
            masked("Mail naar jan.de.vries+test@example.co.uk graag"),
            "Mail naar [email] graag"
        );
        assert_eq!(masked("at @home"), "at @home");
    }

    #[test]
    fn dutch_and_international_phone_numbers_are_masked() {
        for (text, expected) in [
            ("bel 06-12345678 maar", "bel [phone] maar"),
            ("bel 06 1234 5678.", "bel [phone]."),
            ("vast 020-1234567 ok", "vast [phone] ok"),
            ("of 0201234567", "of [phone]"),
            ("mobiel +31 6 12345678 ok", "mobiel [phone] ok"),
            ("kantoor +31 (0)20 123 4567", "kantoor [phone]"),
            ("of 0031 6 12345678", "of [phone]"),
            ("call +44 20 7946 0958 now", "call [phone] now"),
            ("call +1 (555) 123-4567", "call [phone]"),
        ] {
            assert_eq!(masked(text), expected, "{text}");
        }
        // Dates, amounts and short numbers stay.
        for text in [
            "op 18-11-2024 om 09:15",
            "€ 1.234,56 openstaand",
            "ordernummer 12345",
            "het jaar 2024",
        ] {
            assert_eq!(masked(text), text);
        }
    }

    #[test]
    fn ibans_are_masked_only_when_the_checksum_holds() {
        assert!(iban_valid("NL91ABNA0417164300"));
        assert!(iban_valid("NL91 ABNA 0417 1643 00"));
        assert!(iban_valid("GB82WEST12345698765432"));
        assert!(!iban_valid("NL92ABNA0417164300"));
        assert_eq!(
            masked("rekening NL91 ABNA 0417 1643 00 klopt"),
            "rekening [iban] klopt"
        );
        assert_eq!(masked("iban nl91abna0417164300"), "iban [iban]");
        assert_eq!(masked("code NL92ABNA0417164300"), "code NL92ABNA0417164300");
    }

    #[test]
    fn card_numbers_are_masked_only_when_luhn_holds() {
        assert!(luhn_valid("4111 1111 1111 1111"));
        assert!(!luhn_valid("4111 1111 1111 1112"));
        assert_eq!(masked("kaart 4111 1111 1111 1111 ok"), "kaart [card] ok");
        assert_eq!(masked("kaart 5500-0000-0000-0004"), "kaart [card]");
        assert_eq!(
            masked("referentie 4111 1111 1111 1112"),
            "referentie 4111 1111 1111 1112"
        );
    }

    #[test]
    fn bsns_are_masked_only_when_the_eleven_test_holds() {
        assert!(bsn_valid("111222333"));
        assert!(bsn_valid("123456782"));
        assert!(!bsn_valid("123456789"));
        assert!(!bsn_valid("000000000"));
        assert_eq!(masked("mijn bsn is 123456782."), "mijn bsn is [bsn].");
        assert_eq!(masked("bsn 123.456.782"), "bsn [bsn]");
        assert_eq!(masked("order 123456789"), "order 123456789");
    }

    #[test]
    fn postcodes_with_house_numbers_are_masked() {
        for (text, expected) in [
            ("ik woon op 1234 AB 56 in", "ik woon op [postcode] in"),
            ("adres 1234AB, 12a.", "adres [postcode]."),
            ("postcode 3511ab", "postcode [postcode]"),
            ("postcode 3511 ab 7", "postcode [postcode]"),
            ("bij 1011 AB.", "bij [postcode]."),
        ] {
            assert_eq!(masked(text), expected, "{text}");
        }
        for text in ["in 2024 en 2025", "1000km gereden", "ongeveer 2500 of meer"] {
            assert_eq!(masked(text), text);
        }
    }

    #[test]
    fn marks_follow_their_words_through_masks() {
        let text = "Bel 0612345678 of we gaan naar de rechter.";
        let start = text.find("naar").unwrap() as u32;
        let (out, mark) = redact_marked(text, Some((start, start + 15)));
        let (a, b) = mark.unwrap();
        assert_eq!(out, "Bel [phone] of we gaan naar de rechter.");
        assert_eq!(&out[a as usize..b as usize], "naar de rechter");

        // A mark covering the number covers the mask.
        let (out, mark) = redact_marked(text, Some((4, 14)));
        let (a, b) = mark.unwrap();
        assert_eq!(&out[a as usize..b as usize], "[phone]");

        // A mark before every mask is untouched.
        let (_, mark) = redact_marked(text, Some((0, 3)));
        assert_eq!(mark, Some((0, 3)));
    }

    #[test]
    fn text_without_personal_data_is_unchanged() {
        let text = "Wat vervelend dat uw kookplaat weer kapot is.";
        assert_eq!(
            redact_marked(text, Some((1, 3))),
            (text.to_string(), Some((1, 3)))
        );
    }
}
