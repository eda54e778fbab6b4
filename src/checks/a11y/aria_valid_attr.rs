//! `a11y.aria-valid-attr` — every `aria-*` attribute is defined in WAI-ARIA.
//!
//! *What it checks*: attribute names starting with `aria-` exist in WAI-ARIA 1.2
//! (a typo such as `aria-lable` is ignored by every assistive technology).
//! *Clause*: WCAG 2.1 SC 4.1.2 (A), ACT 5f99a7.

use super::{aria_attrs, elements};
use crate::checks::{PageRule, RuleRun};
use crate::dom::aria;
use crate::page::Page;

/// See the module documentation.
pub struct AriaValidAttr;

impl PageRule for AriaValidAttr {
    fn id(&self) -> &'static str {
        "a11y.aria-valid-attr"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            for (name, _) in aria_attrs(el) {
                run.applies();
                if aria::property(name).is_none() {
                    run.fail(Some(el), &[("attr", name.to_string())]);
                }
            }
        }
    }
}
