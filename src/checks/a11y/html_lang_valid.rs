//! `a11y.html-lang-valid` — the page language is a valid language tag.
//!
//! *What it checks*: a non-empty `lang` on the root `<html>` element has a
//! registered primary language subtag (`zh`, `en`, not `em`, `eng` or `#1`).
//! *Why*: an invalid tag is as bad as none: assistive technology cannot pick a voice.
//! *Clause*: WCAG 2.1 SC 3.1.1 (A), ACT bf051a.

use super::valid_language_tag;
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::page::Page;

/// See the module documentation.
pub struct HtmlLangValid;

impl PageRule for HtmlLangValid {
    fn id(&self) -> &'static str {
        "a11y.html-lang-valid"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let root = page.root();
        if !page.is_html || root.value().name() != "html" {
            return;
        }
        let Some(lang) = root
            .value()
            .attr_str("lang")
            .filter(|l| !l.trim().is_empty())
        else {
            return;
        };
        run.applies();
        if !valid_language_tag(lang) {
            run.fail(Some(root), &[("lang", lang.to_string())]);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run_rule;

    #[test]
    fn fixtures() {
        for ok in ["zh-CN", "en", "fr-CH", "yue", "x-private"] {
            assert_eq!(
                run_rule(
                    "a11y.html-lang-valid",
                    &format!("<html lang=\"{ok}\"></html>")
                ),
                0,
                "{ok}"
            );
        }
        for bad in ["em-US", "#1", "eng", "i-lux", "chinese"] {
            assert_eq!(
                run_rule(
                    "a11y.html-lang-valid",
                    &format!("<html lang=\"{bad}\"></html>")
                ),
                1,
                "{bad}"
            );
        }
    }
}
