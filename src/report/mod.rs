//! Report writers. Every format renders the one [`model::Report`].

pub mod html;
pub mod json;
pub mod junit;
pub mod ledger;
pub mod md;
pub mod model;
pub mod sarif;
pub mod terminal;

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
    /// report.sarif (SARIF 2.1.0).
    Sarif,
    /// junit.xml.
    Junit,
    /// 整改台账 as CSV (UTF-8 with BOM).
    Csv,
    /// 整改台账 as XLSX.
    Xlsx,
}

const AVAILABLE: &str = "json, html, md, sarif, junit, csv, xlsx";

impl Format {
    /// Parses a comma-separated list such as `json,html`.
    pub fn parse_list(s: &str) -> Result<Vec<Format>, AuditError> {
        let mut out = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let f = match part.to_ascii_lowercase().as_str() {
                "json" => Format::Json,
                "html" => Format::Html,
                "md" | "markdown" => Format::Md,
                "sarif" => Format::Sarif,
                "junit" | "xml" => Format::Junit,
                "csv" => Format::Csv,
                "xlsx" | "excel" => Format::Xlsx,
                other => {
                    return Err(usage(format!(
                        "--format {other}: unknown format (available: {AVAILABLE})"
                    )));
                }
            };
            if !out.contains(&f) {
                out.push(f);
            }
        }
        if out.is_empty() {
            return Err(usage(format!("--format: give at least one of {AVAILABLE}")));
        }
        Ok(out)
    }

    /// The file name written in the output folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Json => "report.json",
            Format::Html => "report.html",
            Format::Md => "report.md",
            Format::Sarif => "report.sarif",
            Format::Junit => "junit.xml",
            Format::Csv => "ledger.csv",
            Format::Xlsx => "ledger.xlsx",
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
        let path = dir.join(f.file_name());
        let fail =
            |e: std::io::Error| AuditError::Output(format!("cannot write {}: {e}", path.display()));
        if *f == Format::Json {
            replace_file(&path, |file| json::write(report, file)).map_err(fail)?;
            written.push(path);
            continue;
        }
        let bytes: Vec<u8> = match f {
            Format::Json => unreachable!("streamed above"),
            Format::Html => html::render(report, lang).into_bytes(),
            Format::Md => md::render(report).into_bytes(),
            Format::Sarif => sarif::render(report).into_bytes(),
            Format::Junit => junit::render(report).into_bytes(),
            Format::Csv => ledger::csv(report),
            Format::Xlsx => ledger::xlsx(report)
                .map_err(|e| AuditError::Output(format!("cannot build ledger.xlsx: {e}")))?,
        };
        replace_file(&path, |mut file| {
            std::io::Write::write_all(&mut file, &bytes)
        })
        .map_err(fail)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes `path` through a temporary file beside it and renames it into place,
/// so an interrupted write never leaves half a report over the last good one.
fn replace_file(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(".partial");
    let tmp = path.with_file_name(tmp_name);
    let result = std::fs::File::create(&tmp).and_then(|mut file| {
        fill(&mut file)?;
        file.sync_all()
    });
    match result.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
