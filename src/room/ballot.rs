//! The ballot box: who is in the room, and each participant's vote on each question.
//!
//! A participant is known by the name they typed, read without regard to case or extra spaces
//! ("Ana " and "ana" are one person). A name is held by one connection at a time; when that
//! connection ends the name is free again, and whoever joins with it next gets its votes back —
//! that is how someone whose connection dropped finds their vote where they left it. A vote is
//! a vote once cast: leaving the room does not take it back.
//!
//! Only the question the presenter has open takes votes (the caller says which it is: the
//! presenter's latest word); a vote for any other (one sent just
//! as the facilitator recorded and moved on) is refused and the participant sees their vote as
//! it stands. Every change gives the question's new count, which is what the presenter is told.

use std::collections::{BTreeMap, HashMap};

use crate::engine::session::OnlineVotes;
use crate::guide::text::sanitize_line;

/// The longest name, in characters.
pub const NAME_LIMIT: usize = 24;

/// A connection, as the room numbers them.
pub type Seat = u64;

/// Why a name cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing is left of it once cleaned.
    Empty,
    /// Someone connected now has it.
    Taken,
    /// The room has seen as many names as it keeps.
    TooMany,
    /// As many people as the room takes are in it.
    Full,
}

/// One participant.
#[derive(Debug, Clone, Default)]
struct Person {
    /// The name as they typed it (cleaned), as the session records it.
    name: String,
    /// The connection holding the name, if one does.
    seat: Option<Seat>,
    /// Question id → answer id.
    votes: HashMap<String, String>,
}

/// The ballot box.
#[derive(Debug, Clone, Default)]
pub struct Ballot {
    /// Keyed by the name as compared ([`key`]).
    people: HashMap<String, Person>,
    seats: HashMap<Seat, String>,
    /// Question id → answer id → votes, kept as votes change.
    counts: HashMap<String, BTreeMap<String, u32>>,
    /// The most people in the room at once.
    most_present: usize,
    /// The most names kept (people who left without voting are forgotten first).
    most_names: usize,
}

/// A name cleaned for showing and saving: control and bidi characters gone, spaces collapsed,
/// at most [`NAME_LIMIT`] characters.
pub fn clean_name(name: &str) -> String {
    let clean = sanitize_line(name);
    let words: Vec<&str> = clean.split_whitespace().collect();
    words.join(" ").chars().take(NAME_LIMIT).collect()
}

/// A name as names are compared: cleaned, in lower case.
fn key(name: &str) -> String {
    clean_name(name).to_lowercase()
}

impl Ballot {
    /// An empty ballot box for at most `most_present` people at once. It keeps the names of
    /// four times as many (people come and go), forgetting first those who never voted.
    pub fn new(most_present: usize) -> Ballot {
        let most_present = most_present.max(1);
        Ballot {
            most_present,
            most_names: most_present.saturating_mul(4).saturating_add(16),
            ..Ballot::default()
        }
    }

    /// Puts back the votes a session recorded with names (question id → name → answer id), so
    /// people who join again with their name find their votes.
    pub fn seed(&mut self, question: &str, names: &BTreeMap<String, String>) {
        for (name, answer) in names {
            let k = key(name);
            if k.is_empty() {
                continue;
            }
            let person = self.people.entry(k).or_insert_with(|| Person {
                name: clean_name(name),
                ..Person::default()
            });
            if let Some(old) = person
                .votes
                .insert(question.to_string(), answer.to_string())
            {
                uncount(&mut self.counts, question, &old);
            }
            *self
                .counts
                .entry(question.to_string())
                .or_default()
                .entry(answer.to_string())
                .or_insert(0) += 1;
        }
    }

    /// Gives a name to a connection. Returns the name as it will be shown and the votes it
    /// already has (question id → answer id).
    pub fn claim(
        &mut self,
        seat: Seat,
        name: &str,
    ) -> Result<(String, HashMap<String, String>), Refusal> {
        let k = key(name);
        if k.is_empty() {
            return Err(Refusal::Empty);
        }
        let seated = self.seats.contains_key(&seat);
        if !seated && self.seats.len() >= self.most_present {
            return Err(Refusal::Full);
        }
        match self.people.get(&k) {
            Some(p) if p.seat.is_some_and(|s| s != seat) => return Err(Refusal::Taken),
            Some(_) => {}
            None => {
                if self.people.len() >= self.most_names {
                    self.forget_idle();
                }
                if self.people.len() >= self.most_names {
                    return Err(Refusal::TooMany);
                }
            }
        }
        self.release(seat);
        let person = self.people.entry(k.clone()).or_insert_with(|| Person {
            name: clean_name(name),
            ..Person::default()
        });
        person.seat = Some(seat);
        self.seats.insert(seat, k);
        Ok((person.name.clone(), person.votes.clone()))
    }

    /// The connection ended: its name is free again; its votes stay.
    pub fn release(&mut self, seat: Seat) {
        if let Some(k) = self.seats.remove(&seat) {
            if let Some(p) = self.people.get_mut(&k) {
                p.seat = None;
            }
        }
    }

    /// People connected now (with a name).
    pub fn present(&self) -> usize {
        self.seats.len()
    }

    /// A connection's vote on a question (`None` takes it back), while `open` is the question
    /// taking votes. Returns the question's new count (with who voted for what when `names`)
    /// when the vote changed it; `None` when nothing changed or the vote was refused (no name
    /// yet, or another question is open).
    pub fn vote(
        &mut self,
        seat: Seat,
        open: Option<&str>,
        question: &str,
        answer: Option<&str>,
        names: bool,
    ) -> Option<OnlineVotes> {
        if open != Some(question) {
            return None;
        }
        let k = self.seats.get(&seat)?;
        let person = self.people.get_mut(k)?;
        let before = person.votes.get(question).cloned();
        if before.as_deref() == answer {
            return None;
        }
        match answer {
            Some(a) => {
                person.votes.insert(question.to_string(), a.to_string());
            }
            None => {
                person.votes.remove(question);
            }
        }
        if let Some(old) = before {
            uncount(&mut self.counts, question, &old);
        }
        if let Some(a) = answer {
            *self
                .counts
                .entry(question.to_string())
                .or_default()
                .entry(a.to_string())
                .or_insert(0) += 1;
        }
        Some(self.votes(question, names))
    }

    /// A connection's votes (question id → answer id).
    pub fn votes_of(&self, seat: Seat) -> HashMap<String, String> {
        self.seats
            .get(&seat)
            .and_then(|k| self.people.get(k))
            .map(|p| p.votes.clone())
            .unwrap_or_default()
    }

    /// The count on a question, with who voted for what when `names` is true.
    pub fn votes(&self, question: &str, names: bool) -> OnlineVotes {
        let votes = self.counts.get(question).cloned().unwrap_or_default();
        let names = if names {
            self.people
                .values()
                .filter_map(|p| p.votes.get(question).map(|a| (p.name.clone(), a.clone())))
                .collect()
        } else {
            BTreeMap::new()
        };
        OnlineVotes { votes, names }
    }

    /// Forgets people who are not connected and never voted.
    fn forget_idle(&mut self) {
        self.people
            .retain(|_, p| p.seat.is_some() || !p.votes.is_empty());
    }
}

/// Takes one vote for `answer` off a question's count.
fn uncount(counts: &mut HashMap<String, BTreeMap<String, u32>>, question: &str, answer: &str) {
    if let Some(answers) = counts.get_mut(question) {
        if let Some(n) = answers.get_mut(answer) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                answers.remove(answer);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(b: &Ballot, q: &str) -> Vec<(String, u32)> {
        b.votes(q, false).votes.into_iter().collect()
    }

    #[test]
    fn votes_count_once_per_person_and_follow_changes() {
        let mut b = Ballot::new(100);
        let open = Some("size");
        b.claim(1, "Ana").expect("free");
        b.claim(2, "Ben").expect("free");
        assert!(b.vote(1, open, "size", Some("small"), false).is_some());
        assert!(b.vote(2, open, "size", Some("small"), false).is_some());
        assert!(
            b.vote(2, open, "size", Some("small"), false).is_none(),
            "no change"
        );
        let changed = b
            .vote(2, open, "size", Some("large"), false)
            .expect("a change");
        assert_eq!(changed.votes.get("small"), Some(&1));
        assert_eq!(changed.votes.get("large"), Some(&1));
        b.vote(1, open, "size", None, false);
        assert_eq!(count(&b, "size"), vec![("large".to_string(), 1)]);
    }

    #[test]
    fn only_the_open_question_takes_votes_and_only_from_named_people() {
        let mut b = Ballot::new(100);
        b.claim(1, "Ana").expect("free");
        assert!(
            b.vote(1, None, "size", Some("small"), false).is_none(),
            "nothing is open"
        );
        let open = Some("pace");
        assert!(
            b.vote(1, open, "size", Some("small"), false).is_none(),
            "another question"
        );
        assert!(
            b.vote(9, open, "pace", Some("slow"), false).is_none(),
            "no name yet"
        );
        assert!(b.vote(1, open, "pace", Some("slow"), false).is_some());
    }

    #[test]
    fn a_name_is_held_by_one_connection_and_its_votes_come_back_with_it() {
        let mut b = Ballot::new(100);
        b.claim(1, "Ana López").expect("free");
        b.vote(1, Some("size"), "size", Some("small"), true);
        assert_eq!(b.claim(2, " ana  LÓPEZ "), Err(Refusal::Taken));
        b.release(1);
        assert_eq!(b.present(), 0);
        let (name, votes) = b.claim(2, "ana lópez").expect("free again");
        assert_eq!(name, "Ana López", "the name as first typed");
        assert_eq!(votes.get("size").map(String::as_str), Some("small"));
        // The vote was counted once, and still is.
        assert_eq!(count(&b, "size"), vec![("small".to_string(), 1)]);
        assert_eq!(
            b.votes("size", true)
                .names
                .get("Ana López")
                .map(String::as_str),
            Some("small")
        );
    }

    #[test]
    fn names_are_cleaned_and_limited() {
        assert_eq!(clean_name("  Ana\u{1b}[31m \u{202e}Bo  "), "Ana[31m Bo");
        assert_eq!(clean_name(&"x".repeat(100)).chars().count(), NAME_LIMIT);
        let mut b = Ballot::new(100);
        assert_eq!(b.claim(1, " \u{7} "), Err(Refusal::Empty));
    }

    #[test]
    fn the_names_kept_are_bounded_forgetting_those_who_left_without_voting() {
        let mut b = Ballot::new(1);
        b.most_names = 2;
        b.claim(1, "a").expect("free");
        b.vote(1, Some("q"), "q", Some("x"), false);
        b.release(1);
        b.claim(2, "b").expect("free");
        b.release(2);
        b.claim(3, "c")
            .expect("b left without voting and is forgotten");
        b.release(3);
        // c is gone too (it never voted), so d fits; then nobody is left to forget.
        b.claim(4, "d").expect("c is forgotten");
        b.vote(4, Some("q"), "q", Some("x"), false);
        b.release(4);
        assert_eq!(b.claim(5, "e"), Err(Refusal::TooMany));
        assert!(b.claim(5, "a").is_ok(), "a voted, and is kept");
    }

    #[test]
    fn a_full_room_turns_new_people_away_until_someone_leaves() {
        let mut b = Ballot::new(2);
        b.claim(1, "a").expect("free");
        b.claim(2, "b").expect("free");
        assert_eq!(b.claim(3, "c"), Err(Refusal::Full));
        assert!(
            b.claim(2, "b").is_ok(),
            "a seated connection may claim again"
        );
        b.release(1);
        assert!(b.claim(3, "c").is_ok());
    }

    #[test]
    fn seeded_votes_come_back_to_their_names() {
        let mut b = Ballot::new(100);
        let names = BTreeMap::from([("Ana".to_string(), "small".to_string())]);
        b.seed("size", &names);
        assert_eq!(count(&b, "size"), vec![("small".to_string(), 1)]);
        let (_, votes) = b.claim(5, "ANA").expect("free");
        assert_eq!(votes.get("size").map(String::as_str), Some("small"));
        b.vote(5, Some("size"), "size", Some("large"), false);
        assert_eq!(count(&b, "size"), vec![("large".to_string(), 1)]);
    }
}
