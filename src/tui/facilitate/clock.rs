//! Time in workshop mode: how long the group spends on each question, and the countdown a
//! facilitator can run on one.
//!
//! Time comes in from the driver as the time since the presenter started (`Tick`), so the
//! state machine stays pure and tests can move the clock by hand. Between key presses the
//! driver sleeps; time spent on a question is the gap between two ticks, counted when something
//! happens, so an idle presenter needs no timer at all. Only a running countdown asks to be woken,
//! once a second, to redraw itself.

use std::time::Duration;

/// The lengths `t` cycles through, in seconds; one more press turns the countdown off.
pub const COUNTDOWNS: [u64; 3] = [2 * 60, 5 * 60, 10 * 60];

/// A countdown on a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    /// The question it runs on (position in the guide); leaving the question stops it.
    pub question: usize,
    /// Its length.
    pub length: Duration,
    /// When it ends, on the presenter's clock.
    pub ends: Duration,
}

impl Countdown {
    /// The next countdown after `current` on a question, started `now`: 2, 5, 10 minutes, then
    /// none.
    pub fn cycle(current: Option<Countdown>, question: usize, now: Duration) -> Option<Countdown> {
        let next = match current.filter(|c| c.question == question) {
            None => Some(COUNTDOWNS[0]),
            Some(c) => COUNTDOWNS
                .iter()
                .position(|&s| Duration::from_secs(s) == c.length)
                .and_then(|i| COUNTDOWNS.get(i + 1).copied()),
        }?;
        let length = Duration::from_secs(next);
        Some(Countdown {
            question,
            length,
            ends: now + length,
        })
    }

    /// Time left at `now`.
    pub fn left(&self, now: Duration) -> Duration {
        self.ends.saturating_sub(now)
    }

    /// Whole seconds shown at `now`, rounded up (it shows 0:00 only when the time is up).
    pub fn shown_seconds(&self, now: Duration) -> u64 {
        let left = self.left(now);
        left.as_secs() + u64::from(left.subsec_nanos() > 0)
    }

    /// How long until what is shown changes; `None` once the time is up.
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        let shown = self.shown_seconds(now);
        (shown > 0).then(|| {
            self.left(now)
                .saturating_sub(Duration::from_secs(shown - 1))
        })
    }
}

/// `m:ss`, as a countdown shows seconds.
pub fn minutes_seconds(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The time spent on the question being asked, not yet added to the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnQuestion {
    /// The question (position in the guide).
    pub question: usize,
    /// Since when the time is not yet counted.
    pub since: Duration,
}

impl OnQuestion {
    /// Whole seconds spent since the last count, at `now`; the part of a second left over stays
    /// for the next count.
    pub fn take_seconds(&mut self, now: Duration) -> u64 {
        let whole = now.saturating_sub(self.since).as_secs();
        self.since += Duration::from_secs(whole);
        whole
    }

    /// How long after `now` the whole seconds spent here go up by one.
    pub fn next_change(&self, now: Duration) -> Duration {
        let spent = now.saturating_sub(self.since);
        Duration::from_secs(1) - Duration::from_nanos(u64::from(spent.subsec_nanos()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_cycles_two_five_ten_minutes_then_off() {
        let now = Duration::from_secs(7);
        let two = Countdown::cycle(None, 3, now).expect("two minutes");
        assert_eq!(two.length, Duration::from_secs(120));
        let five = Countdown::cycle(Some(two), 3, now).expect("five minutes");
        let ten = Countdown::cycle(Some(five), 3, now).expect("ten minutes");
        assert_eq!(ten.ends, now + Duration::from_secs(600));
        assert_eq!(Countdown::cycle(Some(ten), 3, now), None);
        // A countdown left on another question does not count: this one starts afresh.
        assert_eq!(
            Countdown::cycle(Some(ten), 4, now).map(|c| c.length),
            Some(Duration::from_secs(120))
        );
    }

    #[test]
    fn the_countdown_wakes_when_the_shown_second_changes() {
        let c = Countdown::cycle(None, 0, Duration::ZERO).expect("started");
        let now = Duration::from_millis(700);
        assert_eq!(c.shown_seconds(now), 120);
        assert_eq!(c.next_change(now), Some(Duration::from_millis(300)));
        let end = Duration::from_secs(120);
        assert_eq!(c.shown_seconds(end), 0);
        assert_eq!(c.next_change(end), None);
        assert_eq!(minutes_seconds(119), "1:59");
    }

    #[test]
    fn time_on_a_question_wakes_on_the_next_whole_second() {
        let on = OnQuestion {
            question: 0,
            since: Duration::from_millis(200),
        };
        assert_eq!(
            on.next_change(Duration::from_millis(1500)),
            Duration::from_millis(700)
        );
        assert_eq!(
            on.next_change(Duration::from_millis(200)),
            Duration::from_secs(1)
        );
    }

    #[test]
    fn time_on_a_question_keeps_the_part_of_a_second_left_over() {
        let mut on = OnQuestion {
            question: 0,
            since: Duration::ZERO,
        };
        assert_eq!(on.take_seconds(Duration::from_millis(1500)), 1);
        assert_eq!(on.take_seconds(Duration::from_millis(2600)), 1);
        assert_eq!(on.take_seconds(Duration::from_millis(2900)), 0);
    }
}
