//! A serde `Deserializer` over the syntax tree that reports every shape problem and goes on.
//!
//! The model's `#[derive(Deserialize)]` types stay the one description of the format: this
//! deserializer learns what they expect from serde's calls (`deserialize_struct` names the
//! fields, `deserialize_enum` the kinds of link, `deserialize_u16` a number) and compares it with
//! what the file holds. Where they differ it reports the problem in the guide's words and hands
//! the type a value of the kind it asked for, so the rest of the part is still checked:
//! - a field the part does not have is reported with a did-you-mean (capitals included) and
//!   skipped before the type sees it; when the suggested field is not written, the value is read
//!   as that field, so a misspelt `Label:` does not also make `label` missing;
//! - a field written twice is reported and the second one skipped;
//! - a value of the wrong kind is reported and replaced by an empty one (`""`, `0`, `false`, `[]`,
//!   a part with empty fields, the first kind of link);
//! - `Some(value)` is accepted everywhere with a warning that asks for the bare value;
//! - an unknown kind of link is read as the suggested one (`goto` → `Goto`).
//!
//! Two things only a type knows: which fields are required, and what a hand-written
//! `Deserialize` accepts. When a part lacks a required field, or such a type refuses a value,
//! the whole read is tried again knowing it (the field is then supplied empty and reported; the
//! refused value is left out of its list, or replaced, and reported). Each try learns at least
//! one thing, and the number of tries is bounded.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{self, value::BorrowedStrDeserializer, DeserializeSeed, Visitor};

use super::lexer::shorten;
use super::tree::{Kind, NodeId, Tree};
use super::{words, Problems, Span};
use crate::guide::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::guide::to_u32;

/// What earlier tries of a read learnt.
#[derive(Debug, Default)]
pub struct Learned {
    /// Fields the types require, by the name of the part.
    pub required: HashMap<String, HashSet<&'static str>>,
    /// Values a type refused, with its reason.
    pub refused: HashMap<NodeId, Refusal>,
}

/// A value a type refused.
#[derive(Debug, Clone)]
pub struct Refusal {
    /// The type's reason, in words.
    pub message: String,
    /// True when the type wanted a part, a link or a list (leaving it out can mislead the link
    /// checks).
    pub structural: bool,
}

impl Learned {
    /// Takes in a failed try's error; false when there is nothing new to learn (give up).
    pub fn learn(&mut self, e: &Error, root: NodeId) -> bool {
        if let (Some(field), Some(part)) = (e.missing, &e.part) {
            return self.required.entry(part.clone()).or_default().insert(field);
        }
        match e.node {
            Some(node) if node != root && !self.refused.contains_key(&node) => {
                self.refused.insert(
                    node,
                    Refusal {
                        message: e.message.clone(),
                        structural: e.structural,
                    },
                );
                true
            }
            _ => false,
        }
    }
}

/// Why a try failed: a required field, or a value a type refused.
#[derive(Debug)]
pub struct Error {
    /// The reason, in words.
    pub message: String,
    /// The required field that was missing.
    pub missing: Option<&'static str>,
    /// The part it was missing from.
    pub part: Option<String>,
    /// The innermost node being read when it failed.
    pub node: Option<NodeId>,
    /// What was asked of that node was a part, a link or a list.
    pub structural: bool,
}

impl Error {
    fn new(message: String) -> Self {
        Error {
            message,
            missing: None,
            part: None,
            node: None,
            structural: false,
        }
    }

    fn at(mut self, node: Option<NodeId>, structural: bool) -> Self {
        if self.node.is_none() && node.is_some() {
            self.node = node;
            self.structural = structural;
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::new(msg.to_string())
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error::new(format!(
            "{} where {} belongs",
            plain_unexpected(&unexp),
            plain_expected(&exp.to_string())
        ))
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error::new(format!(
            "{} is not {}",
            plain_unexpected(&unexp),
            plain_expected(&exp.to_string())
        ))
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        Error::new(format!(
            "{len} value(s) where {} belongs",
            plain_expected(&exp.to_string())
        ))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let names: Vec<String> = expected.iter().map(|v| format!("`{v}`")).collect();
        Error::new(format!(
            "`{}` is not one of {}",
            shorten(variant),
            words::either(&names)
        ))
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        Error::new(format!(
            "there is no field called `{}` here",
            shorten(field)
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        let mut e = Error::new(format!("`{field}` is missing"));
        e.missing = Some(field);
        e
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::new(format!("`{field}` is written twice"))
    }
}

/// serde's description of what it expected, in the guide's words.
fn plain_expected(expected: &str) -> String {
    let e = expected.trim_start_matches("a ").trim_start_matches("an ");
    let words = match e {
        "string" | "borrowed string" | "char" => "text in double quotes",
        "sequence" => "a list in square brackets [ ... ]",
        "boolean" | "bool" => "true or false",
        "map" => "fields in brackets ( ... )",
        _ if e.starts_with('u') || e.starts_with('i') && e[1..].parse::<u8>().is_ok() => {
            "a whole number"
        }
        _ if e.starts_with("tuple of size ") => "values in brackets, like (\"a\", \"b\")",
        _ if e.starts_with("struct ") => {
            return format!("{} in brackets ( ... )", words::part(&e["struct ".len()..]))
        }
        _ if e.starts_with("enum ") => "a name with its value in brackets",
        _ => return expected.to_string(),
    };
    words.to_string()
}

fn plain_unexpected(unexp: &de::Unexpected<'_>) -> String {
    use de::Unexpected as U;
    match unexp {
        U::Bool(b) => format!("`{b}`"),
        U::Unsigned(n) => format!("the number {n}"),
        U::Signed(n) => format!("the number {n}"),
        U::Float(n) => format!("the number {n}"),
        U::Char(c) => format!("'{c}'"),
        U::Str(s) => format!("the text \"{}\"", shorten(s)),
        U::Bytes(_) => "text".to_string(),
        U::Unit | U::Option => "nothing".to_string(),
        U::NewtypeStruct | U::NewtypeVariant | U::TupleVariant | U::StructVariant => {
            "a name with values in brackets".to_string()
        }
        U::UnitVariant | U::Enum => "a name".to_string(),
        U::Seq => "a list".to_string(),
        U::Map => "fields in brackets".to_string(),
        U::Other(s) => (*s).to_string(),
    }
}

/// A list item that was left out, by its list's path and where it sat among the items kept.
#[derive(Debug, Clone)]
pub struct Dropped {
    /// The list's value path.
    pub list: String,
    /// How many items of the list were kept before it.
    pub kept_before: u32,
}

#[derive(Debug, Clone, Copy)]
enum Seg<'t> {
    Field(&'t str),
    Index(u32),
}

/// A value to read: a node, or an empty value standing for a missing or unusable one (the
/// node nearest to it, for errors).
#[derive(Debug, Clone, Copy)]
enum Val {
    Node(NodeId),
    Empty(Option<NodeId>),
}

/// What a type asked for, for messages.
#[derive(Debug, Clone, Copy)]
enum Expect<'s> {
    Text,
    Char,
    Bool,
    Number { whole: bool },
    List,
    Tuple(usize),
    Part(&'s str),
    Choice(&'s str, &'s [&'s str]),
    Nothing,
    Fields,
}

impl Expect<'_> {
    fn phrase(self) -> String {
        match self {
            Expect::Text => "text in double quotes".to_string(),
            Expect::Char => "one character in single quotes".to_string(),
            Expect::Bool => "true or false".to_string(),
            Expect::Number { whole: true } => "a whole number like 3".to_string(),
            Expect::Number { whole: false } => "a number like 1.5".to_string(),
            Expect::List => "a list in square brackets [ ... ]".to_string(),
            Expect::Tuple(2) => "a pair in brackets, like (\"a\", \"b\")".to_string(),
            Expect::Tuple(n) => format!("{n} values in brackets, like (\"a\", \"b\", ...)"),
            Expect::Part(name) => format!("{} written `{name}( ... )`", words::part(name)),
            Expect::Choice(name, variants) => words::choice_forms(name, variants),
            Expect::Nothing => "nothing, written ()".to_string(),
            Expect::Fields => "fields in brackets, like ( name: \"...\" )".to_string(),
        }
    }
}

/// One try at reading a file's tree into a type.
pub struct Reader<'t, 'l> {
    text: &'t str,
    tree: &'t Tree,
    learned: &'l Learned,
    /// Problems found so far (the syntax problems first).
    pub problems: Problems,
    path: Vec<Seg<'t>>,
    /// Paths whose value was replaced (their problems are already reported).
    pub recovered: Vec<String>,
    /// List items left out.
    pub dropped: Vec<Dropped>,
    /// True when a replaced value was a part or a link, so the links may be wrong.
    pub guessed: bool,
    /// A group read as the payload of a named value (`Branch(cases: ...)`): its name is the
    /// value's, not the part's.
    anonymous: Option<NodeId>,
    /// Suggestions for unknown field names, by the part's list of fields and the name written
    /// (a file repeating one misspelling pays for one search).
    suggestions: HashMap<(usize, &'t str), Option<usize>>,
}

impl<'t, 'l> Reader<'t, 'l> {
    /// A try over `tree`, knowing what earlier tries learnt.
    pub fn new(text: &'t str, tree: &'t Tree, learned: &'l Learned, problems: Problems) -> Self {
        Reader {
            text,
            tree,
            learned,
            problems,
            path: Vec::new(),
            recovered: Vec::new(),
            dropped: Vec::new(),
            guessed: false,
            anonymous: None,
            suggestions: HashMap::new(),
        }
    }

    /// The deserializer for the whole file.
    pub fn root<'a>(&'a mut self, root: NodeId) -> De<'a, 't, 'l> {
        De {
            r: self,
            v: Val::Node(root),
        }
    }

    fn path_string(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Seg::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    fn recover(&mut self) {
        let path = self.path_string();
        self.recovered.push(path);
        if self.nearest_field().is_some_and(words::links_depend_on) {
            self.guessed = true;
        }
    }

    /// Reads `v` with `seg` on the path, so that what it reports says where it is.
    fn read_at<V: DeserializeSeed<'t>>(&mut self, seg: Seg<'t>, v: Val, seed: V) -> Res<V::Value> {
        self.path.push(seg);
        let value = seed.deserialize(De { r: self, v });
        self.path.pop();
        value
    }

    /// Notes that the value at `seg` was replaced, after `report` (if any) said why.
    fn recover_at(&mut self, seg: Seg<'t>, report: Option<(NodeId, &Refusal, bool)>) {
        self.path.push(seg);
        if let Some((node, refusal, in_list)) = report {
            self.report_refused(node, refusal, in_list);
        }
        self.recover();
        self.path.pop();
    }

    /// The innermost field name on the path (`answers` for `tests[0].answers[1][0]`).
    fn nearest_field(&self) -> Option<&'t str> {
        self.path.iter().rev().find_map(|seg| match seg {
            Seg::Field(f) => Some(*f),
            Seg::Index(_) => None,
        })
    }

    /// What the value being read is, for messages: "`year`", "an item of `pros`".
    fn subject(&self) -> String {
        match self.path.as_slice() {
            [] => "the file".to_string(),
            [.., Seg::Field(f)] => format!("`{f}`"),
            [.., Seg::Field(f), Seg::Index(_)] => format!("an item of `{f}`"),
            [.., Seg::Index(_), Seg::Index(_)] => "a value in brackets".to_string(),
            [Seg::Index(_)] => "an item".to_string(),
        }
    }

    fn field_here(&self) -> Option<&'t str> {
        match self.path.last() {
            Some(Seg::Field(f)) => Some(f),
            _ => None,
        }
    }

    fn span(&self, n: NodeId) -> Span {
        self.tree.span(n)
    }

    fn raw(&self, n: NodeId) -> &'t str {
        self.tree.raw(self.text, n)
    }

    /// Looks through `Some(value)`, with a warning, and treats unreadable nodes as empty.
    fn look(&mut self, v: Val) -> Option<NodeId> {
        let Val::Node(mut n) = v else {
            return None;
        };
        while let Some(inner) = self.tree.some_inner(self.text, n) {
            self.warn_some(n, inner);
            n = inner;
        }
        if self.tree.kind(n) == Kind::Junk {
            self.recover();
            return None;
        }
        Some(n)
    }

    fn warn_some(&mut self, outer: NodeId, inner: NodeId) {
        let head = self.tree.head(self.text, outer);
        let bare = shorten(self.raw(inner));
        let subject = self.subject();
        self.problems.warn(|| {
            Diagnostic::new(
                Code::Wrapped,
                format!("{subject} does not need `Some( ... )` around its value"),
            )
            .at_span(head, "not needed")
            .help(format!("write `{bare}` on its own"))
        });
    }

    fn describe(&self, n: NodeId) -> String {
        let raw = self.raw(n);
        match self.tree.kind(n) {
            Kind::Str | Kind::RawStr => {
                format!(
                    "the text \"{}\"",
                    shorten(&self.tree.text_start(self.text, n, 256))
                )
            }
            Kind::Char => format!("{} in single quotes", shorten(raw)),
            Kind::Number => format!("the number {}", shorten(raw)),
            Kind::Word if raw == "true" || raw == "false" => format!("`{raw}`"),
            Kind::Word if raw == "None" => "`None`".to_string(),
            Kind::Word => format!("`{}` without quotes", shorten(raw)),
            Kind::Paren | Kind::Brace => match self.tree.name(self.text, n) {
                Some(name) => format!("`{}( ... )`", shorten(name)),
                None => "values in round brackets ( ... )".to_string(),
            },
            Kind::List => "a list [ ... ]".to_string(),
            Kind::Junk => "something unreadable".to_string(),
        }
    }

    /// Reports a value of the wrong kind and marks it as replaced. Inside brackets that were
    /// never closed the value is only replaced: the syntax problem explains it.
    fn wrong(&mut self, n: NodeId, expect: Expect<'_>) {
        if !self.tree.damaged(n) {
            self.wrong_kept(n, expect);
        }
        self.recover();
        if matches!(expect, Expect::Choice(..)) {
            self.guessed = true;
        }
    }

    /// Reports a value of the wrong kind that is still read (a list in round brackets).
    fn wrong_kept(&mut self, n: NodeId, expect: Expect<'_>) {
        if !self.problems.lists_errors() {
            self.problems.hide();
            return;
        }
        let found = self.describe(n);
        let raw = self.raw(n);
        let kind = self.tree.kind(n);
        let sentence = self.field_here().and_then(words::field_sentence);
        let subject = self.subject();
        let message = match sentence {
            Some(sentence) => format!("{sentence}, not {found}"),
            None => format!("{subject} should be {}, not {found}", expect.phrase()),
        };
        let text = match kind {
            Kind::Str | Kind::RawStr => Some(self.tree.text_start(self.text, n, 256).into_owned()),
            _ => None,
        };
        let help = match (expect, kind) {
            (_, Kind::Word) if raw == "None" => {
                Some("leave the field out, or write its value".to_string())
            }
            (Expect::Text, Kind::Number | Kind::Word | Kind::Char) => Some(format!(
                "write it in double quotes: \"{}\"",
                shorten(raw.trim_matches('\''))
            )),
            (Expect::Number { .. }, Kind::Str | Kind::RawStr)
                if text
                    .as_deref()
                    .is_some_and(|t| parse_number(t.trim()).is_ok()) =>
            {
                Some(format!(
                    "write the number without quotes: {}",
                    shorten(text.as_deref().unwrap_or("").trim())
                ))
            }
            (Expect::Bool, _) => Some("write true or false, without quotes".to_string()),
            (Expect::List, Kind::Str | Kind::RawStr | Kind::Number) => {
                Some(format!("put it in square brackets: [{}]", shorten(raw)))
            }
            (Expect::List, _) => Some("put it in square brackets: [ ... ]".to_string()),
            (Expect::Choice(name, variants), Kind::Str | Kind::RawStr) => {
                let id = shorten(text.as_deref().unwrap_or(""));
                Some(bare_text_help(name, variants, &id))
            }
            (Expect::Part(name), _) => Some(format!("write `{name}(` with its fields `)` here")),
            _ => None,
        };
        let span = self.span(n);
        self.problems.push(|| {
            let mut d =
                Diagnostic::new(Code::WrongType, message).at_span(span, "wrong kind of value");
            d.help = help;
            d
        });
    }

    /// True (and said) when `n` is the brackets of a kind of link or condition that hold
    /// fields where its value belongs (`Not(x: 1)`, `Any(x: 1)`). Those brackets are read as a
    /// part's own when the value is a part; a list or another link or condition cannot be
    /// read from them, and reading them again as one would never end.
    fn fields_for_a_value(&mut self, n: NodeId, expect: Expect<'_>) -> bool {
        if self.anonymous.take_if(|a| *a == n).is_none() {
            return false;
        }
        let span = self.span(n);
        let name = shorten(self.tree.name(self.text, n).unwrap_or_default());
        let value = expect.phrase();
        self.recover();
        self.guessed = true;
        self.problems.push(|| {
            Diagnostic::new(
                Code::Count,
                format!("`{name}( ... )` holds fields where its value belongs"),
            )
            .at_span(span, "fields, no value")
            .help(format!("write {value} inside `{name}( )`"))
        });
        true
    }

    /// A group's name compared with the part's (`Question(` where a question belongs).
    fn check_name(&mut self, n: NodeId, part: &str) {
        if self.anonymous.take() == Some(n) {
            return;
        }
        let Some(name) = self.tree.name(self.text, n) else {
            return;
        };
        if name == part || name.strip_prefix("r#") == Some(part) {
            return;
        }
        let head = self.tree.head(self.text, n);
        let written = shorten(name);
        let (message, help) = if name.eq_ignore_ascii_case(part) {
            (
                format!("`{written}(` is written with other capitals than `{part}(`"),
                format!("write `{part}(`: capital letters matter"),
            )
        } else {
            (
                format!(
                    "found `{written}( ... )` where {} belongs",
                    words::part(part)
                ),
                format!("write `{part}(` here, or leave the name out"),
            )
        };
        self.problems.push(|| {
            Diagnostic::new(Code::WrongName, message)
                .at_span(head, "wrong name")
                .help(help)
        });
    }

    fn refused(&self, n: NodeId) -> Option<&'l Refusal> {
        self.learned.refused.get(&n)
    }

    fn report_refused(&mut self, n: NodeId, refusal: &Refusal, left_out: bool) {
        let subject = self.subject();
        let span = self.span(n);
        let message = if left_out {
            format!(
                "{subject} could not be read and was left out: {}",
                refusal.message
            )
        } else {
            format!("{subject} could not be read: {}", refusal.message)
        };
        self.problems.push(|| {
            Diagnostic::new(Code::WrongType, message)
                .at_span(span, if left_out { "left out" } else { "not read" })
        });
    }

    fn node_for_errors(v: Val) -> Option<NodeId> {
        match v {
            Val::Node(n) => Some(n),
            Val::Empty(n) => n,
        }
    }
}

fn bare_text_help(name: &str, variants: &[&str], id: &str) -> String {
    if name == "Link" && variants.contains(&"Goto") && variants.contains(&"End") {
        format!(
            "write `Goto(\"{id}\")` to go on to question \"{id}\", or `End(\"{id}\")` to end at outcome \"{id}\""
        )
    } else {
        let first = variants.first().copied().unwrap_or("Name");
        format!("write the name before the brackets, such as `{first}(\"{id}\")`")
    }
}

/// A number as written: whole numbers exactly, others as `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Number {
    Whole(i128),
    Fraction(f64),
}

fn parse_number(raw: &str) -> Result<Number, ()> {
    let cleaned;
    let s = if raw.contains('_') {
        cleaned = raw.replace('_', "");
        cleaned.as_str()
    } else {
        raw
    };
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let radix = [("0x", 16), ("0o", 8), ("0b", 2)]
        .iter()
        .find_map(|(p, r)| digits.strip_prefix(p).map(|d| (d, *r)));
    if let Some((d, r)) = radix {
        let value = i128::from_str_radix(d, r).map_err(|_| ())?;
        return Ok(Number::Whole(if negative { -value } else { value }));
    }
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits
            .parse::<i128>()
            .map(|v| Number::Whole(if negative { -v } else { v }))
            .map_err(|_| ());
    }
    match s {
        "inf" | "+inf" => return Ok(Number::Fraction(f64::INFINITY)),
        "-inf" => return Ok(Number::Fraction(f64::NEG_INFINITY)),
        "NaN" => return Ok(Number::Fraction(f64::NAN)),
        _ => {}
    }
    if s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
        return Err(());
    }
    s.parse::<f64>().map(Number::Fraction).map_err(|_| ())
}

/// The deserializer for one value.
pub struct De<'a, 't, 'l> {
    r: &'a mut Reader<'t, 'l>,
    v: Val,
}

type Res<T> = Result<T, Error>;

fn tag<T>(result: Res<T>, at: Option<NodeId>, structural: bool) -> Res<T> {
    result.map_err(|e| e.at(at, structural))
}

impl<'a, 't, 'l> De<'a, 't, 'l> {
    fn at(&self) -> Option<NodeId> {
        Reader::node_for_errors(self.v)
    }

    fn whole<V: Visitor<'t>>(
        mut self,
        visitor: V,
        range: (i128, i128),
        call: fn(V, i128) -> Res<V::Value>,
    ) -> Res<V::Value> {
        let at = self.at();
        let Some(n) = self.r.look(self.v) else {
            return tag(call(visitor, 0), at, false);
        };
        let value = match self.r.tree.kind(n) {
            Kind::Number => match parse_number(self.r.raw(n)) {
                Ok(Number::Whole(x)) if (range.0..=range.1).contains(&x) => x,
                Ok(Number::Whole(x)) => {
                    let side = if x > range.1 {
                        "too large"
                    } else {
                        "too small"
                    };
                    let what = match self.r.field_here().and_then(words::field_sentence) {
                        Some(sentence) => format!("{sentence}; {x} is {side}"),
                        None => format!(
                            "{} can be from {} to {}, not {x}",
                            self.r.subject(),
                            range.0,
                            range.1
                        ),
                    };
                    self.number_problem(n, &what);
                    0
                }
                Ok(Number::Fraction(_)) => {
                    let what = format!("{} must be a whole number", self.r.subject());
                    self.number_problem(n, &what);
                    0
                }
                Err(()) => {
                    let what = format!("`{}` is not a number", shorten(self.r.raw(n)));
                    self.number_problem(n, &what);
                    0
                }
            },
            _ => {
                self.r.wrong(n, Expect::Number { whole: true });
                0
            }
        };
        tag(call(visitor, value), at, false)
    }

    fn number_problem(&mut self, n: NodeId, what: &str) {
        let sentence = self.r.field_here().and_then(words::field_sentence);
        let message = what.to_string();
        let span = self.r.span(n);
        self.r.recover();
        self.r.problems.push(|| {
            let d = Diagnostic::new(Code::Number, message).at_span(span, "this number");
            match sentence {
                Some(s) => d.help(s),
                None => d.help("write digits only, like 3"),
            }
        });
    }

    fn fraction<V: Visitor<'t>>(
        mut self,
        visitor: V,
        call: fn(V, f64) -> Res<V::Value>,
    ) -> Res<V::Value> {
        let at = self.at();
        let Some(n) = self.r.look(self.v) else {
            return tag(call(visitor, 0.0), at, false);
        };
        let value = match (self.r.tree.kind(n), parse_number(self.r.raw(n))) {
            (Kind::Number | Kind::Word, Ok(Number::Whole(x))) => x as f64,
            (Kind::Number | Kind::Word, Ok(Number::Fraction(x))) => x,
            (Kind::Number, Err(())) => {
                let raw = shorten(self.r.raw(n));
                self.number_problem(n, &format!("`{raw}` is not a number"));
                0.0
            }
            _ => {
                self.r.wrong(n, Expect::Number { whole: false });
                0.0
            }
        };
        tag(call(visitor, value), at, false)
    }

    fn string<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        let at = self.at();
        let Some(n) = self.r.look(self.v) else {
            return tag(visitor.visit_borrowed_str(""), at, false);
        };
        let result = match self.r.tree.kind(n) {
            Kind::Str | Kind::RawStr => match self.r.tree.text(self.r.text, n) {
                std::borrow::Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
                std::borrow::Cow::Owned(s) => visitor.visit_string(s),
            },
            _ => {
                self.r.wrong(n, Expect::Text);
                visitor.visit_borrowed_str("")
            }
        };
        tag(result, at, false)
    }

    fn sequence<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        let at = self.at();
        let r = self.r;
        let Some(n) = r.look(self.v) else {
            return tag(visitor.visit_seq(Items::empty(r)), at, true);
        };
        if r.fields_for_a_value(n, Expect::List) {
            return tag(visitor.visit_seq(Items::empty(r)), at, true);
        }
        let result = match r.tree.kind(n) {
            Kind::List => visitor.visit_seq(Items::new(r, n)),
            Kind::Paren | Kind::Brace if r.tree.name(r.text, n).is_none() => {
                r.wrong_kept(n, Expect::List);
                visitor.visit_seq(Items::new(r, n))
            }
            _ if r.tree.damaged(n) => {
                r.recover();
                visitor.visit_seq(Items::empty(r))
            }
            _ => {
                // One value where a list belongs: most likely a list of one.
                r.wrong_kept(n, Expect::List);
                visitor.visit_seq(Items::single(r, n))
            }
        };
        tag(result, at, true)
    }

    fn tuple<V: Visitor<'t>>(
        self,
        len: usize,
        name: Option<&'static str>,
        visitor: V,
    ) -> Res<V::Value> {
        let at = self.at();
        let r = self.r;
        let Some(n) = r.look(self.v) else {
            return tag(visitor.visit_seq(Tuple::empty(r, len, at)), at, true);
        };
        let result = match r.tree.kind(n) {
            Kind::Paren | Kind::List | Kind::Brace => {
                if let Some(name) = name {
                    r.check_name(n, name);
                }
                visitor.visit_seq(Tuple::new(r, n, len))
            }
            _ => {
                r.wrong(n, Expect::Tuple(len));
                visitor.visit_seq(Tuple::empty(r, len, Some(n)))
            }
        };
        tag(result, at, true)
    }

    fn structure<V: Visitor<'t>>(
        self,
        part: &'t str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        let at = self.at();
        let r = self.r;
        let result = match r.look(self.v) {
            None => visitor.visit_map(Fields::empty(r, part, fields, at)),
            Some(n) => match r.tree.kind(n) {
                Kind::Paren | Kind::Brace => {
                    r.check_name(n, part);
                    visitor.visit_map(Fields::new(r, n, part, fields))
                }
                _ => {
                    r.wrong(n, Expect::Part(part));
                    visitor.visit_map(Fields::empty(r, part, fields, Some(n)))
                }
            },
        };
        result.map_err(|mut e| {
            if e.missing.is_some() && e.part.is_none() {
                e.part = Some(part.to_string());
            }
            e.at(at, true)
        })
    }

    fn choice<V: Visitor<'t>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        let at = self.at();
        let r = self.r;
        let first = variants.first().copied().unwrap_or("");
        // Nothing there, or fields where the value belongs (reported): the first choice, empty.
        let Some(n) = r
            .look(self.v)
            .filter(|&n| !r.fields_for_a_value(n, Expect::Choice(name, variants)))
        else {
            r.guessed = true;
            return tag(
                visitor.visit_enum(Choice {
                    r,
                    variant: first,
                    payload: Payload::Empty(at),
                }),
                at,
                true,
            );
        };
        let kind = r.tree.kind(n);
        let written = match kind {
            Kind::Word => Some(r.raw(n)),
            Kind::Paren | Kind::Brace => r.tree.name(r.text, n),
            _ => None,
        };
        let (variant, payload) = match written {
            Some(w) => {
                let w = w.strip_prefix("r#").unwrap_or(w);
                let payload = if kind == Kind::Word {
                    Payload::Bare(n)
                } else {
                    Payload::Group(n)
                };
                match variants.iter().find(|v| **v == w) {
                    Some(v) => (*v, payload),
                    None => match r.unknown_choice(n, w, name, variants) {
                        Some(v) => (v, payload),
                        None => (first, Payload::Empty(Some(n))),
                    },
                }
            }
            None => {
                r.wrong(n, Expect::Choice(name, variants));
                match kind {
                    Kind::Str | Kind::RawStr => (first, Payload::Value(n)),
                    _ => (first, Payload::Empty(Some(n))),
                }
            }
        };
        tag(
            visitor.visit_enum(Choice {
                r,
                variant,
                payload,
            }),
            at,
            true,
        )
    }

    fn any<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        let at = self.at();
        let r = self.r;
        let v = self.v;
        let Some(n) = r.look(v) else {
            return tag(visitor.visit_borrowed_str(""), at, false);
        };
        let result = match r.tree.kind(n) {
            Kind::Str | Kind::RawStr => {
                return De { r, v: Val::Node(n) }.string(visitor);
            }
            Kind::Char => match r.tree.text(r.text, n).chars().next() {
                Some(c) => visitor.visit_char(c),
                None => visitor.visit_borrowed_str(""),
            },
            Kind::Number => match parse_number(r.raw(n)) {
                Ok(Number::Whole(x)) => match (u64::try_from(x), i64::try_from(x)) {
                    (Ok(u), _) => visitor.visit_u64(u),
                    (_, Ok(i)) => visitor.visit_i64(i),
                    _ => visitor.visit_f64(x as f64),
                },
                Ok(Number::Fraction(x)) => visitor.visit_f64(x),
                Err(()) => {
                    let raw = shorten(r.raw(n));
                    De { r, v: Val::Node(n) }
                        .number_problem(n, &format!("`{raw}` is not a number"));
                    return tag(visitor.visit_u64(0), at, false);
                }
            },
            Kind::Word => match r.raw(n) {
                "true" => visitor.visit_bool(true),
                "false" => visitor.visit_bool(false),
                "None" => {
                    r.warn_none(n);
                    visitor.visit_none()
                }
                word => visitor.visit_enum(Choice {
                    r,
                    variant: word,
                    payload: Payload::Bare(n),
                }),
            },
            Kind::Paren | Kind::Brace => match r.tree.name(r.text, n) {
                Some(name) => visitor.visit_enum(Choice {
                    r,
                    variant: name,
                    payload: Payload::Group(n),
                }),
                None if r
                    .tree
                    .items(n)
                    .any(|i| r.tree.node(i).field != super::tree::NO_FIELD) =>
                {
                    visitor.visit_map(AnyFields::new(r, n))
                }
                None => visitor.visit_seq(Items::new(r, n)),
            },
            Kind::List => visitor.visit_seq(Items::new(r, n)),
            Kind::Junk => visitor.visit_borrowed_str(""),
        };
        tag(result, Some(n), false)
    }
}

impl Reader<'_, '_> {
    fn warn_none(&mut self, n: NodeId) {
        let span = self.span(n);
        let subject = self.subject();
        self.problems.warn(|| {
            Diagnostic::new(Code::Wrapped, format!("{subject} does not need `None`"))
                .at_span(span, "not needed")
                .help("leave the field out instead")
        });
    }

    /// Reports a name that is not one of `variants`; returns the one meant when it is clear.
    fn unknown_choice(
        &mut self,
        n: NodeId,
        written: &str,
        name: &str,
        variants: &'static [&'static str],
    ) -> Option<&'static str> {
        let head = self.tree.head(self.text, n);
        let head = if self.tree.kind(n) == Kind::Word {
            self.span(n)
        } else {
            head
        };
        let suggestion = did_you_mean(written, variants.iter().copied());
        let shown = shorten(written);
        let noun = words::choice_noun(name);
        let forms = words::choice_forms(name, variants);
        let help = match suggestion {
            Some(s) if s.eq_ignore_ascii_case(written) => {
                format!("write `{s}`: capital letters matter")
            }
            Some(s) => format!("did you mean `{s}`? {} {forms}", words::choice_intro(name)),
            None => format!("write {forms}"),
        };
        let message = if matches!(name, "Link" | "Condition") {
            format!("`{shown}` is not {noun}")
        } else {
            format!("`{shown}` is not {noun}: {forms}")
        };
        self.problems.push(|| {
            Diagnostic::new(Code::UnknownVariant, message)
                .at_span(head, "unknown name")
                .help(help)
        });
        if suggestion.is_none() {
            self.recover();
            self.guessed = true;
        }
        suggestion
    }
}

macro_rules! whole_numbers {
    ($($method:ident => $visit:ident as $t:ty;)*) => {$(
        fn $method<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
            // `whole` checks the range first, so the conversion cannot fail.
            self.whole(visitor, (i128::from(<$t>::MIN), i128::from(<$t>::MAX)), |v, x| {
                v.$visit(<$t>::try_from(x).unwrap_or_default())
            })
        }
    )*};
}

impl<'t> de::Deserializer<'t> for De<'_, 't, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        self.any(visitor)
    }

    fn deserialize_bool<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        let at = self.at();
        let Some(n) = self.r.look(self.v) else {
            return tag(visitor.visit_bool(false), at, false);
        };
        let value = match (self.r.tree.kind(n), self.r.raw(n)) {
            (Kind::Word, "true") => true,
            (Kind::Word, "false") => false,
            _ => {
                self.r.wrong(n, Expect::Bool);
                false
            }
        };
        tag(visitor.visit_bool(value), at, false)
    }

    whole_numbers! {
        deserialize_i8 => visit_i8 as i8;
        deserialize_i16 => visit_i16 as i16;
        deserialize_i32 => visit_i32 as i32;
        deserialize_i64 => visit_i64 as i64;
        deserialize_u8 => visit_u8 as u8;
        deserialize_u16 => visit_u16 as u16;
        deserialize_u32 => visit_u32 as u32;
        deserialize_u64 => visit_u64 as u64;
    }

    fn deserialize_i128<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        self.whole(visitor, (i128::MIN, i128::MAX), |v, x| v.visit_i128(x))
    }

    fn deserialize_u128<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        self.whole(visitor, (0, i128::MAX), |v, x| v.visit_u128(x as u128))
    }

    fn deserialize_f32<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        // A fraction too precise for f32 is rounded, as every reader of f32 does.
        #[allow(clippy::cast_possible_truncation)]
        self.fraction(visitor, |v, x| v.visit_f32(x as f32))
    }

    fn deserialize_f64<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        self.fraction(visitor, |v, x| v.visit_f64(x))
    }

    fn deserialize_char<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        let at = self.at();
        let Some(n) = self.r.look(self.v) else {
            return tag(visitor.visit_char(' '), at, false);
        };
        let c = match self.r.tree.kind(n) {
            Kind::Char | Kind::Str | Kind::RawStr => {
                let text = self.r.tree.text(self.r.text, n);
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            }
            _ => None,
        };
        let c = c.unwrap_or_else(|| {
            self.r.wrong(n, Expect::Char);
            ' '
        });
        tag(visitor.visit_char(c), at, false)
    }

    fn deserialize_str<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        self.string(visitor)
    }

    fn deserialize_string<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        self.string(visitor)
    }

    fn deserialize_bytes<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        self.string(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        self.string(visitor)
    }

    fn deserialize_option<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        let at = self.at();
        let r = self.r;
        match self.v {
            Val::Empty(_) => tag(visitor.visit_none(), at, false),
            Val::Node(n) => match r.tree.some_inner(r.text, n) {
                Some(inner) => {
                    r.warn_some(n, inner);
                    tag(
                        visitor.visit_some(De {
                            r,
                            v: Val::Node(inner),
                        }),
                        at,
                        false,
                    )
                }
                None if r.tree.kind(n) == Kind::Word && r.raw(n) == "None" => {
                    r.warn_none(n);
                    tag(visitor.visit_none(), at, false)
                }
                None => tag(visitor.visit_some(De { r, v: Val::Node(n) }), at, false),
            },
        }
    }

    fn deserialize_unit<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        let at = self.at();
        if let Some(n) = self.r.look(self.v) {
            let empty_group = self.r.tree.kind(n) == Kind::Paren && self.r.tree.items(n).is_empty();
            if !empty_group {
                self.r.wrong(n, Expect::Nothing);
            }
        }
        tag(visitor.visit_unit(), at, false)
    }

    fn deserialize_unit_struct<V: Visitor<'t>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Res<V::Value> {
        let at = self.at();
        if let Some(n) = self.r.look(self.v) {
            let fits = match self.r.tree.kind(n) {
                Kind::Word => self.r.raw(n) == name,
                Kind::Paren => self.r.tree.items(n).is_empty(),
                _ => false,
            };
            if !fits {
                self.r.wrong(n, Expect::Part(name));
            }
        }
        tag(visitor.visit_unit(), at, false)
    }

    fn deserialize_newtype_struct<V: Visitor<'t>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Res<V::Value> {
        let at = self.at();
        let r = self.r;
        let inner = match r.look(self.v) {
            Some(n) if r.tree.kind(n) == Kind::Paren => {
                let named = r.tree.name(r.text, n);
                let items = r.tree.items(n);
                let single =
                    items.len() == 1 && r.tree.node(items.start).field == super::tree::NO_FIELD;
                if single && named.is_none_or(|w| w == name) {
                    Val::Node(items.start)
                } else {
                    self.v
                }
            }
            _ => self.v,
        };
        tag(visitor.visit_newtype_struct(De { r, v: inner }), at, false)
    }

    fn deserialize_seq<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        self.sequence(visitor)
    }

    fn deserialize_tuple<V: Visitor<'t>>(self, len: usize, visitor: V) -> Res<V::Value> {
        self.tuple(len, None, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'t>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Res<V::Value> {
        self.tuple(len, Some(name), visitor)
    }

    fn deserialize_map<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        let at = self.at();
        let r = self.r;
        let result = match r.look(self.v) {
            Some(n) if matches!(r.tree.kind(n), Kind::Paren | Kind::Brace) => {
                visitor.visit_map(AnyFields::new(r, n))
            }
            Some(n) => {
                r.wrong(n, Expect::Fields);
                visitor.visit_map(AnyFields::empty(r))
            }
            None => visitor.visit_map(AnyFields::empty(r)),
        };
        tag(result, at, true)
    }

    fn deserialize_struct<V: Visitor<'t>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        self.structure(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'t>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        self.choice(name, variants, visitor)
    }

    fn deserialize_identifier<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        let at = self.at();
        match self.r.look(self.v) {
            Some(n) if self.r.tree.kind(n) == Kind::Word => {
                let word = self.r.raw(n);
                tag(visitor.visit_borrowed_str(word), at, false)
            }
            _ => De {
                r: self.r,
                v: self.v,
            }
            .string(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'t>>(self, visitor: V) -> Res<V::Value> {
        visitor.visit_unit()
    }
}

/// The items of a list.
struct Items<'a, 't, 'l> {
    r: &'a mut Reader<'t, 'l>,
    next: u32,
    end: u32,
    kept: u32,
    check_fields: bool,
}

impl<'a, 't, 'l> Items<'a, 't, 'l> {
    fn new(r: &'a mut Reader<'t, 'l>, list: NodeId) -> Self {
        let range = r.tree.items(list);
        let check_fields = r.tree.kind(list) == Kind::List && !r.tree.damaged(list);
        Items {
            r,
            next: range.start,
            end: range.end,
            kept: 0,
            check_fields,
        }
    }

    fn single(r: &'a mut Reader<'t, 'l>, item: NodeId) -> Self {
        Items {
            r,
            next: item,
            end: item + 1,
            kept: 0,
            check_fields: false,
        }
    }

    fn empty(r: &'a mut Reader<'t, 'l>) -> Self {
        Items {
            r,
            next: 0,
            end: 0,
            kept: 0,
            check_fields: false,
        }
    }
}

impl<'t> de::SeqAccess<'t> for Items<'_, 't, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'t>>(&mut self, seed: T) -> Res<Option<T::Value>> {
        while self.next < self.end {
            let i = self.next;
            self.next += 1;
            if let Some(refusal) = self.r.refused(i) {
                self.r.path.push(Seg::Index(self.kept));
                self.r.report_refused(i, refusal, true);
                self.r.path.pop();
                let list = self.r.path_string();
                self.r.dropped.push(Dropped {
                    list,
                    kept_before: self.kept,
                });
                self.r.guessed |= refusal.structural;
                continue;
            }
            if self.check_fields {
                if let Some(span) = self.r.tree.field_span(self.r.text, i) {
                    let name = shorten(self.r.text.get(span.start..span.end).unwrap_or(""));
                    self.r.problems.push(|| {
                        Diagnostic::new(
                            Code::Misplaced,
                            format!("a list holds values, not fields like `{name}:`"),
                        )
                        .at_span(span, "a field name inside a list")
                        .help("is a `]` missing before it? Otherwise write the value alone")
                    });
                }
            }
            let at = Seg::Index(self.kept);
            self.kept += 1;
            return self.r.read_at(at, Val::Node(i), seed).map(Some);
        }
        Ok(None)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.end - self.next) as usize)
    }
}

/// Exactly `len` values from a bracket: missing ones empty, extra ones reported.
struct Tuple<'a, 't, 'l> {
    r: &'a mut Reader<'t, 'l>,
    items: Vec<NodeId>,
    len: usize,
    k: usize,
    parent: Option<NodeId>,
}

impl<'a, 't, 'l> Tuple<'a, 't, 'l> {
    fn new(r: &'a mut Reader<'t, 'l>, group: NodeId, len: usize) -> Self {
        let items: Vec<NodeId> = r.tree.positional(group).collect();
        if items.len() != len && !r.tree.damaged(group) {
            let span = match items.get(len) {
                Some(&extra) => r.span(extra),
                None => r.span(group),
            };
            let subject = r.subject();
            let found = items.len();
            let expected = Expect::Tuple(len).phrase();
            r.problems.push(|| {
                Diagnostic::new(
                    Code::Count,
                    format!("{subject} should be {expected}; it has {found} value(s)"),
                )
                .at_span(
                    span,
                    if found > len {
                        "one too many"
                    } else {
                        "too few values"
                    },
                )
                .help(format!("write exactly {len} value(s) in the brackets"))
            });
            if found < len {
                r.recover();
            }
        }
        Tuple {
            r,
            items,
            len,
            k: 0,
            parent: Some(group),
        }
    }

    fn empty(r: &'a mut Reader<'t, 'l>, len: usize, parent: Option<NodeId>) -> Self {
        Tuple {
            r,
            items: Vec::new(),
            len,
            k: 0,
            parent,
        }
    }
}

impl<'t> de::SeqAccess<'t> for Tuple<'_, 't, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'t>>(&mut self, seed: T) -> Res<Option<T::Value>> {
        if self.k >= self.len {
            return Ok(None);
        }
        self.r.path.push(Seg::Index(to_u32(self.k)));
        let v = match self.items.get(self.k) {
            Some(&i) => match self.r.refused(i) {
                Some(refusal) => {
                    self.r.report_refused(i, refusal, false);
                    self.r.recover();
                    Val::Empty(Some(i))
                }
                None => Val::Node(i),
            },
            None => Val::Empty(self.parent),
        };
        self.k += 1;
        let value = seed.deserialize(De { r: self.r, v });
        self.r.path.pop();
        value.map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.len - self.k)
    }
}

/// The fields of a part, checked against the names its type has.
struct Fields<'a, 't, 'l> {
    r: &'a mut Reader<'t, 'l>,
    group: Option<NodeId>,
    next: u32,
    end: u32,
    part: &'t str,
    fields: &'static [&'static str],
    seen: Vec<bool>,
    reported: Vec<bool>,
    /// Where each field is first written, found once when first needed.
    first: Option<Vec<Option<NodeId>>>,
    unnamed: bool,
    supplied: usize,
    value: Val,
    current: &'static str,
    quiet: bool,
    damaged: bool,
}

impl<'a, 't, 'l> Fields<'a, 't, 'l> {
    fn new(
        r: &'a mut Reader<'t, 'l>,
        group: NodeId,
        part: &'t str,
        fields: &'static [&'static str],
    ) -> Self {
        let range = r.tree.items(group);
        let damaged = r.tree.damaged(group);
        Fields {
            r,
            group: Some(group),
            next: range.start,
            end: range.end,
            part,
            fields,
            seen: vec![false; fields.len()],
            reported: vec![false; fields.len()],
            first: None,
            unnamed: false,
            supplied: 0,
            value: Val::Empty(Some(group)),
            current: "",
            quiet: false,
            damaged,
        }
    }

    fn empty(
        r: &'a mut Reader<'t, 'l>,
        part: &'t str,
        fields: &'static [&'static str],
        near: Option<NodeId>,
    ) -> Self {
        Fields {
            r,
            group: near,
            next: 0,
            end: 0,
            part,
            fields,
            seen: vec![false; fields.len()],
            reported: vec![false; fields.len()],
            first: None,
            unnamed: false,
            supplied: 0,
            value: Val::Empty(near),
            current: "",
            quiet: true,
            damaged: false,
        }
    }

    /// Where field `k` is first written in this part (one pass over the part, the first time).
    fn written_here(&mut self, k: usize) -> Option<NodeId> {
        if self.first.is_none() {
            let mut first = vec![None; self.fields.len()];
            if let Some(group) = self.group.filter(|_| !self.quiet) {
                for i in self.r.tree.items(group) {
                    let name = self.r.tree.field(self.r.text, i);
                    if let Some(k) = self.fields.iter().position(|f| Some(*f) == name) {
                        first[k].get_or_insert(i);
                    }
                }
            }
            self.first = Some(first);
        }
        self.first.as_ref().and_then(|first| first[k])
    }

    /// Reports an unknown field; returns the field meant, when it is clear and not written.
    fn unknown(&mut self, i: NodeId, name: &'t str) -> Option<usize> {
        let fields = self.fields;
        let suggestion = *self
            .r
            .suggestions
            .entry((fields.as_ptr() as usize, name))
            .or_insert_with(|| {
                did_you_mean(name, fields.iter().copied())
                    .and_then(|s| fields.iter().position(|f| *f == s))
            });
        let usable = suggestion.filter(|&k| !self.seen[k] && self.written_here(k).is_none());
        let span = self
            .r
            .tree
            .field_span(self.r.text, i)
            .unwrap_or_else(|| self.r.span(i));
        let part = words::part(self.part);
        let shown = shorten(name);
        let help = match suggestion.map(|k| self.fields[k]) {
            Some(s) if s.eq_ignore_ascii_case(name) => {
                format!("write `{s}`: field names are written in small letters")
            }
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the fields it can have are: {}", self.fields.join(", ")),
        };
        self.r.problems.push(|| {
            Diagnostic::new(
                Code::UnknownField,
                format!("{part} has no field called `{shown}`"),
            )
            .at_span(span, "unknown field")
            .help(help)
        });
        usable
    }
}

impl<'t> de::MapAccess<'t> for Fields<'_, 't, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'t>>(&mut self, seed: K) -> Res<Option<K::Value>> {
        while self.next < self.end {
            let i = self.next;
            self.next += 1;
            let Some(name) = self.r.tree.field(self.r.text, i) else {
                self.unnamed = true;
                if !self.damaged {
                    let span = self.r.span(i);
                    let part = words::part(self.part);
                    let list = self.fields.join(", ");
                    self.r.problems.push(|| {
                        Diagnostic::new(Code::Misplaced, format!("a value without a field name in {part}"))
                            .at_span(span, "which field is this?")
                            .help(format!("write `name: value`; the fields are: {list}. Is a `)` missing before it?"))
                    });
                }
                continue;
            };
            let k = match self.fields.iter().position(|f| *f == name) {
                Some(k) => k,
                None => match self.unknown(i, name) {
                    Some(k) => k,
                    None => continue,
                },
            };
            if self.seen[k] {
                let span = self
                    .r
                    .tree
                    .field_span(self.r.text, i)
                    .unwrap_or_else(|| self.r.span(i));
                let first = self
                    .written_here(k)
                    .and_then(|f| self.r.tree.field_span(self.r.text, f));
                let field = self.fields[k];
                let part = words::part(self.part);
                self.r.problems.push(|| {
                    let d = Diagnostic::new(
                        Code::DuplicateField,
                        format!("`{field}` is written twice in {part}"),
                    )
                    .at_span(span, "second time")
                    .help("keep one of the two");
                    match first {
                        Some(first) if first != span => d.also_span(first, "first time"),
                        _ => d,
                    }
                });
                continue;
            }
            if let Some(refusal) = self.r.refused(i) {
                self.r
                    .recover_at(Seg::Field(self.fields[k]), Some((i, refusal, false)));
                self.r.guessed |= refusal.structural;
                self.reported[k] = true;
                continue;
            }
            self.seen[k] = true;
            self.value = Val::Node(i);
            self.current = self.fields[k];
            return seed
                .deserialize(BorrowedStrDeserializer::new(self.fields[k]))
                .map(Some);
        }
        while self.supplied < self.fields.len() {
            let k = self.supplied;
            self.supplied += 1;
            let field = self.fields[k];
            let required = self
                .r
                .learned
                .required
                .get(self.part)
                .is_some_and(|fields| fields.contains(field));
            if self.seen[k] || !required {
                continue;
            }
            self.seen[k] = true;
            self.r.recover_at(Seg::Field(field), None);
            // A part with values written without field names probably holds the missing one
            // among them: that was reported already.
            if !self.quiet && !self.damaged && !self.reported[k] && !self.unnamed {
                if let Some(group) = self.group {
                    let head = self.r.tree.head(self.r.text, group);
                    let part = words::part(self.part);
                    self.r.problems.push(|| {
                        Diagnostic::new(
                            Code::MissingField,
                            format!("{part} is missing its `{field}`"),
                        )
                        .at_span(head, format!("no `{field}` in here"))
                        .help(format!("add `{field}: ...` inside the brackets"))
                    });
                }
            }
            self.value = Val::Empty(self.group);
            self.current = field;
            return seed
                .deserialize(BorrowedStrDeserializer::new(field))
                .map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'t>>(&mut self, seed: V) -> Res<V::Value> {
        self.r.read_at(Seg::Field(self.current), self.value, seed)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.end - self.next) as usize)
    }
}

/// The fields of a group read without knowing the names beforehand (a map, or a type that asks
/// for anything).
struct AnyFields<'a, 't, 'l> {
    r: &'a mut Reader<'t, 'l>,
    next: u32,
    end: u32,
    value: Val,
    current: &'t str,
}

impl<'a, 't, 'l> AnyFields<'a, 't, 'l> {
    fn new(r: &'a mut Reader<'t, 'l>, group: NodeId) -> Self {
        let range = r.tree.items(group);
        AnyFields {
            r,
            next: range.start,
            end: range.end,
            value: Val::Empty(Some(group)),
            current: "",
        }
    }

    fn empty(r: &'a mut Reader<'t, 'l>) -> Self {
        AnyFields {
            r,
            next: 0,
            end: 0,
            value: Val::Empty(None),
            current: "",
        }
    }
}

impl<'t> de::MapAccess<'t> for AnyFields<'_, 't, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'t>>(&mut self, seed: K) -> Res<Option<K::Value>> {
        while self.next < self.end {
            let i = self.next;
            self.next += 1;
            let Some(name) = self.r.tree.field(self.r.text, i) else {
                continue;
            };
            self.value = Val::Node(i);
            self.current = name;
            return seed
                .deserialize(BorrowedStrDeserializer::new(name))
                .map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'t>>(&mut self, seed: V) -> Res<V::Value> {
        self.r.read_at(Seg::Field(self.current), self.value, seed)
    }
}

/// What follows a name: its brackets, nothing, or (for a bare text where a name belongs) the
/// text itself.
#[derive(Debug, Clone, Copy)]
enum Payload {
    Group(NodeId),
    Bare(NodeId),
    Value(NodeId),
    Empty(Option<NodeId>),
}

/// A name with its payload (`Goto("x")`), for enums.
struct Choice<'a, 't, 'l> {
    r: &'a mut Reader<'t, 'l>,
    variant: &'t str,
    payload: Payload,
}

impl<'a, 't, 'l> de::EnumAccess<'t> for Choice<'a, 't, 'l> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'t>>(self, seed: V) -> Res<(V::Value, Self)> {
        let value = seed.deserialize(BorrowedStrDeserializer::new(self.variant))?;
        Ok((value, self))
    }
}

impl<'t> Choice<'_, 't, '_> {
    /// Reports a name written without the brackets its value needs.
    fn needs_brackets(&mut self, n: NodeId) {
        let span = self.r.span(n);
        let name = shorten(self.variant);
        let subject = self.r.subject();
        self.r.recover();
        self.r.guessed = true;
        self.r.problems.push(|| {
            Diagnostic::new(
                Code::Count,
                format!("{subject}: `{name}` needs its value in brackets"),
            )
            .at_span(span, "no brackets")
            .help(format!("write `{name}( ... )` with its value inside"))
        });
    }
}

impl<'t> de::VariantAccess<'t> for Choice<'_, 't, '_> {
    type Error = Error;

    fn unit_variant(self) -> Res<()> {
        if let Payload::Group(n) = self.payload {
            if !self.r.tree.items(n).is_empty() {
                let span = self.r.span(n);
                let name = shorten(self.variant);
                self.r.problems.push(|| {
                    Diagnostic::new(Code::Count, format!("`{name}` takes no values in brackets"))
                        .at_span(span, "not read")
                        .help(format!("write `{name}` on its own"))
                });
            }
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'t>>(mut self, seed: T) -> Res<T::Value> {
        let v = match self.payload {
            Payload::Group(n) => {
                let tree = self.r.tree;
                let positional: Vec<NodeId> = tree.positional(n).take(2).collect();
                let has_fields = tree
                    .items(n)
                    .any(|i| tree.node(i).field != super::tree::NO_FIELD);
                if has_fields && positional.is_empty() {
                    // `Name(field: ...)`: the value is a part written inside the name's brackets.
                    self.r.anonymous = Some(n);
                    return seed.deserialize(De {
                        r: self.r,
                        v: Val::Node(n),
                    });
                }
                match positional.as_slice() {
                    [] => {
                        let span = self.r.span(n);
                        let name = shorten(self.variant);
                        self.r.recover_at(Seg::Index(0), None);
                        self.r.guessed = true;
                        self.r.problems.push(|| {
                            Diagnostic::new(
                                Code::Count,
                                format!("`{name}( )` needs a value in its brackets"),
                            )
                            .at_span(span, "empty")
                            .help(format!("write `{name}(\"...\")`"))
                        });
                        Val::Empty(Some(n))
                    }
                    [one, rest @ ..] => {
                        if let Some(&extra) = rest.first() {
                            let span = self.r.span(extra);
                            let name = shorten(self.variant);
                            self.r.problems.push(|| {
                                Diagnostic::new(
                                    Code::Count,
                                    format!("`{name}( ... )` takes one value"),
                                )
                                .at_span(span, "one too many")
                                .help("keep one value in the brackets")
                            });
                        }
                        match self.r.refused(*one) {
                            Some(refusal) => {
                                self.r
                                    .recover_at(Seg::Index(0), Some((*one, refusal, false)));
                                Val::Empty(Some(*one))
                            }
                            None => Val::Node(*one),
                        }
                    }
                }
            }
            Payload::Bare(n) => {
                self.needs_brackets(n);
                Val::Empty(Some(n))
            }
            Payload::Value(n) => Val::Node(n),
            Payload::Empty(n) => Val::Empty(n),
        };
        self.r.read_at(Seg::Index(0), v, seed)
    }

    fn tuple_variant<V: Visitor<'t>>(mut self, len: usize, visitor: V) -> Res<V::Value> {
        match self.payload {
            Payload::Group(n) => visitor.visit_seq(Tuple::new(self.r, n, len)),
            Payload::Bare(n) => {
                self.needs_brackets(n);
                visitor.visit_seq(Tuple::empty(self.r, len, Some(n)))
            }
            Payload::Value(n) => {
                let mut tuple = Tuple::empty(self.r, len, Some(n));
                tuple.items.push(n);
                visitor.visit_seq(tuple)
            }
            Payload::Empty(n) => visitor.visit_seq(Tuple::empty(self.r, len, n)),
        }
    }

    fn struct_variant<V: Visitor<'t>>(
        mut self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        let part = self.variant;
        match self.payload {
            Payload::Group(n) => {
                self.r.anonymous = Some(n);
                De {
                    r: self.r,
                    v: Val::Node(n),
                }
                .structure(part, fields, visitor)
            }
            Payload::Bare(n) => {
                self.needs_brackets(n);
                De {
                    r: self.r,
                    v: Val::Empty(Some(n)),
                }
                .structure(part, fields, visitor)
            }
            Payload::Value(n) | Payload::Empty(Some(n)) => De {
                r: self.r,
                v: Val::Empty(Some(n)),
            }
            .structure(part, fields, visitor),
            Payload::Empty(None) => De {
                r: self.r,
                v: Val::Empty(None),
            }
            .structure(part, fields, visitor),
        }
    }
}
