//! What the property tests (`tests/prop_*.rs`) and the fuzz targets (`fuzz/`) share: the checks
//! that every input must pass, whoever makes the input.
//!
//! - [`Choices`]: decisions drawn from a byte string (exhausted, every choice is the first), so a
//!   fuzzer's bytes and a property test's random bytes drive the same generators;
//! - [`generated_guide`] and [`action`]: a guide with conditions, loops, dimensions and
//!   situation questions, and the actions a user can take on it, from those choices;
//! - [`check_walk`]: the walk's invariants, stated with the guide's own index rather than with a
//!   second implementation of the format (`tests/engine.rs` has that one);
//! - [`check_guide_text`], [`check_translation_text`], [`check_session_text`],
//!   [`check_answers_text`]: one input of each kind of file, through the paths the commands take,
//!   with what must hold of the result.
//!
//! Every check panics with a message when something does not hold: that is how a test fails and
//! how a fuzzer sees a finding.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use coop_guide::engine::session::{Session, SessionFile};
use coop_guide::engine::{Action, Effect, Explanation, Place, PlacedBy, Walk};
use coop_guide::guide::condition::PathSaid;
use coop_guide::guide::diagnostic::{render_human, render_short, to_json, Code, Locus};
use coop_guide::guide::item::Paragraphs;
use coop_guide::guide::syntax::CAP;
use coop_guide::guide::text::{is_invisible, is_unsafe_char};
use coop_guide::guide::translation;
use coop_guide::guide::translation::update::{self as i18n_update, Refused};
use coop_guide::guide::{
    check_source, Answer, Case, Condition, Diagnostic, Dimension, DimensionValue, Example, Guide,
    Link, Outcome, Question, Source, Step as NextStep, Target,
};
use coop_guide::report;

// ---------------------------------------------------------------------------------------------
// Choices from bytes.

/// Decisions drawn from a byte string, front to back. Once the bytes run out every decision is
/// the first one (0, or "yes" for a chance), so any byte string is a complete input.
pub struct Choices<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Choices<'a> {
    /// Choices from these bytes.
    pub fn new(bytes: &'a [u8]) -> Self {
        Choices { bytes, at: 0 }
    }

    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// A number below `n` (0 when `n` is 0 or 1).
    pub fn below(&mut self, n: usize) -> usize {
        match n {
            0 | 1 => 0,
            2..=256 => usize::from(self.byte()) % n,
            _ => (usize::from(self.byte()) << 8 | usize::from(self.byte())) % n,
        }
    }

    /// True one time in `one_in`.
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    /// True once every byte has been used.
    pub fn exhausted(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

// ---------------------------------------------------------------------------------------------
// Generated guides.

/// Texts with the characters a writer and a reader must agree on: quotes, backslashes, comment
/// and bracket look-alikes, wide and combining characters.
const TEXTS: &[&str] = &[
    "Plain text.",
    "Quote \" and backslash \\ inside",
    "// not a comment",
    "/* not a comment either */",
    "Brackets ( [ { } ] ) and a comma,",
    "Ünïcödé, 中文, emoji 🐝",
    "r#\"raw\"#",
    "A\u{301} combining mark",
];

fn text(c: &mut Choices, what: &str, n: usize) -> String {
    match c.below(TEXTS.len() + 4) {
        i if i < TEXTS.len() => format!("{} {what} {n}", TEXTS[i]),
        _ => format!("{what} {n}"),
    }
}

fn condition(c: &mut Choices, answers: &[usize], dims: usize, depth: u32) -> Condition {
    let atom = |c: &mut Choices| {
        if dims > 0 && c.chance(4) {
            Condition::Placed(format!("d{}", c.below(dims)), format!("v{}", c.below(2)))
        } else {
            let q = c.below(answers.len());
            Condition::Answered(format!("q{q}"), format!("a{}", c.below(answers[q])))
        }
    };
    if depth == 0 {
        return atom(c);
    }
    match c.below(7) {
        0 => Condition::Not(Box::new(condition(c, answers, dims, depth - 1))),
        1 => Condition::Any(
            (0..c.below(3))
                .map(|_| condition(c, answers, dims, depth - 1))
                .collect(),
        ),
        2 => Condition::All(
            (0..c.below(3))
                .map(|_| condition(c, answers, dims, depth - 1))
                .collect(),
        ),
        _ => atom(c),
    }
}

/// A guide of 1 to 8 questions from the choices: links forward (and now and then back, making
/// loops), conditional links and answers, dimensions set by answers and outcomes, situation and
/// "not sure" questions, conditional examples and next steps with regions. Its ids all exist;
/// its conditions may make it a guide `check` refuses (an answer never offered, a question no
/// walk reaches): the walk's behaviour is defined for those too. Validated, so it has its index.
pub fn generated_guide(c: &mut Choices) -> Guide {
    let n = 1 + c.below(8);
    let outcomes = 1 + c.below(3);
    let dims = c.below(3);
    let conditions = !c.chance(4);
    let loops = c.chance(3);
    let answers: Vec<usize> = (0..n).map(|_| 1 + c.below(4)).collect();
    let regions = ["", "north", "south"];
    let plain = |c: &mut Choices, i: usize| -> Link {
        if loops && c.chance(6) {
            return Link::Goto(format!("q{}", c.below(i + 1)));
        }
        if i + 1 < n && !c.chance(3) {
            Link::Goto(format!("q{}", i + 1 + c.below(n - i - 1)))
        } else {
            Link::End(format!("o{}", c.below(outcomes)))
        }
    };
    let sets = |c: &mut Choices| -> Vec<(String, String)> {
        if dims > 0 && c.chance(2) {
            vec![(format!("d{}", c.below(dims)), format!("v{}", c.below(2)))]
        } else {
            Vec::new()
        }
    };
    let mut questions = Vec::new();
    for (i, &count) in answers.iter().enumerate() {
        let mut list = Vec::new();
        for a in 0..count {
            let mut next = plain(c, i);
            let mut when = None;
            if conditions {
                if c.chance(3) {
                    let cases = (0..1 + c.below(2))
                        .map(|_| Case {
                            when: condition(c, &answers, dims, 2),
                            next: plain(c, i),
                        })
                        .collect();
                    next = Link::Branch {
                        cases,
                        otherwise: Box::new(next),
                    };
                }
                if c.chance(4) {
                    when = Some(Box::new(condition(c, &answers[..i.max(1)], dims, 1)));
                }
            }
            list.push(Answer {
                id: format!("a{a}"),
                label: text(c, "answer", a),
                reason: if c.chance(2) {
                    text(c, "reason", a).as_str().into()
                } else {
                    Paragraphs::default()
                },
                sets: sets(c),
                region: regions[c.below(regions.len())].to_string(),
                unsure: c.chance(6),
                when,
                next,
            });
        }
        questions.push(Question {
            id: format!("q{i}"),
            section: format!("Part {}", i / 3),
            text: text(c, "question", i),
            why: text(c, "why", i).as_str().into(),
            situation: c.chance(4),
            answers: list,
            ..Question::default()
        });
    }
    let mut outcome_list = Vec::new();
    for o in 0..outcomes {
        let when = |c: &mut Choices| {
            (conditions && c.chance(3)).then(|| Box::new(condition(c, &answers, dims, 1)))
        };
        let examples = (0..c.below(3))
            .map(|e| Example {
                name: format!("Example {e}"),
                text: text(c, "example", e),
                when: when(c),
                ..Example::default()
            })
            .collect();
        let next_steps = (0..c.below(4))
            .map(|s| {
                let region = regions[c.below(regions.len())].to_string();
                NextStep {
                    place: region.clone(),
                    region,
                    when: when(c),
                    text: text(c, "step", s),
                }
            })
            .collect();
        outcome_list.push(Outcome {
            id: format!("o{o}"),
            title: text(c, "outcome", o),
            pros: vec!["good".into()],
            cons: vec!["bad".into()],
            examples,
            next_steps,
            related: (0..outcomes)
                .filter(|&r| r != o && c.chance(2))
                .map(|r| format!("o{r}"))
                .collect(),
            sets: sets(c),
            ..Outcome::default()
        });
    }
    let mut guide = Guide {
        format: conditions.then_some(2),
        id: "generated".into(),
        version: "1".into(),
        title: "Generated".into(),
        language: "en".into(),
        start: "q0".into(),
        dimensions: (0..dims)
            .map(|d| Dimension {
                id: format!("d{d}"),
                name: format!("Dimension {d}"),
                values: (0..2)
                    .map(|v| DimensionValue {
                        id: format!("v{v}"),
                        label: format!("Value {v}"),
                        ..DimensionValue::default()
                    })
                    .collect(),
                ..Dimension::default()
            })
            .collect(),
        questions,
        outcomes: outcome_list,
        ..Guide::default()
    };
    coop_guide::guide::validate::validate(&mut guide);
    guide
}

/// A guide as RON text, the way an author could write it.
pub fn guide_text(guide: &Guide) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    ron::ser::to_string_pretty(guide, config).expect("a guide can be written")
}

/// A guide without its index, for comparing what was read with what was written.
pub fn without_index(guide: &Guide) -> Guide {
    Guide {
        index: Default::default(),
        ..guide.clone()
    }
}

// ---------------------------------------------------------------------------------------------
// Walks.

/// An action a user (or a session, or an answers file) could take now, from the choices: mostly
/// answers that are offered, and now and then one that is not or does not exist.
pub fn action(c: &mut Choices, walk: &Walk) -> Action {
    let questions = walk.guide().questions.len();
    match c.below(15) {
        0..=5 => match walk.place() {
            Place::Question { question, .. } => {
                let shown = walk.visible_answers(question);
                if shown.is_empty() || c.chance(6) {
                    Action::Choose(c.below(6))
                } else {
                    Action::Choose(shown[c.below(shown.len())])
                }
            }
            _ => Action::Confirm,
        },
        6 | 7 => Action::Back,
        8 => match walk.review().len() {
            0 => Action::Edit(c.below(questions + 1)),
            n => Action::Edit(walk.review()[c.below(n)].question),
        },
        9 => Action::Confirm,
        10 => Action::CancelEdit,
        11 => Action::GoTo(c.below(questions + 1)),
        12 => Action::Record {
            question: c.below(questions + 1),
            answer: c.below(5),
        },
        13 => Action::SkipAnswered,
        _ => Action::Restart,
    }
}

/// Applies one action and checks what the walk said about it and where it is now.
pub fn apply_and_check(walk: &mut Walk, first: Option<usize>, action: Action, label: &str) {
    let before = walk.place();
    let offered = match (action, before) {
        (Action::Choose(a), Place::Question { question, .. }) => {
            Some(walk.visible_answers(question).contains(&a))
        }
        _ => None,
    };
    let effects = walk.apply(action);
    if let Some(offered) = offered {
        assert_eq!(
            effects.contains(&Effect::Refused),
            !offered,
            "{label}: {action:?} refused, or taken, against what was offered"
        );
    }
    if effects.contains(&Effect::Refused) {
        assert_eq!(effects, vec![Effect::Refused], "{label}: refused and more");
    }
    check_walk(walk, first, label);
}

/// The walk's invariants: the path is what the recorded answers give through the guide's links
/// and conditions, from the first question; the place is on the path; what is shown as offered
/// is offered; stale answers are off the path and never reach the result.
pub fn check_walk(walk: &Walk, first: Option<usize>, label: &str) {
    let guide = walk.guide();
    let index = &guide.index;
    let steps = walk.review();
    // The path, step by step.
    let mut said = PathSaid::new(guide);
    let mut at = first.or(index.start()).map(Target::Question);
    let mut seen = HashSet::new();
    for step in steps {
        assert_eq!(
            at,
            Some(Target::Question(step.question)),
            "{label}: the path does not follow its links"
        );
        assert!(seen.insert(step.question), "{label}: a question twice");
        assert_eq!(
            walk.answer_of(step.question),
            Some(step.answer),
            "{label}: a step that is not the recorded answer"
        );
        assert!(
            index.offered(step.question, step.answer, &said),
            "{label}: an answer not offered is on the path"
        );
        said.push(guide, step.question, step.answer);
        at = Some(index.resolve(step.question, step.answer, &said));
    }
    // Where the path ends, and where the walk is.
    match walk.place() {
        Place::Question { question, step } => {
            assert!(step <= steps.len(), "{label}: the cursor is past the path");
            if step < steps.len() {
                assert_eq!(steps[step].question, question, "{label}: cursor");
            } else {
                assert_eq!(
                    at,
                    Some(Target::Question(question)),
                    "{label}: the open question is not where the path leads"
                );
                assert_eq!(
                    walk.outcome(),
                    None,
                    "{label}: an outcome with a question open"
                );
            }
            // What is shown is what is offered, in the guide's order.
            let shown = walk.visible_answers(question);
            let count = guide.questions[question].answers.len();
            assert!(shown.windows(2).all(|w| w[0] < w[1]), "{label}: order");
            for a in 0..count {
                assert_eq!(
                    walk.offered(question, a),
                    shown.contains(&a),
                    "{label}: visible answers and offered answers disagree"
                );
            }
            assert!(shown.iter().all(|&a| a < count), "{label}: no such answer");
            if let Some(p) = walk.progress() {
                assert!(p.min_left <= p.max_left, "{label}: progress {p:?}");
                assert_eq!(p.step, step + 1, "{label}: progress step");
            }
        }
        Place::Review { outcome } | Place::Result { outcome } => {
            assert_eq!(at, Some(Target::Outcome(outcome)), "{label}: outcome");
            assert_eq!(walk.outcome(), Some(outcome), "{label}: outcome");
        }
    }
    if let (Some(Target::Outcome(o)), None) = (at, walk.outcome()) {
        panic!("{label}: the path reaches outcome {o} but the walk says none");
    }
    // Stale answers: recorded, off the path.
    let stale = walk.stale();
    for s in &stale {
        assert!(
            steps.iter().all(|p| p.question != s.question),
            "{label}: a stale answer on the path"
        );
        assert_eq!(walk.answer_of(s.question), Some(s.answer), "{label}");
    }
    // The result: only answers on the path.
    if let Some(e) = Explanation::of(walk) {
        assert_eq!(Some(e.outcome), walk.outcome(), "{label}");
        assert_eq!(e.path, steps.to_vec(), "{label}: the result's path");
        for p in &e.profile {
            if let Some(PlacedBy::Answer(s)) = p.by {
                assert!(
                    steps.contains(&s),
                    "{label}: placed by an answer off the path"
                );
            }
        }
        for s in e.situation.iter().chain(&e.unsure) {
            assert!(
                steps.contains(s),
                "{label}: explained by an answer off the path"
            );
        }
        for change in &e.changes {
            assert!(
                steps.iter().any(|s| s.question == change.question),
                "{label}: a change to a question off the path"
            );
            assert!(!guide.questions[change.question].situation, "{label}");
            assert!(
                change.outcomes.iter().all(|o| o.outcome != e.outcome),
                "{label}: a change that leads where the group is"
            );
        }
        let json = serde_json::to_value(report::result::json(walk).expect("a result")).unwrap();
        let stale_ids: HashSet<&str> = stale
            .iter()
            .map(|s| guide.questions[s.question].id.as_str())
            .collect();
        let path_ids: Vec<&str> = steps
            .iter()
            .map(|s| guide.questions[s.question].id.as_str())
            .collect();
        let listed: Vec<&str> = json["path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["question"].as_str().unwrap())
            .collect();
        assert_eq!(listed, path_ids, "{label}: the result's path in JSON");
        for part in ["situation", "changes"] {
            for item in json[part].as_array().unwrap() {
                let q = item["question"].as_str().unwrap();
                assert!(!stale_ids.contains(q), "{label}: a stale answer in {part}");
            }
        }
        for q in json["revisit"].as_array().unwrap() {
            assert!(!stale_ids.contains(q.as_str().unwrap()), "{label}: revisit");
        }
    }
}

/// After a sequence of actions: the answers alone, recorded on a new walk (as a session or an
/// answers file does), give the same path.
pub fn check_replay(walk: &Walk, first: Option<usize>, label: &str) {
    let guide = Arc::clone(walk.guide());
    let mut again = match first {
        Some(q) => Walk::from_question(guide, q),
        None => Walk::new(guide),
    };
    for (q, a) in walk.answers_by_id() {
        assert!(again.record(&q, &a), "{label}: {q}: {a} cannot be recorded");
    }
    again.skip_answered();
    assert_eq!(again.review(), walk.review(), "{label}: replayed path");
    assert_eq!(again.outcome(), walk.outcome(), "{label}: replayed outcome");
    check_walk(&again, first, label);
}

/// A walk on `guide` (from a question the choices pick, now and then) driven by actions drawn
/// from the choices until they run out (at most `limit`), every invariant checked after each.
pub fn random_walk(guide: Arc<Guide>, c: &mut Choices, limit: usize) {
    let first =
        (c.chance(5) && !guide.questions.is_empty()).then(|| c.below(guide.questions.len()));
    let mut walk = match first {
        Some(q) => Walk::from_question(Arc::clone(&guide), q),
        None => Walk::new(Arc::clone(&guide)),
    };
    check_walk(&walk, first, "new walk");
    let mut log = Vec::new();
    for _ in 0..limit {
        if c.exhausted() {
            break;
        }
        let action = action(c, &walk);
        log.push(action);
        apply_and_check(
            &mut walk,
            first,
            action,
            &format!("from {first:?}: {log:?}"),
        );
    }
    check_replay(&walk, first, &format!("from {first:?}: {log:?}"));
    // The result as a document, once (it is the slowest part, and depends on the path alone).
    if walk.outcome().is_some() {
        report::result::markdown(&walk).expect("a result");
    }
}

// ---------------------------------------------------------------------------------------------
// Files.

/// What is printed from untrusted text holds nothing that drives a terminal or hides itself.
pub fn assert_printable(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| is_unsafe_char(c) || is_invisible(c)) {
        panic!("{what} prints U+{:04X}: {text:?}", c as u32);
    }
}

/// Diagnostics point inside their file, at character boundaries, and render in every format
/// without a panic and without raw control characters.
pub fn check_diagnostics(diagnostics: &[Diagnostic], source: &Source) {
    let text = &source.text;
    for d in diagnostics {
        for label in d.primary.iter().chain(&d.secondary) {
            if let Locus::Span(span) = label.at {
                assert!(
                    span.start <= span.end && span.end <= text.len(),
                    "{}: span {span:?} outside a file of {} bytes",
                    d.code,
                    text.len()
                );
                assert!(
                    text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                    "{}: span {span:?} inside a character",
                    d.code
                );
            }
        }
    }
    let syntax = diagnostics.iter().filter(|d| d.code.is_syntax()).count();
    assert!(syntax <= 2 * CAP + 1, "{syntax} syntax problems listed");
    assert_printable("render_human", &render_human(diagnostics, source));
    assert_printable("render_short", &render_short(diagnostics, source));
    let json = serde_json::to_string(&to_json(diagnostics, source)).unwrap();
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    for d in back.as_array().unwrap() {
        assert_printable("json message", d["message"].as_str().unwrap());
    }
}

/// A guide's text through `check` and the editor's and `graph`'s tolerant reading: diagnostics
/// as [`check_diagnostics`] wants them; a guide read without errors has its ids, reads back the
/// same once written out, and can be walked, drawn and printed.
pub fn check_guide_text(text: &str) {
    let checked = check_source(Source::new("fuzz.ron", text));
    check_diagnostics(&checked.diagnostics, &checked.source);
    if let Some(lenient) = coop_guide::guide::load::parse_lenient(&checked.source) {
        let rows = report::outline::outline(&lenient, &checked.source);
        for row in &rows {
            assert_printable("outline", &row.text);
            assert_printable("outline", &row.target);
        }
        report::graph::render(&lenient, report::graph::GraphFormat::Mermaid);
    }
    let has_errors = checked.has_errors();
    let Some(guide) = checked.guide else {
        assert!(has_errors, "no guide, and no error says why");
        return;
    };
    assert!(!has_errors, "a guide given back with errors");
    check_round_trip(&guide);
    report::guide_markdown::render(&guide);
    report::graph::render(&guide, report::graph::GraphFormat::Dot);
    if guide.questions.len() <= 64 {
        let guide = Arc::new(guide);
        let mut walk = Walk::new(Arc::clone(&guide));
        check_walk(&walk, None, "first question");
        // Always the first answer offered: the path every reader of the guide takes first.
        for _ in 0..guide.questions.len() + 1 {
            let Place::Question { question, .. } = walk.place() else {
                break;
            };
            let Some(&a) = walk.visible_answers(question).first() else {
                break;
            };
            apply_and_check(&mut walk, None, Action::Choose(a), "first answers");
        }
    }
}

/// A guide read without errors, written out and read again, is the same guide.
pub fn check_round_trip(guide: &Guide) {
    let text = guide_text(guide);
    let again = check_source(Source::new("written.ron", text.as_str()));
    let Some(back) = again.guide else {
        panic!(
            "a guide written out does not read back:\n{}\n{text}",
            render_short(&again.diagnostics, &again.source)
        );
    };
    assert_eq!(
        without_index(&back),
        without_index(guide),
        "a guide written out reads back different:\n{text}"
    );
}

/// A translation's text checked against `guide`: diagnostics as [`check_diagnostics`] wants
/// them, and when it reads without errors, `i18n update` gives a file that reads without errors
/// and that a second update leaves as it is, and the template keeps to the format.
pub fn check_translation_text(guide: &Guide, text: &str) {
    let checked = translation::check(guide, Source::new("fuzz.es.ron", text));
    check_diagnostics(&checked.diagnostics, &checked.source);
    // Each text of the guide is current, stale or missing, once (a key translated twice is
    // reported, and its second entry not counted).
    let c = checked.coverage;
    let twice = checked
        .diagnostics
        .iter()
        .any(|d| d.code == Code::TranslationDuplicate);
    if checked.translation.is_some() && !twice {
        assert_eq!(c.current + c.stale + c.missing, c.total, "coverage {c:?}");
    }
    assert!(c.current + c.stale + c.missing <= c.total, "coverage {c:?}");
    let Some(t) = checked.translation.as_ref() else {
        return;
    };
    let mut translated = guide.clone();
    translation::apply(&mut translated, t);
    let template = translation::template(guide, "es", Some(t));
    assert_printable("template", &template.replace(['\n', '\t'], " "));
    match i18n_update::update(guide, &checked.source) {
        Ok(updated) => {
            let again =
                translation::check(guide, Source::new("updated.es.ron", updated.text.as_str()));
            assert!(
                !again
                    .diagnostics
                    .iter()
                    .any(|d| d.severity() == coop_guide::guide::Severity::Error),
                "an updated translation has errors:\n{}\n{}",
                render_short(&again.diagnostics, &again.source),
                updated.text
            );
            let twice = i18n_update::update(guide, &again.source).expect("an updated file updates");
            assert_eq!(twice.text, updated.text, "a second update changed the file");
        }
        Err(Refused::Unmatched) => panic!("update could not line up a file read without errors"),
        Err(Refused::Errors(_) | Refused::Empty) => {}
    }
}

/// A session file's text, resumed on `guide` (its id is the file's `guide` when it is one of
/// the guides given): a file that is refused says why in printable words; a session resumed
/// keeps the walk's invariants, reports without a panic, and saved and resumed again is the same
/// session.
pub fn check_session_text(guides: &[Arc<Guide>], text: &str) {
    let file = match SessionFile::parse("fuzz.session.ron", text) {
        Ok(file) => file,
        Err(e) => return assert_printable("session error", &e.to_string()),
    };
    let guide = guides
        .iter()
        .find(|g| g.id == file.guide && g.language == file.language)
        .or_else(|| guides.iter().find(|g| g.id == file.guide))
        .or(guides.first())
        .expect("a guide");
    let session = match Session::resume(Arc::clone(guide), file) {
        Ok(session) => session,
        Err(e) => return assert_printable("session error", &e.to_string()),
    };
    check_walk(&session.walk, None, "resumed session");
    let handout = report::sessions::handout(&session.walk, &session.record);
    handout.to_markdown();
    let sessions = [session];
    serde_json::to_string(&report::sessions::comparison_json(&sessions)).unwrap();
    let [session] = sessions;
    let saved = session.to_file("2026-01-01T00:00:00Z".into());
    let text = saved.to_text();
    let read = SessionFile::parse("saved.ron", &text).expect("a saved session reads back");
    assert_eq!(read, saved, "a saved session reads back different:\n{text}");
    let again = Session::resume(Arc::clone(guide), read).expect("a saved session resumes");
    assert_eq!(
        again.walk.answers_by_id(),
        session.walk.answers_by_id(),
        "answers after saving and resuming"
    );
    assert_eq!(
        again.walk.place(),
        session.walk.place(),
        "place after resuming"
    );
    assert_eq!(
        again.to_file("2026-01-01T00:00:00Z".into()),
        saved,
        "a session saved, resumed and saved again changed:\n{text}"
    );
}

/// An answers file's text, replayed on a walk of `guide` as `play --answers` does: the parser
/// gives trimmed ids or the number of a line the file has; a replay keeps the walk's invariants
/// or fails with a printable message that names the line.
pub fn check_answers_text(guide: &Arc<Guide>, text: &str) {
    let answers = match coop_guide::plain::parse_answers(text) {
        Ok(answers) => answers,
        Err(line) => {
            assert!(
                line >= 1 && line <= text.lines().count(),
                "bad line {line} of {}",
                text.lines().count()
            );
            return;
        }
    };
    let mut last = 0;
    for a in &answers {
        assert!(a.line > last, "lines out of order");
        last = a.line;
        for id in [&a.question, &a.answer] {
            assert!(!id.is_empty(), "an empty id");
            assert!(!id.contains('#') && !id.contains('\n'), "{id:?}");
        }
    }
    assert!(last <= text.lines().count(), "line {last} past the end");
    let mut walk = Walk::new(Arc::clone(guide));
    match coop_guide::commands::play::replay_answers(&mut walk, Path::new("fuzz.answers"), &answers)
    {
        Ok(()) => {
            check_walk(&walk, None, "answers replayed");
            for a in &answers {
                let q = guide
                    .index
                    .question(&a.question)
                    .expect("a question replayed");
                let recorded = walk.answer_of(q).expect("an answer replayed");
                assert!(
                    answers.iter().any(|b| b.question == a.question
                        && guide.questions[q].answers[recorded].id == b.answer),
                    "a replayed answer the file does not give"
                );
            }
        }
        Err(e) => {
            let message = e.to_string();
            assert_printable("answers error", &message);
            assert!(message.contains("line "), "{message}");
            check_walk(&walk, None, "answers refused");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Texts for property tests: pieces of the file formats, and mutations of real files.

/// Pieces of guide, translation and session files, and characters that must never reach a
/// terminal: text made of them gets further into the readers than random characters do.
pub const PIECES: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ",", ":", "\"", "'", "“", "//", "/*", "*/", "#", "--", "r#\"",
    "\"#", "\\", "\\n", "\\u{202e}", "\\x", "Some(", "None", "Goto(\"q0\")", "End(\"o0\")",
    "Branch(cases: [Case(when: Answered(\"q0\", \"a0\"), next: End(\"o0\"))], otherwise: Goto(\"q1\"))",
    "Not(Placed(\"d0\", \"v0\"))", "Any([])", "Guide(", "id: ", "\"q0\"", "start: \"q0\",",
    "questions: [", "Question(", "Answer(", "label: \"A\",", "text: \"T\",", "outcomes: [",
    "Outcome(", "Entry(", "key: \"title\",", "source: \"00000000\",", "Session(", "format: 2,",
    "guide: \"coop-varieties\",", "answers: [", "(\"motivation\", \"mix\")", "Tally(",
    "hands: [(\"mix\", 4294967295)]", "Deadline(", "\n", "\r\n", " ", "\t", "    ", "\u{200b}",
    "\u{feff}", "\u{1b}]52;c;", "\u{7}", "\u{1b}[2J", "\u{202e}", "\u{85}", "-1",
    "99999999999999999999999", "1e400", "0x1f", "true", "é", "中文", "🐝", "a\u{301}",
];

/// One edit of a text: a position (folded onto the text, at a character boundary), what to do
/// there (insert, delete, replace, duplicate, cut the rest), and a piece to insert.
pub type Edit = (usize, u8, String);

/// The text with the edits made in turn.
pub fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut out = text.to_string();
    for (at, op, piece) in edits {
        let floor = |s: &str, mut i: usize| {
            i %= s.len() + 1;
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let at = floor(&out, *at);
        let end = floor(&out, at + 1 + usize::from(*op) * 7).max(at);
        match op % 5 {
            0 => out.insert_str(at, piece),
            1 => out.replace_range(at..end, ""),
            2 => out.replace_range(at..end, piece),
            3 => {
                let slice = out[at..end].to_string();
                out.insert_str(at, &slice);
            }
            _ => out.truncate(at),
        }
    }
    out
}
