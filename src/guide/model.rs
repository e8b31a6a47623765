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
use super::item::{ranks, Item, Paragraphs, Rank};

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
    pub description: Paragraphs,
    /// What it gives.
    #[serde(default)]
    pub pros: Vec<Item>,
    /// What it costs, and the risks.
    #[serde(default)]
    pub cons: Vec<Item>,
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
    /// Why we ask: shown on request. Paragraphs with a condition are seen from just before the
    /// question is asked.
    #[serde(default)]
    pub why: Paragraphs,
    /// Notes for a workshop facilitator: a discussion prompt, what to watch for. Seen from just
    /// before the question, as `why` is.
    #[serde(default)]
    pub notes: Paragraphs,
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
    /// Why this answer matters for the result; quoted when the result explains itself, so
    /// paragraphs with a condition are seen from the result.
    #[serde(default)]
    pub reason: Paragraphs,
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
    pub summary: Paragraphs,
    /// Who it fits.
    #[serde(default)]
    pub fits: Paragraphs,
    /// What it gives.
    #[serde(default)]
    pub pros: Vec<Item>,
    /// What it costs, and the risks.
    #[serde(default)]
    pub cons: Vec<Item>,
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
/// items without ids, such as examples and next steps: keys name those by their condition and
/// their place among the items with the same condition).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg<'a> {
    /// The list's field name, such as `questions`.
    pub list: &'static str,
    /// Position in the list.
    pub index: usize,
    /// The item's id, or empty.
    pub id: &'a str,
    /// For an item without an id: its place among the items of the list with the same `when`
    /// (see [`Rank`]); the condition's key is in [`Seg::when`].
    pub place: usize,
    /// For an item without an id: its `when`, as [`crate::guide::item::condition_key`] writes it.
    pub when: Option<&'a str>,
}

/// Where an item of a list or a paragraph text sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemAt<'a> {
    /// Position in the list; `None` for a paragraph text written as one text, not a list.
    pub index: Option<usize>,
    /// The item's condition, if it has one.
    pub when: Option<&'a Condition>,
    /// The condition as keys write it, and the item's place among the items with the same one.
    pub rank: &'a Rank,
    /// True for a paragraph of a paragraph text (`why`), false for an item of a list (`pros`).
    pub paragraph: bool,
}

/// Where a text sits in a guide. It names the text two ways: by position (a value path, for
/// diagnostics) and by ids (a key, for translations, which must survive reordering).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextAt<'a> {
    /// Up to two enclosing items (a question, then an answer).
    pub parents: [Option<Seg<'a>>; 2],
    /// The field holding the text.
    pub field: &'static str,
    /// The item, for a field holding a list or paragraphs.
    pub item: Option<ItemAt<'a>>,
}

impl<'a> TextAt<'a> {
    fn new(parents: [Option<Seg<'a>>; 2], field: &'static str, item: Option<ItemAt<'a>>) -> Self {
        TextAt {
            parents,
            field,
            item,
        }
    }

    /// The value path of the field, such as `outcomes[2].pros`.
    pub fn field_path(&self) -> String {
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
        path
    }

    /// The value path of the item (the field itself for a text that is not an item), such as
    /// `outcomes[2].pros[1]`.
    fn item_path(&self) -> String {
        let mut path = self.field_path();
        if let Some(i) = self.item.and_then(|i| i.index) {
            path.push_str(&format!("[{i}]"));
        }
        path
    }

    /// The value path of the text, such as `questions[3].answers[1].label`, or
    /// `outcomes[2].pros[1][1]` for the text of `When(condition, "text")`.
    pub fn path(&self) -> String {
        let mut path = self.item_path();
        if self.item.is_some_and(|i| i.when.is_some()) {
            path.push_str("[1]");
        }
        path
    }

    /// The value path of the item's condition (`outcomes[2].pros[1][0]`), if it has one.
    pub fn condition_path(&self) -> Option<String> {
        self.item
            .filter(|i| i.when.is_some())
            .map(|_| format!("{}[0]", self.item_path()))
    }

    /// The translation key, such as `question.country.answer.uk.label`,
    /// `outcome.spin-off.pros.0` or `outcome.spin-off.pros.when(country=uk).0`.
    pub fn key(&self) -> String {
        let mut key = String::new();
        for seg in self.parents.iter().flatten() {
            let kind = seg.list.strip_suffix('s').unwrap_or(seg.list);
            let kind = if kind == "next_step" { "step" } else { kind };
            match (seg.id.is_empty(), seg.when) {
                (false, _) => key.push_str(&format!("{kind}.{}.", seg.id)),
                (true, None) => key.push_str(&format!("{kind}.{}.", seg.place)),
                (true, Some(when)) => {
                    key.push_str(&format!("{kind}.when({when}).{}.", seg.place));
                }
            }
        }
        key.push_str(self.field);
        if let Some(item) = self.item {
            let suffix = item.rank.suffix(item.paragraph);
            if !suffix.is_empty() {
                key.push('.');
                key.push_str(&suffix);
            }
        }
        key
    }
}

/// Calls `f` with each item of a list (`paragraph: false`) or of a paragraph text.
fn visit_items(
    parents: [Option<Seg<'_>>; 2],
    field: &'static str,
    items: &mut [Item],
    paragraph: bool,
    one: bool,
    f: &mut dyn FnMut(TextAt<'_>, &mut String),
) {
    // Most lists have no conditions: their items are ranked by position, with nothing to count.
    let counted = items
        .iter()
        .any(|i| i.condition().is_some())
        .then(|| ranks(items.iter().map(Item::condition)));
    for (i, item) in items.iter_mut().enumerate() {
        let plain = Rank {
            when: None,
            place: i,
        };
        let rank = counted.as_ref().and_then(|r| r.get(i)).unwrap_or(&plain);
        let (when, text) = item.parts_mut();
        let at = ItemAt {
            index: (!one).then_some(i),
            when,
            rank,
            paragraph,
        };
        f(TextAt::new(parents, field, Some(at)), text);
    }
}

fn visit_paragraphs(
    parents: [Option<Seg<'_>>; 2],
    field: &'static str,
    paragraphs: &mut Paragraphs,
    f: &mut dyn FnMut(TextAt<'_>, &mut String),
) {
    let one = matches!(paragraphs, Paragraphs::One(_));
    visit_items(parents, field, paragraphs.items_mut(), true, one, f);
}

impl Guide {
    /// Calls `f` with every text a person reads and where it sits, in file order; every item
    /// of a list and every paragraph, conditional ones included. Ids are not texts (validation
    /// checks them), and neither are test case names (they are for editors).
    pub fn visit_texts_mut(&mut self, f: &mut dyn FnMut(TextAt<'_>, &mut String)) {
        fn seg<'a>(list: &'static str, index: usize, id: &'a str) -> Option<Seg<'a>> {
            Some(Seg {
                list,
                index,
                id,
                place: index,
                when: None,
            })
        }
        fn record<'a>(list: &'static str, index: usize, rank: &'a Rank) -> Option<Seg<'a>> {
            Some(Seg {
                list,
                index,
                id: "",
                place: rank.place,
                when: rank.when.as_deref(),
            })
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
                visit_paragraphs(at, "description", &mut value.description, f);
                visit_items(at, "pros", &mut value.pros, false, false, f);
                visit_items(at, "cons", &mut value.cons, false, false, f);
            }
        }
        for (q, question) in self.questions.iter_mut().enumerate() {
            let at = [seg("questions", q, &question.id), None];
            f(TextAt::new(at, "section", None), &mut question.section);
            f(TextAt::new(at, "text", None), &mut question.text);
            visit_paragraphs(at, "why", &mut question.why, f);
            visit_paragraphs(at, "notes", &mut question.notes, f);
            for (a, answer) in question.answers.iter_mut().enumerate() {
                let at = [at[0], seg("answers", a, &answer.id)];
                f(TextAt::new(at, "label", None), &mut answer.label);
                visit_paragraphs(at, "reason", &mut answer.reason, f);
            }
        }
        for (o, outcome) in self.outcomes.iter_mut().enumerate() {
            let at = [seg("outcomes", o, &outcome.id), None];
            f(TextAt::new(at, "title", None), &mut outcome.title);
            visit_paragraphs(at, "summary", &mut outcome.summary, f);
            visit_paragraphs(at, "fits", &mut outcome.fits, f);
            visit_items(at, "pros", &mut outcome.pros, false, false, f);
            visit_items(at, "cons", &mut outcome.cons, false, false, f);
            let places = ranks(outcome.examples.iter().map(|e| e.when.as_deref()));
            for (e, (example, rank)) in outcome.examples.iter_mut().zip(&places).enumerate() {
                let at = [at[0], record("examples", e, rank)];
                f(TextAt::new(at, "name", None), &mut example.name);
                f(TextAt::new(at, "text", None), &mut example.text);
            }
            let places = ranks(outcome.next_steps.iter().map(|s| s.when.as_deref()));
            for (s, (step, rank)) in outcome.next_steps.iter_mut().zip(&places).enumerate() {
                let at = [at[0], record("next_steps", s, rank)];
                f(TextAt::new(at, "region", None), &mut step.region);
                f(TextAt::new(at, "text", None), &mut step.text);
            }
        }
    }
}

/// Where a conditional text is seen from (see `docs/guide-format.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSite {
    /// A paragraph of a question's `why` or `notes`: seen just before the question is asked.
    Question(usize),
    /// A paragraph of the `reason` of answer `.1` of question `.0`: seen in the result, when
    /// the answer is on the path.
    Answer(usize, usize),
    /// An item of an outcome's own texts: seen in its result.
    Outcome(usize),
    /// An item of the texts of value `.1` of dimension `.0`: seen in any result that places
    /// the group there.
    Value(usize, usize),
}

/// A text item with a condition: a list item or a paragraph written `When(condition, "text")`.
#[derive(Debug, Clone, Copy)]
pub struct ConditionalText<'g> {
    /// Where it is seen from.
    pub site: TextSite,
    /// The field it is in, such as `pros` or `why`.
    pub field: &'static str,
    /// Its condition.
    pub when: &'g Condition,
}

impl Guide {
    /// Calls `f` with every list item and paragraph that has a condition, in file order, and a
    /// way to the value path of its condition (`outcomes[2].pros[1][0]`). Examples and next
    /// steps are records with a `when` field, not items: they are not visited here.
    pub fn visit_conditional_texts<'g>(
        &'g self,
        f: &mut dyn FnMut(ConditionalText<'g>, &dyn Fn() -> String),
    ) {
        fn items<'g>(
            site: TextSite,
            at: &dyn Fn() -> String,
            field: &'static str,
            items: &'g [Item],
            one: bool,
            f: &mut dyn FnMut(ConditionalText<'g>, &dyn Fn() -> String),
        ) {
            for (i, item) in items.iter().enumerate() {
                let Some(when) = item.condition() else {
                    continue;
                };
                let path = || {
                    if one {
                        format!("{}{field}[0]", at())
                    } else {
                        format!("{}{field}[{i}][0]", at())
                    }
                };
                f(ConditionalText { site, field, when }, &path);
            }
        }
        fn paragraphs<'g>(
            site: TextSite,
            at: &dyn Fn() -> String,
            field: &'static str,
            text: &'g Paragraphs,
            f: &mut dyn FnMut(ConditionalText<'g>, &dyn Fn() -> String),
        ) {
            let one = matches!(text, Paragraphs::One(_));
            items(site, at, field, text.items(), one, f);
        }
        for (d, dim) in self.dimensions.iter().enumerate() {
            for (v, value) in dim.values.iter().enumerate() {
                let site = TextSite::Value(d, v);
                let at = || format!("dimensions[{d}].values[{v}].");
                paragraphs(site, &at, "description", &value.description, f);
                items(site, &at, "pros", &value.pros, false, f);
                items(site, &at, "cons", &value.cons, false, f);
            }
        }
        for (q, question) in self.questions.iter().enumerate() {
            let at = || format!("questions[{q}].");
            paragraphs(TextSite::Question(q), &at, "why", &question.why, f);
            paragraphs(TextSite::Question(q), &at, "notes", &question.notes, f);
            for (a, answer) in question.answers.iter().enumerate() {
                let at = || format!("questions[{q}].answers[{a}].");
                paragraphs(TextSite::Answer(q, a), &at, "reason", &answer.reason, f);
            }
        }
        for (o, outcome) in self.outcomes.iter().enumerate() {
            let site = TextSite::Outcome(o);
            let at = || format!("outcomes[{o}].");
            paragraphs(site, &at, "summary", &outcome.summary, f);
            paragraphs(site, &at, "fits", &outcome.fits, f);
            items(site, &at, "pros", &outcome.pros, false, f);
            items(site, &at, "cons", &outcome.cons, false, f);
        }
    }
}
