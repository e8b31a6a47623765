//! `coop-guide play` (and `coop-guide` alone): the full-screen player, or the plain mode when
//! asked for, when answers come from a file, when the result goes to standard output, or when
//! there is no terminal to draw on.

use std::io;
use std::path::Path;
use std::sync::Arc;

use super::{ended, in_a_terminal, open_guide, print, CliError, Exit, Outcome};
use crate::cli::{OutputFormat, PlayArgs};
use crate::engine::Walk;
use crate::guide::diagnostic::did_you_mean;
use crate::plain::{AnswerLine, Conversation};
use crate::read::{self, Kind};
use crate::report::result;
use crate::{plain, tui};

/// Plays a guide.
pub fn run(args: PlayArgs) -> Outcome {
    let guide = open_guide(args.guide.as_deref(), args.lang.as_deref())?;
    let from = match &args.from {
        Some(id) => Some(guide.index.question(id).ok_or_else(|| {
            CliError::usage(format!("--from: the guide has no question \"{id}\""))
        })?),
        None => None,
    };
    let replay = match &args.answers {
        Some(path) => Some((path.as_path(), read_answers(path)?)),
        None => None,
    };
    let theme = super::theme(args.theme.as_deref())?;
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let plain_mode =
        args.plain || replay.is_some() || args.output.is_some() || dumb || !in_a_terminal();
    if !plain_mode {
        return ended(tui::player::run(guide, from, theme));
    }
    let mut walk = match from {
        Some(q) => Walk::from_question(Arc::clone(&guide), q),
        None => Walk::new(Arc::clone(&guide)),
    };
    if let Some((file, answers)) = &replay {
        replay_answers(&mut walk, file, answers)?;
    }
    play_plain(&mut walk, args.output)
}

/// The plain mode over a walk; with `--output` the result goes to standard output for
/// scripts, the conversation to standard error, and nothing is offered after the result.
fn play_plain(walk: &mut Walk, output: Option<OutputFormat>) -> Outcome {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let ending = if output.is_some() {
        plain::run(
            walk,
            Conversation {
                input: &mut input,
                out: &mut io::stderr().lock(),
                intro: true,
                save_into: None,
            },
        )?
    } else {
        plain::run(
            walk,
            Conversation {
                input: &mut input,
                out: &mut io::stdout().lock(),
                intro: true,
                save_into: Some(Path::new(".")),
            },
        )?
    };
    match ending {
        plain::Ending::Finished => match output {
            Some(OutputFormat::Json) => match result::json(walk) {
                Some(json) => super::print_json(&json),
                None => Ok(()),
            },
            Some(OutputFormat::Md) => match result::markdown(walk) {
                Some(md) => print(&md),
                None => Ok(()),
            },
            None => Ok(()),
        },
        plain::Ending::Quit => Ok(()),
        plain::Ending::AnswersMissing(question) => Err(CliError::answers_missing(&question)),
    }
}

/// Records the answers of an answers file on the walk, then moves to the first question
/// without one. An id the guide does not have is a usage error naming the line, with the
/// nearest id the guide has. Public so that the fuzz targets and property tests replay
/// answers files exactly as `play --answers` does.
pub fn replay_answers(walk: &mut Walk, file: &Path, answers: &[AnswerLine]) -> Outcome {
    for a in answers {
        if walk.record(&a.question, &a.answer) {
            continue;
        }
        let guide = walk.guide();
        let problem = match guide.index.question(&a.question) {
            None => {
                let ids = guide.questions.iter().map(|q| q.id.as_str());
                format!(
                    "the guide has no question \"{}\"{}",
                    a.question,
                    suggestion(&a.question, ids)
                )
            }
            Some(q) => {
                let ids = guide.questions[q].answers.iter().map(|x| x.id.as_str());
                format!(
                    "the guide has no answer \"{}\" to the question \"{}\"{}",
                    a.answer,
                    a.question,
                    suggestion(&a.answer, ids)
                )
            }
        };
        return Err(CliError::usage(format!(
            "answers file `{}`, line {}: {problem}",
            file.display(),
            a.line
        ))
        .at(file));
    }
    walk.skip_answered();
    Ok(())
}

/// "; did you mean \"x\"?" when an id is close to one of `ids`, else nothing.
fn suggestion<'a>(word: &str, ids: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, ids).map_or_else(String::new, |id| format!("; did you mean \"{id}\"?"))
}

/// Reads an answers file (within the bounds of an answers file).
fn read_answers(path: &Path) -> Result<Vec<AnswerLine>, CliError> {
    let text = read::text(path, Kind::Answers)
        .map_err(|e| CliError::file(Exit::Usage, "cannot read the answers file", path, &e))?;
    plain::parse_answers(&text).map_err(|line| {
        CliError::usage(format!(
            "answers file `{}`, line {line}: expected `question-id: answer-id`",
            path.display()
        ))
        .at(path)
    })
}
