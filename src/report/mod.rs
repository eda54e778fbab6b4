//! Report writers. Every format renders the one [`model::Report`].

pub mod html;
pub mod json;
pub mod md;
pub mod model;

use crate::error::{AuditError, usage};
use std::path::{Path, PathBuf};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// report.json.
    Json,
    /// report.html.
    Html,
    /// report.md.
    Md,
}

impl Format {
    /// Parses a comma-separated list such as `json,html`.
    pub fn parse_list(s: &str) -> Result<Vec<Format>, AuditError> {
        let mut out = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let f = match part.to_ascii_lowercase().as_str() {
                "json" => Format::Json,
                "html" => Format::Html,
                "md" | "markdown" => Format::Md,
                "sarif" | "junit" | "csv" | "xlsx" => {
                    return Err(usage(format!(
                        "--format {part}: not available in this version (available: json, html, md)"
                    )));
                }
                other => {
                    return Err(usage(format!(
                        "--format {other}: unknown format (available: json, html, md)"
                    )));
                }
            };
            if !out.contains(&f) {
                out.push(f);
            }
        }
        if out.is_empty() {
            return Err(usage("--format: give at least one of json, html, md"));
        }
        Ok(out)
    }

    fn file_name(self) -> &'static str {
        match self {
            Format::Json => "report.json",
            Format::Html => "report.html",
            Format::Md => "report.md",
        }
    }
}

/// Writes the report in every format into `dir` (created if needed); returns the paths.
pub fn write_all(
    report: &model::Report,
    dir: &Path,
    formats: &[Format],
    lang: &str,
) -> Result<Vec<PathBuf>, AuditError> {
    std::fs::create_dir_all(dir).map_err(|e| {
        AuditError::Output(format!(
            "cannot create output folder {}: {e}",
            dir.display()
        ))
    })?;
    let mut written = Vec::new();
    for f in formats {
        let text = match f {
            Format::Json => json::render(report),
            Format::Html => html::render(report, lang),
            Format::Md => md::render(report),
        };
        let path = dir.join(f.file_name());
        std::fs::write(&path, text)
            .map_err(|e| AuditError::Output(format!("cannot write {}: {e}", path.display())))?;
        written.push(path);
    }
    Ok(written)
}
