//! `a11y.aria-required-attr` — explicit roles carry their required states.
//!
//! *What it checks*: an element in the accessibility tree whose semantic role
//! comes from its `role` attribute has every state and property that role
//! requires (`role="checkbox"` needs `aria-checked`), unless the native element
//! already provides it (a checkbox input's checked state).
//! *Clause*: WCAG 2.1 SC 4.1.2 (A), ACT 4e8ab6.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::{aria, roles};
use crate::page::Page;
use scraper::ElementRef;

/// See the module documentation.
pub struct AriaRequiredAttr;

/// Required states and properties per WAI-ARIA 1.2. The data crate still carries
/// some ARIA 1.1 requirements that 1.2 dropped (an `option`'s `aria-selected`, a
/// `spinbutton`'s value, a `combobox`'s `aria-controls`), so 1.2 is applied here.
fn required_props(role: &str) -> Vec<String> {
    let dropped_in_1_2: &[(&str, &str)] = &[
        ("option", "aria-selected"),
        ("spinbutton", "aria-valuenow"),
        ("spinbutton", "aria-valuemin"),
        ("spinbutton", "aria-valuemax"),
        ("combobox", "aria-controls"),
        ("slider", "aria-valuemin"),
        ("slider", "aria-valuemax"),
        ("scrollbar", "aria-valuemin"),
        ("scrollbar", "aria-valuemax"),
        ("scrollbar", "aria-orientation"),
        ("separator", "aria-valuemin"),
        ("separator", "aria-valuemax"),
        ("meter", "aria-valuemin"),
        ("meter", "aria-valuemax"),
        ("treeitem", "aria-selected"),
    ];
    aria::required_props(role)
        .into_iter()
        .filter(|p| !dropped_in_1_2.iter().any(|(r, a)| *r == role && a == p))
        .collect()
}

fn provided_natively(el: ElementRef<'_>, role: &str, attr: &str) -> bool {
    let v = el.value();
    let t = v.attr_str("type").unwrap_or("").to_ascii_lowercase();
    match attr {
        "aria-checked" => v.name() == "input" && (t == "checkbox" || t == "radio"),
        "aria-level" => {
            role == "heading" && matches!(v.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        }
        "aria-valuenow" => {
            matches!(v.name(), "input" | "meter" | "progress")
                || (role == "separator" && !roles::focusable(el))
        }
        "aria-controls" | "aria-expanded" if role == "combobox" => v.name() == "select",
        _ => false,
    }
}

impl PageRule for AriaRequiredAttr {
    fn id(&self) -> &'static str {
        "a11y.aria-required-attr"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let Some(role) = roles::explicit_role(el) else {
                continue;
            };
            if roles::role(el).as_deref() != Some(role.as_str()) || !included(page, el) {
                continue;
            }
            // A non-focusable separator needs no value (ARIA 1.2).
            let mut required: Vec<String> = required_props(&role);
            if role == "separator"
                && roles::focusable(el)
                && !required.iter().any(|p| p == "aria-valuenow")
            {
                // A focusable separator is a widget and needs its value (WAI-ARIA 1.2).
                required.push("aria-valuenow".into());
            }
            let required: Vec<String> = required
                .into_iter()
                .filter(|p| {
                    !(role == "separator" && !roles::focusable(el) && p.starts_with("aria-value"))
                })
                .collect();
            run.applies();
            let missing: Vec<String> = required
                .into_iter()
                .filter(|p| {
                    el.value().attr_str(p).is_none_or(|v| v.trim().is_empty())
                        && !provided_natively(el, &role, p)
                })
                .collect();
            if !missing.is_empty() {
                run.fail(
                    Some(el),
                    &[("role", role.clone()), ("missing", missing.join(", "))],
                );
            }
        }
    }
}
