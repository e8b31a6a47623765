//! Pure state machines over a validated guide: the walk and its explanation. No terminal code.

pub mod explain;
pub mod session;
pub mod shown;
pub mod walk;

pub use explain::{
    Change, Explanation, NextSteps, OtherOutcome, OutcomeTexts, PlacedBy, Placement, Related,
    Shown, ValueTexts,
};
pub use walk::{Action, Effect, Place, Progress, Step, Walk};
