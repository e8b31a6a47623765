//! Bringing a translation file up to date with its guide, in place (`coop-guide i18n update`).
//!
//! The file is the translator's. Everything in it is kept as written: every entry (orphaned
//! ones too) with its text and layout, the comments around entries, the file's header and
//! whatever follows the list. Only what this module writes itself is written anew:
//!
//! - above each entry, the guide's text it translates, as a comment (as the template writes it);
//! - above a stale entry instead, a mark with the text it was translated from (when the file
//!   still holds it: a comment whose fingerprint is the entry's `source`, such as the one the
//!   template wrote), the text as it reads now, and what to do;
//! - an entry with an empty translation for each text that has none, where the text sits in
//!   the guide;
//! - a heading above the orphaned entries, which move to the end of the list.
//!
//! Entries follow the guide's order. An entry not yet translated (empty text) whose fingerprint
//! is out of date gets the current one: it holds no translation that could be out of date. The
//! comments this module wrote are recognised when it runs again and replaced, so a second run
//! changes nothing. A file with errors is never rewritten: its entries may not all have been
//! read.

use std::collections::{HashMap, HashSet};

use super::{check, fingerprint, quote, texts};
use crate::guide::diagnostic::Diagnostic;
use crate::guide::model::Guide;
use crate::guide::source::{Source, Span};
use crate::guide::syntax::{self, NodeId, Problems, Tree};
use crate::guide::text::sanitize_line;

/// A translation file brought up to date, and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Updated {
    /// The file's new text.
    pub text: String,
    /// Entries the file had (all kept).
    pub kept: usize,
    /// Entries added for texts that had none.
    pub added: usize,
    /// Entries translated from an older text, now marked.
    pub stale: usize,
    /// Entries whose key names no text of the guide, kept at the end.
    pub orphaned: usize,
    /// Entries with no translation yet (the added ones included).
    pub untranslated: usize,
}

/// Why a translation file is not rewritten.
#[derive(Debug, Clone)]
pub enum Refused {
    /// The file has errors (these): its entries may not all have been read.
    Errors(Vec<Diagnostic>),
    /// The file holds no text: perhaps it was emptied by mistake.
    Empty,
    /// The entries read do not line up with the file's text (not expected of a file read
    /// without errors).
    Unmatched,
}

/// The first line of the mark above a stale entry; recognised when the file is updated again.
const STALE: &str = "// stale: the guide's text changed after this was translated";
/// The start of the mark's last line.
const STALE_END: &str = "// when the translation says what the guide says now, set source to";
const WAS: &str = "// was: ";
const NOW: &str = "// now: ";
/// Continuation lines of `was:` and `now:` texts.
const MORE: &str = "//      ";
/// The heading above orphaned entries.
const ORPHANS: [&str; 2] = [
    "// orphaned: no text of the guide has these keys any more (a text was removed or an id",
    "// renamed); they are kept so that nothing is lost. `coop-guide check` lists them.",
];

/// The lines of the comment above an entry that say which text it translates: the text, line
/// by line (an empty line for a paragraph break), made safe to show.
pub fn base_comment(text: &str) -> Vec<String> {
    text.lines()
        .map(sanitize_line)
        .map(|line| {
            if line.is_empty() {
                "//".to_string()
            } else {
                format!("// {line}")
            }
        })
        .collect()
}

/// The mark above a stale entry: the text it was translated from (if known), the text now, and
/// the fingerprint to set once the translation is brought up to date.
fn stale_mark(was: Option<&str>, now: &str, old: &str) -> Vec<String> {
    let mut out = vec![STALE.to_string()];
    let add = |head: &str, text: &str, out: &mut Vec<String>| {
        for (i, line) in text.lines().map(sanitize_line).enumerate() {
            let lead = if i == 0 { head } else { MORE };
            out.push(format!("{lead}{line}").trim_end().to_string());
        }
    };
    match was {
        Some(was) => add(WAS, was, &mut out),
        None => out.push(format!(
            "{WAS}(not kept in this file; it had the fingerprint {})",
            quote(old)
        )),
    }
    add(NOW, now, &mut out);
    out.push(format!("{STALE_END} {}", quote(&fingerprint(now))));
    out
}

/// Brings the translation in `source` up to date with `guide`: see the module's notes.
pub fn update(guide: &Guide, source: &Source) -> Result<Updated, Refused> {
    if source.text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Refused::Empty);
    }
    let translation = check(guide, source.clone())
        .into_usable()
        .map_err(Refused::Errors)?;
    let text = source.text.as_str();
    let tree = syntax::parser::parse(text, &mut Problems::new(0)).tree;
    let file = File::read(text, &tree).ok_or(Refused::Unmatched)?;
    if file.entries.len() != translation.entries.len() {
        return Err(Refused::Unmatched);
    }
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let indent = file.indent.as_str();

    let base = texts(guide);
    let in_guide: HashSet<&str> = base.iter().map(|(k, _)| k.as_str()).collect();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (i, entry) in translation.entries.iter().enumerate() {
        by_key.entry(entry.key.as_str()).or_insert(i);
    }
    let mut body = String::new();
    let line = |body: &mut String, text: &str| {
        body.push_str(indent);
        body.push_str(text);
        body.push_str(nl);
    };
    let mut counts = Updated {
        text: String::new(),
        kept: translation.entries.len(),
        added: 0,
        stale: 0,
        orphaned: 0,
        untranslated: 0,
    };
    for (key, now) in &base {
        let now_print = fingerprint(now);
        let Some(&i) = by_key.get(key.as_str()) else {
            counts.added += 1;
            counts.untranslated += 1;
            for l in base_comment(now) {
                line(&mut body, &l);
            }
            line(
                &mut body,
                &format!(
                    "Entry(key: {}, source: {}, text: \"\"),",
                    quote(key),
                    quote(&now_print)
                ),
            );
            continue;
        };
        let entry = &translation.entries[i];
        let at = &file.entries[i];
        let (kept, was) = sort_out(&at.above, Some(now), &entry.source);
        for c in kept {
            line(&mut body, c);
        }
        let untranslated = entry.text.trim().is_empty();
        let mut raw = at.raw.to_string();
        if untranslated {
            counts.untranslated += 1;
            if entry.source != now_print {
                // Nothing translated yet: it may take the current fingerprint.
                raw = with_source(at, &now_print).unwrap_or(raw);
            }
        }
        let generated = if !untranslated && entry.source != now_print {
            counts.stale += 1;
            stale_mark(was.as_deref(), now, &entry.source)
        } else {
            base_comment(now)
        };
        for l in generated {
            line(&mut body, &l);
        }
        line(&mut body, &entry_line(&raw, &at.trailing));
    }
    let orphans: Vec<usize> = (0..translation.entries.len())
        .filter(|&i| !in_guide.contains(translation.entries[i].key.as_str()))
        .collect();
    counts.orphaned = orphans.len();
    if !orphans.is_empty() {
        for l in ORPHANS {
            line(&mut body, l);
        }
    }
    for i in orphans {
        let at = &file.entries[i];
        for c in at.above.iter().filter(|c| !ORPHANS.contains(c)) {
            line(&mut body, c);
        }
        line(&mut body, &entry_line(at.raw, &at.trailing));
    }
    for c in file.closing.iter().filter(|c| !ORPHANS.contains(c)) {
        line(&mut body, c);
    }
    counts.text = file.rebuild(&body, nl);
    Ok(counts)
}

/// An entry as written, its comma, and the comments that followed it on its line.
fn entry_line(raw: &str, trailing: &[&str]) -> String {
    let mut out = format!("{raw},");
    for c in trailing {
        out.push(' ');
        out.push_str(c);
    }
    out
}

/// The entry as written with another `source`; `None` when it has no `source` to change.
fn with_source(at: &EntryAt<'_>, source: &str) -> Option<String> {
    let span = at.source?;
    let from = span.start.checked_sub(at.span.start)?;
    let to = span.end.checked_sub(at.span.start)?;
    Some(format!(
        "{}{}{}",
        at.raw.get(..from)?,
        quote(source),
        at.raw.get(to..)?
    ))
}

/// Takes this module's own comments out of the comments above an entry: the heading of the
/// orphans, a stale mark, the comment with the text now (`now`), and a comment holding the text
/// the entry was translated from (its fingerprint is `source`). Returns the comments left, which
/// are the translator's, and the text the entry was translated from, when one of them says it.
fn sort_out<'t>(
    above: &[&'t str],
    now: Option<&str>,
    source: &str,
) -> (Vec<&'t str>, Option<String>) {
    let mut lines: Vec<&'t str> = above
        .iter()
        .copied()
        .filter(|c| !ORPHANS.contains(c))
        .collect();
    let mut was = None;
    if let Some(start) = lines.iter().position(|l| *l == STALE) {
        let end = lines[start..]
            .iter()
            .position(|l| l.starts_with(STALE_END))
            .map_or(lines.len(), |e| start + e + 1);
        was = was_in(&lines[start..end]).filter(|w| fingerprint(w) == source);
        lines.drain(start..end);
    }
    if let Some(now) = now {
        let rendered = base_comment(now);
        if let Some(at) = find_run(&lines, &rendered) {
            lines.drain(at..at + rendered.len());
        }
    }
    // A comment holding the text the entry was translated from: the lines nearest the entry,
    // or the first ones.
    let runs = (1..=lines.len().min(MAX_RUN))
        .map(|n| lines.len() - n..lines.len())
        .chain((1..=lines.len().min(MAX_RUN)).map(|n| 0..n));
    for run in runs {
        let part = &lines[run.clone()];
        if !part.iter().all(|l| is_line_comment(l)) {
            continue;
        }
        let joined = part
            .iter()
            .map(|l| uncomment(l))
            .collect::<Vec<_>>()
            .join("\n");
        if !joined.trim().is_empty() && fingerprint(&joined) == source {
            was.get_or_insert(joined);
            lines.drain(run);
            break;
        }
    }
    (lines, was)
}

/// The most lines a comment holding an older text is looked for in.
const MAX_RUN: usize = 200;

/// The `was:` text of a stale mark.
fn was_in(mark: &[&str]) -> Option<String> {
    let start = mark.iter().position(|l| l.starts_with(WAS))?;
    let mut lines = vec![mark[start].strip_prefix(WAS).unwrap_or("")];
    for l in &mark[start + 1..] {
        if l.starts_with(NOW) || l.starts_with(STALE_END) {
            break;
        }
        lines.push(l.strip_prefix(MORE).unwrap_or_else(|| uncomment(l)));
    }
    Some(lines.join("\n"))
}

/// Where `run` appears in `lines`, as consecutive lines.
fn find_run(lines: &[&str], run: &[String]) -> Option<usize> {
    if run.is_empty() || run.len() > lines.len() {
        return None;
    }
    (0..=lines.len() - run.len())
        .find(|&i| lines[i..i + run.len()].iter().zip(run).all(|(a, b)| a == b))
}

fn is_line_comment(line: &str) -> bool {
    line.starts_with("//")
}

/// A line comment's text: without `//` and one space after it.
fn uncomment(line: &str) -> &str {
    let rest = line.strip_prefix("//").unwrap_or(line);
    rest.strip_prefix(' ').unwrap_or(rest)
}

/// One entry of the file: where it is and how it is written, where its `source` is, and its
/// comments.
#[derive(Debug)]
struct EntryAt<'t> {
    span: Span,
    raw: &'t str,
    source: Option<Span>,
    /// Comments on the lines above it, after the previous entry.
    above: Vec<&'t str>,
    /// Comments after it on its last line.
    trailing: Vec<&'t str>,
}

/// The file around its entries.
#[derive(Debug)]
struct File<'t> {
    /// The file up to the entries: to the list's `[` (included), or when the file has no
    /// `entries` field, to the top value's closing bracket (excluded).
    head: &'t str,
    /// The file after the entries: from the list's `]`, or the top value's closing bracket.
    tail: &'t str,
    /// True when the file has an `entries` list.
    listed: bool,
    /// Comments after the list's `[` on its line.
    opening: Vec<&'t str>,
    entries: Vec<EntryAt<'t>>,
    /// Comments after the last entry, before the list's `]`.
    closing: Vec<&'t str>,
    /// Indentation of entries.
    indent: String,
    /// Indentation of the list's `]`.
    close_indent: String,
}

impl<'t> File<'t> {
    fn read(text: &'t str, tree: &Tree) -> Option<File<'t>> {
        let root = tree.find(text, "")?;
        let close = tree.span(root).end.checked_sub(1)?;
        let tail = text.get(close..).filter(|t| t.starts_with(')'))?;
        let Some(list) = tree.find(text, "entries") else {
            return Some(File {
                head: text.get(..close)?,
                tail,
                listed: false,
                opening: Vec::new(),
                entries: Vec::new(),
                closing: Vec::new(),
                indent: "        ".into(),
                close_indent: "    ".into(),
            });
        };
        let list_span = tree.span(list);
        let items: Vec<NodeId> = tree.items(list).collect();
        let mut entries: Vec<EntryAt<'t>> = Vec::with_capacity(items.len());
        let mut opening = Vec::new();
        let mut after = list_span.start + 1;
        for (i, &item) in items.iter().enumerate() {
            let span = tree.span(item);
            let gap = text.get(after..span.start)?;
            let (trailing, above) = split(gap);
            match entries.last_mut() {
                Some(previous) => previous.trailing = trailing,
                None => opening = trailing,
            }
            let source = tree
                .find(text, &format!("entries[{i}].source"))
                .map(|s| tree.span(s));
            entries.push(EntryAt {
                span,
                raw: text.get(span.start..span.end)?,
                source,
                above,
                trailing: Vec::new(),
            });
            after = span.end;
        }
        let end = list_span.end.checked_sub(1)?;
        let (trailing, closing) = split(text.get(after..end)?);
        match entries.last_mut() {
            Some(last) => last.trailing = trailing,
            None => opening = trailing,
        }
        let indent = entries
            .first()
            .and_then(|e| indent_before(text, e.span.start))
            .unwrap_or("        ")
            .to_string();
        let close_indent = indent_before(text, end).unwrap_or("    ").to_string();
        Some(File {
            head: text.get(..=list_span.start)?,
            tail: text.get(end..).filter(|t| t.starts_with(']'))?,
            listed: true,
            opening,
            entries,
            closing,
            indent,
            close_indent,
        })
    }

    /// The file with `body` (the entries and their comments, line by line) as its list.
    fn rebuild(&self, body: &str, nl: &str) -> String {
        if self.listed {
            let mut out = self.head.to_string();
            for c in &self.opening {
                out.push(' ');
                out.push_str(c);
            }
            out.push_str(nl);
            out.push_str(body);
            out.push_str(&self.close_indent);
            out.push_str(self.tail);
            return out;
        }
        let head = self.head.trim_end();
        let comma = if head.ends_with(',') || head.ends_with('(') {
            ""
        } else {
            ","
        };
        format!(
            "{head}{comma}{nl}    entries: [{nl}{body}    ],{nl}{}",
            self.tail
        )
    }
}

/// The comments in the text between two entries: those on the line the gap starts on (after
/// the previous entry), and those on later lines (above the next entry), each as written.
fn split(gap: &str) -> (Vec<&str>, Vec<&str>) {
    let mut trailing = Vec::new();
    let mut above = Vec::new();
    let mut new_line = false;
    let mut at = 0;
    while let Some(c) = gap[at..].chars().next() {
        if c == '\n' {
            new_line = true;
        }
        if c.is_whitespace() || c == ',' {
            at += c.len_utf8();
            continue;
        }
        let rest = &gap[at..];
        let len = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            block_comment_len(rest)
        } else {
            // Not expected between entries of a file read without errors: kept as it is.
            rest.len()
        };
        let comment = rest[..len].trim_end();
        if new_line {
            above.push(comment);
        } else {
            trailing.push(comment);
        }
        at += len;
    }
    (trailing, above)
}

/// The length of the block comment `text` starts with (RON's nest), or all of it when unclosed.
fn block_comment_len(text: &str) -> usize {
    let mut depth = 0usize;
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        if rest.starts_with("/*") {
            depth += 1;
            at += 2;
        } else if rest.starts_with("*/") {
            depth = depth.saturating_sub(1);
            at += 2;
            if depth == 0 {
                return at;
            }
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    text.len()
}

/// The whitespace before `at` on its line, when nothing else is there.
fn indent_before(text: &str, at: usize) -> Option<&str> {
    let line = text.get(..at)?;
    let before = &line[line.rfind('\n').map_or(0, |i| i + 1)..];
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::diagnostic::Severity;

    #[test]
    fn gaps_split_into_trailing_comments_and_comments_above() {
        let (trailing, above) =
            split(", // after\n    // one\n    /* two /* nested */ still */\n\n    // three\n    ");
        assert_eq!(trailing, ["// after"]);
        assert_eq!(
            above,
            ["// one", "/* two /* nested */ still */", "// three"]
        );
    }

    #[test]
    fn a_stale_mark_is_read_back() {
        let mark = stale_mark(Some("one\n\ntwo"), "three", "0badc0de");
        let lines: Vec<&str> = mark.iter().map(String::as_str).collect();
        let (kept, was) = sort_out(&lines, Some("three"), &fingerprint("one\n\ntwo"));
        assert!(kept.is_empty(), "{kept:?}");
        assert_eq!(was.as_deref(), Some("one\n\ntwo"));
    }

    #[test]
    fn the_translators_comments_are_kept_and_an_old_text_is_recognised() {
        let above = ["// check with Ana", "// How big is the group?"];
        let (kept, was) = sort_out(
            &above,
            Some("How many are you?"),
            &fingerprint("How big is the group?"),
        );
        assert_eq!(kept, ["// check with Ana"]);
        assert_eq!(was.as_deref(), Some("How big is the group?"));
    }

    fn decision() -> Guide {
        crate::guide::check_path(std::path::Path::new("guides/decision-making.ron"))
            .guide
            .expect("usable")
    }

    fn updated(guide: &Guide, text: &str) -> Updated {
        match update(guide, &Source::new("d.es.ron", text)) {
            Ok(updated) => updated,
            Err(refused) => panic!("{refused:?}"),
        }
    }

    #[test]
    fn windows_line_endings_stay_windows_line_endings() {
        let guide = decision();
        let text = "Translation(\r\n    guide: \"decision-making\",\r\n    language: \"es\",\r\n    \
                    entries: [\r\n        Entry(key: \"title\", source: \"b07e605b\", text: \"T\"),\r\n    \
                    ],\r\n)\r\n";
        let once = updated(&guide, text);
        assert_eq!(once.added, 84);
        assert!(
            !once.text.replace("\r\n", "").contains('\n'),
            "{}",
            once.text
        );
        assert_eq!(updated(&guide, &once.text).text, once.text);
    }

    #[test]
    fn a_file_without_entries_gets_a_list_of_them() {
        let guide = decision();
        let once = updated(
            &guide,
            "Translation(guide: \"decision-making\", language: \"es\")\n",
        );
        assert_eq!((once.kept, once.added), (0, 85));
        let checked = check(&guide, Source::new("d.es.ron", once.text.clone()));
        assert!(
            checked
                .diagnostics
                .iter()
                .all(|d| d.severity() != Severity::Error),
            "{:?}",
            checked.diagnostics
        );
        assert_eq!(checked.coverage.missing, 85);
        assert_eq!(updated(&guide, &once.text).text, once.text);
    }

    #[test]
    fn an_untranslated_entry_takes_the_current_fingerprint() {
        let guide = decision();
        let once = updated(
            &guide,
            "Translation(guide: \"decision-making\", language: \"es\", entries: [\n        \
             Entry(key: \"title\", source: \"00000000\", text: \"\"),\n    ])\n",
        );
        assert_eq!(once.stale, 0);
        assert!(once
            .text
            .contains("Entry(key: \"title\", source: \"b07e605b\", text: \"\")"));
    }

    #[test]
    fn an_empty_file_is_refused() {
        let refused = update(&decision(), &Source::new("d.es.ron", "\u{feff}  \n"));
        assert!(matches!(refused, Err(Refused::Empty)), "{refused:?}");
    }
}
