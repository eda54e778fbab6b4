//! `a11y.aria-required-parent` — roles appear in their required context.
//!
//! *What it checks*: an element in the accessibility tree with an explicit role
//! that needs a context (`listitem` in `list`, `option` in `listbox`, `tab` in
//! `tablist` …) has an accessibility parent — the nearest ancestor that is in the
//! tree and not generic or presentational, or the owner by `aria-owns` — of one of
//! the required roles.
//! *Clause*: WCAG 2.1 SC 1.3.1 (A), ACT ff89c9.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::{aria, roles};
use crate::page::Page;
use scraper::ElementRef;

/// See the module documentation.
pub struct AriaRequiredParent;

/// The accessibility parent: `aria-owns` owner, else the nearest included ancestor
/// whose role is not generic / none / presentation.
pub fn accessibility_parent<'a>(page: &'a Page, el: ElementRef<'a>) -> Option<ElementRef<'a>> {
    if let Some(id) = el.value().id()
        && let Some(owner) = super::elements(page).find(|o| {
            o.value()
                .attr_str("aria-owns")
                .is_some_and(|ids| ids.split_ascii_whitespace().any(|i| i == id))
        })
    {
        return Some(owner);
    }
    el.ancestors().filter_map(ElementRef::wrap).find(|a| {
        included(page, a.to_owned())
            && match roles::role(*a).as_deref() {
                // A generic element with global ARIA attributes (aria-live …) is
                // exposed, and so is a parent in the tree.
                None | Some("generic") => roles::has_global_aria(*a),
                Some("none" | "presentation") => false,
                Some(_) => true,
            }
    })
}

impl PageRule for AriaRequiredParent {
    fn id(&self) -> &'static str {
        "a11y.aria-required-parent"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let Some(role) = roles::explicit_role(el) else {
                continue;
            };
            let context = aria::required_context(&role);
            if context.is_empty()
                || roles::role(el).as_deref() != Some(role.as_str())
                || !included(page, el)
            {
                continue;
            }
            run.applies();
            let parent_role = accessibility_parent(page, el).and_then(roles::role);
            if !parent_role
                .as_deref()
                .is_some_and(|p| context.iter().any(|c| c == p))
            {
                run.fail(
                    Some(el),
                    &[("role", role.clone()), ("context", context.join(" / "))],
                );
            }
        }
    }
}
