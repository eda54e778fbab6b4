//! `a11y.aria-prohibited-attr` — global ARIA properties are not used where the
//! role prohibits them.
//!
//! *What it checks*: `aria-label`/`aria-labelledby` (and other globals a role
//! prohibits) are not set on roles that cannot be named — `generic` (`div`,
//! `span`), `presentation`, `paragraph`, `code` …
//! *Clause*: WCAG 2.1 SC 1.3.1 (A), ACT kb1m8s.

use super::{aria_attrs, elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::{aria, roles};
use crate::page::Page;

/// See the module documentation.
pub struct AriaProhibitedAttr;

impl PageRule for AriaProhibitedAttr {
    fn id(&self) -> &'static str {
        "a11y.aria-prohibited-attr"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let globals: Vec<&str> = aria_attrs(el)
                .map(|(n, _)| n)
                .filter(|n| aria::is_global(n))
                .collect();
            if globals.is_empty() || !included(page, el) {
                continue;
            }
            let role = match roles::role(el) {
                Some(r) => r,
                None if matches!(
                    el.value().name(),
                    "div"
                        | "span"
                        | "b"
                        | "i"
                        | "u"
                        | "s"
                        | "small"
                        | "font"
                        | "bdi"
                        | "bdo"
                        | "data"
                        | "pre"
                        | "q"
                        | "samp"
                        | "abbr"
                ) =>
                {
                    "generic".into()
                }
                None => continue,
            };
            for name in globals {
                run.applies();
                if aria::prohibits(&role, name) {
                    run.fail(
                        Some(el),
                        &[("attr", name.to_string()), ("role", role.clone())],
                    );
                }
            }
        }
    }
}
