//! coop-guide: a terminal guide that helps a group choose a variety of worker cooperative.
//!
//! The crate is layered so the core can be tested without a terminal:
//! - [`guide`]: the RON model, loading, validation, diagnostics, text sanitising;
//! - [`engine`]: the walk as a pure state machine, and the explanation of its result;
//! - [`report`]: Markdown and JSON renderings, test runs and path listings;
//! - [`plain`]: the line-by-line mode over the engine;
//! - [`tui`]: the full-screen views over the same engine: the player, workshop mode, the editor;
//! - [`commands`]: one module per command, and the error type that carries the exit code;
//! - [`read`] and [`store`]: every file read within bounds, sessions saved safely;
//! - [`room`]: the remote room, where participants vote over SSH from their own terminal;
//! - [`locale`]: the app's own words, one table per language.

pub mod cli;
pub mod commands;
pub mod engine;
pub mod guide;
pub mod locale;
pub mod plain;
pub mod read;
pub mod report;
pub mod room;
pub mod save;
pub mod store;
pub mod tui;
pub mod watch;
