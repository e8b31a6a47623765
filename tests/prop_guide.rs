//! Properties of the guide reader, for any text: `check` never panics, lists a bounded number
//! of problems placed inside the file, renders them safely in every format; a guide read
//! without errors, written out and read again, is the same guide. The same checks run under the
//! fuzzer (`fuzz/`, target `guide`) for as long as one likes; here they run a few hundred cases.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod prop_support;

use coop_guide::guide::load::parse_lenient;
use coop_guide::guide::Source;
use prop_support::{
    check_guide_text, check_round_trip, generated_guide, guide_text, mutate, without_index,
    Choices, Edit, PIECES,
};
use proptest::prelude::*;

/// Real guides of the repository: the mutations start from them.
const GUIDES: &[&str] = &[
    include_str!("../guides/decision-making.ron"),
    include_str!("../guides/co-op-pay.ron"),
    include_str!("fixtures/check/base-conditions.ron"),
    include_str!("fixtures/tui/hostile.ron"),
    include_str!("fixtures/syntax/G0014-too-many.ron"),
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

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
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_characters_are_read_without_a_panic(text in any::<String>()) {
        check_guide_text(&text);
    }

    #[test]
    fn pieces_of_the_format_in_any_order_are_read_without_a_panic(text in pieces()) {
        check_guide_text(&text);
    }

    #[test]
    fn real_guides_mutated_are_read_without_a_panic(
        guide in prop::sample::select(GUIDES),
        edits in edits(),
    ) {
        check_guide_text(&mutate(guide, &edits));
    }

    #[test]
    fn a_generated_guide_written_out_reads_back_the_same(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let guide = generated_guide(&mut Choices::new(&bytes));
        let text = guide_text(&guide);
        // Generated conditions may make a guide `check` refuses (never offered, never reached):
        // the tolerant reading gives it back as written all the same.
        let back = parse_lenient(&Source::new("written.ron", text.as_str()))
            .unwrap_or_else(|| panic!("a written guide does not read:\n{text}"));
        prop_assert_eq!(without_index(&back), without_index(&guide), "{}", text);
    }
}

#[test]
fn the_guides_of_the_repository_written_out_read_back_the_same() {
    for text in [
        coop_guide::guide::DEFAULT_GUIDE_TEXT,
        GUIDES[0],
        GUIDES[1],
        GUIDES[2],
    ] {
        let checked = coop_guide::guide::check_source(Source::new("g.ron", text));
        check_round_trip(&checked.guide.expect("a guide without errors"));
    }
}

#[test]
fn more_after_a_bare_first_value_points_at_whole_characters() {
    // The first value is a name of one two-byte character; "it ends here" once pointed at its
    // second byte.
    let checked = coop_guide::guide::check_source(Source::new("g.ron", "Σ["));
    prop_support::check_diagnostics(&checked.diagnostics, &checked.source);
    assert!(checked
        .diagnostics
        .iter()
        .any(|d| d.message.contains("more after the end")));
}

#[test]
fn fields_where_a_condition_or_a_list_of_them_belongs_are_a_mistake_not_a_crash() {
    // `Not(x: 1)`: brackets holding fields are read as a part's own brackets where the value is
    // a part; read as a condition, they were read again as one, until the stack ran out.
    for when in [
        "Not(x: 1)",
        "Any(x: 1)",
        "All(x: 1, y: 2)",
        "Any([Not(x: 1)])",
    ] {
        let text = format!(
            "Guide(id: \"g\", title: \"T\", start: \"q\", questions: [Question(id: \"q\", \
             text: \"Q?\", answers: [Answer(id: \"a\", label: \"A\", when: {when}, next: \
             Branch(cases: [Case(when: {when}, next: End(\"o\"))], otherwise: End(\"o\")))])], \
             outcomes: [Outcome(id: \"o\", title: \"O\")])"
        );
        let checked = coop_guide::guide::check_source(Source::new("g.ron", text.as_str()));
        prop_support::check_diagnostics(&checked.diagnostics, &checked.source);
        let said: Vec<&str> = checked
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert!(
            said.iter()
                .any(|m| m.contains("holds fields where its value belongs")),
            "{when}: {said:?}"
        );
    }
}
