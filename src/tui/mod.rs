//! The full-screen views, each a room of its own over one shared shell:
//!
//! - [`player`]: one group's walk through a guide;
//! - [`facilitate`]: workshop mode — the presenter over a session, and the report viewer;
//! - [`edit`]: the guide editor, with the player as its live preview;
//! - [`participant`]: a remote participant's view, drawn into their own SSH channel.
//!
//! What they share lives here:
//!
//! - [`shell`]: the [`View`](shell::View) trait and the one run loop (a synchronized frame,
//!   block until input or the view's wake time, carry out the effects);
//! - [`input`]: the [`Input`](input::Input) every view takes, and where it comes from (the
//!   local terminal; any other source decodes into the same type);
//! - [`terminal`]: the guard that restores the terminal on every way out;
//! - [`keymap`]: keys as data, feeding the handling, the footers and the help screens;
//! - [`layers`]: the overlays over a screen with their scrolling, and the status line;
//! - [`layout`] and [`document`]: pure geometry (frames, columns, boxes, scrolling pages);
//! - [`paint`]: drawing those pieces; [`text`]: wrapping and measuring; [`theme`]: styles.
//!
//! In each room the state machine asks its layout where things are and never draws; its views
//! paint what the layout placed.

pub mod document;
pub mod edit;
pub mod facilitate;
pub mod input;
pub mod keymap;
pub mod layers;
pub mod layout;
pub mod look;
pub mod paint;
pub mod participant;
pub mod player;
pub mod shell;
pub mod terminal;
pub mod text;
pub mod theme;

pub use terminal::Ending;
pub use theme::Theme;

/// The theme named by `--theme` (the default one when none is), without colours when `NO_COLOR`
/// is set; `None` for a name no theme has.
pub fn theme_for(name: Option<&str>) -> Option<Theme> {
    let theme = match name {
        None => Theme::default(),
        Some(name) => Theme::named(name)?,
    };
    Some(
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            theme.without_color()
        } else {
            theme
        },
    )
}
