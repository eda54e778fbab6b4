//! JUnit XML for CI: a test suite per pack, a test case per rule, a failure per
//! affected page (cantTell answers are system-out notes, not failures).

use super::model::Report;
use crate::checks::Outcome;
use quick_junit::{NonSuccessKind, Report as JReport, TestCase, TestCaseStatus, TestSuite};
use std::collections::BTreeMap;

/// The JUnit XML document.
pub fn render(report: &Report) -> String {
    let mut j = JReport::new("govaudit");
    for pack in &report.score.packs {
        let mut suite = TestSuite::new(format!("{} ({})", pack.id, pack.name));
        for rule in report.rules.iter().filter(|r| r.pack == pack.id) {
            let mut pages: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            let mut review = Vec::new();
            for f in report.findings.iter().filter(|f| f.rule == rule.id) {
                match f.outcome {
                    Outcome::Failed => pages
                        .entry(f.url.as_str())
                        .or_default()
                        .push(f.message.as_str()),
                    Outcome::CantTell => review.push(format!("{} {}", f.url, f.message)),
                }
            }
            let status = if pages.is_empty() {
                TestCaseStatus::success()
            } else {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                s.set_message(format!("{}: {} page(s)", rule.title, pages.len()));
                s.set_type(rule.severity.clone());
                let detail: Vec<String> = pages
                    .iter()
                    .map(|(p, msgs)| format!("{p}\n  {}", msgs.join("\n  ")))
                    .collect();
                s.set_description(detail.join("\n"));
                s
            };
            let mut case = TestCase::new(format!("{} {}", rule.id, rule.title), status);
            case.set_classname(pack.id.clone());
            if !review.is_empty() {
                case.set_system_out(format!("needs review (cantTell):\n{}", review.join("\n")));
            }
            suite.add_test_case(case);
        }
        j.add_test_suite(suite);
    }
    j.to_string().unwrap_or_default()
}
