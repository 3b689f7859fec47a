//! Text made safe for Markdown: what a renderer would read as markup (emphasis, links, HTML tags,
//! table pipes, entities) is escaped, so a description such as "attach `Authorization: Bearer
//! <token>`" shows as written.

/// Inline text: `CommonMark`'s backslash escapes for the punctuation that starts markup, `&` as an
/// entity, and a block marker at the start of a line (`#`, `-`, `+`, `=`, `1.`) escaped too.
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        out.push_str(indent);
        let mut rest = trimmed;
        if let Some(first) = trimmed.chars().next()
            && matches!(first, '#' | '-' | '+' | '=')
        {
            out.push('\\');
            out.push(first);
            rest = &trimmed[first.len_utf8()..];
        } else if let Some(dot) = ordered_list_marker(trimmed) {
            out.push_str(&trimmed[..dot]);
            out.push('\\');
            rest = &trimmed[dot..];
        }
        for c in rest.chars() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                '&' => out.push_str("&amp;"),
                c => out.push(c),
            }
        }
    }
    out
}

/// The index of the `.` or `)` of an ordered-list marker (`12.`) that opens `line`.
fn ordered_list_marker(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))).then_some(digits)
}

/// Text for a table cell: escaped, paragraphs as `<br><br>` (a cell holds one line).
pub(crate) fn cell(s: &str) -> String {
    text(s)
        .split("\n\n")
        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("<br><br>")
}

/// A code span that holds `s` as written: fenced with more backticks than any run inside it.
pub(crate) fn code(s: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    // Pipes end a table cell even inside a code span (GFM).
    format!("{fence}{pad}{}{pad}{fence}", s.replace('|', "\\|"))
}

#[cfg(test)]
mod tests {
    use super::{cell, code, text};

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            text("attach Authorization: Bearer <token> and retry"),
            "attach Authorization: Bearer \\<token\\> and retry"
        );
        assert_eq!(
            text("a *b* _c_ [d](e) `f` a|b & c"),
            "a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` a\\|b &amp; c"
        );
        assert_eq!(
            text("# not a heading\n- not a list\n2. nor this"),
            "\\# not a heading\n\\- not a list\n2\\. nor this"
        );
    }

    #[test]
    fn cells_keep_paragraphs_on_one_line() {
        assert_eq!(cell("one\ntwo\n\nthree"), "one two<br><br>three");
    }

    #[test]
    fn code_spans_hold_backticks_and_pipes() {
        assert_eq!(code("Bearer"), "`Bearer`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
        assert_eq!(code("A|B"), "`A\\|B`");
    }
}
