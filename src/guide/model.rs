//! The guide as written in a RON file: the serde model.
//!
//! Shape rules, learnt from the `ron` issue tracker and from ink, Twine and Yarn Spinner:
//! - every list of nodes is a flat `Vec` whose items carry a string `id` (RON maps silently drop
//!   duplicate keys, and nesting runs into the recursion limit);
//! - links are externally tagged enums (`Goto("id")`, `End("id")`), whose errors name the variants;
//! - every struct denies unknown fields, so a typo is an error with a "did you mean";
//! - optional fields never need `Some(...)`: the loader turns on `implicit_some`;
//! - all text a person reads is a string. Long strings may run over several lines: the loader joins
//!   the lines of a paragraph and keeps blank lines as paragraph breaks (see [`crate::guide::text`]).
//!
//! Field names here are the file format: renaming one breaks every guide, so don't.

use serde::{Deserialize, Serialize};

use super::index::Index;

/// A whole decision guide: questions that lead to outcomes, placing the group on dimensions.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Stable identifier of the guide, recorded in sessions.
    pub id: String,
    /// Version of the guide's content, recorded in sessions (for resuming on a changed guide).
    #[serde(default)]
    pub version: String,
    /// Title shown on the intro screen and in reports.
    pub title: String,
    /// Language of the texts, as a BCP 47 tag such as `en` or `es`.
    #[serde(default)]
    pub language: String,
    /// Id of the first question.
    #[serde(default)]
    pub start: String,
    /// Welcome text: what the guide is for and what it will ask about.
    #[serde(default)]
    pub intro: String,
    /// Axes the answers place the group on (for the flagship guide: the framework's dimensions).
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// Every question, in any order; answers link them.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Every place a walk can end.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Test cases: answers in, expected outcome out.
    #[serde(default)]
    pub tests: Vec<TestCase>,
    /// Ids resolved to positions; built by validation, not part of the file.
    #[serde(skip)]
    pub index: Index,
}

/// One axis of the guide's framework, such as "legal structure".
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Identifier used by answers that set a value on this dimension.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// What this dimension is about.
    #[serde(default)]
    pub description: String,
    /// The places a group can stand on this dimension.
    #[serde(default)]
    pub values: Vec<DimensionValue>,
}

/// One place on a dimension, with its own trade-offs. Written `Value(...)` in a guide.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Value")]
pub struct DimensionValue {
    /// Identifier, unique within its dimension.
    pub id: String,
    /// Short name shown to people.
    pub label: String,
    /// Plain description of what this value means.
    #[serde(default)]
    pub description: String,
    /// What it gives.
    #[serde(default)]
    pub pros: Vec<String>,
    /// What it costs, and the risks.
    #[serde(default)]
    pub cons: Vec<String>,
}

/// A question asked of the group.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Identifier that answers link to.
    pub id: String,
    /// Section heading the question belongs to (shown with the progress).
    #[serde(default)]
    pub section: String,
    /// The question itself.
    pub text: String,
    /// Why we ask: shown on request.
    #[serde(default)]
    pub why: String,
    /// Notes for a workshop facilitator: a discussion prompt, what to watch for.
    #[serde(default)]
    pub notes: String,
    /// The choices; each leads to another question or to an outcome.
    #[serde(default)]
    pub answers: Vec<Answer>,
}

/// One choice in a question.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Identifier, unique within its question; test cases, sessions and translations use it.
    pub id: String,
    /// The text of the choice.
    pub label: String,
    /// Why this answer matters for the result; quoted when the result explains itself.
    #[serde(default)]
    pub reason: String,
    /// Dimension values this answer places the group on, as `("dimension", "value")` pairs.
    #[serde(default)]
    pub sets: Vec<(String, String)>,
    /// Marks a "not sure yet" answer: the result lists it as something to revisit.
    #[serde(default)]
    pub unsure: bool,
    /// Where the answer leads.
    pub next: Link,
}

/// Where an answer leads.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum Link {
    /// To the question with this id.
    Goto(String),
    /// To the outcome with this id: the walk ends.
    End(String),
}

impl Default for Link {
    fn default() -> Self {
        Link::End(String::new())
    }
}

impl Link {
    /// The id the link names, whichever kind it is.
    pub fn target(&self) -> &str {
        match self {
            Link::Goto(id) | Link::End(id) => id,
        }
    }
}

/// A place a walk ends: the recommendation and everything that explains it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Identifier that `End(...)` links and test cases name.
    pub id: String,
    /// The recommendation in a few words.
    pub title: String,
    /// What it is, in a short paragraph.
    #[serde(default)]
    pub summary: String,
    /// Who it fits.
    #[serde(default)]
    pub fits: String,
    /// What it gives.
    #[serde(default)]
    pub pros: Vec<String>,
    /// What it costs, and the risks.
    #[serde(default)]
    pub cons: Vec<String>,
    /// Real examples.
    #[serde(default)]
    pub examples: Vec<Example>,
    /// What to do next, by place where it matters.
    #[serde(default)]
    pub next_steps: Vec<Step>,
    /// Ids of related outcomes, worth a look as runners-up.
    #[serde(default)]
    pub related: Vec<String>,
    /// Dimension values this outcome implies, used where no answer on the path set them.
    #[serde(default)]
    pub sets: Vec<(String, String)>,
}

/// A real example of an outcome.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Name of the organisation.
    pub name: String,
    /// What it shows; any figure in it belongs to `year`.
    #[serde(default)]
    pub text: String,
    /// The year the figures in `text` describe.
    #[serde(default)]
    pub year: Option<u16>,
    /// Where the facts come from.
    #[serde(default)]
    pub source: String,
}

/// A next step, for one place or for everyone.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Where the step applies ("UK", "Argentina", ...); empty for everywhere.
    #[serde(default)]
    pub region: String,
    /// What to do.
    pub text: String,
}

/// A test case kept in the guide: answers in, outcome expected. Written `Test(...)` in a guide.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Test")]
pub struct TestCase {
    /// What the case is about, shown in test reports.
    pub name: String,
    /// The answers given, as `("question", "answer")` pairs.
    pub answers: Vec<(String, String)>,
    /// The outcome the answers must reach.
    pub expect: String,
}

impl Guide {
    /// Calls `f` with every text a person reads, and a function giving its value path (for
    /// diagnostics). Ids are not texts: they are checked by validation instead.
    pub fn visit_texts_mut(&mut self, f: &mut dyn FnMut(&dyn Fn() -> String, &mut String)) {
        fn list(
            base: &dyn Fn() -> String,
            field: &str,
            items: &mut [String],
            f: &mut dyn FnMut(&dyn Fn() -> String, &mut String),
        ) {
            for (i, item) in items.iter_mut().enumerate() {
                f(&|| format!("{}.{field}[{i}]", base()), item);
            }
        }
        f(&|| "title".into(), &mut self.title);
        f(&|| "intro".into(), &mut self.intro);
        for (d, dim) in self.dimensions.iter_mut().enumerate() {
            let base = move || format!("dimensions[{d}]");
            f(&|| format!("{}.name", base()), &mut dim.name);
            f(&|| format!("{}.description", base()), &mut dim.description);
            for (v, value) in dim.values.iter_mut().enumerate() {
                let base = move || format!("dimensions[{d}].values[{v}]");
                f(&|| format!("{}.label", base()), &mut value.label);
                f(
                    &|| format!("{}.description", base()),
                    &mut value.description,
                );
                list(&base, "pros", &mut value.pros, f);
                list(&base, "cons", &mut value.cons, f);
            }
        }
        for (q, question) in self.questions.iter_mut().enumerate() {
            let base = move || format!("questions[{q}]");
            f(&|| format!("{}.section", base()), &mut question.section);
            f(&|| format!("{}.text", base()), &mut question.text);
            f(&|| format!("{}.why", base()), &mut question.why);
            f(&|| format!("{}.notes", base()), &mut question.notes);
            for (a, answer) in question.answers.iter_mut().enumerate() {
                let base = move || format!("questions[{q}].answers[{a}]");
                f(&|| format!("{}.label", base()), &mut answer.label);
                f(&|| format!("{}.reason", base()), &mut answer.reason);
            }
        }
        for (o, outcome) in self.outcomes.iter_mut().enumerate() {
            let base = move || format!("outcomes[{o}]");
            f(&|| format!("{}.title", base()), &mut outcome.title);
            f(&|| format!("{}.summary", base()), &mut outcome.summary);
            f(&|| format!("{}.fits", base()), &mut outcome.fits);
            list(&base, "pros", &mut outcome.pros, f);
            list(&base, "cons", &mut outcome.cons, f);
            for (e, example) in outcome.examples.iter_mut().enumerate() {
                let base = move || format!("outcomes[{o}].examples[{e}]");
                f(&|| format!("{}.name", base()), &mut example.name);
                f(&|| format!("{}.text", base()), &mut example.text);
                f(&|| format!("{}.source", base()), &mut example.source);
            }
            for (s, step) in outcome.next_steps.iter_mut().enumerate() {
                let base = move || format!("outcomes[{o}].next_steps[{s}]");
                f(&|| format!("{}.region", base()), &mut step.region);
                f(&|| format!("{}.text", base()), &mut step.text);
            }
        }
        for (t, test) in self.tests.iter_mut().enumerate() {
            f(&|| format!("tests[{t}].name"), &mut test.name);
        }
    }
}
