//! Every diagnostic code in the catalogue is met by a real file: a fixture, or a file made here
//! from one. No code is exempt, so a code added without a way to meet it fails here; fixtures
//! are found by walking `tests/fixtures/`, so a new one counts without being listed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use coop_guide::guide::files::check_with_translations;
use coop_guide::guide::Code;

/// Every `.ron` file below `dir`, in a stable order.
fn ron_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            ron_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

/// The codes `check` gives a file and the translations beside it, as every command opens them.
fn codes_of(path: &Path, found: &mut BTreeSet<&'static str>) {
    let (files, _) = check_with_translations(Some(path), &mut HashSet::new());
    for file in files {
        found.extend(file.diagnostics.iter().map(|d| d.code.as_str()));
    }
}

#[test]
fn every_code_in_the_catalogue_is_met_by_a_real_file() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found = BTreeSet::new();
    let mut files = Vec::new();
    ron_files(&fixtures, &mut files);
    for file in &files {
        codes_of(file, &mut found);
    }

    // What no fixture holds, made from the complete translation: a translation of another
    // guide, one text translated twice, a language other than the file name's.
    let dir = tempfile::tempdir().expect("temp");
    let complete = fixtures.join("i18n/complete");
    let guide = fs::read_to_string(complete.join("guide.ron")).expect("guide");
    let es = fs::read_to_string(complete.join("guide.es.ron")).expect("translation");
    let twice =
        "        Entry(key: \"title\", source: \"b07e605b\", text: \"Otra vez\"),\n    ],\n)";
    let cases = [
        (
            "another-guide",
            es.replace("guide: \"decision-making\"", "guide: \"another\""),
        ),
        ("twice", es.replace("    ],\n)", twice)),
        (
            "language",
            es.replace("language: \"es\"", "language: \"fr\""),
        ),
    ];
    for (name, translation) in cases {
        assert_ne!(
            translation, es,
            "{name}: the fixture changed; update this test"
        );
        let folder = dir.path().join(name);
        fs::create_dir(&folder).expect("folder");
        fs::write(folder.join("guide.ron"), &guide).expect("guide");
        fs::write(folder.join("guide.es.ron"), translation).expect("translation");
        codes_of(&folder.join("guide.ron"), &mut found);
    }
    // A guide that cannot be read.
    codes_of(&dir.path().join("not-there.ron"), &mut found);

    let unmet: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !found.contains(c))
        .collect();
    assert!(unmet.is_empty(), "no file gives {unmet:?}");
}
