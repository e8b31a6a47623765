//! The order questions can be asked in, by the links alone: which questions form cycles, and
//! which facts (answers, places on dimensions) can have been said before a question is asked.
//! `check` uses it to find conditions that read a question never asked before them, and
//! [`super::flow`] to find which facts a state needs to keep.
//!
//! Every walk here is iterative, and sets of facts are bit words per group of questions, worked
//! through in chunks where there are many, so memory stays bounded on large guides.

use super::index::{IdMap, Index, Target};
use crate::guide::to_u32;

/// No number, in tables of numbers.
const NONE: u32 = u32::MAX;

/// Strongly connected groups of questions (by the links alone).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cycles {
    /// The group of each question.
    pub group: Vec<u32>,
    /// Whether each group is a cycle (more than one question, or a question linking to itself).
    pub cyclic: Vec<bool>,
    /// Groups in an order where links only go forward (sources first).
    pub order: Vec<u32>,
}

impl Cycles {
    /// Finds the groups with an iterative Tarjan's algorithm.
    pub fn of(index: &Index) -> Cycles {
        let n = index.question_count();
        let mut number = vec![NONE; n];
        let mut low = vec![0u32; n];
        let mut on_stack = vec![false; n];
        let mut stack: Vec<u32> = Vec::new();
        let mut group = vec![NONE; n];
        let mut cyclic = Vec::new();
        let mut emitted = Vec::new();
        let mut counter = 0u32;
        for root in 0..n {
            if number[root] != NONE {
                continue;
            }
            let mut frames = vec![(root, index.links(root))];
            number[root] = counter;
            low[root] = counter;
            counter += 1;
            stack.push(to_u32(root));
            on_stack[root] = true;
            while let Some((q, links)) = frames.last_mut() {
                let q = *q;
                if let Some((_, target)) = links.next() {
                    let Target::Question(t) = target else {
                        continue;
                    };
                    if number[t] == NONE {
                        number[t] = counter;
                        low[t] = counter;
                        counter += 1;
                        stack.push(to_u32(t));
                        on_stack[t] = true;
                        frames.push((t, index.links(t)));
                    } else if on_stack[t] {
                        low[q] = low[q].min(number[t]);
                    }
                    continue;
                }
                frames.pop();
                if let Some((parent, _)) = frames.last() {
                    low[*parent] = low[*parent].min(low[q]);
                }
                if low[q] == number[q] {
                    let g = to_u32(cyclic.len());
                    let mut size = 0;
                    while let Some(m) = stack.pop() {
                        on_stack[m as usize] = false;
                        group[m as usize] = g;
                        size += 1;
                        if m as usize == q {
                            break;
                        }
                    }
                    let self_loop = index.links(q).any(|(_, t)| t == Target::Question(q));
                    cyclic.push(size > 1 || self_loop);
                    emitted.push(g);
                }
            }
        }
        // Tarjan's algorithm finishes a group after every group it links to.
        emitted.reverse();
        Cycles {
            group,
            cyclic,
            order: emitted,
        }
    }

    /// Whether a question is on a cycle.
    pub fn on_cycle(&self, question: usize) -> bool {
        self.group
            .get(question)
            .is_some_and(|&g| self.cyclic[g as usize])
    }
}

/// A set of slots per group of questions, as bit words.
pub(crate) struct Bits {
    words: usize,
    bits: Vec<u64>,
}

impl Bits {
    pub(crate) fn new(groups: usize, slots: usize) -> Bits {
        let words = slots.div_ceil(64);
        Bits {
            words,
            bits: vec![0; groups * words],
        }
    }

    pub(crate) fn row(&self, g: usize) -> &[u64] {
        &self.bits[g * self.words..(g + 1) * self.words]
    }

    pub(crate) fn set(&mut self, g: usize, slot: usize) {
        self.bits[g * self.words + slot / 64] |= 1 << (slot % 64);
    }

    pub(crate) fn get(&self, g: usize, slot: usize) -> bool {
        self.bits[g * self.words + slot / 64] & (1 << (slot % 64)) != 0
    }

    /// Row `to` |= row `from`.
    pub(crate) fn or(&mut self, to: usize, from: usize) {
        if to == from {
            return;
        }
        let w = self.words;
        for i in 0..w {
            let v = self.bits[from * w + i];
            self.bits[to * w + i] |= v;
        }
    }
}

/// Names the slots a question makes (its own answer, the dimensions its answers place), by
/// calling the second argument with each.
pub(crate) type Made<'a> = &'a dyn Fn(usize, &mut dyn FnMut(usize));

/// Which of the slots `lo..hi` can have been said before each group of questions is asked, by
/// the links alone: a slot of a question that can be asked earlier on some path, or of a
/// dimension one of its answers places. `made(q, f)` names the slots question `q` makes.
pub(crate) fn earlier(
    index: &Index,
    cycles: &Cycles,
    lo: usize,
    hi: usize,
    made: Made<'_>,
) -> Bits {
    let groups = cycles.cyclic.len();
    let mut bits = Bits::new(groups, hi - lo);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); groups];
    for (q, &g) in cycles.group.iter().enumerate() {
        members[g as usize].push(to_u32(q));
    }
    for &g in &cycles.order {
        let g = g as usize;
        if cycles.cyclic[g] {
            // Questions of a cycle can be asked before one another.
            for &m in &members[g] {
                made(m as usize, &mut |s| {
                    if (lo..hi).contains(&s) {
                        bits.set(g, s - lo);
                    }
                });
            }
        }
        for &m in &members[g] {
            let m = m as usize;
            let mut own: Vec<usize> = Vec::new();
            made(m, &mut |s| {
                if (lo..hi).contains(&s) {
                    own.push(s - lo);
                }
            });
            for (_, target) in index.links(m) {
                let Target::Question(t) = target else {
                    continue;
                };
                let tg = cycles.group[t] as usize;
                if tg == g {
                    continue;
                }
                bits.or(tg, g);
                for &s in &own {
                    bits.set(tg, s);
                }
            }
        }
    }
    bits
}

/// Whether question `before` can be asked before `site` on some path from the start, by the
/// links alone, for each `(before, site)` query; `site` is a question or an outcome. Memory is
/// bounded by working through the questions asked about in chunks.
pub fn can_precede(index: &Index, cycles: &Cycles, queries: &[(usize, Target)]) -> Vec<bool> {
    let n = index.question_count();
    let (from_start, _) = index.reachable(0);
    let mut slot = vec![NONE; n];
    let mut asked: Vec<usize> = Vec::new();
    for &(before, _) in queries {
        if before < n && slot[before] == NONE {
            slot[before] = to_u32(asked.len());
            asked.push(before);
        }
    }
    // Questions leading straight into each outcome that is asked about.
    let mut into: IdMap<usize, Vec<usize>> = IdMap::default();
    for &(_, site) in queries {
        if let Target::Outcome(o) = site {
            into.entry(o).or_default();
        }
    }
    if !into.is_empty() {
        for q in 0..n {
            for (_, t) in index.links(q) {
                if let Target::Outcome(o) = t {
                    if let Some(list) = into.get_mut(&o) {
                        if list.last() != Some(&q) {
                            list.push(q);
                        }
                    }
                }
            }
        }
    }
    let mut answers = vec![false; queries.len()];
    const CHUNK: usize = 1024;
    let mut lo = 0;
    while lo < asked.len() {
        let hi = (lo + CHUNK).min(asked.len());
        let made = |q: usize, f: &mut dyn FnMut(usize)| {
            if slot[q] != NONE {
                f(slot[q] as usize);
            }
        };
        let bits = earlier(index, cycles, lo, hi, &made);
        for (i, &(before, site)) in queries.iter().enumerate() {
            if before >= n || !from_start[before] {
                continue;
            }
            let s = slot[before] as usize;
            if !(lo..hi).contains(&s) {
                continue;
            }
            answers[i] = match site {
                Target::Question(q) => q < n && bits.get(cycles.group[q] as usize, s - lo),
                Target::Outcome(o) => into.get(&o).is_some_and(|qs| {
                    qs.iter()
                        .any(|&q| q == before || bits.get(cycles.group[q] as usize, s - lo))
                }),
                Target::Missing => false,
            };
        }
        lo = hi;
    }
    answers
}
