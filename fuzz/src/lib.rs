//! What the fuzz targets share: the checks every input must pass (the same ones the property
//! tests run, from `tests/prop_support/`), and the guides they run on, loaded once.

use std::sync::{Arc, OnceLock};

use coop_guide::guide::{check_source, files, Guide, Source};

#[path = "../../tests/prop_support/mod.rs"]
mod support;

pub use support::*;

/// The built-in guide, in English then in each of its translations: what sessions and answers
/// files are resumed and replayed on.
pub fn built_in() -> &'static [Arc<Guide>] {
    static GUIDES: OnceLock<Vec<Arc<Guide>>> = OnceLock::new();
    GUIDES.get_or_init(|| {
        let mut guides = vec![Arc::new(
            files::usable(None, None).unwrap_or_else(|_| panic!("the built-in guide loads")),
        )];
        for (language, _) in coop_guide::guide::DEFAULT_TRANSLATIONS {
            if let Ok(guide) = files::usable(None, Some(language)) {
                guides.push(Arc::new(guide));
            }
        }
        guides
    })
}

/// The guide translations are checked against: a small guide of the repository with
/// conditions, next steps and examples (its translation fixtures are the seeds).
pub fn translated() -> &'static Guide {
    static GUIDE: OnceLock<Guide> = OnceLock::new();
    GUIDE.get_or_init(|| {
        let text = include_str!("../../guides/decision-making.ron");
        check_source(Source::new("decision-making.ron", text))
            .guide
            .unwrap_or_else(|| panic!("decision-making.ron loads"))
    })
}

/// Guides of the repository that random walks run on besides generated ones: the built-in
/// guide, and a guide whose answers and links have conditions.
pub fn walked() -> &'static [Arc<Guide>] {
    static GUIDES: OnceLock<Vec<Arc<Guide>>> = OnceLock::new();
    GUIDES.get_or_init(|| {
        let pay = include_str!("../../guides/co-op-pay.ron");
        let pay = check_source(Source::new("co-op-pay.ron", pay))
            .guide
            .unwrap_or_else(|| panic!("co-op-pay.ron loads"));
        vec![Arc::clone(&built_in()[0]), Arc::new(pay)]
    })
}
