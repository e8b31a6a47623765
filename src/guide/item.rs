//! Texts that depend on the group: list items and paragraphs written `"text"` for everyone, or
//! `When(condition, "text")` for the groups the condition holds for.
//!
//! Two shapes of text field take them (see `docs/guide-format.md`):
//! - **lists** (`pros`, `cons`): `Vec<Item>`, each item a string or a `When`;
//! - **paragraph texts** (`summary`, `fits`, `why`, `notes`, `reason`, a value's `description`):
//!   [`Paragraphs`], one string as in format 1, or a list of paragraphs, each a string or a
//!   `When`.
//!
//! A plain item costs what a `String` costs (24 bytes): a condition lives behind a box, only in
//! the items that have one. Which items a group sees is decided by the engine
//! ([`crate::engine::Explanation`]); this module only holds them and names them.
//!
//! Items are named in translation keys by their condition and their place among the items of
//! the same list with the same condition ([`key_suffixes`]), so reordering items, or adding one
//! with another condition, changes no key.

use std::fmt;

use serde::de::{self, Deserializer, EnumAccess, SeqAccess, VariantAccess, Visitor};
use serde::ser::{SerializeSeq, SerializeTupleVariant, Serializer};
use serde::{Deserialize, Serialize};

use super::model::Condition;

/// What a text is, in the guide's words, for messages about a value that is not one.
const A_TEXT: &str = "a text is written \"like this\" or When(condition, \"text\")";

/// A text shown only to the groups its condition holds for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conditional {
    /// When the text is shown.
    pub when: Condition,
    /// The text.
    pub text: String,
}

/// One item of a list of texts, or one paragraph of a paragraph text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// Shown to everyone.
    Plain(String),
    /// Shown only when its condition holds: `When(condition, "text")`.
    When(Box<Conditional>),
}

impl Default for Item {
    fn default() -> Self {
        Item::Plain(String::new())
    }
}

impl Item {
    /// A text shown only when `when` holds.
    pub fn when(when: Condition, text: impl Into<String>) -> Item {
        Item::When(Box::new(Conditional {
            when,
            text: text.into(),
        }))
    }

    /// The text.
    pub fn text(&self) -> &str {
        match self {
            Item::Plain(text) => text,
            Item::When(c) => &c.text,
        }
    }

    /// The item's condition, if it has one.
    pub fn condition(&self) -> Option<&Condition> {
        match self {
            Item::Plain(_) => None,
            Item::When(c) => Some(&c.when),
        }
    }

    /// The item's condition and its text, to change the text in place.
    pub fn parts_mut(&mut self) -> (Option<&Condition>, &mut String) {
        match self {
            Item::Plain(text) => (None, text),
            Item::When(c) => {
                let Conditional { when, text } = &mut **c;
                (Some(&*when), text)
            }
        }
    }
}

/// An item reads as its text (`item.contains("INAES")`), whatever its condition.
impl std::ops::Deref for Item {
    type Target = str;

    fn deref(&self) -> &str {
        self.text()
    }
}

/// An item prints as its text.
impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

impl From<&str> for Item {
    fn from(text: &str) -> Self {
        Item::Plain(text.to_string())
    }
}

impl From<String> for Item {
    fn from(text: String) -> Self {
        Item::Plain(text)
    }
}

impl PartialEq<str> for Item {
    fn eq(&self, other: &str) -> bool {
        matches!(self, Item::Plain(text) if text == other)
    }
}

impl PartialEq<&str> for Item {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// A paragraph text: one string, as in format 1, or a list of paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paragraphs {
    /// Written as one text (or one `When(...)`).
    One(Item),
    /// Written as a list of paragraphs.
    Many(Box<[Item]>),
}

impl Default for Paragraphs {
    fn default() -> Self {
        Paragraphs::One(Item::default())
    }
}

impl Paragraphs {
    /// The paragraphs, in order, conditional ones included.
    pub fn items(&self) -> &[Item] {
        match self {
            Paragraphs::One(item) => std::slice::from_ref(item),
            Paragraphs::Many(items) => items,
        }
    }

    /// The paragraphs, to change their texts in place.
    pub fn items_mut(&mut self) -> &mut [Item] {
        match self {
            Paragraphs::One(item) => std::slice::from_mut(item),
            Paragraphs::Many(items) => items,
        }
    }

    /// True when no paragraph has any text.
    pub fn is_blank(&self) -> bool {
        self.items().iter().all(|i| i.text().trim().is_empty())
    }

    /// True when no paragraph has any text, not even white space.
    pub fn is_empty(&self) -> bool {
        self.items().iter().all(|i| i.text().is_empty())
    }

    /// Whether some paragraph, conditional ones included, holds `pattern`: for searching and
    /// checking a guide.
    pub fn contains(&self, pattern: &str) -> bool {
        self.items().iter().any(|i| i.text().contains(pattern))
    }

    /// Every paragraph, conditional ones included, joined by blank lines: for proofreading and
    /// searching a guide, never for what one group is shown.
    pub fn full_text(&self) -> String {
        join(self.items().iter().map(Item::text))
    }
}

/// A paragraph text prints as [`Paragraphs::full_text`]: every paragraph, whatever its
/// condition. What one group is shown comes from the engine ([`crate::engine::shown`]).
impl fmt::Display for Paragraphs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full_text())
    }
}

impl From<&str> for Paragraphs {
    fn from(text: &str) -> Self {
        Paragraphs::One(Item::from(text))
    }
}

impl From<Vec<Item>> for Paragraphs {
    fn from(items: Vec<Item>) -> Self {
        Paragraphs::Many(items.into_boxed_slice())
    }
}

impl PartialEq<str> for Paragraphs {
    fn eq(&self, other: &str) -> bool {
        matches!(self, Paragraphs::One(item) if item == other)
    }
}

impl PartialEq<&str> for Paragraphs {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// Texts joined as paragraphs (a blank line between), leaving out empty ones.
pub fn join<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for text in texts.filter(|t| !t.trim().is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(text);
    }
    out
}

/// A condition as translation keys write it: ids only, compact, the same whatever order the
/// parts of an `Any` or `All` are written in. `Answered("country", "uk")` is `country=uk`,
/// `Placed("legal", "formal")` is `placed(legal=formal)`, and `any(...)`, `all(...)`, `not(...)`
/// hold the rest.
pub fn condition_key(condition: &Condition) -> String {
    match condition {
        Condition::Answered(q, a) => format!("{q}={a}"),
        Condition::Placed(d, v) => format!("placed({d}={v})"),
        Condition::Any(list) | Condition::All(list) => {
            let mut parts: Vec<String> = list.iter().map(condition_key).collect();
            parts.sort();
            let name = if matches!(condition, Condition::Any(_)) {
                "any"
            } else {
                "all"
            };
            format!("{name}({})", parts.join(","))
        }
        Condition::Not(c) => format!("not({})", condition_key(c)),
    }
}

/// Where an item sits among the items of its list for translation keys: its condition's key
/// (none for an item shown to everyone) and its place among the items with the same condition.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rank {
    /// [`condition_key`] of the item's condition.
    pub when: Option<String>,
    /// Its place among the items of the list with the same condition, from 0.
    pub place: usize,
}

impl Rank {
    /// The part of a key after the field: `0` or `when(country=uk).0` in a list; in a paragraph
    /// text the first place is left out (`why`, `why.1`, `why.when(country=uk)`), so a text
    /// written as one string keeps the key it had in format 1.
    pub fn suffix(&self, paragraph: bool) -> String {
        let place = if paragraph && self.place == 0 {
            String::new()
        } else {
            self.place.to_string()
        };
        match (&self.when, place.is_empty()) {
            (None, _) => place,
            (Some(when), true) => format!("when({when})"),
            (Some(when), false) => format!("when({when}).{place}"),
        }
    }
}

/// The rank of each item of a list whose items have these conditions, in order. Items without
/// a condition are counted apart from the others, so a list with no conditions ranks its items
/// 0, 1, 2... as format 1 numbered them.
pub fn ranks<'c>(conditions: impl Iterator<Item = Option<&'c Condition>>) -> Vec<Rank> {
    let mut plain = 0;
    let mut seen: Vec<(String, usize)> = Vec::new();
    conditions
        .map(|c| match c {
            None => {
                plain += 1;
                Rank {
                    when: None,
                    place: plain - 1,
                }
            }
            Some(c) => {
                let key = condition_key(c);
                let place = match seen.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, n)) => {
                        *n += 1;
                        *n - 1
                    }
                    None => {
                        seen.push((key.clone(), 1));
                        0
                    }
                };
                Rank {
                    when: Some(key),
                    place,
                }
            }
        })
        .collect()
}

/// The key suffix of each item of a list (`paragraph: false`) or a paragraph text.
pub fn key_suffixes(items: &[Item], paragraph: bool) -> Vec<String> {
    ranks(items.iter().map(Item::condition))
        .iter()
        .map(|r| r.suffix(paragraph))
        .collect()
}

/// The reason a value that is not a text was refused, in the guide's words.
fn not_a_text<E: de::Error>(found: &str) -> E {
    E::custom(format!("{found} is not a text: {A_TEXT}"))
}

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = Item;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(A_TEXT)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Item, E> {
        Ok(Item::Plain(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Item, E> {
        Ok(Item::Plain(v))
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<Item, E> {
        Ok(Item::Plain(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Item, E> {
        Err(not_a_text(&format!("`{v}`")))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Item, E> {
        Err(not_a_text("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Item, E> {
        Err(not_a_text("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Item, E> {
        Err(not_a_text("a number"))
    }

    fn visit_none<E: de::Error>(self) -> Result<Item, E> {
        Err(not_a_text("`None`"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Item, E> {
        Err(not_a_text("`()`"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Item, A::Error> {
        Err(not_a_text("a list"))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<Item, A::Error> {
        Err(not_a_text("a part with fields"))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Item, A::Error> {
        let (name, variant): (String, _) = data.variant()?;
        if name != "When" {
            let shown: String = name.chars().take(40).collect();
            return Err(de::Error::custom(format!(
                "`{shown}( ... )` is not a text: {A_TEXT}"
            )));
        }
        variant.tuple_variant(2, WhenVisitor)
    }
}

/// The payload of `When(condition, "text")`.
struct WhenVisitor;

impl<'de> Visitor<'de> for WhenVisitor {
    type Value = Item;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a condition and a text: When(condition, \"text\")")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Item, A::Error> {
        let when: Condition = seq.next_element()?.ok_or_else(|| {
            de::Error::custom("`When` needs a condition and a text: When(condition, \"text\")")
        })?;
        let text: String = seq.next_element()?.ok_or_else(|| {
            de::Error::custom("`When` needs a text after its condition: When(condition, \"text\")")
        })?;
        Ok(Item::when(when, text))
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ItemVisitor)
    }
}

struct ParagraphsVisitor;

impl<'de> Visitor<'de> for ParagraphsVisitor {
    type Value = Paragraphs;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text, or a list of paragraphs")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Paragraphs, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Item>()? {
            items.push(item);
        }
        Ok(Paragraphs::from(items))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Paragraphs, E> {
        ItemVisitor.visit_str(v).map(Paragraphs::One)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Paragraphs, E> {
        ItemVisitor.visit_string(v).map(Paragraphs::One)
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<Paragraphs, E> {
        ItemVisitor.visit_char(v).map(Paragraphs::One)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Paragraphs, E> {
        ItemVisitor.visit_bool(v).map(Paragraphs::One)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Paragraphs, E> {
        ItemVisitor.visit_i64(v).map(Paragraphs::One)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Paragraphs, E> {
        ItemVisitor.visit_u64(v).map(Paragraphs::One)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Paragraphs, E> {
        ItemVisitor.visit_f64(v).map(Paragraphs::One)
    }

    fn visit_none<E: de::Error>(self) -> Result<Paragraphs, E> {
        ItemVisitor.visit_none().map(Paragraphs::One)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Paragraphs, E> {
        ItemVisitor.visit_unit().map(Paragraphs::One)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Paragraphs, A::Error> {
        ItemVisitor.visit_map(map).map(Paragraphs::One)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Paragraphs, A::Error> {
        ItemVisitor.visit_enum(data).map(Paragraphs::One)
    }
}

impl<'de> Deserialize<'de> for Paragraphs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ParagraphsVisitor)
    }
}

impl Serialize for Item {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Item::Plain(text) => serializer.serialize_str(text),
            Item::When(c) => {
                let mut v = serializer.serialize_tuple_variant("Item", 1, "When", 2)?;
                v.serialize_field(&c.when)?;
                v.serialize_field(&c.text)?;
                v.end()
            }
        }
    }
}

impl Serialize for Paragraphs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Paragraphs::One(item) => item.serialize(serializer),
            Paragraphs::Many(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items.iter() {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(q: &str, a: &str) -> Condition {
        Condition::Answered(q.into(), a.into())
    }

    #[derive(Debug, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    struct Part {
        #[serde(default)]
        pros: Vec<Item>,
        #[serde(default)]
        why: Paragraphs,
    }

    fn read(text: &str) -> (Option<Part>, Vec<String>) {
        let read = crate::guide::syntax::read::<Part>(text);
        let messages = read.diagnostics.iter().map(|d| d.message.clone()).collect();
        (read.value, messages)
    }

    #[test]
    fn lists_and_paragraphs_read_plain_texts_and_conditional_ones() {
        let (part, problems) = read(
            r#"Part(
                pros: ["For all.", When(Answered("country", "uk"), "For the UK.")],
                why: ["First.", When(Not(Answered("size", "one")), "Second.")],
            )"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let part = part.expect("read");
        assert_eq!(
            part.pros,
            vec![
                Item::from("For all."),
                Item::when(answered("country", "uk"), "For the UK.")
            ]
        );
        assert_eq!(part.why.items().len(), 2);
        assert_eq!(
            part.why.items()[1].condition(),
            Some(&Condition::Not(Box::new(answered("size", "one"))))
        );
        // One text reads as format 1 did; so does one `When` on its own.
        let (part, _) = read(r#"Part(why: "Only one.")"#);
        assert_eq!(part.expect("read").why, "Only one.");
        let (part, problems) = read(r#"Part(why: When(Answered("a", "b"), "Alone."))"#);
        assert!(problems.is_empty(), "{problems:?}");
        let why = part.expect("read").why;
        assert_eq!(why.items()[0].text(), "Alone.");
        assert!(matches!(why, Paragraphs::One(Item::When(_))));
    }

    #[test]
    fn a_value_that_is_not_a_text_is_named_in_the_guides_words() {
        let (_, problems) =
            read(r#"Part(pros: ["kept", 3, Maybe("x"), When(Answered("a", "b"))], why: true)"#);
        let expected = [
            "an item of `pros` could not be read and was left out: a number is not a text: a text is written \"like this\" or When(condition, \"text\")",
            "an item of `pros` could not be read and was left out: `Maybe( ... )` is not a text: a text is written \"like this\" or When(condition, \"text\")",
            // The reader counts the values in brackets itself, and supplies the missing text.
            "an item of `pros` should be a pair in brackets, like (\"a\", \"b\"); it has 1 value(s)",
            "`why` could not be read: `true` is not a text: a text is written \"like this\" or When(condition, \"text\")",
        ];
        for message in expected {
            assert!(
                problems.iter().any(|p| p == message),
                "{message}\nin {problems:#?}"
            );
        }
    }

    #[test]
    fn items_write_back_as_they_are_read() {
        let part = Part {
            pros: vec![Item::from("a"), Item::when(answered("q", "x"), "b")],
            why: Paragraphs::from("c"),
        };
        let written = ron::to_string(&part).expect("written");
        assert_eq!(
            written,
            r#"(pros:["a",When(Answered("q","x"),"b")],why:"c")"#
        );
    }

    #[test]
    fn a_plain_item_and_a_one_text_paragraph_cost_what_a_string_costs() {
        assert_eq!(std::mem::size_of::<Item>(), std::mem::size_of::<String>());
        assert_eq!(
            std::mem::size_of::<Paragraphs>(),
            std::mem::size_of::<String>()
        );
    }

    #[test]
    fn conditions_are_keyed_by_ids_whatever_the_order_of_their_parts() {
        let a = Condition::Any(vec![answered("country", "uk"), answered("country", "es")]);
        let b = Condition::Any(vec![answered("country", "es"), answered("country", "uk")]);
        assert_eq!(condition_key(&a), "any(country=es,country=uk)");
        assert_eq!(condition_key(&a), condition_key(&b));
        let c = Condition::All(vec![
            Condition::Not(Box::new(Condition::Placed("legal".into(), "formal".into()))),
            answered("stage", "new"),
        ]);
        assert_eq!(
            condition_key(&c),
            "all(not(placed(legal=formal)),stage=new)"
        );
    }

    #[test]
    fn items_are_ranked_among_those_with_the_same_condition() {
        let uk = answered("country", "uk");
        let es = answered("country", "es");
        let items = vec![
            Item::from("a"),
            Item::when(uk.clone(), "b"),
            Item::from("c"),
            Item::when(es, "d"),
            Item::when(uk, "e"),
        ];
        assert_eq!(
            key_suffixes(&items, false),
            [
                "0",
                "when(country=uk).0",
                "1",
                "when(country=es).0",
                "when(country=uk).1"
            ]
        );
        assert_eq!(
            key_suffixes(&items, true),
            [
                "",
                "when(country=uk)",
                "1",
                "when(country=es)",
                "when(country=uk).1"
            ]
        );
    }
}
