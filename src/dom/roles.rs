//! Roles of HTML elements: the explicit `role` (first valid token), the implicit
//! role from HTML-AAM, presentational-role conflict resolution, and focusability.

use super::aria;
use crate::dom::AttrExt;
use scraper::ElementRef;

/// [`role`], remembered per element of `page`: ten name rules and the ARIA
/// rules each ask it for every element.
pub fn page_role(page: &crate::page::Page, el: ElementRef<'_>) -> Option<String> {
    if let Some(known) = page.style_cache.borrow().roles.get(&el.id()) {
        return known.clone();
    }
    let answer = role(el);
    page.style_cache
        .borrow_mut()
        .roles
        .insert(el.id(), answer.clone());
    answer
}

/// The first `role` token that names a concrete WAI-ARIA role.
pub fn explicit_role(el: ElementRef<'_>) -> Option<String> {
    el.value()
        .attr_str("role")?
        .split_ascii_whitespace()
        .map(str::to_ascii_lowercase)
        .find(|r| aria::role(r).is_some())
}

fn has_attr(el: ElementRef<'_>, name: &str) -> bool {
    el.value().attr_str(name).is_some()
}

fn input_type(el: ElementRef<'_>) -> String {
    el.value()
        .attr_str("type")
        .unwrap_or("text")
        .trim()
        .to_ascii_lowercase()
}

fn has_ancestor(el: ElementRef<'_>, names: &[&str]) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| names.contains(&a.value().name()))
}

/// The implicit role (HTML-AAM), or `None` for elements with no corresponding role.
pub fn implicit_role(el: ElementRef<'_>) -> Option<&'static str> {
    let v = el.value();
    Some(match v.name() {
        "a" | "area" if has_attr(el, "href") => "link",
        "article" => "article",
        "aside" => "complementary",
        "button" => "button",
        "datalist" => "listbox",
        "dd" => "definition",
        "details" => "group",
        "dialog" => "dialog",
        "dt" => "term",
        "fieldset" => "group",
        "figure" => "figure",
        "footer" if !has_ancestor(el, &["article", "aside", "main", "nav", "section"]) => {
            "contentinfo"
        }
        "form" => "form",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "heading",
        "header" if !has_ancestor(el, &["article", "aside", "main", "nav", "section"]) => "banner",
        "hr" => "separator",
        "html" => "document",
        // alt="" marks an image decorative unless it is focusable or carries
        // global ARIA attributes (presentational role conflict resolution).
        "img" => match v.attr_str("alt") {
            Some("") if !focusable(el) && !has_global_aria(el) => "presentation",
            _ => "img",
        },
        "input" => match input_type(el).as_str() {
            "button" | "image" | "reset" | "submit" => "button",
            "checkbox" => "checkbox",
            "email" | "tel" | "text" | "url" | "" if has_attr(el, "list") => "combobox",
            "email" | "tel" | "text" | "url" => "textbox",
            "number" => "spinbutton",
            "radio" => "radio",
            "range" => "slider",
            "search" if has_attr(el, "list") => "combobox",
            "search" => "searchbox",
            "hidden" | "color" | "date" | "datetime-local" | "file" | "month" | "password"
            | "time" | "week" => return None,
            _ => "textbox",
        },
        "li" => "listitem",
        "p" => "paragraph",
        "blockquote" => "blockquote",
        "code" => "code",
        "del" | "s" => "deletion",
        "ins" => "insertion",
        "em" => "emphasis",
        "strong" => "strong",
        "sub" => "subscript",
        "sup" => "superscript",
        "caption" => "caption",
        "time" => "time",
        "main" => "main",
        "math" => "math",
        "menu" | "ol" | "ul" => "list",
        "meter" => "meter",
        "nav" => "navigation",
        "optgroup" => "group",
        "option" => "option",
        "output" => "status",
        "progress" => "progressbar",
        "section"
            if has_attr(el, "aria-label")
                || has_attr(el, "aria-labelledby")
                || has_attr(el, "title") =>
        {
            "region"
        }
        "select"
            if has_attr(el, "multiple")
                || v.attr_str("size")
                    .and_then(|s| s.parse::<u32>().ok())
                    .is_some_and(|n| n > 1) =>
        {
            "listbox"
        }
        "select" => "combobox",
        "svg" => "graphics-document",
        "table" => "table",
        "tbody" | "thead" | "tfoot" => "rowgroup",
        "td" => "cell",
        "textarea" => "textbox",
        "th" => match v.attr_str("scope").map(str::to_ascii_lowercase).as_deref() {
            Some("row") | Some("rowgroup") => "rowheader",
            _ => "columnheader",
        },
        "tr" => "row",
        _ => return None,
    })
}

/// True when the element can take focus (by default or by `tabindex`).
pub fn focusable(el: ElementRef<'_>) -> bool {
    let v = el.value();
    if has_attr(el, "disabled")
        && matches!(
            v.name(),
            "button" | "input" | "select" | "textarea" | "fieldset" | "option"
        )
    {
        return false;
    }
    if v.attr_str("tabindex")
        .is_some_and(|t| t.trim().parse::<i64>().is_ok())
    {
        return true;
    }
    match v.name() {
        "a" | "area" => has_attr(el, "href"),
        "button" | "select" | "textarea" => true,
        "input" => input_type(el) != "hidden",
        "summary" => el.parent().and_then(ElementRef::wrap).is_some_and(|p| {
            p.value().name() == "details"
                && p.children()
                    .filter_map(ElementRef::wrap)
                    .find(|c| c.value().name() == "summary")
                    .map(|c| c.id())
                    == Some(el.id())
        }),
        "audio" | "video" => has_attr(el, "controls"),
        _ => v
            .attr_str("contenteditable")
            .is_some_and(|c| c.is_empty() || c.eq_ignore_ascii_case("true")),
    }
}

/// True when the element is in sequential focus navigation (focusable and not
/// `tabindex` < 0).
pub fn in_tab_order(el: ElementRef<'_>) -> bool {
    focusable(el)
        && el
            .value()
            .attr_str("tabindex")
            .and_then(|t| t.trim().parse::<i64>().ok())
            .is_none_or(|t| t >= 0)
}

/// True when the element carries a global ARIA attribute (which makes a
/// presentational role resolve back to the implicit one).
pub fn has_global_aria(el: ElementRef<'_>) -> bool {
    // Braille and role descriptions are prohibited on presentational roles; they do
    // not undo the marking (WAI-ARIA 1.3).
    el.value().attrs().any(|(n, _)| {
        n.starts_with("aria-")
            && aria::is_global(n)
            && !matches!(
                n,
                "aria-braillelabel" | "aria-brailleroledescription" | "aria-roledescription"
            )
    })
}

/// The element's role: explicit (with the presentational conflict resolution of
/// WAI-ARIA §9.1: `none`/`presentation` on a focusable element or one with global
/// ARIA attributes is ignored), else implicit.
pub fn role(el: ElementRef<'_>) -> Option<String> {
    match explicit_role(el) {
        Some(r)
            if (r == "none" || r == "presentation") && (focusable(el) || has_global_aria(el)) =>
        {
            implicit_role(el).map(str::to_string)
        }
        Some(r) => Some(r),
        None => implicit_role(el).map(str::to_string),
    }
}

/// True when the role is `none` / `presentation` after conflict resolution.
pub fn is_presentational(el: ElementRef<'_>) -> bool {
    matches!(role(el).as_deref(), Some("none" | "presentation"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn first(html: &str, sel: &str) -> String {
        let doc = Html::parse_document(html);
        let el = doc.select(&Selector::parse(sel).unwrap()).next().unwrap();
        role(el).unwrap_or_default()
    }

    #[test]
    fn implicit_explicit_and_conflicts() {
        assert_eq!(first("<a href=x>a</a>", "a"), "link");
        assert_eq!(first("<img alt=''>", "img"), "presentation");
        assert_eq!(first("<div role='foo button'>x</div>", "div"), "button");
        assert_eq!(first("<button role='none'>x</button>", "button"), "button");
        assert_eq!(
            first("<img alt='' role='none' aria-label='x'>", "img"),
            "img"
        );
        assert_eq!(first("<input type=checkbox>", "input"), "checkbox");
        assert_eq!(first("<header>x</header>", "header"), "banner");
        assert_eq!(first("<article><header>x</header></article>", "header"), "");
    }
}
