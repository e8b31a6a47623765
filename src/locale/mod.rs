//! The app's own words — everything it says that does not come from a guide — one table per
//! language (`en.rs`, `es.rs`), for every front-end: the player, workshop mode, the editor, the
//! plain mode and the reports.
//!
//! There is one lookup, [`words`], by the language of the guide being shown. A table is a
//! [`Words`] made of sections, one per part of the app that speaks; workshop mode's words are
//! their own section, beside the player's it builds on. Templates name their blanks
//! (`{count}`); [`fill`] puts the values in. Adding a language is adding one more table file and
//! a line in [`words`]; the tests check that it keeps every blank of the English table.

mod en;
mod es;

pub use en::EN;
pub use es::ES;

/// The table for a language tag (`es`, `es-AR`, …); English when there is none.
pub fn words(language: &str) -> &'static Words {
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

/// Every word of the app for one language, by the part of the app that says it.
#[derive(Debug)]
pub struct Words {
    /// Key names, as footers and help screens show them.
    pub keys: Keys,
    /// What every full-screen view says alike: moving, scrolling, help, quitting, the why overlay, a window too small.
    pub common: Common,
    /// The player: intro, questions, review, result, quitting.
    pub player: Player,
    /// What the intro says about a guide's length, in the player and the plain mode alike.
    pub intro: Intro,
    /// Workshop mode: hands, notes, the countdown, sessions, the comparison of groups.
    pub workshop: Workshop,
    /// Workshop mode's presenter and notes view: counts and recording, the timer, one writer,
    /// earlier versions of the guide.
    pub facilitator: Facilitator,
    /// The guide editor: panes, problems, the preview.
    pub editor: Editor,
    /// The plain (line) mode.
    pub plain: Plain,
    /// Results, hand-outs and comparisons, on screen and in Markdown.
    pub report: Report,
    /// The remote room: participants joining over SSH, and what the presenter shows of it.
    pub room: Room,
}

/// Joins items as a sentence lists them: `a`, `a and b`, `a, b and c` (`and` is the word).
pub fn and_list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// Key names, as footers and help screens show them.
#[derive(Debug)]
pub struct Keys {
    /// The Enter key.
    pub enter: &'static str,
    /// The Escape key.
    pub esc: &'static str,
    /// The Backspace key.
    pub backspace: &'static str,
    /// The Tab key.
    pub tab: &'static str,
    /// Shift and Tab.
    pub backtab: &'static str,
    /// The Page Up key.
    pub page_up: &'static str,
    /// The Page Down key.
    pub page_down: &'static str,
    /// The Home key.
    pub home: &'static str,
    /// The End key.
    pub end: &'static str,
    /// The up arrow.
    pub up: &'static str,
    /// The down arrow.
    pub down: &'static str,
    /// The space bar.
    pub space: &'static str,
    /// The number keys.
    pub digits: &'static str,
    /// Control and a letter; `{key}` is the letter.
    pub ctrl: &'static str,
    /// Between the keys of one binding on the help screen.
    pub or: &'static str,
    /// The left arrow.
    pub left: &'static str,
    /// The right arrow.
    pub right: &'static str,
    /// The Delete key.
    pub delete: &'static str,
    /// The key that answers yes where the app asks a yes-or-no question (`y`; `s` for "sí").
    pub yes: char,
    /// The key that answers no.
    pub no: char,
}

/// What every full-screen view says alike: moving, scrolling, help, quitting, the why overlay, a window too small.
#[derive(Debug)]
pub struct Common {
    /// Move the selection.
    pub hint_move: &'static str,
    /// Scroll a page of text.
    pub hint_scroll: &'static str,
    /// The help screen.
    pub hint_help: &'static str,
    /// Quit.
    pub hint_quit: &'static str,
    /// Close an overlay.
    pub hint_close: &'static str,
    /// Save the result.
    pub hint_save: &'static str,
    /// Jump between sections of the result.
    pub hint_section: &'static str,
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
    /// Open the help.
    pub help_help: &'static str,
    /// Quit at once.
    pub help_interrupt: &'static str,
    /// Close this overlay.
    pub help_close: &'static str,
    /// Title of the help overlay.
    pub help_title: &'static str,
    /// Title of the why pane and overlay.
    pub why_title: &'static str,
    /// When a question says nothing about why.
    pub why_missing: &'static str,
    /// Asks for a larger window.
    pub too_small: &'static str,
    /// What is needed and what there is.
    pub too_small_size: &'static str,
}

/// The player: intro, questions, review, result, quitting.
#[derive(Debug)]
pub struct Player {
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
    /// The why pane is shown: `w` hides it.
    pub hint_why_hide: &'static str,
    /// The result shows the first few changes: the key shows them all.
    pub hint_all_changes: &'static str,
    /// The result shows every change: the key shows the first few again.
    pub hint_fewer_changes: &'static str,
    /// Confirm quitting.
    pub hint_yes_quit: &'static str,
    /// Stay in the guide.
    pub hint_no_stay: &'static str,
    /// Open the selected item (edit an answer, or go on).
    pub hint_open: &'static str,
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
    /// Save the result.
    pub help_save: &'static str,
    /// Show every change that would lead elsewhere, or the first few.
    pub help_changes: &'static str,
    /// Quit (asks first when answers would be lost).
    pub help_quit: &'static str,
    /// Confirm quitting.
    pub help_yes: &'static str,
    /// Cancel quitting.
    pub help_no: &'static str,
    /// Below the key list: the mouse.
    pub help_mouse: &'static str,
    /// Below the key list: going back keeps answers.
    pub help_answers_kept: &'static str,
    /// Label before the sections the guide asks about.
    pub intro_asks_about: &'static str,
    /// Label before the dimensions the result places the group on.
    pub intro_places_you: &'static str,
    /// The button that starts the walk.
    pub intro_start: &'static str,
    /// The button when the walk has answers already.
    pub intro_continue: &'static str,
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
    /// Shown while an answer is being changed from the review.
    pub editing_note: &'static str,
    /// The header while an answer is being changed from the review.
    pub editing_header: &'static str,
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
    /// Above the outcome's title.
    pub result_kicker: &'static str,
    /// Header: which section, of how many.
    pub result_section: &'static str,
    /// Header past the result's first section: the outcome, which section, of how many.
    pub result_outcome_section: &'static str,
    /// Title of the table of contents.
    pub result_contents: &'static str,
    /// Status after saving; `{path}` is where.
    pub saved: &'static str,
    /// Status when saving failed; `{error}` says why.
    pub save_failed: &'static str,
    /// Status when there is no result to save yet.
    pub nothing_to_save: &'static str,
    /// Title of the quit overlay.
    pub quit_title: &'static str,
    /// What quitting loses; `{count}` answers.
    pub quit_body: &'static str,
    /// The same, for one answer.
    pub quit_body_one: &'static str,
    /// What quitting loses on a result not saved.
    pub quit_body_result: &'static str,
}

/// What the intro says about a guide's length, in the player and the plain mode alike: one
/// figure, from the guide's own paths (see [`crate::engine::length`]).
#[derive(Debug)]
pub struct Intro {
    /// Label before the length.
    pub length: &'static str,
    /// The number of questions on a typical path; `{n}`.
    pub questions: Plural,
    /// The length: `{questions}` (the phrase above) and `{minutes}` to talk them through.
    pub estimate: &'static str,
}

impl Intro {
    /// The length in words: "about 9 questions, about 25 minutes if you talk each one through".
    pub fn estimate(&self, questions: u32, minutes: u32) -> String {
        let questions = self.questions.of(questions as usize);
        fill(
            self.estimate,
            &[("questions", &questions), ("minutes", &minutes)],
        )
    }
}

/// Workshop mode: hands, notes, the countdown, sessions, the comparison of groups.
#[derive(Debug)]
pub struct Workshop {
    /// Add or remove raised hands.
    pub hint_hands: &'static str,
    /// Move › (the group's choice) with a number.
    pub hint_select: &'static str,
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
    /// Said after quitting a workshop: where the session is and how to go on ({file}).
    pub resume_hint: &'static str,
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

/// Workshop mode's presenter and notes view: counts and recording, the timer, one writer,
/// earlier versions of the guide.
#[derive(Debug)]
pub struct Facilitator {
    /// A number of raised hands; `{n}`.
    pub hands: Plural,
    /// A number of votes, hands and remote votes together; `{n}`.
    pub votes: Plural,
    /// The word that joins the last two items of a list.
    pub and: &'static str,
    /// A label quoted in running text; `{text}`.
    pub quote: &'static str,
    /// The line under the answers when the most hands are tied; `{answers}`, `{hands}`.
    pub tied: &'static str,
    /// Enter on an answer another one beats; `{answer}`, `{hands}`, `{leader}`, `{most}`.
    pub ask_record: &'static str,
    /// Enter on an answer tied ones beat; `{answer}`, `{hands}`, `{leaders}`, `{most}`.
    pub ask_record_tied: &'static str,
    /// Enter on an answer that no count beats, when there is another reason to ask; `{answer}`.
    pub ask_record_plain: &'static str,
    /// Said when the group answered the question with an answer this version no longer has;
    /// `{before}`.
    pub ask_replaces: &'static str,
    /// The end of every question Enter asks.
    pub ask_confirm: &'static str,
    /// Under the answers: the group's answer from an earlier version; `{answer}`.
    pub before: &'static str,
    /// Under the answers: hands for answers this version no longer has; `{hands}`.
    pub before_hands: &'static str,
    /// Under the answers: remote votes for answers this version no longer has; `{votes}`.
    pub before_online: &'static str,
    /// Status when a note that was being typed is back.
    pub draft_restored: &'static str,
    /// The time spent on the question being asked; `{time}`.
    pub on_question: &'static str,
    /// Title of the list of what an earlier version of the guide asked.
    pub earlier_title: &'static str,
    /// Above that list.
    pub earlier_intro: &'static str,
    /// In that list: the answer given; `{answer}`.
    pub earlier_answer: &'static str,
    /// In that list: raised hands; `{hands}`.
    pub earlier_hands: &'static str,
    /// In that list: remote participants' votes; `{votes}`.
    pub earlier_online: &'static str,
    /// In that list: the group's note; `{note}`.
    pub earlier_note: &'static str,
    /// In that list: minutes spent; `{minutes}`.
    pub earlier_minutes: &'static str,
    /// In that list: the question is still asked, only its answer is gone.
    pub earlier_still_asked: &'static str,
    /// A finished session whose answers no longer reach a result; `{outcome}`.
    pub reached_before: &'static str,
    /// Footer hint for the list of what an earlier version asked.
    pub hint_earlier: &'static str,
    /// Help for that key.
    pub help_earlier: &'static str,
    /// The facilitator's view: whom it follows; `{pid}`.
    pub follow_following: &'static str,
    /// The same, when the presenter's process is not known.
    pub follow_following_unknown: &'static str,
    /// The facilitator's view after the presenter closed the session.
    pub follow_gone: &'static str,
    /// The facilitator's view could not read the session; `{error}`.
    pub follow_failed: &'static str,
    /// The step the group is on; `{step}`.
    pub follow_step: &'static str,
    /// The group is on the guide's introduction.
    pub follow_intro: &'static str,
    /// The group is reviewing its answers.
    pub follow_review: &'static str,
    /// The group has reached a result; `{outcome}`.
    pub follow_result: &'static str,
    /// A countdown running; `{time}` left of `{length}`.
    pub follow_countdown: &'static str,
    /// A countdown that has run out; `{length}`.
    pub follow_countdown_up: &'static str,
    /// Heading: the hands on the question.
    pub hands_title: &'static str,
    /// Heading: the group's note.
    pub group_note_title: &'static str,
    /// Heading: a note being typed on the presenter.
    pub draft_title: &'static str,
    /// Heading: time per question.
    pub times_title: &'static str,
    /// Beside the time of the question the group is on.
    pub follow_now: &'static str,
}

/// The guide editor: panes, problems, the preview.
#[derive(Debug)]
pub struct Editor {
    /// The outline pane's title.
    pub pane_outline: &'static str,
    /// The problems pane's title.
    pub pane_problems: &'static str,
    /// The preview pane's title.
    pub pane_preview: &'static str,
    /// After the preview's title: where it plays from; `{id}` is the question.
    pub preview_from: &'static str,
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
    /// When there are none.
    pub problems_none: &'static str,
    /// Before a problem's suggested fix; `{help}`.
    pub problem_help: &'static str,
    /// Legend: an error.
    pub severity_error: &'static str,
    /// Legend: a warning.
    pub severity_warning: &'static str,
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
    /// A problem in a translation: the outline shows the guide; `{file}`.
    pub jump_translation: &'static str,
    /// A problem outside every question and outcome; `{line}`.
    pub jump_outside: &'static str,
    /// The editor could not be started; `{editor}`, `{error}`.
    pub editor_failed: &'static str,
    /// Back from the editor.
    pub editor_back: &'static str,
    /// Preview from the selected question.
    pub hint_play: &'static str,
    /// Show the problem's node.
    pub hint_jump: &'static str,
    /// The next pane.
    pub hint_pane: &'static str,
    /// Open the text editor.
    pub hint_edit: &'static str,
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
}

/// The plain (line) mode.
#[derive(Debug)]
pub struct Plain {
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
    /// The help: every command.
    pub help: &'static str,
    /// `r` before any answer.
    pub nothing_to_review: &'static str,
    /// Read back after an answer; `{answer}`.
    pub you_chose: &'static str,
    /// After the result.
    pub result_prompt: &'static str,
    /// After saving the result; `{path}`.
    pub saved: &'static str,
    /// When saving failed; `{error}`.
    pub save_failed: &'static str,
    /// `q` on a result that is not saved; `{yes}` is the key that says yes.
    pub quit_unsaved: &'static str,
}

/// The remote room: participants joining over SSH, and what the presenter shows of it.
#[derive(Debug)]
pub struct Room {
    /// This table's language tag.
    pub tag: &'static str,
    /// The language's name, in itself.
    pub language_name: &'static str,
    /// Footer: vote by number.
    pub hint_vote: &'static str,
    /// Help: vote by number.
    pub help_vote: &'static str,
    /// Help: vote for the marked answer.
    pub help_choose: &'static str,
    /// Footer: join with the name typed.
    pub hint_join: &'static str,
    /// Help: join with the name typed.
    pub help_join: &'static str,
    /// Help: delete the last letter typed.
    pub help_erase: &'static str,
    /// Footer: leave the room.
    pub hint_leave: &'static str,
    /// Help: leave the room.
    pub help_leave: &'static str,
    /// Footer: another language.
    pub hint_language: &'static str,
    /// Help: another language.
    pub help_language: &'static str,
    /// Help: choose the marked language.
    pub help_choose_language: &'static str,
    /// The name screen's title.
    pub name_title: &'static str,
    /// Before the name being typed.
    pub name_prompt: &'static str,
    /// Under the name being typed.
    pub name_note: &'static str,
    /// A name someone connected has.
    pub name_taken: &'static str,
    /// No name typed.
    pub name_empty: &'static str,
    /// The room keeps no more names.
    pub name_too_many: &'static str,
    /// The room is full.
    pub room_full: &'static str,
    /// The language screen's title.
    pub language_title: &'static str,
    /// On the intro.
    pub waiting: &'static str,
    /// On the review.
    pub reviewing: &'static str,
    /// After voting; `{number}` is the answer's number.
    pub your_vote: &'static str,
    /// Before voting.
    pub no_vote: &'static str,
    /// A vote that came after the question was recorded.
    pub vote_late: &'static str,
    /// Beside the answer the group recorded.
    pub group_answer: &'static str,
    /// Above the group's result.
    pub result_title: &'static str,
    /// The header's corner; `{name}` is the participant's.
    pub you: &'static str,
    /// Printed when the session ends.
    pub farewell_ended: &'static str,
    /// Printed when the session ends at a result.
    pub farewell_result: &'static str,
    /// Printed when a participant leaves.
    pub farewell_left: &'static str,
    /// Printed when a participant was idle too long.
    pub farewell_idle: &'static str,
    /// Shown by ssh before the password prompt.
    pub banner: &'static str,
    /// Shown by ssh to an address turned away.
    pub banner_blocked: &'static str,
    /// The presenter's join panel's title.
    pub join_title: &'static str,
    /// Before the ssh command.
    pub join_run: &'static str,
    /// Before the room code.
    pub join_code: &'static str,
    /// Before the host key's fingerprint.
    pub join_fingerprint: &'static str,
    /// When the host key was just made.
    pub join_new_key: &'static str,
    /// People in the room; `{n}` is how many.
    pub connected: Plural,
    /// The join line's code.
    pub strip_code: &'static str,
    /// An answer's remote votes; `{n}` is how many.
    pub online: &'static str,
    /// After the number of an answer's hands, the word for them and its remote votes, where
    /// there is room: `one` after 1 hand, `other` after any other number; `{online}` is how
    /// many votes.
    pub hands_online: Plural,
    /// Footer: the join panel.
    pub hint_join_panel: &'static str,
    /// Help: the join panel.
    pub help_join_panel: &'static str,
    /// Quitting with people connected: asked once ({people}: how many).
    pub quit_with_people: &'static str,
    /// The room stopped; `{error}` says why.
    pub room_failed: &'static str,
    /// In reports, before an answer's remote votes.
    pub report_online: &'static str,
}

/// Results, hand-outs and comparisons, on screen and in Markdown.
#[derive(Debug)]
pub struct Report {
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
    /// Result: how many more other outcomes a key shows, where "what would change it" is cut
    /// short; `{n}`, `{key}`.
    pub more_changes: Plural,
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
    /// Reports: after a question's minutes, what they were ("2 min spent on it").
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
    /// Hand-out: the session line when it was recorded with another version of the guide;
    /// `{date}`, `{recorded}`, `{version}`.
    pub session_recorded: &'static str,
    /// Hand-out: the heading of the notes and minutes per question.
    pub notes_and_minutes: &'static str,
    /// Reports: after hand counts where the most are tied.
    pub tied: &'static str,
    /// Reports: a finished session whose answers no longer reach a result; `{outcome}`,
    /// `{version}`.
    pub reached_before: &'static str,
}
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of a table with its text's `{blanks}`, sorted, in the order of the table
    /// (pretty Debug prints one field per line). Section headers carry no blanks.
    fn blanks(table: &Words) -> Vec<(String, Vec<String>)> {
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

    #[test]
    fn fill_replaces_every_named_blank() {
        assert_eq!(
            fill("Step {step} · {left} left", &[("step", &2), ("left", &"4")]),
            "Step 2 · 4 left"
        );
        assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
    }

    #[test]
    fn plurals_follow_the_number_in_both_languages() {
        assert_eq!(
            EN.report.other_outcomes.of(1),
            "Another choice could lead to 1 other outcome:"
        );
        assert_eq!(
            EN.report.other_outcomes.of(2),
            "Other choices could lead to 2 other outcomes:"
        );
        assert_eq!(
            ES.report.other_outcomes.of(1),
            "Otra elección podría llevar a 1 resultado distinto:"
        );
        assert_eq!(
            ES.report.other_outcomes.of(3),
            "Otras elecciones podrían llevar a 3 resultados distintos:"
        );
        let more = |table: &Words, n| fill(&table.report.more_changes.of(n), &[("key", &"c")]);
        assert_eq!(
            more(&EN, 1),
            "…and 1 more other outcome: press c to see it."
        );
        assert_eq!(
            more(&EN, 4),
            "…and 4 more other outcomes: press c to see them all."
        );
        assert_eq!(
            more(&ES, 1),
            "…y 1 resultado distinto más: presionen c para verlo."
        );
        assert_eq!(
            more(&ES, 2),
            "…y 2 resultados distintos más: presionen c para verlos todos."
        );
    }

    #[test]
    fn regional_tags_fall_back_to_their_language() {
        assert!(std::ptr::eq(words("es-AR"), &ES));
        assert!(std::ptr::eq(words("fr"), &EN));
        assert!(std::ptr::eq(words(""), &EN));
    }

    #[test]
    fn every_table_has_every_word_with_every_blank_of_english() {
        let (en, es) = (blanks(&EN), blanks(&ES));
        assert!(en.len() > 250, "every field was read: {}", en.len());
        assert_eq!(en, es);
        for table in [&EN, &ES] {
            let text = format!("{table:#?}");
            assert!(!text.contains(": \"\","), "an empty word");
        }
    }
}
