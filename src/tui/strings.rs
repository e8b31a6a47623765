//! Every word the player shows that does not come from the guide: one table per language.
//!
//! Views never hold English text; they read it from a [`Strings`]. Adding a language is adding
//! one more `static` table here (and choosing it from the guide's language), nothing else.
//! Templates name their blanks, `{step}`; [`fill`] puts the values in.

/// The player's own words, for one language.
#[derive(Debug)]
pub struct Strings {
    // Key names, as the footer and the help screen show them.
    /// The Enter key.
    pub key_enter: &'static str,
    /// The Escape key.
    pub key_esc: &'static str,
    /// The Backspace key.
    pub key_backspace: &'static str,
    /// The Tab key.
    pub key_tab: &'static str,
    /// Shift and Tab.
    pub key_backtab: &'static str,
    /// The Page Up key.
    pub key_page_up: &'static str,
    /// The Page Down key.
    pub key_page_down: &'static str,
    /// The Home key.
    pub key_home: &'static str,
    /// The End key.
    pub key_end: &'static str,
    /// The up arrow.
    pub key_up: &'static str,
    /// The down arrow.
    pub key_down: &'static str,
    /// The space bar.
    pub key_space: &'static str,
    /// The number keys.
    pub key_digits: &'static str,
    /// Control and a letter; `{key}` is the letter.
    pub key_ctrl: &'static str,
    /// Between the keys of one binding on the help screen.
    pub key_or: &'static str,

    // Footer hints: short, a word or two.
    /// Move the selection.
    pub hint_move: &'static str,
    /// Scroll a page of text.
    pub hint_scroll: &'static str,
    /// Choose the selected answer.
    pub hint_choose: &'static str,
    /// Choose an answer by its number.
    pub hint_pick: &'static str,
    /// Start the guide.
    pub hint_start: &'static str,
    /// Go back.
    pub hint_back: &'static str,
    /// Review the answers.
    pub hint_review: &'static str,
    /// Why this question is asked.
    pub hint_why: &'static str,
    /// The help screen.
    pub hint_help: &'static str,
    /// Save the result.
    pub hint_save: &'static str,
    /// Quit.
    pub hint_quit: &'static str,
    /// Jump between sections of the result.
    pub hint_section: &'static str,
    /// Close an overlay.
    pub hint_close: &'static str,
    /// Confirm quitting.
    pub hint_yes_quit: &'static str,
    /// Stay in the guide.
    pub hint_no_stay: &'static str,
    /// Open the selected item (edit an answer, or go on).
    pub hint_open: &'static str,

    // Help screen: one line per binding.
    /// Move the selection up.
    pub help_up: &'static str,
    /// Move the selection down.
    pub help_down: &'static str,
    /// Scroll up a line.
    pub help_scroll_up: &'static str,
    /// Scroll down a line.
    pub help_scroll_down: &'static str,
    /// Page up.
    pub help_page_up: &'static str,
    /// Page down.
    pub help_page_down: &'static str,
    /// Jump to the top.
    pub help_top: &'static str,
    /// Jump to the end.
    pub help_bottom: &'static str,
    /// Next section.
    pub help_next_section: &'static str,
    /// Previous section.
    pub help_prev_section: &'static str,
    /// Start from the intro.
    pub help_start: &'static str,
    /// Choose the selected answer.
    pub help_choose: &'static str,
    /// Choose answer by number.
    pub help_pick: &'static str,
    /// Open the selected review line.
    pub help_open: &'static str,
    /// Go back a step.
    pub help_back: &'static str,
    /// Back from the result.
    pub help_back_result: &'static str,
    /// Review the answers.
    pub help_review: &'static str,
    /// Why we ask.
    pub help_why: &'static str,
    /// Open the help.
    pub help_help: &'static str,
    /// Save the result.
    pub help_save: &'static str,
    /// Quit (asks first when answers would be lost).
    pub help_quit: &'static str,
    /// Quit at once.
    pub help_interrupt: &'static str,
    /// Close this overlay.
    pub help_close: &'static str,
    /// Confirm quitting.
    pub help_yes: &'static str,
    /// Cancel quitting.
    pub help_no: &'static str,
    /// Title of the help overlay.
    pub help_title: &'static str,
    /// Below the key list: the mouse.
    pub help_mouse: &'static str,
    /// Below the key list: going back keeps answers.
    pub help_answers_kept: &'static str,

    // Intro.
    /// Label before the sections the guide asks about.
    pub intro_asks_about: &'static str,
    /// Label before the dimensions the result places the group on.
    pub intro_places_you: &'static str,
    /// Label before the length.
    pub intro_length: &'static str,
    /// A range of questions.
    pub intro_questions_range: &'static str,
    /// An exact number of questions.
    pub intro_questions_exact: &'static str,
    /// A range of minutes.
    pub intro_minutes_range: &'static str,
    /// An exact number of minutes.
    pub intro_minutes_exact: &'static str,
    /// The button that starts the walk.
    pub intro_start: &'static str,
    /// The button when the walk has answers already.
    pub intro_continue: &'static str,

    // Question.
    /// Progress: step and a range left.
    pub progress_range: &'static str,
    /// Progress: step and an exact number left.
    pub progress_exact: &'static str,
    /// Progress at the last question.
    pub progress_last: &'static str,
    /// Progress, short form for tiny windows.
    pub progress_short: &'static str,
    /// Marks the answer given before, when coming back.
    pub your_answer: &'static str,
    /// Title of the why pane and overlay.
    pub why_title: &'static str,
    /// When a question says nothing about why.
    pub why_missing: &'static str,
    /// Shown while an answer is being changed from the review.
    pub editing_note: &'static str,

    // Review.
    /// Title of the review.
    pub review_title: &'static str,
    /// How to use the review.
    pub review_help: &'static str,
    /// The number of answers.
    pub review_count: &'static str,
    /// When nothing is answered yet.
    pub review_empty: &'static str,
    /// Heading of the answers on a branch the group left.
    pub review_stale: &'static str,
    /// The button that shows the result.
    pub review_see_result: &'static str,
    /// The button that returns to the question (review opened mid-way).
    pub review_back_to_question: &'static str,

    // Result.
    /// Above the outcome's title.
    pub result_kicker: &'static str,
    /// Header: which section, of how many.
    pub result_section: &'static str,
    /// Title of the table of contents.
    pub result_contents: &'static str,
    /// Status after saving; `{path}` is where.
    pub saved: &'static str,
    /// Status when saving failed; `{error}` says why.
    pub save_failed: &'static str,
    /// Status when there is no result to save yet.
    pub nothing_to_save: &'static str,

    // Quit confirmation.
    /// Title of the quit overlay.
    pub quit_title: &'static str,
    /// What quitting loses; `{count}` answers.
    pub quit_body: &'static str,
    /// The same, for one answer.
    pub quit_body_one: &'static str,

    // Too small.
    /// Asks for a larger window.
    pub too_small: &'static str,
    /// What is needed and what there is.
    pub too_small_size: &'static str,

    /// Error for an unknown `--theme`; `{name}` is what was given.
    pub unknown_theme: &'static str,
    /// Error when the guide cannot be played.
    pub no_start: &'static str,

    // Workshop mode: keys, the presenter, notes, the countdown, sessions, the comparison.
    /// The left arrow.
    pub key_left: &'static str,
    /// The right arrow.
    pub key_right: &'static str,
    /// The Delete key.
    pub key_delete: &'static str,
    /// Add or remove raised hands.
    pub hint_hands: &'static str,
    /// Write a note.
    pub hint_note: &'static str,
    /// Start or stop the countdown.
    pub hint_countdown: &'static str,
    /// Show or hide the facilitator notes.
    pub hint_notes_pane: &'static str,
    /// Leave a text input without keeping it.
    pub hint_cancel: &'static str,
    /// Add a raised hand.
    pub help_add_hand: &'static str,
    /// Remove a raised hand.
    pub help_remove_hand: &'static str,
    /// Record the group's choice.
    pub help_record: &'static str,
    /// Move `›` (the group's choice) to an answer by number, without recording it.
    pub help_select: &'static str,
    /// Write a note on the question.
    pub help_note: &'static str,
    /// The countdown's key.
    pub help_countdown: &'static str,
    /// Show or hide the facilitator notes.
    pub help_notes_pane: &'static str,
    /// Save the note being typed.
    pub help_note_save: &'static str,
    /// Cancel the note being typed.
    pub help_note_cancel: &'static str,
    /// Move the text cursor left.
    pub help_text_left: &'static str,
    /// Move the text cursor right.
    pub help_text_right: &'static str,
    /// Go to the start of the text.
    pub help_text_start: &'static str,
    /// Go to the end of the text.
    pub help_text_end: &'static str,
    /// Delete the character before the cursor.
    pub help_text_erase: &'static str,
    /// Delete the character under the cursor.
    pub help_text_erase_forward: &'static str,
    /// Save the workshop hand-out.
    pub help_save_handout: &'static str,
    /// Save the comparison of sessions.
    pub help_save_comparison: &'static str,
    /// Quit workshop mode (nothing is lost).
    pub help_quit_session: &'static str,
    /// Below the key list in workshop mode: autosave.
    pub help_autosave: &'static str,
    /// Below the key list on a workshop question: what `›` marks and how it moves.
    pub help_workshop_choice: &'static str,
    /// Marks the answer the group recorded before.
    pub workshop_group_answer: &'static str,
    /// The calm note when the most hands are tied: Enter records the answer marked `›`.
    pub workshop_tied: &'static str,
    /// Label before the group's note.
    pub workshop_note: &'static str,
    /// Title of the facilitator notes pane.
    pub workshop_notes_title: &'static str,
    /// When a question has no facilitator notes.
    pub workshop_no_notes: &'static str,
    /// Title of the note input.
    pub note_title: &'static str,
    /// Status after saving a note.
    pub note_saved: &'static str,
    /// Status after emptying a note.
    pub note_removed: &'static str,
    /// The countdown; `{time}` is minutes:seconds.
    pub countdown_left: &'static str,
    /// The countdown at zero.
    pub countdown_up: &'static str,
    /// Status when a countdown starts; `{minutes}`.
    pub countdown_started: &'static str,
    /// Status when the countdown is turned off.
    pub countdown_stopped: &'static str,
    /// Status when the session could not be saved; `{error}`.
    pub session_save_failed: &'static str,
    /// Status when saving works again after a failure.
    pub session_saved_again: &'static str,
    /// Status when quitting while the session can't be saved.
    pub quit_unsaved: &'static str,
    /// Resumed on another guide version; `{version}` then, `{current}` now.
    pub notice_version: &'static str,
    /// Answers kept from questions or answers the guide no longer has; `{count}`.
    pub notice_kept: &'static str,
    /// The same, for one answer.
    pub notice_kept_one: &'static str,
    /// Status after saving the hand-out; `{path}`.
    pub handout_saved: &'static str,
    /// Status when the hand-out could not be saved; `{error}`.
    pub handout_failed: &'static str,
    /// Status after saving the comparison; `{path}`.
    pub comparison_saved: &'static str,
    /// Status when the comparison could not be saved; `{error}`.
    pub comparison_failed: &'static str,
    /// Title of the chart of outcomes across groups.
    pub chart_title: &'static str,
    /// Chart label for groups without a result.
    pub chart_unfinished: &'static str,
    /// When there are no sessions to compare.
    pub comparison_empty: &'static str,
}

/// The English table.
pub static ENGLISH: Strings = Strings {
    key_enter: "enter",
    key_esc: "esc",
    key_backspace: "backspace",
    key_tab: "tab",
    key_backtab: "shift-tab",
    key_page_up: "pgup",
    key_page_down: "pgdn",
    key_home: "home",
    key_end: "end",
    key_up: "↑",
    key_down: "↓",
    key_space: "space",
    key_digits: "1–9",
    key_ctrl: "ctrl-{key}",
    key_or: " ",

    hint_move: "move",
    hint_scroll: "scroll",
    hint_choose: "choose",
    hint_pick: "pick",
    hint_start: "start",
    hint_back: "back",
    hint_review: "review",
    hint_why: "why",
    hint_help: "help",
    hint_save: "save",
    hint_quit: "quit",
    hint_section: "section",
    hint_close: "close",
    hint_yes_quit: "quit",
    hint_no_stay: "stay",
    hint_open: "open",

    help_up: "move up",
    help_down: "move down",
    help_scroll_up: "scroll up a line",
    help_scroll_down: "scroll down a line",
    help_page_up: "scroll up a page",
    help_page_down: "scroll down a page",
    help_top: "go to the top",
    help_bottom: "go to the end",
    help_next_section: "next section",
    help_prev_section: "previous section",
    help_start: "start the guide",
    help_choose: "choose the selected answer",
    help_pick: "choose an answer by its number",
    help_open: "change the selected answer, or go on",
    help_back: "go back a step (your answers are kept)",
    help_back_result: "back to the review of your answers",
    help_review: "review your answers",
    help_why: "why this question is asked",
    help_help: "show this help",
    help_save: "save the result as Markdown in this folder",
    help_quit: "quit (asks first if answers would be lost)",
    help_interrupt: "quit at once",
    help_close: "close",
    help_yes: "quit, losing the answers",
    help_no: "stay",
    help_title: "Keys",
    help_mouse:
        "Mouse: click an answer to choose it; the wheel scrolls. Hold shift to select text.",
    help_answers_kept: "Going back never loses answers: they stay filled in when you return.",

    intro_asks_about: "Asks about",
    intro_places_you: "Looks at",
    intro_length: "Length",
    intro_questions_range: "about {min}–{max} questions",
    intro_questions_exact: "{count} questions",
    intro_minutes_range: "{min}–{max} minutes as a group",
    intro_minutes_exact: "{count} minutes as a group",
    intro_start: "Start",
    intro_continue: "Continue",

    progress_range: "step {step} · about {min}–{max} left",
    progress_exact: "step {step} · {count} left",
    progress_last: "step {step} · last question",
    progress_short: "{step} · {min}–{max} left",
    your_answer: "your answer",
    why_title: "Why we ask",
    why_missing: "The guide says nothing more about this question.",
    editing_note: "Changing an answer: you go back to the review after it.",

    review_title: "Your answers",
    review_help: "Enter on an answer to change it.",
    review_count: "{count} answered",
    review_empty: "No answers yet.",
    review_stale: "Not used: on a branch you left",
    review_see_result: "See the result",
    review_back_to_question: "Back to the question",

    result_kicker: "Recommended for your group",
    result_section: "{index} of {count} · {title}",
    result_contents: "Contents",
    saved: "Saved to {path}",
    save_failed: "Could not save the result: {error}",
    nothing_to_save: "There is no result to save yet.",

    quit_title: "Quit?",
    quit_body: "Your {count} answers are not saved and will be lost.",
    quit_body_one: "Your answer is not saved and will be lost.",

    too_small: "Make the window larger",
    too_small_size: "needs {need_w}×{need_h}, now {w}×{h}",

    unknown_theme: "unknown theme \"{name}\"; choose default, high-contrast or mono",
    no_start: "this guide has no first question to ask",

    key_left: "←",
    key_right: "→",
    key_delete: "delete",
    hint_hands: "hands",
    hint_note: "add note",
    hint_countdown: "timer",
    hint_notes_pane: "notes",
    hint_cancel: "cancel",
    help_add_hand: "add a raised hand to the answer you moved to (its count is bracketed when › is elsewhere)",
    help_remove_hand: "remove a raised hand from that answer",
    help_record: "record the answer marked ›, the group's choice",
    help_select: "move › to an answer by its number",
    help_note: "write a note on this question",
    help_countdown: "countdown: 2, 5, 10 minutes, then off",
    help_notes_pane: "show or hide the facilitator notes (hide them while projecting)",
    help_note_save: "save the note",
    help_note_cancel: "cancel, leaving the note as it was",
    help_text_left: "move the cursor left",
    help_text_right: "move the cursor right",
    help_text_start: "go to the start of the text",
    help_text_end: "go to the end of the text",
    help_text_erase: "delete the character before the cursor",
    help_text_erase_forward: "delete the character under the cursor",
    help_save_handout: "save the hand-out (answers, hands, notes, result) beside the session file",
    help_save_comparison: "save the comparison as Markdown in this folder",
    help_quit_session: "quit (the session is already saved)",
    help_autosave: "Every change is saved to the session file at once; quitting loses nothing.",
    help_workshop_choice: "› marks the group's choice, and enter records it. When hands change and one answer has more than every other, › moves to it; moving › yourself overrides the count until hands change again. On a tie › stays where it is.",
    workshop_group_answer: "the group's answer",
    workshop_tied: "Tied: enter records the marked answer (›).",
    workshop_note: "Note",
    workshop_notes_title: "Facilitator notes",
    workshop_no_notes: "The guide has no notes for this question.",
    note_title: "Note on this question",
    note_saved: "Note saved.",
    note_removed: "Note removed.",
    countdown_left: "{time} left",
    countdown_up: "time is up",
    countdown_started: "Countdown: {minutes} minutes.",
    countdown_stopped: "Countdown stopped.",
    session_save_failed: "Could not save the session: {error}. Nothing is lost here; the next change tries again.",
    session_saved_again: "The session is saved again.",
    quit_unsaved: "The session could not be saved. Press q again to quit anyway; the latest changes would be lost.",
    notice_version: "Resumed from guide version {version} (this is {current}).",
    notice_kept: "{count} answers kept from questions or answers this version no longer has.",
    notice_kept_one: "1 answer kept from questions or answers this version no longer has.",
    handout_saved: "Hand-out saved to {path}",
    handout_failed: "Could not save the hand-out: {error}",
    comparison_saved: "Comparison saved to {path}",
    comparison_failed: "Could not save the comparison: {error}",
    chart_title: "Outcomes across groups",
    chart_unfinished: "No result yet",
    comparison_empty: "There are no sessions to compare.",
};

pub use crate::locale::fill;

/// The table for a language tag (`es`, `es-AR`, …); English when there is none.
pub fn for_language(language: &str) -> &'static Strings {
    match language.split('-').next().unwrap_or("") {
        "es" => &SPANISH,
        _ => &ENGLISH,
    }
}

/// The Spanish table (neutral, as read in Argentina).
pub static SPANISH: Strings = Strings {
    key_enter: "enter",
    key_esc: "esc",
    key_backspace: "retroceso",
    key_tab: "tab",
    key_backtab: "mayús-tab",
    key_page_up: "re pág",
    key_page_down: "av pág",
    key_home: "inicio",
    key_end: "fin",
    key_up: "↑",
    key_down: "↓",
    key_space: "espacio",
    key_digits: "1–9",
    key_ctrl: "ctrl-{key}",
    key_or: " ",

    hint_move: "mover",
    hint_scroll: "desplazar",
    hint_choose: "elegir",
    hint_pick: "elegir n.º",
    hint_start: "empezar",
    hint_back: "volver",
    hint_review: "repasar",
    hint_why: "por qué",
    hint_help: "ayuda",
    hint_save: "guardar",
    hint_quit: "salir",
    hint_section: "sección",
    hint_close: "cerrar",
    hint_yes_quit: "salir",
    hint_no_stay: "quedarse",
    hint_open: "abrir",

    help_up: "subir",
    help_down: "bajar",
    help_scroll_up: "subir una línea",
    help_scroll_down: "bajar una línea",
    help_page_up: "subir una página",
    help_page_down: "bajar una página",
    help_top: "ir al principio",
    help_bottom: "ir al final",
    help_next_section: "sección siguiente",
    help_prev_section: "sección anterior",
    help_start: "empezar la guía",
    help_choose: "elegir la respuesta marcada",
    help_pick: "elegir una respuesta por su número",
    help_open: "cambiar la respuesta marcada, o seguir",
    help_back: "volver un paso (sus respuestas se conservan)",
    help_back_result: "volver al repaso de sus respuestas",
    help_review: "repasar sus respuestas",
    help_why: "por qué hacemos esta pregunta",
    help_help: "mostrar esta ayuda",
    help_save: "guardar el resultado en Markdown en esta carpeta",
    help_quit: "salir (pregunta antes si se perderían respuestas)",
    help_interrupt: "salir de inmediato",
    help_close: "cerrar",
    help_yes: "salir y perder las respuestas",
    help_no: "quedarse",
    help_title: "Teclas",
    help_mouse: "Mouse: hagan clic en una respuesta para elegirla; la rueda desplaza. Mantengan mayús para seleccionar texto.",
    help_answers_kept: "Volver nunca pierde respuestas: siguen completas cuando regresan.",

    intro_asks_about: "Pregunta sobre",
    intro_places_you: "Considera",
    intro_length: "Duración",
    intro_questions_range: "entre {min} y {max} preguntas",
    intro_questions_exact: "{count} preguntas",
    intro_minutes_range: "{min}–{max} minutos en grupo",
    intro_minutes_exact: "{count} minutos en grupo",
    intro_start: "Empezar",
    intro_continue: "Continuar",

    progress_range: "paso {step} · quedan entre {min} y {max}",
    progress_exact: "paso {step} · quedan {count}",
    progress_last: "paso {step} · última pregunta",
    progress_short: "{step} · {min}–{max}",
    your_answer: "su respuesta",
    why_title: "Por qué preguntamos",
    why_missing: "La guía no dice nada más sobre esta pregunta.",
    editing_note: "Están cambiando una respuesta: después vuelven al repaso.",

    review_title: "Sus respuestas",
    review_help: "Enter sobre una respuesta para cambiarla.",
    review_count: "{count} respondidas",
    review_empty: "Todavía no hay respuestas.",
    review_stale: "Sin usar: de un camino que dejaron",
    review_see_result: "Ver el resultado",
    review_back_to_question: "Volver a la pregunta",

    result_kicker: "Recomendado para su grupo",
    result_section: "{index} de {count} · {title}",
    result_contents: "Contenido",
    saved: "Guardado en {path}",
    save_failed: "No se pudo guardar el resultado: {error}",
    nothing_to_save: "Todavía no hay un resultado para guardar.",

    quit_title: "¿Salir?",
    quit_body: "Sus {count} respuestas no están guardadas y se van a perder.",
    quit_body_one: "Su respuesta no está guardada y se va a perder.",

    too_small: "Agranden la ventana",
    too_small_size: "hace falta {need_w}×{need_h}, ahora {w}×{h}",

    unknown_theme: "tema desconocido «{name}»; elijan default, high-contrast o mono",
    no_start: "esta guía no tiene una primera pregunta",

    key_left: "←",
    key_right: "→",
    key_delete: "supr",
    hint_hands: "manos",
    hint_note: "anotar",
    hint_countdown: "tiempo",
    hint_notes_pane: "notas",
    hint_cancel: "cancelar",
    help_add_hand: "sumar una mano levantada a la respuesta a la que se movieron (su cuenta va entre corchetes cuando › está en otra)",
    help_remove_hand: "quitar una mano levantada de esa respuesta",
    help_record: "registrar la respuesta marcada con ›, la elección del grupo",
    help_select: "mover › a una respuesta por su número",
    help_note: "escribir una nota sobre esta pregunta",
    help_countdown: "cuenta regresiva: 2, 5, 10 minutos, y apagada",
    help_notes_pane: "mostrar u ocultar las notas para quien facilita (ocúltenlas al proyectar)",
    help_note_save: "guardar la nota",
    help_note_cancel: "cancelar; la nota queda como estaba",
    help_text_left: "mover el cursor a la izquierda",
    help_text_right: "mover el cursor a la derecha",
    help_text_start: "ir al principio del texto",
    help_text_end: "ir al final del texto",
    help_text_erase: "borrar el carácter anterior al cursor",
    help_text_erase_forward: "borrar el carácter bajo el cursor",
    help_save_handout: "guardar el resumen para el grupo (respuestas, manos, notas, resultado) junto al archivo de la sesión",
    help_save_comparison: "guardar la comparación en Markdown en esta carpeta",
    help_quit_session: "salir (la sesión ya está guardada)",
    help_autosave: "Cada cambio se guarda al instante en el archivo de la sesión; salir no pierde nada.",
    help_workshop_choice: "› marca la elección del grupo, y enter la registra. Cuando cambian las manos y una respuesta tiene más que todas las demás, › pasa a ella; mover › a mano manda sobre el conteo hasta que cambien las manos otra vez. En un empate, › se queda donde está.",
    workshop_group_answer: "respuesta del grupo",
    workshop_tied: "Empate: enter registra la respuesta marcada (›).",
    workshop_note: "Nota",
    workshop_notes_title: "Notas para quien facilita",
    workshop_no_notes: "La guía no tiene notas para esta pregunta.",
    note_title: "Nota sobre esta pregunta",
    note_saved: "Nota guardada.",
    note_removed: "Nota borrada.",
    countdown_left: "quedan {time}",
    countdown_up: "se acabó el tiempo",
    countdown_started: "Cuenta regresiva: {minutes} minutos.",
    countdown_stopped: "Cuenta regresiva detenida.",
    session_save_failed: "No se pudo guardar la sesión: {error}. Acá no se pierde nada; el próximo cambio lo intenta de nuevo.",
    session_saved_again: "La sesión se guardó de nuevo.",
    quit_unsaved: "No se pudo guardar la sesión. Presionen q otra vez para salir igual; se perderían los últimos cambios.",
    notice_version: "Se retomó desde la versión {version} de la guía (esta es la {current}).",
    notice_kept: "Se conservan {count} respuestas de preguntas o respuestas que esta versión ya no tiene.",
    notice_kept_one: "Se conserva 1 respuesta de preguntas o respuestas que esta versión ya no tiene.",
    handout_saved: "Resumen guardado en {path}",
    handout_failed: "No se pudo guardar el resumen: {error}",
    comparison_saved: "Comparación guardada en {path}",
    comparison_failed: "No se pudo guardar la comparación: {error}",
    chart_title: "Resultados entre grupos",
    chart_unfinished: "Sin resultado todavía",
    comparison_empty: "No hay sesiones para comparar.",
};

/// Every field of a table of words with the `{blanks}` of its text, sorted. Every blank of an
/// English text must appear in its translation, or a value would silently disappear; the tests
/// of each table compare the two. Pretty Debug prints one field per line, in order.
#[cfg(test)]
pub(crate) fn blanks(table: &impl std::fmt::Debug) -> Vec<(String, Vec<String>)> {
    format!("{table:#?}")
        .lines()
        .filter_map(|line| line.trim().split_once(": "))
        .map(|(field, value)| {
            let mut names: Vec<String> = value
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            names.sort();
            (field.to_string(), names)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_keeps_every_blank_of_english() {
        let (en, es) = (blanks(&ENGLISH), blanks(&SPANISH));
        assert_eq!(en.len(), 149, "every field was read");
        assert_eq!(en, es);
    }
}
