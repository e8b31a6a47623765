//! The built-in guide lands founding groups where the framework says, with the right profile
//! and next steps, and covers every variety of the framework.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::collections::HashSet;
use std::sync::Arc;

use coop_guide::engine::{Action, Explanation, Place, Walk};
use coop_guide::guide::{default_guide, Guide};

fn guide() -> Arc<Guide> {
    let checked = default_guide();
    assert!(!checked.has_errors());
    Arc::new(checked.guide.expect("the built-in guide loads"))
}

/// Walks the answers of the guide's own test case with this name and returns the explanation.
fn walk_case(guide: &Arc<Guide>, name: &str) -> (Walk, Explanation) {
    let case = guide
        .tests
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no test case {name:?}"));
    let mut walk = Walk::new(Arc::clone(guide));
    while let Place::Question { question, .. } = walk.place() {
        let q = &guide.questions[question];
        let id = case
            .answers
            .iter()
            .find(|(qid, _)| *qid == q.id)
            .map(|(_, a)| a)
            .unwrap_or_else(|| panic!("{name}: no answer for {}", q.id));
        let a = q
            .answers
            .iter()
            .position(|x| x.id == *id)
            .expect("answer exists");
        walk.apply(Action::Choose(a));
    }
    let e = Explanation::of(&walk).expect("an outcome");
    (walk, e)
}

fn outcome(guide: &Guide, e: &Explanation) -> String {
    guide.outcomes[e.outcome].id.clone()
}

fn placed(guide: &Guide, e: &Explanation, dimension: &str) -> Option<String> {
    let d = guide.index.dimension(dimension).expect("dimension");
    e.profile[d]
        .value
        .map(|v| guide.dimensions[d].values[v].id.clone())
}

#[test]
fn staff_leaving_a_software_company_in_buenos_aires_found_a_spin_off() {
    let g = guide();
    let (_, e) = walk_case(
        &g,
        "Staff leaving a software company together in Buenos Aires",
    );
    assert_eq!(outcome(&g, &e), "spin-off");
    assert_eq!(
        placed(&g, &e, "employment").as_deref(),
        Some("self-employed")
    );
    assert_eq!(placed(&g, &e, "registration").as_deref(), Some("formal"));
    assert_eq!(placed(&g, &e, "legal-form").as_deref(), Some("de-jure"));
    assert_eq!(placed(&g, &e, "origin").as_deref(), Some("spin-off"));
    let argentina: Vec<&str> = g.outcomes[e.outcome]
        .next_steps
        .iter()
        .filter(|s| s.region == "Argentina")
        .map(|s| s.text.as_str())
        .collect();
    let all = argentina.join(" ");
    assert!(all.contains("FACTTIC") && all.contains("INAES"), "{all}");
    assert!(
        all.contains("monotributo")
            || g.outcomes[e.outcome].summary.contains("monotributo")
            || e.path
                .iter()
                .any(|s| g.questions[s.question].answers[s.answer]
                    .reason
                    .contains("monotributo"))
    );
}

#[test]
fn belgian_freelancers_join_the_smart_umbrella() {
    let g = guide();
    let (_, e) = walk_case(
        &g,
        "Belgian freelancers who want employee protection without starting a firm",
    );
    assert_eq!(outcome(&g, &e), "join-umbrella");
    assert!(g.outcomes[e.outcome]
        .examples
        .iter()
        .any(|x| x.name.contains("Smart")));
}

#[test]
fn an_owner_retiring_and_selling_to_staff_is_a_conversion() {
    let g = guide();
    let (_, e) = walk_case(
        &g,
        "An owner retiring and selling the firm to its staff (US)",
    );
    assert_eq!(outcome(&g, &e), "conversion");
    assert_eq!(placed(&g, &e, "origin").as_deref(), Some("conversion"));
}

#[test]
fn workers_of_a_bankrupt_firm_recover_it() {
    let g = guide();
    for name in [
        "Workers of a bankrupt firm in Italy",
        "Workers of a bankrupt firm in Argentina",
    ] {
        let (_, e) = walk_case(&g, name);
        assert_eq!(outcome(&g, &e), "recovery", "{name}");
        assert_eq!(
            placed(&g, &e, "origin").as_deref(),
            Some("recovery"),
            "{name}"
        );
    }
}

#[test]
fn a_team_spread_over_three_countries_is_a_distributed_hybrid() {
    let g = guide();
    let (_, e) = walk_case(&g, "A team spread over three countries");
    assert_eq!(outcome(&g, &e), "hybrid-distributed");
    assert_eq!(placed(&g, &e, "employment").as_deref(), Some("hybrid"));
}

#[test]
fn every_variety_of_the_framework_is_a_dimension_value_some_path_reaches() {
    let g = guide();
    let expected = [
        ("registration", vec!["formal", "informal"]),
        ("legal-form", vec!["de-jure", "de-facto"]),
        (
            "employment",
            vec!["employees", "self-employed", "freelancers", "hybrid"],
        ),
        (
            "origin",
            vec![
                "start-up",
                "spin-off",
                "freelance-network",
                "conversion",
                "recovery",
            ],
        ),
        (
            "operation",
            vec![
                "merger",
                "multi-stakeholder",
                "holding",
                "federation",
                "recovered",
            ],
        ),
        ("aspiration", vec!["lifestyle", "life-long", "traditional"]),
        ("motivation", vec!["idealists", "pragmatists", "drifters"]),
    ];
    // Values placed by the guide's own test cases, which walk real paths.
    let mut reached: HashSet<(String, String)> = HashSet::new();
    for case in &g.tests {
        let (_, e) = walk_case(&g, &case.name);
        for p in &e.profile {
            if let Some(v) = p.value {
                let d = &g.dimensions[p.dimension];
                reached.insert((d.id.clone(), d.values[v].id.clone()));
            }
        }
    }
    for (dimension, values) in expected {
        let d = g
            .index
            .dimension(dimension)
            .unwrap_or_else(|| panic!("no dimension {dimension}"));
        for value in values {
            let v = g
                .index
                .value(d, value)
                .unwrap_or_else(|| panic!("no value {dimension}/{value}"));
            let dv = &g.dimensions[d].values[v];
            assert!(
                !dv.description.is_empty() && !dv.pros.is_empty() && !dv.cons.is_empty(),
                "{dimension}/{value}"
            );
            assert!(
                reached.contains(&(dimension.to_string(), value.to_string())),
                "no test case reaches {dimension}/{value}"
            );
        }
    }
}

#[test]
fn every_outcome_has_examples_with_years_next_steps_by_country_and_related_outcomes() {
    let g = guide();
    assert!(g.outcomes.len() >= 12);
    for o in &g.outcomes {
        assert!(!o.summary.is_empty() && !o.fits.is_empty(), "{}", o.id);
        assert!(!o.examples.is_empty(), "{} has no examples", o.id);
        assert!(
            !o.next_steps.is_empty() && !o.related.is_empty(),
            "{}",
            o.id
        );
        for ex in &o.examples {
            // A figure (a number of two or more digits that is not itself a year) needs a year.
            let numbers: Vec<u32> = ex
                .text
                .split(|c: char| !c.is_ascii_digit() && c != ',')
                .map(|n| n.replace(',', ""))
                .filter(|n| n.len() >= 2)
                .filter_map(|n| n.parse().ok())
                .collect();
            let has_year_in_text = numbers.iter().any(|n| (1900..=2099).contains(n));
            let has_figure = numbers.iter().any(|n| !(1900..=2099).contains(n));
            assert!(
                !has_figure || ex.year.is_some() || has_year_in_text,
                "{}: {} has a figure but no year",
                o.id,
                ex.name
            );
        }
    }
    let regions: HashSet<&str> = g
        .outcomes
        .iter()
        .flat_map(|o| o.next_steps.iter().map(|s| s.region.as_str()))
        .collect();
    for region in ["UK", "Argentina", "US", "Spain", "Italy"] {
        assert!(regions.contains(region), "no next steps for {region}");
    }
    assert!(g.tests.len() >= g.outcomes.len());
}

#[test]
fn argentinas_minimum_of_six_members_is_dated() {
    let g = guide();
    let text: String = g
        .questions
        .iter()
        .map(|q| format!("{} {} ", q.text, q.why))
        .collect();
    assert!(
        text.contains("6") && text.contains("December 2024"),
        "the December 2024 minimum of 6 must be stated with its date"
    );
}

#[test]
fn next_steps_for_where_the_group_is_come_first_in_every_language() {
    for (lang, here, other) in [
        ("en", "- **Spain:**", "## Other countries"),
        ("es", "- **España:**", "## En otros países"),
    ] {
        // Pragmatists, life-long, Spain, six or more, employees, workers only, members' money,
        // starting from scratch, a co-op legal form.
        let out = support::cli::run(
            &["play", "--lang", lang, "--output", "md"],
            "2\n2\n4\n3\n2\n1\n1\n1\n1\n\n",
        );
        let md = String::from_utf8(out.stdout).expect("utf-8");
        let steps = md
            .split("## ")
            .find(|s| s.starts_with("Next steps") || s.starts_with("Próximos pasos"))
            .expect("next steps");
        let first = steps.lines().find(|l| l.starts_with("- ")).expect("a step");
        assert!(first.starts_with(here), "{lang}: {first}");
        assert!(md.contains(other), "{lang}: other places are set apart");
    }
}
