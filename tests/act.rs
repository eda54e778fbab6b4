//! W3C ACT rules conformance: every case of `../shared/conformance/act/cases.json`
//! goes through the same engine as `govaudit check`. Per ACT rule it computes W3C's
//! consistency (every failed case flagged by a mapped rule; no passed or
//! inapplicable case flagged), prints the table, writes an EARL JSON-LD report to
//! `target/act-earl.json`, and fails when a rule listed in
//! `tests/conformance/consistent.txt` is no longer consistent, or when any passed or
//! inapplicable case is flagged (a false positive).

use govaudit::check::check_target;
use govaudit::checks::Outcome;
use govaudit::rules::Catalog;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn act_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/act");
    dir.join("cases.json").exists().then_some(dir)
}

#[derive(Default)]
struct RuleTally {
    failed_total: usize,
    failed_flagged: usize,
    false_positives: Vec<String>,
    cant_tell: Vec<String>,
    deprecated: bool,
    feasibility: String,
}

#[tokio::test(flavor = "multi_thread")]
async fn act_conformance() {
    let Some(dir) = act_dir() else {
        eprintln!("SKIPPED: ../shared/conformance/act not found next to the repository");
        return;
    };
    let cases: Vec<Value> =
        serde_json::from_slice(&std::fs::read(dir.join("cases.json")).unwrap()).unwrap();
    let catalog = Arc::new(Catalog::embedded().unwrap());
    // ACT id → our rules that implement it.
    let mut mapped: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in &catalog.rules {
        for act in &r.act {
            mapped.entry(act.clone()).or_default().push(r.id.clone());
        }
    }
    let mut tallies: BTreeMap<String, RuleTally> = BTreeMap::new();
    let mut assertions = Vec::new();
    for case in &cases {
        let act = case["rule_id"].as_str().unwrap().to_string();
        let expected = case["outcome"].as_str().unwrap();
        let file = case["file"].as_str().unwrap();
        let t = tallies.entry(act.clone()).or_default();
        t.deprecated = case["rule_status"] == "deprecated";
        t.feasibility = case["static_feasibility"]
            .as_str()
            .unwrap_or("")
            .to_string();
        let ours = mapped.get(&act).cloned().unwrap_or_default();
        let result = check_target(
            dir.join(file).to_str().unwrap(),
            catalog.clone(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            true,
        )
        .await
        .unwrap_or_else(|e| panic!("{file}: {e}"));
        let outcome_of = |rule: &str| {
            let fs: Vec<_> = result.findings.iter().filter(|f| f.rule == rule).collect();
            if fs.iter().any(|f| f.outcome == Outcome::Failed) {
                "failed"
            } else if !fs.is_empty() {
                "cantTell"
            } else if result
                .rules
                .iter()
                .any(|v| v.rule == rule && v.outcome == "passed")
            {
                "passed"
            } else {
                "inapplicable"
            }
        };
        let outcomes: Vec<(&String, &str)> = ours.iter().map(|r| (r, outcome_of(r))).collect();
        let flagged = outcomes.iter().any(|(_, o)| *o == "failed");
        let cant = outcomes.iter().any(|(_, o)| *o == "cantTell");
        match expected {
            "failed" => {
                t.failed_total += 1;
                if flagged {
                    t.failed_flagged += 1;
                } else if cant {
                    t.cant_tell.push(file.to_string());
                }
            }
            _ if flagged => t.false_positives.push(file.to_string()),
            _ => {}
        }
        for (rule, outcome) in &outcomes {
            assertions.push(json!({
                "@type": "Assertion",
                "subject": {"@type": ["TestSubject", "WebPage"], "source": case["w3c_url"]},
                "test": {"@type": "TestCase", "title": rule, "isPartOf": case["wcag_success_criteria"].as_array().unwrap().iter().map(|s| format!("WCAG2:{}", s.as_str().unwrap())).collect::<Vec<_>>()},
                "result": {"@type": "TestResult", "outcome": format!("earl:{outcome}")},
                "mode": "earl:automatic",
                "assertedBy": {"@type": ["Assertor", "Software"], "title": "govaudit", "hasVersion": env!("CARGO_PKG_VERSION")}
            }));
        }
    }
    // Table.
    let consistent_of = |t: &RuleTally, has_rules: bool| -> &'static str {
        if !has_rules {
            "untested"
        } else if !t.false_positives.is_empty() {
            "inconsistent"
        } else if t.failed_flagged == t.failed_total {
            "consistent"
        } else {
            "partial"
        }
    };
    let mut consistent = BTreeSet::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut fps = Vec::new();
    println!(
        "{:<8} {:<14} {:<12} {:>7} {:>5}  rules",
        "ACT", "class", "result", "failed", "FP"
    );
    for (act, t) in &tallies {
        let rules = mapped.get(act).cloned().unwrap_or_default();
        let c = consistent_of(t, !rules.is_empty());
        if !t.deprecated {
            *counts.entry(c).or_default() += 1;
        }
        if c == "consistent" {
            consistent.insert(act.clone());
        }
        fps.extend(t.false_positives.iter().cloned());
        println!(
            "{:<8} {:<14} {:<12} {:>3}/{:<3} {:>5}  {}{}",
            act,
            format!("{}{}", t.feasibility, if t.deprecated { "*" } else { "" }),
            c,
            t.failed_flagged,
            t.failed_total,
            t.false_positives.len(),
            rules.join(","),
            if t.false_positives.is_empty() {
                String::new()
            } else {
                format!("  FP: {}", t.false_positives.join(" "))
            }
        );
    }
    let non_deprecated = tallies.values().filter(|t| !t.deprecated).count();
    println!(
        "totals (non-deprecated {non_deprecated} rules): consistent {}, partial {}, inconsistent {}, untested {}; false positives {}",
        counts.get("consistent").unwrap_or(&0),
        counts.get("partial").unwrap_or(&0),
        counts.get("inconsistent").unwrap_or(&0),
        counts.get("untested").unwrap_or(&0),
        fps.len()
    );
    let earl = json!({
        "@context": "https://www.w3.org/WAI/standards-guidelines/act/report/earl/context.json",
        "@graph": assertions,
    });
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/act-earl.json");
    std::fs::write(&out, serde_json::to_string_pretty(&earl).unwrap()).unwrap();
    println!("EARL report: {}", out.display());

    let recorded: BTreeSet<String> = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/consistent.txt"),
    )
    .unwrap()
    .lines()
    .map(|l| l.split('#').next().unwrap().trim().to_string())
    .filter(|l| !l.is_empty())
    .collect();
    let lost: Vec<&String> = recorded.difference(&consistent).collect();
    assert!(
        lost.is_empty(),
        "rules recorded as consistent are no longer: {lost:?}"
    );
    assert!(fps.is_empty(), "false positives: {fps:?}");
    let gained: Vec<&String> = consistent.difference(&recorded).collect();
    if !gained.is_empty() {
        println!("newly consistent (add to tests/conformance/consistent.txt): {gained:?}");
    }
}
