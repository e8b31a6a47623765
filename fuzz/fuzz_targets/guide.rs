//! The guide loader and checker on arbitrary bytes: `check`'s diagnostics in every format, the
//! tolerant reading of `graph` and the editor, and a guide read without errors written out,
//! read back, drawn and walked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coop_guide_fuzz::check_guide_text(&String::from_utf8_lossy(data));
});
