//! `health.homepage-stale` — the home page has not been updated (single veto).
//!
//! *What it checks*: the newest dated list item on the home page (header clocks and
//! footers excluded, future dates ignored) against `--as-of`; older than
//! `max_age_days` (default 14) fails. No dated item at all is `cantTell`.
//! *Why*: 首页不更新 is a single-veto item of the national inspection: the whole
//! site fails on it.
//! *Clause*: 国办秘函〔2019〕19号 单项否决指标 V3.

use crate::checks::{RuleRun, SiteRule};
use crate::site::SiteModel;

/// See the module documentation.
pub struct HomepageStale;

impl SiteRule for HomepageStale {
    fn id(&self) -> &'static str {
        "health.homepage-stale"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let Some(home) = &site.home else { return };
        run.applies();
        let max = run.meta().param_f64("max_age_days", 14.0) as i64;
        let newest = home
            .dated_items
            .iter()
            .filter(|i| i.date <= site.as_of)
            .max_by_key(|i| i.date);
        let args = |latest: String, age: String| {
            vec![
                ("latest", latest),
                ("as_of", site.as_of.to_string()),
                ("age", age),
                ("max", max.to_string()),
            ]
        };
        match newest {
            Some(item) => {
                let age = (site.as_of - item.date).num_days();
                if age > max {
                    run.fail_at(
                        &home.url,
                        Some(format!("{} {}", item.date, item.text)),
                        &args(item.date.to_string(), age.to_string()),
                    );
                }
            }
            None => run.cant_tell_at(&home.url, None, &args("-".into(), "-".into())),
        }
    }
}
