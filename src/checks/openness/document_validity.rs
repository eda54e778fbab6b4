//! `openness.document-validity` — 规范性文件 show whether they are in force.
//!
//! *What it checks*: the 规范性文件 and 规范性文件库 column pages, or the crawled
//! documents listed on them, carry a validity mark (现行有效 / 有效性 / 已废止 /
//! 废止 / 失效 / 已修改 / 已修订).
//! *Clause*: 开政务公开办发〔2022〕1号 九 (“动态更新效力情况”).

use crate::checks::{RuleRun, SiteRule};
use crate::page::MARKERS;
use crate::site::SiteModel;

/// See the module documentation.
pub struct DocumentValidity;

impl SiteRule for DocumentValidity {
    fn id(&self) -> &'static str {
        "openness.document-validity"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        for id in ["gfxwj", "gfxwjk"] {
            let Some(col) = site.column(id).filter(|c| c.found) else {
                continue;
            };
            let Some(url) = &col.url else { continue };
            let Some(page) = site.page(url) else { continue };
            run.applies();
            let marks = |markers: &[&str]| markers.iter().any(|m| MARKERS[13..].contains(m));
            let on_items = page
                .dated_items
                .iter()
                .filter_map(|i| site.page(&i.url))
                .any(|p| marks(&p.markers));
            if !marks(&page.markers) && !on_items {
                run.fail_for(url, None, &col.lead_units, &[("column", col.name.clone())]);
            }
        }
    }
}
