//! `a11y.html-has-lang` — the `<html>` element declares the page language.
//!
//! *What it checks*: on HTML documents, the root `<html>` element has a `lang`
//! attribute whose value is not only whitespace.
//! *Why*: screen readers choose pronunciation from it; Chinese read with English
//! rules is unintelligible.
//! *Clause*: WCAG 2.1 SC 3.1.1 (A), ACT b5c3f8; GB/T 37668-2019 (mapping unverified);
//! notice 十三.

use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::page::Page;

/// See the module documentation.
pub struct HtmlHasLang;

impl PageRule for HtmlHasLang {
    fn id(&self) -> &'static str {
        "a11y.html-has-lang"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let root = page.root();
        if !page.is_html || root.value().name() != "html" {
            return;
        }
        run.applies();
        match root.value().attr_str("lang") {
            Some(lang) if !lang.trim().is_empty() => {}
            Some(lang) => run.fail(Some(root), &[("found", format!("lang=\"{lang}\""))]),
            None => run.fail(Some(root), &[("found", "-".into())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run_rule;

    #[test]
    fn fixtures() {
        assert_eq!(
            run_rule(
                "a11y.html-has-lang",
                r#"<html lang="zh-CN"><title>t</title></html>"#
            ),
            0
        );
        assert_eq!(
            run_rule("a11y.html-has-lang", r#"<html><title>t</title></html>"#),
            1
        );
        assert_eq!(
            run_rule(
                "a11y.html-has-lang",
                r#"<html lang=" "><title>t</title></html>"#
            ),
            1
        );
    }
}
