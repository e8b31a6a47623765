//! Guides: the model, loading, validation and diagnostics. No terminal code here.
//!
//! The way in is [`check_path`] or [`check_source`]: they never fail, and return the guide (when
//! it has no errors) with every diagnostic. [`default_guide`] is the guide compiled into the binary.

pub mod diagnostic;
pub mod index;
pub mod load;
pub mod model;
pub mod source;
pub mod synthetic;
pub mod text;
pub mod validate;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use index::{Index, Target};
pub use load::{check_path, check_source, Checked};
pub use model::{
    Answer, Dimension, DimensionValue, Example, Guide, Link, Outcome, Question, Step, TestCase,
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
