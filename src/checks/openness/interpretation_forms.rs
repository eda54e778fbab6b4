//! `openness.interpretation-forms` — 政策解读 offers more than plain text.
//!
//! *What it checks*: the 政策解读 column page or the crawled interpretations listed
//! on it contain a `<video>` (or video embed), a 图解 image or link, or an H5 page.
//! *Clause*: 开政务公开办发〔2022〕1号 十 (“采取图表图解、音频视频、H5 等形式”).

use crate::checks::{RuleRun, SiteRule};
use crate::site::SiteModel;

/// See the module documentation.
pub struct InterpretationForms;

impl SiteRule for InterpretationForms {
    fn id(&self) -> &'static str {
        "openness.interpretation-forms"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let Some(col) = site.column("zcjd").filter(|c| c.found) else {
            return;
        };
        let Some(url) = &col.url else { return };
        let Some(page) = site.page(url) else { return };
        run.applies();
        let on_items = page
            .dated_items
            .iter()
            .filter_map(|i| site.page(&i.url))
            .any(|p| !p.media.is_empty());
        if page.media.is_empty() && !on_items {
            run.fail_for(url, None, &col.lead_units, &[("column", col.name.clone())]);
        }
    }
}
