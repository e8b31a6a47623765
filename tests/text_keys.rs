//! Translation keys of conditional texts: an item is named by its condition and its place
//! among the items with the same condition, so reordering a list, or adding an item with
//! another condition, changes no key; unconditional items keep the keys format 1 gave them.
//! Translations, `check`'s missing, orphaned and stale entries, and `i18n template` all go by
//! these keys.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use coop_guide::guide::translation::{self, fingerprint, texts, Entry, Translation};
use coop_guide::guide::{check_source, Guide, Source};

/// A one-question guide with the outcome's `pros` and the question's `why` given.
fn guide(pros: &str, why: &str) -> Guide {
    let text = format!(
        r#"Guide(
    format: 2, id: "g", version: "1", title: "G", start: "country",
    questions: [
        Question(id: "country", text: "Where?", situation: true, why: "w", answers: [
            Answer(id: "uk", label: "UK", next: Goto("size")),
            Answer(id: "es", label: "Spain", next: Goto("size")),
        ]),
        Question(id: "size", text: "How many?", why: {why}, answers: [
            Answer(id: "few", label: "Few", next: End("done")),
            Answer(id: "many", label: "Many", next: End("done")),
        ]),
    ],
    outcomes: [Outcome(id: "done", title: "Done", pros: {pros}, cons: ["c"])],
)"#
    );
    let checked = check_source(Source::new("g.ron", text));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    checked.guide.expect("valid")
}

/// The keys and texts of a guide that start with `prefix`.
fn keyed(guide: &Guide, prefix: &str) -> Vec<(String, String)> {
    texts(guide)
        .into_iter()
        .filter(|(k, _)| k.starts_with(prefix))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, t)| (k.to_string(), t.to_string()))
        .collect()
}

#[test]
fn items_are_keyed_by_condition_and_place_among_the_same_condition() {
    let g = guide(
        r#"["All.", When(Answered("country", "uk"), "UK one."), "All two.", When(Answered("country", "uk"), "UK two."), When(Answered("country", "es"), "Spain.")]"#,
        r#"["Why.", When(Answered("country", "es"), "In Spain."), "More."]"#,
    );
    assert_eq!(
        keyed(&g, "outcome.done.pros"),
        pairs(&[
            ("outcome.done.pros.0", "All."),
            ("outcome.done.pros.when(country=uk).0", "UK one."),
            ("outcome.done.pros.1", "All two."),
            ("outcome.done.pros.when(country=uk).1", "UK two."),
            ("outcome.done.pros.when(country=es).0", "Spain."),
        ])
    );
    // A paragraph text's first paragraph keeps the key a single text had.
    assert_eq!(
        keyed(&g, "question.size.why"),
        pairs(&[
            ("question.size.why", "Why."),
            ("question.size.why.when(country=es)", "In Spain."),
            ("question.size.why.1", "More."),
        ])
    );
}

#[test]
fn reordering_items_or_adding_one_with_another_condition_changes_no_key() {
    let before = guide(
        r#"["All.", When(Answered("country", "uk"), "UK one."), When(Answered("country", "uk"), "UK two.")]"#,
        r#""Why.""#,
    );
    let after = guide(
        r#"[When(Answered("country", "es"), "New for Spain."), When(Answered("country", "uk"), "UK one."), "All.", When(Answered("country", "uk"), "UK two.")]"#,
        r#"[When(Answered("country", "es"), "New for Spain."), "Why."]"#,
    );
    let old: Vec<(String, String)> = texts(&before);
    let new: Vec<(String, String)> = texts(&after);
    for pair in &old {
        assert!(new.contains(pair), "{pair:?} kept in {new:#?}");
    }
    assert_eq!(new.len(), old.len() + 2, "only the two new items are new");
}

#[test]
fn a_guide_without_conditions_keeps_its_format_1_keys() {
    let g = guide(r#"["One.", "Two."]"#, r#""Why.""#);
    let keys: Vec<String> = texts(&g).into_iter().map(|(k, _)| k).collect();
    for key in [
        "outcome.done.pros.0",
        "outcome.done.pros.1",
        "question.size.why",
        "question.country.answer.uk.label",
    ] {
        assert!(keys.contains(&key.to_string()), "{key} in {keys:?}");
    }
}

#[test]
fn a_translation_replaces_conditional_items_by_key_and_check_names_changed_ones() {
    let mut g = guide(
        r#"["All.", When(Answered("country", "uk"), "UK.")]"#,
        r#"["Why.", When(Answered("country", "es"), "In Spain.")]"#,
    );
    let entry = |key: &str, text: &str, source: &str| Entry {
        key: key.into(),
        source: fingerprint(source),
        text: text.into(),
    };
    let es = Translation {
        guide: "g".into(),
        language: "es".into(),
        entries: vec![
            entry(
                "outcome.done.pros.when(country=uk).0",
                "Reino Unido.",
                "UK.",
            ),
            entry(
                "question.size.why.when(country=es)",
                "En España.",
                "In Spain.",
            ),
        ],
    };
    assert_eq!(translation::apply(&mut g, &es).replaced, 2);
    assert_eq!(g.outcomes[0].pros[1].text(), "Reino Unido.");
    assert_eq!(g.outcomes[0].pros[0].text(), "All.");
    assert_eq!(g.questions[1].why.items()[1].text(), "En España.");
    assert!(
        g.outcomes[0].pros[1].condition().is_some(),
        "the condition stays"
    );

    // Against a guide whose UK item now reads otherwise, and whose Spanish paragraph now has
    // another condition: one stale entry, one orphan.
    let changed = guide(
        r#"["All.", When(Answered("country", "uk"), "UK, changed.")]"#,
        r#"["Why.", When(Not(Answered("country", "uk")), "In Spain.")]"#,
    );
    let file = ron::ser::to_string(&es).expect("written");
    let checked = translation::check(&changed, Source::new("g.es.ron", file));
    let codes: Vec<&str> = checked
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(codes.contains(&"G0404"), "stale: {codes:?}");
    assert!(codes.contains(&"G0403"), "orphaned: {codes:?}");
    assert_eq!(checked.coverage.stale, 1);
    assert_eq!(checked.coverage.orphaned, 1);
}

#[test]
fn the_template_lists_conditional_items_with_their_text() {
    let g = guide(
        r#"["All.", When(Answered("country", "uk"), "UK.")]"#,
        r#""Why.""#,
    );
    let file = translation::template(&g, "es", None);
    assert!(
        file.contains(
            "        // UK.\n        Entry(key: \"outcome.done.pros.when(country=uk).0\""
        ),
        "{file}"
    );
}

#[test]
fn conditional_next_steps_are_keyed_like_items() {
    let text = r#"Guide(
    format: 2, id: "g", version: "1", title: "G", start: "country",
    questions: [Question(id: "country", text: "Where?", why: "w", answers: [
        Answer(id: "uk", label: "UK", region: "UK", next: End("done")),
        Answer(id: "es", label: "Spain", region: "Spain", next: End("done")),
    ])],
    outcomes: [Outcome(id: "done", title: "Done", pros: ["p"], cons: ["c"], next_steps: [
        Step(text: "For everyone."),
        Step(when: Answered("country", "es"), text: "Only in Spain."),
        Step(region: "UK", text: "In the UK."),
    ])],
)"#;
    let checked = check_source(Source::new("g.ron", text));
    let g = checked.guide.expect("valid");
    assert_eq!(
        keyed(&g, "outcome.done.step"),
        pairs(&[
            ("outcome.done.step.0.text", "For everyone."),
            (
                "outcome.done.step.when(country=es).0.text",
                "Only in Spain."
            ),
            ("outcome.done.step.1.region", "UK"),
            ("outcome.done.step.1.text", "In the UK."),
        ])
    );
}
