//! `a11y.aria-required-children` — roles own the elements they require.
//!
//! *What it checks*: an element in the accessibility tree with an explicit role
//! that requires owned elements (`list` → `listitem`, `tablist` → `tab`,
//! `menu` → `menuitem` …), and is not `aria-busy`, owns only elements of those
//! roles (generic and presentational wrappers are looked through) and at least
//! one of them.
//! *Clause*: WCAG 2.1 SC 1.3.1 (A), ACT bc4a75.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::{aria, roles};
use crate::page::Page;
use scraper::ElementRef;

/// See the module documentation.
pub struct AriaRequiredChildren;

/// Roles of the accessibility children: included descendants, looking through
/// generic / presentational wrappers, plus `aria-owns` targets.
fn owned_roles(page: &Page, el: ElementRef<'_>) -> Vec<Option<String>> {
    let mut out = Vec::new();
    let mut stack: Vec<ElementRef> = el.children().filter_map(ElementRef::wrap).collect();
    if let Some(ids) = el.value().attr_str("aria-owns") {
        stack.extend(ids.split_ascii_whitespace().filter_map(|i| page.by_id(i)));
    }
    stack.reverse();
    while let Some(c) = stack.pop() {
        if !included(page, c) {
            continue;
        }
        match roles::role(c).as_deref() {
            None | Some("generic" | "none" | "presentation") => {
                let mut kids: Vec<ElementRef> = c.children().filter_map(ElementRef::wrap).collect();
                kids.reverse();
                stack.extend(kids);
                // Text directly inside is owned content without a role.
                if c.children()
                    .any(|n| n.value().as_text().is_some_and(|t| !t.trim().is_empty()))
                {
                    out.push(None);
                }
            }
            Some(r) => out.push(Some(r.to_string())),
        }
    }
    if el
        .children()
        .any(|n| n.value().as_text().is_some_and(|t| !t.trim().is_empty()))
    {
        out.push(None);
    }
    out
}

/// The owned elements themselves (with a role), for the nested check.
fn owned_elements<'a>(page: &'a Page, el: ElementRef<'a>) -> Vec<ElementRef<'a>> {
    let mut out = Vec::new();
    let mut stack: Vec<ElementRef> = el.children().filter_map(ElementRef::wrap).collect();
    while let Some(c) = stack.pop() {
        if !included(page, c) {
            continue;
        }
        match roles::role(c).as_deref() {
            None | Some("generic" | "none" | "presentation") => {
                stack.extend(c.children().filter_map(ElementRef::wrap))
            }
            Some(_) => out.push(c),
        }
    }
    out
}

/// For an owned element whose role is an intermediate (`via`) of the requirements,
/// its own owned elements must be the inner roles, or nested intermediates of the
/// same role (checked in turn).
fn via_wrong(page: &Page, child: ElementRef<'_>, entries: &[Vec<String>], depth: usize) -> bool {
    let Some(cr) = roles::role(child) else {
        return false;
    };
    let inner: Vec<&String> = entries
        .iter()
        .filter(|e| e.len() == 2 && e[0] == cr)
        .map(|e| &e[1])
        .collect();
    if inner.is_empty() || depth > 16 {
        return false;
    }
    owned_elements(page, child)
        .into_iter()
        .any(|o| match roles::role(o) {
            Some(r) if inner.contains(&&r) => false,
            Some(r) if r == cr => via_wrong(page, o, entries, depth + 1),
            _ => true,
        })
        || owned_roles(page, child).iter().any(|r| r.is_none())
}

impl PageRule for AriaRequiredChildren {
    fn id(&self) -> &'static str {
        "a11y.aria-required-children"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let Some(role) = roles::role(el) else {
                continue;
            };
            let required = aria::required_owned(&role);
            if required.is_empty() || !included(page, el) {
                continue;
            }
            if el
                .value()
                .attr_str("aria-busy")
                .is_some_and(|b| b.trim().eq_ignore_ascii_case("true"))
            {
                continue;
            }
            run.applies();
            // Entries such as "group > menuitem" allow the intermediate role, whose own
            // children must then be of the inner roles.
            // The data lists `[child]` or `[child, via]` (child inside a `via` element);
            // normalised here to `[via, child]` paths.
            let entries: Vec<Vec<String>> = required
                .iter()
                .map(|e| {
                    if e.len() == 2 {
                        vec![e[1].clone(), e[0].clone()]
                    } else {
                        e.clone()
                    }
                })
                .collect();
            let allowed: Vec<String> = entries.iter().filter_map(|e| e.first().cloned()).collect();
            let owned = owned_roles(page, el);
            let mut wrong = owned
                .iter()
                .any(|r| !r.as_ref().is_some_and(|r| allowed.contains(r)));
            if !wrong {
                wrong = owned_elements(page, el)
                    .into_iter()
                    .any(|child| via_wrong(page, child, &entries, 0));
            }
            if owned.is_empty() || wrong {
                run.fail(
                    Some(el),
                    &[("role", role.clone()), ("required", allowed.join(" / "))],
                );
            }
        }
    }
}
