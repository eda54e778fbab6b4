//! The meta-refresh family:
//!
//! - `a11y.meta-refresh` — the first valid `<meta http-equiv="refresh">` has no
//!   delay, or one over 20 hours (ACT bc659a, WCAG 2.2.1 A);
//! - `a11y.meta-refresh-no-exception` — the same with no 20-hour exception (ACT
//!   bisz58, WCAG 2.2.4 / 3.2.5 AAA).
//!
//! *Why*: a timed refresh or redirect moves people before they finish reading —
//! common on portals for "页面跳转中" pages.

use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::page::Page;
use scraper::{ElementRef, Selector};
use std::sync::LazyLock;

static META: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("meta[http-equiv][content]").expect("static selector"));

/// Which variant.
pub enum MetaRefresh {
    /// With the 20-hour exception.
    WithException,
    /// Without it.
    NoException,
}

/// The delay of the first valid refresh declaration in the document, if any.
pub fn first_refresh(page: &Page) -> Option<(ElementRef<'_>, u64)> {
    page.html
        .select(&META)
        .filter(|m| {
            m.value()
                .attr_str("http-equiv")
                .is_some_and(|h| h.trim().eq_ignore_ascii_case("refresh"))
        })
        .find_map(|m| parse_delay(m.value().attr_str("content")?).map(|d| (m, d)))
}

/// HTML's "shared declarative refresh steps": leading digits, optionally `.digits`,
/// then end, `;`, `,` or whitespace.
pub fn parse_delay(content: &str) -> Option<u64> {
    let s = content.trim_start();
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &s[digits.len()..];
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if digits.is_empty() && !s.starts_with('.') {
        return None;
    }
    if !(rest.is_empty() || rest.starts_with([';', ',']) || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some(digits.parse().unwrap_or(0))
}

impl PageRule for MetaRefresh {
    fn id(&self) -> &'static str {
        match self {
            MetaRefresh::WithException => "a11y.meta-refresh",
            MetaRefresh::NoException => "a11y.meta-refresh-no-exception",
        }
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let Some((meta, delay)) = first_refresh(page) else {
            return;
        };
        run.applies();
        let fails = match self {
            MetaRefresh::WithException => delay > 0 && delay <= 72_000,
            MetaRefresh::NoException => delay > 0,
        };
        if fails {
            run.fail(Some(meta), &[("delay", delay.to_string())]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_delay;
    use crate::checks::testing::run_rule;

    #[test]
    fn delays() {
        assert_eq!(parse_delay("5; url=/a"), Some(5));
        assert_eq!(parse_delay("0"), Some(0));
        assert_eq!(parse_delay("; url=/a"), None);
        assert_eq!(parse_delay("foo"), None);
        assert_eq!(
            run_rule(
                "a11y.meta-refresh",
                r#"<meta http-equiv="refresh" content="30">"#
            ),
            1
        );
        assert_eq!(
            run_rule(
                "a11y.meta-refresh",
                r#"<meta http-equiv="refresh" content="72001">"#
            ),
            0
        );
        assert_eq!(
            run_rule(
                "a11y.meta-refresh-no-exception",
                r#"<meta http-equiv="refresh" content="72001">"#
            ),
            1
        );
    }
}
