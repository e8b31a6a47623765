//! The app's own words outside the full-screen player — the plain mode and the result documents —
//! one table per language, chosen by the language of the guide being shown.
//!
//! Templates name their blanks (`{n}`); [`fill`] puts the values in. Adding a language is adding
//! one more table and a line in [`texts`].

/// The plain mode's and the reports' words, for one language.
#[derive(Debug)]
pub struct Texts {
    /// Intro: the number of questions; `{min}`, `{max}`.
    pub about_questions: &'static str,
    /// Intro: the commands.
    pub plain_commands: &'static str,
    /// Progress with a range left; `{step}`, `{min}`, `{max}`.
    pub progress_range: &'static str,
    /// Progress with an exact number left; `{step}`, `{left}`.
    pub progress_exact: &'static str,
    /// Progress at the last question; `{step}`.
    pub progress_last: &'static str,
    /// After a pre-filled answer.
    pub your_answer: &'static str,
    /// When input is not a valid answer; `{n}`.
    pub choose_hint: &'static str,
    /// Back at the first question.
    pub first_question: &'static str,
    /// Before the why-we-ask text.
    pub why_we_ask: &'static str,
    /// When a question has no why-we-ask text.
    pub no_why: &'static str,
    /// After a review shown in the middle of the walk.
    pub back_to_question: &'static str,
    /// The review's heading.
    pub review_heading: &'static str,
    /// Before stale answers.
    pub not_used: &'static str,
    /// At the review.
    pub review_prompt: &'static str,
    /// When the review's input is not valid; `{n}`.
    pub review_hint: &'static str,
    /// On quitting.
    pub stopped: &'static str,

    /// Result: who it fits.
    pub who_it_fits: &'static str,
    /// Result: the dimensions' heading.
    pub where_you_stand: &'static str,
    /// Result: a placement implied by the outcome.
    pub implied: &'static str,
    /// Result: a dimension no answer placed.
    pub not_placed: &'static str,
    /// Result: a pro of a dimension value.
    pub gives: &'static str,
    /// Result: a con of a dimension value.
    pub costs: &'static str,
    /// Result: the pros' heading.
    pub pros: &'static str,
    /// Result: the cons' heading.
    pub cons: &'static str,
    /// Result: the answers' heading.
    pub why_this_fits: &'static str,
    /// Result: unsure answers' heading.
    pub to_revisit: &'static str,
    /// Result: the situation answers' heading.
    pub because_you_are: &'static str,
    /// Result: the what-if heading.
    pub what_would_change: &'static str,
    /// Result: how many other outcomes other choices lead to; `{n}`.
    pub other_outcomes: Plural,
    /// Result: the answer to change; `{answer}`, `{question}`.
    pub choose_instead: &'static str,
    /// Result: after an outcome reached only after more questions.
    pub after_more_questions: &'static str,
    /// Result: related outcomes' heading.
    pub related: &'static str,
    /// Result: examples' heading.
    pub examples: &'static str,
    /// Result: an example's source; `{source}`.
    pub source: &'static str,
    /// Result: next steps' heading.
    pub next_steps: &'static str,
    /// Result: the last section, next steps for places other than the group's.
    pub other_countries: &'static str,
    /// Result: the closing line; `{title}`, `{version}`.
    pub from_guide: &'static str,
    /// Hand-out: the session line; `{date}`, `{version}`.
    pub session_of: &'static str,
    /// Hand-out: the answers' heading.
    pub answers: &'static str,
    /// Reports: raised hands.
    pub hands: &'static str,
    /// Reports: a note.
    pub note: &'static str,
    /// Reports: minutes, short.
    pub minutes: &'static str,
    /// Reports: a walk with no result yet.
    pub no_result: &'static str,
    /// Comparison: the title; `{n}` groups.
    pub comparison: &'static str,
    /// Comparison: the outcomes' heading.
    pub outcomes: &'static str,
    /// Comparison: one group.
    pub group: &'static str,
    /// Comparison: several groups.
    pub groups: &'static str,
    /// Comparison: the questions' heading.
    pub by_question: &'static str,
    /// Comparison: groups answered differently.
    pub split: &'static str,
    /// Comparison: every group that answered agreed.
    pub agreed: &'static str,
    /// Comparison: only one group was asked.
    pub only_one: &'static str,
    /// Comparison: a group was not asked.
    pub not_asked: &'static str,
    /// Comparison: the notes' heading.
    pub notes: &'static str,
    /// Hand-out: answers kept from an older guide version.
    pub kept: &'static str,
}

/// English.
pub static EN: Texts = Texts {
    about_questions: "About {min}–{max} questions.",
    plain_commands: "Answer with a number and Enter. Also: b back, ? why we ask, r review, q quit.",
    progress_range: "Step {step} · about {min}–{max} left",
    progress_exact: "Step {step} · {left} left",
    progress_last: "Step {step} · last question",
    your_answer: "(your answer; Enter keeps it)",
    choose_hint:
        "Type a number from 1 to {n} and press Enter (b back, ? why we ask, r review, q quit).",
    first_question: "This is the first question.",
    why_we_ask: "Why we ask:",
    no_why: "The guide does not say.",
    back_to_question:
        "(To change one of these, go back with b; to go on, answer the question below.)",
    review_heading: "Review your answers",
    not_used: "Not used (answers on a branch you left; kept in case you return):",
    review_prompt: "Press Enter to see the result, or type a step number to change that answer.",
    review_hint: "Press Enter to see the result, or type a step number from 1 to {n} to change it.",
    stopped: "Stopped. Nothing was saved.",
    who_it_fits: "Who it fits",
    where_you_stand: "Where your answers place you",
    implied: "(implied by the recommendation)",
    not_placed: "not placed by your answers",
    gives: "Gives",
    costs: "Costs",
    pros: "Pros",
    cons: "Cons and risks",
    why_this_fits: "Why this fits: your answers",
    to_revisit: "To revisit",
    because_you_are: "Because you are…",
    what_would_change: "What would change it",
    other_outcomes: Plural {
        one: "Another choice could lead to {n} other outcome:",
        other: "Other choices could lead to {n} other outcomes:",
    },
    choose_instead: "Choose “{answer}” at “{question}”",
    after_more_questions: "(after more questions)",
    related: "Related",
    examples: "Examples",
    source: "Source: {source}",
    next_steps: "Next steps",
    other_countries: "Other countries",
    from_guide: "From “{title}”, version {version}.",
    session_of: "Session of {date} · guide version {version}",
    answers: "Your answers",
    hands: "hands",
    note: "Note",
    minutes: "min",
    no_result: "The walk has not reached a result yet.",
    comparison: "Comparison of {n} groups",
    outcomes: "Outcomes",
    group: "group",
    groups: "groups",
    by_question: "Question by question",
    split: "Groups split here.",
    agreed: "All groups that answered agreed.",
    only_one: "Only one group was asked this.",
    not_asked: "not asked",
    notes: "Notes side by side",
    kept: "Answers kept from an older version of the guide (their questions changed)",
};

/// Spanish (neutral, as read in Argentina).
pub static ES: Texts = Texts {
    about_questions: "Entre {min} y {max} preguntas.",
    plain_commands: "Respondan con un número y Enter. También: b volver, ? por qué preguntamos, r repasar, q salir.",
    progress_range: "Paso {step} · quedan entre {min} y {max}",
    progress_exact: "Paso {step} · quedan {left}",
    progress_last: "Paso {step} · última pregunta",
    your_answer: "(su respuesta; Enter la mantiene)",
    choose_hint: "Escriban un número del 1 al {n} y presionen Enter (b volver, ? por qué preguntamos, r repasar, q salir).",
    first_question: "Esta es la primera pregunta.",
    why_we_ask: "Por qué preguntamos:",
    no_why: "La guía no lo dice.",
    back_to_question: "(Para cambiar una de estas, vuelvan con b; para seguir, respondan la pregunta de abajo.)",
    review_heading: "Repasen sus respuestas",
    not_used: "Sin usar (respuestas de un camino que dejaron; se guardan por si vuelven):",
    review_prompt: "Presionen Enter para ver el resultado, o escriban el número de un paso para cambiar esa respuesta.",
    review_hint: "Presionen Enter para ver el resultado, o escriban un número de paso del 1 al {n} para cambiarlo.",
    stopped: "Detenido. No se guardó nada.",
    who_it_fits: "Para quiénes es",
    where_you_stand: "Dónde los ubican sus respuestas",
    implied: "(según la recomendación)",
    not_placed: "sus respuestas no lo definen",
    gives: "Aporta",
    costs: "Cuesta",
    pros: "Ventajas",
    cons: "Desventajas y riesgos",
    why_this_fits: "Por qué encaja: sus respuestas",
    to_revisit: "Para volver a pensar",
    because_you_are: "Por su situación…",
    what_would_change: "Qué lo cambiaría",
    other_outcomes: Plural {
        one: "Otra elección podría llevar a {n} resultado distinto:",
        other: "Otras elecciones podrían llevar a {n} resultados distintos:",
    },
    choose_instead: "Elijan «{answer}» en «{question}»",
    after_more_questions: "(después de más preguntas)",
    related: "Relacionados",
    examples: "Ejemplos",
    source: "Fuente: {source}",
    next_steps: "Próximos pasos",
    other_countries: "En otros países",
    from_guide: "De «{title}», versión {version}.",
    session_of: "Sesión del {date} · versión de la guía {version}",
    answers: "Sus respuestas",
    hands: "manos",
    note: "Nota",
    minutes: "min",
    no_result: "El recorrido todavía no llegó a un resultado.",
    comparison: "Comparación de {n} grupos",
    outcomes: "Resultados",
    group: "grupo",
    groups: "grupos",
    by_question: "Pregunta por pregunta",
    split: "Acá los grupos se dividieron.",
    agreed: "Todos los grupos que respondieron coincidieron.",
    only_one: "Solo a un grupo se le hizo esta pregunta.",
    not_asked: "no se preguntó",
    notes: "Notas lado a lado",
    kept: "Respuestas guardadas de una versión anterior de la guía (sus preguntas cambiaron)",
};

/// A phrase with a number in it, in its singular and plural forms. English and Spanish both
/// use the singular for exactly one ("1 other outcome", "1 resultado") and the plural for every
/// other number, zero included.
#[derive(Debug)]
pub struct Plural {
    /// For one; `{n}` is the number.
    pub one: &'static str,
    /// For any other number; `{n}` is the number.
    pub other: &'static str,
}

impl Plural {
    /// The phrase for `n`.
    pub fn of(&self, n: usize) -> String {
        let template = if n == 1 { self.one } else { self.other };
        fill(template, &[("n", &n)])
    }
}

/// The table for a language tag (`es`, `es-AR`, …); English when there is none.
pub fn texts(language: &str) -> &'static Texts {
    match language.split('-').next().unwrap_or("") {
        "es" => &ES,
        _ => &EN,
    }
}

/// Fills the named blanks of a template: `fill("step {n}", &[("n", &4)])` is `"step 4"`.
/// Blanks without a value stay as they are, so a mistake shows instead of vanishing.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_named_blank() {
        assert_eq!(
            fill("Step {step} · {left} left", &[("step", &2), ("left", &"4")]),
            "Step 2 · 4 left"
        );
    }

    #[test]
    fn plurals_follow_the_number_in_both_languages() {
        assert_eq!(
            EN.other_outcomes.of(1),
            "Another choice could lead to 1 other outcome:"
        );
        assert_eq!(
            EN.other_outcomes.of(2),
            "Other choices could lead to 2 other outcomes:"
        );
        assert_eq!(
            ES.other_outcomes.of(1),
            "Otra elección podría llevar a 1 resultado distinto:"
        );
        assert_eq!(
            ES.other_outcomes.of(3),
            "Otras elecciones podrían llevar a 3 resultados distintos:"
        );
    }

    #[test]
    fn regional_tags_fall_back_to_their_language() {
        assert_eq!(texts("es-AR").stopped, ES.stopped);
        assert_eq!(texts("fr").stopped, EN.stopped);
    }
}
