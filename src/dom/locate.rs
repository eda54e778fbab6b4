//! How a finding points at an element: a short CSS selector and an HTML snippet.

use scraper::ElementRef;

/// Longest selector path (in steps) a finding carries; deep DOMs are cut at an id.
const MAX_STEPS: usize = 8;

/// A CSS selector that identifies `el` in its document: `#id` when the element has
/// a unique-looking id, otherwise a child path with `:nth-of-type`, at most a few
/// steps long, anchored at the nearest ancestor with an id.
pub fn css_selector(el: ElementRef<'_>) -> String {
    let mut steps: Vec<String> = Vec::new();
    let mut current = Some(el);
    while let Some(e) = current {
        let name = e.value().name();
        if let Some(id) = e.value().id().filter(|id| is_simple_ident(id)) {
            steps.push(format!("{name}#{id}"));
            break;
        }
        if name == "html" {
            steps.push("html".into());
            break;
        }
        let index = e
            .prev_siblings()
            .filter_map(ElementRef::wrap)
            .filter(|s| s.value().name() == name)
            .count();
        let more = e
            .next_siblings()
            .filter_map(ElementRef::wrap)
            .any(|s| s.value().name() == name);
        if index == 0 && !more {
            steps.push(name.to_string());
        } else {
            steps.push(format!("{name}:nth-of-type({})", index + 1));
        }
        if steps.len() >= MAX_STEPS {
            break;
        }
        current = e.parent().and_then(ElementRef::wrap);
    }
    steps.reverse();
    steps.join(" > ")
}

fn is_simple_ident(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with(|c: char| c.is_ascii_digit() || c == '-')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The element's start tag (attributes included), cut to `max` characters, plus a
/// little of its text: enough to find it in the page source.
pub fn snippet(el: ElementRef<'_>, max: usize) -> String {
    let v = el.value();
    let mut s = format!("<{}", v.name());
    for (name, value) in v.attrs() {
        let value: String = value.chars().take(120).collect();
        s.push_str(&format!(" {name}=\"{}\"", value.replace('"', "&quot;")));
    }
    s.push('>');
    let text: String = el.text().flat_map(|t| t.chars()).take(60).collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        s.push_str(&text);
    }
    if s.chars().count() > max {
        s = s.chars().take(max).collect::<String>() + "…";
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    #[test]
    fn selectors_are_short_and_unique() {
        let html = Html::parse_document(
            r#"<div id="main"><p>a</p><p><img src="x.png"></p></div><ul><li>1</li><li><img src="y"></li></ul>"#,
        );
        let sel = Selector::parse("img").unwrap();
        let found: Vec<String> = html.select(&sel).map(css_selector).collect();
        assert_eq!(found[0], "div#main > p:nth-of-type(2) > img");
        assert_eq!(found[1], "html > body > ul > li:nth-of-type(2) > img");
        for s in &found {
            let parsed = Selector::parse(s).unwrap();
            assert_eq!(html.select(&parsed).count(), 1, "{s}");
        }
    }

    #[test]
    fn snippets_are_bounded() {
        let long = "x".repeat(5000);
        let html = Html::parse_fragment(&format!("<a href=\"{long}\">链接文字</a>"));
        let a = html.select(&Selector::parse("a").unwrap()).next().unwrap();
        let s = snippet(a, 200);
        assert!(s.chars().count() <= 201);
        assert!(s.starts_with("<a href="));
    }
}
