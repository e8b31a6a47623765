//! The whole guide as one Markdown document, for proofreading end to end.
//!
//! Order follows the file: intro, dimensions and their values, questions (with why we ask,
//! facilitator notes, every answer with its reason and where it leads), outcomes, test cases.
//! Links are written as the title they lead to, so a reader never meets a bare id. Conditions
//! are written in readable words and tag what they govern: an answer offered only to some
//! groups, each case of a conditional link, an example, next step, list item or paragraph shown
//! only to some groups ("only if: Where will the co-op be based? = Argentina"). Every item is
//! listed, whatever its condition: this is the whole guide, not one group's walk.

use super::doc::{Doc, Marker};
use crate::guide::condition::describe;
use crate::guide::item::{Item, Paragraphs};
use crate::guide::{Condition, Guide, Link};

/// The tag of a conditional item.
fn only_if(guide: &Guide, when: &Condition) -> String {
    format!("only if: {}", describe(when, guide))
}

/// A lead with the tag of an item's condition after it: `Pro (only if: …)`.
fn tagged(guide: &Guide, lead: &str, item: &Item) -> String {
    match item.condition() {
        Some(when) => format!("{lead} ({})", only_if(guide, when)),
        None => lead.to_string(),
    }
}

/// A bullet for each item of a list, or each paragraph of a paragraph text, led by `lead` and
/// tagged with its condition.
fn bullets(doc: &mut Doc, guide: &Guide, lead: &str, items: &[Item]) {
    for item in items.iter().filter(|i| !i.text().trim().is_empty()) {
        doc.item(Marker::Bullet, tagged(guide, lead, item), item.text(), "");
    }
}

/// The paragraphs of a paragraph text, each conditional one opened by its tag.
fn paragraphs(doc: &mut Doc, guide: &Guide, text: &Paragraphs) {
    for item in text.items() {
        match item.condition() {
            Some(when) => doc.paragraph(format!("({}) {}", only_if(guide, when), item.text())),
            None => doc.paragraph(item.text()),
        }
    }
}

/// A paragraph text on one line, each conditional paragraph opened by its tag in brackets.
fn inline(guide: &Guide, text: &Paragraphs) -> String {
    text.items()
        .iter()
        .filter(|i| !i.text().trim().is_empty())
        .map(|i| match i.condition() {
            Some(when) => format!("[{}] {}", only_if(guide, when), i.text()),
            None => i.text().to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a link leads, in words: `→ Q3 Text`, `→ outcome: Title`, and for a conditional link
/// every case with its condition, then `otherwise`.
fn leads(guide: &Guide, link: &Link) -> String {
    match link {
        Link::Goto(id) => match guide.index.question(id) {
            Some(t) => format!("→ Q{} {}", t + 1, guide.questions[t].text),
            None => format!("→ {id}"),
        },
        Link::End(id) => match guide.index.outcome(id) {
            Some(o) => format!("→ outcome: {}", guide.outcomes[o].title),
            None => format!("→ {id}"),
        },
        Link::Branch { cases, otherwise } => {
            let mut parts: Vec<String> = cases
                .iter()
                .map(|c| format!("{} ({})", leads(guide, &c.next), only_if(guide, &c.when)))
                .collect();
            parts.push(format!("otherwise {}", leads(guide, otherwise)));
            parts.join("; ")
        }
    }
}

/// Renders the guide.
pub fn render(guide: &Guide) -> String {
    let mut doc = Doc::default();
    doc.heading(1, guide.title.as_str());
    doc.paragraph(format!(
        "Guide “{}”, version {}, language {}. {} questions, {} outcomes, {} test cases.",
        guide.id,
        guide.version,
        guide.language,
        guide.questions.len(),
        guide.outcomes.len(),
        guide.tests.len()
    ));
    doc.paragraph(guide.intro.as_str());

    if !guide.dimensions.is_empty() {
        doc.heading(2, "Dimensions");
        for d in &guide.dimensions {
            doc.heading(3, d.name.as_str());
            doc.paragraph(d.description.as_str());
            for v in &d.values {
                doc.heading(4, v.label.as_str());
                paragraphs(&mut doc, guide, &v.description);
                bullets(&mut doc, guide, "Gives", &v.pros);
                bullets(&mut doc, guide, "Costs", &v.cons);
            }
        }
    }

    doc.heading(2, "Questions");
    for (i, q) in guide.questions.iter().enumerate() {
        let section = if q.section.is_empty() {
            String::new()
        } else {
            format!(" · {}", q.section)
        };
        doc.heading(3, format!("Q{} {}{section}", i + 1, q.text));
        if q.situation {
            doc.bullet(
                "About the group's situation",
                "shown as “Because you are…” in the result, never offered as a change",
            );
        }
        bullets(&mut doc, guide, "Why we ask", q.why.items());
        bullets(&mut doc, guide, "Facilitator notes", q.notes.items());
        for (n, a) in q.answers.iter().enumerate() {
            let leads = leads(guide, &a.next);
            let mut note = inline(guide, &a.reason);
            if let Some(when) = &a.when {
                note = format!("{note} [{}]", only_if(guide, when));
            }
            let sets: Vec<String> = a
                .sets
                .iter()
                .map(|(d, v)| dimension_value(guide, d, v))
                .collect();
            if !sets.is_empty() {
                note = format!("{note} [sets {}]", sets.join("; "));
            }
            if a.unsure {
                note = format!("{note} [not sure yet]");
            }
            doc.item(Marker::Number(n + 1), a.label.as_str(), leads, note.trim());
        }
    }

    doc.heading(2, "Outcomes");
    for o in &guide.outcomes {
        doc.heading(3, o.title.as_str());
        paragraphs(&mut doc, guide, &o.summary);
        bullets(&mut doc, guide, "Who it fits", o.fits.items());
        bullets(&mut doc, guide, "Pro", &o.pros);
        bullets(&mut doc, guide, "Con", &o.cons);
        for ex in &o.examples {
            let mut lead = match ex.year {
                Some(y) => format!("Example: {} ({y})", ex.name),
                None => format!("Example: {}", ex.name),
            };
            if let Some(when) = &ex.when {
                lead = format!("{lead} ({})", only_if(guide, when));
            }
            doc.item(Marker::Bullet, lead, ex.text.as_str(), ex.source.as_str());
        }
        for step in &o.next_steps {
            let mut lead = if step.region.is_empty() {
                "Next step".to_string()
            } else {
                format!("Next step, {}", step.region)
            };
            if let Some(when) = &step.when {
                lead = format!("{lead} ({})", only_if(guide, when));
            }
            doc.bullet(lead, step.text.as_str());
        }
        let related: Vec<&str> = o
            .related
            .iter()
            .filter_map(|id| guide.index.outcome(id))
            .map(|r| guide.outcomes[r].title.as_str())
            .collect();
        if !related.is_empty() {
            doc.bullet("Related", related.join("; "));
        }
        let implied: Vec<String> = o
            .sets
            .iter()
            .map(|(d, v)| dimension_value(guide, d, v))
            .collect();
        if !implied.is_empty() {
            doc.bullet("Implies", implied.join("; "));
        }
    }

    if !guide.tests.is_empty() {
        doc.heading(2, "Test cases");
        for t in &guide.tests {
            let expect = guide
                .index
                .outcome(&t.expect)
                .map_or(t.expect.as_str(), |o| guide.outcomes[o].title.as_str());
            let answers: Vec<String> = t.answers.iter().map(|(q, a)| format!("{q}={a}")).collect();
            doc.item(
                Marker::Bullet,
                t.name.as_str(),
                format!("→ {expect}"),
                answers.join(", "),
            );
        }
    }
    doc.to_markdown()
}

fn dimension_value(guide: &Guide, dimension: &str, value: &str) -> String {
    let Some(d) = guide.index.dimension(dimension) else {
        return format!("{dimension}: {value}");
    };
    let dim = &guide.dimensions[d];
    let label = guide
        .index
        .value(d, value)
        .map_or(value, |v| dim.values[v].label.as_str());
    format!("{}: {label}", dim.name)
}
