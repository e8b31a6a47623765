//! The guide as a graph: ids resolved to positions, and what the graph's shape tells us.
//!
//! Validation builds the [`Index`] once; the engine, reports and tests then follow links by
//! position instead of by string. Every graph walk here is iterative, so a guide that is one
//! chain of 100,000 questions cannot overflow the stack.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::model::{Guide, Link};

/// A map keyed by ids, with a fast hash (FxHash, as rustc uses). Ids are short and a guide can
/// hold hundreds of thousands; SipHash's protection against crafted collisions costs a third of
/// `check`'s time on large guides, and a local file only slows down its own check.
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// The hasher behind [`IdMap`].
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Where an answer leads, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The question at this position in `Guide::questions`.
    Question(usize),
    /// The outcome at this position in `Guide::outcomes`.
    Outcome(usize),
    /// The link names nothing (validation reports it).
    Missing,
}

/// Lookups from ids to positions and the guide's links, resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    questions: IdMap<String, usize>,
    outcomes: IdMap<String, usize>,
    dimensions: IdMap<String, usize>,
    values: Vec<IdMap<String, usize>>,
    targets: Vec<Vec<Target>>,
    start: Option<usize>,
    /// For each question: fewest and most questions still to answer, this one included.
    left: Vec<(u32, u32)>,
}

/// Sentinel in `left` for questions from which no outcome is reachable.
const NEVER: u32 = u32::MAX;

impl Index {
    /// Builds the index. Duplicate ids resolve to their first definition.
    pub fn build(guide: &Guide) -> Index {
        fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> IdMap<String, usize> {
            let mut map = IdMap::default();
            for (i, id) in ids.enumerate() {
                map.entry(id.to_string()).or_insert(i);
            }
            map
        }
        let questions = positions(guide.questions.iter().map(|q| q.id.as_str()));
        let outcomes = positions(guide.outcomes.iter().map(|o| o.id.as_str()));
        let dimensions = positions(guide.dimensions.iter().map(|d| d.id.as_str()));
        let values = guide
            .dimensions
            .iter()
            .map(|d| positions(d.values.iter().map(|v| v.id.as_str())))
            .collect();
        let targets = guide
            .questions
            .iter()
            .map(|q| {
                q.answers
                    .iter()
                    .map(|a| match &a.next {
                        Link::Goto(id) => questions
                            .get(id)
                            .map_or(Target::Missing, |&i| Target::Question(i)),
                        Link::End(id) => outcomes
                            .get(id)
                            .map_or(Target::Missing, |&i| Target::Outcome(i)),
                    })
                    .collect()
            })
            .collect();
        let start = questions.get(&guide.start).copied();
        let mut index = Index {
            questions,
            outcomes,
            dimensions,
            values,
            targets,
            start,
            left: Vec::new(),
        };
        index.left = index.compute_left();
        index
    }

    /// Position of the question with this id.
    pub fn question(&self, id: &str) -> Option<usize> {
        self.questions.get(id).copied()
    }

    /// Position of the outcome with this id.
    pub fn outcome(&self, id: &str) -> Option<usize> {
        self.outcomes.get(id).copied()
    }

    /// Position of the dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<usize> {
        self.dimensions.get(id).copied()
    }

    /// Position of a value within its dimension.
    pub fn value(&self, dimension: usize, id: &str) -> Option<usize> {
        self.values.get(dimension)?.get(id).copied()
    }

    /// The first question, if `start` names one.
    pub fn start(&self) -> Option<usize> {
        self.start
    }

    /// Where answer `answer` of question `question` leads.
    pub fn target(&self, question: usize, answer: usize) -> Target {
        self.targets
            .get(question)
            .and_then(|a| a.get(answer))
            .copied()
            .unwrap_or(Target::Missing)
    }

    /// The targets of every answer of a question.
    pub fn targets(&self, question: usize) -> &[Target] {
        self.targets.get(question).map_or(&[], Vec::as_slice)
    }

    /// Fewest and most questions still to answer from `question` (itself included) to reach an
    /// outcome; `None` when no outcome can be reached. Cycles count each question once.
    pub fn questions_left(&self, question: usize) -> Option<(u32, u32)> {
        match self.left.get(question) {
            Some(&(min, max)) if min != NEVER => Some((min, max)),
            _ => None,
        }
    }

    /// Which questions and outcomes can be reached from the start.
    pub fn reachable(&self, outcome_count: usize) -> (Vec<bool>, Vec<bool>) {
        self.reachable_from(self.start, outcome_count)
    }

    /// Which questions and outcomes can be reached from the given questions.
    pub fn reachable_from(
        &self,
        from: impl IntoIterator<Item = usize>,
        outcome_count: usize,
    ) -> (Vec<bool>, Vec<bool>) {
        let mut questions = vec![false; self.targets.len()];
        let mut outcomes = vec![false; outcome_count];
        let mut stack: Vec<usize> = from.into_iter().collect();
        while let Some(q) = stack.pop() {
            if std::mem::replace(&mut questions[q], true) {
                continue;
            }
            for target in self.targets(q) {
                match *target {
                    Target::Question(next) if !questions[next] => stack.push(next),
                    Target::Outcome(o) => outcomes[o] = true,
                    _ => {}
                }
            }
        }
        (questions, outcomes)
    }

    /// Answers that lead back to a question already on the way there: `(question, answer)` pairs,
    /// found by a depth-first walk from the start and then from every unvisited question.
    pub fn back_links(&self) -> Vec<(usize, usize)> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let n = self.targets.len();
        let mut mark = vec![Mark::New; n];
        let mut found = Vec::new();
        let roots = self.start.into_iter().chain(0..n);
        for root in roots {
            if mark[root] != Mark::New {
                continue;
            }
            // Each frame: (question, next answer to look at).
            let mut stack = vec![(root, 0usize)];
            mark[root] = Mark::Open;
            while let Some(frame) = stack.last_mut() {
                let (q, a) = *frame;
                if let Some(target) = self.targets(q).get(a) {
                    frame.1 += 1;
                    if let Target::Question(next) = *target {
                        match mark[next] {
                            Mark::New => {
                                mark[next] = Mark::Open;
                                stack.push((next, 0));
                            }
                            Mark::Open => found.push((q, a)),
                            Mark::Done => {}
                        }
                    }
                } else {
                    mark[q] = Mark::Done;
                    stack.pop();
                }
            }
        }
        found
    }

    /// Fewest questions to an outcome by a breadth-first walk backwards from the outcomes; most
    /// questions by a depth-first walk that ignores links closing a cycle.
    fn compute_left(&self) -> Vec<(u32, u32)> {
        let n = self.targets.len();
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut min = vec![NEVER; n];
        let mut queue = std::collections::VecDeque::new();
        for (q, targets) in self.targets.iter().enumerate() {
            for target in targets {
                match *target {
                    Target::Question(next) => preds[next].push(q),
                    Target::Outcome(_) if min[q] == NEVER => {
                        min[q] = 1;
                        queue.push_back(q);
                    }
                    _ => {}
                }
            }
        }
        while let Some(q) = queue.pop_front() {
            for &p in &preds[q] {
                if min[p] == NEVER {
                    min[p] = min[q] + 1;
                    queue.push_back(p);
                }
            }
        }
        let max = self.longest(&min);
        min.into_iter().zip(max).collect()
    }

    fn longest(&self, min: &[u32]) -> Vec<u32> {
        let n = self.targets.len();
        let mut max = vec![0u32; n];
        let mut state = vec![0u8; n]; // 0 new, 1 open, 2 done
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            let mut stack = vec![(root, 0usize)];
            state[root] = 1;
            while let Some(frame) = stack.last_mut() {
                let (q, a) = *frame;
                if let Some(target) = self.targets(q).get(a) {
                    frame.1 += 1;
                    if let Target::Question(next) = *target {
                        if state[next] == 0 {
                            state[next] = 1;
                            stack.push((next, 0));
                        }
                    }
                } else {
                    let best = self.targets(q).iter().fold(0u32, |best, t| match *t {
                        Target::Outcome(_) => best.max(1),
                        Target::Question(next) if state[next] == 2 && min[next] != NEVER => {
                            best.max(max[next].saturating_add(1))
                        }
                        _ => best,
                    });
                    max[q] = if min[q] == NEVER {
                        NEVER
                    } else {
                        best.max(min[q])
                    };
                    state[q] = 2;
                    stack.pop();
                }
            }
        }
        max
    }
}
