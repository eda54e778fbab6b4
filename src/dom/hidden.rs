//! Hidden-ness: whether an element is rendered, and whether it is in the
//! accessibility tree. `hidden`, `display:none`, `visibility:hidden|collapse` from
//! the cascade (inline, `<style>`, linked sheets), `aria-hidden="true"`, and
//! elements never rendered (`head`, `script`, `template`, …).

use crate::page::Page;
use scraper::ElementRef;

const NEVER_RENDERED: [&str; 9] = [
    "head", "script", "style", "template", "noscript", "title", "meta", "link", "base",
];

/// True when the element takes part in no layout: it or an ancestor has
/// `display:none` (or the `hidden` attribute without a display override), or it
/// is inside an element that is never rendered.
pub fn display_none(page: &Page, el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|e| {
            if let Some(cached) = page.hidden_cache.borrow().get(&e.id()) {
                return *cached;
            }
            let v = e.value();
            let display = page
                .cascade()
                .declared(e, "display")
                .map(|d| d.value.to_ascii_lowercase());
            let none = NEVER_RENDERED.contains(&v.name())
                || display.as_deref() == Some("none")
                || (v.attr("hidden").is_some() && display.as_deref().is_none_or(|d| d == "none"))
                || (v.name() == "input"
                    && v.attr("type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("hidden")));
            page.hidden_cache.borrow_mut().insert(e.id(), none);
            none
        })
}

/// True when the element is not visible: `display:none` anywhere up the tree, or
/// `visibility: hidden|collapse` inherited from the nearest ancestor that sets it.
pub fn invisible(page: &Page, el: ElementRef<'_>) -> bool {
    if display_none(page, el) {
        return true;
    }
    for e in std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap)) {
        if let Some(d) = page.cascade().declared(e, "visibility") {
            let v = d.value.to_ascii_lowercase();
            if v == "inherit" {
                continue;
            }
            return v == "hidden" || v == "collapse";
        }
    }
    false
}

/// True when the element is excluded from the accessibility tree: invisible, or
/// inside `aria-hidden="true"`.
pub fn excluded(page: &Page, el: ElementRef<'_>) -> bool {
    invisible(page, el) || aria_hidden(el)
}

/// True when the element is positioned far off screen (`position:absolute|fixed`
/// with a large negative `top`/`left`), the common "visually hidden" technique:
/// exposed to screen readers, not visible.
pub fn offscreen(page: &Page, el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|e| {
            let pos = page
                .cascade()
                .declared(e, "position")
                .map(|d| d.value.to_ascii_lowercase());
            if !matches!(pos.as_deref(), Some("absolute" | "fixed")) {
                return false;
            }
            ["top", "left"].iter().any(|side| {
                page.cascade()
                    .declared(e, side)
                    .and_then(|d| crate::dom::style::length_px(&d.value, 16.0, 1000.0))
                    .is_some_and(|px| px <= -500.0)
            })
        })
}

/// `aria-hidden="true"` on the element or an ancestor.
pub fn aria_hidden(el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|e| {
            e.value()
                .attr("aria-hidden")
                .is_some_and(|a| a.trim().eq_ignore_ascii_case("true"))
        })
}
