//! What every full-screen view is drawn with: the words of its language, its colours, and the
//! size of the window it was last told of. Each view keeps one [`Look`] and answers for it
//! through [`Looks`], so its layout reads `words()`, `theme()` and `size()` the same way
//! whichever view it draws.

use crate::locale::Words;

use super::theme::Theme;

/// The words, colours and size a view is drawn with.
#[derive(Debug, Clone)]
pub struct Look {
    /// The words in use.
    pub words: &'static Words,
    /// The colours in use.
    pub theme: Theme,
    /// The window size the view was last told of, in columns and rows.
    pub size: (u16, u16),
}

impl Look {
    /// `words` with the default theme, sized 80×24 until told.
    pub fn new(words: &'static Words) -> Look {
        Look {
            words,
            theme: Theme::default(),
            size: (80, 24),
        }
    }
}

/// A view with a [`Look`].
pub trait Looks {
    /// The view's look.
    fn look(&self) -> &Look;

    /// The words in use.
    fn words(&self) -> &'static Words {
        self.look().words
    }

    /// The theme in use.
    fn theme(&self) -> &Theme {
        &self.look().theme
    }

    /// The size the view was last told of.
    fn size(&self) -> (u16, u16) {
        self.look().size
    }
}
