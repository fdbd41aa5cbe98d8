//! HTML message bodies (Zendesk `html_body`, Intercom `body`) to plain text.
//!
//! The rules only need the words a person wrote and where paragraphs break,
//! so this is a small tokenizer rather than an HTML parser: tags are
//! dropped, block elements (`p`, `div`, `br`, `li`, headings, table rows,
//! ...) become line breaks, the contents of `script`, `style` and `head` are
//! dropped, comments are dropped, and character references are decoded
//! (the named ones that occur in Dutch and English text, plus every numeric
//! one, `&#233;` and `&#xE9;`). Whitespace is collapsed as a browser would,
//! and at most one blank line is kept. Malformed markup never fails: a `<`
//! that does not start a tag is kept as text. No dependency: the crates that
//! convert HTML to text render Markdown or layout, which is more than a
//! message body needs and would put markup characters into quotes.

/// Plain text of an HTML fragment.
pub fn to_text(html: &str) -> String {
    let mut out = Text::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_text(&rest[..lt]);
        let after = &rest[lt..];
        if let Some(comment) = after.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(tag) = parse_tag(after) else {
            out.push_text("<");
            rest = &after[1..];
            continue;
        };
        rest = &after[tag.len..];
        if !tag.closing && matches!(tag.name.as_str(), "script" | "style" | "head" | "title") {
            let close = format!("</{}", tag.name);
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(at) => {
                    let from = &rest[at..];
                    from.find('>').map_or("", |end| &from[end + 1..])
                }
                None => "",
            };
            continue;
        }
        if is_block(&tag.name) {
            out.line_break(matches!(
                tag.name.as_str(),
                "p" | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "blockquote"
                    | "table"
                    | "ul"
                    | "ol"
                    | "pre"
            ));
        }
    }
    out.push_text(rest);
    out.finish()
}

struct Tag {
    name: String,
    closing: bool,
    /// Bytes from `<` to `>` inclusive.
    len: usize,
}

/// `<name ...>` or `</name>` at the start of `s`.
fn parse_tag(s: &str) -> Option<Tag> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut quote = None;
    while i < bytes.len() {
        match (bytes[i], quote) {
            (b'"' | b'\'', None) => quote = Some(bytes[i]),
            (q, Some(open)) if q == open => quote = None,
            (b'>', None) => {
                return Some(Tag {
                    name,
                    closing,
                    len: i + 1,
                });
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "table"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "hr"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "dd"
            | "dt"
    )
}

/// Output with whitespace collapsed.
#[derive(Default)]
struct Text {
    out: String,
    /// A space is pending before the next word.
    space: bool,
    /// Line breaks pending before the next word (0, 1 or 2).
    breaks: u8,
}

impl Text {
    fn push_text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = decode_entities(raw);
        for c in decoded.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                self.space = true;
                continue;
            }
            let c = if c == '\u{a0}' { ' ' } else { c };
            if !self.out.is_empty() {
                if self.breaks > 0 {
                    for _ in 0..self.breaks {
                        self.out.push('\n');
                    }
                } else if self.space && !self.out.ends_with(' ') {
                    self.out.push(' ');
                }
            }
            if c == ' ' && (self.out.is_empty() || self.out.ends_with(['\n', ' '])) {
                self.space = false;
                self.breaks = 0;
                continue;
            }
            self.breaks = 0;
            self.space = false;
            self.out.push(c);
        }
    }

    fn line_break(&mut self, paragraph: bool) {
        let wanted = if paragraph { 2 } else { 1 };
        self.breaks = self.breaks.max(wanted);
        self.space = false;
    }

    fn finish(self) -> String {
        let lines: Vec<&str> = self.out.lines().map(str::trim_end).collect();
        lines.join("\n").trim().to_string()
    }
}

/// Decodes character references: named ones from a table of the common
/// ones, and numeric ones. Anything else stays as written.
pub fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| decode_one(&after[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn decode_one(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        return Some(match code {
            0 => '\u{fffd}',
            code => char::from_u32(code).unwrap_or('\u{fffd}'),
        });
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("euro", '€'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bull", '•'),
    ("middot", '·'),
    ("deg", '°'),
    ("times", '×'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("auml", 'ä'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("iacute", 'í'),
    ("igrave", 'ì'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("oacute", 'ó'),
    ("ograve", 'ò'),
    ("ocirc", 'ô'),
    ("ouml", 'ö'),
    ("uacute", 'ú'),
    ("ugrave", 'ù'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("ccedil", 'ç'),
    ("ntilde", 'ñ'),
    ("szlig", 'ß'),
    ("Eacute", 'É'),
    ("Euml", 'Ë'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("Auml", 'Ä'),
    ("Iuml", 'Ï'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_dropped_and_blocks_break_lines() {
        assert_eq!(
            to_text("<p>Hallo <b>Jan</b>,</p><p>Uw pakket is\n   onderweg.<br>Groet</p>"),
            "Hallo Jan,\n\nUw pakket is onderweg.\nGroet"
        );
        assert_eq!(to_text("<ul><li>een</li><li>twee</li></ul>"), "een\ntwee");
        assert_eq!(to_text("plain text"), "plain text");
        assert_eq!(to_text("<div><div><p>x</p></div></div>"), "x");
    }

    #[test]
    fn entities_named_and_numeric() {
        assert_eq!(
            to_text("caf&eacute; &amp; co &#233;&#xE9;&#x1F600; &lt;b&gt; &unknown; A&B"),
            "café & co éé😀 <b> &unknown; A&B"
        );
        assert_eq!(to_text("a&nbsp;&nbsp;b"), "a b");
        assert_eq!(to_text("&#0;&#99999999;"), "\u{fffd}\u{fffd}");
    }

    #[test]
    fn scripts_comments_and_broken_markup() {
        assert_eq!(
            to_text("<style>p{x}</style><!-- note -->Hi<script>alert(1)</script> there"),
            "Hi there"
        );
        assert_eq!(
            to_text("3 < 4 and <a href=\"x>y\">link</a>"),
            "3 < 4 and link"
        );
        assert_eq!(to_text("unclosed <b"), "unclosed <b");
        assert_eq!(to_text("<!-- never closed"), "");
        assert_eq!(to_text("<p></p><p>  </p>"), "");
    }
}
