//! Word-level questions asked of normalised text around a match: is it a
//! whole word, is it negated, is it inside a question or a quotation, how far
//! apart are two matches.
//!
//! All functions work on byte offsets into one normalised turn and allocate
//! nothing; they are called for every candidate match.

/// True for characters that make up words. Digits count, so `24/7` does not
/// end a word in the middle of `247`; the apostrophe does not (`don't` is
/// matched as a phrase, and `'rechter'` must still match `rechter`).
pub fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// True when `start` begins a word (or the match itself starts with a
/// non-word character, where no boundary is needed).
pub fn starts_at_boundary(text: &str, start: usize) -> bool {
    match (char_before(text, start), char_at(text, start)) {
        (Some(before), Some(first)) => !(is_word_char(before) && is_word_char(first)),
        _ => true,
    }
}

/// True when `end` ends a word (or the match ends with a non-word character).
pub fn ends_at_boundary(text: &str, end: usize) -> bool {
    match (char_before(text, end), char_at(text, end)) {
        (Some(last), Some(after)) => !(is_word_char(last) && is_word_char(after)),
        _ => true,
    }
}

/// Punctuation that ends the clause a negator can reach across.
fn ends_clause(ch: char) -> bool {
    matches!(
        ch,
        '.' | ',' | ';' | ':' | '!' | '?' | '\n' | '(' | ')' | '"'
    )
}

/// Looks back from `start` over at most `window` words of the same clause and
/// returns the first word for which `is_negator` is true.
///
/// "we gaan *niet* naar de rechter" is negated; "als u niet betaalt, gaan we
/// naar de rechter" is not (the comma ends the negator's clause), nor is "als u
/// niet betaalt dan gaan we naar de rechter" when `dan` is a clause breaker.
pub fn negator_before(
    text: &str,
    start: usize,
    window: usize,
    is_negator: impl Fn(&str) -> bool,
    is_clause_breaker: impl Fn(&str) -> bool,
) -> Option<&str> {
    negator_span_before(text, start, window, is_negator, is_clause_breaker)
        .and_then(|(from, to)| text.get(from..to))
}

/// Like [`negator_before`], returning the negator's byte range in `text`
/// (so an explanation can point at it).
pub fn negator_span_before(
    text: &str,
    start: usize,
    window: usize,
    is_negator: impl Fn(&str) -> bool,
    is_clause_breaker: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let before = text.get(..start)?;
    let mut words_seen = 0;
    let mut iter = before.char_indices().rev().peekable();
    while words_seen < window {
        // Skip separators, stopping at clause punctuation.
        let mut word_end = None;
        while let Some(&(i, ch)) = iter.peek() {
            if is_word_char(ch) || ch == '\'' || ch == '-' {
                word_end = Some(i + ch.len_utf8());
                break;
            }
            if ends_clause(ch) {
                return None;
            }
            iter.next();
        }
        let word_end = word_end?;
        let mut word_start = word_end;
        while let Some(&(i, ch)) = iter.peek() {
            if is_word_char(ch) || ch == '\'' || ch == '-' {
                word_start = i;
                iter.next();
            } else {
                break;
            }
        }
        let word = &before[word_start..word_end];
        if is_negator(word) {
            return Some((word_start, word_end));
        }
        if is_clause_breaker(word) {
            return None;
        }
        words_seen += 1;
    }
    None
}

/// True when the sentence containing `end` is a question: the next sentence
/// terminator after `end` is a `?`. A match that ends with its sentence's
/// terminator (a pattern like `wat[^?]*\?`) belongs to that sentence.
pub fn in_question(text: &str, end: usize) -> bool {
    match char_before(text, end) {
        Some('?') => return true,
        Some('.' | '!') => return false,
        _ => {}
    }
    let rest = text.get(end..).unwrap_or("");
    for ch in rest.chars() {
        match ch {
            '?' => return true,
            '.' | '!' | '\n' => return false,
            _ => {}
        }
    }
    false
}

/// Byte offset of the end of the sentence containing `end` (exclusive of the
/// terminator), used to count distinct questions. A match that ends with its
/// sentence's terminator belongs to that sentence, not to the next one.
pub fn sentence_end(text: &str, end: usize) -> usize {
    if let Some(ch @ ('?' | '.' | '!')) = char_before(text, end) {
        return end - ch.len_utf8();
    }
    let rest = text.get(end..).unwrap_or("");
    rest.find(['?', '.', '!', '\n'])
        .map_or(text.len(), |i| end + i)
}

/// True when the byte at `i` ends a sentence: `?`, `!`, a line break, or a
/// `.` that is not inside a word or number ("4.1", "t.co").
fn ends_sentence(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'?' | b'!' | b'\n' => true,
        b'.' => !bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric),
        _ => false,
    }
}

/// The sentence around the span `start..end`: from just after the previous
/// sentence end to the next one (inclusive of a terminator the span ends
/// with). Used for exceptions that cancel a match anywhere in its sentence.
pub fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut lo = start.min(bytes.len());
    while lo > 0 && !ends_sentence(bytes, lo - 1) {
        lo -= 1;
    }
    let mut hi = end.saturating_sub(1).max(start).min(bytes.len());
    while hi < bytes.len() && !ends_sentence(bytes, hi) {
        hi += 1;
    }
    (lo, hi)
}

/// True when `start` lies inside double quotes within the turn: reported
/// speech ("hij zei: \"dan gaan we naar de rechter\"").
pub fn inside_quotes(turn: &str, start: usize) -> bool {
    turn.get(..start)
        .is_some_and(|before| before.bytes().filter(|&b| b == b'"').count() % 2 == 1)
}

/// Number of words strictly between two non-overlapping spans; 0 when they
/// touch or overlap.
pub fn words_between(text: &str, a: (usize, usize), b: (usize, usize)) -> usize {
    let (from, to) = if a.1 <= b.0 {
        (a.1, b.0)
    } else if b.1 <= a.0 {
        (b.1, a.0)
    } else {
        return 0;
    };
    count_words(text.get(from..to).unwrap_or(""))
}

/// Number of words in a piece of text.
pub fn count_words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for ch in text.chars() {
        let word = is_word_char(ch);
        if word && !in_word {
            count += 1;
        }
        in_word = word;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn negated(text: &str, phrase: &str) -> Option<String> {
        let start = text.find(phrase).unwrap();
        negator_before(
            text,
            start,
            3,
            |w| matches!(w, "niet" | "geen" | "not" | "don't" | "never"),
            |w| matches!(w, "dan" | "maar" | "but"),
        )
        .map(str::to_string)
    }

    #[test]
    fn boundaries() {
        let t = "de rechter en rechterhand";
        assert!(starts_at_boundary(t, 3) && ends_at_boundary(t, 10));
        let i = t.find("rechterhand").unwrap();
        assert!(!ends_at_boundary(t, i + "rechter".len()));
        assert!(!starts_at_boundary("kantonrechter", 6));
        assert!(starts_at_boundary("(rechter)", 1));
    }

    #[test]
    fn negation_scope() {
        assert_eq!(
            negated("we gaan niet naar de rechter", "naar de rechter").as_deref(),
            Some("niet")
        );
        assert_eq!(
            negated(
                "als u niet betaalt, gaan we naar de rechter",
                "naar de rechter"
            ),
            None
        );
        assert_eq!(
            negated(
                "als u niet betaalt dan gaan we naar de rechter",
                "naar de rechter"
            ),
            None
        );
        assert_eq!(
            negated("ik ben niet ziek geweest", "ziek").as_deref(),
            Some("niet")
        );
        assert_eq!(
            negated("i don't want you to calm down", "calm down").as_deref(),
            None,
            "four words back is out of reach"
        );
        assert_eq!(
            negated("don't calm down", "calm down").as_deref(),
            Some("don't")
        );
    }

    #[test]
    fn sentence_bounds_stop_at_terminators_not_at_decimal_points() {
        let t = "hallo. wat is uw ordernummer en wat ziet u? versie 4.1 werkt niet";
        let start = t.find("wat is").unwrap();
        let end = t.find("ziet u?").unwrap() + "ziet u?".len();
        let (lo, hi) = sentence_bounds(t, start, end);
        assert_eq!(&t[lo..=hi], " wat is uw ordernummer en wat ziet u?");
        let v = t.find("4.1").unwrap();
        let (lo, hi) = sentence_bounds(t, v, v + 3);
        assert_eq!(&t[lo..hi], " versie 4.1 werkt niet");
    }

    #[test]
    fn questions_quotes_and_distance() {
        let t = "wat is er gebeurd? ik stuur een nieuwe.";
        assert!(in_question(t, 3));
        assert!(!in_question(t, t.find("stuur").unwrap()));
        // A match that takes in its own question mark stays in its sentence.
        let t = "wat is er gebeurd? sinds wanneer speelt het? ik stuur een nieuwe.";
        let first = t.find('?').unwrap() + 1;
        assert!(in_question(t, first));
        assert_eq!(sentence_end(t, first), first - 1);
        let second = t.find("sinds wanneer").unwrap() + "sinds wanneer".len();
        assert_ne!(sentence_end(t, first), sentence_end(t, second));
        assert!(!in_question("dat is alles. ik stuur u een nieuwe?", 13));
        assert!(inside_quotes("hij zei \"naar de rechter\"", 10));
        assert!(!inside_quotes("naar de rechter", 0));
        let t = "als u niet betaalt gaan we naar de rechter";
        let a = (t.find("betaalt").unwrap(), t.find("betaalt").unwrap() + 7);
        let b = (t.find("rechter").unwrap(), t.len());
        assert_eq!(words_between(t, a, b), 4);
        assert_eq!(count_words("it's a 2-step fix"), 6);
    }
}
