//! Properties of `--answers` files: any text is parsed without a panic, into ids or the number
//! of a line the file has; what parses is replayed on a walk of the built-in guide exactly as
//! `play --answers` does, keeping the walk's invariants or naming the line at fault; the answers
//! of any walk, written as a file and replayed, give the same walk. The fuzz target `answers`
//! runs the same checks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod prop_support;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use coop_guide::commands::play::replay_answers;
use coop_guide::engine::Walk;
use coop_guide::guide::{files, Guide};
use coop_guide::plain::parse_answers;
use prop_support::{action, check_answers_text, check_walk, Choices, PIECES};
use proptest::prelude::*;

fn guide() -> &'static Arc<Guide> {
    static GUIDE: OnceLock<Arc<Guide>> = OnceLock::new();
    GUIDE.get_or_init(|| Arc::new(files::usable(None, None).expect("the built-in guide")))
}

/// One line of an answers file: ids of the guide (or near them), separators, comments, quotes,
/// spaces and control characters, in any order.
fn line() -> impl Strategy<Value = String> {
    let guide = guide();
    let mut words: Vec<String> = guide
        .questions
        .iter()
        .flat_map(|q| std::iter::once(q.id.clone()).chain(q.answers.iter().map(|a| a.id.clone())))
        .collect();
    words.extend(
        [
            ":",
            "=",
            "#",
            "\"",
            " ",
            "\t",
            "\r",
            "motivaton",
            "mixx",
            "",
        ]
        .map(String::from),
    );
    words.extend(PIECES.iter().map(|p| p.to_string()));
    prop::collection::vec(prop::sample::select(words), 0..6).prop_map(|w| w.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_characters_are_parsed_and_replayed_safely(text in any::<String>()) {
        check_answers_text(guide(), &text);
    }

    #[test]
    fn lines_of_ids_and_separators_are_parsed_and_replayed_safely(
        lines in prop::collection::vec(line(), 0..12),
    ) {
        check_answers_text(guide(), &lines.join("\n"));
    }

    #[test]
    fn a_walks_answers_written_as_a_file_replay_the_same_walk(
        bytes in prop::collection::vec(any::<u8>(), 0..120),
        quoted in any::<bool>(),
    ) {
        let mut walk = Walk::new(Arc::clone(guide()));
        let mut choices = Choices::new(&bytes);
        while !choices.exhausted() {
            let next = action(&mut choices, &walk);
            walk.apply(next);
        }
        let text: String = walk
            .answers_by_id()
            .iter()
            .map(|(q, a)| if quoted { format!("\"{q}\" = \"{a}\" # said\n") } else { format!("{q}: {a}\n") })
            .collect();
        let answers = parse_answers(&text).expect("a written file parses");
        let mut again = Walk::new(Arc::clone(guide()));
        replay_answers(&mut again, Path::new("a.txt"), &answers).expect("every id exists");
        check_walk(&again, None, &text);
        prop_assert_eq!(again.review(), walk.review());
        prop_assert_eq!(again.answers_by_id(), walk.answers_by_id());
    }
}
