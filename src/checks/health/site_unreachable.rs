//! `health.site-unreachable` — the home page does not answer (single veto, V2).
//!
//! *What it checks*: whether the home page answered at all within the timeout
//! after retries (connection refused, DNS failure, timeout, or a 5xx answer).
//! One audit can only say "unreachable now"; the reason says so.
//! *Why*: 站点无法访问 is a single-veto item: monitors probe repeatedly and fail a
//! site that is down.
//! *Clause*: 国办秘函〔2019〕19号 单项否决指标 V2.

use crate::checks::{RuleRun, SiteRule};
use crate::site::SiteModel;

/// See the module documentation.
pub struct SiteUnreachable;

impl SiteRule for SiteUnreachable {
    fn id(&self) -> &'static str {
        "health.site-unreachable"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        run.applies();
        if let Some(err) = &site.home_error {
            run.fail_at(&site.home_url, Some(err.clone()), &[("error", err.clone())]);
        }
    }
}
