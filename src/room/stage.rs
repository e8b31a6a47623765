//! What remote participants follow: where the presenter is, said in positions of the guide so
//! every participant can show it in their own language; and the guide in each language.

use std::sync::Arc;

use crate::engine::OutcomeTexts;
use crate::guide::Guide;

/// Where the presenter is, as the room sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Stage {
    /// The intro: the facilitator has not begun.
    #[default]
    Waiting,
    /// A question is being asked and takes votes.
    Question {
        /// The question's position in the guide.
        question: usize,
        /// The answers offered to this group, as positions in the guide, in order.
        shown: Vec<usize>,
        /// The answer the group recorded before, if the facilitator came back to it.
        recorded: Option<usize>,
        /// The paragraphs of its "why we ask" this group is shown, as the walk chose them for
        /// what the group said before it (positions in the question's `why`, the same in every
        /// language).
        why: Vec<usize>,
    },
    /// The facilitator is going over the answers.
    Review,
    /// The group reached a result: the outcome's position in the guide.
    Result {
        /// The outcome.
        outcome: usize,
        /// Which of its texts the group is shown, as the result is composed for the group
        /// (positions, the same in every language).
        texts: OutcomeTexts,
    },
    /// The session has ended (the presenter quit).
    Ended,
}

impl Stage {
    /// The question taking votes, if one is.
    pub fn question(&self) -> Option<usize> {
        match self {
            Stage::Question { question, .. } => Some(*question),
            _ => None,
        }
    }
}

/// The guide in each language participants can choose: the presenter's first, then the
/// others. Every translation has the guide's structure, so positions mean the same in all.
#[derive(Debug, Clone)]
pub struct Languages {
    guides: Vec<(String, Arc<Guide>)>,
}

impl Languages {
    /// The presenter's guide, then its other languages (`(tag, guide)`); a language listed
    /// twice, or a translation whose questions or answers differ in number, is left out.
    pub fn new(
        first: Arc<Guide>,
        others: impl IntoIterator<Item = (String, Arc<Guide>)>,
    ) -> Languages {
        let mut guides = vec![(first.language.clone(), Arc::clone(&first))];
        for (tag, guide) in others {
            let same_shape = guide.questions.len() == first.questions.len()
                && guide
                    .questions
                    .iter()
                    .zip(&first.questions)
                    .all(|(a, b)| a.answers.len() == b.answers.len())
                && guide.outcomes.len() == first.outcomes.len();
            if same_shape && guides.iter().all(|(t, _)| *t != tag) {
                guides.push((tag, guide));
            }
        }
        Languages { guides }
    }

    /// How many languages there are (at least one).
    pub fn len(&self) -> usize {
        self.guides.len()
    }

    /// Never true: there is always the presenter's language.
    pub fn is_empty(&self) -> bool {
        self.guides.is_empty()
    }

    /// The guide in language `n` (the presenter's for a number past the end).
    pub fn guide(&self, n: usize) -> &Arc<Guide> {
        let n = if n < self.guides.len() { n } else { 0 };
        &self.guides[n].1
    }

    /// The tag of language `n`.
    pub fn tag(&self, n: usize) -> &str {
        self.guides.get(n).map_or("", |(t, _)| t.as_str())
    }

    /// The presenter's guide: the one whose ids the ballot counts.
    pub fn base(&self) -> &Arc<Guide> {
        &self.guides[0].1
    }
}
