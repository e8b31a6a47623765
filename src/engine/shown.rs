//! Which of a guide's texts a group is shown: the items of a list or a paragraph text without
//! a condition, and those whose condition holds for what the group has said.
//!
//! Every front-end asks here (the result through [`super::Explanation`], a question's "why we
//! ask" and facilitator notes through [`super::Walk::why`] and [`super::Walk::notes`]), so no
//! two of them can show a group different texts.

use crate::guide::condition::{Cond, Said};
use crate::guide::item::Item;
use crate::guide::{Condition, Guide};

/// Whether a text with this condition (none: shown to everyone) is shown to a group that has
/// said `said`.
pub fn holds(guide: &Guide, when: Option<&Condition>, said: &dyn Said) -> bool {
    when.is_none_or(|c| Cond::compile(c, &guide.index, guide).holds(said))
}

/// The positions of the items shown, in order.
pub fn shown(guide: &Guide, items: &[Item], said: &dyn Said) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| holds(guide, item.condition(), said))
        .map(|(i, _)| i)
        .collect()
}

/// As [`shown`], working out what was said only when some item has a condition: a list
/// without conditions shows every item (a question's "why" is asked for on every frame).
pub fn shown_lazily<S: Said>(
    guide: &Guide,
    items: &[Item],
    said: impl FnOnce() -> S,
) -> Vec<usize> {
    if items.iter().all(|item| item.condition().is_none()) {
        return (0..items.len()).collect();
    }
    shown(guide, items, &said())
}

/// The texts of the items at `positions`, in order.
pub fn texts<'g>(items: &'g [Item], positions: &[usize]) -> Vec<&'g str> {
    positions
        .iter()
        .filter_map(|&i| items.get(i))
        .map(Item::text)
        .collect()
}
