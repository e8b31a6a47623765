//! Generated guides of any size, for benchmarks and stress tests.
//!
//! Question `i` has three answers: on to `i + 1`, a skip to `i + 2`, and an end at one of fifty
//! outcomes. So the guide is one long branching chain: the deepest path asks every question,
//! which is the hard case for anything recursive.

use std::fmt::Write as _;

/// Writes a valid guide with `questions` questions as RON text (about 600 bytes a question).
pub fn guide_text(questions: usize) -> String {
    let questions = questions.max(1);
    let outcomes = 50;
    let mut s = String::with_capacity(questions * 700 + outcomes * 300);
    let _ = writeln!(s, "Guide(\n    id: \"synthetic\",\n    version: \"1\",\n    title: \"A generated guide\",\n    start: \"q0\",");
    let _ = writeln!(
        s,
        "    dimensions: [Dimension(id: \"d\", name: \"Dimension\", values: ["
    );
    for v in 0..3 {
        let _ = writeln!(
            s,
            "        Value(id: \"v{v}\", label: \"Value {v}\", pros: [\"good\"], cons: [\"bad\"]),"
        );
    }
    let _ = writeln!(s, "    ])],\n    questions: [");
    for i in 0..questions {
        let next = |j: usize| {
            if j < questions {
                format!("Goto(\"q{j}\")")
            } else {
                format!("End(\"o{}\")", j % outcomes)
            }
        };
        let _ = write!(
            s,
            "        Question(\n            id: \"q{i}\",\n            section: \"Section {}\",\n            text: \"Question number {i}: which of these describes your group best today?\",\n            why: \"Because the answer changes which questions come next.\",\n            answers: [\n                Answer(id: \"a\", label: \"Go on to the next question\", reason: \"You went on.\", sets: [(\"d\", \"v{}\")], next: {}),\n                Answer(id: \"b\", label: \"Skip one question ahead\", reason: \"You skipped.\", next: {}),\n                Answer(id: \"c\", label: \"Stop here\", reason: \"You stopped.\", next: End(\"o{}\")),\n            ],\n        ),\n",
            i / 10,
            i % 3,
            next(i + 1),
            next(i + 2),
            i % outcomes
        );
    }
    let _ = writeln!(s, "    ],\n    outcomes: [");
    for o in 0..outcomes {
        let _ = writeln!(s, "        Outcome(id: \"o{o}\", title: \"Outcome {o}\", summary: \"Where walks end.\", pros: [\"p\"], cons: [\"c\"]),");
    }
    let _ = writeln!(s, "    ],\n    tests: [Test(name: \"stop at once\", answers: [(\"q0\", \"c\")], expect: \"o0\")],\n)");
    s
}

/// Writes a valid guide with `questions` questions where every answer has a conditional link
/// over three earlier answers (about 1,100 bytes a question): the hard case for `check`'s
/// checks that follow conditions. Question `i`'s answers go on to `i + 1` or skip to `i + 2`,
/// or end, depending on the answers to `i - 1`, `i - 2` and `i - 3`; the first questions, with
/// fewer questions before them, read the ones there are.
pub fn conditional_guide_text(questions: usize) -> String {
    let questions = questions.max(1);
    let outcomes = 50;
    let mut s = String::with_capacity(questions * 1200 + outcomes * 300);
    let _ = writeln!(s, "Guide(\n    format: 2,\n    id: \"synthetic-conditions\",\n    version: \"1\",\n    title: \"A generated guide with conditions\",\n    start: \"q0\",");
    let _ = writeln!(s, "    questions: [");
    let next = |j: usize| {
        if j < questions {
            format!("Goto(\"q{j}\")")
        } else {
            format!("End(\"o{}\")", j % outcomes)
        }
    };
    for i in 0..questions {
        // Three earlier answers, as many as there are.
        let earlier = |pattern: [&str; 3], wrap: [bool; 3]| -> Vec<String> {
            (1..=3)
                .filter(|k| *k <= i)
                .map(|k| {
                    let atom = format!("Answered(\"q{}\", \"{}\")", i - k, pattern[k - 1]);
                    if wrap[k - 1] {
                        format!("Not({atom})")
                    } else {
                        atom
                    }
                })
                .collect()
        };
        let link = |when: Vec<String>, any: bool, then: String, otherwise: String| {
            if when.is_empty() {
                return otherwise;
            }
            let kind = if any { "Any" } else { "All" };
            format!(
                "Branch(cases: [Case(when: {kind}([{}]), next: {then})], otherwise: {otherwise})",
                when.join(", ")
            )
        };
        let on = link(
            earlier(["a", "b", "a"], [false; 3]),
            true,
            next(i + 1),
            next(i + 2),
        );
        let skip = link(
            earlier(["b", "a", "b"], [false, true, true]),
            false,
            next(i + 2),
            next(i + 1),
        );
        let stop = link(
            earlier(["c", "a", "b"], [false; 3]),
            true,
            format!("End(\"o{}\")", (i + 1) % outcomes),
            format!("End(\"o{}\")", i % outcomes),
        );
        let _ = write!(
            s,
            "        Question(\n            id: \"q{i}\",\n            section: \"Section {}\",\n            text: \"Question number {i}: which of these describes your group best today?\",\n            why: \"Because the answer changes which questions come next.\",\n            answers: [\n                Answer(id: \"a\", label: \"Go on\", reason: \"You went on.\", next: {on}),\n                Answer(id: \"b\", label: \"Skip ahead\", reason: \"You skipped.\", next: {skip}),\n                Answer(id: \"c\", label: \"Stop here\", reason: \"You stopped.\", next: {stop}),\n            ],\n        ),\n",
            i / 10,
        );
    }
    let _ = writeln!(s, "    ],\n    outcomes: [");
    for o in 0..outcomes {
        let _ = writeln!(s, "        Outcome(id: \"o{o}\", title: \"Outcome {o}\", summary: \"Where walks end.\", pros: [\"p\"], cons: [\"c\"]),");
    }
    let _ = writeln!(s, "    ],\n    tests: [Test(name: \"stop at once\", answers: [(\"q0\", \"c\")], expect: \"o0\")],\n)");
    s
}
