//! The project's own reader for guide and translation files: every mistake in one pass.
//!
//! Reading goes in three steps, each of which reports what it finds and goes on:
//! 1. [`parser`] (over [`lexer`]) turns the text into a [`Tree`] of values with byte spans, an
//!    arena with no text of its own, reporting syntax problems (an unclosed string at its opening
//!    quote, an unclosed bracket with the one that closed it wrongly, a missing comma, curly
//!    quotes, `#` and `--` comments...);
//! 2. [`de`] reads the tree into any serde type (the guide model), reporting shape problems
//!    (unknown, missing, duplicated or mistyped fields, unknown kinds of link, `Some(...)`) in the
//!    guide's words and putting empty values where a value could not be used;
//! 3. [`Read::place`] gives later diagnostics (link checks, which name values by path) their
//!    spans from the same tree, and drops those about values step 2 already reported.
//!
//! The number of problems listed is capped ([`CAP`] errors and as many warnings); a last
//! diagnostic says how many more were found. Nothing here recurses over the input's nesting
//! except serde's own descent, which the parser bounds to [`parser::MAX_DEPTH`] levels.

pub mod de;
pub mod lexer;
pub mod parser;
pub mod tree;
pub mod words;

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;

use super::diagnostic::{Code, Diagnostic, Locus};
pub use super::source::Span;
use crate::guide::to_u32;
pub use tree::{NodeId, Tree};

/// How many errors (and, apart, how many warnings) one read lists.
pub const CAP: usize = 100;

/// How many times a read is tried again after learning what a type requires.
const TRIES: usize = 32;

/// Problems found while reading, up to a cap.
#[derive(Debug, Default)]
pub struct Problems {
    /// The problems listed.
    pub list: Vec<Diagnostic>,
    errors: usize,
    warnings: usize,
    hidden: usize,
    cap: usize,
}

/// Where a [`Problems`] stood, to go back to.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    len: usize,
    errors: usize,
    warnings: usize,
    hidden: usize,
}

impl Problems {
    /// An empty list that keeps at most `cap` errors and `cap` warnings.
    pub fn new(cap: usize) -> Self {
        Problems {
            cap,
            ..Problems::default()
        }
    }

    /// Adds an error; `make` runs only when it will be listed.
    pub fn push(&mut self, make: impl FnOnce() -> Diagnostic) {
        self.add(false, make);
    }

    /// Lists `make()` while fewer than `cap` problems of its kind are listed, else counts it.
    fn add(&mut self, warning: bool, make: impl FnOnce() -> Diagnostic) {
        let listed = if warning {
            &mut self.warnings
        } else {
            &mut self.errors
        };
        if *listed < self.cap {
            *listed += 1;
            self.list.push(make());
        } else {
            self.hidden += 1;
        }
    }

    /// True while errors are still listed: past the cap, a caller can skip building one and
    /// [`Problems::hide`] it instead.
    pub fn lists_errors(&self) -> bool {
        self.errors < self.cap
    }

    /// Counts an error that is not listed.
    pub fn hide(&mut self) {
        self.hidden += 1;
    }

    /// Adds a warning.
    pub fn warn(&mut self, make: impl FnOnce() -> Diagnostic) {
        self.add(true, make);
    }

    fn mark(&self) -> Mark {
        Mark {
            len: self.list.len(),
            errors: self.errors,
            warnings: self.warnings,
            hidden: self.hidden,
        }
    }

    fn reset(&mut self, mark: Mark) {
        self.list.truncate(mark.len);
        self.errors = mark.errors;
        self.warnings = mark.warnings;
        self.hidden = mark.hidden;
    }

    /// The list, with a last diagnostic counting those not listed.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        if self.hidden > 0 {
            self.list.push(
                Diagnostic::new(
                    Code::TooMany,
                    format!(
                        "{} more problem(s) were found and are not listed",
                        self.hidden
                    ),
                )
                .help("fix the problems above and check again"),
            );
        }
        self.list
    }
}

/// A file read into a value of type `T`, with everything found on the way.
#[derive(Debug)]
pub struct Read<T> {
    /// The value, with empty values where the file's could not be used; `None` when nothing
    /// usable was found (no value at all, or the top value was of the wrong kind).
    pub value: Option<T>,
    /// Syntax and shape problems, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// The tree, for placing later diagnostics (`None` once [`Read::release_tree`] dropped it).
    tree: Option<Tree>,
    /// True when a recovery had to guess something ids or links depend on (where a bracket
    /// belongs, which kind of link was meant, an item left out of a list of parts): checks
    /// of links would then report mistakes that are not there.
    pub guessed: bool,
    /// Value paths whose value was replaced (already reported).
    recovered: HashSet<String>,
    /// For each list with items left out, how many items were kept before each one.
    dropped: HashMap<String, Vec<u32>>,
}

impl<T> Read<T> {
    /// True when a syntax or shape problem is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == super::Severity::Error)
    }

    /// Drops the tree to free its memory while the value is checked (a 64 MB guide's tree takes
    /// about 60 MB). [`Read::place`] parses the text again if it has anything to place.
    pub fn release_tree(&mut self) {
        self.tree = None;
    }

    /// Places diagnostics that name values by path: drops those about a value this read
    /// already reported (replaced or left out), and turns the others' paths into spans.
    pub fn place(&self, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        if !self.recovered.is_empty() {
            diagnostics.retain(|d| match &d.primary {
                Some(label) => match &label.at {
                    Locus::Path(p) => !ancestors(p).any(|a| self.recovered.contains(a)),
                    Locus::Span(_) => true,
                },
                None => true,
            });
        }
        let has_paths = diagnostics.iter().any(|d| {
            d.primary
                .iter()
                .chain(&d.secondary)
                .any(|l| matches!(l.at, Locus::Path(_)))
        });
        if !has_paths {
            return;
        }
        let parsed;
        let tree = match &self.tree {
            Some(tree) => tree,
            None => {
                parsed = parser::parse(text, &mut Problems::new(0)).tree;
                &parsed
            }
        };
        for d in diagnostics.iter_mut() {
            for label in d.primary.iter_mut().chain(d.secondary.iter_mut()) {
                if let Locus::Path(p) = &label.at {
                    let p = self.source_path(p);
                    let span = ancestors(&p)
                        .find_map(|a| tree.find(text, a))
                        .map(|n| tree.span(n))
                        .unwrap_or_default();
                    label.at = Locus::Span(span);
                }
            }
        }
    }

    /// A model path as the file has it: list positions moved past the items left out.
    fn source_path(&self, path: &str) -> String {
        if self.dropped.is_empty() {
            return path.to_string();
        }
        let mut out = String::with_capacity(path.len() + 4);
        let mut rest = path;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('[') {
                let Some(close) = after.find(']') else {
                    out.push_str(rest);
                    break;
                };
                let index: Option<u32> = after[..close].parse().ok();
                match (index, self.dropped.get(&out)) {
                    (Some(k), Some(kept)) => {
                        let skipped = to_u32(kept.iter().filter(|&&m| m <= k).count());
                        out.push_str(&format!("[{}]", k + skipped));
                    }
                    _ => out.push_str(&rest[..close + 2]),
                }
                rest = &after[close + 1..];
            } else {
                let start = usize::from(rest.starts_with('.'));
                let end = rest[start..]
                    .find(['.', '['])
                    .map_or(rest.len(), |e| e + start);
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
        }
        out
    }
}

/// A path and its enclosing paths, innermost first: `a[1].b`, `a[1]`, `a`, ``.
pub fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(path);
    std::iter::from_fn(move || {
        let current = next?;
        next = current.rfind(['.', '[']).map(|i| &current[..i]);
        if next.is_none() && !current.is_empty() {
            next = Some("");
        }
        Some(current)
    })
}

impl<T> Read<T> {
    /// Nothing usable was read: only the problems that say why.
    fn nothing(problems: Problems, tree: Option<Tree>) -> Read<T> {
        Read {
            value: None,
            diagnostics: problems.finish(),
            tree,
            guessed: true,
            recovered: HashSet::new(),
            dropped: HashMap::new(),
        }
    }
}

/// Reads `text` into a `T`, reporting every problem found.
pub fn read<T: DeserializeOwned>(text: &str) -> Read<T> {
    let mut problems = Problems::new(CAP);
    if u32::try_from(text.len()).is_err() {
        problems.push(|| {
            Diagnostic::new(
                Code::Unreadable,
                "the file is too large to be a guide (4 GB or more)",
            )
            .help("is this the right file?")
        });
        return Read::nothing(problems, None);
    }
    let parsed = parser::parse(text, &mut problems);
    let tree = parsed.tree;
    let Some(root) = tree.root() else {
        return Read::nothing(problems, Some(tree));
    };
    let syntax = problems.mark();
    let mut learned = de::Learned::default();
    let mut last_error = None;
    for _ in 0..TRIES {
        problems.reset(syntax);
        let mut reader = de::Reader::new(text, &tree, &learned, problems);
        let result = T::deserialize(reader.root(root));
        let de::Reader {
            problems: found,
            recovered,
            dropped,
            guessed,
            ..
        } = reader;
        problems = found;
        match result {
            Ok(_) if recovered.iter().any(String::is_empty) => break,
            Ok(value) => {
                let mut lists: HashMap<String, Vec<u32>> = HashMap::new();
                for d in dropped {
                    lists.entry(d.list).or_default().push(d.kept_before);
                }
                return Read {
                    value: Some(value),
                    diagnostics: problems.finish(),
                    tree: Some(tree),
                    guessed: guessed || parsed.guessed,
                    recovered: recovered.into_iter().collect(),
                    dropped: lists,
                };
            }
            Err(e) => {
                if !learned.learn(&e, root) {
                    last_error = Some(e);
                    break;
                }
            }
        }
    }
    if let Some(e) = last_error {
        let span = e.node.map(|n| tree.span(n)).unwrap_or_default();
        problems.push(|| {
            Diagnostic::new(Code::WrongType, format!("the file could not be read: {e}"))
                .at_span(span, "here")
        });
    }
    Read::nothing(problems, Some(tree))
}

/// The spans of the values at `paths` (as [`Tree::find`] reads them). Paths not found are
/// missing from the map.
pub fn locate<'p>(text: &str, paths: impl IntoIterator<Item = &'p str>) -> HashMap<String, Span> {
    let mut paths = paths.into_iter().peekable();
    if paths.peek().is_none() {
        return HashMap::new();
    }
    let mut quiet = Problems::new(0);
    let tree = parser::parse(text, &mut quiet).tree;
    paths
        .filter_map(|p| Some((p.to_string(), tree.span(tree.find(text, p)?))))
        .collect()
}

#[cfg(test)]
mod tests;
