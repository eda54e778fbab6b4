//! `a11y.aria-allowed-attr` — ARIA states and properties are allowed on the role.
//!
//! *What it checks*: on elements in the accessibility tree, each defined `aria-*`
//! attribute is global, or supported or required by the element's semantic role
//! (`aria-checked` on a `button` is not).
//! *Clause*: WCAG 2.1 SC 4.1.2 (A), ACT 5c01ea.

use super::{aria_attrs, elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::{aria, roles};
use crate::page::Page;

/// See the module documentation.
pub struct AriaAllowedAttr;

impl PageRule for AriaAllowedAttr {
    fn id(&self) -> &'static str {
        "a11y.aria-allowed-attr"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let attrs: Vec<(&str, &str)> = aria_attrs(el)
                .filter(|(n, _)| aria::property(n).is_some())
                .collect();
            if attrs.is_empty() || !included(page, el) {
                continue;
            }
            let role = roles::role(el).unwrap_or_else(|| "generic".into());
            for (name, _) in attrs {
                run.applies();
                if aria::is_global(name) || aria::supports(&role, name) {
                    continue;
                }
                // Native semantics carry some states (aria-checked on a checkbox input, …).
                if native_state(el.value().name(), el.value().attr_str("type"), name) {
                    continue;
                }
                run.fail(
                    Some(el),
                    &[("attr", name.to_string()), ("role", role.clone())],
                );
            }
        }
    }
}

fn native_state(tag: &str, input_type: Option<&str>, attr: &str) -> bool {
    let t = input_type.unwrap_or("").to_ascii_lowercase();
    matches!(
        (tag, t.as_str(), attr),
        ("input", "checkbox" | "radio", "aria-checked")
            | (
                "input",
                _,
                "aria-required" | "aria-readonly" | "aria-invalid"
            )
    )
}
