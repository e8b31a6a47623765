//! Random walks: a generated guide (conditions, loops, dimensions, situation questions) or one
//! of the repository's, and any sequence of actions, including those `tests/engine.rs` leaves
//! out (recording answers by position as sessions do, going to questions off the path, walks
//! started from another question with `--from`): after every action the place is on the path,
//! the path is what the recorded answers give through the guide's own index, what is shown is
//! what is offered, and stale answers never reach the explanation or the result's JSON; at the
//! end, the answers alone give the same path again. The fuzz target `walk` runs the same checks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod prop_support;

use std::sync::{Arc, OnceLock};

use coop_guide::guide::{check_source, files, Guide, Source};
use prop_support::{generated_guide, random_walk, Choices};
use proptest::prelude::*;

fn repository_guides() -> &'static [Arc<Guide>] {
    static GUIDES: OnceLock<Vec<Arc<Guide>>> = OnceLock::new();
    GUIDES.get_or_init(|| {
        let load = |name: &str, text: &str| {
            Arc::new(check_source(Source::new(name, text)).guide.expect(name))
        };
        vec![
            Arc::new(files::usable(None, None).expect("the built-in guide")),
            load("co-op-pay.ron", include_str!("../guides/co-op-pay.ron")),
            load(
                "base-conditions.ron",
                include_str!("fixtures/check/base-conditions.ron"),
            ),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_actions_on_generated_guides_keep_the_walks_invariants(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut choices = Choices::new(&bytes);
        let guide = Arc::new(generated_guide(&mut choices));
        random_walk(guide, &mut choices, 150);
    }

    #[test]
    fn random_actions_on_the_repositorys_guides_keep_the_walks_invariants(
        which in 0..3usize,
        bytes in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let guide = Arc::clone(&repository_guides()[which]);
        random_walk(guide, &mut Choices::new(&bytes), 150);
    }
}
