//! The column-state family:
//!
//! - `openness.column-empty`: a found column has no dated items, or shows a
//!   placeholder (暂无信息 / 暂无数据 / 正在建设);
//! - `openness.column-stale`: a column's newest item is older than its freshness
//!   class allows at `--as-of` (`rules/scoring.toml` `freshness_days`).
//!
//! *Why*: 空白栏目 and 栏目不更新 are what the national inspection and the Hunan
//! evaluation deduct for (and veto past a count, see the `health.columns-*` rules).
//! Each finding names the column's lead units from the notice.

use crate::checks::{RuleRun, SiteRule};
use crate::site::{ColumnState, SiteModel};

/// Which state is reported.
pub enum ColumnStateRule {
    /// Empty columns.
    Empty,
    /// Stale columns.
    Stale,
}

impl SiteRule for ColumnStateRule {
    fn id(&self) -> &'static str {
        match self {
            ColumnStateRule::Empty => "openness.column-empty",
            ColumnStateRule::Stale => "openness.column-stale",
        }
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let wanted = match self {
            ColumnStateRule::Empty => ColumnState::Empty,
            ColumnStateRule::Stale => ColumnState::Stale,
        };
        for col in site.columns.iter().filter(|c| c.found) {
            run.applies();
            if col.status != wanted {
                continue;
            }
            let url = col.url.clone().unwrap_or_else(|| site.home_url.clone());
            run.fail_for(
                &url,
                col.latest_date.map(|d| format!("最新条目 {d}")),
                &col.lead_units,
                &[
                    ("column", col.name.clone()),
                    (
                        "latest",
                        col.latest_date
                            .map(|d| d.to_string())
                            .unwrap_or_else(|| "-".into()),
                    ),
                    (
                        "age",
                        col.age_days
                            .map(|d| d.to_string())
                            .unwrap_or_else(|| "-".into()),
                    ),
                    ("class", col.category.clone()),
                ],
            );
        }
    }
}
