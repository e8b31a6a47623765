//! Flow tests of the editor (`coop-guide edit`): keys and reloads sent into the real editor
//! state, with the state and the rendered frame checked along the way. No terminal involved;
//! the driver's reload is driven by handing the editor a new reading of the file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use coop_guide::tui::look::Looks;
use std::path::Path;

use coop_guide::guide::Code;
use coop_guide::report::outline::{Mark, RowKind};
use coop_guide::tui::edit::keymap::{self, Context};
use coop_guide::tui::edit::outline::NodeKey;
use coop_guide::tui::edit::{Action, App, Effect, Origin, Pane, Snapshot, Version};
use coop_guide::tui::input::Input;
use coop_guide::tui::layers::Status;
use coop_guide::tui::player::Screen;
use coop_guide::tui::Theme;
use coop_guide::watch::Watcher;
use ratatui::style::Modifier;
use support::edit::{copy_to_temp, editor, press, reload, rewrite};
use support::{buffer, text, DECISION};

/// The question the preview is on, by id.
fn preview_question(app: &App) -> Option<String> {
    let player = app.preview()?.player();
    match player.screen() {
        Screen::Question { question, .. } => Some(player.guide().questions[question].id.clone()),
        _ => None,
    }
}

fn selected_key(app: &App) -> Option<NodeKey> {
    app.outline().key(app.selected()).cloned()
}

fn question(id: &str) -> Option<NodeKey> {
    Some(NodeKey::Question(id.into()))
}

/// Saves a file by writing a new one and renaming it over the old, as vim and many editors do.
fn save_by_rename(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in the file");
    let temp = path.with_extension("ron.tmp");
    std::fs::write(&temp, text.replacen(from, to, 1)).expect("write");
    std::fs::rename(&temp, path).expect("rename");
}

#[test]
fn the_outline_shows_sections_questions_answers_with_targets_and_outcomes() {
    let app = editor(DECISION, 120, 35);
    assert_eq!(app.version(), Version::Current);
    let rows = app.outline().rows();
    let kinds: Vec<RowKind> = rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds[0], RowKind::Section);
    assert_eq!(kinds[1], RowKind::Question(0));
    assert_eq!(kinds[2], RowKind::Answer(0, 0));
    assert!(kinds.contains(&RowKind::Outcomes));
    assert_eq!(
        selected_key(&app),
        question("size"),
        "the start is selected"
    );
    let shown = text(&app);
    for expected in [
        "Your group",
        "size  How many people take part",
        "→ pace",
        "⇒ consent",
        "Outcomes",
        "mandates  Mandated teams",
        "✓ no problems",
    ] {
        assert!(shown.contains(expected), "{expected:?} missing:\n{shown}");
    }
    // Each node carries its line in the file.
    let source = std::fs::read_to_string(DECISION).expect("read");
    let small = rows
        .iter()
        .find(|r| r.kind == RowKind::Answer(0, 0))
        .expect("row");
    let line = source.lines().nth(small.line - 1).expect("line");
    assert!(line.contains("Answer("), "{line}");
}

#[test]
fn unreachable_and_dead_end_nodes_carry_a_symbol_and_a_style() {
    let app = editor("tests/fixtures/edit/marks.ron", 120, 35);
    let rows = app.outline().rows();
    let mark_of = |kind| rows.iter().find(|r| r.kind == kind).map(|r| r.mark);
    assert_eq!(mark_of(RowKind::Question(1)), Some(Mark::DeadEnd));
    assert_eq!(mark_of(RowKind::Question(3)), Some(Mark::Unreachable));
    assert_eq!(mark_of(RowKind::Outcome(1)), Some(Mark::Unreachable));

    let shown = text(&app);
    let line_of = |needle: &str| {
        shown
            .lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not shown:\n{shown}"))
    };
    let lonely = line_of("lonely  Nobody asks this?");
    assert!(shown.lines().nth(lonely).is_some_and(|l| l.contains('⊘')));
    let two = line_of("two  Second?");
    assert!(shown.lines().nth(two).is_some_and(|l| l.contains('⊣')));
    assert!(
        shown.contains("⊘ unreachable") && shown.contains("⊣ dead end"),
        "a legend on the pane's border:\n{shown}"
    );
    // Without colour the marks still show: the symbol, and the unreachable row is dimmed.
    let mono = editor("tests/fixtures/edit/marks.ron", 120, 35)
        .with_theme(Theme::default_theme().without_color());
    let buf = buffer(&mono);
    let y = lonely as u16;
    let x = (0..120)
        .find(|&x| buf[(x, y)].symbol() == "l")
        .expect("id shown");
    assert!(buf[(x, y)].fg == ratatui::style::Color::Reset);
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
}

#[test]
fn the_preview_plays_from_the_selected_question() {
    let mut app = editor(DECISION, 120, 35);
    assert_eq!(preview_question(&app).as_deref(), Some("size"));
    press(&mut app, "jjjj");
    assert_eq!(selected_key(&app), question("pace"));
    assert_eq!(app.preview().map(|p| p.from()), Some("pace"));
    assert_eq!(preview_question(&app).as_deref(), Some("pace"));
    assert!(text(&app).contains("How quickly do most of your decisions need to be made?"));

    // Answering moves on in the preview only.
    press(&mut app, "<tab>");
    assert_eq!(app.focus(), Pane::Preview);
    press(&mut app, "1");
    assert_eq!(preview_question(&app).as_deref(), Some("disagreement"));
    assert_eq!(selected_key(&app), question("pace"), "the outline stays");
    press(&mut app, "2");
    assert!(matches!(
        app.preview().map(|p| p.player().screen()),
        Some(Screen::Review { .. })
    ));
    press(&mut app, "<enter>");
    assert!(text(&app).contains("Recommended for your group"));
    // Moving within the same question keeps the preview's walk; another question restarts it.
    press(&mut app, "<tab><tab>j");
    assert!(matches!(
        app.preview().map(|p| p.player().screen()),
        Some(Screen::Result { .. })
    ));
    press(&mut app, "jjjj");
    assert_eq!(preview_question(&app).as_deref(), Some("disagreement"));
}

#[test]
fn enter_in_the_outline_plays_from_there_afresh() {
    let mut app = editor(DECISION, 120, 35);
    press(&mut app, "<tab>1"); // size → pace, in the preview
    assert_eq!(preview_question(&app).as_deref(), Some("pace"));
    press(&mut app, "<s-tab>");
    assert_eq!(app.focus(), Pane::Outline);
    press(&mut app, "<enter>");
    assert_eq!(app.focus(), Pane::Preview);
    assert_eq!(preview_question(&app).as_deref(), Some("size"));
    assert_eq!(app.preview().map(|p| p.player().answer_count()), Some(0));
    // An outcome has nothing to play from: the preview stays and says so.
    press(&mut app, "<s-tab>G<enter>");
    assert_eq!(app.focus(), Pane::Outline);
    assert!(matches!(app.status(), Some(Status::Done(_))));
}

#[test]
fn selecting_a_problem_jumps_the_outline_to_its_node() {
    let mut app = editor("tests/fixtures/edit/broken-link.ron", 120, 35);
    assert_eq!(app.version(), Version::Broken, "never good: shown as it is");
    assert!(app.preview().is_none());
    assert!(text(&app).contains("The preview starts once the guide has no errors."));
    assert_eq!(app.problems()[0].code, Code::MissingQuestion);
    let broken = app
        .outline()
        .rows()
        .iter()
        .find(|r| r.mark == Mark::Broken)
        .expect("the broken link is marked");
    assert_eq!(broken.target, "✗ paec");

    press(&mut app, "<s-tab>");
    assert_eq!(app.focus(), Pane::Problems);
    press(&mut app, "<enter>");
    assert_eq!(app.focus(), Pane::Outline);
    assert_eq!(
        selected_key(&app),
        Some(NodeKey::Answer("size".into(), "small".into()))
    );
    // A warning about an unreachable question jumps to the question.
    press(&mut app, "<s-tab>j<enter>");
    assert_eq!(selected_key(&app), question("pace"));
    let shown = text(&app);
    assert!(shown.contains("help: did you mean \"pace\"?") || shown.contains("G0301"));
}

#[test]
fn problems_outside_any_node_say_so_instead_of_jumping() {
    let mut app = editor("tests/fixtures/edit/syntax-error.ron", 80, 24);
    assert_eq!(app.version(), Version::Unparsed);
    assert!(app.outline().is_empty());
    assert!(text(&app).contains("does not parse"));
    press(&mut app, "<s-tab><enter>");
    assert!(matches!(app.status(), Some(Status::Done(s)) if s.contains("88")));
}

#[test]
fn translation_problems_are_listed_and_e_opens_the_translation() {
    let mut app = editor("tests/fixtures/i18n/stale/guide.ron", 120, 35);
    assert_eq!(app.version(), Version::Current);
    let at = app
        .problems()
        .iter()
        .position(|p| p.origin == Origin::Translation)
        .expect("a translation problem");
    assert!(text(&app).contains("guide.es.ron:"));
    press(&mut app, "<s-tab>");
    for _ in 0..at {
        press(&mut app, "j");
    }
    press(&mut app, "<enter>");
    assert_eq!(
        app.focus(),
        Pane::Problems,
        "nothing to jump to in the guide"
    );
    assert!(matches!(app.status(), Some(Status::Done(s)) if s.contains("guide.es.ron")));
    let effects = press(&mut app, "e");
    let problem = &app.problems()[at];
    assert_eq!(
        effects,
        vec![Effect::OpenEditor {
            file: "tests/fixtures/i18n/stale/guide.es.ron".into(),
            line: problem.line,
        }]
    );
}

#[test]
fn e_asks_to_open_the_editor_at_the_selected_nodes_line() {
    let mut app = editor(DECISION, 120, 35);
    press(&mut app, "j");
    let line = app.outline().rows()[app.selected()].line;
    assert!(line > 1);
    assert_eq!(
        press(&mut app, "e"),
        vec![Effect::OpenEditor {
            file: DECISION.into(),
            line,
        }]
    );
    // From the preview: the line of the question it is on.
    press(&mut app, "<tab>1");
    let pace = app
        .outline()
        .rows()
        .iter()
        .find(|r| r.kind == RowKind::Question(1))
        .expect("pace")
        .line;
    assert_eq!(
        press(&mut app, "e"),
        vec![Effect::OpenEditor {
            file: DECISION.into(),
            line: pace,
        }]
    );
    // Back from the editor: the editor says so, and goes on.
    app.handle(Action::EditorClosed(Ok(())));
    assert!(matches!(app.status(), Some(Status::Done(_))));
    app.handle(Action::EditorClosed(Err(
        "Could not run nope: not found".into()
    )));
    assert!(text(&app).contains("Could not run nope"));
}

#[test]
fn tab_cycles_the_panes_and_q_quits_from_each() {
    let mut app = editor(DECISION, 120, 35);
    let mut seen = Vec::new();
    for _ in 0..3 {
        seen.push(app.focus());
        press(&mut app, "<tab>");
    }
    assert_eq!(seen, [Pane::Outline, Pane::Preview, Pane::Problems]);
    assert_eq!(app.focus(), Pane::Outline);
    for keys in ["", "<tab>", "<tab><tab>", "?"] {
        let mut app = editor(DECISION, 120, 35);
        press(&mut app, keys);
        assert_eq!(press(&mut app, "q"), vec![Effect::Quit], "after {keys:?}");
        assert_eq!(press(&mut app, "<c-c>"), vec![Effect::Interrupt]);
    }
}

#[test]
fn the_help_comes_from_the_keymaps_and_lists_the_preview_keys() {
    let mut app = editor(DECISION, 120, 35);
    press(&mut app, "?");
    assert!(app.help_open());
    let shown = text(&app);
    for (keys, what) in keymap::help(Context::Outline, app.words()) {
        assert!(shown.contains(&keys), "{keys:?}");
        assert!(
            shown.contains(&what[..what.len().min(30)]),
            "{what:?}:\n{shown}"
        );
    }
    press(&mut app, "<esc><tab>?");
    let shown = text(&app);
    assert!(shown.contains("In the preview"));
    assert!(shown.contains("choose the selected answer"));
    assert!(
        !shown.contains("save the result"),
        "the preview writes no files"
    );
}

#[test]
fn every_footer_hint_is_a_working_key() {
    for keys in ["", "<tab>", "<tab><tab>", "?"] {
        let mut app = editor(DECISION, 120, 35);
        press(&mut app, keys);
        let context = app.context();
        for hint in keymap::hints(context, app.words()) {
            let binding = support::binding_of(keymap::BINDINGS, &context, &hint)
                .expect("the hint comes from a binding");
            let event = coop_guide::tui::keymap::press(binding.keys[0]);
            assert_eq!(
                keymap::command(context, &event),
                Some(binding.command),
                "{context:?}: {hint:?}"
            );
        }
    }
}

#[test]
fn a_broken_save_keeps_the_last_good_guide_until_it_is_fixed() {
    let (_dir, path) = copy_to_temp(DECISION);
    let mut watcher = Watcher::new(&path);
    let mut app = editor(&path, 120, 35);
    press(&mut app, "jjjj<tab>1"); // the preview plays from pace and answers it
    assert_eq!(preview_question(&app).as_deref(), Some("disagreement"));
    let good = app.guide().cloned().expect("a guide");

    // Break a link, saving as vim does (by rename); the watcher sees it, the driver reloads.
    save_by_rename(&path, "Goto(\"pace\")", "Goto(\"paec\")");
    assert!(watcher.changed(), "a save by rename is noticed");
    reload(&mut app, &path);
    assert_eq!(app.version(), Version::LastGood);
    let problem = &app.problems()[0];
    assert_eq!(problem.code, Code::MissingQuestion);
    assert_eq!(problem.code.as_str(), "G0203");
    let shown = text(&app);
    assert!(shown.contains("G0203"), "{shown}");
    assert!(shown.contains("showing the last good version; fix the errors below"));
    // The outline and the preview still show the last good guide, at the same place; the
    // outline marks the link that is broken in the file now.
    assert!(std::sync::Arc::ptr_eq(app.guide().expect("kept"), &good));
    assert!(shown.contains("pace  How quickly"), "{shown}");
    assert_eq!(app.outline().find(&NodeKey::Question("paec".into())), None);
    let small = app
        .outline()
        .find(&NodeKey::Answer("size".into(), "small".into()))
        .expect("the answer");
    assert_eq!(app.outline().rows()[small].mark, Mark::Broken);
    assert!(shown.contains("✗ paec"), "{shown}");
    assert_eq!(preview_question(&app).as_deref(), Some("disagreement"));
    press(&mut app, "2"); // and it still plays
    assert!(matches!(
        app.preview().map(|p| p.player().screen()),
        Some(Screen::Review { .. })
    ));
    press(&mut app, "b");

    // Fix it: the problem clears, the new version is shown, the preview keeps its place.
    save_by_rename(&path, "Goto(\"paec\")", "Goto(\"pace\")");
    assert!(watcher.changed());
    reload(&mut app, &path);
    assert_eq!(app.version(), Version::Current);
    assert!(app.problems().is_empty());
    assert!(!std::sync::Arc::ptr_eq(app.guide().expect("new"), &good));
    let shown = text(&app);
    assert!(!shown.contains("G0203") && !shown.contains("last good"));
    assert_eq!(preview_question(&app).as_deref(), Some("disagreement"));
    assert_eq!(app.preview().map(|p| p.from()), Some("pace"));
    assert_eq!(
        selected_key(&app),
        question("pace"),
        "the outline kept its node"
    );
}

#[test]
fn a_syntax_error_also_keeps_the_last_good_guide() {
    let (_dir, path) = copy_to_temp(DECISION);
    let mut app = editor(&path, 80, 24);
    rewrite(&path, "Guide(", "Guide((");
    reload(&mut app, &path);
    assert_eq!(app.version(), Version::LastGood);
    assert!(app.problems()[0].code.is_syntax());
    assert!(!app.outline().is_empty());
    assert!(text(&app).contains("showing the last good version"));
    // A file that vanished mid-save is only a problem too.
    std::fs::remove_file(&path).expect("remove");
    reload(&mut app, &path);
    assert_eq!(app.version(), Version::LastGood);
    assert_eq!(app.problems()[0].code, Code::Unreadable);
}

#[test]
fn a_replay_stops_where_an_answer_is_gone_and_says_so() {
    let (_dir, path) = copy_to_temp(DECISION);
    let mut app = editor(&path, 120, 35);
    press(&mut app, "<tab>11"); // size: small, pace: slow → disagreement
    assert_eq!(preview_question(&app).as_deref(), Some("disagreement"));
    // Rename the answer (and the tests that name it).
    rewrite(
        &path,
        "id: \"slow\",\n                    label: \"They can",
        "id: \"later\",\n                    label: \"They can",
    );
    let text_now = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text_now.replace("(\"pace\", \"slow\"), (", "(\"pace\", \"later\"), ("),
    )
    .expect("write");
    reload(&mut app, &path);
    assert_eq!(app.version(), Version::Current);
    assert_eq!(preview_question(&app).as_deref(), Some("pace"));
    let shown = text(&app);
    assert!(
        shown.contains("The preview stops at \"pace\": its answer \"slow\" is gone."),
        "{shown}"
    );
}

#[test]
fn a_guide_that_was_never_good_gets_its_preview_once_fixed() {
    let (_dir, path) = copy_to_temp("tests/fixtures/edit/broken-link.ron");
    let mut app = editor(&path, 80, 24);
    assert_eq!(app.version(), Version::Broken);
    assert!(text(&app).contains("the preview starts once they are fixed"));
    press(&mut app, "<enter>");
    assert!(matches!(app.status(), Some(Status::Failed(_))));
    rewrite(&path, "Goto(\"paec\")", "Goto(\"pace\")");
    reload(&mut app, &path);
    assert_eq!(app.version(), Version::Current);
    assert_eq!(preview_question(&app).as_deref(), Some("size"));
}

#[test]
fn a_spanish_guide_gets_the_editor_in_spanish() {
    let app = editor("tests/fixtures/edit/spanish.ron", 120, 35);
    let shown = text(&app);
    for word in [
        "Esquema",
        "Vista previa",
        "Problemas",
        "sin problemas",
        "Resultados",
    ] {
        assert!(shown.contains(word), "{word:?}:\n{shown}");
    }
    assert!(shown.contains("jugar acá"));
}

#[test]
fn clicks_pick_panes_rows_and_answers() {
    let mut app = editor(DECISION, 120, 35);
    let shown = text(&app);
    let row = shown
        .lines()
        .position(|l| l.contains("pace  How quickly"))
        .expect("pace row") as u16;
    app.handle(Action::Input(Input::Click { column: 10, row }));
    assert_eq!(selected_key(&app), question("pace"));
    assert_eq!(preview_question(&app).as_deref(), Some("pace"));
    // The preview numbers its answers: "2  Often within a few days".
    let shown = text(&app);
    let (y, x) = shown
        .lines()
        .enumerate()
        .find_map(|(y, l)| {
            let at = l.find("2  Often within a few days")?;
            Some((y, l[..at].chars().count() + 3))
        })
        .expect("answer shown");
    app.handle(Action::Input(Input::Click {
        column: x as u16,
        row: y as u16,
    }));
    assert_eq!(app.focus(), Pane::Preview);
    assert!(matches!(
        app.preview().map(|p| p.player().screen()),
        Some(Screen::Review { .. })
    ));
}

#[test]
fn no_control_character_from_hostile_ids_reaches_the_frame() {
    for file in [
        "tests/fixtures/edit/hostile-ids.ron",
        "tests/fixtures/tui/hostile.ron",
    ] {
        for keys in ["", "j", "<tab>", "<tab>1", "<s-tab>", "<s-tab>j", "?"] {
            for (w, h) in [(40, 12), (80, 24), (140, 40)] {
                let mut app = editor(file, w, h);
                press(&mut app, keys);
                let buf = buffer(&app);
                for cell in buf.content.iter() {
                    assert!(
                        !cell
                            .symbol()
                            .chars()
                            .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                        "{file}: control character after {keys:?}: {:?}",
                        cell.symbol()
                    );
                }
            }
        }
    }
    let app = editor("tests/fixtures/edit/hostile-ids.ron", 140, 40);
    assert_eq!(app.version(), Version::Broken);
    assert!(text(&app).contains("one[2J"), "ids are shown, harmless");
}

#[test]
fn a_translation_that_cannot_be_read_is_a_problem_not_skipped() {
    let (_dir, path) = support::edit::copy_to_temp(DECISION);
    // A folder where the Spanish translation should be: there, and it cannot be read.
    let translation = path.with_file_name("decision-making.es.ron");
    std::fs::create_dir(&translation).expect("folder");
    let app = editor(&path, 120, 35);
    let problem = app
        .problems()
        .iter()
        .find(|p| p.file == translation)
        .expect("the translation is listed");
    assert_eq!(problem.code, coop_guide::guide::Code::Unreadable);
    assert!(problem
        .message
        .contains("it is a folder, not a translation file"));
    assert!(text(&app).contains("G0002"), "{}", text(&app));
}

#[test]
fn enter_and_e_find_nodes_by_id_when_the_lines_have_shifted_since_the_last_good_version() {
    let (_dir, path) = copy_to_temp(DECISION);
    let mut app = editor(&path, 120, 35);
    // Ten lines written at the top, and a link broken: the outline shows the last good version,
    // whose lines are ten too few for the file now.
    let before = std::fs::read_to_string(&path).expect("read");
    let now = format!(
        "{}{}",
        "// a note\n".repeat(10),
        before.replacen("Goto(\"delegation\")", "Goto(\"delegatoin\")", 1)
    );
    std::fs::write(&path, &now).expect("write");
    reload(&mut app, &path);
    assert_eq!(app.version(), Version::LastGood);
    let line_of = |needle: &str, after: &str| {
        let from = now.find(after).expect("there");
        now[..from + now[from..].find(needle).expect("there")]
            .lines()
            .count()
    };

    // Enter on the broken link's problem shows the answer it is in, found by its ids.
    press(&mut app, "<s-tab>");
    assert_eq!(app.problems()[app.problem()].code, Code::MissingQuestion);
    press(&mut app, "<enter>");
    assert_eq!(app.focus(), Pane::Outline);
    assert_eq!(
        selected_key(&app),
        Some(NodeKey::Answer("size".into(), "large".into()))
    );
    // `e` opens the file at that answer's line now, and the outline shows that line too.
    let answer = line_of("Answer(", "id: \"small\"");
    assert!(now
        .lines()
        .nth(answer)
        .is_some_and(|l| l.contains("\"large\"")));
    assert_eq!(
        press(&mut app, "e"),
        vec![Effect::OpenEditor {
            file: path.clone(),
            line: answer,
        }]
    );
    assert_eq!(app.outline().rows()[app.selected()].line, answer);
    // From the preview: the line now of the question it is on.
    press(&mut app, "<tab>");
    assert_eq!(app.focus(), Pane::Preview);
    let size = line_of("Question(", "questions:");
    assert_eq!(
        press(&mut app, "e"),
        vec![Effect::OpenEditor {
            file: path.clone(),
            line: size,
        }]
    );
    // A warning about a question elsewhere finds that question.
    press(&mut app, "<tab>");
    let unreachable = app
        .problems()
        .iter()
        .position(|p| p.message.contains("\"delegation\""))
        .expect("a warning about delegation");
    for _ in 0..unreachable {
        press(&mut app, "j");
    }
    press(&mut app, "<enter>");
    assert_eq!(selected_key(&app), question("delegation"));
}

#[test]
fn a_broken_link_of_a_new_answer_is_marked_on_the_last_good_outline() {
    let (_dir, path) = copy_to_temp(DECISION);
    let mut app = editor(&path, 120, 35);
    rewrite(
        &path,
        "                Answer(\n                    id: \"large\",",
        "                Answer(id: \"huge\", label: \"Hundreds of us\", next: End(\"nowhere\")),\n                Answer(\n                    id: \"large\",",
    );
    reload(&mut app, &path);
    assert_eq!(app.version(), Version::LastGood);
    let huge = app
        .outline()
        .find(&NodeKey::Answer("size".into(), "huge".into()))
        .expect("shown under its question");
    let row = &app.outline().rows()[huge];
    assert_eq!((row.mark, row.target.as_str()), (Mark::Broken, "✗ nowhere"));
    let shown = text(&app);
    let at = shown
        .lines()
        .find(|l| l.contains("Hundreds of us"))
        .expect("on screen");
    assert!(at.contains('✗') && at.contains("✗ nowhere"), "{shown}");
    // Enter on its problem selects it.
    press(&mut app, "<s-tab><enter>");
    assert_eq!(
        selected_key(&app),
        Some(NodeKey::Answer("size".into(), "huge".into()))
    );
    // Fixed: the version on show is the file's, with the answer.
    rewrite(&path, "End(\"nowhere\")", "End(\"majority\")");
    reload(&mut app, &path);
    assert_eq!(app.version(), Version::Current);
    let huge = app
        .outline()
        .find(&NodeKey::Answer("size".into(), "huge".into()))
        .expect("an answer now");
    assert_eq!(app.outline().rows()[huge].mark, Mark::Fine);
}

#[test]
fn conditional_links_and_answers_read_as_conditions_in_the_outline() {
    let mut app = editor("guides/co-op-pay.ron", 140, 40);
    let shown = text(&app);
    for row in [
        "Up to about ten",
        "if stage = running",
        "→ current",
        "otherwise",
        "only if stage = running",
    ] {
        assert!(shown.contains(row), "{row:?}:\n{shown}");
    }
    // A case is a row of its own: it previews its answer's question, and `e` opens its line.
    let case = app
        .outline()
        .find(&NodeKey::Part(
            "size".into(),
            "few".into(),
            "next.cases[0]".into(),
        ))
        .expect("the case");
    while app.selected() < case {
        press(&mut app, "j");
    }
    assert_eq!(preview_question(&app).as_deref(), Some("size"));
    let Effect::OpenEditor { line, .. } = press(&mut app, "e").remove(0) else {
        panic!("no editor");
    };
    let source = std::fs::read_to_string("guides/co-op-pay.ron").expect("read");
    assert!(source
        .lines()
        .nth(line - 1)
        .is_some_and(|l| l.contains("Case(when: Answered(\"stage\", \"running\")")));
}

/// The editor on a file with `--lang`, at a size, default theme.
fn editor_in(path: &Path, language: &str, width: u16, height: u16) -> App {
    App::new(path, Snapshot::read_in(path, Some(language)))
        .with_theme(Theme::default_theme())
        .with_size(width, height)
}

fn reload_in(app: &mut App, path: &Path, language: &str) {
    app.handle(Action::Reloaded(Box::new(Snapshot::read_in(
        path,
        Some(language),
    ))));
}

#[test]
fn with_a_language_a_current_translation_has_no_problems() {
    // Translations are checked against the guide as written, not as translated: the
    // built-in guide and its complete Spanish translation give no problem in either language.
    let dir = tempfile::tempdir().expect("temp");
    let guide = dir.path().join("cv.ron");
    std::fs::copy("guides/coop-varieties.ron", &guide).expect("copy");
    std::fs::copy("guides/coop-varieties.es.ron", dir.path().join("cv.es.ron")).expect("copy");
    for language in ["en", "es"] {
        let snapshot = Snapshot::read_in(&guide, Some(language));
        let problems: Vec<String> = snapshot
            .problems
            .iter()
            .map(|p| format!("{} {:?} {}", p.place(), p.code, p.message))
            .collect();
        assert!(problems.is_empty(), "{language}: {problems:#?}");
        assert!(!snapshot.has_errors());
    }
}

#[test]
fn with_a_language_the_preview_plays_the_translation_and_follows_its_saves() {
    let dir = tempfile::tempdir().expect("temp");
    let guide = dir.path().join("guide.ron");
    let es = dir.path().join("guide.es.ron");
    std::fs::copy("tests/fixtures/i18n/complete/guide.ron", &guide).expect("copy");
    std::fs::copy("tests/fixtures/i18n/complete/guide.es.ron", &es).expect("copy");
    let mut app = editor_in(&guide, "es", 120, 35);
    assert_eq!(app.version(), Version::Current);
    let shown = text(&app);
    assert!(
        shown.contains("[es] How many people take part in decisions?"),
        "{shown}"
    );
    assert!(
        shown.contains("Esquema"),
        "the editor's words follow: {shown}"
    );
    press(&mut app, "<tab>1");
    assert_eq!(preview_question(&app).as_deref(), Some("pace"));

    // A save of the translation shows at once, the preview keeping its place.
    std::fs::write(
        &es,
        std::fs::read_to_string(&es).expect("read").replace(
            "[es] How quickly do most of your decisions need to be made?",
            "¿Con qué rapidez hay que decidir?",
        ),
    )
    .expect("write");
    reload_in(&mut app, &guide, "es");
    assert_eq!(preview_question(&app).as_deref(), Some("pace"));
    assert!(text(&app).contains("¿Con qué rapidez hay que decidir?"));

    // A guide text changed since it was translated: the preview shows the guide's own text.
    rewrite(
        &guide,
        "How quickly do most of your decisions need to be made?",
        "How fast must most decisions be made?",
    );
    reload_in(&mut app, &guide, "es");
    let shown = text(&app);
    assert!(
        shown.contains("How fast must most decisions be made?"),
        "{shown}"
    );
    assert!(!shown.contains("¿Con qué rapidez"), "{shown}");
    assert!(app
        .problems()
        .iter()
        .any(|p| p.code == Code::TranslationStale));

    // A translation that cannot be used keeps the last good version on show.
    rewrite(&es, "guide: \"decision-making\"", "guide: \"other\"");
    reload_in(&mut app, &guide, "es");
    assert_eq!(app.version(), Version::LastGood);
    assert_eq!(app.problems()[0].code, Code::TranslationGuide);
    assert!(text(&app).contains("How fast must most decisions be made?"));
    // Gone altogether: said among the problems.
    std::fs::remove_file(&es).expect("remove");
    reload_in(&mut app, &guide, "es");
    assert_eq!(app.version(), Version::LastGood);
    let problem = &app.problems()[0];
    assert_eq!(
        (problem.code, problem.file.as_path()),
        (Code::Unreadable, es.as_path())
    );
}
