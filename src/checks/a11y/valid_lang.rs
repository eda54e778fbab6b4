//! `a11y.valid-lang` — `lang` attributes inside the page are valid language tags.
//!
//! *What it checks*: every element below `<html>` whose `lang` is not only
//! whitespace and that has text (its own, not overridden by a deeper `lang`) that
//! is visible or in the accessibility tree, has a registered primary subtag.
//! *Why*: mis-tagged passages are read with the wrong voice.
//! *Clause*: WCAG 2.1 SC 3.1.2 (AA), ACT de46e4.

use super::{elements, included, valid_language_tag};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::hidden;
use crate::page::Page;
use scraper::{ElementRef, Node};

/// See the module documentation.
pub struct ValidLang;

impl PageRule for ValidLang {
    fn id(&self) -> &'static str {
        "a11y.valid-lang"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        if !page.is_html {
            return;
        }
        for el in elements(page).skip(1) {
            let Some(lang) = el.value().attr_str("lang") else {
                continue;
            };
            // lang="" means "unknown" and is allowed; whitespace is an invalid tag.
            if lang.is_empty() || !has_own_text(page, el) {
                continue;
            }
            run.applies();
            if !valid_language_tag(lang) {
                run.fail(Some(el), &[("lang", lang.to_string())]);
            }
        }
    }
}

/// Text nodes whose closest `lang` ancestor is `el`, that are visible or exposed
/// (an `aria-label`/`alt` counts as text for exposed elements).
fn has_own_text(page: &Page, el: ElementRef<'_>) -> bool {
    let mut stack = vec![el];
    while let Some(e) = stack.pop() {
        let exposed = included(page, e) || !hidden::invisible(page, e);
        if !exposed {
            continue;
        }
        if e.id() != el.id() && e.value().attr_str("lang").is_some() {
            continue;
        }
        if included(page, e)
            && (e
                .value()
                .attr_str("aria-label")
                .is_some_and(|s| !s.trim().is_empty())
                || e.value()
                    .attr_str("alt")
                    .is_some_and(|s| !s.trim().is_empty()))
        {
            return true;
        }
        for c in e.children() {
            match c.value() {
                Node::Text(t) if !t.trim().is_empty() => return true,
                Node::Element(_) => {
                    if let Some(ce) = ElementRef::wrap(c) {
                        stack.push(ce);
                    }
                }
                _ => {}
            }
        }
    }
    false
}
