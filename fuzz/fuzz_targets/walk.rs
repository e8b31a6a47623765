//! Random walks: a guide generated from the input (or one of the repository's), then actions
//! drawn from the rest of it, with the walk's invariants checked after every action.
#![no_main]

use std::sync::Arc;

use coop_guide_fuzz::{generated_guide, random_walk, walked, Choices};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut choices = Choices::new(data);
    let guide = match choices.below(8) {
        0 => Arc::clone(&walked()[0]),
        1 => Arc::clone(&walked()[1]),
        _ => Arc::new(generated_guide(&mut choices)),
    };
    random_walk(guide, &mut choices, 200);
});
