//! The one `Report` struct: serialised as `report.json` (the binding contract in
//! `design.md`) and rendered by every other writer.

use crate::checks::Finding;
use crate::crawl::fetch::{FetchError, Redirect};
use crate::crawl::{LimitHit, LinkKind};
use crate::score::{Score, Veto};
use crate::site::ColumnStatus;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the report.json layout.
pub const SCHEMA_VERSION: &str = "1.0";

/// The audit report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// Layout version.
    pub schema_version: String,
    /// The tool that wrote it.
    pub tool: Tool,
    /// The audited site.
    pub site: SiteInfo,
    /// Date freshness rules measured against.
    pub as_of: NaiveDate,
    /// Start time (RFC 3339).
    pub started_at: String,
    /// End time (RFC 3339).
    pub finished_at: String,
    /// Limits that cut the crawl short, with what they left unreached.
    pub limits_hit: Vec<LimitHit>,
    /// Counts.
    pub summary: Summary,
    /// Scores and verdict.
    pub score: Score,
    /// Single-veto items that fired.
    pub vetoes: Vec<Veto>,
    /// Every page fetched.
    pub pages: Vec<PageEntry>,
    /// Every finding (failed and cantTell).
    pub findings: Vec<Finding>,
    /// Per-rule totals.
    pub rules: Vec<RuleSummary>,
    /// The required-column catalogue as found.
    pub columns: Vec<ColumnStatus>,
    /// Broken and blocked links.
    pub links: Links,
    /// Site identity and assistive features.
    pub site_features: SiteFeatures,
    /// What this audit did not check, in words.
    pub not_checked: Vec<String>,
    /// Comparison with `--baseline`, when given.
    #[serde(default)]
    pub baseline: Option<BaselineDiff>,
}

/// Tool identity.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tool {
    /// `govaudit`.
    pub name: String,
    /// Crate version.
    pub version: String,
}

/// The audited site.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiteInfo {
    /// Display name.
    pub name: String,
    /// Start URLs.
    pub start_urls: Vec<String>,
}

/// Headline counts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    /// HTML pages parsed.
    pub pages_crawled: usize,
    /// Page URLs that failed (error or HTTP ≥ 400).
    pub pages_failed: usize,
    /// Link targets requested.
    pub links_checked: usize,
    /// Broken link targets.
    pub broken_links: usize,
    /// Targets that could not be verified (403/429/timeouts/robots).
    pub blocked_links: usize,
    /// Failed findings per severity.
    pub findings_by_severity: BTreeMap<String, usize>,
    /// cantTell answers.
    pub cant_tell: usize,
    /// HTTP requests sent, retries included.
    pub requests: u64,
    /// Pages first found through sitemaps.
    pub sitemap_pages: usize,
    /// Crawl wall time in seconds.
    pub duration_secs: f64,
}

/// One fetched page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PageEntry {
    /// URL as linked.
    pub url: String,
    /// After redirects.
    pub final_url: String,
    /// HTTP status.
    pub status: Option<u16>,
    /// Content-Type.
    pub content_type: Option<String>,
    /// Encoding used to decode.
    pub charset: Option<String>,
    /// Link hops from the start.
    pub depth: u32,
    /// `<title>`.
    pub title: Option<String>,
    /// Redirect chain.
    pub redirects: Vec<Redirect>,
    /// Fetch error.
    pub error: Option<FetchError>,
    /// Body cut at the size cap.
    pub truncated: bool,
    /// Fetch time.
    pub elapsed_ms: u64,
    /// Failed findings on this page.
    pub findings: usize,
}

/// Per-rule totals with the metadata a reader needs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleSummary {
    /// Rule id.
    pub id: String,
    /// Pack.
    pub pack: String,
    /// Severity.
    pub severity: String,
    /// Chinese title.
    pub title: String,
    /// English title.
    pub title_en: String,
    /// page or site.
    pub level: String,
    /// Where it applied.
    pub applicable: usize,
    /// Where it failed.
    pub failed: usize,
    /// Failed findings.
    pub findings: usize,
    /// cantTell answers.
    pub cant_tell: usize,
    /// Responsible units.
    pub lead_units: Vec<String>,
    /// Fix advice (Chinese).
    pub fix: String,
    /// References.
    pub refs: Vec<String>,
}

/// Link problems.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Links {
    /// Broken targets.
    pub broken: Vec<BrokenLink>,
    /// Targets that could not be verified.
    pub blocked: Vec<BrokenLink>,
}

/// A broken or blocked link target.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BrokenLink {
    /// Target.
    pub url: String,
    /// HTTP status.
    pub status: Option<u16>,
    /// Error text.
    pub error: Option<String>,
    /// 站内/域内/域外 × page/attachment/image, or invalid-url.
    pub kind: LinkKind,
    /// Pages linking to it (first few).
    pub found_on: Vec<String>,
    /// Pages linking to it (all).
    pub found_on_count: usize,
    /// Linked from the home page.
    pub on_home: bool,
}

/// One site feature: found value, or null when absent or not checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Feature {
    /// `found`, `missing` or `cantTell`.
    pub state: String,
    /// The value found (a code, a URL, link text).
    pub value: Option<String>,
    /// Where.
    pub url: Option<String>,
}

/// Site identity and assistive features (null = not checked by this version).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SiteFeatures {
    /// Entry to the care / elder version.
    pub care_mode_entry: Option<Feature>,
    /// Assistive toolbar.
    pub accessibility_toolbar: Option<Feature>,
    /// 网站标识码.
    pub site_code: Option<Feature>,
    /// ICP 备案号.
    pub icp: Option<Feature>,
    /// 公安机关备案号.
    pub police_record: Option<Feature>,
    /// 党政机关 badge.
    pub conac_badge: Option<Feature>,
    /// Site search.
    pub search: Option<Feature>,
    /// 我为政府网站找错 entry.
    pub error_report_entry: Option<Feature>,
}

/// Differences against a previous report (`--baseline`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BaselineDiff {
    /// The baseline file.
    pub file: Option<String>,
    /// Failed findings not in the baseline.
    pub new_findings: usize,
    /// Baseline failed findings no longer present.
    pub fixed_findings: usize,
    /// The new findings' keys (rule, url, selector), first 200.
    pub new: Vec<String>,
    /// Total score of the baseline.
    pub baseline_total: f64,
    /// Veto ids that fired now but not in the baseline.
    #[serde(default)]
    pub new_vetoes: Vec<String>,
}

impl BaselineDiff {
    /// Compares failed findings by rule, page and element.
    pub fn compare(base: &Report, now: &Report, file: Option<&std::path::Path>) -> BaselineDiff {
        use crate::checks::Outcome;
        use std::collections::HashSet;
        let key = |f: &crate::checks::Finding| {
            format!(
                "{} {} {}",
                f.rule,
                f.url,
                f.selector.as_deref().or(f.snippet.as_deref()).unwrap_or("")
            )
        };
        let old: HashSet<String> = base
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
            .map(key)
            .collect();
        let cur: HashSet<String> = now
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
            .map(key)
            .collect();
        let mut new: Vec<String> = cur.difference(&old).cloned().collect();
        new.sort();
        BaselineDiff {
            file: file.map(|p| p.display().to_string()),
            new_findings: new.len(),
            fixed_findings: old.difference(&cur).count(),
            new: new.into_iter().take(200).collect(),
            baseline_total: base.score.total,
            new_vetoes: now
                .vetoes
                .iter()
                .filter(|v| !base.vetoes.iter().any(|b| b.id == v.id))
                .map(|v| v.id.clone())
                .collect(),
        }
    }
}
