//! Counting a question's answers in a room, and the rule Enter follows when the facilitator
//! records the answer under the marker.
//!
//! A [`Count`] is what one answer has from every source: the raised hands the facilitator
//! counted and the votes of remote participants (`facilitate --serve`), summed by
//! [`Count::total`] and nowhere else. Everything that decides — who leads, whether there is a
//! tie, whether Enter records at once or asks — reads only the totals, so a new source of votes
//! changes this file and the place that fills the counts in, nothing else.
//!
//! **The recording rule.** Enter records the marked answer at once when it has the most (alone
//! or tied with others) or when nothing was counted on the question. Otherwise it asks once,
//! naming both counts ("Record X (1 hand)? Y has 3"), and a second Enter records it anyway. The
//! marker itself never moves because a count changed: the facilitator counts hands for the answer
//! under it, and the leader stays the leader until another answer has more; remote votes that
//! arrive while the facilitator counts move the totals, never the marker.

/// What one answer of a question has, from every source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Hands raised in the room, counted by the facilitator.
    pub hands: u32,
    /// Votes of remote participants.
    pub online: u32,
}

impl Count {
    /// The count the rule reads: every source added up.
    pub fn total(&self) -> u32 {
        self.hands.saturating_add(self.online)
    }
}

/// Where the answers of a question stand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// The most any answer has (0 when nothing was counted).
    pub most: u32,
    /// The answers that have it, in the guide's order (positions in the question); empty when
    /// nothing was counted. Two or more is a tie.
    pub leaders: Vec<usize>,
}

impl Standing {
    /// Where the `offered` answers (positions in the question) stand, by their totals in
    /// `counts` (one per answer of the question; a missing one counts 0).
    pub fn of(counts: &[Count], offered: &[usize]) -> Standing {
        let total = |a: usize| counts.get(a).map_or(0, Count::total);
        let most = offered.iter().map(|&a| total(a)).max().unwrap_or(0);
        if most == 0 {
            return Standing::default();
        }
        let leaders = offered
            .iter()
            .copied()
            .filter(|&a| total(a) == most)
            .collect();
        Standing { most, leaders }
    }

    /// True when anything was counted.
    pub fn counted(&self) -> bool {
        self.most > 0
    }

    /// True when two or more answers share the most.
    pub fn tied(&self) -> bool {
        self.leaders.len() > 1
    }

    /// The one answer with strictly more than every other, if there is one.
    pub fn leader(&self) -> Option<usize> {
        match self.leaders.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// True when `answer` has the most (alone or tied).
    pub fn leads(&self, answer: usize) -> bool {
        self.leaders.contains(&answer)
    }
}

/// What Enter does with the answer under the marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recording {
    /// Record it now: it has the most (alone or tied), or nothing was counted.
    Now,
    /// Ask first: other answers have more.
    Ask {
        /// The marked answer's total.
        marked: u32,
        /// The answers that have the most (positions in the question).
        leaders: Vec<usize>,
        /// What they have.
        most: u32,
    },
}

/// The recording rule for the answer `marked` (a position in the question), given the counts of
/// the question's answers and the answers offered.
pub fn recording(counts: &[Count], offered: &[usize], marked: usize) -> Recording {
    let standing = Standing::of(counts, offered);
    if !standing.counted() || standing.leads(marked) {
        return Recording::Now;
    }
    Recording::Ask {
        marked: counts.get(marked).map_or(0, Count::total),
        leaders: standing.leaders,
        most: standing.most,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(hands: &[u32]) -> Vec<Count> {
        hands
            .iter()
            .map(|&hands| Count { hands, online: 0 })
            .collect()
    }

    #[test]
    fn three_three_zero_one_is_a_tie_of_the_first_two() {
        let c = counts(&[3, 3, 0, 1]);
        let standing = Standing::of(&c, &[0, 1, 2, 3]);
        assert_eq!(standing.leaders, vec![0, 1]);
        assert!(standing.tied());
        assert_eq!(standing.leader(), None);
        // The answer counted last has 1 hand: Enter asks, naming both counts.
        assert_eq!(
            recording(&c, &[0, 1, 2, 3], 3),
            Recording::Ask {
                marked: 1,
                leaders: vec![0, 1],
                most: 3
            }
        );
        // Either tied answer is recorded at once.
        assert_eq!(recording(&c, &[0, 1, 2, 3], 0), Recording::Now);
        assert_eq!(recording(&c, &[0, 1, 2, 3], 1), Recording::Now);
    }

    #[test]
    fn with_nothing_counted_enter_records_whatever_is_marked() {
        let c = counts(&[0, 0, 0]);
        assert_eq!(recording(&c, &[0, 1, 2], 2), Recording::Now);
        assert_eq!(recording(&[], &[0, 1], 1), Recording::Now);
        assert!(!Standing::of(&c, &[0, 1, 2]).counted());
    }

    #[test]
    fn only_offered_answers_stand() {
        // An answer not offered to this group cannot lead, whatever its count.
        let c = counts(&[1, 5, 2]);
        let standing = Standing::of(&c, &[0, 2]);
        assert_eq!(standing.leader(), Some(2));
        assert_eq!(
            recording(&c, &[0, 2], 0),
            Recording::Ask {
                marked: 1,
                leaders: vec![2],
                most: 2
            }
        );
    }

    #[test]
    fn hands_and_online_votes_stand_together() {
        // 2 hands + 3 online beats 4 hands; a tie of sums is a tie, whatever its sources.
        let c = vec![
            Count {
                hands: 2,
                online: 3,
            },
            Count {
                hands: 4,
                online: 0,
            },
            Count {
                hands: 0,
                online: 5,
            },
        ];
        assert_eq!(c[0].total(), 5);
        let standing = Standing::of(&c, &[0, 1, 2]);
        assert_eq!(standing.leaders, vec![0, 2]);
        assert_eq!(standing.most, 5);
        assert_eq!(
            recording(&c, &[0, 1, 2], 1),
            Recording::Ask {
                marked: 4,
                leaders: vec![0, 2],
                most: 5
            }
        );
        assert_eq!(recording(&c, &[0, 1, 2], 2), Recording::Now);
        // Only online votes still count as something counted.
        let only_online = vec![
            Count {
                hands: 0,
                online: 1,
            },
            Count::default(),
        ];
        assert_eq!(
            recording(&only_online, &[0, 1], 1),
            Recording::Ask {
                marked: 0,
                leaders: vec![0],
                most: 1
            }
        );
        assert_eq!(
            Count {
                hands: u32::MAX,
                online: 1
            }
            .total(),
            u32::MAX
        );
    }
}
