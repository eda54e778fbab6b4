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
    /// Earlier runs and this one, oldest first (from `--history`).
    #[serde(default)]
    pub history: Vec<crate::history::RunSummary>,
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
    /// Consecutive audits (this one included) in which it was broken (from history).
    #[serde(default)]
    pub consecutive_runs: u32,
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
    /// Failed findings also in the baseline.
    #[serde(default)]
    pub present_findings: usize,
    /// Baseline failed findings no longer present.
    pub fixed_findings: usize,
    /// The fixed findings (rule and message), first 200.
    #[serde(default)]
    pub fixed: Vec<FixedFinding>,
    /// Broken links not broken in the baseline.
    #[serde(default)]
    pub new_broken_links: Vec<String>,
    /// Links broken in the baseline that now work (or are gone).
    #[serde(default)]
    pub fixed_broken_links: Vec<String>,
    /// Total score of the baseline.
    pub baseline_total: f64,
    /// Veto ids that fired now but not in the baseline.
    #[serde(default)]
    pub new_vetoes: Vec<String>,
}

/// A baseline finding that is gone.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FixedFinding {
    /// Rule id.
    pub rule: String,
    /// Page.
    pub url: String,
    /// Message.
    pub message: String,
}

/// A link's identity across runs: the URL without this site's origin.
fn link_key(url: &str, origins: &[String]) -> String {
    origins
        .iter()
        .fold(url.to_string(), |u, o| u.replace(o.as_str(), ""))
}

fn origins(r: &Report) -> Vec<String> {
    r.site
        .start_urls
        .iter()
        .filter_map(|u| url::Url::parse(u).ok())
        .map(|u| u.origin().ascii_serialization())
        .collect()
}

impl BaselineDiff {
    /// Classifies every failed finding of `now` as new or present (by
    /// fingerprint), lists the fixed ones, and does the same for broken links.
    pub fn apply(base: &Report, now: &mut Report, file: Option<&std::path::Path>) -> BaselineDiff {
        use crate::checks::Outcome;
        use std::collections::HashSet;
        let old: HashSet<&str> = base
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
            .map(|f| f.fingerprint.as_str())
            .collect();
        let cur: HashSet<String> = now
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
            .map(|f| f.fingerprint.clone())
            .collect();
        let (mut new, mut present) = (0, 0);
        for f in now
            .findings
            .iter_mut()
            .filter(|f| f.outcome == Outcome::Failed)
        {
            if old.contains(f.fingerprint.as_str()) {
                present += 1;
                f.baseline = Some("present".into());
            } else {
                new += 1;
                f.baseline = Some("new".into());
            }
        }
        let fixed: Vec<FixedFinding> = base
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed && !cur.contains(&f.fingerprint))
            .map(|f| FixedFinding {
                rule: f.rule.clone(),
                url: f.url.clone(),
                message: f.message.clone(),
            })
            .collect();
        let (bo, no) = (origins(base), origins(now));
        let old_links: HashSet<String> = base
            .links
            .broken
            .iter()
            .map(|l| link_key(&l.url, &bo))
            .collect();
        let cur_links: HashSet<String> = now
            .links
            .broken
            .iter()
            .map(|l| link_key(&l.url, &no))
            .collect();
        BaselineDiff {
            file: file.map(|p| p.display().to_string()),
            new_findings: new,
            present_findings: present,
            fixed_findings: fixed.len(),
            fixed: fixed.into_iter().take(200).collect(),
            new_broken_links: now
                .links
                .broken
                .iter()
                .filter(|l| !old_links.contains(&link_key(&l.url, &no)))
                .map(|l| l.url.clone())
                .collect(),
            fixed_broken_links: base
                .links
                .broken
                .iter()
                .filter(|l| !cur_links.contains(&link_key(&l.url, &bo)))
                .map(|l| l.url.clone())
                .collect(),
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
