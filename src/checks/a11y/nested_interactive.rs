//! `a11y.nested-interactive` — controls whose children are presentational contain
//! nothing focusable.
//!
//! *What it checks*: an element in the accessibility tree whose role makes its
//! children presentational (button, checkbox, img, tab, …) has no descendant in
//! sequential focus navigation.
//! *Why*: the inner control is invisible to screen readers yet takes focus.
//! *Clause*: WCAG 2.1 SC 4.1.2 (A), ACT 307n5z.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::{aria, hidden, roles};
use crate::page::Page;
use scraper::ElementRef;

/// See the module documentation.
pub struct NestedInteractive;

impl PageRule for NestedInteractive {
    fn id(&self) -> &'static str {
        "a11y.nested-interactive"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let Some(role) = roles::role(el) else {
                continue;
            };
            if !aria::children_presentational(&role) || !included(page, el) {
                continue;
            }
            run.applies();
            let inner = el
                .descendants()
                .filter_map(ElementRef::wrap)
                .skip(1)
                .find(|d| roles::in_tab_order(*d) && !hidden::invisible(page, *d));
            if let Some(d) = inner {
                run.fail(Some(el), &[("inner", d.value().name().to_string())]);
            }
        }
    }
}
