//! The reader on small local types: what each shape problem becomes, and the shapes a
//! hand-written `Deserialize` can ask for through `deserialize_any`.

use std::fmt;

use serde::de::{self, Deserializer, EnumAccess, VariantAccess, Visitor};
use serde::Deserialize;

use super::{read, Read};
use crate::guide::diagnostic::{Diagnostic, Locus};
use crate::guide::Source;

#[derive(Debug, Clone, PartialEq, Deserialize)]
enum Condition {
    Answered(String, String),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// A text item: `"text"` for everyone, or `When(condition, "text")`.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Plain(String),
    When(Condition, String),
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text, or When(condition, \"text\")")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Item, E> {
                Ok(Item::Plain(v.to_string()))
            }
            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Item, A::Error> {
                let (name, variant): (String, _) = data.variant()?;
                if name != "When" {
                    return Err(de::Error::custom(format!(
                        "`{name}` is not a kind of text item: write \"text\" or When(condition, \"text\")"
                    )));
                }
                struct Pair;
                impl<'de> Visitor<'de> for Pair {
                    type Value = Item;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a condition and a text")
                    }
                    fn visit_seq<S: de::SeqAccess<'de>>(
                        self,
                        mut seq: S,
                    ) -> Result<Item, S::Error> {
                        let condition = seq
                            .next_element()?
                            .ok_or_else(|| de::Error::custom("a condition is missing"))?;
                        let text = seq
                            .next_element()?
                            .ok_or_else(|| de::Error::custom("a text is missing"))?;
                        Ok(Item::When(condition, text))
                    }
                }
                variant.tuple_variant(2, Pair)
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    when: Condition,
    next: Link,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
enum Link {
    Goto(String),
    End(String),
    Branch {
        cases: Vec<Case>,
        otherwise: Box<Link>,
    },
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Answer {
    id: String,
    label: String,
    #[serde(default)]
    unsure: bool,
    #[serde(default)]
    region: String,
    #[serde(default)]
    pros: Vec<Item>,
    next: Link,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    name: String,
    #[serde(default)]
    year: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Guide {
    id: String,
    #[serde(default)]
    answers: Vec<Answer>,
    #[serde(default)]
    examples: Vec<Example>,
    #[serde(default)]
    sets: Vec<(String, String)>,
}

fn found(read: &Read<Guide>, text: &str) -> Vec<(&'static str, String, String)> {
    let source = Source::new("t.ron", text);
    let mut list: Vec<_> = read.diagnostics.iter().collect();
    list.sort_by_key(|d| d.span().map_or(usize::MAX, |s| s.start));
    list.iter()
        .map(|d| {
            let at = d
                .span()
                .map(|s| source.line_col(s.start))
                .unwrap_or_default();
            (
                d.code.as_str(),
                format!("{}:{}", at.line, at.col),
                d.message.clone(),
            )
        })
        .collect()
}

fn help(read: &Read<Guide>, code: &str) -> String {
    read.diagnostics
        .iter()
        .find(|d| d.code.as_str() == code)
        .and_then(|d| d.help.clone())
        .unwrap_or_default()
}

#[test]
fn a_hand_written_type_reads_plain_text_or_a_named_pair_through_any() {
    let text = r#"Guide(id: "g", answers: [Answer(id: "a", label: "A", pros: [
        "For everyone.",
        When(Answered("country", "uk"), "For the UK."),
        When(Not(Any([Answered("q", "x")])), "Otherwise."),
    ], next: Branch(cases: [Case(when: Answered("q", "a"), next: Goto("x"))], otherwise: Goto("y")))])"#;
    let read: Read<Guide> = read(text);
    assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
    let guide = read.value.expect("read");
    let answer = &guide.answers[0];
    assert_eq!(
        answer.pros,
        vec![
            Item::Plain("For everyone.".into()),
            Item::When(
                Condition::Answered("country".into(), "uk".into()),
                "For the UK.".into()
            ),
            Item::When(
                Condition::Not(Box::new(Condition::Any(vec![Condition::Answered(
                    "q".into(),
                    "x".into()
                )]))),
                "Otherwise.".into()
            ),
        ]
    );
    assert_eq!(
        answer.next,
        Link::Branch {
            cases: vec![Case {
                when: Condition::Answered("q".into(), "a".into()),
                next: Link::Goto("x".into())
            }],
            otherwise: Box::new(Link::Goto("y".into())),
        }
    );
}

#[test]
fn a_value_a_hand_written_type_refuses_is_left_out_and_later_items_keep_their_place() {
    let text = "Guide(id: \"g\", answers: [Answer(id: \"a\", label: \"A\", next: End(\"o\"), pros: [\n  Maybe(\"x\"),\n  \"kept\",\n])])";
    let read: Read<Guide> = read(text);
    let guide = read.value.as_ref().expect("read");
    assert_eq!(guide.answers[0].pros, vec![Item::Plain("kept".into())]);
    assert_eq!(
        found(&read, text),
        vec![(
            "G0103",
            "2:3".to_string(),
            "an item of `pros` could not be read and was left out: `Maybe` is not a kind of text item: write \"text\" or When(condition, \"text\")".to_string()
        )]
    );
    assert!(
        !read.guessed,
        "a text item left out does not mislead link checks"
    );
    // A later check about the kept item (now item 0) points at it in the file (item 1).
    let mut later =
        vec![Diagnostic::new(crate::guide::Code::EmptyText, "x").at("answers[0].pros[0]", "here")];
    read.place(text, &mut later);
    let Some(Locus::Span(span)) = later[0].primary.as_ref().map(|l| l.at.clone()) else {
        panic!("placed");
    };
    assert_eq!(&text[span.start..span.end], "\"kept\"");
}

#[test]
fn unknown_fields_suggest_the_field_meant_capitals_included() {
    let text = "Guide(id: \"g\", answers: [Answer(id: \"a\", Label: \"A\", next: End(\"o\"))])";
    let read: Read<Guide> = read(text);
    assert_eq!(
        found(&read, text),
        vec![(
            "G0101",
            "1:42".to_string(),
            "an answer has no field called `Label`".to_string()
        )]
    );
    assert_eq!(
        help(&read, "G0101"),
        "write `label`: field names are written in small letters"
    );
    // Read as the field meant: no "missing label" on top.
    assert_eq!(read.value.expect("read").answers[0].label, "A");
}

#[test]
fn a_missing_field_is_reported_at_its_part_and_the_rest_is_still_checked() {
    let text = "Guide(id: \"g\", answers: [\n Answer(id: \"a\", next: End(\"o\")),\n Answer(id: \"b\", label: 3, next: End(\"o\")),\n])";
    let read: Read<Guide> = read(text);
    assert_eq!(
        found(&read, text),
        vec![
            (
                "G0102",
                "2:2".to_string(),
                "an answer is missing its `label`".to_string()
            ),
            (
                "G0103",
                "3:25".to_string(),
                "`label` should be text in double quotes, not the number 3".to_string()
            ),
        ]
    );
    assert!(read.value.is_some());
}

#[test]
fn wrong_kinds_of_value_are_named_in_the_guides_words() {
    let text = "Guide(id: \"g\", examples: [Example(name: \"n\", year: \"2023\")],\n answers: [Answer(id: \"a\", label: \"A\", unsure: \"yes\", pros: \"p\", next: End(\"o\"))])";
    let read: Read<Guide> = read(text);
    let messages: Vec<String> = found(&read, text).into_iter().map(|f| f.2).collect();
    assert_eq!(
        messages,
        vec![
            "a year is a number like 2024, not the text \"2023\"",
            "`unsure` is true or false, not the text \"yes\"",
            "`pros` should be a list in square brackets [ ... ], not the text \"p\"",
        ]
    );
    assert_eq!(
        help(&read, "G0103"),
        "write the number without quotes: 2023"
    );
}

#[test]
fn some_is_accepted_with_a_warning_in_every_field_alike() {
    let text = "Guide(id: \"g\", examples: [Example(name: \"n\", year: Some(2023))],\n answers: [Answer(id: \"a\", label: \"A\", region: Some(\"UK\"), next: End(\"o\"))])";
    let read: Read<Guide> = read(text);
    let found = found(&read, text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| f.0 == "G0107"), "{found:?}");
    assert_eq!(
        found[0].2,
        "`year` does not need `Some( ... )` around its value"
    );
    assert!(!read.has_errors());
    let guide = read.value.expect("read");
    assert_eq!(guide.examples[0].year, Some(2023));
    assert_eq!(guide.answers[0].region, "UK");
}

#[test]
fn kinds_of_link_are_suggested_and_a_bare_text_link_is_explained() {
    let text = "Guide(id: \"g\", answers: [Answer(id: \"a\", label: \"A\", next: goto(\"x\")), Answer(id: \"b\", label: \"B\", next: \"y\")])";
    let read: Read<Guide> = read(text);
    let found = found(&read, text);
    assert_eq!(found[0].0, "G0104");
    assert_eq!(found[0].2, "`goto` is not a kind of link");
    assert_eq!(help(&read, "G0104"), "write `Goto`: capital letters matter");
    assert_eq!(found[1].0, "G0103");
    assert_eq!(
        help(&read, "G0103"),
        "write `Goto(\"y\")` to go on to question \"y\", or `End(\"y\")` to end at outcome \"y\""
    );
    let guide = read.value.as_ref().expect("read");
    assert_eq!(guide.answers[0].next, Link::Goto("x".into()));
    assert!(read.guessed, "which kind of link was meant is a guess");
}

#[test]
fn a_field_written_twice_keeps_the_first() {
    let text = "Guide(id: \"g\", id: \"h\")";
    let read: Read<Guide> = read(text);
    assert_eq!(
        found(&read, text),
        vec![(
            "G0105",
            "1:16".to_string(),
            "`id` is written twice in the guide".to_string()
        )]
    );
    assert_eq!(read.value.expect("read").id, "g");
}

#[test]
fn pairs_with_the_wrong_number_of_values_are_filled_or_cut() {
    let text = "Guide(id: \"g\", sets: [(\"a\"), (\"b\", \"c\", \"d\")])";
    let read: Read<Guide> = read(text);
    let codes: Vec<&str> = read.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, vec!["G0109", "G0109"]);
    assert_eq!(
        read.value.expect("read").sets,
        vec![("a".into(), String::new()), ("b".into(), "c".into())]
    );
}

#[test]
fn a_top_value_of_the_wrong_kind_gives_no_value_but_a_clear_error() {
    let text = "[1, 2]";
    let read: Read<Guide> = read(text);
    assert!(read.value.is_none());
    assert_eq!(read.diagnostics[0].code.as_str(), "G0103");
    assert_eq!(
        read.diagnostics[0].message,
        "the file should be the guide written `Guide( ... )`, not a list [ ... ]"
    );
}

#[test]
fn quoted_field_names_of_any_characters_are_reported_without_breaking_characters() {
    let text = "Guide(id: \"g\", \"🙂\": 1, \"日本\": 2)";
    let read: Read<Guide> = read(text);
    let found: Vec<(&str, &str)> = read
        .diagnostics
        .iter()
        .map(|d| {
            let span = d.span().unwrap_or_default();
            (d.code.as_str(), &text[span.start..span.end])
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("G0010", "\"🙂\""),
            ("G0010", "\"日本\""),
            ("G0101", "🙂"),
            ("G0101", "日本"),
        ]
    );
    let source = Source::new("q.ron", text);
    let shown = crate::guide::diagnostic::render_human(&read.diagnostics, &source);
    assert!(shown.contains("no field called `日本`"), "{shown}");
    assert!(shown.contains("no field called `🙂`"), "{shown}");
}

#[test]
fn a_misspelling_repeated_is_reported_each_time_with_its_suggestion() {
    let answers = "Answer(id: \"a\", lable: \"A\", next: End(\"o\")), ".repeat(3);
    let text = format!("Guide(id: \"g\", answers: [{answers}])");
    let read: Read<Guide> = read(&text);
    let helps: Vec<&str> = read
        .diagnostics
        .iter()
        .filter_map(|d| d.help.as_deref())
        .collect();
    assert_eq!(helps, vec!["did you mean `label`?"; 3]);
    let guide = read.value.expect("read");
    assert!(guide.answers.iter().all(|a| a.label == "A"));
}
