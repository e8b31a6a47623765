//! Properties of translations, for any text checked against a guide: diagnostics placed inside
//! the file and rendered safely; each text of the guide counted once as current, stale or
//! missing; `i18n update` on a file read without errors gives a file read without errors that a
//! second update leaves as it is. The fuzz target `translation` runs the same checks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod prop_support;

use coop_guide::guide::diagnostic::Code;
use coop_guide::guide::{check_source, translation, Guide, Source};
use prop_support::{check_translation_text, mutate, Edit, PIECES};
use proptest::prelude::*;

/// `guides/decision-making.ron`, loaded once for every case.
fn guide() -> &'static Guide {
    static GUIDE: std::sync::OnceLock<Guide> = std::sync::OnceLock::new();
    GUIDE.get_or_init(|| {
        let text = include_str!("../guides/decision-making.ron");
        check_source(Source::new("decision-making.ron", text))
            .guide
            .expect("decision-making.ron loads")
    })
}

/// Translations of `guides/decision-making.ron` (the i18n fixtures translate a copy of it).
const TRANSLATIONS: &[&str] = &[
    include_str!("fixtures/i18n/complete/guide.es.ron"),
    include_str!("fixtures/i18n/stale/guide.es.ron"),
    include_str!("fixtures/i18n/orphan/guide.es.ron"),
    include_str!("fixtures/i18n/missing/guide.es.ron"),
];

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (
            any::<usize>(),
            any::<u8>(),
            prop::sample::select(PIECES).prop_map(String::from),
        ),
        1..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_characters_are_checked_without_a_panic(text in any::<String>()) {
        check_translation_text(guide(), &text);
    }

    #[test]
    fn translations_mutated_are_checked_and_updated_safely(
        text in prop::sample::select(TRANSLATIONS),
        edits in edits(),
    ) {
        check_translation_text(guide(), &mutate(text, &edits));
    }
}

#[test]
fn the_fixtures_update_and_an_update_is_kept_by_a_second() {
    for text in TRANSLATIONS {
        check_translation_text(guide(), text);
    }
}

#[test]
fn an_entry_not_translated_yet_is_missing_never_stale() {
    // An empty text under an old fingerprint holds no translation the guide could have changed
    // under: it is missing (once), and no stale warning is given for it.
    let guide = guide();
    let complete = TRANSLATIONS[0];
    let entry = complete
        .lines()
        .find(|l| l.contains("Entry(key: \"title\""))
        .expect("a title entry");
    let untranslated = "        Entry(key: \"title\", source: \"00000000\", text: \"\"),";
    let text = complete.replace(entry, untranslated);
    let checked = translation::check(guide, Source::new("guide.es.ron", text.as_str()));
    let c = checked.coverage;
    assert_eq!((c.stale, c.missing), (0, 1), "{c:?}");
    assert_eq!(c.current + c.stale + c.missing, c.total, "{c:?}");
    assert!(
        !checked
            .diagnostics
            .iter()
            .any(|d| d.code == Code::TranslationStale),
        "{:?}",
        checked.diagnostics
    );
    check_translation_text(guide, &text);
}
