//! 无障碍 pack: accessibility rules decided from the static HTML
//! (GB/T 37668-2019, aligned with WCAG 2.1 A/AA; ACT rule ids in `rules/a11y.toml`).

pub mod document_title;
pub mod html_has_lang;
pub mod image_alt;

use scraper::ElementRef;

/// True when the element or an ancestor is hidden from assistive technology by
/// markup alone: `hidden`, `aria-hidden="true"`, or an inline `display:none` /
/// `visibility:hidden`. (The full cascade arrives with `src/dom/` for the 无障碍 issue.)
pub fn hidden_by_markup(el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|e| {
            let v = e.value();
            if v.attr("hidden").is_some()
                || v.attr("aria-hidden")
                    .is_some_and(|a| a.trim().eq_ignore_ascii_case("true"))
            {
                return true;
            }
            v.attr("style").is_some_and(|s| {
                let s: String = s
                    .to_ascii_lowercase()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                s.contains("display:none") || s.contains("visibility:hidden")
            })
        })
}
