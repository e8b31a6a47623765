//! Guides: the model, loading, validation and diagnostics. No terminal code here.
//!
//! The way in is [`check_path`] or [`check_source`]: they never fail, and return the guide (when
//! it has no errors) with every diagnostic. [`default_guide`] is the guide compiled into the binary.

pub mod condition;
pub mod diagnostic;
pub mod files;
pub mod flow;
pub mod index;
pub mod item;
pub mod load;
pub mod model;
pub mod order;
pub mod source;
pub mod syntax;
pub mod synthetic;
pub mod text;
pub mod translation;
pub mod validate;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use index::{Index, Target};
pub use load::{check_path, check_source, Checked};
pub use model::{
    Answer, Case, Condition, Dimension, DimensionValue, Example, Guide, Link, Outcome, Question,
    Step, TestCase,
};
pub use source::Source;

/// File name of the guide compiled into the binary, as diagnostics name it.
pub const DEFAULT_GUIDE_NAME: &str = "<default guide: coop-varieties.ron>";

/// The text of the guide compiled into the binary.
pub const DEFAULT_GUIDE_TEXT: &str = include_str!("../../guides/coop-varieties.ron");

/// Loads the guide compiled into the binary (tests keep it free of errors).
pub fn default_guide() -> Checked {
    check_source(Source::new(DEFAULT_GUIDE_NAME, DEFAULT_GUIDE_TEXT))
}

/// The commented starter guide `coop-guide new` writes (tests keep it passing `check`).
pub const STARTER_GUIDE: &str = include_str!("../templates/starter.ron");

/// Embedded translations of the built-in guide: `(language, text)`.
pub const DEFAULT_TRANSLATIONS: &[(&str, &str)] =
    &[("es", include_str!("../../guides/coop-varieties.es.ron"))];

/// Finds the translation of a guide into `language`: the file beside the guide (read within
/// the bounds of [`crate::read`]), or for the built-in guide the embedded one. `None` when there
/// is none; `Some(Err(_))` when there is one that cannot be read, as an unreadable-file
/// diagnostic that names it and says why (never skipped as if it were missing).
pub fn translation_source(
    guide_path: Option<&std::path::Path>,
    language: &str,
) -> Option<Result<Source, Box<Diagnostic>>> {
    match guide_path {
        Some(path) => {
            let file = translation::path_for(path, language);
            let name = file.display().to_string();
            match crate::read::text(&file, crate::read::Kind::Translation) {
                Ok(text) => Some(Ok(Source::new(name, text))),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => Some(Err(Box::new(unreadable(&name, &e)))),
            }
        }
        None => DEFAULT_TRANSLATIONS
            .iter()
            .find(|(lang, _)| *lang == language)
            .map(|(lang, text)| {
                Ok(Source::new(
                    format!("<default guide>/coop-varieties.{lang}.ron"),
                    *text,
                ))
            }),
    }
}

/// The diagnostic for a file that cannot be read: its name (sanitised) and why.
pub fn unreadable(name: &str, error: &std::io::Error) -> Diagnostic {
    let why = match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    };
    Diagnostic::new(
        Code::Unreadable,
        format!("cannot read `{}`: {why}", text::sanitize_line(name)),
    )
    .help("check the path and that you may read the file")
}

/// Languages the guide can be played in: its own, then its translations.
pub fn languages(guide: &Guide, guide_path: Option<&std::path::Path>) -> Vec<String> {
    let mut langs = vec![guide.language.clone()];
    match guide_path {
        Some(path) => langs.extend(translation::find_beside(path).into_iter().map(|(l, _)| l)),
        None => langs.extend(DEFAULT_TRANSLATIONS.iter().map(|(l, _)| l.to_string())),
    }
    langs
}

/// A position or a count as the compact `u32` the indexes and the reader's tree keep. Guides are
/// read with a size cap (128 MiB) far below 4 billion bytes or items, so this never saturates in
/// practice; if it ever did, it would saturate rather than wrap.
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
