//! `a11y.document-title` — the page has a non-empty `<title>`.
//!
//! *What it checks*: on HTML documents, the first `<title>` in the document (outside
//! SVG) exists and has text other than whitespace.
//! *Why*: screen readers announce the title first; tabs, bookmarks and search
//! results show it. Without it, a blind user cannot tell pages apart.
//! *Clause*: WCAG 2.1 SC 2.4.2 (A), ACT 2779a5; GB/T 37668-2019 (mapping unverified);
//! notice 十三.

use crate::checks::{PageRule, RuleRun};
use crate::page::Page;
use scraper::{ElementRef, Selector};
use std::sync::LazyLock;

static TITLE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("title").expect("static selector"));

/// See the module documentation.
pub struct DocumentTitle;

impl PageRule for DocumentTitle {
    fn id(&self) -> &'static str {
        "a11y.document-title"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        if !page.is_html {
            return;
        }
        run.applies();
        let title = page.html.select(&TITLE).find(|t| {
            !t.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "svg" | "template"))
        });
        match title {
            Some(t) if t.text().any(|s| !s.trim().is_empty()) => {}
            Some(t) => run.fail(Some(t), &[]),
            None => run.fail(Some(page.root()), &[]),
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
                "a11y.document-title",
                "<html><head><title>通知公告</title></head></html>"
            ),
            0
        );
        assert_eq!(
            run_rule(
                "a11y.document-title",
                "<html><head><title> \n</title></head></html>"
            ),
            1
        );
        assert_eq!(
            run_rule(
                "a11y.document-title",
                "<html><head></head><body>x</body></html>"
            ),
            1
        );
        assert_eq!(
            run_rule(
                "a11y.document-title",
                "<html><body><svg><title>icon</title></svg></body></html>"
            ),
            1
        );
    }
}
