//! Every walk the conditions allow: the guide's questions, each paired with what later
//! conditions will read of what the group has said so far.
//!
//! With conditions, where an answer leads and which answers are offered depend on earlier
//! answers, so a question alone no longer says what can happen next. A *state* is a question
//! together with the facts (answers to questions, places on dimensions) that conditions at or
//! after it can read and that can have been said before it: two walks in the same state have
//! the same futures. Facts nothing later reads are forgotten, so states merge again as soon as
//! they can, and a guide without conditions has exactly one state per question.
//!
//! A walk never asks a question twice (it stops and asks again instead: a loop). Questions on a
//! cycle of links therefore also carry which questions of their cycle the walk has already
//! asked; without cycles, nothing is added.
//!
//! [`Flow::explore`] follows every walk from one question, once, breadth first, and records
//! what `check`, `test`, `paths`, progress and the explanation need: the states and their
//! moves, questions left, path counts, which answers are offered and which cases are taken.
//! Asked to, it also keeps what conditional texts read (a question's `why` and `notes`, seen
//! at the question; an outcome's texts, seen at its end; answers' reasons and dimension
//! values' texts, seen at every end) and records which of them some walk shows. A reason is
//! shown only where its answer is on the path, and a value's text only where the group is
//! placed on the value; the flow does not keep those facts for them (they would multiply the
//! states), so for those it records whether the condition holds at the end of some walk.
//! States are bounded ([`MAX_STATES`]): a guide whose conditions combine in more ways than that
//! is not followed (`check` says so), and its walks fall back to the links alone.

use super::condition::{Cond, Fact, Said};
use super::index::{IdMap, Index, Route, Target};
use super::model::{Guide, TextSite};
use super::order::{earlier, Bits, Cycles};
use crate::guide::to_u32;

/// The most states followed.
pub const MAX_STATES: usize = 300_000;

/// The most bits of facts per question kept while working out which facts a state keeps.
const MAX_FACT_WORDS: usize = 4 << 20;

/// No value (a question not answered, a dimension not placed), in state keys.
const NONE: u32 = u32::MAX;

/// Where a move leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// To another state.
    State(u32),
    /// To an outcome: the walk ends.
    Outcome(u32),
    /// Back to a question this walk has already asked (it would be asked again).
    Loop(u32),
    /// Along a link that names nothing.
    Broken,
}

/// One move: an offered answer and where it leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// The answer's position in its question.
    pub answer: u32,
    /// Where it leads.
    pub next: Next,
}

/// Facts read by conditions, numbered densely.
#[derive(Debug, Clone, Default, PartialEq)]
struct Slots {
    question: Vec<u32>,
    dimension: Vec<u32>,
    facts: Vec<Fact>,
}

impl Slots {
    fn of(index: &Index, dimensions: usize) -> Slots {
        let mut slots = Slots {
            question: vec![NONE; index.question_count()],
            dimension: vec![NONE; dimensions],
            facts: Vec::new(),
        };
        for cond in index.conds() {
            cond.reads(&mut |fact| {
                let slot = match fact {
                    Fact::Question(q) => slots.question.get_mut(q as usize),
                    Fact::Dimension(d) => slots.dimension.get_mut(d as usize),
                };
                if let Some(slot) = slot {
                    if *slot == NONE {
                        *slot = to_u32(slots.facts.len());
                        slots.facts.push(fact);
                    }
                }
            });
        }
        slots
    }

    fn of_fact(&self, fact: Fact) -> u32 {
        match fact {
            Fact::Question(q) => self.question.get(q as usize).copied().unwrap_or(NONE),
            Fact::Dimension(d) => self.dimension.get(d as usize).copied().unwrap_or(NONE),
        }
    }
}

/// Values of a fact that no condition tells apart. Conditions only ever ask "is the answer to
/// this question that one?", so the answers (or dimension values) no condition names behave
/// alike, and like no answer at all: they share class 0. Each value a condition names has a
/// class of its own. States keep classes, so a question with many answers, of which conditions
/// name two, splits walks three ways, not once per answer.
#[derive(Debug, Clone, Default, PartialEq)]
struct Classes {
    /// Per slot: the class of each value (by position).
    of: Vec<Vec<u32>>,
    /// Per slot: a value of each class (class 0 is no value).
    example: Vec<Vec<u32>>,
}

impl Classes {
    fn of(index: &Index, guide: &Guide, slots: &Slots) -> Classes {
        let size = |fact: Fact| match fact {
            Fact::Question(q) => index.answer_count(q as usize),
            Fact::Dimension(d) => guide
                .dimensions
                .get(d as usize)
                .map_or(0, |d| d.values.len()),
        };
        let mut classes = Classes {
            of: slots.facts.iter().map(|&f| vec![0; size(f)]).collect(),
            example: vec![vec![NONE]; slots.facts.len()],
        };
        for cond in index.conds() {
            cond.atoms(&mut |fact, value| {
                let slot = slots.of_fact(fact) as usize;
                let (Some(of), Some(example)) =
                    (classes.of.get_mut(slot), classes.example.get_mut(slot))
                else {
                    return;
                };
                if let Some(class) = of.get_mut(value as usize) {
                    if *class == 0 {
                        *class = to_u32(example.len());
                        example.push(value);
                    }
                }
            });
        }
        classes
    }

    /// The class of a value of a slot (`NONE`, no value, is class 0).
    fn class(&self, slot: u32, value: u32) -> u32 {
        self.of
            .get(slot as usize)
            .and_then(|of| of.get(value as usize))
            .copied()
            .unwrap_or(0)
    }

    /// A value of a class of a slot (`NONE` for class 0).
    fn example(&self, slot: u32, class: u32) -> u32 {
        self.example
            .get(slot as usize)
            .and_then(|e| e.get(class as usize))
            .copied()
            .unwrap_or(NONE)
    }
}

/// Calls `f` with the number of every condition evaluated at a question: its answers' `when`s
/// and every case of their conditional links.
pub fn conds_at(index: &Index, question: usize, f: &mut dyn FnMut(u32)) {
    for a in 0..index.answer_count(question) {
        if let Some(c) = index.when_number(question, a) {
            f(c);
        }
        let mut pending = vec![index.route(question, a)];
        while let Some(route) = pending.pop() {
            if let Route::Branch(b) = route {
                if let Some(node) = index.branch(b) {
                    for &(c, next) in &node.cases {
                        f(c);
                        pending.push(next);
                    }
                    pending.push(node.otherwise);
                }
            }
        }
    }
}

/// Calls `f` with every condition evaluated in an outcome's result (steps and examples).
fn conds_of_outcome(index: &Index, guide: &Guide, outcome: usize, f: &mut dyn FnMut(&Cond)) {
    let Some(o) = guide.outcomes.get(outcome) else {
        return;
    };
    for s in 0..o.next_steps.len() {
        index.step_when(outcome, s).into_iter().for_each(&mut *f);
        index.step_region(outcome, s).into_iter().for_each(&mut *f);
    }
    for e in 0..o.examples.len() {
        index.example_when(outcome, e).into_iter().for_each(&mut *f);
    }
}

/// Conditional texts by where they are seen: at a question (before it is asked), at one
/// outcome's end, at every end. Numbers are positions in [`Index::texts`]. While exploring, a
/// text leaves its list once some walk shows it, so each walk's end looks only at the texts
/// not shown yet.
#[derive(Debug, Clone, Default, PartialEq)]
struct TextSites {
    at_question: IdMap<u32, Vec<u32>>,
    at_outcome: IdMap<u32, Vec<u32>>,
    at_every_end: Vec<u32>,
}

/// Marks the texts of `pending` whose condition holds for `said` as shown, and takes them off
/// the list.
fn show_texts(pending: &mut Vec<u32>, index: &Index, said: &dyn Said, shown: &mut [bool]) {
    pending.retain(|&n| {
        let holds = index
            .texts()
            .get(n as usize)
            .and_then(|&(c, _)| index.cond(c))
            .is_some_and(|c| c.holds(said));
        if let Some(s) = shown.get_mut(n as usize).filter(|_| holds) {
            *s = true;
        }
        !holds
    });
}

impl TextSites {
    fn of(index: &Index) -> TextSites {
        let mut sites = TextSites::default();
        for (n, &(_, site)) in index.texts().iter().enumerate() {
            let n = to_u32(n);
            match site {
                TextSite::Question(q) => sites.at_question.entry(to_u32(q)).or_default().push(n),
                TextSite::Outcome(o) => sites.at_outcome.entry(to_u32(o)).or_default().push(n),
                TextSite::Answer(..) | TextSite::Value(..) => sites.at_every_end.push(n),
            }
        }
        sites
    }
}

/// The facts each question's states keep: read at or after it, and possibly said before it.
fn live_facts(
    index: &Index,
    guide: &Guide,
    cycles: &Cycles,
    slots: &Slots,
    texts: Option<&TextSites>,
) -> Option<Vec<Vec<u32>>> {
    let n = index.question_count();
    let f = slots.facts.len();
    let groups = cycles.cyclic.len();
    if groups.saturating_mul(f.div_ceil(64)) > MAX_FACT_WORDS {
        return None;
    }
    // Facts each question (and the outcomes it ends at) reads.
    let mut reads: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut outcome_reads: Vec<Vec<usize>> = vec![Vec::new(); guide.outcomes.len()];
    let text_reads = |numbers: &[u32], list: &mut Vec<usize>| {
        for &n in numbers {
            let cond = index
                .texts()
                .get(n as usize)
                .and_then(|&(c, _)| index.cond(c));
            if let Some(c) = cond {
                c.reads(&mut |fact| list.push(slots.of_fact(fact) as usize));
            }
        }
    };
    // Sets of slots, kept small: many texts read the same few facts, and every question that
    // ends a walk takes the whole list.
    let settle = |list: &mut Vec<usize>| {
        list.sort_unstable();
        list.dedup();
    };
    let mut every_end: Vec<usize> = Vec::new();
    if let Some(texts) = texts {
        text_reads(&texts.at_every_end, &mut every_end);
        settle(&mut every_end);
    }
    for (o, list) in outcome_reads.iter_mut().enumerate() {
        conds_of_outcome(index, guide, o, &mut |c| {
            c.reads(&mut |fact| list.push(slots.of_fact(fact) as usize))
        });
        if let Some(numbers) = texts.and_then(|t| t.at_outcome.get(&to_u32(o))) {
            text_reads(numbers, list);
        }
        settle(list);
    }
    for (q, list) in reads.iter_mut().enumerate() {
        conds_at(index, q, &mut |c| {
            if let Some(c) = index.cond(c) {
                c.reads(&mut |fact| list.push(slots.of_fact(fact) as usize));
            }
        });
        if let Some(numbers) = texts.and_then(|t| t.at_question.get(&to_u32(q))) {
            text_reads(numbers, list);
        }
        let mut ends = false;
        for (_, t) in index.links(q) {
            if let Target::Outcome(o) = t {
                ends = true;
                if let Some(more) = outcome_reads.get(o) {
                    list.extend_from_slice(more);
                }
            }
        }
        if ends {
            list.extend_from_slice(&every_end);
        }
        list.retain(|&s| s != NONE as usize);
        settle(list);
    }
    // Read at or after: backwards over the groups, sinks first.
    let mut later = Bits::new(groups, f);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); groups];
    for (q, &g) in cycles.group.iter().enumerate() {
        members[g as usize].push(to_u32(q));
    }
    for &g in cycles.order.iter().rev() {
        let g = g as usize;
        for &m in &members[g] {
            let m = m as usize;
            for &s in &reads[m] {
                later.set(g, s);
            }
            for (_, target) in index.links(m) {
                if let Target::Question(t) = target {
                    later.or(g, cycles.group[t] as usize);
                }
            }
        }
    }
    let made = |q: usize, out: &mut dyn FnMut(usize)| {
        if slots.question[q] != NONE {
            out(slots.question[q] as usize);
        }
        for a in 0..index.answer_count(q) {
            for &(d, _) in index.sets(q, a) {
                if let Some(&s) = slots.dimension.get(d as usize) {
                    if s != NONE {
                        out(s as usize);
                    }
                }
            }
        }
    };
    let before = earlier(index, cycles, 0, f, &made);
    let mut live = Vec::with_capacity(n);
    for q in 0..n {
        let g = cycles.group[q] as usize;
        let mut list = Vec::new();
        for (w, (&a, &b)) in later.row(g).iter().zip(before.row(g)).enumerate() {
            let mut both = a & b;
            while both != 0 {
                let bit = both.trailing_zeros() as usize;
                both &= both - 1;
                let slot = w * 64 + bit;
                // A question's own answer is never said before it is asked.
                if slots.facts[slot] != Fact::Question(to_u32(q)) {
                    list.push(to_u32(slot));
                }
            }
        }
        live.push(list);
    }
    Some(live)
}

/// What has been said, held in arrays for fast evaluation while exploring.
struct Scratch<'i> {
    answers: Vec<u32>,
    places: Vec<u32>,
    defaults: &'i [(u32, u32)],
}

impl Said for Scratch<'_> {
    fn answer(&self, question: usize) -> Option<usize> {
        self.answers
            .get(question)
            .copied()
            .filter(|&a| a != NONE)
            .map(|a| a as usize)
    }

    fn place(&self, dimension: usize) -> Option<usize> {
        match self.places.get(dimension).copied() {
            Some(v) if v != NONE => Some(v as usize),
            _ => self
                .defaults
                .iter()
                .rev()
                .find(|(d, _)| *d as usize == dimension)
                .map(|&(_, v)| v as usize),
        }
    }
}

impl Scratch<'_> {
    fn get(&self, fact: Fact) -> u32 {
        match fact {
            Fact::Question(q) => self.answers[q as usize],
            Fact::Dimension(d) => self.places[d as usize],
        }
    }

    fn put(&mut self, fact: Fact, value: u32) {
        match fact {
            Fact::Question(q) => self.answers[q as usize] = value,
            Fact::Dimension(d) => self.places[d as usize] = value,
        }
    }
}

type StateTable = IdMap<Box<[u32]>, u32>;

/// Every walk from one question, as states and moves (see the module's documentation).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flow {
    cycles: Cycles,
    slots: Slots,
    classes: Classes,
    /// Per question: the slots its states keep.
    live: Vec<Vec<u32>>,
    table: StateTable,
    /// Each state's key: its question, the classes of its live facts' values, then the
    /// questions of its cycle already asked.
    keys: Vec<Box<[u32]>>,
    edge_at: Vec<u32>,
    edges: Vec<Edge>,
    /// The first state and answer that led to each state (none for the first state).
    parent: Vec<(u32, u32)>,
    /// Fewest and most questions left from each state, itself included (`NONE` when no outcome
    /// can be reached).
    left: Vec<(u32, u32)>,
    /// Walks from the first state to each outcome.
    per_outcome: Vec<u128>,
    /// Walks from the first state that loop back to a question already asked.
    loops: u128,
    /// Walks from the first state that follow a broken link.
    broken: u128,
    /// Per answer (numbered as in the index): offered in some state.
    offered: Vec<bool>,
    /// Per answer: offered in some state and leading on to an outcome from there.
    taken: Vec<bool>,
    /// Per conditional link: looked into; per case: held, taken; `otherwise` taken.
    branch_seen: Vec<bool>,
    case_held: Vec<Vec<bool>>,
    case_taken: Vec<Vec<bool>>,
    otherwise_taken: Vec<bool>,
    /// Per outcome: each step's and each example's `when` held at some walk's end.
    step_shown: Vec<Vec<bool>>,
    example_shown: Vec<Vec<bool>>,
    /// Conditional texts by where they are seen; `None` when the flow does not follow them.
    texts: Option<TextSites>,
    /// Per conditional text (numbered as in [`Index::texts`]): its condition held where it is
    /// seen, on some walk.
    text_shown: Vec<bool>,
    /// States at which no answer is offered.
    stuck: Vec<u32>,
    /// Every state, in an order where every move goes forward.
    order: Vec<u32>,
}

impl Flow {
    /// Follows every walk from `root`, keeping what conditional texts read too when `texts`
    /// says so. `None` without a root, or when the conditions combine in more than
    /// [`MAX_STATES`] ways.
    pub fn explore(index: &Index, guide: &Guide, root: Option<usize>, texts: bool) -> Option<Flow> {
        let root = root?;
        let n = index.question_count();
        if root >= n {
            return None;
        }
        let cycles = Cycles::of(index);
        let slots = Slots::of(index, guide.dimensions.len());
        let texts = (texts && !index.texts().is_empty()).then(|| TextSites::of(index));
        let live = live_facts(index, guide, &cycles, &slots, texts.as_ref())?;
        let classes = Classes::of(index, guide, &slots);
        let answers_total = (0..n).map(|q| index.answer_count(q)).sum::<usize>();
        let mut flow = Flow {
            offered: vec![false; answers_total],
            taken: vec![false; answers_total],
            branch_seen: vec![false; index.branch_count()],
            case_held: (0..index.branch_count())
                .map(|b| vec![false; index.branch(to_u32(b)).map_or(0, |n| n.cases.len())])
                .collect(),
            otherwise_taken: vec![false; index.branch_count()],
            step_shown: guide
                .outcomes
                .iter()
                .map(|o| vec![false; o.next_steps.len()])
                .collect(),
            example_shown: guide
                .outcomes
                .iter()
                .map(|o| vec![false; o.examples.len()])
                .collect(),
            per_outcome: vec![0; guide.outcomes.len()],
            text_shown: vec![false; index.texts().len()],
            texts,
            cycles,
            slots,
            classes,
            live,
            ..Flow::default()
        };
        flow.case_taken = flow.case_held.clone();
        let mut scratch = Scratch {
            answers: vec![NONE; n],
            places: vec![NONE; guide.dimensions.len()],
            defaults: &[],
        };
        let mut key: Vec<u32> = vec![to_u32(root)];
        key.extend(flow.live[root].iter().map(|_| 0));
        flow.intern(&key, (NONE, NONE));
        let mut s = 0;
        while s < flow.keys.len() {
            if flow.keys.len() > MAX_STATES {
                return None;
            }
            flow.expand(index, guide, s, &mut scratch);
            s += 1;
        }
        flow.edge_at.push(to_u32(flow.edges.len()));
        flow.settle(index);
        Some(flow)
    }

    fn intern(&mut self, key: &[u32], parent: (u32, u32)) -> u32 {
        if let Some(&s) = self.table.get(key) {
            return s;
        }
        let s = to_u32(self.keys.len());
        let boxed: Box<[u32]> = key.into();
        self.table.insert(boxed.clone(), s);
        self.keys.push(boxed);
        self.parent.push(parent);
        s
    }

    fn expand(&mut self, index: &Index, guide: &Guide, s: usize, scratch: &mut Scratch<'_>) {
        self.edge_at.push(to_u32(self.edges.len()));
        let key = self.keys[s].clone();
        let q = key[0] as usize;
        let live_count = self.live[q].len();
        for (i, &slot) in self.live[q].iter().enumerate() {
            let fact = self.slots.facts[slot as usize];
            scratch.put(fact, self.classes.example(slot, key[1 + i]));
        }
        let asked = &key[1 + live_count..];
        if let Some(pending) = self
            .texts
            .as_mut()
            .and_then(|t| t.at_question.get_mut(&to_u32(q)))
        {
            show_texts(pending, index, scratch, &mut self.text_shown);
        }
        let group = self.cycles.group[q];
        let cyclic = self.cycles.cyclic[group as usize];
        let mut offered_any = false;
        let mut next_key: Vec<u32> = Vec::new();
        for a in 0..index.answer_count(q) {
            if !index.offered(q, a, scratch) {
                continue;
            }
            offered_any = true;
            if let Some(n) = index.answer_number(q, a) {
                self.offered[n] = true;
            }
            // Say the answer, remembering what it overwrote.
            let old_answer = scratch.answers[q];
            scratch.answers[q] = to_u32(a);
            let sets = index.sets(q, a);
            let old_places: Vec<u32> = sets
                .iter()
                .map(|&(d, _)| scratch.places[d as usize])
                .collect();
            for &(d, v) in sets {
                scratch.places[d as usize] = v;
            }
            let target = self.follow(index, index.route(q, a), scratch);
            let next = match target {
                Target::Outcome(o) => {
                    self.show_items(index, guide, o, scratch);
                    Next::Outcome(to_u32(o))
                }
                Target::Missing => Next::Broken,
                Target::Question(t) => {
                    let same = self.cycles.group[t] == group && cyclic;
                    if same && (t == q || asked.contains(&(to_u32(t)))) {
                        Next::Loop(to_u32(t))
                    } else {
                        next_key.clear();
                        next_key.push(to_u32(t));
                        next_key.extend(self.live[t].iter().map(|&slot| {
                            let value = scratch.get(self.slots.facts[slot as usize]);
                            self.classes.class(slot, value)
                        }));
                        if same {
                            let at = asked.partition_point(|&x| x < to_u32(q));
                            next_key.extend_from_slice(&asked[..at]);
                            next_key.push(to_u32(q));
                            next_key.extend_from_slice(&asked[at..]);
                        }
                        Next::State(self.intern(&next_key, (to_u32(s), to_u32(a))))
                    }
                }
            };
            self.edges.push(Edge {
                answer: to_u32(a),
                next,
            });
            for (&(d, _), &old) in sets.iter().zip(&old_places).rev() {
                scratch.places[d as usize] = old;
            }
            scratch.answers[q] = old_answer;
        }
        if !offered_any && index.answer_count(q) > 0 {
            self.stuck.push(to_u32(s));
        }
        for &slot in &self.live[q] {
            scratch.put(self.slots.facts[slot as usize], NONE);
        }
    }

    /// Follows a hop through conditional links, recording which cases held and were taken.
    fn follow(&mut self, index: &Index, mut route: Route, said: &dyn Said) -> Target {
        for _ in 0..=index.branch_count() {
            let Route::Branch(b) = route else {
                return route.target().unwrap_or(Target::Missing);
            };
            let Some(node) = index.branch(b) else {
                return Target::Missing;
            };
            let b = b as usize;
            self.branch_seen[b] = true;
            let mut taken = None;
            for (i, &(c, next)) in node.cases.iter().enumerate() {
                if index.cond(c).is_some_and(|c| c.holds(said)) {
                    self.case_held[b][i] = true;
                    if taken.is_none() {
                        taken = Some((i, next));
                    }
                }
            }
            route = match taken {
                Some((i, next)) => {
                    self.case_taken[b][i] = true;
                    next
                }
                None => {
                    self.otherwise_taken[b] = true;
                    node.otherwise
                }
            };
        }
        Target::Missing
    }

    fn show_items(
        &mut self,
        index: &Index,
        guide: &Guide,
        outcome: usize,
        scratch: &mut Scratch<'_>,
    ) {
        let Some(o) = guide.outcomes.get(outcome) else {
            return;
        };
        let no_texts = self.texts.as_ref().is_none_or(|t| {
            t.at_every_end.is_empty()
                && t.at_outcome.get(&to_u32(outcome)).is_none_or(Vec::is_empty)
        });
        if no_texts
            && o.next_steps.iter().all(|s| s.when.is_none())
            && o.examples.iter().all(|e| e.when.is_none())
        {
            return;
        }
        let said = Scratch {
            answers: std::mem::take(&mut scratch.answers),
            places: std::mem::take(&mut scratch.places),
            defaults: index.outcome_sets(outcome),
        };
        for s in 0..o.next_steps.len() {
            if index.step_when(outcome, s).is_some_and(|c| c.holds(&said)) {
                self.step_shown[outcome][s] = true;
            }
        }
        for e in 0..o.examples.len() {
            if index
                .example_when(outcome, e)
                .is_some_and(|c| c.holds(&said))
            {
                self.example_shown[outcome][e] = true;
            }
        }
        if let Some(texts) = &mut self.texts {
            if let Some(pending) = texts.at_outcome.get_mut(&to_u32(outcome)) {
                show_texts(pending, index, &said, &mut self.text_shown);
            }
            show_texts(&mut texts.at_every_end, index, &said, &mut self.text_shown);
        }
        scratch.answers = said.answers;
        scratch.places = said.places;
    }

    /// Works out questions left, path counts and which answers lead on, in an order where
    /// every move goes forward (the states never form a cycle: see the module's documentation).
    fn settle(&mut self, index: &Index) {
        let count = self.keys.len();
        let mut incoming = vec![0u32; count];
        for e in &self.edges {
            if let Next::State(t) = e.next {
                incoming[t as usize] += 1;
            }
        }
        let mut order = Vec::with_capacity(count);
        let mut ready: Vec<u32> = (0..to_u32(count))
            .filter(|&s| incoming[s as usize] == 0)
            .collect();
        while let Some(s) = ready.pop() {
            order.push(s);
            for e in self.edges_of(s) {
                if let Next::State(t) = e.next {
                    incoming[t as usize] -= 1;
                    if incoming[t as usize] == 0 {
                        ready.push(t);
                    }
                }
            }
        }
        // Walks from the first state.
        let mut ways = vec![0u128; count];
        if count > 0 {
            ways[0] = 1;
        }
        for &s in &order {
            let w = ways[s as usize];
            for i in self.edge_range(s) {
                let e = self.edges[i];
                match e.next {
                    Next::State(t) => ways[t as usize] = ways[t as usize].saturating_add(w),
                    Next::Outcome(o) => {
                        self.per_outcome[o as usize] =
                            self.per_outcome[o as usize].saturating_add(w)
                    }
                    Next::Loop(_) => self.loops = self.loops.saturating_add(w),
                    Next::Broken => self.broken = self.broken.saturating_add(w),
                }
            }
        }
        // Questions left, from the last states back.
        self.left = vec![(NONE, NONE); count];
        for &s in order.iter().rev() {
            let (mut min, mut max) = (NONE, 0u32);
            for e in self.edges_of(s) {
                let here = match e.next {
                    Next::Outcome(_) => Some((1, 1)),
                    Next::State(t) => match self.left[t as usize] {
                        (NONE, _) => None,
                        (a, b) => Some((a.saturating_add(1), b.saturating_add(1))),
                    },
                    _ => None,
                };
                if let Some((a, b)) = here {
                    min = min.min(a);
                    max = max.max(b);
                }
            }
            self.left[s as usize] = if min == NONE {
                (NONE, NONE)
            } else {
                (min, max)
            };
        }
        for s in 0..to_u32(count) {
            let q = self.keys[s as usize][0] as usize;
            for i in self.edge_range(s) {
                let e = self.edges[i];
                let on = match e.next {
                    Next::Outcome(_) => true,
                    Next::State(t) => self.left[t as usize].0 != NONE,
                    _ => false,
                };
                if let Some(n) = index.answer_number(q, e.answer as usize).filter(|_| on) {
                    self.taken[n] = true;
                }
            }
        }
        self.order = order;
    }

    fn edge_range(&self, s: u32) -> std::ops::Range<usize> {
        let s = s as usize;
        let start = self.edge_at.get(s).copied().unwrap_or(0) as usize;
        let end = self.edge_at.get(s + 1).copied().unwrap_or(to_u32(start)) as usize;
        start..end
    }

    /// The moves out of a state: one per offered answer.
    pub fn edges_of(&self, state: u32) -> &[Edge] {
        let r = self.edge_range(state);
        self.edges.get(r).unwrap_or(&[])
    }

    /// Number of states.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when there are no states.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The question of a state.
    pub fn question(&self, state: u32) -> usize {
        self.keys.get(state as usize).map_or(0, |k| k[0] as usize)
    }

    /// The first state and answer that led to a state; `None` for the first state.
    pub fn parent(&self, state: u32) -> Option<(u32, u32)> {
        self.parent
            .get(state as usize)
            .copied()
            .filter(|&(p, _)| p != NONE)
    }

    /// A walk from the first state to `state`: `(question, answer)` steps.
    pub fn example_path(&self, state: u32) -> Vec<(usize, usize)> {
        let mut steps = Vec::new();
        let mut at = state;
        while let Some((p, a)) = self.parent(at) {
            steps.push((self.question(p), a as usize));
            at = p;
            if steps.len() > self.keys.len() {
                break;
            }
        }
        steps.reverse();
        steps
    }

    /// The state a walk is in at `question`, having said `said`, with `asked` the questions on
    /// its path so far. `None` when no walk from this flow's first question gets there so.
    pub fn state_at(&self, question: usize, said: &dyn Said, asked: &[usize]) -> Option<u32> {
        let live = self.live.get(question)?;
        let mut key: Vec<u32> = Vec::with_capacity(1 + live.len());
        key.push(to_u32(question));
        for &slot in live {
            let value = match self.slots.facts[slot as usize] {
                Fact::Question(q) => said.answer(q as usize),
                Fact::Dimension(d) => said.place(d as usize),
            };
            key.push(self.classes.class(slot, value.map_or(NONE, to_u32)));
        }
        if self.cycles.on_cycle(question) {
            let group = self.cycles.group[question];
            let mut mine: Vec<u32> = asked
                .iter()
                .filter(|&&q| q != question && self.cycles.group.get(q) == Some(&group))
                .map(|&q| to_u32(q))
                .collect();
            mine.sort_unstable();
            mine.dedup();
            key.extend(mine);
        }
        self.table.get(key.as_slice()).copied()
    }

    /// Fewest and most questions left from a state, its own included; `None` when no outcome
    /// can be reached from it.
    pub fn left(&self, state: u32) -> Option<(u32, u32)> {
        match self.left.get(state as usize) {
            Some(&(min, max)) if min != NONE => Some((min, max)),
            _ => None,
        }
    }

    /// Outcomes some walk from a state reaches, in the guide's order.
    pub fn outcomes_from(&self, state: u32) -> Vec<usize> {
        let mut seen = vec![false; self.keys.len()];
        let mut found = vec![false; self.per_outcome.len()];
        let mut stack = vec![state];
        while let Some(s) = stack.pop() {
            if std::mem::replace(&mut seen[s as usize], true) {
                continue;
            }
            for e in self.edges_of(s) {
                match e.next {
                    Next::State(t) if !seen[t as usize] => stack.push(t),
                    Next::Outcome(o) => found[o as usize] = true,
                    _ => {}
                }
            }
        }
        found
            .iter()
            .enumerate()
            .filter(|(_, f)| **f)
            .map(|(o, _)| o)
            .collect()
    }

    /// Walks from the first state to each outcome (saturating).
    pub fn per_outcome(&self) -> &[u128] {
        &self.per_outcome
    }

    /// Walks from the first state that come back to a question already asked.
    pub fn loops(&self) -> u128 {
        self.loops
    }

    /// Walks from the first state that follow a broken link.
    pub fn broken(&self) -> u128 {
        self.broken
    }

    /// Per answer (numbered by [`Index::answer_number`]): offered in some state.
    pub fn offered(&self) -> &[bool] {
        &self.offered
    }

    /// Per answer: offered in some state and leading on to an outcome from there.
    pub fn taken(&self) -> &[bool] {
        &self.taken
    }

    /// Per conditional link: whether some walk looks into it.
    pub fn branch_seen(&self, branch: u32) -> bool {
        self.branch_seen
            .get(branch as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Whether case `case` of a conditional link holds on some walk that looks into it.
    pub fn case_held(&self, branch: u32, case: usize) -> bool {
        self.case_held
            .get(branch as usize)
            .and_then(|c| c.get(case))
            .copied()
            .unwrap_or(false)
    }

    /// Whether case `case` of a conditional link is the one taken on some walk.
    pub fn case_taken(&self, branch: u32, case: usize) -> bool {
        self.case_taken
            .get(branch as usize)
            .and_then(|c| c.get(case))
            .copied()
            .unwrap_or(false)
    }

    /// Whether some walk takes a conditional link's `otherwise`.
    pub fn otherwise_taken(&self, branch: u32) -> bool {
        self.otherwise_taken
            .get(branch as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Whether a conditional next step is shown at the end of some walk.
    pub fn step_shown(&self, outcome: usize, step: usize) -> bool {
        self.step_shown
            .get(outcome)
            .and_then(|s| s.get(step))
            .copied()
            .unwrap_or(false)
    }

    /// Whether a conditional example is shown at the end of some walk.
    pub fn example_shown(&self, outcome: usize, example: usize) -> bool {
        self.example_shown
            .get(outcome)
            .and_then(|s| s.get(example))
            .copied()
            .unwrap_or(false)
    }

    /// Every state, in an order where every move goes forward (a state comes before the
    /// states its answers lead to).
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// Whether the flow follows what conditional texts read (see [`Flow::explore`]).
    pub fn follows_texts(&self) -> bool {
        self.texts.is_some()
    }

    /// Whether a conditional text (numbered as in [`Index::texts`]) is shown on some walk:
    /// its condition holds where it is seen. Always false when the flow does not follow texts.
    pub fn text_shown(&self, text: usize) -> bool {
        self.text_shown.get(text).copied().unwrap_or(false)
    }

    /// States where no answer is offered: a group there would be stuck.
    pub fn stuck(&self) -> &[u32] {
        &self.stuck
    }

    /// The groups of questions on cycles.
    pub fn cycles(&self) -> &Cycles {
        &self.cycles
    }
}
