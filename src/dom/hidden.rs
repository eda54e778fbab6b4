//! Hidden-ness: whether an element is rendered, and whether it is in the
//! accessibility tree. `hidden`, `display:none`, `visibility:hidden|collapse` from
//! the cascade (inline, `<style>`, linked sheets), `aria-hidden="true"`, and
//! elements never rendered (`head`, `script`, `template`, …). Results are memoised
//! per element including their ancestors, so a 20,000-level document costs linear
//! time, not quadratic.

use crate::dom::AttrExt;
use crate::page::Page;
use ego_tree::NodeId;
use rustc_hash::FxHashMap;
use scraper::ElementRef;

const NEVER_RENDERED: [&str; 9] = [
    "head", "script", "style", "template", "noscript", "title", "meta", "link", "base",
];

/// Memo tables for the hidden-ness questions of one page.
#[derive(Default)]
pub struct HiddenCache {
    display_none: FxHashMap<NodeId, bool>,
    invisible: FxHashMap<NodeId, bool>,
    aria_hidden: FxHashMap<NodeId, bool>,
}

/// Answers `question` for `el` from `own` (the element alone) and the memoised
/// answer of its parent, filling the memo for every ancestor on the way.
fn memo<'a>(
    page: &'a Page,
    el: ElementRef<'a>,
    table: fn(&mut HiddenCache) -> &mut FxHashMap<NodeId, bool>,
    own: impl Fn(ElementRef<'a>) -> Option<bool>,
) -> bool {
    // Walk up to the first memoised ancestor.
    let mut chain = Vec::new();
    let mut cur = Some(el);
    let mut inherited = false;
    while let Some(e) = cur {
        if let Some(v) = table(&mut page.hidden_cache.borrow_mut())
            .get(&e.id())
            .copied()
        {
            inherited = v;
            break;
        }
        chain.push(e);
        cur = e.parent().and_then(ElementRef::wrap);
    }
    // Then fill down: an element's own answer overrides (visibility) or adds to
    // (display, aria-hidden) the inherited one.
    for e in chain.into_iter().rev() {
        inherited = match own(e) {
            Some(v) => v,
            None => inherited,
        };
        table(&mut page.hidden_cache.borrow_mut()).insert(e.id(), inherited);
    }
    inherited
}

/// True when the element takes part in no layout: it or an ancestor has
/// `display:none` (or the `hidden` attribute without a display override), or it
/// is inside an element that is never rendered.
pub fn display_none(page: &Page, el: ElementRef<'_>) -> bool {
    memo(
        page,
        el,
        |c| &mut c.display_none,
        |e| {
            let v = e.value();
            let display = page
                .cascade()
                .declared(e, "display")
                .map(|d| d.value.to_ascii_lowercase());
            let none = NEVER_RENDERED.contains(&v.name())
                || display.as_deref() == Some("none")
                || (v.attr_str("hidden").is_some()
                    && display.as_deref().is_none_or(|d| d == "none"))
                || (v.name() == "input"
                    && v.attr_str("type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("hidden")));
            // display:none cannot be undone by a descendant.
            none.then_some(true)
        },
    )
}

/// True when the element is not visible: `display:none` anywhere up the tree, or
/// `visibility: hidden|collapse` inherited from the nearest ancestor that sets it.
pub fn invisible(page: &Page, el: ElementRef<'_>) -> bool {
    if display_none(page, el) {
        return true;
    }
    memo(
        page,
        el,
        |c| &mut c.invisible,
        |e| {
            let d = page.cascade().declared(e, "visibility")?;
            match d.value.trim().to_ascii_lowercase().as_str() {
                "hidden" | "collapse" => Some(true),
                "visible" => Some(false),
                _ => None,
            }
        },
    )
}

/// True when the element is excluded from the accessibility tree: invisible, or
/// inside `aria-hidden="true"`.
pub fn excluded(page: &Page, el: ElementRef<'_>) -> bool {
    invisible(page, el) || aria_hidden_in(page, el)
}

fn aria_hidden_in(page: &Page, el: ElementRef<'_>) -> bool {
    memo(
        page,
        el,
        |c| &mut c.aria_hidden,
        |e| {
            e.value()
                .attr_str("aria-hidden")
                .is_some_and(|a| a.trim().eq_ignore_ascii_case("true"))
                .then_some(true)
        },
    )
}

/// True when the element is positioned far off screen (`position:absolute|fixed`
/// with a large negative `top`/`left`), the common "visually hidden" technique:
/// exposed to screen readers, not visible.
pub fn offscreen(page: &Page, el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .take(64)
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
                .attr_str("aria-hidden")
                .is_some_and(|a| a.trim().eq_ignore_ascii_case("true"))
        })
}
