//! The guide as written in a RON file: the serde model.
//!
//! Shape rules, learnt from the `ron` issue tracker and from ink, Twine and Yarn Spinner:
//! - every list of nodes is a flat `Vec` whose items carry a string `id` (RON maps silently drop
//!   duplicate keys, and nesting runs into the recursion limit);
//! - links are externally tagged enums (`Goto("id")`, `End("id")`, `Branch(...)`), whose errors
//!   name the variants;
//! - conditions are data too (`Answered("country", "uk")`, `Any([...])`), never a string to parse
//!   (format version 2, see `docs/guide-format.md`);
//! - every struct denies unknown fields, so a typo is an error with a "did you mean";
//! - optional fields never need `Some(...)`: the loader turns on `implicit_some`;
//! - all text a person reads is a string. Long strings may run over several lines: the loader joins
//!   the lines of a paragraph and keeps blank lines as paragraph breaks (see [`crate::guide::text`]).
//!
//! Field names here are the file format: renaming one breaks every guide, so don't.

use serde::{Deserialize, Serialize};

use super::index::Index;

/// The newest format version this build understands.
pub const FORMAT: u32 = 2;

/// A whole decision guide: questions that lead to outcomes, placing the group on dimensions.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Version of the file format the guide is written in; none means 1. Version 2 adds
    /// conditions; a number higher than [`FORMAT`] needs a newer coop-guide.
    #[serde(default)]
    pub format: Option<u32>,
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
    /// Marks a question about the group's situation (where it is, how many, how it is starting)
    /// rather than a choice: the result shows its answer under "Because you are…" and never
    /// offers to change it.
    #[serde(default)]
    pub situation: bool,
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
    /// Where the group is, when this answer says so: next steps whose `region` is the same come
    /// first in the result, and steps for other places are set apart.
    #[serde(default)]
    pub region: String,
    /// Marks a "not sure yet" answer: the result lists it as something to revisit.
    #[serde(default)]
    pub unsure: bool,
    /// Offered only when this holds, seen from just before the question is asked.
    #[serde(default)]
    pub when: Option<Box<Condition>>,
    /// Where the answer leads.
    pub next: Link,
}

/// Where an answer leads.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum Link {
    /// To the question with this id.
    Goto(String),
    /// To the outcome with this id: the walk ends.
    End(String),
    /// Somewhere that depends on what the group has said: the first case whose condition holds
    /// (seen with this answer given), else `otherwise`.
    Branch {
        /// Tried in order.
        cases: Vec<Case>,
        /// Taken when no case holds.
        otherwise: Box<Link>,
    },
}

/// One case of a conditional link.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// When this case is taken.
    pub when: Condition,
    /// Where it leads.
    pub next: Link,
}

/// What the group has said, as data: the condition language of format version 2.
///
/// "What the group has said" at a point is the answers on its current path before that point;
/// stale answers never count (see `docs/guide-format.md` for the point each condition sees).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum Condition {
    /// The group's answer to question `.0` is answer `.1`.
    Answered(String, String),
    /// The group's place on dimension `.0` is value `.1`.
    Placed(String, String),
    /// At least one holds (an empty list never holds).
    Any(Vec<Condition>),
    /// Every one holds (an empty list always holds).
    All(Vec<Condition>),
    /// It does not hold.
    Not(Box<Condition>),
}

impl Default for Link {
    fn default() -> Self {
        Link::End(String::new())
    }
}

impl Link {
    /// The id a plain link names; `None` for a conditional link.
    pub fn target(&self) -> Option<&str> {
        match self {
            Link::Goto(id) | Link::End(id) => Some(id),
            Link::Branch { .. } => None,
        }
    }

    /// Calls `f` with every id the link can lead to, cases first, in the file's order.
    pub fn for_each_id_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        match self {
            Link::Goto(id) | Link::End(id) => f(id),
            Link::Branch { cases, otherwise } => {
                for case in cases {
                    case.next.for_each_id_mut(f);
                }
                otherwise.for_each_id_mut(f);
            }
        }
    }

    /// Every id the link can lead to, cases first, in the file's order.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        let mut pending = vec![self];
        while let Some(link) = pending.pop() {
            match link {
                Link::Goto(id) | Link::End(id) => ids.push(id.as_str()),
                Link::Branch { cases, otherwise } => {
                    pending.push(otherwise);
                    pending.extend(cases.iter().rev().map(|c| &c.next));
                }
            }
        }
        ids
    }

    /// True for a conditional link.
    pub fn is_branch(&self) -> bool {
        matches!(self, Link::Branch { .. })
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
    /// Shown only when this holds, seen from the result.
    #[serde(default)]
    pub when: Option<Box<Condition>>,
}

/// A next step, for one place or for everyone.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Where the step applies ("UK", "Argentina", ...); empty for everywhere. Shorthand for a
    /// condition: the group chose an answer with the same `region`. Steps for other places are
    /// not dropped but set apart in the result.
    #[serde(default)]
    pub region: String,
    /// Shown only when this holds, seen from the result.
    #[serde(default)]
    pub when: Option<Box<Condition>>,
    /// What to do.
    pub text: String,
    /// The region as the guide wrote it, kept when a translation changes `region`: answers'
    /// `region` match against it.
    #[serde(skip)]
    pub place: String,
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

/// One step from the guide down to a text: a list, the item's position, and its id (empty for
/// items without ids, such as examples and next steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg<'a> {
    /// The list's field name, such as `questions`.
    pub list: &'static str,
    /// Position in the list.
    pub index: usize,
    /// The item's id, or empty.
    pub id: &'a str,
}

/// Where a text sits in a guide. It names the text two ways: by position (a value path, for
/// diagnostics) and by ids (a key, for translations, which must survive reordering).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextAt<'a> {
    /// Up to two enclosing items (a question, then an answer).
    pub parents: [Option<Seg<'a>>; 2],
    /// The field holding the text.
    pub field: &'static str,
    /// The position within a list field such as `pros`.
    pub item: Option<usize>,
}

impl<'a> TextAt<'a> {
    fn new(parents: [Option<Seg<'a>>; 2], field: &'static str, item: Option<usize>) -> Self {
        TextAt {
            parents,
            field,
            item,
        }
    }

    /// The value path, such as `questions[3].answers[1].label`.
    pub fn path(&self) -> String {
        let mut path = String::new();
        for seg in self.parents.iter().flatten() {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&format!("{}[{}]", seg.list, seg.index));
        }
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(self.field);
        if let Some(i) = self.item {
            path.push_str(&format!("[{i}]"));
        }
        path
    }

    /// The translation key, such as `question.country.answer.uk.label` or `outcome.spin-off.pros.0`.
    pub fn key(&self) -> String {
        let mut key = String::new();
        for seg in self.parents.iter().flatten() {
            let kind = seg.list.strip_suffix('s').unwrap_or(seg.list);
            let kind = if kind == "next_step" { "step" } else { kind };
            if seg.id.is_empty() {
                key.push_str(&format!("{kind}.{}.", seg.index));
            } else {
                key.push_str(&format!("{kind}.{}.", seg.id));
            }
        }
        key.push_str(self.field);
        if let Some(i) = self.item {
            key.push_str(&format!(".{i}"));
        }
        key
    }
}

impl Guide {
    /// Calls `f` with every text a person reads and where it sits, in file order. Ids are not
    /// texts (validation checks them), and neither are test case names (they are for editors).
    pub fn visit_texts_mut(&mut self, f: &mut dyn FnMut(TextAt<'_>, &mut String)) {
        fn seg<'a>(list: &'static str, index: usize, id: &'a str) -> Option<Seg<'a>> {
            Some(Seg { list, index, id })
        }
        fn list(
            parents: [Option<Seg<'_>>; 2],
            field: &'static str,
            items: &mut [String],
            f: &mut dyn FnMut(TextAt<'_>, &mut String),
        ) {
            for (i, item) in items.iter_mut().enumerate() {
                f(TextAt::new(parents, field, Some(i)), item);
            }
        }
        f(TextAt::new([None, None], "title", None), &mut self.title);
        f(TextAt::new([None, None], "intro", None), &mut self.intro);
        for (d, dim) in self.dimensions.iter_mut().enumerate() {
            let at = [seg("dimensions", d, &dim.id), None];
            f(TextAt::new(at, "name", None), &mut dim.name);
            f(TextAt::new(at, "description", None), &mut dim.description);
            for (v, value) in dim.values.iter_mut().enumerate() {
                let at = [at[0], seg("values", v, &value.id)];
                f(TextAt::new(at, "label", None), &mut value.label);
                f(TextAt::new(at, "description", None), &mut value.description);
                list(at, "pros", &mut value.pros, f);
                list(at, "cons", &mut value.cons, f);
            }
        }
        for (q, question) in self.questions.iter_mut().enumerate() {
            let at = [seg("questions", q, &question.id), None];
            f(TextAt::new(at, "section", None), &mut question.section);
            f(TextAt::new(at, "text", None), &mut question.text);
            f(TextAt::new(at, "why", None), &mut question.why);
            f(TextAt::new(at, "notes", None), &mut question.notes);
            for (a, answer) in question.answers.iter_mut().enumerate() {
                let at = [at[0], seg("answers", a, &answer.id)];
                f(TextAt::new(at, "label", None), &mut answer.label);
                f(TextAt::new(at, "reason", None), &mut answer.reason);
            }
        }
        for (o, outcome) in self.outcomes.iter_mut().enumerate() {
            let at = [seg("outcomes", o, &outcome.id), None];
            f(TextAt::new(at, "title", None), &mut outcome.title);
            f(TextAt::new(at, "summary", None), &mut outcome.summary);
            f(TextAt::new(at, "fits", None), &mut outcome.fits);
            list(at, "pros", &mut outcome.pros, f);
            list(at, "cons", &mut outcome.cons, f);
            for (e, example) in outcome.examples.iter_mut().enumerate() {
                let at = [at[0], seg("examples", e, "")];
                f(TextAt::new(at, "name", None), &mut example.name);
                f(TextAt::new(at, "text", None), &mut example.text);
            }
            for (s, step) in outcome.next_steps.iter_mut().enumerate() {
                let at = [at[0], seg("next_steps", s, "")];
                f(TextAt::new(at, "region", None), &mut step.region);
                f(TextAt::new(at, "text", None), &mut step.text);
            }
        }
    }
}
