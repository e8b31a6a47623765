//! The live preview: the player itself ([`crate::tui::player::App`]), playing the guide from one
//! question.
//!
//! When a new good version of the file arrives, the preview is planted again on it and keeps its
//! place: the walk is re-created from the same question id, the answers are replayed by ids, and
//! the walk moves back to the screen it was on (Inky's replay). An answer that no longer exists
//! stops the replay there, and the preview says which.

use crate::tui::look::Looks;
use std::sync::Arc;

use crate::engine::{Action as WalkAction, Walk};
use crate::guide::Guide;
use crate::tui::player::app::{App as Player, Screen};
use crate::tui::theme::Theme;

/// What a replay could not carry over to the new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Divergence {
    /// The question the preview started from is gone; it starts at the guide's start instead.
    StartGone(String),
    /// A recorded answer names a question or answer that is gone: `(question, answer)` ids.
    AnswerGone(String, String),
}

/// The player running the preview, and the question it plays from.
#[derive(Debug, Clone)]
pub struct Preview {
    player: Player,
    from: String,
}

impl Preview {
    /// A fresh preview of `guide` (a usable one) from `question`, past the intro.
    pub fn start(guide: Arc<Guide>, question: usize, theme: &Theme, size: (u16, u16)) -> Preview {
        let from = guide.questions[question].id.clone();
        let player = Player::with_walk(Walk::from_question(guide, question))
            .with_theme(theme.clone())
            .with_size(size.0, size.1)
            .skip_intro();
        Preview { player, from }
    }

    /// The same preview on a new version of the guide, at the same place as far as the new
    /// version allows, and what could not be carried over.
    pub fn replant(&self, guide: Arc<Guide>, theme: &Theme) -> (Preview, Option<Divergence>) {
        let mut divergence = None;
        let from = match guide.index.question(&self.from) {
            Some(q) => q,
            None => {
                divergence = Some(Divergence::StartGone(self.from.clone()));
                guide.index.start().unwrap_or(0)
            }
        };
        let mut walk = Walk::from_question(guide.clone(), from);
        for (question, answer) in self.player.walk().answers_by_id() {
            if !walk.record(&question, &answer) && divergence.is_none() {
                divergence = Some(Divergence::AnswerGone(question, answer));
            }
        }
        let old = self.player.guide();
        let screen = self.player.screen();
        match screen {
            Screen::Intro => {}
            Screen::Question { question, .. } => {
                let id = &old.questions[question].id;
                let placed = guide.index.question(id).is_some_and(|q| walk.go_to(q));
                if !placed {
                    walk.skip_answered();
                }
            }
            Screen::Review { .. } => walk.skip_answered(),
            Screen::Result { .. } => {
                walk.skip_answered();
                walk.apply(WalkAction::Confirm);
            }
        }
        let (w, h) = self.player.size();
        let mut player = Player::with_walk(walk)
            .with_theme(theme.clone())
            .with_size(w, h);
        if screen != Screen::Intro {
            player = player.skip_intro();
        }
        let from = player.guide().questions[from].id.clone();
        (Preview { player, from }, divergence)
    }

    /// Draws the preview in another theme.
    pub fn set_theme(&mut self, theme: &Theme) {
        self.player = self.player.clone().with_theme(theme.clone());
    }

    /// The player.
    pub fn player(&self) -> &Player {
        &self.player
    }

    /// The player, to send it keys.
    pub fn player_mut(&mut self) -> &mut Player {
        &mut self.player
    }

    /// The id of the question the preview plays from.
    pub fn from(&self) -> &str {
        &self.from
    }

    /// The guide it plays.
    pub fn guide(&self) -> &Arc<Guide> {
        self.player.walk().guide()
    }
}
