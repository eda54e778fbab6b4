//! `elderly.inducement` — no inducing buttons (诱导类按键).
//!
//! *What it checks*: link and button texts (and image alts) that press people to
//! download, claim or buy: 立即下载, 马上领取, 扫码领取, 立即领取, 免费领取, 点击领取,
//! 马上抢, 立即抢购, 下载APP … (list in `rules/elderly.toml` `words`).
//! *Why*: MIIT AG-02: older users are steered into downloads and payments.
//! *Clause*: MIIT 互联网网站适老化通用设计规范 AG-02.

use super::super::a11y::elements;
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::page::Page;

/// See the module documentation.
pub struct Inducement;

impl PageRule for Inducement {
    fn id(&self) -> &'static str {
        "elderly.inducement"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let words: Vec<String> = match run.meta().params.get("words") {
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        for el in elements(page) {
            let v = el.value();
            let control = matches!(v.name(), "a" | "button")
                || (v.name() == "input" && matches!(v.attr_str("type"), Some("button" | "submit")));
            if !control {
                continue;
            }
            run.applies();
            let text = format!(
                "{} {} {}",
                el.text().collect::<String>(),
                v.attr_str("value").unwrap_or(""),
                el.descendants()
                    .filter_map(scraper::ElementRef::wrap)
                    .filter_map(|d| d.value().attr_str("alt"))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            if let Some(w) = words.iter().find(|w| text.contains(w.as_str())) {
                run.fail(Some(el), &[("word", w.clone())]);
            }
        }
    }
}
