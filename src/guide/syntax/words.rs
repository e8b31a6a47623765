//! The words messages use for the parts of a guide and the values they hold.
//!
//! The reader is generic over serde types; only these names tie it to the guide format. A type
//! missing from the tables is named as written (`a \`Case( ... )\``), which is still plain.

/// A part by the name written before its brackets, with its article: `Question` → "a question".
pub fn part(name: &str) -> String {
    let known = match name {
        "Guide" => "the guide",
        "Dimension" => "a dimension",
        "Value" => "a dimension value",
        "Question" => "a question",
        "Answer" => "an answer",
        "Outcome" => "an outcome",
        "Example" => "an example",
        "Step" => "a next step",
        "Test" => "a test case",
        "Translation" => "the translation",
        "Entry" => "a translation entry",
        _ => return format!("`{name}( ... )`"),
    };
    known.to_string()
}

/// What a choice of names is called in messages: `Link` → "a kind of link".
pub fn choice_noun(name: &str) -> String {
    match name {
        "Link" => "a kind of link".to_string(),
        "Condition" => "a kind of condition".to_string(),
        _ => "one of the names that belong here".to_string(),
    }
}

/// How the names of a choice are written, for "write one of these" messages.
pub fn choice_forms(name: &str, variants: &[&str]) -> String {
    let forms: Vec<String> = variants
        .iter()
        .map(|v| match (name, *v) {
            ("Link", "Goto") => "`Goto(\"question-id\")`".to_string(),
            ("Link", "End") => "`End(\"outcome-id\")`".to_string(),
            ("Link", "Branch") => "`Branch(cases: [ ... ], otherwise: ...)`".to_string(),
            ("Condition", "Answered") => "`Answered(\"question-id\", \"answer-id\")`".to_string(),
            ("Condition", "Placed") => "`Placed(\"dimension-id\", \"value-id\")`".to_string(),
            ("Condition", "Any" | "All") => format!("`{v}([ ... ])`"),
            ("Condition", "Not") => "`Not( ... )`".to_string(),
            _ => format!("`{v}( ... )`"),
        })
        .collect();
    either(&forms)
}

/// The sentence that introduces the names of a choice in a help line: "A link is", or "It is
/// written" for choices without a name of their own.
pub fn choice_intro(name: &str) -> &'static str {
    match name {
        "Link" => "A link is",
        "Condition" => "A condition is",
        _ => "It is written",
    }
}

/// "a", "a or b", "a, b or c".
pub fn either(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// A sentence that says what a field holds, for the fields whose kind of value is not obvious.
pub fn field_sentence(field: &str) -> Option<&'static str> {
    match field {
        "year" => Some("a year is a number like 2024"),
        "unsure" => Some("`unsure` is true or false"),
        "format" => Some("the format is a number like 2"),
        _ => None,
    }
}

/// Fields whose values name other parts by id, or hold parts that have ids: a value replaced
/// there would make the link checks report mistakes that are not in the file.
pub fn links_depend_on(field: &str) -> bool {
    matches!(
        field,
        "id" | "start"
            | "next"
            | "expect"
            | "related"
            | "sets"
            | "answers"
            | "questions"
            | "outcomes"
            | "dimensions"
            | "values"
            | "tests"
            | "cases"
            | "when"
            | "otherwise"
            | "guide"
            | "key"
            | "entries"
    )
}
