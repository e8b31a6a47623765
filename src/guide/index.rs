//! The guide as a graph: ids resolved to positions, and what the graph's shape tells us.
//!
//! Validation builds the [`Index`] once; the engine, reports and tests then follow links by
//! position instead of by string. Every graph walk here is iterative, so a guide that is one
//! chain of 100,000 questions cannot overflow the stack.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use std::sync::Arc;

use super::condition::{Cond, Fact, Said};
use super::flow::Flow;
use super::model::{Condition, Guide, Link, TextSite};
use crate::guide::to_u32;

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

/// One hop of a link, resolved: a place, or a conditional link to look into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The question at this position.
    Question(u32),
    /// The outcome at this position.
    Outcome(u32),
    /// The link names nothing.
    Missing,
    /// The conditional link with this number (see [`Index::branch`]).
    Branch(u32),
}

impl Route {
    /// The place this hop names, if it is not a conditional link.
    pub fn target(self) -> Option<Target> {
        match self {
            Route::Question(q) => Some(Target::Question(q as usize)),
            Route::Outcome(o) => Some(Target::Outcome(o as usize)),
            Route::Missing => Some(Target::Missing),
            Route::Branch(_) => None,
        }
    }
}

/// A conditional link, resolved: cases tried in order, then `otherwise`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchNode {
    /// Each case's condition (a number for [`Index::cond`]) and where it leads.
    pub cases: Vec<(u32, Route)>,
    /// Where the link leads when no case holds.
    pub otherwise: Route,
}

/// Sentinel for "no condition" in per-item tables.
const NO_COND: u32 = u32::MAX;

/// Lookups from ids to positions and the guide's links and conditions, resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    questions: IdMap<String, usize>,
    outcomes: IdMap<String, usize>,
    dimensions: IdMap<String, usize>,
    values: Vec<IdMap<String, usize>>,
    /// Answer `a` of question `q` is number `answer_base[q] + a` in the per-answer tables.
    answer_base: Vec<u32>,
    /// Where each answer leads.
    routes: Vec<Route>,
    /// Conditional links, numbered in the order of the file.
    branches: Vec<BranchNode>,
    /// Every compiled condition.
    conds: Vec<Cond>,
    /// Each answer's `when` (a number in `conds`), or `NO_COND`; empty when no answer has one.
    whens: Vec<u32>,
    /// Each answer's `sets`, resolved; only kept when some condition reads a dimension.
    sets: Vec<(u32, u32)>,
    /// Where each answer's resolved `sets` start in `sets` (one more entry than answers).
    sets_at: Vec<u32>,
    /// Each outcome's own `sets`, resolved.
    outcome_sets: Vec<Vec<(u32, u32)>>,
    /// Per outcome and next step: its `when` and the condition its `region` stands for.
    step_conds: Vec<Vec<(u32, u32)>>,
    /// Per outcome and example: its `when`.
    example_conds: Vec<Vec<u32>>,
    /// Every list item and paragraph with a condition, in the order of
    /// [`Guide::visit_conditional_texts`]: its condition, and where it is seen from.
    texts: Vec<(u32, TextSite)>,
    start: Option<usize>,
    /// For each question: fewest and most questions still to answer, this one included, by the
    /// links alone (conditions not followed).
    left: Vec<(u32, u32)>,
    /// Every walk the conditions allow, when the guide has conditions and they combine in few
    /// enough ways to follow (see [`Flow`]).
    flow: Option<Arc<Flow>>,
    /// True when the guide has a condition anywhere.
    conditional: bool,
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
        let mut index = Index {
            questions: positions(guide.questions.iter().map(|q| q.id.as_str())),
            outcomes: positions(guide.outcomes.iter().map(|o| o.id.as_str())),
            dimensions: positions(guide.dimensions.iter().map(|d| d.id.as_str())),
            values: guide
                .dimensions
                .iter()
                .map(|d| positions(d.values.iter().map(|v| v.id.as_str())))
                .collect(),
            ..Index::default()
        };
        index.start = index.questions.get(&guide.start).copied();
        let mut base = 0u32;
        index.answer_base.reserve(guide.questions.len() + 1);
        for q in &guide.questions {
            index.answer_base.push(base);
            base = base.saturating_add(to_u32(q.answers.len()));
        }
        index.answer_base.push(base);
        index.routes.reserve(base as usize);
        let any_when = guide
            .questions
            .iter()
            .any(|q| q.answers.iter().any(|a| a.when.is_some()));
        for question in &guide.questions {
            for answer in &question.answers {
                let route = index.compile_link(&answer.next, guide);
                index.routes.push(route);
                if any_when {
                    let when = match &answer.when {
                        Some(c) => index.add_cond(c, guide),
                        None => NO_COND,
                    };
                    index.whens.push(when);
                }
            }
        }
        index.compile_outcomes(guide);
        let mut texts = Vec::new();
        guide.visit_conditional_texts(&mut |t, _| texts.push((t.when, t.site)));
        for (when, site) in texts {
            let c = index.add_cond(when, guide);
            index.texts.push((c, site));
        }
        index.conditional = !index.conds.is_empty();
        let mut reads_dimension = false;
        for c in &index.conds {
            c.reads(&mut |f| reads_dimension |= matches!(f, Fact::Dimension(_)));
        }
        if reads_dimension {
            index.resolve_sets(guide);
        }
        index.left = index.compute_left();
        if index.conditional {
            // What texts read can multiply the states; if following it is too much, the walks
            // are still followed without it.
            index.flow = Flow::explore(&index, guide, index.start, true).map(Arc::new);
            if index.flow.is_none() && !index.texts.is_empty() {
                index.flow = Flow::explore(&index, guide, index.start, false).map(Arc::new);
            }
        }
        index
    }

    fn add_cond(&mut self, condition: &Condition, guide: &Guide) -> u32 {
        let compiled = Cond::compile(condition, self, guide);
        self.conds.push(compiled);
        to_u32(self.conds.len() - 1)
    }

    fn compile_link(&mut self, link: &Link, guide: &Guide) -> Route {
        match link {
            Link::Goto(id) => self
                .questions
                .get(id)
                .map_or(Route::Missing, |&i| Route::Question(to_u32(i))),
            Link::End(id) => self
                .outcomes
                .get(id)
                .map_or(Route::Missing, |&i| Route::Outcome(to_u32(i))),
            Link::Branch { cases, otherwise } => {
                // Numbered before the branches inside it, so numbers follow the file's order.
                let number = to_u32(self.branches.len());
                self.branches.push(BranchNode {
                    cases: Vec::new(),
                    otherwise: Route::Missing,
                });
                let mut compiled = Vec::with_capacity(cases.len());
                for case in cases {
                    let cond = self.add_cond(&case.when, guide);
                    let next = self.compile_link(&case.next, guide);
                    compiled.push((cond, next));
                }
                let otherwise = self.compile_link(otherwise, guide);
                self.branches[number as usize] = BranchNode {
                    cases: compiled,
                    otherwise,
                };
                Route::Branch(number)
            }
        }
    }

    fn compile_outcomes(&mut self, guide: &Guide) {
        // A step's `region` stands for "the group chose an answer with this region".
        let mut regions: IdMap<&str, Vec<Cond>> = IdMap::default();
        let has_regions = guide
            .outcomes
            .iter()
            .any(|o| o.next_steps.iter().any(|s| !s.place.is_empty()));
        if has_regions {
            for (q, question) in guide.questions.iter().enumerate() {
                for (a, answer) in question.answers.iter().enumerate() {
                    if !answer.region.is_empty() {
                        regions
                            .entry(answer.region.as_str())
                            .or_default()
                            .push(Cond::Answered(to_u32(q), to_u32(a)));
                    }
                }
            }
        }
        let mut region_conds: IdMap<&str, u32> = IdMap::default();
        for outcome in &guide.outcomes {
            let mut steps = Vec::with_capacity(outcome.next_steps.len());
            for step in &outcome.next_steps {
                let when = match &step.when {
                    Some(c) => self.add_cond(c, guide),
                    None => NO_COND,
                };
                let region = if step.place.is_empty() {
                    NO_COND
                } else if let Some(&c) = region_conds.get(step.place.as_str()) {
                    c
                } else {
                    let any = Cond::Any(
                        regions
                            .get(step.place.as_str())
                            .cloned()
                            .unwrap_or_default(),
                    );
                    self.conds.push(any);
                    let c = to_u32(self.conds.len() - 1);
                    region_conds.insert(step.place.as_str(), c);
                    c
                };
                steps.push((when, region));
            }
            self.step_conds.push(steps);
            let examples = outcome
                .examples
                .iter()
                .map(|e| match &e.when {
                    Some(c) => self.add_cond(c, guide),
                    None => NO_COND,
                })
                .collect();
            self.example_conds.push(examples);
        }
        self.outcome_sets = guide
            .outcomes
            .iter()
            .map(|o| self.resolve_pairs(&o.sets))
            .collect();
    }

    fn resolve_pairs(&self, pairs: &[(String, String)]) -> Vec<(u32, u32)> {
        pairs
            .iter()
            .filter_map(|(d, v)| {
                let di = self.dimension(d)?;
                Some((to_u32(di), to_u32(self.value(di, v)?)))
            })
            .collect()
    }

    fn resolve_sets(&mut self, guide: &Guide) {
        self.sets_at.reserve(self.routes.len() + 1);
        for question in &guide.questions {
            for answer in &question.answers {
                self.sets_at.push(to_u32(self.sets.len()));
                let resolved = self.resolve_pairs(&answer.sets);
                self.sets.extend(resolved);
            }
        }
        self.sets_at.push(to_u32(self.sets.len()));
    }

    /// Answers numbered across the guide: question by question, in the file's order.
    pub fn answer_number(&self, question: usize, answer: usize) -> Option<usize> {
        let base = *self.answer_base.get(question)? as usize;
        let end = *self.answer_base.get(question + 1)? as usize;
        (base + answer < end).then_some(base + answer)
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

    /// Number of questions indexed.
    pub fn question_count(&self) -> usize {
        self.answer_base.len().saturating_sub(1)
    }

    /// Number of answers of a question.
    pub fn answer_count(&self, question: usize) -> usize {
        match (
            self.answer_base.get(question),
            self.answer_base.get(question + 1),
        ) {
            (Some(&a), Some(&b)) => (b - a) as usize,
            _ => 0,
        }
    }

    /// The first hop of answer `answer` of question `question`.
    pub fn route(&self, question: usize, answer: usize) -> Route {
        self.answer_number(question, answer)
            .and_then(|n| self.routes.get(n).copied())
            .unwrap_or(Route::Missing)
    }

    /// A conditional link by number.
    pub fn branch(&self, number: u32) -> Option<&BranchNode> {
        self.branches.get(number as usize)
    }

    /// Number of conditional links.
    pub fn branch_count(&self) -> usize {
        self.branches.len()
    }

    /// A compiled condition by number.
    pub fn cond(&self, number: u32) -> Option<&Cond> {
        self.conds.get(number as usize)
    }

    /// Every compiled condition.
    pub fn conds(&self) -> &[Cond] {
        &self.conds
    }

    /// True when the guide has a condition anywhere (a guide without is walked as in format 1).
    pub fn conditional(&self) -> bool {
        self.conditional
    }

    /// Every walk the conditions allow, followed from the start: `None` for a guide without
    /// conditions (its questions are its states) or one whose conditions combine in too many
    /// ways to follow.
    pub fn flow(&self) -> Option<&Arc<Flow>> {
        self.flow.as_ref()
    }

    /// Every list item and paragraph with a condition, in the order of
    /// [`Guide::visit_conditional_texts`]: the number of its condition, and where it is seen.
    pub fn texts(&self) -> &[(u32, TextSite)] {
        &self.texts
    }

    /// The number of the condition an answer is offered under, if it has one.
    pub fn when_number(&self, question: usize, answer: usize) -> Option<u32> {
        let n = self.answer_number(question, answer)?;
        self.whens.get(n).copied().filter(|&c| c != NO_COND)
    }

    /// The condition an answer is offered under, if it has one.
    pub fn when(&self, question: usize, answer: usize) -> Option<&Cond> {
        self.when_number(question, answer)
            .and_then(|c| self.cond(c))
    }

    /// Whether an answer is offered to a group that has said `said` before the question.
    pub fn offered(&self, question: usize, answer: usize, said: &dyn Said) -> bool {
        answer < self.answer_count(question)
            && self.when(question, answer).is_none_or(|c| c.holds(said))
    }

    /// Where an answer leads for a group that has said `said`, this answer included.
    pub fn resolve(&self, question: usize, answer: usize, said: &dyn Said) -> Target {
        self.resolve_route(self.route(question, answer), said)
    }

    /// Follows a hop through conditional links: the first case that holds, else `otherwise`.
    pub fn resolve_route(&self, mut route: Route, said: &dyn Said) -> Target {
        // Nesting is bounded by the file's (ron's recursion limit); the count guards anyway.
        for _ in 0..=self.branches.len() {
            match route {
                Route::Branch(b) => {
                    let Some(node) = self.branch(b) else {
                        return Target::Missing;
                    };
                    route = node
                        .cases
                        .iter()
                        .find(|(c, _)| self.cond(*c).is_some_and(|c| c.holds(said)))
                        .map_or(node.otherwise, |&(_, r)| r);
                }
                other => return other.target().unwrap_or(Target::Missing),
            }
        }
        Target::Missing
    }

    /// Every place an answer can lead, whatever the conditions, in the file's order.
    pub fn leaves(&self, question: usize, answer: usize) -> Vec<Target> {
        self.links(question)
            .filter(|&(a, _)| a == answer)
            .map(|(_, t)| t)
            .collect()
    }

    /// Every `(answer, place)` a question can lead to, whatever the conditions: one per plain
    /// link, one per case and `otherwise` of a conditional one.
    pub fn links(&self, question: usize) -> Links<'_> {
        let (first, end) = match (
            self.answer_base.get(question),
            self.answer_base.get(question + 1),
        ) {
            (Some(&a), Some(&b)) => (a as usize, b as usize),
            _ => (0, 0),
        };
        Links {
            index: self,
            first,
            next: first,
            end,
            answer: 0,
            pending: Vec::new(),
        }
    }

    /// An answer's `sets`, resolved to `(dimension, value)` positions. Only kept when some
    /// condition reads a dimension (nothing else needs it); empty otherwise.
    pub fn sets(&self, question: usize, answer: usize) -> &[(u32, u32)] {
        let Some(n) = self.answer_number(question, answer) else {
            return &[];
        };
        match (self.sets_at.get(n), self.sets_at.get(n + 1)) {
            (Some(&a), Some(&b)) => self.sets.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// An outcome's own `sets`, resolved.
    pub fn outcome_sets(&self, outcome: usize) -> &[(u32, u32)] {
        self.outcome_sets.get(outcome).map_or(&[], Vec::as_slice)
    }

    /// A next step's `when`, if it has one.
    pub fn step_when(&self, outcome: usize, step: usize) -> Option<&Cond> {
        let &(when, _) = self.step_conds.get(outcome)?.get(step)?;
        self.cond(when)
    }

    /// The condition a next step's `region` stands for, if it has one.
    pub fn step_region(&self, outcome: usize, step: usize) -> Option<&Cond> {
        let &(_, region) = self.step_conds.get(outcome)?.get(step)?;
        self.cond(region)
    }

    /// An example's `when`, if it has one.
    pub fn example_when(&self, outcome: usize, example: usize) -> Option<&Cond> {
        let &when = self.example_conds.get(outcome)?.get(example)?;
        self.cond(when)
    }

    /// Fewest and most questions still to answer from `question` (itself included) to reach an
    /// outcome, by the links alone; `None` when no outcome can be reached. Cycles count each
    /// question once. A walk asks [`Flow`] instead, which follows the conditions.
    pub fn questions_left(&self, question: usize) -> Option<(u32, u32)> {
        match self.left.get(question) {
            Some(&(min, max)) if min != NEVER => Some((min, max)),
            _ => None,
        }
    }

    /// Which questions and outcomes can be reached from the start by the links alone.
    pub fn reachable(&self, outcome_count: usize) -> (Vec<bool>, Vec<bool>) {
        self.reachable_from(self.start, outcome_count)
    }

    /// Which questions and outcomes can be reached from the given questions by the links alone.
    pub fn reachable_from(
        &self,
        from: impl IntoIterator<Item = usize>,
        outcome_count: usize,
    ) -> (Vec<bool>, Vec<bool>) {
        let mut questions = vec![false; self.question_count()];
        let mut outcomes = vec![false; outcome_count];
        let mut stack: Vec<usize> = from.into_iter().collect();
        while let Some(q) = stack.pop() {
            if std::mem::replace(&mut questions[q], true) {
                continue;
            }
            for (_, target) in self.links(q) {
                match target {
                    Target::Question(next) if !questions[next] => stack.push(next),
                    Target::Outcome(o) if o < outcome_count => outcomes[o] = true,
                    _ => {}
                }
            }
        }
        (questions, outcomes)
    }

    /// Answers that can lead back to a question already on the way there: `(question, answer)`
    /// pairs, found by a depth-first walk from the start and then from every unvisited question.
    pub fn back_links(&self) -> Vec<(usize, usize, usize)> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let n = self.question_count();
        let mut mark = vec![Mark::New; n];
        let mut found = Vec::new();
        let roots = self.start.into_iter().chain(0..n);
        for root in roots {
            if mark[root] != Mark::New {
                continue;
            }
            let mut stack = vec![(root, self.links(root))];
            mark[root] = Mark::Open;
            while let Some((q, links)) = stack.last_mut() {
                let q = *q;
                if let Some((a, target)) = links.next() {
                    if let Target::Question(next) = target {
                        match mark[next] {
                            Mark::New => {
                                mark[next] = Mark::Open;
                                stack.push((next, self.links(next)));
                            }
                            Mark::Open => found.push((q, a, next)),
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
        let n = self.question_count();
        let mut preds: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut min = vec![NEVER; n];
        let mut queue = std::collections::VecDeque::new();
        for (q, least) in min.iter_mut().enumerate() {
            for (_, target) in self.links(q) {
                match target {
                    Target::Question(next) => preds[next].push(to_u32(q)),
                    Target::Outcome(_) if *least == NEVER => {
                        *least = 1;
                        queue.push_back(q);
                    }
                    _ => {}
                }
            }
        }
        while let Some(q) = queue.pop_front() {
            for &p in &preds[q] {
                let p = p as usize;
                if min[p] == NEVER {
                    min[p] = min[q] + 1;
                    queue.push_back(p);
                }
            }
        }
        drop(preds);
        let max = self.longest(&min);
        min.into_iter().zip(max).collect()
    }

    fn longest(&self, min: &[u32]) -> Vec<u32> {
        let n = self.question_count();
        let mut max = vec![0u32; n];
        let mut state = vec![0u8; n]; // 0 new, 1 open, 2 done
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            let mut stack = vec![(root, self.links(root))];
            state[root] = 1;
            while let Some((q, links)) = stack.last_mut() {
                let q = *q;
                if let Some((_, target)) = links.next() {
                    if let Target::Question(next) = target {
                        if state[next] == 0 {
                            state[next] = 1;
                            stack.push((next, self.links(next)));
                        }
                    }
                } else {
                    let best = self.links(q).fold(0u32, |best, (_, t)| match t {
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

/// The `(answer, place)` pairs of one question's links: see [`Index::links`].
#[derive(Debug, Clone)]
pub struct Links<'i> {
    index: &'i Index,
    first: usize,
    next: usize,
    end: usize,
    answer: usize,
    /// Hops still to look into for the current answer (conditional links only).
    pending: Vec<Route>,
}

impl Iterator for Links<'_> {
    type Item = (usize, Target);

    fn next(&mut self) -> Option<(usize, Target)> {
        loop {
            let route = match self.pending.pop() {
                Some(route) => route,
                None if self.next < self.end => {
                    self.answer = self.next - self.first;
                    self.next += 1;
                    self.index.routes[self.next - 1]
                }
                None => return None,
            };
            match route {
                Route::Branch(b) => {
                    if let Some(node) = self.index.branch(b) {
                        // Pushed in reverse, so they come out in the file's order.
                        self.pending.push(node.otherwise);
                        self.pending
                            .extend(node.cases.iter().rev().map(|&(_, r)| r));
                    }
                }
                other => {
                    return Some((self.answer, other.target().unwrap_or(Target::Missing)));
                }
            }
        }
    }
}
