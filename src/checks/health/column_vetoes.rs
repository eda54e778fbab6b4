//! The column single-veto family (国办秘函〔2019〕19号 V4):
//!
//! - `health.columns-stale` (V4①): 动态/要闻 (news class) columns older than 14 days
//!   plus 通知公告/政策文件 (notice class) columns older than 6 months, together at
//!   least `threshold` (default 5);
//! - `health.columns-long-stale` (V4②): columns past their class limit, at least
//!   `threshold` (default 10);
//! - `health.blank-columns` (V4③): 空白栏目 (empty columns), at least `threshold`
//!   (default 5).
//!
//! *Why*: each is a single-veto item of the national inspection.
//! *What it reads*: the column table of the site model (`rules/openness.toml`
//! catalogue, freshness classes in `rules/scoring.toml`).

use crate::checks::{RuleRun, SiteRule};
use crate::site::{ColumnState, ColumnStatus, SiteModel};

/// Which of the three column vetoes.
pub enum ColumnVeto {
    /// V4①.
    Stale,
    /// V4②.
    LongStale,
    /// V4③.
    Blank,
}

impl ColumnVeto {
    fn counts(&self, c: &ColumnStatus) -> bool {
        match self {
            ColumnVeto::Stale => {
                c.status == ColumnState::Stale && (c.category == "news" || c.category == "notice")
            }
            ColumnVeto::LongStale => c.status == ColumnState::Stale,
            ColumnVeto::Blank => c.status == ColumnState::Empty,
        }
    }
}

impl SiteRule for ColumnVeto {
    fn id(&self) -> &'static str {
        match self {
            ColumnVeto::Stale => "health.columns-stale",
            ColumnVeto::LongStale => "health.columns-long-stale",
            ColumnVeto::Blank => "health.blank-columns",
        }
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        if site.home.is_none() {
            return;
        }
        run.applies();
        let default = if matches!(self, ColumnVeto::LongStale) {
            10.0
        } else {
            5.0
        };
        let threshold = run.meta().param_f64("threshold", default) as usize;
        let hits: Vec<&ColumnStatus> = site.columns.iter().filter(|c| self.counts(c)).collect();
        if hits.len() >= threshold {
            let list = hits
                .iter()
                .map(|c| match c.latest_date {
                    Some(d) => format!("{}（{}）", c.name, d),
                    None => c.name.clone(),
                })
                .collect::<Vec<_>>()
                .join("、");
            let url = hits
                .first()
                .and_then(|c| c.url.clone())
                .unwrap_or_else(|| site.home_url.clone());
            run.fail_at(
                &url,
                Some(list.clone()),
                &[
                    ("count", hits.len().to_string()),
                    ("threshold", threshold.to_string()),
                    ("columns", list),
                ],
            );
        }
    }
}
