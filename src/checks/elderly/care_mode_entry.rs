//! `elderly.care-mode-entry` — the home page offers a care / elder version.
//!
//! *What it checks*: a link or control named 关怀版, 长者模式, 长辈版, 适老化, 大字版 …
//! (text, `title` or `alt`), or `aria.oldFixedStart()`, in the home page or in the
//! same-site scripts that write its header. When scripts that write markup could
//! not be read or did not settle it, the answer is `cantTell` naming the script.
//! *Why*: the notice requires the 适老化 retrofit; the entry is how older users
//! reach it (MIIT AG-04/AG-15). A missing entry is a pack veto.
//! *Clause*: MIIT 互联网网站适老化通用设计规范; 开政务公开办发〔2022〕1号 十三.

use crate::checks::{RuleRun, SiteRule};
use crate::site::SiteModel;

/// See the module documentation.
pub struct CareModeEntry;

impl SiteRule for CareModeEntry {
    fn id(&self) -> &'static str {
        "elderly.care-mode-entry"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        super::judge_home_feature(
            site,
            run,
            |a| a.care_entry.is_some(),
            "首页未找到关怀版/长者模式入口",
        );
    }
}
