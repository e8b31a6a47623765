//! Markdown escaping shared by every Markdown the app writes.
//!
//! Guide text is untrusted and is already sanitised at load; here it is also escaped, so a label
//! can never open a link, an HTML tag, a table or a heading in someone's Markdown viewer.

/// Escapes characters that would change Markdown structure inside a line of text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') || trimmed.starts_with("- ") || trimmed.starts_with("+ ") {
            out.push('\\');
        }
        for c in line.chars() {
            if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_links_tags_and_headings() {
        assert_eq!(escape("[x](http://e) <b>"), "\\[x\\](http://e) \\<b\\>");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("a_b*c"), "a\\_b\\*c");
    }
}
