//! The room's limits, and the two small bookkeepers that enforce the ones with memory: failed
//! tries per address ([`Failures`]) and keys per connection ([`InputRate`]). Both are pure: the
//! time is handed in, so tests run them at any speed.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Every limit of a room. [`Limits::default`] is what `facilitate --serve` uses, with
/// `--max-participants` for the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Participants in the room at once (those who gave the code); more are told the room is
    /// full.
    pub max_participants: usize,
    /// Connections at once that have not joined yet, from all addresses together.
    pub max_waiting: usize,
    /// Connections at once that have not joined yet from one address. People who joined are
    /// not counted: a whole room behind one router shares an address.
    pub waiting_per_address: usize,
    /// Wrong codes from one address, within [`Limits::failure_window`], before the address is
    /// turned away for [`Limits::block_for`].
    pub failures_per_address: u32,
    /// The window failures are counted in.
    pub failure_window: Duration,
    /// How long an address that failed too often is turned away.
    pub block_for: Duration,
    /// Wrong codes on one connection before it is closed.
    pub tries_per_connection: usize,
    /// How long every refusal of a code takes, right or wrong, however fast it was checked.
    pub rejection_time: Duration,
    /// Keys a participant can send per second, on average.
    pub keys_per_second: u32,
    /// Keys a participant can send at once, before the average applies.
    pub key_burst: u32,
    /// Time to give the code and a name, from the moment the connection opens.
    pub login_grace: Duration,
    /// A participant who sends no key for this long is let go (they can join again).
    pub idle: Duration,
    /// The largest window a participant's view is drawn for; a larger one gets a view this
    /// size in its top left corner, so no client can make the room draw (and hold) more.
    pub largest_window: (u16, u16),
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_participants: 200,
            max_waiting: 128,
            waiting_per_address: 64,
            failures_per_address: 20,
            failure_window: Duration::from_secs(60),
            block_for: Duration::from_secs(60),
            tries_per_connection: 3,
            rejection_time: Duration::from_secs(1),
            keys_per_second: 20,
            key_burst: 40,
            login_grace: Duration::from_secs(120),
            idle: Duration::from_secs(2 * 60 * 60),
            largest_window: (300, 100),
        }
    }
}

/// The most addresses [`Failures`] remembers; past that the oldest are forgotten, so a flood
/// of addresses cannot grow the table without end.
const REMEMBERED: usize = 4096;

/// Wrong codes per address.
#[derive(Debug, Clone, Default)]
pub struct Failures {
    by_address: HashMap<IpAddr, Tries>,
}

#[derive(Debug, Clone, Copy)]
struct Tries {
    count: u32,
    since: Instant,
    blocked_until: Option<Instant>,
}

impl Failures {
    /// True while an address is turned away.
    pub fn blocked(&self, address: IpAddr, now: Instant) -> bool {
        self.by_address
            .get(&address)
            .and_then(|t| t.blocked_until)
            .is_some_and(|until| now < until)
    }

    /// Counts a wrong code from an address; returns true when that turns the address away.
    pub fn failed(&mut self, address: IpAddr, now: Instant, limits: &Limits) -> bool {
        if self.by_address.len() >= REMEMBERED && !self.by_address.contains_key(&address) {
            self.forget_old(now, limits);
        }
        let tries = self.by_address.entry(address).or_insert(Tries {
            count: 0,
            since: now,
            blocked_until: None,
        });
        if tries.blocked_until.is_some_and(|until| now >= until)
            || now.duration_since(tries.since) > limits.failure_window
        {
            *tries = Tries {
                count: 0,
                since: now,
                blocked_until: None,
            };
        }
        tries.count = tries.count.saturating_add(1);
        if tries.count >= limits.failures_per_address && tries.blocked_until.is_none() {
            tries.blocked_until = Some(now + limits.block_for);
            return true;
        }
        false
    }

    /// Addresses remembered (for tests).
    pub fn len(&self) -> usize {
        self.by_address.len()
    }

    /// True when no address is remembered.
    pub fn is_empty(&self) -> bool {
        self.by_address.is_empty()
    }

    /// Forgets the addresses whose failures no longer count; if that is not enough, the half
    /// that failed longest ago.
    fn forget_old(&mut self, now: Instant, limits: &Limits) {
        self.by_address.retain(|_, t| {
            let blocked = t.blocked_until.is_some_and(|until| now < until);
            blocked || now.duration_since(t.since) <= limits.failure_window
        });
        if self.by_address.len() >= REMEMBERED {
            let mut ages: Vec<Instant> = self.by_address.values().map(|t| t.since).collect();
            ages.sort_unstable();
            let cut = ages[ages.len() / 2];
            self.by_address.retain(|_, t| t.since > cut);
        }
    }
}

/// Keys per connection: a bucket of [`Limits::key_burst`] tokens refilled at
/// [`Limits::keys_per_second`]; a key with no token left is dropped.
#[derive(Debug, Clone, Copy)]
pub struct InputRate {
    /// Thousandths of a token, so the refill needs no fractions.
    milli: u64,
    last: Instant,
}

impl InputRate {
    /// A full bucket at `now`.
    pub fn new(now: Instant, limits: &Limits) -> InputRate {
        InputRate {
            milli: u64::from(limits.key_burst) * 1000,
            last: now,
        }
    }

    /// Takes a token for one key at `now`; false when none is left (the key is dropped).
    pub fn allow(&mut self, now: Instant, limits: &Limits) -> bool {
        let elapsed = now.saturating_duration_since(self.last);
        let refill = elapsed
            .as_millis()
            .saturating_mul(u128::from(limits.keys_per_second));
        let full = u64::from(limits.key_burst) * 1000;
        self.milli = u64::try_from(u128::from(self.milli).saturating_add(refill))
            .unwrap_or(u64::MAX)
            .min(full);
        self.last = now;
        if self.milli >= 1000 {
            self.milli -= 1000;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn limits() -> Limits {
        Limits {
            failures_per_address: 3,
            failure_window: Duration::from_secs(60),
            block_for: Duration::from_secs(30),
            keys_per_second: 10,
            key_burst: 5,
            ..Limits::default()
        }
    }

    #[test]
    fn an_address_is_turned_away_after_too_many_wrong_codes_and_welcome_again_later() {
        let (l, t0) = (limits(), Instant::now());
        let a = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
        let b = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 3));
        let mut f = Failures::default();
        assert!(!f.failed(a, t0, &l));
        assert!(!f.failed(a, t0, &l));
        assert!(!f.blocked(a, t0));
        assert!(f.failed(a, t0 + Duration::from_secs(1), &l), "the third");
        assert!(f.blocked(a, t0 + Duration::from_secs(2)));
        assert!(
            !f.blocked(b, t0 + Duration::from_secs(2)),
            "only that address"
        );
        assert!(
            !f.blocked(a, t0 + Duration::from_secs(32)),
            "the block ends"
        );
        assert!(
            !f.failed(a, t0 + Duration::from_secs(33), &l),
            "and counting restarts"
        );
    }

    #[test]
    fn failures_spread_over_more_than_the_window_never_add_up() {
        let (l, t0) = (limits(), Instant::now());
        let a = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let mut f = Failures::default();
        for minute in 0..10 {
            let at = t0 + Duration::from_secs(61 * minute);
            assert!(!f.failed(a, at, &l));
            assert!(!f.failed(a, at, &l));
        }
        assert!(!f.blocked(a, t0 + Duration::from_secs(700)));
    }

    #[test]
    fn the_table_of_addresses_stays_bounded() {
        let (l, t0) = (limits(), Instant::now());
        let mut f = Failures::default();
        for n in 0..u32::try_from(REMEMBERED * 2).expect("small") {
            let at = t0 + Duration::from_millis(u64::from(n));
            f.failed(IpAddr::V4(Ipv4Addr::from(n)), at, &l);
        }
        assert!(f.len() <= REMEMBERED, "{}", f.len());
    }

    #[test]
    fn keys_beyond_the_burst_are_dropped_until_the_bucket_refills() {
        let (l, t0) = (limits(), Instant::now());
        let mut rate = InputRate::new(t0, &l);
        let allowed = (0..20).filter(|_| rate.allow(t0, &l)).count();
        assert_eq!(allowed, 5, "the burst");
        // Ten keys a second: one more every 100 ms.
        assert!(!rate.allow(t0 + Duration::from_millis(50), &l));
        assert!(rate.allow(t0 + Duration::from_millis(150), &l));
        assert!(!rate.allow(t0 + Duration::from_millis(150), &l));
        // A long pause refills the bucket, never past the burst.
        let later = t0 + Duration::from_secs(100);
        assert_eq!((0..20).filter(|_| rate.allow(later, &l)).count(), 5);
    }
}
