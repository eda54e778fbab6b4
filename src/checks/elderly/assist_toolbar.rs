//! `elderly.assist-toolbar` — the site offers an assistive toolbar.
//!
//! *What it checks*: a 无障碍 / 无障碍浏览 / 网站无障碍 entry, `id="cniil_wza"`, or a
//! toolbar loader (govwza `aria.js`, `assist.js`), in the home page or the
//! same-site scripts that write its header; `cantTell` naming the script when a
//! writing script could not be read.
//! *Why*: MIIT AG-04/AG-05 require zoom, large text, high contrast and voice
//! reading without relying on the browser; the toolbar is how portals provide them.
//! *Clause*: MIIT 互联网网站适老化通用设计规范; 开政务公开办发〔2022〕1号 十三.

use crate::checks::{RuleRun, SiteRule};
use crate::site::SiteModel;

/// See the module documentation.
pub struct AssistToolbar;

impl SiteRule for AssistToolbar {
    fn id(&self) -> &'static str {
        "elderly.assist-toolbar"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        super::judge_home_feature(
            site,
            run,
            |a| a.toolbar.is_some(),
            "首页未找到无障碍浏览工具条入口",
        );
    }
}
