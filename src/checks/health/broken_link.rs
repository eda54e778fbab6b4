//! `health.broken-link` — links, attachments and images that do not resolve.
//!
//! *What it checks*: every link target the crawl checked; 404/410 and other
//! 4xx/5xx answers, DNS failures, refused connections and invalid URLs are broken.
//! 401/403/412/429, timeouts and robots-blocked targets are *blocked*: listed apart
//! in the report, never counted as broken.
//! *Why*: broken links are the most common deduction of the national inspection
//! and tell citizens the site is neglected.
//! *Clause*: 国办秘函〔2019〕19号 可用性; deductions per `rules/health.toml` (defaults).

use crate::checks::{RuleRun, SiteRule};
use crate::crawl::LinkHealth;
use crate::site::SiteModel;

/// See the module documentation.
pub struct BrokenLink;

impl SiteRule for BrokenLink {
    fn id(&self) -> &'static str {
        "health.broken-link"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        for link in &site.links {
            match link.health() {
                LinkHealth::Unchecked => continue,
                LinkHealth::Ok | LinkHealth::Blocked => run.applies(),
                LinkHealth::Broken => {
                    let status = match (&link.status, &link.error) {
                        (_, Some(e)) => e.message.chars().take(120).collect(),
                        (Some(s), None) => format!("HTTP {s}"),
                        (None, None) => "invalid URL".into(),
                    };
                    let page = link
                        .found_on
                        .first()
                        .cloned()
                        .unwrap_or_else(|| site.home_url.clone());
                    run.fail_at(
                        &page,
                        Some(link.url.clone()),
                        &[
                            ("url", link.url.clone()),
                            ("status", status),
                            ("count", link.found_on_count.max(1).to_string()),
                        ],
                    );
                }
            }
        }
    }
}
