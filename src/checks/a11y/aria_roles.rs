//! `a11y.aria-roles` — `role` attributes name a real WAI-ARIA role.
//!
//! *What it checks*: on elements in the accessibility tree, a non-empty `role`
//! has at least one token that is a concrete (non-abstract) WAI-ARIA role.
//! *Clause*: WCAG 2.1 SC 4.1.2 (A), ACT 674b10.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::aria;
use crate::page::Page;

/// See the module documentation.
pub struct AriaRoles;

impl PageRule for AriaRoles {
    fn id(&self) -> &'static str {
        "a11y.aria-roles"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let Some(role) = el.value().attr_str("role").filter(|r| !r.trim().is_empty()) else {
                continue;
            };
            if !included(page, el) {
                continue;
            }
            run.applies();
            if !role
                .split_ascii_whitespace()
                .any(|t| aria::role(&t.to_ascii_lowercase()).is_some())
            {
                run.fail(Some(el), &[("role", role.to_string())]);
            }
        }
    }
}
