//! `openness.column-missing` — a required column is absent.
//!
//! *What it checks*: each column of the catalogue in `rules/openness.toml` (name and
//! synonyms) against navigation labels of the home page and pages near the top,
//! and the `ColumnName` meta tag of every page. Longest name wins, so 政府信息公开
//! is not mistaken for 信息公开. A column whose link is broken counts as missing.
//! *Why*: the notice names the columns the portal must keep (政府信息公开专栏,
//! 规范性文件库, 政策解读 …) and assessors score their presence first.
//! *Clause*: 政府信息公开条例 第二十三条; 开政务公开办发〔2022〕1号 (per column).

use crate::checks::{RuleRun, SiteRule};
use crate::site::{ColumnState, SiteModel};

/// See the module documentation.
pub struct ColumnMissing;

impl SiteRule for ColumnMissing {
    fn id(&self) -> &'static str {
        "openness.column-missing"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        if site.home.is_none() {
            return;
        }
        for col in &site.columns {
            run.applies();
            if col.status == ColumnState::Missing {
                let clause = if col.clause.is_empty() {
                    "考评标准".to_string()
                } else {
                    format!("工作要点（{}）", col.clause)
                };
                run.fail_for(
                    col.url.as_deref().unwrap_or(&site.home_url),
                    Some(col.evidence.clone()),
                    &col.lead_units,
                    &[("column", col.name.clone()), ("clause", clause)],
                );
            }
        }
    }
}
