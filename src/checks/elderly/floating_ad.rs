//! `elderly.floating-ad` — no floating or pop-up advertising (飘窗/飘图).
//!
//! *What it checks*: elements positioned `fixed` (or `absolute` and moved by a
//! timer) that hold an image and a close control (关闭, ×, a `close` class), elements
//! named like floating ads (floatAd, piaochuang, piaofu, float_ad …), timer-driven
//! movers in inline scripts, and ad-network scripts. Fixed navigation bars, back-
//! to-top buttons and toolbars (many links, or nav/header roles) are not ads.
//! *Why*: MIIT AG-01: pages must carry no ads, plug-ins or random pop-ups; older
//! users cannot find or hit the close button. A floating ad is a pack veto.
//! *Clause*: MIIT 互联网网站适老化通用设计规范 AG-01 / AG-12.

use super::super::a11y::elements;
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::hidden;
use crate::page::Page;
use scraper::ElementRef;

const AD_NAMES: [&str; 9] = [
    "floatad",
    "float_ad",
    "piaochuang",
    "piaofu",
    "piaotu",
    "ad_float",
    "floatdiv",
    "adfloat",
    "couplet",
];
const AD_NETWORKS: [&str; 8] = [
    "googlesyndication.com",
    "pos.baidu.com",
    "cpro.baidu.com",
    "cbjs.baidu.com",
    "doubleclick.net",
    "tanx.com",
    "adsame",
    "union.360.cn",
];

fn has_close_control(el: ElementRef<'_>) -> bool {
    el.descendants().filter_map(ElementRef::wrap).any(|d| {
        let v = d.value();
        let text: String = if matches!(v.name(), "a" | "span" | "button" | "div" | "i" | "em" | "b")
        {
            d.text().collect()
        } else {
            String::new()
        };
        let t = text.trim();
        t == "关闭"
            || t == "×"
            || t == "x"
            || t == "X"
            || t.contains("关闭")
            || v.classes()
                .any(|c| c.to_ascii_lowercase().contains("close"))
            || v.id()
                .is_some_and(|i| i.to_ascii_lowercase().contains("close"))
            || v.attr_str("onclick").is_some_and(|o| {
                o.contains("display='none'")
                    || o.contains("display=\"none\"")
                    || o.to_ascii_lowercase().contains("close")
            })
    })
}

fn looks_like_chrome(el: ElementRef<'_>) -> bool {
    let links = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|d| d.value().name() == "a")
        .count();
    matches!(el.value().name(), "nav" | "header" | "footer")
        || el
            .value()
            .attr_str("role")
            .is_some_and(|r| matches!(r, "navigation" | "banner" | "toolbar" | "dialog"))
        || links > 3
}

fn named_like_ad(el: ElementRef<'_>) -> bool {
    let v = el.value();
    v.id().into_iter().chain(v.classes()).any(|n| {
        let n = n.to_ascii_lowercase();
        AD_NAMES.iter().any(|a| n.contains(a))
    })
}

/// See the module documentation.
pub struct FloatingAd;

impl PageRule for FloatingAd {
    fn id(&self) -> &'static str {
        "elderly.floating-ad"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        if !page.is_html {
            return;
        }
        run.applies();
        let mut reported = 0;
        for el in elements(page) {
            if reported >= 5 {
                continue;
            }
            let v = el.value();
            if v.name() == "script" {
                let src = v.attr_str("src").unwrap_or("").to_ascii_lowercase();
                let text: String = el.text().collect();
                if let Some(net) = AD_NETWORKS.iter().find(|n| src.contains(*n)) {
                    run.fail(Some(el), &[("evidence", format!("广告联盟脚本 {net}"))]);
                    reported += 1;
                } else if (text.contains("setInterval") || text.contains("setTimeout"))
                    && AD_NAMES
                        .iter()
                        .any(|a| text.to_ascii_lowercase().contains(a))
                {
                    run.fail(Some(el), &[("evidence", "定时移动的飘窗脚本".into())]);
                    reported += 1;
                }
                continue;
            }
            if !matches!(
                v.name(),
                "div" | "span" | "a" | "section" | "aside" | "p" | "ul" | "li" | "table"
            ) || hidden::display_none(page, el)
            {
                continue;
            }
            // Cheap tests first: only fixed or ad-named boxes are searched inside.
            let position = page
                .cascade()
                .declared(el, "position")
                .map(|d| d.value.to_ascii_lowercase());
            let fixed = position.as_deref() == Some("fixed");
            let named_box = named_like_ad(el);
            if !fixed && !named_box {
                continue;
            }
            let has_img = el
                .descendants()
                .filter_map(ElementRef::wrap)
                .any(|d| matches!(d.value().name(), "img" | "embed" | "object" | "video"));
            let floating_box = fixed && has_img && has_close_control(el) && !looks_like_chrome(el);
            let named = named_box && has_img && !looks_like_chrome(el);
            if floating_box || named {
                run.fail(
                    Some(el),
                    &[(
                        "evidence",
                        if named {
                            "飘窗命名的浮动元素".into()
                        } else {
                            "固定定位、带图片与关闭按钮的浮动框".into()
                        },
                    )],
                );
                reported += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run_rule;

    #[test]
    fn fixtures() {
        let r = "elderly.floating-ad";
        assert_eq!(
            run_rule(
                r,
                r#"<div style="position:fixed;right:0;bottom:0"><img src="ad.gif"><span>关闭</span></div>"#
            ),
            1
        );
        assert_eq!(
            run_rule(
                r,
                r#"<div id="floatAd"><a href="/x"><img src="a.gif"></a></div>"#
            ),
            1
        );
        assert_eq!(
            run_rule(
                r,
                r#"<div style="position:fixed;top:0"><a href="/">首页</a><a href="/a">a</a><a href="/b">b</a><a href="/c">c</a><img src="logo.png"></div>"#
            ),
            0
        );
        assert_eq!(
            run_rule(
                r,
                r##"<div style="position:fixed;bottom:10px"><a href="#top"><img src="top.png" alt="返回顶部"></a></div>"##
            ),
            0
        );
        assert_eq!(
            run_rule(r, r#"<script src="https://pos.baidu.com/x.js"></script>"#),
            1
        );
    }
}
