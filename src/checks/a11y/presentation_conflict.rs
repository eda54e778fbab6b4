//! `a11y.presentation-conflict` — elements marked decorative stay out of the
//! accessibility tree.
//!
//! *What it checks*: an element with `role="none"`/`"presentation"`, or an `<img>`
//! with `alt=""`, that is in the accessibility tree resolves to a presentational
//! role; being focusable or carrying global ARIA attributes undoes the marking
//! (WAI-ARIA presentational role conflict resolution) and fails.
//! *Clause*: WCAG 2.1 SC 1.1.1 (A, secondary), ACT 46ca7f.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::roles;
use crate::page::Page;

/// See the module documentation.
pub struct PresentationConflict;

impl PageRule for PresentationConflict {
    fn id(&self) -> &'static str {
        "a11y.presentation-conflict"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let v = el.value();
            let marked = matches!(
                roles::explicit_role(el).as_deref(),
                Some("none" | "presentation")
            ) || (v.name() == "img"
                && v.attr_str("alt") == Some("")
                && roles::explicit_role(el).is_none());
            if !marked {
                continue;
            }
            run.applies();
            if included(page, el) && !roles::is_presentational(el) {
                run.fail(Some(el), &[("role", roles::role(el).unwrap_or_default())]);
            }
        }
    }
}
