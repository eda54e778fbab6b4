//! `openness.seven-fields` — the 惠民惠农 catalogue shows all seven 七公开 fields.
//!
//! *What it checks*: the 财政惠民惠农补贴政策目录清单 column page (and the list pages
//! and items of it that were crawled) shows 补贴政策名称, 文件依据, 主管部门,
//! 资金用途, 补贴对象, 补助标准 and 政策解答电话 (table headers or labelled fields);
//! the finding names the missing ones. Inapplicable when the column is missing
//! (that is `openness.column-missing`).
//! *Clause*: 开政务公开办发〔2022〕1号 十二 (“七公开”).

use crate::checks::{RuleRun, SiteRule};
use crate::page::MARKERS;
use crate::site::SiteModel;
use std::collections::HashSet;

/// See the module documentation.
pub struct SevenFields;

impl SiteRule for SevenFields {
    fn id(&self) -> &'static str {
        "openness.seven-fields"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let Some(col) = site.column("hmhn").filter(|c| c.found) else {
            return;
        };
        let Some(url) = &col.url else { return };
        let Some(page) = site.page(url) else { return };
        run.applies();
        let mut seen: HashSet<&str> = page.markers.iter().copied().collect();
        // Fields may sit on the items of the catalogue rather than on the list.
        for item in &page.dated_items {
            if let Some(p) = site.page(&item.url) {
                seen.extend(p.markers.iter().copied());
            }
        }
        let missing: Vec<&str> = MARKERS[..7]
            .iter()
            .copied()
            .filter(|m| !seen.contains(m))
            .collect();
        if !missing.is_empty() {
            run.fail_for(
                url,
                None,
                &col.lead_units,
                &[("missing", missing.join("、"))],
            );
        }
    }
}
