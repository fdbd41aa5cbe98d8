//! Text from exports and lexicons on its way to a terminal.
//!
//! A transcript, an id or a speaker label can carry terminal control
//! sequences (`ESC [2J` clears the screen, `ESC ]52` writes the clipboard,
//! `ESC ]0` retitles the window). Whatever reaches standard output as a table
//! or Markdown, or standard error as a message, passes through here first, so
//! export data is shown and never obeyed. JSON escapes control characters on
//! its own; HTML and CSV are files for a browser or a spreadsheet.

use std::borrow::Cow;

/// `text` with every control character but the line break replaced by a
/// space: for report text, where the shape of the text matters more than the
/// exact bytes.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { ' ' } else { c })
            .collect(),
    )
}

/// `text` with every control character but the line break written as an
/// escape (`\u{1b}`): for messages, where the user needs to see exactly which
/// value was wrong.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// C0 and C1 control characters (ESC, BEL, the one-character CSI U+009B,
/// ...) except the line break.
fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sequences_are_shown_not_obeyed() {
        let hostile = "c\u{1b}[2J1\u{7}\u{9b}31m\ttab\nnext";
        assert_eq!(printable(hostile), "c [2J1  31m tab\nnext");
        assert_eq!(
            escaped(hostile),
            "c\\u{1b}[2J1\\u{7}\\u{9b}31m\\u{9}tab\nnext"
        );
        assert!(matches!(printable("gewoon één zin"), Cow::Borrowed(_)));
        assert!(matches!(escaped("gewoon"), Cow::Borrowed(_)));
    }
}
