//! The result composed for the group: only the texts whose conditions hold, through every
//! front-end and export. The engine decides (`Explanation`, `Walk::why`, `Walk::notes`); the
//! plain mode, `--output md|json`, the workshop hand-out and the presenter show what it
//! decided. Going back, stale answers and edits from the review change what shows.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::sync::Arc;

use coop_guide::engine::session::Record;
use coop_guide::engine::{Action, Explanation, Place, Walk};
use coop_guide::guide::translation::texts;
use coop_guide::guide::Guide;
use coop_guide::report::sessions::handout;

const SECTIONS: &str = "tests/fixtures/tui/result-sections.ron";
const PAY: &str = "guides/co-op-pay.ron";

fn choose(walk: &mut Walk, question: &str, answer: &str) {
    let Place::Question { question: at, .. } = walk.place() else {
        panic!("not at a question: {:?}", walk.place());
    };
    let g = walk.guide().clone();
    assert_eq!(g.questions[at].id, question, "at another question");
    let a = g.questions[at]
        .answers
        .iter()
        .position(|x| x.id == answer)
        .expect("answer");
    walk.apply(Action::Choose(a));
}

fn walk(path: &str, answers: &[(&str, &str)]) -> Walk {
    let mut w = Walk::new(support::guide(path));
    for (q, a) in answers {
        choose(&mut w, q, a);
    }
    w
}

fn q(g: &Guide, id: &str) -> usize {
    g.index.question(id).expect("question")
}

/// The texts of the items of `items` at `shown`.
fn shown_texts(items: &[coop_guide::guide::item::Item], shown: &[usize]) -> Vec<String> {
    shown.iter().map(|&i| items[i].text().to_string()).collect()
}

#[test]
fn only_items_whose_conditions_hold_are_shown() {
    let w = walk(
        SECTIONS,
        &[("country", "uk"), ("stage", "running"), ("kind", "k1")],
    );
    let e = Explanation::of(&w).expect("result");
    let g = w.guide();
    let o = &g.outcomes[e.outcome];
    assert_eq!(
        shown_texts(&o.pros, &e.texts.pros),
        ["Shared", "UK: no minimum capital"]
    );
    assert_eq!(shown_texts(&o.cons, &e.texts.cons), ["Slow"]);
    assert_eq!(
        shown_texts(o.summary.items(), &e.texts.summary),
        ["Members own it.", "Change your rules by a vote."]
    );
    let pay = &e.profile[0];
    let value = &g.dimensions[0].values[pay.value.expect("placed")];
    assert_eq!(
        shown_texts(&value.pros, &pay.texts.pros),
        ["Simple", "UK payroll is simple"]
    );
    assert_eq!(
        shown_texts(value.description.items(), &pay.texts.description),
        ["Everyone earns the same."]
    );
    let kind = e.path.iter().position(|s| s.question == q(g, "kind"));
    let reason = g.questions[q(g, "kind")].answers[0].reason.items();
    assert_eq!(
        shown_texts(reason, &e.reasons[kind.expect("on the path")]),
        ["You write code.", "Your clients stay."]
    );
    // The group's own country's step first, then everyone's; the others set apart.
    let step = |i: &usize| o.next_steps[*i].text.as_str();
    let here: Vec<&str> = e.next_steps.here.iter().map(step).collect();
    assert_eq!(
        here,
        [
            "Register with the FCA.",
            "Agree on the rules.",
            "Put the change to a members' vote."
        ]
    );
    let elsewhere: Vec<&str> = e.next_steps.elsewhere.iter().map(step).collect();
    assert_eq!(
        elsewhere,
        [
            "Register as a cooperativa de trabajo asociado.",
            "Register with INAES."
        ]
    );
}

#[test]
fn an_edit_from_the_review_changes_which_items_show() {
    let mut w = walk(
        SECTIONS,
        &[("country", "uk"), ("stage", "new"), ("kind", "k1")],
    );
    let g = w.guide().clone();
    let before = Explanation::of(&w).expect("result");
    let o = &g.outcomes[before.outcome];
    assert_eq!(
        shown_texts(&o.pros, &before.texts.pros),
        ["Shared", "UK: no minimum capital"]
    );
    assert_eq!(
        shown_texts(o.summary.items(), &before.texts.summary),
        ["Members own it."]
    );
    // From the review, the group says it is in Spain and already runs a co-op.
    assert!(matches!(w.place(), Place::Review { .. }));
    w.apply(Action::Edit(q(&g, "country")));
    choose(&mut w, "country", "es");
    assert!(
        matches!(w.place(), Place::Review { .. }),
        "back to the review"
    );
    w.apply(Action::Edit(q(&g, "stage")));
    choose(&mut w, "stage", "running");
    let after = Explanation::of(&w).expect("result");
    assert_eq!(
        shown_texts(&o.pros, &after.texts.pros),
        ["Shared", "Spain: tax relief"]
    );
    assert_eq!(
        shown_texts(o.summary.items(), &after.texts.summary),
        ["Members own it.", "Change your rules by a vote."]
    );
    let first_here = &o.next_steps[after.next_steps.here[0]].text;
    assert_eq!(first_here, "Register as a cooperativa de trabajo asociado.");
    assert!(after
        .next_steps
        .elsewhere
        .iter()
        .any(|&i| o.next_steps[i].text == "Register with the FCA."));
}

#[test]
fn stale_answers_and_going_back_never_decide_what_shows() {
    // A running co-op of few: asked about its current pay; then, from the review, it says it
    // is starting: "current" leaves the path (its answer is stale, kept) and texts that read
    // "running" go.
    let mut w = walk(
        PAY,
        &[
            ("stage", "running"),
            ("size", "few"),
            ("current", "no"),
            ("work", "varied"),
            ("difference", "role"),
        ],
    );
    let g = w.guide().clone();
    let few = |e: &Explanation| {
        let at = e
            .path
            .iter()
            .position(|s| s.question == q(&g, "size"))
            .expect("size on the path");
        shown_texts(
            g.questions[q(&g, "size")].answers[0].reason.items(),
            &e.reasons[at],
        )
    };
    let ratio = g.index.outcome("ratio").expect("ratio");
    let e = Explanation::of(&w).expect("result");
    assert_eq!(e.outcome, ratio);
    assert_eq!(few(&e).len(), 2, "{:?}", few(&e));
    assert_eq!(e.texts.cons.len(), 1, "no con for new co-ops");
    w.apply(Action::Edit(q(&g, "stage")));
    choose(&mut w, "stage", "starting");
    let e = Explanation::of(&w).expect("result");
    assert_eq!(e.outcome, ratio);
    assert!(
        w.stale().iter().any(|s| s.question == q(&g, "current")),
        "the answer about current pay is kept, stale"
    );
    assert!(e.path.iter().all(|s| s.question != q(&g, "current")));
    assert_eq!(few(&e), ["A small group can talk pay through together."]);
    assert_eq!(
        shown_texts(&g.outcomes[ratio].cons, &e.texts.cons),
        [
            "Roles and the ratio must be reviewed so they stay fair",
            "With no pay history, the first ratio is a guess"
        ]
    );
    let graded = &e.profile[0];
    assert_eq!(graded.texts.cons.len(), 2, "the value's con for new co-ops");
}

#[test]
fn why_and_notes_follow_the_answers_before_the_question() {
    let mut w = walk(PAY, &[("stage", "running"), ("size", "many")]);
    let g = w.guide().clone();
    let running = "Think of the work as it is now, not as it was when your pay was first set.";
    assert!(w.why(q(&g, "work")).contains(running));
    // Back to the start, and the group is starting a co-op: the paragraph goes.
    w.apply(Action::Back);
    w.apply(Action::Back);
    choose(&mut w, "stage", "starting");
    assert_eq!(
        w.why(q(&g, "work")),
        "Equal pay is easiest to keep when the work and the hours are much the same."
    );
    let writing = "collect the answers in writing first";
    choose(&mut w, "size", "many");
    assert!(w.notes(q(&g, "difference")).contains(writing));
    w.apply(Action::Back);
    choose(&mut w, "size", "few");
    assert!(!w.notes(q(&g, "difference")).contains(writing));
}

fn run(args: &[&str], input: &str) -> (i32, String) {
    let out = support::cli::run(args, input);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
    )
}

/// The names of other countries' law and agencies in the fixture.
const ELSEWHERE: &[&str] = &["Spain", "Argentina", "INAES", "cooperativa", "Monotributo"];

#[test]
fn plain_mode_names_other_countries_only_in_the_last_section() {
    let (code, out) = run(&["play", "--plain", SECTIONS], "1\n2\n1\n\n");
    assert_eq!(code, 0, "{out}");
    let result = out.split("\nCode co-op\n").nth(1).expect("the result");
    let (mine, others) = result
        .split_once("\nOther countries\n")
        .expect("an Other countries section");
    for name in ELSEWHERE {
        assert!(
            !mine.contains(name),
            "{name} before Other countries:\n{mine}"
        );
    }
    for text in [
        "UK payroll is simple",
        "UK: no minimum capital",
        "Change your rules by a vote.",
        "Because you are…",
    ] {
        assert!(mine.contains(text), "{text}:\n{mine}");
    }
    assert!(others.contains("Spain: Register as a cooperativa de trabajo asociado."));
    assert!(others.contains("Argentina: Register with INAES."));
    let headings = ["Because you are…", "Next steps", "Other countries"];
    let at: Vec<usize> = headings
        .iter()
        .map(|h| result.find(&format!("\n{h}\n")).expect(h))
        .collect();
    assert!(at.windows(2).all(|p| p[0] < p[1]), "{headings:?} in order");
    // "Why we ask" at the second question follows the country chosen first.
    let (_, out) = run(&["play", "--plain", SECTIONS], "3\nw\n");
    assert!(out.contains("INAES keeps the register."), "{out}");
    let (_, out) = run(&["play", "--plain", SECTIONS], "1\nw\n");
    assert!(!out.contains("INAES"), "{out}");
}

#[test]
fn markdown_has_the_same_sections_as_plain_mode() {
    let (_, md) = run(
        &["play", "--plain", "--output", "md", SECTIONS],
        "3\n1\n1\n\n",
    );
    assert!(md.starts_with("# Code co-op\n"), "{md}");
    let (mine, others) = md.split_once("## Other countries").expect("last section");
    assert!(mine.contains("Monotributo: set by category."), "{mine}");
    assert!(mine.contains("Argentina: six members at least"), "{mine}");
    assert!(!mine.contains("UK"), "{mine}");
    assert!(others.contains("UK"), "{others}");
    assert!(
        !others.contains("## "),
        "Other countries is the last section"
    );
}

#[test]
fn json_names_the_chosen_and_situation_answers_and_every_item_shown_by_its_key() {
    let dir = tempfile::tempdir().expect("temp");
    let answers = dir.path().join("a.txt");
    std::fs::write(&answers, "country: uk\nstage: running\nkind: k1\n").expect("write");
    let answers = answers.to_string_lossy().into_owned();
    let (code, out) = run(
        &["play", "--answers", &answers, "--output", "json", SECTIONS],
        "",
    );
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    let ids = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .expect("list")
            .iter()
            .map(|s| format!("{}={}", s["question"], s["answer"]).replace('"', ""))
            .collect()
    };
    assert_eq!(
        ids(&json["path"]),
        ["country=uk", "stage=running", "kind=k1"]
    );
    assert_eq!(ids(&json["situation"]), ["country=uk", "stage=running"]);
    let list = |name: &str| -> Vec<String> {
        json["shown"]
            .as_array()
            .expect("shown")
            .iter()
            .find(|l| l["list"] == name)
            .unwrap_or_else(|| panic!("{name} in {}", json["shown"]))["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|k| k.as_str().expect("key").to_string())
            .collect()
    };
    assert_eq!(
        list("outcome.o1.pros"),
        ["outcome.o1.pros.0", "outcome.o1.pros.when(country=uk).0"]
    );
    assert_eq!(list("outcome.o1.cons"), ["outcome.o1.cons.0"]);
    assert_eq!(
        list("outcome.o1.summary"),
        [
            "outcome.o1.summary",
            "outcome.o1.summary.when(stage=running)"
        ]
    );
    assert_eq!(
        list("dimension.pay.value.equal.pros"),
        [
            "dimension.pay.value.equal.pros.0",
            "dimension.pay.value.equal.pros.when(country=uk).0"
        ]
    );
    assert_eq!(
        list("outcome.o1.step"),
        [
            "outcome.o1.step.1",
            "outcome.o1.step.0",
            "outcome.o1.step.when(stage=running).0"
        ]
    );
    assert_eq!(
        json["other_countries"],
        serde_json::json!(["outcome.o1.step.2", "outcome.o1.step.3"])
    );
    // Every key names a text of the guide, as translations do.
    let guide = support::guide(SECTIONS);
    let keys: Vec<String> = texts(&guide).into_iter().map(|(k, _)| k).collect();
    for l in json["shown"].as_array().expect("shown") {
        for key in l["items"].as_array().expect("items") {
            let key = key.as_str().expect("key");
            let named = keys
                .iter()
                .any(|k| k == key || k.starts_with(&format!("{key}.")));
            assert!(named, "{key} is a key of the guide");
        }
    }
}

#[test]
fn the_workshop_handout_shows_the_same_composed_result() {
    let w = walk(
        SECTIONS,
        &[("country", "es"), ("stage", "new"), ("kind", "k1")],
    );
    let mut w = w;
    w.apply(Action::Confirm);
    let record = Record::new(w.guide(), "Group A", "2024-05-01T10:00:00Z".into());
    let md = handout(&w, &record).to_markdown();
    let (mine, others) = md.split_once("Other countries").expect("last section");
    assert!(mine.contains("Spain: tax relief"), "{mine}");
    assert!(mine.contains("Spain: hard to change later"), "{mine}");
    assert!(!mine.contains("UK"), "{mine}");
    assert!(!mine.contains("Change your rules by a vote."), "{mine}");
    assert!(others.contains("Register with the FCA."), "{others}");
}

#[test]
fn the_presenter_shows_the_notes_for_this_group() {
    let (_dir, path) = support::facilitate::workspace();
    let guide: Arc<Guide> = support::guide(PAY);
    // Below 120×35, so the question is in ordinary type and can be read from the buffer.
    let mut p = support::facilitate::presenter(guide, &path, 110, 40);
    // Starting, more than ten, different roles: at "difference", the notes for large groups
    // (hidden from the projected screen until the facilitator asks for them with `h`).
    support::facilitate::press(&mut p, "<enter>1<enter>2<enter>2<enter>h");
    let shown = support::text(&p);
    assert!(shown.contains("What should make one member"), "{shown}");
    assert!(
        shown.contains("In a group this size, collect the"),
        "{shown}"
    );
    // Up to ten members: not for them.
    let (_dir, path) = support::facilitate::workspace();
    let mut p = support::facilitate::presenter(support::guide(PAY), &path, 110, 40);
    support::facilitate::press(&mut p, "<enter>1<enter>1<enter>2<enter>h");
    let shown = support::text(&p);
    assert!(shown.contains("What should make one member"), "{shown}");
    assert!(!shown.contains("In a group this size"), "{shown}");
}

#[test]
fn the_editors_preview_plays_the_conditions() {
    let mut app = support::edit::editor(PAY, 120, 35);
    // In the preview: running, few, current pay not working: "why" at "work" is for a
    // running co-op.
    support::edit::press(&mut app, "<tab>212");
    let player = app.preview().expect("preview").player();
    let Place::Question { question, .. } = player.walk().place() else {
        panic!("at a question");
    };
    assert_eq!(player.guide().questions[question].id, "work");
    support::edit::press(&mut app, "w");
    let shown = support::text(&app);
    assert!(shown.contains("Think of the work as it is now"), "{shown}");
}

#[test]
fn conditional_texts_are_cleaned_like_any_other_and_the_warning_points_at_the_text() {
    let text = std::fs::read_to_string(SECTIONS).expect("fixture").replace(
        "\"UK: no minimum capital\"",
        "\"UK: no \\u{1b}[31mminimum capital\"",
    );
    let checked =
        coop_guide::guide::check_source(coop_guide::guide::Source::new("s.ron", text.as_str()));
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "G0309")
        .expect("control characters reported");
    let span = d.span().expect("located");
    assert!(
        checked.source.text[span.start..span.end].starts_with("\"UK: no "),
        "at the text itself, not its condition: {}",
        &checked.source.text[span.start..span.end]
    );
    let g = checked.guide.expect("a warning only");
    let pro = g.outcomes[0].pros[1].text();
    assert!(!pro.contains('\u{1b}'), "{pro:?}");
    assert!(pro.contains("minimum capital"), "{pro:?}");
}
