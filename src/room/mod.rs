//! The remote room: participants vote from their own terminal over SSH while the presenter
//! shows the tallies live (`coop-guide facilitate --serve ADDR:PORT`).
//!
//! - [`code`]: the room code participants give as the password;
//! - [`host_key`]: the server's Ed25519 key, made once and kept, and its fingerprint;
//! - [`limits`]: every limit of the room, and the bookkeepers of failed tries and key rates;
//! - [`ballot`]: who is in the room and their votes, counted per question;
//! - [`stage`]: what participants follow (where the presenter is), and the guide's languages;
//! - [`keys`]: a participant's key bytes decoded into the views' `Input`.
//!
//! The participant's own view is [`crate::tui::participant`]; the presenter's side of the room
//! (the join panel, the online column) is [`crate::tui::facilitate::remote`].

pub mod ballot;
pub mod code;
pub mod host_key;
pub mod keys;
pub mod limits;
pub mod stage;

pub use stage::{Languages, Stage};
