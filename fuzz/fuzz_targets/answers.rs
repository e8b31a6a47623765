//! Arbitrary `--answers` file text parsed and replayed on a walk of the built-in guide.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let guide = &coop_guide_fuzz::built_in()[0];
    coop_guide_fuzz::check_answers_text(guide, &String::from_utf8_lossy(data));
});
