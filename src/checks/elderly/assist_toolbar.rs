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
        let Some(home) = &site.home else { return };
        let Some(a) = &home.assist else { return };
        run.applies();
        if a.toolbar.is_some() {
            return;
        }
        match a.unread_scripts.first().or(a.writing_scripts.first()) {
            Some(script) => run.cant_tell_at(
                &home.url,
                Some(script.clone()),
                &[(
                    "detail",
                    format!("页面头部可能由脚本 {script} 写入，需人工确认"),
                )],
            ),
            None => run.fail_at(
                &home.url,
                None,
                &[("detail", "首页未找到无障碍浏览工具条入口".into())],
            ),
        }
    }
}
