//! The plain mode: the walk line by line, for pipes, scripts, screen readers and `TERM=dumb`.
//!
//! Same engine as the TUI. Numbered answers, one line of input per step, no box drawing, no
//! colour, every prompt flushed. Commands at any prompt: a number answers, Enter keeps a
//! pre-filled answer, `b` goes back, `?` says why we ask, `r` reviews, `q` quits.
//!
//! Input that runs out at a question is "answers missing" (exit 3, naming the question); input
//! that runs out at the review accepts it, so piping a list of numbers reaches the result.

use std::io::{self, BufRead, Write};

use crate::engine::{Action, Effect, Place, Walk};
use crate::guide::text::wrap;
use crate::locale::{fill, words, Plain};
use crate::report::result;

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

/// Runs the walk, reading commands from `input` and writing the conversation to `out`.
/// The result is printed as text to `out` at the end.
pub fn run(
    walk: &mut Walk,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    show_intro: bool,
) -> io::Result<Ending> {
    let t = &words(&walk.guide().language).plain;
    if show_intro {
        intro(walk, t, out)?;
    }
    let mut line = String::new();
    let mut announced = None;
    loop {
        let place = walk.place();
        match place {
            Place::Question { question, .. } => {
                if announced != Some(place) {
                    ask(walk, t, question, out)?;
                    announced = Some(place);
                }
            }
            Place::Review { .. } => {
                if announced != Some(place) {
                    review(walk, t, out)?;
                    announced = Some(place);
                }
            }
            Place::Result { .. } => {
                if let Some(doc) = result::document(walk) {
                    writeln!(out)?;
                    write!(out, "{}", doc.to_text(WIDTH))?;
                }
                out.flush()?;
                return Ok(Ending::Finished);
            }
        }
        write!(out, "> ")?;
        out.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(match walk.place() {
                Place::Question { question, .. } => {
                    let id = walk.guide().questions[question].id.clone();
                    Ending::AnswersMissing(id)
                }
                _ => {
                    walk.apply(Action::Confirm);
                    continue;
                }
            });
        }
        let command = line.trim();
        match (command, place) {
            ("q" | "quit", _) => {
                writeln!(out, "{}", t.stopped)?;
                out.flush()?;
                return Ok(Ending::Quit);
            }
            ("b" | "back", _) => {
                if walk.apply(Action::Back).contains(&Effect::Refused) {
                    writeln!(out, "{}", t.first_question)?;
                }
                announced = None;
            }
            ("?" | "why", Place::Question { question, .. }) => {
                let why = &walk.guide().questions[question].why;
                let text = if why.is_empty() { t.no_why } else { why };
                writeln!(out, "{}", t.why_we_ask)?;
                for l in wrap(text, WIDTH) {
                    writeln!(out, "  {l}")?;
                }
                // Ask again, so a screen reader finds the question right after the answer.
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
                Some(answer) => {
                    walk.apply(Action::Choose(answer));
                }
                None => writeln!(out, "{}", choose_hint(walk, t, question))?,
            },
            (text, Place::Question { question, .. }) => {
                match parse_choice(text, walk.guide().questions[question].answers.len()) {
                    Some(n) => {
                        walk.apply(Action::Choose(n));
                    }
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
            (_, Place::Result { .. }) => {}
        }
    }
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
        let mark = mark.as_str();
        let lines = wrap(&a.label, WIDTH - 6);
        for (j, l) in lines.iter().enumerate() {
            if j == 0 {
                writeln!(
                    out,
                    "  {:>2}. {l}{}",
                    i + 1,
                    if lines.len() == 1 { mark } else { "" }
                )?;
            } else {
                writeln!(
                    out,
                    "      {l}{}",
                    if j + 1 == lines.len() { mark } else { "" }
                )?;
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

/// Reads an answers file: one `question-id: answer-id` per line (`=` also works); blank lines
/// and lines starting with `#` are skipped. Returns the pairs, or the first bad line's number.
pub fn parse_answers(text: &str) -> Result<Vec<(String, String)>, usize> {
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((q, a)) = line.split_once([':', '=']) else {
            return Err(i + 1);
        };
        let (q, a) = (q.trim(), a.trim().trim_matches('"'));
        if q.is_empty() || a.is_empty() {
            return Err(i + 1);
        }
        pairs.push((q.trim_matches('"').to_string(), a.to_string()));
    }
    Ok(pairs)
}
