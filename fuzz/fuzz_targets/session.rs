//! Arbitrary session file text read and resumed on the built-in guide (in its language or a
//! translation), reported on, saved and resumed again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coop_guide_fuzz::check_session_text(
        coop_guide_fuzz::built_in(),
        &String::from_utf8_lossy(data),
    );
});
