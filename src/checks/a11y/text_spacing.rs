//! The text-spacing family (WCAG 2.1 SC 1.4.12 AA): spacing set with `!important`
//! in a `style` attribute cannot be overridden by a user stylesheet, so it must
//! already be wide enough.
//!
//! - `a11y.letter-spacing` — at least 0.12 × font size (ACT 24afc2);
//! - `a11y.word-spacing` — at least 0.16 × font size (ACT 9e45ec);
//! - `a11y.line-height` — at least 1.5 × font size (ACT 78fd32).
//!
//! Applies to elements with visible text of their own whose cascaded value for the
//! property is the `!important` declaration of their `style` attribute.

use super::elements;
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::{hidden, style};
use crate::page::Page;
use scraper::ElementRef;

/// Which property.
#[derive(Clone, Copy, PartialEq)]
pub enum Spacing {
    /// letter-spacing ≥ 0.12 em.
    Letter,
    /// word-spacing ≥ 0.16 em.
    Word,
    /// line-height ≥ 1.5.
    Line,
}

impl Spacing {
    fn property(self) -> &'static str {
        match self {
            Spacing::Letter => "letter-spacing",
            Spacing::Word => "word-spacing",
            Spacing::Line => "line-height",
        }
    }

    fn minimum(self) -> f64 {
        match self {
            Spacing::Letter => 0.12,
            Spacing::Word => 0.16,
            Spacing::Line => 1.5,
        }
    }
}

/// Visible text whose value of `prop` comes from `el` (no closer element declares it).
fn has_visible_text(page: &Page, el: ElementRef<'_>, prop: &str) -> bool {
    if hidden::invisible(page, el) || hidden::offscreen(page, el) {
        return false;
    }
    el.descendants().any(|n| {
        let Some(parent) = n.parent().and_then(ElementRef::wrap) else {
            return false;
        };
        n.value().as_text().is_some_and(|t| !t.trim().is_empty())
            && !hidden::invisible(page, parent)
            && parent
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != el.id())
                .chain(std::iter::once(parent).filter(|p| p.id() != el.id()))
                .all(|a| page.cascade().declared(a, prop).is_none())
    })
}

/// Parents of the visible text nodes whose value of `prop` comes from `el`.
fn governed_text_parents<'a>(
    page: &'a Page,
    el: ElementRef<'a>,
    prop: &str,
) -> Vec<ElementRef<'a>> {
    let mut out: Vec<ElementRef> = Vec::new();
    for n in el.descendants() {
        let Some(parent) = n.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        if n.value().as_text().is_none_or(|t| t.trim().is_empty())
            || hidden::invisible(page, parent)
        {
            continue;
        }
        let governed = std::iter::once(parent)
            .chain(parent.ancestors().filter_map(ElementRef::wrap))
            .take_while(|a| a.id() != el.id())
            .all(|a| page.cascade().declared(a, prop).is_none());
        if governed && !out.iter().any(|o| o.id() == parent.id()) {
            out.push(parent);
        }
    }
    out
}

fn scrolls_horizontally(page: &Page, el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|e| {
            ["overflow", "overflow-x"].iter().any(|p| {
                page.cascade()
                    .declared(e, p)
                    .is_some_and(|d| matches!(d.value.trim(), "scroll" | "auto"))
            })
        })
}

/// One rule of the family.
pub struct SpacingRule(pub Spacing);

impl PageRule for SpacingRule {
    fn id(&self) -> &'static str {
        match self.0 {
            Spacing::Letter => "a11y.letter-spacing",
            Spacing::Word => "a11y.word-spacing",
            Spacing::Line => "a11y.line-height",
        }
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let prop = self.0.property();
        for el in elements(page) {
            let Some(style_attr) = el.value().attr_str("style") else {
                continue;
            };
            let declared = crate::dom::css::parse_declarations(style_attr);
            if !declared.iter().any(|d| d.name == prop && d.important) {
                continue;
            }
            let Some(cascaded) = page.cascade().declared(el, prop) else {
                continue;
            };
            if cascaded.source != "style attribute"
                || !cascaded.important
                || !has_visible_text(page, el, prop)
            {
                continue;
            }
            run.applies();
            // Lengths (em, %) resolve on the declaring element and are inherited as
            // px; unitless line heights are inherited as factors. Judge against the
            // font size of each text the value governs.
            let (own_font, _) = style::font_size(page, el);
            let mut value = cascaded.value.trim().to_ascii_lowercase();
            if matches!(value.as_str(), "initial" | "unset" | "revert") {
                value = "normal".into();
            }
            let factor = match (self.0, value.as_str()) {
                (Spacing::Line, "normal") => Some(Err(1.2)),
                (Spacing::Line, v) if v.parse::<f64>().is_ok() => v.parse::<f64>().ok().map(Err),
                (_, "normal") => Some(Ok(0.0)),
                (_, v) => style::length_px(v, own_font, own_font).map(Ok),
            };
            let Some(factor) = factor else {
                run.cant_tell(
                    Some(el),
                    &[
                        ("value", cascaded.value.clone()),
                        ("font", format!("{own_font}px")),
                    ],
                );
                continue;
            };
            let mut worst: Option<(f64, f64)> = None;
            for text_parent in governed_text_parents(page, el, prop) {
                let (font, _) = style::font_size(page, text_parent);
                let ratio = match factor {
                    Ok(px) => px / font,
                    Err(f) => f,
                };
                if worst.is_none_or(|(r, _)| ratio < r) {
                    worst = Some((ratio, font));
                }
            }
            if let Some((ratio, font)) = worst
                && ratio + 1e-9 < self.0.minimum()
            {
                if self.0 == Spacing::Line && scrolls_horizontally(page, el) {
                    // Text in a horizontal scroller may not wrap: line height may not matter.
                    run.cant_tell(
                        Some(el),
                        &[
                            ("value", cascaded.value.clone()),
                            ("font", format!("{font}px")),
                        ],
                    );
                } else {
                    run.fail(
                        Some(el),
                        &[
                            ("value", cascaded.value.clone()),
                            ("font", format!("{font}px")),
                        ],
                    );
                }
            }
        }
    }
}
