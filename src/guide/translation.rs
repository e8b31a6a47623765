//! Translations: a file keyed by ids that overlays a guide's texts without copying its structure.
//!
//! A guide `guides/coop-varieties.ron` has its translations beside it, named by language:
//! `guides/coop-varieties.es.ron`. A translation holds one entry per text:
//!
//! ```ron
//! Translation(
//!     guide: "coop-varieties",
//!     language: "es",
//!     entries: [
//!         Entry(key: "question.country.text", source: "5f3a9c2e", text: "¿Dónde tendrá su sede la cooperativa?"),
//!     ],
//! )
//! ```
//!
//! `key` names the text by ids ([`TextAt::key`](super::model::TextAt::key)), so reordering the guide changes nothing.
//! `source` is a fingerprint of the base text the entry was translated from: when the base text
//! changes, the entry is *stale*: reported, and not shown (the guide's own text is, until the
//! entry is updated). `check` reports missing entries (the
//! English text is shown instead), orphaned entries (their key is gone from the guide) and stale
//! ones. `coop-guide i18n template` writes a file with every key, ready to translate, and
//! `coop-guide i18n update` brings an existing file up to date in place ([`update`]).
//!
//! Translation files are read with the same tolerant reader as guides ([`super::syntax`]): every
//! syntax and shape mistake in one pass, in the guide's words, then the checks above.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::diagnostic::{did_you_mean, Code, Diagnostic, Severity};
use super::load::{clean_text, sort};
use super::model::Guide;
use super::source::Source;
use super::syntax;
use super::text::{clean, escape_quoted, reveal, sanitize, sanitize_line};

pub mod update;

/// A translation file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The id of the guide it translates.
    pub guide: String,
    /// The language of the texts, such as `es`.
    pub language: String,
    /// One entry per translated text.
    #[serde(default)]
    pub entries: Vec<Entry>,
}

/// One translated text.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Which text, by ids: `question.country.text`.
    pub key: String,
    /// Fingerprint of the base text this was translated from.
    #[serde(default)]
    pub source: String,
    /// The translated text.
    pub text: String,
}

/// How much of a guide a translation covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Texts of the guide (non-empty ones).
    pub total: usize,
    /// Texts with an up-to-date entry.
    pub current: usize,
    /// Texts with an entry whose base text has changed since.
    pub stale: usize,
    /// Texts with no entry.
    pub missing: usize,
    /// Entries whose key names no text of the guide.
    pub orphaned: usize,
}

/// A translation file read and checked against its guide.
#[derive(Debug, Clone)]
pub struct CheckedTranslation {
    /// The file's text.
    pub source: Source,
    /// The translation, when it could be read.
    pub translation: Option<Translation>,
    /// What is wrong with it.
    pub diagnostics: Vec<Diagnostic>,
    /// How much it covers.
    pub coverage: Coverage,
}

impl CheckedTranslation {
    /// The translation, when it was read and has no errors: fit to apply; otherwise what is
    /// wrong.
    pub fn into_usable(self) -> Result<Translation, Vec<Diagnostic>> {
        match (self.usable().is_some(), self.translation) {
            (true, Some(t)) => Ok(t),
            _ => Err(self.diagnostics),
        }
    }

    /// The translation, when it was read and has no errors: fit to apply.
    pub fn usable(&self) -> Option<&Translation> {
        let errors = self
            .diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error);
        self.translation.as_ref().filter(|_| !errors)
    }
}

/// The fingerprint of a base text, as entries record it: 8 hex digits of FNV-1a over the text as
/// people read it (after joining lines), so re-wrapping a paragraph does not make it stale.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for b in clean(text).bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

/// The guide's translatable texts by key, in file order, skipping empty ones.
pub fn texts(guide: &Guide) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut copy = guide.clone();
    copy.visit_texts_mut(&mut |at, text| {
        if !text.trim().is_empty() {
            out.push((at.key(), text.clone()));
        }
    });
    out
}

/// Where the translation of `guide_path` into `language` lives.
pub fn path_for(guide_path: &Path, language: &str) -> PathBuf {
    let stem = guide_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    guide_path.with_file_name(format!("{stem}.{language}.ron"))
}

/// True for file names shaped like a translation: `name.xx.ron` or `name.xx-YY.ron`.
pub fn is_translation_path(path: &Path) -> bool {
    split_path(path).is_some()
}

/// True for tags such as `en`, `es` or `pt-BR`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Splits a translation's path into its guide's path and its language:
/// `g/guide.es.ron` → (`g/guide.ron`, `es`). `None` for paths not shaped like a translation.
pub fn split_path(path: &Path) -> Option<(PathBuf, String)> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let (stem, lang) = name.strip_suffix(".ron")?.rsplit_once('.')?;
    (!stem.is_empty() && is_language_tag(lang))
        .then(|| (path.with_file_name(format!("{stem}.ron")), lang.to_string()))
}

/// The base guide's path for a translation's path: `guide.es.ron` → `guide.ron`.
pub fn base_path(translation_path: &Path) -> Option<PathBuf> {
    split_path(translation_path).map(|(base, _)| base)
}

/// Translations found beside a guide file: `(language, path)`, sorted by language.
pub fn find_beside(guide_path: &Path) -> Vec<(String, PathBuf)> {
    let Some(stem) = guide_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
    else {
        return Vec::new();
    };
    let dir = guide_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let lang = name
                .strip_prefix(&format!("{stem}."))?
                .strip_suffix(".ron")?
                .to_string();
            is_language_tag(&lang).then(|| (lang, guide_path.with_file_name(&name)))
        })
        .collect();
    found.sort();
    found
}

/// Reads and checks a translation against the guide it translates. The translation is given
/// back only when the file has no syntax or shape errors.
pub fn check(guide: &Guide, source: Source) -> CheckedTranslation {
    let mut read = syntax::read::<Translation>(&source.text);
    let mut found = std::mem::take(&mut read.diagnostics);
    let readable = !found.iter().any(|d| d.severity() == Severity::Error);
    let translation = read.value.take().filter(|_| !read.guessed);
    let Some(mut translation) = translation else {
        sort(&mut found);
        return CheckedTranslation {
            source,
            translation: None,
            diagnostics: found,
            coverage: Coverage::default(),
        };
    };
    let mut diagnostics = Vec::new();
    for (i, entry) in translation.entries.iter_mut().enumerate() {
        clean_text(
            &mut entry.text,
            &|| format!("entries[{i}].text"),
            &mut diagnostics,
        );
    }
    check_header(guide, &translation, &source.name, &mut diagnostics);
    let coverage = check_entries(guide, &translation, &mut diagnostics);
    read.place(&source.text, &mut diagnostics);
    drop(read);
    found.extend(diagnostics);
    sort(&mut found);
    CheckedTranslation {
        source,
        translation: readable.then_some(translation),
        diagnostics: found,
        coverage,
    }
}

/// The translation's language against its file name, and its guide against the guide.
fn check_header(
    guide: &Guide,
    translation: &Translation,
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let named = Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .and_then(|n| Some(n.strip_suffix(".ron")?.rsplit_once('.')?.1.to_string()))
        .filter(|tag| is_language_tag(tag));
    if let Some(tag) = named.filter(|tag| *tag != translation.language) {
        diagnostics.push(
            Diagnostic::new(
                Code::TranslationLanguage,
                format!(
                    "the file is named for \"{tag}\" but says its language is \"{}\"",
                    sanitize_line(&translation.language)
                ),
            )
            .at("language", "another language")
            .help(format!("write `language: \"{tag}\",` or rename the file")),
        );
    }
    if translation.guide != guide.id {
        diagnostics.push(
            Diagnostic::new(
                Code::TranslationGuide,
                format!(
                    "this translation is for guide \"{}\", not \"{}\"",
                    translation.guide, guide.id
                ),
            )
            .at("guide", "another guide")
            .help(format!(
                "write `guide: \"{}\",` if it translates this guide",
                guide.id
            )),
        );
    }
}

/// Each entry against the guide's texts (twice, orphaned, stale), then the texts no entry
/// translates; how much the translation covers.
fn check_entries(
    guide: &Guide,
    translation: &Translation,
    diagnostics: &mut Vec<Diagnostic>,
) -> Coverage {
    let base = texts(guide);
    let base_by_key: HashMap<&str, &str> =
        base.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut keys = KeyFinder::new(base.iter().map(|(k, _)| k.as_str()));
    let mut coverage = Coverage {
        total: base.len(),
        ..Coverage::default()
    };
    for (i, entry) in translation.entries.iter().enumerate() {
        if let Some(first) = seen.insert(entry.key.as_str(), i) {
            diagnostics.push(
                Diagnostic::new(
                    Code::TranslationDuplicate,
                    format!("\"{}\" is translated twice", reveal(&entry.key)),
                )
                .at(format!("entries[{i}].key"), "second entry")
                .also(format!("entries[{first}].key"), "first entry")
                .help("keep one of the two"),
            );
            continue;
        }
        match base_by_key.get(entry.key.as_str()) {
            None => {
                coverage.orphaned += 1;
                let help = match keys.likely(&entry.key) {
                    Some(k) => format!("did you mean \"{k}\"? Otherwise remove the entry"),
                    None => {
                        "the text was removed or its id renamed; remove the entry or rename its key"
                            .to_string()
                    }
                };
                diagnostics.push(
                    Diagnostic::new(
                        Code::TranslationOrphan,
                        format!("\"{}\" names no text of the guide", reveal(&entry.key)),
                    )
                    .at(format!("entries[{i}].key"), "orphaned entry")
                    .help(help),
                );
            }
            // An entry not translated yet is missing, never stale: it holds no translation
            // that the guide's text could have changed under.
            Some(_) if entry.text.trim().is_empty() => {}
            Some(base_text) if entry.source != fingerprint(base_text) => {
                coverage.stale += 1;
                diagnostics.push(
                    Diagnostic::new(
                        Code::TranslationStale,
                        format!(
                            "the guide's text of \"{}\" changed since it was translated",
                            entry.key
                        ),
                    )
                    .at(
                        format!("entries[{i}].source"),
                        "translated from an older text",
                    )
                    .note(format!("the text now reads: {}", shorten(base_text)))
                    .help(format!(
                        "update the translation, then set `source: \"{}\"` \
                         (`coop-guide i18n update GUIDE --lang {}` writes the old and the new \
                         text above the entry)",
                        fingerprint(base_text),
                        translation.language
                    )),
                );
            }
            Some(_) => coverage.current += 1,
        }
    }
    coverage.missing = check_missing(&base, translation, diagnostics);
    coverage
}

/// The texts of the guide no entry translates, reported once; how many.
fn check_missing(
    base: &[(String, String)],
    translation: &Translation,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let translated: std::collections::HashSet<&str> = translation
        .entries
        .iter()
        .filter(|e| !e.text.trim().is_empty())
        .map(|e| e.key.as_str())
        .collect();
    let missing: Vec<&str> = base
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| !translated.contains(k))
        .collect();
    if !missing.is_empty() {
        let listed: Vec<&str> = missing.iter().take(5).copied().collect();
        let more = if missing.len() > 5 {
            format!(" and {} more", missing.len() - 5)
        } else {
            String::new()
        };
        diagnostics.push(
            Diagnostic::new(
                Code::TranslationMissing,
                format!(
                    "{} text(s) have no {} translation: {}{more}",
                    missing.len(),
                    translation.language,
                    listed.join(", ")
                ),
            )
            .at("entries", "these are shown in the guide's own language")
            .help(format!(
                "`coop-guide i18n update GUIDE --lang {}` adds an entry for each of them to this file",
                translation.language
            )),
        );
    }
    missing.len()
}

/// Finds the key an orphaned entry probably meant, with work bounded however many orphans and
/// keys there are: a comparison with every key costs about 2 µs, so 4,000 orphans of a large
/// guide would take many seconds.
///
/// Only keys whose segments start with the same letters are compared (`question.size.text` and
/// `question.sise.text` share `q.s.t`): a typo or a renamed id rarely changes an id's first
/// letter, and keys of one shape with one initial are few. Keys whose length differs by more
/// than [`did_you_mean`] allows are skipped without comparing. And once [`Self::BUDGET`]
/// comparisons are spent (only guides whose ids mostly share their first letters get there),
/// the remaining orphans are reported without a suggestion.
struct KeyFinder<'k> {
    /// Keys by their segments' initials, with their lengths in characters.
    by_initials: HashMap<String, Vec<(&'k str, usize)>>,
    /// Comparisons left.
    budget: usize,
}

impl<'k> KeyFinder<'k> {
    /// Comparisons allowed per translation, about 0.1 s. The 4,000 orphans of a translation of
    /// the built-in guide need about 1,100.
    const BUDGET: usize = 50_000;

    fn new(keys: impl Iterator<Item = &'k str>) -> Self {
        let mut by_initials: HashMap<String, Vec<(&'k str, usize)>> = HashMap::new();
        for key in keys {
            by_initials
                .entry(initials(key))
                .or_default()
                .push((key, key.chars().count()));
        }
        KeyFinder {
            by_initials,
            budget: Self::BUDGET,
        }
    }

    /// The key `key` was probably meant to be, if one is close.
    fn likely(&mut self, key: &str) -> Option<&'k str> {
        let group = self.by_initials.get(&initials(key))?;
        let len = key.chars().count();
        // The most edits did_you_mean accepts for a word this long.
        let most = (len / 3).max(1) + 1;
        let near: Vec<&'k str> = group
            .iter()
            .filter(|(_, n)| n.abs_diff(len) <= most)
            .map(|(k, _)| *k)
            .collect();
        if near.len() > self.budget {
            self.budget = 0;
            return None;
        }
        self.budget -= near.len();
        did_you_mean(key, near)
    }
}

/// The first letter of each `.`-separated segment of a key, lowercased: `q.s.t`.
fn initials(key: &str) -> String {
    key.split('.')
        .map(|segment| {
            segment
                .chars()
                .next()
                .map_or(String::new(), |c| c.to_lowercase().collect())
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// The coverage of every translation of a guide, as `i18n status` prints it: one row per
/// language, the guide's own first. `guide_path` is `None` for the built-in guide.
pub fn status_table(guide: &Guide, guide_path: Option<&Path>) -> String {
    let mut out = String::new();
    let row = |out: &mut String, lang: &str, c: Coverage, complete: &str| {
        let _ = writeln!(
            out,
            "{:<10} {:>8} {:>8} {:>8} {:>8} {complete:>9}",
            sanitize_line(lang),
            c.current,
            c.stale,
            c.missing,
            c.orphaned
        );
    };
    let _ = writeln!(
        out,
        "{:<10} {:>8} {:>8} {:>8} {:>8} {:>9}",
        "language", "current", "stale", "missing", "orphaned", "complete"
    );
    let total = texts(guide).len();
    let base = Coverage {
        total,
        current: total,
        ..Coverage::default()
    };
    row(
        &mut out,
        &format!("{} (base)", guide.language),
        base,
        "100%",
    );
    for lang in super::languages(guide, guide_path).into_iter().skip(1) {
        let source = match super::translation_source(guide_path, &lang) {
            Some(Ok(source)) => source,
            Some(Err(unreadable)) => {
                let _ = writeln!(out, "{:<10} {}", sanitize_line(&lang), unreadable.message);
                continue;
            }
            None => continue,
        };
        let c = check(guide, source).coverage;
        let complete = if c.current == c.total && c.orphaned == 0 {
            "100%".to_string()
        } else {
            format!("{}%", (c.current * 100).checked_div(c.total).unwrap_or(100))
        };
        row(&mut out, &lang, c, &complete);
    }
    out
}

/// What [`apply`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Texts replaced by their translation.
    pub replaced: usize,
}

/// Overlays a translation on a guide: every entry whose key names a text, and which was
/// translated from that text as it reads now, replaces it. A stale entry (translated from an
/// older text) is not used: the text shows in the guide's own language, as a missing one does,
/// because an outdated translation may say what the guide no longer says, and nothing on screen
/// would tell. `check` and `i18n update` point at such entries.
pub fn apply(guide: &mut Guide, translation: &Translation) -> Applied {
    let by_key: HashMap<&str, &Entry> = translation
        .entries
        .iter()
        .filter(|e| !e.text.trim().is_empty())
        .map(|e| (e.key.as_str(), e))
        .collect();
    let mut applied = Applied::default();
    guide.visit_texts_mut(&mut |at, text| {
        let Some(entry) = by_key.get(at.key().as_str()) else {
            return;
        };
        if entry.source == fingerprint(text) {
            *text = entry.text.clone();
            applied.replaced += 1;
        }
    });
    if !translation.language.is_empty() {
        guide.language = translation.language.clone();
    }
    applied
}

/// Writes a translation file with every key of the guide, ready to translate. Entries already
/// translated in `existing` keep their text and fingerprint (so stale ones stay visible as
/// stale); new keys get an empty text. The base text is a comment above each entry.
///
/// The file is printed to a terminal as often as it is saved, and every field in it comes from a
/// file or the command line: each is sanitised as it is written, so a fingerprint or a language
/// holding an escape sequence cannot set the window title or write the clipboard.
pub fn template(guide: &Guide, language: &str, existing: Option<&Translation>) -> String {
    let previous: HashMap<&str, &Entry> = existing
        .map(|t| t.entries.iter().map(|e| (e.key.as_str(), e)).collect())
        .unwrap_or_default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Translation of \"{}\" into \"{}\".",
        sanitize_line(&guide.id),
        sanitize_line(language)
    );
    let _ = writeln!(
        out,
        "// Each entry: the key of a text, the fingerprint of the text it was translated"
    );
    let _ = writeln!(
        out,
        "// from, and the translation. The original text is the comment above it."
    );
    let _ = writeln!(
        out,
        "// `coop-guide check` reports missing, stale and orphaned entries;"
    );
    let _ = writeln!(
        out,
        "// `coop-guide i18n update GUIDE --lang {}` adds new texts and marks stale entries here.",
        sanitize_line(language)
    );
    let _ = writeln!(
        out,
        "Translation(\n    guide: {},\n    language: {},\n    entries: [",
        quote(&guide.id),
        quote(language)
    );
    for (key, text) in texts(guide) {
        for line in update::base_comment(&text) {
            let _ = writeln!(out, "        {line}");
        }
        let (source, translated) = match previous.get(key.as_str()) {
            Some(e) => (e.source.clone(), e.text.clone()),
            None => (fingerprint(&text), String::new()),
        };
        let _ = writeln!(
            out,
            "        Entry(key: {}, source: {}, text: {}),",
            quote(&key),
            quote(&source),
            quote(&translated)
        );
    }
    let _ = writeln!(out, "    ],\n)");
    out
}

/// A RON string literal of untrusted text: sanitised, then escaped (line breaks as `\n`).
fn quote(text: &str) -> String {
    format!("\"{}\"", escape_quoted(&sanitize(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_paths_are_recognised() {
        assert!(is_translation_path(Path::new(
            "guides/coop-varieties.es.ron"
        )));
        assert!(is_translation_path(Path::new("a.pt-BR.ron")));
        assert!(!is_translation_path(Path::new("guides/coop-varieties.ron")));
        assert!(!is_translation_path(Path::new("guides/my.guide.ron")));
        assert_eq!(
            base_path(Path::new("g/x.es.ron")),
            Some(PathBuf::from("g/x.ron"))
        );
        assert_eq!(
            path_for(Path::new("g/x.ron"), "es"),
            PathBuf::from("g/x.es.ron")
        );
    }

    #[test]
    fn likely_keys_share_initials_and_suggestions_stop_when_the_budget_is_spent() {
        let keys = [
            "question.size.text",
            "question.pace.text",
            "question.size.why",
            "title",
        ];
        let mut finder = KeyFinder::new(keys.into_iter());
        assert_eq!(initials("question.Size.text"), "q.s.t");
        assert_eq!(
            finder.likely("question.sise.text"),
            Some("question.size.text")
        );
        assert_eq!(
            finder.likely("Question.Sise.Text"),
            Some("question.size.text")
        );
        assert_eq!(finder.likely("titel"), Some("title"));
        // A changed first letter is not looked for.
        assert_eq!(finder.likely("question.fize.text"), None);
        // Two comparisons left: `q.s.t` holds one key, `q.p.t` one, and then none are left.
        finder.budget = 2;
        assert_eq!(
            finder.likely("question.sizee.text"),
            Some("question.size.text")
        );
        assert_eq!(
            finder.likely("question.pacee.text"),
            Some("question.pace.text")
        );
        assert_eq!(finder.likely("question.sizeee.text"), None);
        assert_eq!(finder.budget, 0);
        finder.budget = 1;
        assert_eq!(
            finder.likely("question.sizee.whyy"),
            Some("question.size.why")
        );
    }

    #[test]
    fn fingerprints_ignore_wrapping_but_not_words() {
        assert_eq!(
            fingerprint("one two\n   three"),
            fingerprint("one two three")
        );
        assert_ne!(fingerprint("one two three"), fingerprint("one two four"));
    }
}
