//! The room code: the password participants give to join, new for each run of the room.
//!
//! Six characters from an alphabet with nothing to confuse when read off a projector or said
//! aloud: no `0`/`O`, `1`/`I`/`L`, no `U`/`V`. It is shown in two halves (`K7Q-M4X`); what a
//! participant types is read leniently (any case, with or without the dash or spaces), then
//! compared in constant time, so how long a wrong try takes says nothing about the code.
//!
//! Twenty-nine symbols in six places make 595 million codes; with the limits on failed tries
//! ([`super::limits`]) guessing one is out of reach.

use std::fmt;

/// The symbols a code is made of.
pub const ALPHABET: &[u8; 29] = b"23456789ABCDEFGHJKMNPQRSTWXYZ";

/// How many symbols a code has.
pub const LENGTH: usize = 6;

/// A room code.
#[derive(Clone, PartialEq, Eq)]
pub struct RoomCode([u8; LENGTH]);

impl RoomCode {
    /// A new code from the operating system's random source.
    pub fn random() -> Result<RoomCode, getrandom::Error> {
        let mut code = [0u8; LENGTH];
        let mut filled = 0;
        let mut pool = [0u8; 32];
        while filled < LENGTH {
            getrandom::fill(&mut pool)?;
            for byte in pool {
                // Rejection sampling: only bytes below the largest multiple of the alphabet's
                // size are used, so every symbol is equally likely.
                let limit = 256 - 256 % ALPHABET.len();
                if usize::from(byte) < limit && filled < LENGTH {
                    code[filled] = ALPHABET[usize::from(byte) % ALPHABET.len()];
                    filled += 1;
                }
            }
        }
        Ok(RoomCode(code))
    }

    /// A code given in full (for tests and for rooms whose code is set by hand); `None` when it
    /// is not six symbols of the alphabet, once read as [`RoomCode::matches`] reads a try.
    pub fn new(text: &str) -> Option<RoomCode> {
        let symbols = normalized(text)?;
        let valid = symbols.iter().all(|b| ALPHABET[..].contains(b));
        valid.then_some(RoomCode(symbols))
    }

    /// True when `typed` is this code, read leniently (case, dashes and spaces do not matter).
    /// The comparison takes the same time wherever the first difference is.
    pub fn matches(&self, typed: &str) -> bool {
        match normalized(typed) {
            Some(symbols) => constant_time_eq(&symbols, &self.0),
            None => {
                // Still compare something of the same size, so a try of the wrong length costs
                // what any other try costs.
                let _ = constant_time_eq(&self.0, &self.0);
                false
            }
        }
    }
}

/// The symbols of a try: letters in upper case, dashes and spaces dropped; `None` when that
/// does not leave exactly [`LENGTH`] ASCII symbols.
fn normalized(text: &str) -> Option<[u8; LENGTH]> {
    let mut out = [0u8; LENGTH];
    let mut n = 0;
    for c in text.chars() {
        if matches!(c, '-' | ' ' | '\u{2010}'..='\u{2015}') {
            continue;
        }
        if !c.is_ascii() || n == LENGTH {
            return None;
        }
        let byte = u8::try_from(c.to_ascii_uppercase()).ok()?;
        out[n] = byte;
        n += 1;
    }
    (n == LENGTH).then_some(out)
}

/// Equality of two byte strings of one length without an early exit.
fn constant_time_eq(a: &[u8; LENGTH], b: &[u8; LENGTH]) -> bool {
    let mut diff = 0u8;
    for (x, y) in a.iter().zip(b) {
        diff |= x ^ y;
    }
    // `black_box` keeps the optimiser from turning the fold back into an early exit.
    std::hint::black_box(diff) == 0
}

impl fmt::Display for RoomCode {
    /// In two halves, `K7Q-M4X`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = String::from_utf8_lossy(&self.0);
        let (a, b) = text.split_at(LENGTH / 2);
        write!(f, "{a}-{b}")
    }
}

impl fmt::Debug for RoomCode {
    /// Never printed in logs or panics: only that there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RoomCode(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unambiguous_symbols_and_differ() {
        let codes: Vec<String> = (0..50)
            .map(|_| RoomCode::random().expect("random").to_string())
            .collect();
        for code in &codes {
            assert_eq!(code.len(), LENGTH + 1, "{code}");
            for c in code.chars().filter(|&c| c != '-') {
                assert!(!"01ILOUV".contains(c), "{code}");
                assert!(
                    ALPHABET.contains(&u8::try_from(c).expect("ascii")),
                    "{code}"
                );
            }
        }
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert!(unique.len() > 45, "{codes:?}");
    }

    #[test]
    fn a_try_is_read_leniently_and_otherwise_exactly() {
        let code = RoomCode::new("K7Q-M4X").expect("a code");
        assert_eq!(code.to_string(), "K7Q-M4X");
        for good in ["K7Q-M4X", "k7qm4x", " k7q m4x ", "K7Q‐M4X"] {
            assert!(code.matches(good), "{good:?}");
        }
        for bad in ["K7Q-M4Y", "K7QM4", "K7QM4XX", "", "K7Q-M4Ẋ", "K7Q_M4X"] {
            assert!(!code.matches(bad), "{bad:?}");
        }
        assert!(
            RoomCode::new("K7Q-M4O").is_none(),
            "O is not in the alphabet"
        );
        assert!(RoomCode::new("K7Q-M4").is_none());
    }

    #[test]
    fn the_code_never_shows_in_debug_output() {
        let code = RoomCode::new("K7QM4X").expect("a code");
        assert!(!format!("{code:?}").contains("K7Q"));
    }
}
