//! `govaudit check`: one page — a file or a URL — through the page rules, no crawl.

use crate::audit::AuditAnalyzer;
use crate::checks::{Finding, Outcome};
use crate::crawl::fetch::{FetchMode, FetchSettings, Fetcher};
use crate::crawl::politeness::Politeness;
use crate::error::{AuditError, usage};
use crate::page::Page;
use crate::rules::{Catalog, Level};
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// The result of checking one page.
#[derive(Debug, Serialize)]
pub struct CheckResult {
    /// The page checked (a `file://` URL for files).
    pub url: String,
    /// Encoding used.
    pub charset: String,
    /// `<title>`.
    pub title: Option<String>,
    /// Findings (failed and cantTell).
    pub findings: Vec<Finding>,
    /// Page rules that applied, and whether they passed.
    pub rules: Vec<RuleVerdict>,
    /// Site-level rules not run on a single page.
    pub skipped_site_rules: Vec<String>,
}

/// One rule's verdict on the page.
#[derive(Debug, Serialize)]
pub struct RuleVerdict {
    /// Rule id.
    pub rule: String,
    /// `passed`, `failed`, `cantTell` or `inapplicable`.
    pub outcome: String,
}

impl CheckResult {
    /// Failed findings.
    pub fn failed(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
            .count()
    }
}

/// Checks a local file or an http(s) URL.
pub async fn check_target(
    target: &str,
    catalog: Arc<Catalog>,
    as_of: NaiveDate,
    ignore_robots: bool,
) -> Result<CheckResult, AuditError> {
    let mut stylesheets = Vec::new();
    let (url, body, content_type) = if target.starts_with("http://")
        || target.starts_with("https://")
    {
        let url = crate::config::parse_start_url(target)?;
        let fetcher = Fetcher::new(
            FetchSettings {
                timeout: Duration::from_secs(15),
                retries: 2,
                max_body_bytes: 10 * 1024 * 1024,
                max_retry_after: Duration::from_secs(30),
                ignore_robots,
                allow_private: true,
                backoff: Duration::from_millis(500),
            },
            Arc::new(Politeness::new(4.0)),
        )
        .map_err(AuditError::Start)?;
        let f = fetcher.fetch(&url, FetchMode::Page).await;
        if let Some(e) = &f.error
            && f.status.is_none()
        {
            return Err(AuditError::Start(format!(
                "cannot fetch {url}: {}",
                e.message
            )));
        }
        match f.status {
            Some(s) if s >= 400 => {
                return Err(AuditError::Start(format!("cannot check {url}: HTTP {s}")));
            }
            _ => {}
        }
        let cache = crate::crawl::resources::ResourceCache::default();
        let sheets = cache
            .get_all(
                &fetcher,
                crate::crawl::resources::linked_stylesheets(&f.body, &f.final_url),
            )
            .await;
        stylesheets = sheets;
        (f.final_url, f.body, f.content_type)
    } else {
        let path = std::path::Path::new(target);
        let body = std::fs::read(path).map_err(|e| usage(format!("cannot read {target}: {e}")))?;
        let abs = std::fs::canonicalize(path)
            .map_err(|e| usage(format!("cannot resolve {target}: {e}")))?;
        let url = Url::from_file_path(&abs)
            .map_err(|_| usage(format!("cannot make a URL of {}", abs.display())))?;
        // Files have no Content-Type header: infer it from the extension, so an SVG
        // or XML document is not judged as an HTML page.
        let ext = abs
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let ct = match ext.as_str() {
            "svg" => Some("image/svg+xml".to_string()),
            "xml" => Some("application/xml".to_string()),
            "xhtml" => Some("application/xhtml+xml".to_string()),
            _ => None,
        };
        (url, body, ct)
    };
    let analyzer = AuditAnalyzer::new(catalog.clone(), as_of);
    let mut page = Page::parse(url.clone(), &body, content_type.as_deref(), false, false, 0);
    page.stylesheets = stylesheets;
    let (_, analysis) = analyzer.analyze_page(&page);
    let rules = analysis
        .results
        .iter()
        .map(|r| RuleVerdict {
            rule: r.rule.clone(),
            outcome: if r.failed {
                "failed"
            } else if !r.findings.is_empty() {
                "cantTell"
            } else if r.applicable {
                "passed"
            } else {
                "inapplicable"
            }
            .into(),
        })
        .collect();
    Ok(CheckResult {
        url: url.to_string(),
        charset: page.charset.to_string(),
        title: page.title(),
        findings: analysis
            .results
            .into_iter()
            .flat_map(|r| r.findings)
            .collect(),
        rules,
        skipped_site_rules: catalog
            .rules
            .iter()
            .filter(|r| r.enabled && r.level == Level::Site)
            .map(|r| r.id.clone())
            .collect(),
    })
}

/// Human-readable text of a check result.
pub fn render_text(r: &CheckResult) -> String {
    let mut out = format!(
        "{}\n  标题 title: {}\n  编码 charset: {}\n",
        r.url,
        r.title.as_deref().unwrap_or("（无 none）"),
        r.charset
    );
    if r.findings.is_empty() {
        out.push_str("  未发现问题 no findings\n");
    }
    for f in &r.findings {
        let tag = if f.outcome == Outcome::Failed {
            "FAIL"
        } else {
            "REVIEW"
        };
        out.push_str(&format!(
            "  [{tag}] {} ({}) {}\n",
            f.rule,
            f.severity.as_str(),
            f.message
        ));
        if let Some(s) = &f.selector {
            out.push_str(&format!("         {s}\n"));
        }
    }
    out.push_str(&format!(
        "  站点级规则未在单页检查中运行 site-level rules skipped: {}\n",
        r.skipped_site_rules.join(", ")
    ));
    out
}
