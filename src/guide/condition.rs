//! Conditions, compiled: ids resolved to positions, and evaluated against what the group has said.
//!
//! A guide writes conditions as [`Condition`] data (`Answered("country", "uk")`); validation
//! compiles each one once into a [`Cond`] that names questions, answers, dimensions and values by
//! position, so evaluating one is a few comparisons. A [`Said`] is "what the group has said" at
//! one point: the answers on its path before that point, and where those answers place it. The
//! walk, path counting, `check` and the result all evaluate through [`Cond::holds`], so they
//! cannot disagree about what a condition means.

use super::index::Index;
use super::model::{Condition, Guide};
use crate::guide::to_u32;

/// What the group has said at one point of a walk.
pub trait Said {
    /// The answer given to question `question` on the path before this point.
    fn answer(&self, question: usize) -> Option<usize>;
    /// The value of dimension `dimension` the group is placed on at this point.
    fn place(&self, dimension: usize) -> Option<usize>;
}

/// A condition with every id resolved to a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// Question `.0` was answered with answer `.1`.
    Answered(u32, u32),
    /// The group is placed on value `.1` of dimension `.0`.
    Placed(u32, u32),
    /// At least one holds.
    Any(Vec<Cond>),
    /// Every one holds.
    All(Vec<Cond>),
    /// It does not hold.
    Not(Box<Cond>),
    /// Names a question, answer, dimension or value the guide does not have (`check` reports
    /// it): never holds.
    Unknown,
}

/// A fact a condition reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fact {
    /// The answer to a question.
    Question(u32),
    /// The place on a dimension.
    Dimension(u32),
}

impl Cond {
    /// Compiles a written condition; ids the guide does not have become [`Cond::Unknown`].
    pub fn compile(condition: &Condition, index: &Index, guide: &Guide) -> Cond {
        match condition {
            Condition::Answered(q, a) => index
                .question(q)
                .and_then(|qi| {
                    let ai = guide.questions[qi]
                        .answers
                        .iter()
                        .position(|x| x.id == *a)?;
                    Some(Cond::Answered(to_u32(qi), to_u32(ai)))
                })
                .unwrap_or(Cond::Unknown),
            Condition::Placed(d, v) => index
                .dimension(d)
                .and_then(|di| Some(Cond::Placed(to_u32(di), to_u32(index.value(di, v)?))))
                .unwrap_or(Cond::Unknown),
            Condition::Any(list) => Cond::Any(
                list.iter()
                    .map(|c| Cond::compile(c, index, guide))
                    .collect(),
            ),
            Condition::All(list) => Cond::All(
                list.iter()
                    .map(|c| Cond::compile(c, index, guide))
                    .collect(),
            ),
            Condition::Not(c) => Cond::Not(Box::new(Cond::compile(c, index, guide))),
        }
    }

    /// Whether the condition holds for what the group has said.
    pub fn holds(&self, said: &dyn Said) -> bool {
        match self {
            Cond::Answered(q, a) => said.answer(*q as usize) == Some(*a as usize),
            Cond::Placed(d, v) => said.place(*d as usize) == Some(*v as usize),
            Cond::Any(list) => list.iter().any(|c| c.holds(said)),
            Cond::All(list) => list.iter().all(|c| c.holds(said)),
            Cond::Not(c) => !c.holds(said),
            Cond::Unknown => false,
        }
    }

    /// Calls `f` with every fact the condition reads.
    pub fn reads(&self, f: &mut dyn FnMut(Fact)) {
        self.atoms(&mut |fact, _| f(fact));
    }

    /// Calls `f` with every fact the condition reads and the value it compares it with (an
    /// answer's or a value's position).
    pub fn atoms(&self, f: &mut dyn FnMut(Fact, u32)) {
        match self {
            Cond::Answered(q, a) => f(Fact::Question(*q), *a),
            Cond::Placed(d, v) => f(Fact::Dimension(*d), *v),
            Cond::Any(list) | Cond::All(list) => list.iter().for_each(|c| c.atoms(f)),
            Cond::Not(c) => c.atoms(f),
            Cond::Unknown => {}
        }
    }
}

/// What the group has said along a path, for a walk or an explanation: the steps in asking
/// order, and the dimensions they place the group on. Looking up an answer scans the path,
/// which is short; nothing here grows with the size of the guide.
#[derive(Debug, Clone, Default)]
pub struct PathSaid {
    answers: Vec<(usize, usize)>,
    places: Vec<Option<usize>>,
    /// Places filled in where no answer placed the group (an outcome's own `sets`).
    defaults: Vec<Option<usize>>,
}

impl PathSaid {
    /// Nothing said yet.
    pub fn new(guide: &Guide) -> PathSaid {
        PathSaid {
            answers: Vec::new(),
            places: vec![None; guide.dimensions.len()],
            defaults: Vec::new(),
        }
    }

    /// What the given steps say, in order.
    pub fn of(guide: &Guide, steps: impl IntoIterator<Item = (usize, usize)>) -> PathSaid {
        let mut said = PathSaid::new(guide);
        for (q, a) in steps {
            said.push(guide, q, a);
        }
        said
    }

    /// Adds one answer: it is now said, and it places the group where its `sets` say.
    pub fn push(&mut self, guide: &Guide, question: usize, answer: usize) {
        self.answers.push((question, answer));
        for &(d, v) in guide.index.sets(question, answer) {
            if let Some(slot) = self.places.get_mut(d as usize) {
                *slot = Some(v as usize);
            }
        }
    }

    /// Removes the last answer added (the places are recomputed).
    pub fn pop(&mut self, guide: &Guide) {
        self.answers.pop();
        self.places.iter_mut().for_each(|p| *p = None);
        for &(q, a) in &self.answers {
            for &(d, v) in guide.index.sets(q, a) {
                if let Some(slot) = self.places.get_mut(d as usize) {
                    *slot = Some(v as usize);
                }
            }
        }
    }

    /// Adds an outcome's own placements where no answer placed the group: what the result sees.
    pub fn with_outcome(mut self, guide: &Guide, outcome: usize) -> PathSaid {
        self.defaults = vec![None; guide.dimensions.len()];
        for &(d, v) in guide.index.outcome_sets(outcome) {
            if let Some(slot) = self.defaults.get_mut(d as usize) {
                *slot = Some(v as usize);
            }
        }
        self
    }

    /// The answers said, in asking order.
    pub fn steps(&self) -> &[(usize, usize)] {
        &self.answers
    }
}

impl Said for PathSaid {
    fn answer(&self, question: usize) -> Option<usize> {
        self.answers
            .iter()
            .rev()
            .find(|(q, _)| *q == question)
            .map(|&(_, a)| a)
    }

    fn place(&self, dimension: usize) -> Option<usize> {
        self.places
            .get(dimension)
            .copied()
            .flatten()
            .or_else(|| self.defaults.get(dimension).copied().flatten())
    }
}

/// A condition in readable words: `Where will the co-op be based? = Argentina`, joined with
/// "and", "or" and "not". Unknown ids are shown as written.
pub fn describe(condition: &Condition, guide: &Guide) -> String {
    fn go(c: &Condition, guide: &Guide, nested: bool) -> String {
        match c {
            Condition::Answered(q, a) => {
                let Some(qi) = guide.index.question(q) else {
                    return format!("{q} = {a}");
                };
                let question = &guide.questions[qi];
                let label = question
                    .answers
                    .iter()
                    .find(|x| x.id == *a)
                    .map_or(a.as_str(), |x| x.label.as_str());
                format!("{} = {label}", question.text)
            }
            Condition::Placed(d, v) => {
                let Some(di) = guide.index.dimension(d) else {
                    return format!("{d} = {v}");
                };
                let dim = &guide.dimensions[di];
                let label = guide
                    .index
                    .value(di, v)
                    .map_or(v.as_str(), |vi| dim.values[vi].label.as_str());
                format!("{} = {label}", dim.name)
            }
            Condition::Any(list) => join(
                list.iter().map(|c| go(c, guide, true)),
                " or ",
                nested,
                "never",
            ),
            Condition::All(list) => join(
                list.iter().map(|c| go(c, guide, true)),
                " and ",
                nested,
                "always",
            ),
            Condition::Not(c) => format!("not {}", go(c, guide, true)),
        }
    }
    go(condition, guide, false)
}

/// A condition by ids, compact for graph labels: `country = argentina`.
pub fn describe_ids(condition: &Condition) -> String {
    fn go(c: &Condition, nested: bool) -> String {
        match c {
            Condition::Answered(q, a) | Condition::Placed(q, a) => format!("{q} = {a}"),
            Condition::Any(list) => join(list.iter().map(|c| go(c, true)), " or ", nested, "never"),
            Condition::All(list) => {
                join(list.iter().map(|c| go(c, true)), " and ", nested, "always")
            }
            Condition::Not(c) => format!("not {}", go(c, true)),
        }
    }
    go(condition, false)
}

fn join(parts: impl Iterator<Item = String>, sep: &str, nested: bool, empty: &str) -> String {
    let parts: Vec<String> = parts.collect();
    match parts.len() {
        0 => empty.to_string(),
        1 => parts.into_iter().next().unwrap_or_default(),
        _ if nested => format!("({})", parts.join(sep)),
        _ => parts.join(sep),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed(Vec<Option<usize>>, Vec<Option<usize>>);

    impl Said for Fixed {
        fn answer(&self, q: usize) -> Option<usize> {
            self.0.get(q).copied().flatten()
        }
        fn place(&self, d: usize) -> Option<usize> {
            self.1.get(d).copied().flatten()
        }
    }

    #[test]
    fn conditions_hold_as_the_table_says() {
        let said = Fixed(vec![Some(1), None], vec![Some(0)]);
        assert!(Cond::Answered(0, 1).holds(&said));
        assert!(!Cond::Answered(0, 0).holds(&said));
        assert!(!Cond::Answered(1, 0).holds(&said), "not asked is false");
        assert!(Cond::Not(Box::new(Cond::Answered(1, 0))).holds(&said));
        assert!(Cond::Placed(0, 0).holds(&said));
        assert!(!Cond::Any(vec![]).holds(&said), "an empty Any never holds");
        assert!(Cond::All(vec![]).holds(&said), "an empty All always holds");
        assert!(Cond::Any(vec![Cond::Unknown, Cond::Answered(0, 1)]).holds(&said));
        assert!(!Cond::All(vec![Cond::Unknown, Cond::Answered(0, 1)]).holds(&said));
    }

    #[test]
    fn ids_describe_compactly() {
        let c = Condition::All(vec![
            Condition::Answered("country".into(), "uk".into()),
            Condition::Not(Box::new(Condition::Any(vec![
                Condition::Placed("legal".into(), "formal".into()),
                Condition::Answered("size".into(), "one".into()),
            ]))),
        ]);
        assert_eq!(
            describe_ids(&c),
            "country = uk and not (legal = formal or size = one)"
        );
    }
}
