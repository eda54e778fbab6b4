//! `a11y.image-alt` — images have a non-empty accessible name.
//!
//! *What it checks*: every HTML element with the semantic role `img` (an `<img>`
//! without `alt=""`, or `role="img"`) that is in the accessibility tree has a
//! non-empty accessible name (accname: `aria-labelledby`, `aria-label`, `alt`,
//! `title`). Images marked decorative (`alt=""`, `role="none"`) are not applicable.
//! *Why*: blind users hear nothing useful for an unnamed image — on government
//! portals these are often banners carrying the notice text itself.
//! *Clause*: WCAG 2.1 SC 1.1.1 (A), ACT 23a2a8; GB/T 37668-2019 (mapping unverified);
//! notice 十三.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::{accname, roles};
use crate::page::Page;

/// See the module documentation.
pub struct ImageAlt;

impl PageRule for ImageAlt {
    fn id(&self) -> &'static str {
        "a11y.image-alt"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let name = el.value().name();
            if name == "svg" || &*el.value().name.ns == "http://www.w3.org/2000/svg" {
                continue;
            }
            if roles::role(el).as_deref() != Some("img") || !included(page, el) {
                continue;
            }
            run.applies();
            if accname::accessible_name(page, el).is_empty() {
                let src: String = el
                    .value()
                    .attr_str("src")
                    .unwrap_or("-")
                    .chars()
                    .take(120)
                    .collect();
                run.fail(Some(el), &[("src", src)]);
            }
        }
    }
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
        assert_eq!(
            run_rule(
                rule,
                r#"<style>.x{display:none}</style><div class="x"><img src="a.png"></div>"#
            ),
            0
        );
    }
}
