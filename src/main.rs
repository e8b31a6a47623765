//! coop-guide: parse the command line, dispatch, map outcomes to exit codes. Nothing else.
//!
//! Exit codes (stable, documented in the README): 0 done, 1 invalid guide or failed test,
//! 2 usage error, 3 answers missing in a non-interactive run, 130 interrupted.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use cli::{
    CheckFormat, Cli, Command, GraphFormatArg, I18nCommand, OutputFormat, PathsFormat, PlayArgs,
    ReportFormat,
};
use coop_guide::engine::session::Session;
use coop_guide::engine::Walk;
use coop_guide::guide::diagnostic::{render_human, render_short, to_json};
use coop_guide::guide::{self, translation, Checked, Guide};
use coop_guide::report::{graph, guide_markdown, paths, result, sessions, testrun};
use coop_guide::{plain, tui};

/// Why the program stops, mapped to an exit code.
enum Exit {
    Done,
    Invalid,
    Usage(String),
    AnswersMissing,
    Interrupted,
}

impl Exit {
    fn code(&self) -> u8 {
        match self {
            Exit::Done => 0,
            Exit::Invalid => 1,
            Exit::Usage(_) => 2,
            Exit::AnswersMissing => 3,
            Exit::Interrupted => 130,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let exit = match cli.command {
        None => play(cli.play),
        Some(Command::Play(args)) => play(args),
        Some(Command::Check { guides, format }) => check(&guides, format),
        Some(Command::Facilitate {
            guide,
            session,
            group,
            lang,
            theme,
        }) => facilitate(guide.as_deref(), &session, group, lang.as_deref(), theme),
        Some(Command::Edit { guide, theme }) => {
            ui(tui::edit::run(guide, tui::edit::EditOptions { theme }))
        }
        Some(Command::Test { guides }) => test(&guides),
        Some(Command::Paths { guide, format }) => list_paths(guide.as_deref(), format),
        Some(Command::Markdown { guide }) => markdown(guide.as_deref()),
        Some(Command::Graph { guide, format }) => graph(guide.as_deref(), format),
        Some(Command::Report {
            sessions,
            guide,
            format,
        }) => report(&sessions, guide.as_deref(), format),
        Some(Command::New { file }) => new_guide(&file),
        Some(Command::I18n(I18nCommand::Status { guide })) => i18n_status(guide.as_deref()),
        Some(Command::I18n(I18nCommand::Template { guide, lang })) => {
            i18n_template(guide.as_deref(), &lang)
        }
    };
    let exit = exit.unwrap_or_else(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Exit::Done
        } else {
            eprintln!("coop-guide: {e}");
            Exit::Invalid
        }
    });
    if let Exit::Usage(message) = &exit {
        // Usage messages quote the command line, answers files and session files: untrusted.
        eprintln!("coop-guide: {}", guide::text::sanitize_line(message));
    }
    ExitCode::from(exit.code())
}

/// Loads a guide file, or the built-in guide when there is no path.
fn load(path: Option<&Path>) -> Checked {
    match path {
        Some(path) => guide::check_path(path),
        None => guide::default_guide(),
    }
}

/// Loads a guide that must be usable; prints its errors to stderr otherwise.
fn load_usable(path: Option<&Path>) -> Result<Arc<Guide>, Exit> {
    load_in(path, None)
}

/// Loads a usable guide, translated into `language` when one is asked for.
fn load_in(path: Option<&Path>, language: Option<&str>) -> Result<Arc<Guide>, Exit> {
    let checked = load(path);
    let Some(mut guide) = checked.guide else {
        print_errors(&checked.diagnostics, &checked.source);
        let unreadable = checked
            .diagnostics
            .iter()
            .any(|d| d.code == guide::Code::Unreadable);
        if !unreadable {
            eprintln!("coop-guide: the guide has errors; `coop-guide check` lists them all");
        }
        return Err(Exit::Invalid);
    };
    if let Some(lang) = language.filter(|l| *l != guide.language) {
        if !translation::is_language_tag(lang) {
            return Err(Exit::Usage(format!(
                "\"{lang}\" is not a language tag such as \"en\" or \"es\""
            )));
        }
        let Some(source) = guide::translation_source(path, lang) else {
            let have = guide::languages(&guide, path).join(", ");
            return Err(Exit::Usage(format!(
                "this guide has no \"{lang}\" translation (it has: {have})"
            )));
        };
        let checked = translation::check(&guide, source);
        match checked.translation {
            Some(t)
                if !checked
                    .diagnostics
                    .iter()
                    .any(|d| d.severity() == guide::Severity::Error) =>
            {
                translation::apply(&mut guide, &t);
            }
            _ => {
                print_errors(&checked.diagnostics, &checked.source);
                return Err(Exit::Invalid);
            }
        }
    }
    Ok(Arc::new(guide))
}

fn print_errors(diagnostics: &[guide::Diagnostic], source: &guide::Source) {
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity() == guide::Severity::Error)
        .cloned()
        .collect();
    eprint!("{}", render_human(&errors, source));
}

fn play(args: PlayArgs) -> io::Result<Exit> {
    let guide = match load_in(args.guide.as_deref(), args.lang.as_deref()) {
        Ok(guide) => guide,
        Err(exit) => return Ok(exit),
    };
    let from = match &args.from {
        Some(id) => match guide.index.question(id) {
            Some(q) => Some(q),
            None => {
                return Ok(Exit::Usage(format!(
                    "--from: the guide has no question \"{id}\""
                )))
            }
        },
        None => None,
    };
    let replay = match &args.answers {
        Some(path) => match read_answers(path) {
            Ok(pairs) => Some(pairs),
            Err(message) => return Ok(Exit::Usage(message)),
        },
        None => None,
    };
    if let Some(name) = args.theme.as_deref() {
        if tui::Theme::named(name).is_none() {
            return Ok(Exit::Usage(format!(
                "unknown theme \"{name}\"; choose default, high-contrast or mono"
            )));
        }
    }
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let plain_mode = args.plain
        || replay.is_some()
        || args.output.is_some()
        || dumb
        || !io::stdin().is_terminal()
        || !io::stdout().is_terminal();
    if !plain_mode {
        let options = tui::PlayOptions {
            theme: args.theme,
            from,
        };
        return ui(tui::play(guide, options));
    }

    let mut walk = match from {
        Some(q) => Walk::from_question(Arc::clone(&guide), q),
        None => Walk::new(Arc::clone(&guide)),
    };
    if let Some(pairs) = &replay {
        for (q, a) in pairs {
            if !walk.record(q, a) {
                return Ok(Exit::Usage(format!(
                    "answers file: the guide has no answer \"{a}\" to a question \"{q}\""
                )));
            }
        }
        walk.skip_answered();
    }
    let stdin = io::stdin();
    let mut input = stdin.lock();
    // With --output the result goes to stdout for scripts, and the conversation to stderr.
    let ending = if args.output.is_some() {
        plain::run(&mut walk, &mut input, &mut io::stderr().lock(), true)?
    } else {
        plain::run(&mut walk, &mut input, &mut io::stdout().lock(), true)?
    };
    match ending {
        plain::Ending::Finished => {
            let mut stdout = io::stdout().lock();
            match args.output {
                Some(OutputFormat::Json) => {
                    if let Some(json) = result::json(&walk) {
                        serde_json::to_writer_pretty(&mut stdout, &json)
                            .map_err(io::Error::other)?;
                        writeln!(stdout)?;
                    }
                }
                Some(OutputFormat::Md) => {
                    if let Some(md) = result::markdown(&walk) {
                        write!(stdout, "{md}")?;
                    }
                }
                None => {}
            }
            Ok(Exit::Done)
        }
        plain::Ending::Quit => Ok(Exit::Done),
        plain::Ending::AnswersMissing(question) => {
            eprintln!("coop-guide: no answer for question \"{question}\" (input ended)");
            Ok(Exit::AnswersMissing)
        }
    }
}

/// Maps how a full-screen view ended to an exit: Ctrl-C is 130, a bad option (an unknown theme)
/// a usage error.
fn ui(ended: io::Result<()>) -> io::Result<Exit> {
    match ended {
        Ok(()) => Ok(Exit::Done),
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(Exit::Interrupted),
        Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok(Exit::Usage(e.to_string())),
        Err(e) => Err(e),
    }
}

fn facilitate(
    guide_path: Option<&Path>,
    file: &Path,
    group: Option<String>,
    lang: Option<&str>,
    theme: Option<String>,
) -> io::Result<Exit> {
    // An existing session is resumed in its own language unless another is asked for; a broken
    // or foreign file is refused and left exactly as it is.
    let existing = if file.exists() {
        match Session::read(file) {
            Ok(data) => Some(data),
            Err(e) => return Ok(Exit::Usage(format!("{e}; the file was left untouched"))),
        }
    } else {
        None
    };
    if let (Some(data), Some(name)) = (&existing, &group) {
        if data.group.trim() != name.trim() {
            return Ok(Exit::Usage(format!(
                "{} is the session of group \"{}\", not \"{name}\"; give each group its own --session file",
                file.display(),
                data.group
            )));
        }
    }
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Ok(Exit::Usage(
            "workshop mode needs a terminal; `play --plain` works without one".into(),
        ));
    }
    let lang = lang.or(existing
        .as_ref()
        .map(|d| d.language.as_str())
        .filter(|l| !l.is_empty()));
    let guide = match load_in(guide_path, lang) {
        Ok(guide) => guide,
        Err(exit) => return Ok(exit),
    };
    let session = match existing {
        Some(data) => match Session::resume(guide, data) {
            Ok(session) => session,
            Err(e) => return Ok(Exit::Usage(format!("{e}; the file was left untouched"))),
        },
        None => {
            let name = group.unwrap_or_else(|| {
                file.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let session = Session::new(guide, &name);
            session.save(file)?;
            session
        }
    };
    ui(tui::facilitate::run(
        session,
        file.to_path_buf(),
        tui::facilitate::FacilitateOptions { theme },
    ))
}

fn read_answers(path: &Path) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read answers file `{}`: {e}", path.display()))?;
    plain::parse_answers(&text).map_err(|line| {
        format!(
            "answers file `{}`, line {line}: expected `question-id: answer-id`",
            path.display()
        )
    })
}

/// The guides named, or the built-in one.
fn targets(guides: &[PathBuf]) -> Vec<Option<&Path>> {
    if guides.is_empty() {
        vec![None]
    } else {
        guides.iter().map(|p| Some(p.as_path())).collect()
    }
}

fn check(guides: &[PathBuf], format: CheckFormat) -> io::Result<Exit> {
    let mut stdout = io::stdout().lock();
    let mut json = Vec::new();
    let (mut errors, mut warnings, mut count) = (0, 0, 0);
    let mut seen = std::collections::HashSet::new();
    for path in targets(guides) {
        let (files, guide) = guide::files::check_with_translations(path, &mut seen);
        // The process ends soon after a check: freeing a large guide string by string costs
        // more than the check's own validation (a 100,000-question guide holds over a million
        // strings), and the operating system takes the memory back at exit anyway.
        std::mem::forget(guide);
        for file in files {
            count += 1;
            let e = file
                .diagnostics
                .iter()
                .filter(|d| d.severity() == guide::Severity::Error)
                .count();
            errors += e;
            warnings += file.diagnostics.len() - e;
            match format {
                CheckFormat::Human => {
                    write!(stdout, "{}", render_human(&file.diagnostics, &file.source))?
                }
                CheckFormat::Short => {
                    write!(stdout, "{}", render_short(&file.diagnostics, &file.source))?
                }
                CheckFormat::Json => json.extend(to_json(&file.diagnostics, &file.source)),
            }
        }
    }
    match format {
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut stdout, &json).map_err(io::Error::other)?;
            writeln!(stdout)?;
        }
        _ => {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            writeln!(
                stdout,
                "checked {count} file{}: {errors} error{}, {warnings} warning{}",
                s(count),
                s(errors),
                s(warnings)
            )?;
        }
    }
    Ok(if errors > 0 {
        Exit::Invalid
    } else {
        Exit::Done
    })
}

fn i18n_status(path: Option<&Path>) -> io::Result<Exit> {
    let guide = match load_usable(path) {
        Ok(guide) => guide,
        Err(exit) => return Ok(exit),
    };
    write!(
        io::stdout().lock(),
        "{}",
        translation::status_table(&guide, path)
    )?;
    Ok(Exit::Done)
}

fn i18n_template(path: Option<&Path>, lang: &str) -> io::Result<Exit> {
    let guide = match load_usable(path) {
        Ok(guide) => guide,
        Err(exit) => return Ok(exit),
    };
    let existing = guide::translation_source(path, lang)
        .and_then(|s| translation::check(&guide, s).translation);
    write!(
        io::stdout().lock(),
        "{}",
        translation::template(&guide, lang, existing.as_ref())
    )?;
    Ok(Exit::Done)
}

fn test(guides: &[PathBuf]) -> io::Result<Exit> {
    let mut stdout = io::stdout().lock();
    let mut failed = false;
    for path in targets(guides) {
        let name = path.map_or_else(
            || guide::DEFAULT_GUIDE_NAME.to_string(),
            |p| p.display().to_string(),
        );
        let guide = match load_usable(path) {
            Ok(guide) => guide,
            Err(_) => {
                failed = true;
                continue;
            }
        };
        let report = testrun::run(&guide);
        failed |= !report.passed();
        write!(stdout, "{}", testrun::to_text(&guide, &name, &report))?;
    }
    Ok(if failed { Exit::Invalid } else { Exit::Done })
}

fn list_paths(path: Option<&Path>, format: PathsFormat) -> io::Result<Exit> {
    let guide = match load_usable(path) {
        Ok(guide) => guide,
        Err(exit) => return Ok(exit),
    };
    let all = paths::Paths::of(&guide);
    let mut stdout = io::stdout().lock();
    match format {
        PathsFormat::Table => write!(stdout, "{}", paths::to_table(&guide, &all))?,
        PathsFormat::Json => {
            serde_json::to_writer_pretty(&mut stdout, &paths::to_json(&guide, &all))
                .map_err(io::Error::other)?;
            writeln!(stdout)?;
        }
    }
    Ok(Exit::Done)
}

fn markdown(path: Option<&Path>) -> io::Result<Exit> {
    let guide = match load_usable(path) {
        Ok(guide) => guide,
        Err(exit) => return Ok(exit),
    };
    write!(io::stdout().lock(), "{}", guide_markdown::render(&guide))?;
    Ok(Exit::Done)
}

fn report(
    files: &[PathBuf],
    guide_path: Option<&Path>,
    format: Option<ReportFormat>,
) -> io::Result<Exit> {
    let mut loaded = Vec::new();
    let mut stems = Vec::new();
    for file in files {
        let data = match Session::read(file) {
            Ok(data) => data,
            Err(e) => return Ok(Exit::Usage(e.to_string())),
        };
        let lang = Some(data.language.as_str()).filter(|l| !l.is_empty());
        let guide = match load_in(guide_path, lang) {
            Ok(guide) => guide,
            Err(exit) => return Ok(exit),
        };
        match Session::resume(guide, data) {
            Ok(session) => {
                loaded.push(session);
                stems.push(
                    file.file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
            }
            Err(e) => {
                return Ok(Exit::Usage(format!(
                    "{}: {e}; pass the guide it walked with --guide",
                    file.display()
                )))
            }
        }
    }
    sessions::name_groups(&mut loaded, &stems);
    let format = match format {
        Some(format) => format,
        None if io::stdout().is_terminal() && io::stdin().is_terminal() => {
            return ui(tui::facilitate::report(
                loaded,
                tui::facilitate::FacilitateOptions::default(),
            ));
        }
        None => ReportFormat::Md,
    };
    let mut stdout = io::stdout().lock();
    match format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut stdout, &sessions::comparison_json(&loaded))
                .map_err(io::Error::other)?;
            writeln!(stdout)?;
        }
        ReportFormat::Md if loaded.len() == 1 => {
            write!(stdout, "{}", sessions::handout(&loaded[0]).to_markdown())?
        }
        ReportFormat::Md => write!(stdout, "{}", sessions::comparison(&loaded).to_markdown())?,
    }
    Ok(Exit::Done)
}

fn graph(path: Option<&Path>, format: GraphFormatArg) -> io::Result<Exit> {
    // A graph is most useful on a broken guide: draw whatever parsed, errors and all.
    let checked = load(path);
    let guide = match checked.guide {
        Some(guide) => guide,
        None => match guide::load::parse_lenient(&checked.source) {
            Some(guide) => guide,
            None => {
                print_errors(&checked.diagnostics, &checked.source);
                return Ok(Exit::Invalid);
            }
        },
    };
    let format = match format {
        GraphFormatArg::Dot => graph::GraphFormat::Dot,
        GraphFormatArg::Mermaid => graph::GraphFormat::Mermaid,
    };
    write!(io::stdout().lock(), "{}", graph::render(&guide, format))?;
    Ok(if graph::has_errors(&guide) {
        Exit::Invalid
    } else {
        Exit::Done
    })
}

fn new_guide(file: &Path) -> io::Result<Exit> {
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file);
    match created {
        Ok(mut f) => {
            f.write_all(coop_guide::guide::STARTER_GUIDE.as_bytes())?;
            println!(
                "wrote {}; try `coop-guide check {0}` and `coop-guide play {0}`",
                file.display()
            );
            Ok(Exit::Done)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(Exit::Usage(format!(
            "{} already exists; choose another name",
            file.display()
        ))),
        Err(e) => Ok(Exit::Usage(format!("cannot write {}: {e}", file.display()))),
    }
}
