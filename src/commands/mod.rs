//! The commands of `coop-guide`, one module each, and what they share: how a command fails
//! ([`CliError`], which carries its exit code and the path involved), how it opens a guide, and
//! how it writes to the terminal.
//!
//! Exit codes (stable, documented in the README): 0 done, 1 invalid guide or failed test,
//! 2 usage error, 3 answers missing in a non-interactive run, 130 interrupted. A closed pipe
//! (`coop-guide paths --format json | head -c1`) is not a failure: the command stops quietly
//! with 0, as `cat` does.
//!
//! Everything printed that comes from outside the program — file names, command-line values,
//! texts from guides and session files — goes through [`sanitize_line`] first.

pub mod check;
pub mod edit;
pub mod facilitate;
pub mod graph;
pub mod i18n;
pub mod markdown;
pub mod new;
pub mod paths;
pub mod play;
pub mod report;
pub mod test;

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cli::{Cli, Command, I18nCommand};
use crate::engine::session::SessionError;
use crate::guide::diagnostic::render_human;
use crate::guide::files::{self, CheckedFile, Unusable};
use crate::guide::text::sanitize_line;
use crate::guide::{Code, Guide, Severity};
use crate::tui::terminal::Ending;

/// Runs the command the command line asks for (`play` when it names none).
pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        None => play::run(cli.play),
        Some(Command::Play(args)) => play::run(args),
        Some(Command::Facilitate(args)) => facilitate::run(args),
        Some(Command::Edit { guide, lang, theme }) => {
            edit::run(&guide, lang.as_deref(), theme.as_deref())
        }
        Some(Command::Check { guides, format }) => check::run(&guides, format),
        Some(Command::Test { guides }) => test::run(&guides),
        Some(Command::Paths { guide, format }) => paths::run(guide.as_deref(), format),
        Some(Command::Markdown { guide, lang }) => markdown::run(guide.as_deref(), lang.as_deref()),
        Some(Command::Graph { guide, format }) => graph::run(guide.as_deref(), format),
        Some(Command::Report {
            sessions,
            guide,
            format,
        }) => report::run(&sessions, guide.as_deref(), format),
        Some(Command::New { file }) => new::run(&file),
        Some(Command::I18n(I18nCommand::Status { guide })) => i18n::status(guide.as_deref()),
        Some(Command::I18n(I18nCommand::Template { guide, lang })) => {
            i18n::template(guide.as_deref(), &lang)
        }
        Some(Command::I18n(I18nCommand::Update { guide, lang })) => i18n::update(&guide, &lang),
    }
}

/// How the program ends, as the shell sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done (for `check`: no errors).
    Done,
    /// A guide has errors, or a test failed.
    Invalid,
    /// The command line asks for something that cannot be done.
    Usage,
    /// Answers ran out in a non-interactive run.
    AnswersMissing,
    /// Ctrl-C.
    Interrupted,
}

impl Exit {
    /// The exit code.
    pub fn code(self) -> u8 {
        match self {
            Exit::Done => 0,
            Exit::Invalid => 1,
            Exit::Usage => 2,
            Exit::AnswersMissing => 3,
            Exit::Interrupted => 130,
        }
    }
}

/// Why a command stopped short: the exit code, what to tell the user (nothing when it was said
/// already, as a guide's diagnostics are), and the file involved, if one was.
#[derive(Debug)]
pub struct CliError {
    exit: Exit,
    message: Option<String>,
    path: Option<PathBuf>,
}

impl CliError {
    /// A usage error (exit 2): the message says what to do instead.
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            exit: Exit::Usage,
            message: Some(message.into()),
            path: None,
        }
    }

    /// A usage error about a file: `doing` is what could not be done (`cannot read the answers
    /// file`), and the path and the reason follow it.
    pub fn file(exit: Exit, doing: &str, path: &Path, error: &io::Error) -> CliError {
        CliError {
            exit,
            message: Some(format!("{doing} `{}`: {}", path.display(), reason(error))),
            path: Some(path.to_path_buf()),
        }
    }

    /// An invalid guide or a failed test (exit 1), already explained on the way.
    pub fn invalid() -> CliError {
        CliError {
            exit: Exit::Invalid,
            message: None,
            path: None,
        }
    }

    /// An invalid guide or a failed test (exit 1), with a last word.
    pub fn invalid_because(message: impl Into<String>) -> CliError {
        CliError {
            exit: Exit::Invalid,
            message: Some(message.into()),
            path: None,
        }
    }

    /// Input ran out at a question (exit 3).
    pub fn answers_missing(question: &str) -> CliError {
        CliError {
            exit: Exit::AnswersMissing,
            message: Some(format!(
                "no answer for question \"{question}\" (input ended)"
            )),
            path: None,
        }
    }

    /// Ctrl-C (exit 130), nothing to say.
    pub fn interrupted() -> CliError {
        CliError {
            exit: Exit::Interrupted,
            message: None,
            path: None,
        }
    }

    /// The output's reader went away: stop quietly, exit 0.
    pub fn closed_pipe() -> CliError {
        CliError {
            exit: Exit::Done,
            message: None,
            path: None,
        }
    }

    /// Names the file involved (when the message does not already).
    pub fn at(mut self, path: &Path) -> CliError {
        self.path = Some(path.to_path_buf());
        self
    }

    /// How the program ends.
    pub fn exit(&self) -> Exit {
        self.exit
    }

    /// The file involved, if one was.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What is said on standard error, sanitised (`None` when it was said already).
    pub fn message(&self) -> Option<String> {
        let message = self.message.as_ref()?;
        let named = match &self.path {
            Some(path) if !message.contains(&path.display().to_string()) => {
                format!("{}: {message}", path.display())
            }
            _ => message.clone(),
        };
        Some(sanitize_line(&named))
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.message() {
            Some(message) => f.write_str(&message),
            None => write!(f, "exit {}", self.exit.code()),
        }
    }
}

impl From<io::Error> for CliError {
    /// An error while writing output or running a view: a closed pipe ends quietly; anything
    /// else is said as it is.
    fn from(error: io::Error) -> CliError {
        if error.kind() == io::ErrorKind::BrokenPipe {
            return CliError::closed_pipe();
        }
        CliError::invalid_because(error.to_string())
    }
}

/// What a command returns.
pub type Outcome = Result<(), CliError>;

/// Why reading or writing a file failed, in a few words.
pub fn reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

/// Says something on standard error (sanitised). A closed standard error is not worth a panic.
pub fn say(message: &str) {
    let _ = writeln!(
        io::stderr().lock(),
        "coop-guide: {}",
        sanitize_line(message)
    );
}

/// Writes text to standard output and flushes it, so a closed pipe is noticed here.
pub fn print(text: &str) -> Outcome {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Writes a value as pretty JSON, and a newline, to standard output.
pub fn print_json(value: &impl serde::Serialize) -> Outcome {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::invalid_because(e.to_string()))?;
    text.push('\n');
    print(&text)
}

/// Prints the errors of a file (warnings are for `check`) to standard error.
pub fn print_errors(file: &CheckedFile) {
    let errors: Vec<_> = file
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .cloned()
        .collect();
    let _ = write!(
        io::stderr().lock(),
        "{}",
        render_human(&errors, &file.source)
    );
}

/// Opens a guide that must be usable, in `language` when one is asked for; says why not
/// otherwise (the errors, then a pointer to `check`).
pub fn open_guide(path: Option<&Path>, language: Option<&str>) -> Result<Arc<Guide>, CliError> {
    match files::usable(path, language) {
        Ok(guide) => Ok(Arc::new(guide)),
        Err(Unusable::Invalid(file)) => {
            print_errors(&file);
            let unreadable = file.diagnostics.iter().any(|d| d.code == Code::Unreadable);
            Err(if unreadable {
                CliError::invalid()
            } else {
                CliError::invalid_because("the guide has errors; `coop-guide check` lists them all")
            })
        }
        Err(Unusable::NotALanguage(lang)) => Err(not_a_language(&lang)),
        Err(Unusable::NoTranslation { language, have }) => Err(CliError::usage(format!(
            "this guide has no \"{language}\" translation (it has: {})",
            have.join(", ")
        ))),
    }
}

/// The usage error for a `--lang` that is not a language tag.
pub fn not_a_language(lang: &str) -> CliError {
    CliError::usage(format!(
        "\"{lang}\" is not a language tag such as \"en\" or \"es\""
    ))
}

/// The guides named, or the built-in one.
pub fn targets(guides: &[PathBuf]) -> Vec<Option<&Path>> {
    if guides.is_empty() {
        vec![None]
    } else {
        guides.iter().map(|p| Some(p.as_path())).collect()
    }
}

/// How a full-screen view ended, as a command's outcome: Ctrl-C is exit 130.
pub fn ended(ending: io::Result<Ending>) -> Outcome {
    match ending? {
        Ending::Quit => Ok(()),
        Ending::Interrupted => Err(CliError::interrupted()),
    }
}

/// The theme named by `--theme`, checked before any screen opens.
pub fn theme(name: Option<&str>) -> Result<crate::tui::Theme, CliError> {
    crate::tui::theme_for(name).ok_or_else(|| {
        CliError::usage(format!(
            "unknown theme \"{}\"; choose default, high-contrast or mono",
            name.unwrap_or_default()
        ))
    })
}

/// True when both standard input and standard output are a terminal.
pub fn in_a_terminal() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// A session file that cannot be used, as a data error naming it (exit 1).
pub fn session_error(file: &Path, error: &SessionError) -> CliError {
    CliError::invalid_because(session_message(file, error)).at(file)
}

/// Why a session file cannot be used, naming it.
pub fn session_message(file: &Path, error: &SessionError) -> String {
    match error {
        SessionError::Io(path, e) => format!(
            "cannot read the session `{}`: {}",
            path.display(),
            reason(e)
        ),
        SessionError::OtherGuide { .. } | SessionError::NewerFormat(_) => {
            format!("{}: {error}", file.display())
        }
        SessionError::Invalid(_) => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_quiet_and_exits_zero() {
        let error = CliError::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(error.exit().code(), 0);
        assert_eq!(error.message(), None);
    }

    #[test]
    fn a_file_error_names_the_path_and_is_sanitised() {
        let path = Path::new("no\u{1b}]0;x\u{7}where/s.ron");
        let error = CliError::file(
            Exit::Usage,
            "cannot create the session",
            path,
            &io::Error::from(io::ErrorKind::NotFound),
        );
        assert_eq!(error.exit().code(), 2);
        assert_eq!(error.path(), Some(path));
        assert_eq!(
            error.message().as_deref(),
            Some("cannot create the session `no]0;xwhere/s.ron`: no such file or folder")
        );
    }
}
