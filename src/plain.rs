//! The plain mode: the walk line by line, for pipes, scripts, screen readers and `TERM=dumb`.
//!
//! Same engine as the full-screen player, and the same keys where they make sense. Numbered
//! answers, one line of input per step, no box drawing, no colour, every prompt flushed.
//! Commands at any prompt: a number answers (and the answer is read back), Enter keeps a
//! pre-filled answer, `b` goes back, `w` says why we ask, `r` reviews, `?` lists the commands
//! (and, at a question, says why it is asked, as `?` always did here), `q` quits. After the
//! result, `s` saves it as Markdown, `b` goes back to the review, and `q` on a result not saved
//! asks first.
//!
//! Input that runs out at a question is "answers missing" (exit 3, naming the question); input
//! that runs out at the review accepts it, so piping a list of numbers reaches the result; input
//! that runs out after the result ends the run.

use std::io::{self, BufRead, Write};
use std::path::Path;

use crate::engine::{Action, Effect, Place, Walk};
use crate::guide::text::wrap;
use crate::guide::Guide;
use crate::locale::{fill, words, Plain};
use crate::report::doc::Doc;
use crate::report::result;
use crate::save::save_result;

/// How a plain run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The result was shown.
    Finished,
    /// The user quit.
    Quit,
    /// Input ran out at this question (its id).
    AnswersMissing(String),
}

/// Width of wrapped text.
const WIDTH: usize = 78;

/// Where a plain run reads and writes, and what it offers.
pub struct Conversation<'a> {
    /// Where commands come from.
    pub input: &'a mut dyn BufRead,
    /// Where the conversation goes.
    pub out: &'a mut dyn Write,
    /// Show the guide's intro first.
    pub intro: bool,
    /// Where `s` saves the result; `None` when the result goes elsewhere (`--output`), and the
    /// run ends as soon as the result is shown.
    pub save_into: Option<&'a Path>,
}

/// Runs the walk, reading commands from the conversation's input and writing to its output.
/// The result is printed as text at the end.
pub fn run(walk: &mut Walk, talk: Conversation<'_>) -> io::Result<Ending> {
    let Conversation {
        input,
        out,
        intro: show_intro,
        save_into,
    } = talk;
    let t = &words(&walk.guide().language).plain;
    if show_intro {
        intro(walk, t, out)?;
    }
    let mut line = String::new();
    let mut announced = None;
    let mut saved = false;
    loop {
        let place = walk.place();
        if announced != Some(place) {
            match place {
                Place::Question { question, .. } => ask(walk, t, question, out)?,
                Place::Review { .. } => review(walk, t, out)?,
                Place::Result { .. } => {
                    show_result(walk, out)?;
                    let Some(_) = save_into else {
                        out.flush()?;
                        return Ok(Ending::Finished);
                    };
                    writeln!(out, "{}", t.result_prompt)?;
                }
            }
            announced = Some(place);
        }
        write!(out, "> ")?;
        out.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            match place {
                Place::Question { question, .. } => {
                    let id = walk.guide().questions[question].id.clone();
                    return Ok(Ending::AnswersMissing(id));
                }
                Place::Review { .. } => {
                    walk.apply(Action::Confirm);
                    continue;
                }
                Place::Result { .. } => return Ok(Ending::Finished),
            }
        }
        let command = line.trim();
        match (command, place) {
            ("q" | "quit", Place::Result { .. }) if !saved => {
                writeln!(out, "{}", t.quit_unsaved)?;
                write!(out, "> ")?;
                out.flush()?;
                line.clear();
                let sure = input.read_line(&mut line)? == 0 || line.trim() == "y";
                if sure {
                    return Ok(Ending::Finished);
                }
                writeln!(out, "{}", t.result_prompt)?;
            }
            ("q" | "quit", Place::Result { .. }) => return Ok(Ending::Finished),
            ("q" | "quit", _) => {
                writeln!(out, "{}", t.stopped)?;
                out.flush()?;
                return Ok(Ending::Quit);
            }
            ("s" | "save", Place::Result { .. }) => {
                let folder = save_into.unwrap_or(Path::new("."));
                match save_result(walk, folder) {
                    Ok(path) => {
                        saved = true;
                        let shown = path.display().to_string();
                        writeln!(out, "{}", fill(t.saved, &[("path", &shown)]))?;
                    }
                    Err(e) => writeln!(out, "{}", fill(t.save_failed, &[("error", &e)]))?,
                }
            }
            ("b" | "back", _) => {
                if walk.apply(Action::Back).contains(&Effect::Refused) {
                    writeln!(out, "{}", t.first_question)?;
                }
                announced = None;
            }
            ("w" | "why", Place::Question { question, .. }) => {
                why(walk.guide(), t, question, out)?;
                // Ask again, so a screen reader finds the question right after the answer.
                announced = None;
            }
            ("?" | "help", _) => {
                writeln!(out, "{}", t.help)?;
                // `?` said why we ask before it listed the commands: it still does.
                if let Place::Question { question, .. } = place {
                    why(walk.guide(), t, question, out)?;
                    announced = None;
                }
            }
            ("r" | "review", Place::Question { .. }) if walk.review().is_empty() => {
                writeln!(out, "{}", t.nothing_to_review)?;
                announced = None;
            }
            ("r" | "review", _) => {
                review(walk, t, out)?;
                if matches!(place, Place::Question { .. }) {
                    writeln!(out, "{}", t.back_to_question)?;
                    announced = None;
                }
            }
            ("", Place::Review { .. }) => {
                walk.apply(Action::Confirm);
            }
            ("", Place::Question { question, .. }) => match walk.answer_of(question) {
                Some(answer) => choose(walk, t, answer, out)?,
                None => writeln!(out, "{}", choose_hint(walk, t, question))?,
            },
            (text, Place::Question { question, .. }) => {
                match parse_choice(text, walk.guide().questions[question].answers.len()) {
                    Some(n) => choose(walk, t, n, out)?,
                    None => writeln!(out, "{}", choose_hint(walk, t, question))?,
                }
            }
            (text, Place::Review { .. }) => match parse_choice(text, walk.review().len()) {
                Some(n) => {
                    let question = walk.review()[n].question;
                    walk.apply(Action::Edit(question));
                }
                None => writeln!(
                    out,
                    "{}",
                    fill(t.review_hint, &[("n", &walk.review().len().to_string())])
                )?,
            },
            (_, Place::Result { .. }) => writeln!(out, "{}", t.result_prompt)?,
        }
    }
}

/// Chooses an answer and reads it back.
fn choose(walk: &mut Walk, t: &Plain, answer: usize, out: &mut dyn Write) -> io::Result<()> {
    let Place::Question { question, .. } = walk.place() else {
        return Ok(());
    };
    let label = walk.guide().questions[question].answers[answer]
        .label
        .clone();
    walk.apply(Action::Choose(answer));
    writeln!(out, "{}", fill(t.you_chose, &[("answer", &label)]))
}

/// The result as text, without sections that hold nothing.
fn show_result(walk: &Walk, out: &mut dyn Write) -> io::Result<()> {
    if let Some(doc) = result::document(walk).map(Doc::without_empty_headings) {
        writeln!(out)?;
        write!(out, "{}", doc.to_text(WIDTH))?;
    }
    Ok(())
}

fn why(guide: &Guide, t: &Plain, question: usize, out: &mut dyn Write) -> io::Result<()> {
    let why = &guide.questions[question].why;
    let text = if why.is_empty() { t.no_why } else { why };
    writeln!(out, "{}", t.why_we_ask)?;
    for l in wrap(text, WIDTH) {
        writeln!(out, "  {l}")?;
    }
    Ok(())
}

fn parse_choice(text: &str, count: usize) -> Option<usize> {
    let n: usize = text.trim_end_matches(['.', ')']).parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}

fn choose_hint(walk: &Walk, t: &Plain, question: usize) -> String {
    let n = walk.guide().questions[question].answers.len();
    fill(t.choose_hint, &[("n", &n.to_string())])
}

fn intro(walk: &Walk, t: &Plain, out: &mut dyn Write) -> io::Result<()> {
    let guide = walk.guide();
    writeln!(out, "{}", guide.title)?;
    writeln!(out)?;
    for l in wrap(&guide.intro, WIDTH) {
        writeln!(out, "{l}")?;
    }
    if let Some((min, max)) = guide
        .index
        .start()
        .and_then(|s| guide.index.questions_left(s))
    {
        writeln!(out)?;
        let (min, max) = (min.to_string(), max.to_string());
        writeln!(
            out,
            "{}",
            fill(t.about_questions, &[("min", &min), ("max", &max)])
        )?;
    }
    writeln!(out, "{}", t.plain_commands)?;
    Ok(())
}

fn ask(walk: &Walk, t: &Plain, question: usize, out: &mut dyn Write) -> io::Result<()> {
    let guide = walk.guide();
    let q = &guide.questions[question];
    writeln!(out)?;
    if let Some(p) = walk.progress() {
        let (step, min, max) = (
            p.step.to_string(),
            p.min_left.to_string(),
            p.max_left.to_string(),
        );
        let progress = if p.max_left == 1 {
            fill(t.progress_last, &[("step", &step)])
        } else if p.min_left == p.max_left {
            fill(t.progress_exact, &[("step", &step), ("left", &min)])
        } else {
            fill(
                t.progress_range,
                &[("step", &step), ("min", &min), ("max", &max)],
            )
        };
        let section = if p.section.is_empty() {
            String::new()
        } else {
            format!("{} · ", p.section)
        };
        writeln!(out, "{section}{progress}")?;
    }
    for l in wrap(&q.text, WIDTH) {
        writeln!(out, "{l}")?;
    }
    let chosen = walk.answer_of(question);
    for (i, a) in q.answers.iter().enumerate() {
        let mark = if chosen == Some(i) {
            format!("  {}", t.your_answer)
        } else {
            String::new()
        };
        let lines = wrap(&a.label, WIDTH - 6);
        let last = lines.len().saturating_sub(1);
        for (j, l) in lines.iter().enumerate() {
            let mark = if j == last { mark.as_str() } else { "" };
            if j == 0 {
                writeln!(out, "  {:>2}. {l}{mark}", i + 1)?;
            } else {
                writeln!(out, "      {l}{mark}")?;
            }
        }
    }
    Ok(())
}

fn review(walk: &Walk, t: &Plain, out: &mut dyn Write) -> io::Result<()> {
    let guide = walk.guide();
    writeln!(out)?;
    writeln!(out, "{}", t.review_heading)?;
    for (i, s) in walk.review().iter().enumerate() {
        let q = &guide.questions[s.question];
        writeln!(out, "  {:>2}. {}", i + 1, q.text)?;
        writeln!(out, "      {}", q.answers[s.answer].label)?;
    }
    let stale = walk.stale();
    if !stale.is_empty() {
        writeln!(out, "{}", t.not_used)?;
        for s in stale {
            let q = &guide.questions[s.question];
            writeln!(out, "   - {} {}", q.text, q.answers[s.answer].label)?;
        }
    }
    if matches!(walk.place(), Place::Review { .. }) {
        writeln!(out, "{}", t.review_prompt)?;
    }
    Ok(())
}

/// One line of an answers file: where it is, and the ids it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerLine {
    /// Line number, from 1.
    pub line: usize,
    /// The question's id.
    pub question: String,
    /// The answer's id.
    pub answer: String,
}

/// Reads an answers file: one `question-id: answer-id` per line (`=` also works); blank lines
/// and `#` comments (a whole line, or the end of one) are skipped. Returns the answers, or the
/// first bad line's number.
pub fn parse_answers(text: &str) -> Result<Vec<AnswerLine>, usize> {
    let mut answers = Vec::new();
    for (i, line) in text.lines().enumerate() {
        // Ids never hold `#`, so everything after one is a comment.
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((q, a)) = line.split_once([':', '=']) else {
            return Err(i + 1);
        };
        let (q, a) = (q.trim().trim_matches('"'), a.trim().trim_matches('"'));
        if q.is_empty() || a.is_empty() {
            return Err(i + 1);
        }
        answers.push(AnswerLine {
            line: i + 1,
            question: q.to_string(),
            answer: a.to_string(),
        });
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_files_take_comments_at_the_end_of_a_line() {
        let answers = parse_answers("# ours\nsize: large  # forty people\n\ndelegation = \"no\"\n")
            .expect("parses");
        assert_eq!(
            answers,
            vec![
                AnswerLine {
                    line: 2,
                    question: "size".into(),
                    answer: "large".into()
                },
                AnswerLine {
                    line: 4,
                    question: "delegation".into(),
                    answer: "no".into()
                },
            ]
        );
        assert_eq!(parse_answers("size large"), Err(1));
        assert_eq!(parse_answers("size: # nothing"), Err(1));
    }
}
