//! 无障碍 pack: accessibility rules decided from the static HTML and CSS
//! (GB/T 37668-2019, aligned with WCAG 2.1 A/AA). Each rule implements the W3C ACT
//! rule(s) listed in its metadata (`rules/a11y.toml`) and is measured against the
//! ACT test cases by `tests/act.rs`.

pub mod aria_allowed_attr;
pub mod aria_hidden_focus;
pub mod aria_prohibited_attr;
pub mod aria_required_attr;
pub mod aria_required_children;
pub mod aria_required_parent;
pub mod aria_roles;
pub mod aria_valid_attr;
pub mod aria_valid_attr_value;
pub mod autocomplete_valid;
pub mod color_contrast;
pub mod css_orientation;
pub mod document_title;
pub mod html_has_lang;
pub mod html_lang_valid;
pub mod image_alt;
pub mod label_content_name;
pub mod meta_refresh;
pub mod meta_viewport;
pub mod named_elements;
pub mod nested_interactive;
pub mod presentation_conflict;
pub mod table_headers;
pub mod text_spacing;
pub mod valid_lang;

use crate::dom::hidden;
use crate::page::Page;
use scraper::ElementRef;

/// Every element of the page, in document order.
pub fn elements(page: &Page) -> impl Iterator<Item = ElementRef<'_>> {
    page.elements()
}

/// True when the element is in the accessibility tree.
pub fn included(page: &Page, el: ElementRef<'_>) -> bool {
    !hidden::excluded(page, el)
}

/// The ARIA attributes (`aria-*`) of an element with their values.
pub fn aria_attrs(el: ElementRef<'_>) -> impl Iterator<Item = (&str, &str)> {
    el.value().attrs().filter(|(n, _)| n.starts_with("aria-"))
}

/// A `lang` value's primary subtag is registered (BCP 47; `rules/languages.txt`).
pub fn valid_language_tag(tag: &str) -> bool {
    static LANGS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            include_str!("../../../rules/languages.txt")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(str::trim)
                .collect()
        });
    let tag = tag.trim();
    let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    if primary == "x" {
        return tag.len() > 2;
    }
    if primary.len() == 3 && primary.as_str() >= "qaa" && primary.as_str() <= "qtz" {
        return true;
    }
    LANGS.contains(primary.as_str())
}
