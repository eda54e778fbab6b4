//! Accessible name computation (W3C accname 1.2) over the static DOM:
//! `aria-labelledby`, `aria-label`, native labels (`label`, `alt`, `caption`,
//! `legend`, `figcaption`, SVG `title`, input `value`), embedded controls, name from
//! content, and the `title` tooltip last. Hidden subtrees are skipped unless
//! referenced directly. Recursion is bounded (deep or cyclic documents cannot
//! blow the stack or loop).

use super::{aria, hidden, roles};
use crate::dom::AttrExt;
use crate::page::Page;
use ego_tree::NodeId;
use scraper::{ElementRef, Node};
use std::collections::HashSet;

/// Deepest recursion followed; beyond it the name is cut short.
const MAX_DEPTH: usize = 48;

struct State {
    visited: HashSet<NodeId>,
}

#[derive(Clone, Copy)]
struct Ctx {
    depth: usize,
    in_labelledby: bool,
    in_content: bool,
    /// The element was referenced by `aria-labelledby` (hidden content still counts).
    referenced: bool,
}

/// The accessible name of `el`, whitespace collapsed and trimmed.
pub fn accessible_name(page: &Page, el: ElementRef<'_>) -> String {
    let mut st = State {
        visited: HashSet::new(),
    };
    let raw = compute(
        page,
        el,
        &mut st,
        Ctx {
            depth: 0,
            in_labelledby: false,
            in_content: false,
            referenced: false,
        },
    );
    crate::page::collapse(&raw)
}

fn attr<'a>(el: ElementRef<'a>, name: &str) -> Option<&'a str> {
    el.value().attr_str(name)
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn compute(page: &Page, el: ElementRef<'_>, st: &mut State, ctx: Ctx) -> String {
    if ctx.depth > MAX_DEPTH || !st.visited.insert(el.id()) {
        return String::new();
    }
    let out = compute_inner(page, el, st, ctx);
    // An element may be visited again along another branch (e.g. two labels).
    if !ctx.in_labelledby {
        st.visited.remove(&el.id());
    }
    out
}

fn compute_inner(page: &Page, el: ElementRef<'_>, st: &mut State, ctx: Ctx) -> String {
    // 2A: hidden, not directly referenced.
    if !ctx.referenced && hidden::excluded(page, el) {
        return String::new();
    }
    let role = roles::role(el);
    // 2B: aria-labelledby (not followed twice in one computation).
    if !ctx.in_labelledby
        && let Some(ids) = attr(el, "aria-labelledby")
    {
        let parts: Vec<String> = ids
            .split_ascii_whitespace()
            .filter_map(|id| page.by_id(id))
            .map(|target| {
                compute(
                    page,
                    target,
                    st,
                    Ctx {
                        depth: ctx.depth + 1,
                        in_labelledby: true,
                        in_content: false,
                        referenced: true,
                    },
                )
            })
            .filter(|s| !s.trim().is_empty())
            .collect();
        if !parts.is_empty() {
            return parts.join(" ");
        }
    }
    // 2C (with 2E first for embedded controls met while computing from content).
    let embedded = ctx.in_content || ctx.in_labelledby;
    if embedded && let Some(v) = embedded_control_value(el, role.as_deref()) {
        return v;
    }
    if let Some(label) = non_empty(attr(el, "aria-label")) {
        return label;
    }
    // 2D: native text alternatives (skipped for presentational elements).
    let presentational = matches!(role.as_deref(), Some("none" | "presentation"));
    if !presentational && let Some(n) = native_name(page, el, st, ctx) {
        return n;
    }
    // 2F: name from content.
    let from_content = role.as_deref().is_some_and(aria::name_from_content)
        || ctx.in_content
        || ctx.in_labelledby
        || matches!(
            el.value().name(),
            "label" | "legend" | "caption" | "figcaption" | "summary" | "td" | "th" | "option"
        );
    // Roles that cannot be named still contribute their text to an ancestor's name.
    if from_content && (embedded || !role.as_deref().is_some_and(aria::name_prohibited))
        || (ctx.in_content && presentational)
    {
        let text = content_text(page, el, st, ctx);
        if !text.trim().is_empty() {
            return text;
        }
    }
    // 2I: tooltip.
    if !presentational {
        if let Some(t) = non_empty(attr(el, "title")) {
            return t;
        }
        if (el.value().name() == "input" || el.value().name() == "textarea")
            && let Some(p) = non_empty(attr(el, "placeholder"))
        {
            return p;
        }
    }
    String::new()
}

fn content_text(page: &Page, el: ElementRef<'_>, st: &mut State, ctx: Ctx) -> String {
    let mut out = String::new();
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = c.value().name();
                if matches!(name, "script" | "style" | "template" | "noscript") {
                    continue;
                }
                let block = !matches!(
                    name,
                    "span"
                        | "a"
                        | "b"
                        | "i"
                        | "em"
                        | "strong"
                        | "small"
                        | "code"
                        | "abbr"
                        | "sub"
                        | "sup"
                        | "label"
                        | "img"
                        | "font"
                        | "u"
                        | "s"
                        | "mark"
                        | "q"
                        | "cite"
                        | "kbd"
                        | "var"
                        | "time"
                        | "data"
                        | "bdi"
                        | "bdo"
                        | "wbr"
                        | "br"
                );
                let part = compute(
                    page,
                    c,
                    st,
                    Ctx {
                        depth: ctx.depth + 1,
                        in_labelledby: ctx.in_labelledby,
                        in_content: true,
                        referenced: false,
                    },
                );
                if block || name == "br" {
                    out.push(' ');
                }
                out.push_str(&part);
                if block {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

fn embedded_control_value(el: ElementRef<'_>, role: Option<&str>) -> Option<String> {
    let v = el.value();
    match role? {
        "textbox" | "searchbox" if v.name() == "input" => {
            Some(v.attr_str("value").unwrap_or("").to_string())
        }
        "textbox" if v.name() == "textarea" => Some(el.text().collect()),
        "combobox" | "listbox" if v.name() == "select" => {
            let options: Vec<ElementRef> = el
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|o| o.value().name() == "option")
                .collect();
            let chosen = options
                .iter()
                .find(|o| o.value().attr_str("selected").is_some())
                .or(options.first());
            Some(chosen.map(|o| o.text().collect()).unwrap_or_default())
        }
        "slider" | "spinbutton" | "progressbar" | "scrollbar" => {
            non_empty(v.attr_str("aria-valuetext"))
                .or_else(|| non_empty(v.attr_str("aria-valuenow")))
                .or_else(|| non_empty(v.attr_str("value")))
        }
        _ => None,
    }
}

fn native_name(page: &Page, el: ElementRef<'_>, st: &mut State, ctx: Ctx) -> Option<String> {
    let v = el.value();
    let sub = |st: &mut State, e: ElementRef<'_>| {
        compute(
            page,
            e,
            st,
            Ctx {
                depth: ctx.depth + 1,
                in_labelledby: ctx.in_labelledby,
                in_content: true,
                referenced: false,
            },
        )
    };
    match v.name() {
        "img" | "area" => non_empty(v.attr_str("alt")),
        "input" => {
            let t = v
                .attr_str("type")
                .unwrap_or("text")
                .trim()
                .to_ascii_lowercase();
            match t.as_str() {
                "image" => non_empty(v.attr_str("alt")),
                "button" => non_empty(v.attr_str("value")),
                "submit" => Some(non_empty(v.attr_str("value")).unwrap_or_else(|| "Submit".into())),
                "reset" => Some(non_empty(v.attr_str("value")).unwrap_or_else(|| "Reset".into())),
                "hidden" => None,
                _ => label_name(page, el, st, ctx),
            }
        }
        "textarea" | "select" | "meter" | "progress" | "output" => label_name(page, el, st, ctx),
        "button" => label_name(page, el, st, ctx),
        "fieldset" => first_child(el, "legend")
            .map(|l| sub(st, l))
            .filter(|s| !s.trim().is_empty()),
        "table" => first_child(el, "caption")
            .map(|c| sub(st, c))
            .filter(|s| !s.trim().is_empty()),
        "figure" => first_child(el, "figcaption")
            .map(|c| sub(st, c))
            .filter(|s| !s.trim().is_empty()),
        "svg" => first_child(el, "title")
            .map(|t| t.text().collect::<String>())
            .filter(|s| !s.trim().is_empty()),
        "details" => None,
        _ => None,
    }
}

fn first_child<'a>(el: ElementRef<'a>, name: &str) -> Option<ElementRef<'a>> {
    el.children()
        .filter_map(ElementRef::wrap)
        .find(|c| c.value().name() == name)
}

/// Names from `<label for=id>` and a wrapping `<label>`.
fn label_name(page: &Page, el: ElementRef<'_>, st: &mut State, ctx: Ctx) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(id) = el.value().id().filter(|i| !i.is_empty()) {
        for label in page.labels_for(id) {
            let n = compute(
                page,
                label,
                st,
                Ctx {
                    depth: ctx.depth + 1,
                    in_labelledby: ctx.in_labelledby,
                    in_content: true,
                    referenced: false,
                },
            );
            if !n.trim().is_empty() {
                parts.push(n);
            }
        }
    }
    if let Some(wrapping) = el
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "label")
        && wrapping
            .value()
            .attr_str("for")
            .is_none_or(|f| Some(f) == el.value().id())
    {
        let n = compute(
            page,
            wrapping,
            st,
            Ctx {
                depth: ctx.depth + 1,
                in_labelledby: ctx.in_labelledby,
                in_content: true,
                referenced: false,
            },
        );
        if !n.trim().is_empty() && !parts.contains(&n) {
            parts.push(n);
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Selector;
    use url::Url;

    fn name_of(html: &str, sel: &str) -> String {
        let page = Page::parse(
            Url::parse("http://x.gov.cn/").unwrap(),
            html.as_bytes(),
            Some("text/html; charset=utf-8"),
            false,
            false,
            0,
        );
        let el = page
            .html
            .select(&Selector::parse(sel).unwrap())
            .next()
            .unwrap();
        accessible_name(&page, el)
    }

    #[test]
    fn sources_in_order() {
        assert_eq!(name_of(r#"<a href="/">首页</a>"#, "a"), "首页");
        assert_eq!(
            name_of(r#"<a href="/"><img src="x" alt="开福区"></a>"#, "a"),
            "开福区"
        );
        assert_eq!(
            name_of(r#"<a href="/" aria-label="返回首页">x</a>"#, "a"),
            "返回首页"
        );
        assert_eq!(
            name_of(
                r#"<span id="l1">提交</span><span id="l2">申请</span><button aria-labelledby="l1 l2">x</button>"#,
                "button"
            ),
            "提交 申请"
        );
        assert_eq!(
            name_of(r#"<label for="q">搜索</label><input id="q">"#, "input"),
            "搜索"
        );
        assert_eq!(
            name_of(r#"<label>姓名 <input id="n"></label>"#, "input"),
            "姓名"
        );
        assert_eq!(
            name_of(
                r#"<button><span style="display:none">隐藏</span>可见</button>"#,
                "button"
            ),
            "可见"
        );
        assert_eq!(
            name_of(
                r#"<div id="h" hidden>隐藏标签</div><button aria-labelledby="h"></button>"#,
                "button"
            ),
            "隐藏标签"
        );
        assert_eq!(name_of(r#"<a href="/" title="提示"></a>"#, "a"), "提示");
        assert_eq!(
            name_of(r#"<table><caption>统计表</caption></table>"#, "table"),
            "统计表"
        );
    }

    #[test]
    fn cycles_and_depth_are_bounded() {
        assert_eq!(
            name_of(
                r#"<div id="a" aria-labelledby="b">A</div><div id="b" aria-labelledby="a">B</div><button aria-labelledby="a"></button>"#,
                "button"
            ),
            "A"
        );
        let deep = format!(
            "<a href='/'>{}深{}</a>",
            "<span>".repeat(5000),
            "</span>".repeat(5000)
        );
        let _ = name_of(&deep, "a");
    }
}
