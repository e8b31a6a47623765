//! Arbitrary translation text checked against a fixed guide, then `i18n update` and the
//! template on what reads without errors.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let guide = coop_guide_fuzz::translated();
    coop_guide_fuzz::check_translation_text(guide, &String::from_utf8_lossy(data));
});
