//! report.json writer.

use super::model::Report;

/// Pretty-printed JSON of the report.
pub fn render(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
