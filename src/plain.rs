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

use crate::engine::length;
use crate::engine::{Action, Effect, Place, Walk};
use crate::guide::text::wrap;
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

/// Writes `text` wrapped at [`WIDTH`], so that a terminal never breaks a word.
fn say(out: &mut dyn Write, text: &str) -> io::Result<()> {
    if text.is_empty() {
        return writeln!(out);
    }
    hanging(out, "", "", text)
}

/// Writes `text` wrapped at [`WIDTH`], the first line after `first`, the others after `rest`.
fn hanging(out: &mut dyn Write, first: &str, rest: &str, text: &str) -> io::Result<()> {
    let room = WIDTH.saturating_sub(first.chars().count().max(rest.chars().count()));
    for (i, line) in wrap(text, room).iter().enumerate() {
        let lead = if i == 0 { first } else { rest };
        writeln!(out, "{lead}{line}")?;
    }
    Ok(())
}

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
    let w = words(&walk.guide().language);
    let t = &w.plain;
    if show_intro {
        intro(walk, t, out)?;
    }
    let mut talk = Talk {
        walk,
        t,
        input,
        out,
        save_into,
        yes: w.keys.yes,
        line: String::new(),
        announced: None,
        saved: false,
    };
    loop {
        let place = talk.walk.place();
        if talk.announced != Some(place) {
            if let Some(ending) = talk.announce(place)? {
                return Ok(ending);
            }
        }
        let ending = if talk.prompt()? {
            // Owned: a command may read another line (`q` at an unsaved result asks first).
            let command = talk.line.trim().to_string();
            talk.obey(&command, place)?
        } else {
            talk.ran_out(place)?
        };
        if let Some(ending) = ending {
            return Ok(ending);
        }
    }
}

/// A plain run under way: the walk, the words, both ends of the conversation and what has been
/// said.
struct Talk<'a, 'w> {
    walk: &'w mut Walk,
    t: &'static Plain,
    input: &'a mut dyn BufRead,
    out: &'a mut dyn Write,
    save_into: Option<&'a Path>,
    /// The letter that answers yes in the guide's language (`y`, `s` for "sí").
    yes: char,
    /// The last line read.
    line: String,
    /// The place last shown, so it is shown once until something asks for it again.
    announced: Option<Place>,
    /// Whether the result has been saved (`q` then leaves without asking).
    saved: bool,
}

impl Talk<'_, '_> {
    /// Shows a place: the question, the review, or the result. A result with nowhere to save
    /// it ends the run.
    fn announce(&mut self, place: Place) -> io::Result<Option<Ending>> {
        let (walk, t) = (&*self.walk, self.t);
        match place {
            Place::Question { question, .. } => ask(walk, t, question, self.out)?,
            Place::Review { .. } => review(walk, t, self.out)?,
            Place::Result { .. } => {
                show_result(walk, self.out)?;
                if self.save_into.is_none() {
                    self.out.flush()?;
                    return Ok(Some(Ending::Finished));
                }
                say(self.out, t.result_prompt)?;
            }
        }
        self.announced = Some(place);
        Ok(None)
    }

    /// Prompts and reads a line into `self.line`; `false` when the input has run out.
    fn prompt(&mut self) -> io::Result<bool> {
        write!(self.out, "> ")?;
        self.out.flush()?;
        self.line.clear();
        Ok(self.input.read_line(&mut self.line)? > 0)
    }

    /// The input ran out here: answers missing at a question, the review accepted, the run
    /// over after the result.
    fn ran_out(&mut self, place: Place) -> io::Result<Option<Ending>> {
        // The prompt's line ends, so whatever prints next starts on its own.
        writeln!(self.out)?;
        Ok(match place {
            Place::Question { question, .. } => {
                let id = self.walk.guide().questions[question].id.clone();
                Some(Ending::AnswersMissing(id))
            }
            Place::Review { .. } => {
                self.walk.apply(Action::Confirm);
                None
            }
            Place::Result { .. } => Some(Ending::Finished),
        })
    }

    /// Carries out one command typed at a place.
    fn obey(&mut self, command: &str, place: Place) -> io::Result<Option<Ending>> {
        let t = self.t;
        match (command, place) {
            ("q" | "quit", Place::Result { .. }) => return self.leave_result(),
            ("q" | "quit", _) => {
                say(self.out, t.stopped)?;
                self.out.flush()?;
                return Ok(Some(Ending::Quit));
            }
            ("s" | "save", Place::Result { .. }) => self.save()?,
            ("b" | "back", _) => {
                if self.walk.apply(Action::Back).contains(&Effect::Refused) {
                    say(self.out, t.first_question)?;
                }
                self.announced = None;
            }
            ("w" | "why", Place::Question { question, .. }) => {
                why(self.walk, t, question, self.out)?;
                // Ask again, so a screen reader finds the question right after the answer.
                self.announced = None;
            }
            ("?" | "help", _) => {
                say(self.out, t.help)?;
                // `?` said why we ask before it listed the commands: it still does.
                if let Place::Question { question, .. } = place {
                    why(self.walk, t, question, self.out)?;
                    self.announced = None;
                }
            }
            ("r" | "review", _) => self.review_from(place)?,
            (text, Place::Question { question, .. }) => self.answer(text, question)?,
            (text, Place::Review { .. }) => self.edit(text)?,
            (_, Place::Result { .. }) => writeln!(self.out, "{}", t.result_prompt)?,
        }
        Ok(None)
    }

    /// `q` at the result: asks first while the result is not saved.
    fn leave_result(&mut self) -> io::Result<Option<Ending>> {
        if self.saved {
            return Ok(Some(Ending::Finished));
        }
        let question = fill(self.t.quit_unsaved, &[("yes", &self.yes)]);
        writeln!(self.out, "{question}")?;
        // The input running out says yes: nobody is there to say otherwise.
        if !self.prompt()? || self.says_yes() {
            return Ok(Some(Ending::Finished));
        }
        say(self.out, self.t.result_prompt)?;
        Ok(None)
    }

    /// The last line answers yes: the language's letter for it, in either case.
    fn says_yes(&self) -> bool {
        let mut letters = self.line.trim().chars();
        matches!((letters.next(), letters.next()), (Some(c), None) if c.to_lowercase().eq(self.yes.to_lowercase()))
    }

    /// `s` at the result: saves it as Markdown and says where.
    fn save(&mut self) -> io::Result<()> {
        let folder = self.save_into.unwrap_or(Path::new("."));
        match save_result(self.walk, folder) {
            Ok(path) => {
                self.saved = true;
                let shown = path.display().to_string();
                writeln!(self.out, "{}", fill(self.t.saved, &[("path", &shown)]))
            }
            Err(e) => say(self.out, &fill(self.t.save_failed, &[("error", &e)])),
        }
    }

    /// `r`: the answers so far; from a question, then back to it.
    fn review_from(&mut self, place: Place) -> io::Result<()> {
        let at_question = matches!(place, Place::Question { .. });
        if at_question && self.walk.review().is_empty() {
            say(self.out, self.t.nothing_to_review)?;
        } else {
            review(self.walk, self.t, self.out)?;
            if at_question {
                say(self.out, self.t.back_to_question)?;
            }
        }
        if at_question {
            self.announced = None;
        }
        Ok(())
    }

    /// A line typed at a question: an answer's number, or Enter to keep the one chosen.
    fn answer(&mut self, text: &str, question: usize) -> io::Result<()> {
        // Numbers go by the answers shown: those offered to this group.
        let choice = if text.is_empty() {
            self.walk.prefilled(question)
        } else {
            let shown = self.walk.visible_answers(question);
            parse_choice(text, shown.len()).map(|n| shown[n])
        };
        match choice {
            Some(n) => choose(self.walk, self.t, n, self.out),
            None => say(self.out, &choose_hint(self.walk, self.t, question)),
        }
    }

    /// A line typed at the review: Enter accepts it, a number goes back to change that answer.
    fn edit(&mut self, text: &str) -> io::Result<()> {
        if text.is_empty() {
            self.walk.apply(Action::Confirm);
            return Ok(());
        }
        match parse_choice(text, self.walk.review().len()) {
            Some(n) => {
                let question = self.walk.review()[n].question;
                self.walk.apply(Action::Edit(question));
                Ok(())
            }
            None => {
                let n = self.walk.review().len().to_string();
                writeln!(self.out, "{}", fill(self.t.review_hint, &[("n", &n)]))
            }
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
    say(out, &fill(t.you_chose, &[("answer", &label)]))
}

/// The result as text, without sections that hold nothing.
fn show_result(walk: &Walk, out: &mut dyn Write) -> io::Result<()> {
    if let Some(doc) = result::document(walk).map(Doc::without_empty_headings) {
        writeln!(out)?;
        write!(out, "{}", doc.to_text(WIDTH))?;
    }
    Ok(())
}

fn why(walk: &Walk, t: &Plain, question: usize, out: &mut dyn Write) -> io::Result<()> {
    let why = walk.why(question);
    let text = if why.is_empty() { t.no_why } else { &why };
    say(out, t.why_we_ask)?;
    for l in wrap(text, WIDTH) {
        if l.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "  {l}")?;
        }
    }
    Ok(())
}

fn parse_choice(text: &str, count: usize) -> Option<usize> {
    let n: usize = text.trim_end_matches(['.', ')']).parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}

fn choose_hint(walk: &Walk, t: &Plain, question: usize) -> String {
    let n = walk.visible_answers(question).len();
    fill(t.choose_hint, &[("n", &n.to_string())])
}

fn intro(walk: &Walk, t: &Plain, out: &mut dyn Write) -> io::Result<()> {
    let guide = walk.guide();
    say(out, &guide.title)?;
    writeln!(out)?;
    for l in wrap(&guide.intro, WIDTH) {
        writeln!(out, "{l}")?;
    }
    if let Some(e) = length::estimate(walk) {
        let intro = &words(&guide.language).intro;
        writeln!(out)?;
        writeln!(
            out,
            "{}: {}.",
            intro.length,
            intro.estimate(e.questions, e.minutes)
        )?;
    }
    say(out, t.plain_commands)?;
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
    let chosen = walk.prefilled(question);
    for (i, (n, a)) in walk
        .visible_answers(question)
        .into_iter()
        .map(|n| (n, &q.answers[n]))
        .enumerate()
    {
        let mark = if chosen == Some(n) {
            format!("  {}", t.your_answer)
        } else {
            String::new()
        };
        let mut lines = wrap(&a.label, WIDTH - 6);
        match lines.last_mut() {
            Some(last) if last.chars().count() + mark.chars().count() <= WIDTH - 6 => {
                last.push_str(&mark);
            }
            _ if !mark.is_empty() => lines.push(mark.trim_start().to_string()),
            _ => {}
        }
        for (j, l) in lines.iter().enumerate() {
            if j == 0 {
                writeln!(out, "  {:>2}. {l}", i + 1)?;
            } else {
                writeln!(out, "      {l}")?;
            }
        }
    }
    Ok(())
}

fn review(walk: &Walk, t: &Plain, out: &mut dyn Write) -> io::Result<()> {
    let guide = walk.guide();
    writeln!(out)?;
    say(out, t.review_heading)?;
    for (i, s) in walk.review().iter().enumerate() {
        let q = &guide.questions[s.question];
        hanging(out, &format!("  {:>2}. ", i + 1), "      ", &q.text)?;
        hanging(out, "      ", "      ", &q.answers[s.answer].label)?;
    }
    let stale = walk.stale();
    if !stale.is_empty() {
        say(out, t.not_used)?;
        for s in stale {
            let q = &guide.questions[s.question];
            let line = format!("{} {}", q.text, q.answers[s.answer].label);
            hanging(out, "   - ", "     ", &line)?;
        }
    }
    if matches!(walk.place(), Place::Review { .. }) {
        say(out, t.review_prompt)?;
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
