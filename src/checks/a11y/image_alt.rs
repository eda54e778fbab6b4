//! `a11y.image-alt` — images have a text alternative (simple form).
//!
//! *What it checks*: every `<img>` (and `role="img"` element) exposed to assistive
//! technology has an accessible name from `alt`, `aria-label`, `aria-labelledby` or
//! `title`, or is marked decorative (`alt=""`, `role="presentation"`/`"none"`).
//! *Why*: blind users hear nothing useful for an unnamed image — on government
//! portals these are often banners carrying the notice text itself.
//! *Clause*: WCAG 2.1 SC 1.1.1 (A), ACT 23a2a8; GB/T 37668-2019 (mapping unverified);
//! notice 十三.

use super::hidden_by_markup;
use crate::checks::{PageRule, RuleRun};
use crate::page::Page;
use scraper::{ElementRef, Selector};
use std::sync::LazyLock;

static IMAGES: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("img, [role=img]").expect("static selector"));

/// See the module documentation.
pub struct ImageAlt;

impl PageRule for ImageAlt {
    fn id(&self) -> &'static str {
        "a11y.image-alt"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for img in page.html.select(&IMAGES) {
            let v = img.value();
            let role = v.attr("role").map(|r| r.trim().to_ascii_lowercase());
            let is_img_tag = v.name() == "img";
            if is_img_tag
                && matches!(role.as_deref(), Some("presentation" | "none"))
                && v.attr("alt").is_none_or(str::is_empty)
            {
                run.applies();
                continue;
            }
            if !is_img_tag && role.as_deref() != Some("img") {
                continue;
            }
            if hidden_by_markup(img) {
                continue;
            }
            run.applies();
            if is_img_tag && v.attr("alt").is_some() {
                continue;
            }
            if has_aria_name(page, img) || v.attr("title").is_some_and(|t| !t.trim().is_empty()) {
                continue;
            }
            let src = v
                .attr("src")
                .unwrap_or("")
                .chars()
                .take(120)
                .collect::<String>();
            run.fail(
                Some(img),
                &[("src", if src.is_empty() { "-".into() } else { src })],
            );
        }
    }
}

/// A non-empty `aria-label`, or an `aria-labelledby` pointing at an element with text.
fn has_aria_name(page: &Page, el: ElementRef<'_>) -> bool {
    let v = el.value();
    if v.attr("aria-label").is_some_and(|l| !l.trim().is_empty()) {
        return true;
    }
    v.attr("aria-labelledby").is_some_and(|ids| {
        ids.split_whitespace().any(|id| {
            page.html
                .tree
                .nodes()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().id() == Some(id))
                .is_some_and(|e| e.text().any(|t| !t.trim().is_empty()))
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run_rule;

    #[test]
    fn fixtures() {
        let rule = "a11y.image-alt";
        assert_eq!(run_rule(rule, r#"<img src="a.png" alt="开福区政府">"#), 0);
        assert_eq!(run_rule(rule, r#"<img src="a.png" alt="">"#), 0);
        assert_eq!(
            run_rule(rule, r#"<img src="a.png" role="presentation">"#),
            0
        );
        assert_eq!(run_rule(rule, r#"<img src="a.png" aria-hidden="true">"#), 0);
        assert_eq!(
            run_rule(
                rule,
                r#"<img src="a.png" aria-labelledby="l"><span id="l">横幅</span>"#
            ),
            0
        );
        assert_eq!(run_rule(rule, r#"<img src="a.png">"#), 1);
        assert_eq!(
            run_rule(
                rule,
                r#"<img src="a.png" aria-label=" "><div role="img"></div>"#
            ),
            2
        );
        assert_eq!(
            run_rule(
                rule,
                r#"<div style="display: none"><img src="a.png"></div>"#
            ),
            0
        );
    }
}
