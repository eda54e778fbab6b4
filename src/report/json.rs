//! report.json writer.

use super::model::Report;

/// Pretty-printed JSON of the report.
pub fn render(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Streams the pretty-printed report into `out` (no 30 MB string for a
/// 50,000-page audit).
pub fn write(report: &Report, out: impl std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, report).map_err(std::io::Error::other)?;
    std::io::Write::flush(&mut out)
}
