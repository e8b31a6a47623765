//! Every word the editor shows that does not come from the guide: one table per language.
//!
//! Key names, and the words the editor says just as the player does (move, scroll, help, quit,
//! the help's title…), come from the player's table ([`crate::tui::strings`]), so they read the
//! same in both views; [`EditWords`] holds the two tables together. Templates name their blanks,
//! `{file}`; [`fill`] puts the values in.

pub use crate::tui::strings::fill;
use crate::tui::strings::Strings;

/// The words an editor's key binding reads: the editor's own, and the player's for key names and
/// the words the two views share.
#[derive(Debug, Clone, Copy)]
pub struct EditWords {
    /// The editor's own words.
    pub own: &'static EditStrings,
    /// The player's words, in the same language.
    pub player: &'static Strings,
}

/// The editor's own words, for one language.
#[derive(Debug)]
pub struct EditStrings {
    // Panes.
    /// The outline pane's title.
    pub pane_outline: &'static str,
    /// The problems pane's title.
    pub pane_problems: &'static str,
    /// The preview pane's title.
    pub pane_preview: &'static str,
    /// After the preview's title: where it plays from; `{id}` is the question.
    pub preview_from: &'static str,

    // Header.
    /// One error.
    pub count_error: &'static str,
    /// Several errors; `{count}`.
    pub count_errors: &'static str,
    /// One warning.
    pub count_warning: &'static str,
    /// Several warnings; `{count}`.
    pub count_warnings: &'static str,
    /// When the guide and its translations have no problems.
    pub count_none: &'static str,

    // Outline.
    /// The heading above the outcomes.
    pub outline_outcomes: &'static str,
    /// When there is nothing to outline: the file does not parse.
    pub outline_unparsed: &'static str,
    /// Legend: a node no path reaches.
    pub mark_unreachable: &'static str,
    /// Legend: a question from which no outcome can be reached.
    pub mark_dead_end: &'static str,
    /// Legend: a link that names nothing.
    pub mark_broken: &'static str,

    // Problems.
    /// When there are none.
    pub problems_none: &'static str,
    /// Before a problem's suggested fix; `{help}`.
    pub problem_help: &'static str,
    /// Legend: an error.
    pub severity_error: &'static str,
    /// Legend: a warning.
    pub severity_warning: &'static str,

    // Preview.
    /// When there is no good version of the guide to play.
    pub preview_waiting: &'static str,
    /// An outcome row is selected: the preview stays where it was.
    pub preview_outcome: &'static str,
    /// The preview's answer to a question no longer exists; `{question}`, `{answer}`.
    pub preview_diverged: &'static str,
    /// The question the preview started from is gone; `{id}`.
    pub preview_gone: &'static str,
    /// The preview does not write result files.
    pub preview_no_save: &'static str,

    // The status line under the panes when the file has errors.
    /// The file has errors; an older good version is shown.
    pub last_good: &'static str,
    /// The same, short, when the problems are in another tab.
    pub last_good_short: &'static str,
    /// The file has errors and there was never a good version.
    pub broken: &'static str,
    /// The file does not parse at all, and there was never a good version.
    pub unparsed: &'static str,
    /// The same, short.
    pub unparsed_short: &'static str,

    // Statuses after an action.
    /// A problem in a translation: the outline shows the guide; `{file}`.
    pub jump_translation: &'static str,
    /// A problem outside every question and outcome; `{line}`.
    pub jump_outside: &'static str,
    /// The editor could not be started; `{editor}`, `{error}`.
    pub editor_failed: &'static str,
    /// Back from the editor.
    pub editor_back: &'static str,

    // Footer hints.
    /// Preview from the selected question.
    pub hint_play: &'static str,
    /// Show the problem's node.
    pub hint_jump: &'static str,
    /// The next pane.
    pub hint_pane: &'static str,
    /// Open the text editor.
    pub hint_edit: &'static str,

    // Help lines.
    /// A page up.
    pub help_page_up: &'static str,
    /// A page down.
    pub help_page_down: &'static str,
    /// Enter in the outline.
    pub help_play: &'static str,
    /// Enter on a problem.
    pub help_jump: &'static str,
    /// The next pane.
    pub help_next_pane: &'static str,
    /// The previous pane.
    pub help_prev_pane: &'static str,
    /// Open the editor.
    pub help_edit: &'static str,
    /// Quit.
    pub help_quit: &'static str,
    /// Heading of the preview's own keys in the help.
    pub help_preview_keys: &'static str,
    /// Heading of the legend of marks in the help.
    pub help_marks: &'static str,
    /// Below the keys: the file is the source of truth.
    pub help_source_of_truth: &'static str,

    // Errors before the editor starts.
    /// The file cannot be opened; `{path}`, `{error}`.
    pub cannot_open: &'static str,
    /// Why a file cannot be opened: it does not exist.
    pub no_such_file: &'static str,
    /// Why a file cannot be opened: it is a folder or a device.
    pub not_a_file: &'static str,
    /// Not a terminal.
    pub needs_terminal: &'static str,
}

/// The English table.
pub static ENGLISH: EditStrings = EditStrings {
    pane_outline: "Outline",
    pane_problems: "Problems",
    pane_preview: "Preview",
    preview_from: "from {id}",

    count_error: "1 error",
    count_errors: "{count} errors",
    count_warning: "1 warning",
    count_warnings: "{count} warnings",
    count_none: "no problems",

    outline_outcomes: "Outcomes",
    outline_unparsed: "The file does not parse yet, so there is nothing to outline.",
    mark_unreachable: "unreachable: no path from the start leads here",
    mark_dead_end: "dead end: no outcome can be reached from here",
    mark_broken: "broken link: it names nothing in the guide",

    problems_none: "No problems: the guide and its translations are ready.",
    problem_help: "help: {help}",
    severity_error: "error: the guide cannot be played until it is fixed",
    severity_warning: "warning: probably a mistake",

    preview_waiting: "The preview starts once the guide has no errors.",
    preview_outcome: "Outcomes are reached by playing: the preview stays where it was.",
    preview_diverged: "The preview stops at \"{question}\": its answer \"{answer}\" is gone.",
    preview_gone: "Question \"{id}\" is gone: the preview starts again at the guide's start.",
    preview_no_save: "the editor does not save results; `coop-guide play` does",

    last_good: "showing the last good version; fix the errors below",
    last_good_short: "last good version; see Problems",
    broken: "the guide has errors; the preview starts once they are fixed",
    unparsed: "the file does not parse yet; fix the errors below",
    unparsed_short: "file does not parse; see Problems",

    jump_translation: "This problem is in {file}: press e to open it there.",
    jump_outside: "Line {line} is outside the questions and outcomes: press e to open it.",
    editor_failed: "Could not run {editor}: {error}",
    editor_back: "Back from the editor.",

    hint_play: "play here",
    hint_jump: "go to",
    hint_pane: "pane",
    hint_edit: "edit",

    help_page_up: "up a page",
    help_page_down: "down a page",
    help_play: "play the preview from the selected question",
    help_jump: "show the problem's question or outcome in the outline",
    help_next_pane: "next pane: outline, preview, problems",
    help_prev_pane: "previous pane",
    help_edit: "open $EDITOR at this line; the file is reloaded when you come back",
    help_quit: "quit",
    help_preview_keys: "In the preview",
    help_marks: "Marks",
    help_source_of_truth: "The file is the source of truth: this view never writes it. Save in your editor and the outline, problems and preview follow within half a second.",

    cannot_open: "cannot open {path}: {error}; `coop-guide new FILE` writes a starter guide",
    no_such_file: "no such file",
    not_a_file: "it is not a file",
    needs_terminal: "the editor needs a terminal; `coop-guide check` works without one",
};

/// The Spanish table (neutral, as read in Argentina).
pub static SPANISH: EditStrings = EditStrings {
    pane_outline: "Esquema",
    pane_problems: "Problemas",
    pane_preview: "Vista previa",
    preview_from: "desde {id}",

    count_error: "1 error",
    count_errors: "{count} errores",
    count_warning: "1 aviso",
    count_warnings: "{count} avisos",
    count_none: "sin problemas",

    outline_outcomes: "Resultados",
    outline_unparsed: "El archivo todavía no se puede leer, así que no hay esquema.",
    mark_unreachable: "inalcanzable: ningún camino desde el inicio llega acá",
    mark_dead_end: "sin salida: desde acá no se llega a ningún resultado",
    mark_broken: "enlace roto: no nombra nada de la guía",

    problems_none: "Sin problemas: la guía y sus traducciones están listas.",
    problem_help: "ayuda: {help}",
    severity_error: "error: la guía no se puede usar hasta corregirlo",
    severity_warning: "aviso: probablemente un descuido",

    preview_waiting: "La vista previa empieza cuando la guía no tenga errores.",
    preview_outcome: "A los resultados se llega jugando: la vista previa sigue donde estaba.",
    preview_diverged: "La vista previa se detiene en «{question}»: su respuesta «{answer}» ya no existe.",
    preview_gone: "La pregunta «{id}» ya no existe: la vista previa vuelve al inicio de la guía.",
    preview_no_save: "el editor no guarda resultados; `coop-guide play` sí",

    last_good: "se muestra la última versión correcta; corrijan los errores de abajo",
    last_good_short: "última versión buena; vean Problemas",
    broken: "la guía tiene errores; la vista previa empieza cuando estén corregidos",
    unparsed: "el archivo todavía no se puede leer; corrijan los errores de abajo",
    unparsed_short: "el archivo no se lee; vean Problemas",

    jump_translation: "Este problema está en {file}: presionen e para abrirlo ahí.",
    jump_outside: "La línea {line} está fuera de las preguntas y los resultados: presionen e para abrirla.",
    editor_failed: "No se pudo ejecutar {editor}: {error}",
    editor_back: "De vuelta del editor.",

    hint_play: "jugar acá",
    hint_jump: "ir",
    hint_pane: "panel",
    hint_edit: "editar",

    help_page_up: "subir una página",
    help_page_down: "bajar una página",
    help_play: "jugar la vista previa desde la pregunta marcada",
    help_jump: "mostrar en el esquema la pregunta o el resultado del problema",
    help_next_pane: "panel siguiente: esquema, vista previa, problemas",
    help_prev_pane: "panel anterior",
    help_edit: "abrir $EDITOR en esta línea; al volver se relee el archivo",
    help_quit: "salir",
    help_preview_keys: "En la vista previa",
    help_marks: "Marcas",
    help_source_of_truth: "El archivo manda: esta vista nunca lo escribe. Guarden en su editor y el esquema, los problemas y la vista previa se actualizan en medio segundo.",

    cannot_open: "no se puede abrir {path}: {error}; `coop-guide new ARCHIVO` escribe una guía de ejemplo",
    no_such_file: "no existe",
    not_a_file: "no es un archivo",
    needs_terminal: "el editor necesita una terminal; `coop-guide check` funciona sin ella",
};

/// The table for a language tag (`es`, `es-AR`, …); English when there is none.
pub fn for_language(language: &str) -> &'static EditStrings {
    match language.split('-').next().unwrap_or("") {
        "es" => &SPANISH,
        _ => &ENGLISH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::strings::blanks;

    #[test]
    fn spanish_keeps_every_blank_of_english() {
        let (en, es) = (blanks(&ENGLISH), blanks(&SPANISH));
        assert_eq!(en.len(), 51, "every field was read");
        assert_eq!(en, es);
    }
}
