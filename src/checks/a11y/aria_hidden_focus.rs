//! `a11y.aria-hidden-focus` — `aria-hidden` content is not keyboard-focusable.
//!
//! *What it checks*: an element with `aria-hidden="true"` has no descendant
//! (itself included) that is in sequential focus navigation and rendered.
//! *Why*: keyboard users land on something the screen reader says is not there.
//! *Clause*: WCAG 2.1 SC 4.1.2 (A), ACT 6cfa84.

use super::elements;
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::{hidden, roles};
use crate::page::Page;
use scraper::ElementRef;

/// See the module documentation.
pub struct AriaHiddenFocus;

fn page_scripts_move_focus(page: &Page) -> bool {
    super::elements(page)
        .filter(|e| e.value().name() == "script")
        .any(|s| {
            s.text().any(|t| {
                t.contains(".focus(")
                    || t.contains("focusin")
                    || t.contains("'focus'")
                    || t.contains("\"focus\"")
            })
        })
}

impl PageRule for AriaHiddenFocus {
    fn id(&self) -> &'static str {
        "a11y.aria-hidden-focus"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            if el
                .value()
                .attr_str("aria-hidden")
                .is_none_or(|a| a.trim() != "true")
            {
                continue;
            }
            run.applies();
            let focusable = el
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|d| roles::in_tab_order(*d) && !hidden::invisible(page, *d));
            match focusable {
                // An off-screen focus sentinel with a script that moves focus may
                // never keep focus: can't tell statically.
                Some(f) if hidden::offscreen(page, f) && page_scripts_move_focus(page) => {
                    run.cant_tell(Some(f), &[("element", f.value().name().to_string())])
                }
                Some(f) => run.fail(Some(f), &[("element", f.value().name().to_string())]),
                None => {}
            }
        }
    }
}
