//! SARIF 2.1.0 (`--format sarif`): one result per finding with `ruleId`, `level`,
//! message, the page URL as the artifact location, the CSS selector as a logical
//! location and the fingerprint as a partial fingerprint; the rules with help
//! text in `tool.driver.rules`. Source line/column are not known (the page is
//! parsed from decoded text into a DOM without source positions), so no `region`.

use super::model::Report;
use crate::checks::Outcome;
use serde_json::{Value, json};

/// The SARIF log as pretty JSON.
pub fn render(report: &Report) -> String {
    let rules: Vec<Value> = report
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id.replace(['.', '-'], "_"),
                "shortDescription": {"text": r.title_en},
                "fullDescription": {"text": r.title},
                "help": {"text": format!("{}\n{}", r.fix, r.refs.join("; "))},
                "defaultConfiguration": {"level": level(&r.severity)},
                "properties": {"tags": [r.pack.clone(), r.severity.clone()], "precision": "high"}
            })
        })
        .collect();
    let index: std::collections::HashMap<&str, usize> = report
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut result = json!({
                "ruleId": f.rule,
                "level": if f.outcome == Outcome::CantTell { "note" } else { level(f.severity.as_str()) },
                "kind": if f.outcome == Outcome::CantTell { "review" } else { "fail" },
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {"artifactLocation": {"uri": f.url}},
                    "logicalLocations": f.selector.as_ref().map(|s| vec![json!({"fullyQualifiedName": s, "kind": "element"})]).unwrap_or_default()
                }],
                "partialFingerprints": {"govaudit/v1": f.fingerprint},
                "properties": {"snippet": f.snippet, "leadUnits": f.lead_units, "messageEn": f.message_en}
            });
            if let Some(i) = index.get(f.rule.as_str()) {
                result["ruleIndex"] = json!(i);
            }
            if let Some(b) = &f.baseline {
                result["baselineState"] = json!(if b == "new" { "new" } else { "unchanged" });
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "govaudit",
                "version": report.tool.version,
                "semanticVersion": report.tool.version,
                "informationUri": "https://www.gov.cn/",
                "rules": rules
            }},
            "invocations": [{"executionSuccessful": true, "startTimeUtc": utc(&report.started_at), "endTimeUtc": utc(&report.finished_at)}],
            "results": results,
            "properties": {"site": report.site.name, "asOf": report.as_of.to_string(), "score": report.score.total, "verdict": report.score.verdict}
        }]
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

fn level(severity: &str) -> &'static str {
    match severity {
        "critical" | "serious" => "error",
        "moderate" => "warning",
        _ => "note",
    }
}

fn utc(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|d| {
            d.with_timezone(&chrono::Utc)
                .format("%Y-%m-%dT%H:%M:%S%.3fZ")
                .to_string()
        })
        .unwrap_or_default()
}
