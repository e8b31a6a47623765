//! Pure state machines over a validated guide: the walk and its explanation. No terminal code.

pub mod explain;
pub mod session;
pub mod walk;

pub use explain::{Change, Explanation, NextSteps, OtherOutcome, PlacedBy, Placement};
pub use walk::{Action, Effect, Place, Progress, Step, Walk};
