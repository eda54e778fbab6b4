//! A small CSS cascade over scraper's DOM: `<style>` blocks, linked stylesheets
//! handed in by the caller, and `style` attributes, with selector matching and
//! specificity from the `selectors` crate (the same one scraper uses) and
//! `!important`. `@media` blocks apply when they target screen or all; other
//! at-rules are skipped. Enough for hidden-ness, font sizes, colours and spacing.

use crate::dom::AttrExt;
use rustc_hash::FxHashMap as HashMap;
use scraper::selector::Simple;
use scraper::{ElementRef, Html, Selector};
use selectors::SelectorList;
use selectors::matching::{
    MatchingContext, MatchingForInvalidation, MatchingMode, NeedsSelectorFlags, SelectorCaches,
};
use selectors::parser::ParseRelative;
use std::sync::LazyLock;

/// Most rules read from one page's stylesheets (hostile pages stay bounded).
const MAX_RULES: usize = 20_000;
/// Most bytes of one stylesheet parsed.
pub const MAX_SHEET_BYTES: usize = 2 * 1024 * 1024;

/// One declaration of a rule.
#[derive(Debug, Clone)]
pub struct Declaration {
    /// Property name, lower-case.
    pub name: String,
    /// Value as written (without `!important`).
    pub value: String,
    /// `!important`.
    pub important: bool,
}

/// A style rule: selectors, declarations, where it came from.
#[derive(Debug)]
pub struct StyleRule {
    selectors: SelectorList<Simple>,
    /// The selector text, for findings ("12px from .content p in /css/main.css").
    pub selector_text: String,
    /// Declarations.
    pub declarations: Vec<Declaration>,
    /// Stylesheet name (URL or `<style>`).
    pub origin: String,
    order: usize,
}

/// A declared value that won the cascade for one element and property.
#[derive(Debug, Clone, PartialEq)]
pub struct Declared {
    /// The value.
    pub value: String,
    /// `!important`.
    pub important: bool,
    /// Where it came from: `style attribute` or `<selector> in <sheet>`.
    pub source: String,
}

/// The style rules of a page, indexed by property, with the answers already
/// given: the contrast, font-size and visibility rules ask for the same ancestors'
/// properties over and over, and selector matching is the costly part.
#[derive(Debug, Default)]
pub struct Cascade {
    rules: Vec<StyleRule>,
    by_property: HashMap<String, Vec<usize>>,
    memo: std::cell::RefCell<
        HashMap<String, rustc_hash::FxHashMap<ego_tree::NodeId, Option<Declared>>>,
    >,
}

static STYLE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("style").expect("static selector"));

impl Cascade {
    /// Reads the page's `<style>` blocks (outside `<template>`), then `extra` sheets
    /// (`(name, text)`, e.g. linked same-site stylesheets) — in document order is
    /// approximated by: linked sheets first, then `<style>` blocks.
    pub fn from_page(html: &Html, extra: &[crate::crawl::resources::Resource]) -> Cascade {
        let mut c = Cascade::default();
        for (name, text) in extra {
            c.add_sheet(text, name);
        }
        for style in html.select(&STYLE) {
            let media = style.value().attr_str("media").unwrap_or("all");
            if !media_applies(media) {
                continue;
            }
            let text: String = style.text().collect();
            c.add_sheet(&text, "<style>");
        }
        c
    }

    /// Parses one stylesheet and adds its rules.
    pub fn add_sheet(&mut self, text: &str, origin: &str) {
        let text = &text[..floor_char_boundary(text, MAX_SHEET_BYTES)];
        let cleaned = strip_comments(text);
        self.add_block(&cleaned, origin, 0);
    }

    fn add_block(&mut self, css: &str, origin: &str, depth: usize) {
        for (prelude, body) in split_blocks(css) {
            if self.rules.len() >= MAX_RULES {
                break;
            }
            let (prelude, body) = (prelude.as_str(), body.as_str());
            if let Some(at) = prelude.strip_prefix('@') {
                let lower = at.to_ascii_lowercase();
                if let Some(query) = lower.strip_prefix("media") {
                    if depth < 4 && media_applies(query) {
                        self.add_block(body, origin, depth + 1);
                    }
                } else if lower.starts_with("supports") && depth < 4 {
                    self.add_block(body, origin, depth + 1);
                }
                continue;
            }
            let mut parser = cssparser::Parser::new(prelude);
            let Ok(selectors) =
                SelectorList::parse(&scraper::selector::Parser, &mut parser, ParseRelative::No)
            else {
                continue;
            };
            let declarations = parse_declarations(body);
            if declarations.is_empty() {
                continue;
            }
            let idx = self.rules.len();
            for d in &declarations {
                self.by_property
                    .entry(d.name.clone())
                    .or_default()
                    .push(idx);
            }
            self.rules.push(StyleRule {
                selectors,
                selector_text: prelude.chars().take(120).collect(),
                declarations,
                origin: origin.to_string(),
                order: idx,
            });
        }
    }

    /// The cascaded (not inherited) value of `property` on `el`: the `style`
    /// attribute, or the matching rule with the highest (importance, specificity,
    /// order).
    pub fn declared(&self, el: ElementRef<'_>, property: &str) -> Option<Declared> {
        let has_rules = self.by_property.contains_key(property);
        if !has_rules && el.value().attr_str("style").is_none() {
            return None;
        }
        if let Some(known) = self
            .memo
            .borrow()
            .get(property)
            .and_then(|by_node| by_node.get(&el.id()))
        {
            return known.clone();
        }
        let answer = self.match_declared(el, property);
        self.memo
            .borrow_mut()
            .entry(property.to_string())
            .or_default()
            .insert(el.id(), answer.clone());
        answer
    }

    fn match_declared(&self, el: ElementRef<'_>, property: &str) -> Option<Declared> {
        let inline = el
            .value()
            .attr_str("style")
            .map(parse_declarations)
            .and_then(|ds| ds.into_iter().rev().find(|d| d.name == property));
        let mut best: Option<(bool, u32, usize, &Declaration, &StyleRule)> = None;
        if let Some(ids) = self.by_property.get(property) {
            let mut caches = SelectorCaches::default();
            let mut ctx = MatchingContext::new(
                MatchingMode::Normal,
                None,
                &mut caches,
                selectors::context::QuirksMode::NoQuirks,
                NeedsSelectorFlags::No,
                MatchingForInvalidation::No,
            );
            for &i in ids {
                let rule = &self.rules[i];
                let Some(spec) = rule
                    .selectors
                    .slice()
                    .iter()
                    .filter(|s| selectors::matching::matches_selector(s, 0, None, &el, &mut ctx))
                    .map(|s| s.specificity())
                    .max()
                else {
                    continue;
                };
                let Some(decl) = rule.declarations.iter().rev().find(|d| d.name == property) else {
                    continue;
                };
                let key = (decl.important, spec, rule.order);
                if best.is_none_or(|(imp, sp, ord, _, _)| key > (imp, sp, ord)) {
                    best = Some((decl.important, spec, rule.order, decl, rule));
                }
            }
        }
        match (inline, best) {
            (Some(d), Some((true, _, _, bd, rule))) if !d.important => Some(Declared {
                value: bd.value.clone(),
                important: true,
                source: format!("{} in {}", rule.selector_text, rule.origin),
            }),
            (Some(d), _) => Some(Declared {
                value: d.value,
                important: d.important,
                source: "style attribute".into(),
            }),
            (None, Some((imp, _, _, bd, rule))) => Some(Declared {
                value: bd.value.clone(),
                important: imp,
                source: format!("{} in {}", rule.selector_text, rule.origin),
            }),
            (None, None) => None,
        }
    }

    /// True when no stylesheet rules were read.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rules (for checks that scan stylesheets, e.g. `:focus { outline: none }`).
    pub fn rules(&self) -> &[StyleRule] {
        &self.rules
    }
}

/// The top-level blocks of a stylesheet as `(prelude, body)` pairs, comments
/// removed: `("@media (orientation: portrait)", "html { … }")`, `("p.x", "color: red")`.
pub fn blocks(css: &str) -> Vec<(String, String)> {
    split_blocks(&strip_comments(
        &css[..floor_char_boundary(css, MAX_SHEET_BYTES)],
    ))
}

/// The top-level `(prelude, body)` blocks of comment-free CSS; statement at-rules
/// (`@import …;`) and stray braces are skipped.
fn split_blocks(css: &str) -> Vec<(String, String)> {
    let bytes = css.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() && out.len() < MAX_RULES {
        let start = i;
        while i < bytes.len() && bytes[i] != b'{' && bytes[i] != b';' && bytes[i] != b'}' {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i] != b'{' {
            i += 1;
            continue;
        }
        let Some(end) = matching_brace(bytes, i) else {
            break;
        };
        out.push((
            css[start..i].trim().to_string(),
            css[i + 1..end].to_string(),
        ));
        i = end + 1;
    }
    out
}

/// Parses `a: b; c: d !important` into declarations.
pub fn parse_declarations(body: &str) -> Vec<Declaration> {
    let mut out = Vec::new();
    for part in split_top_level(body, b';') {
        let Some((name, value)) = part.split_once(':') else {
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        if name.is_empty() || name.contains(|c: char| c.is_whitespace() || c == '{' || c == '}') {
            continue;
        }
        let mut value = value.trim().to_string();
        let mut important = false;
        let lower = value.to_ascii_lowercase();
        if let Some(pos) = lower.rfind('!')
            && lower[pos + 1..].trim() == "important"
        {
            important = true;
            value = value[..pos].trim().to_string();
        }
        out.push(Declaration {
            name,
            value,
            important,
        });
    }
    out
}

fn split_top_level(s: &str, sep: u8) -> Vec<&str> {
    let bytes = s.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, 0u8, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' | b'\'' if quote == 0 => quote = b,
            q if q == quote && quote != 0 => quote = 0,
            b'(' if quote == 0 => depth += 1,
            b')' if quote == 0 => depth -= 1,
            _ if b == sep && quote == 0 && depth <= 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

fn matching_brace(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = 0u8;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'"' | b'\'' if quote == 0 => quote = b,
            q if q == quote && quote != 0 => quote = 0,
            b'{' if quote == 0 => depth += 1,
            b'}' if quote == 0 => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// True for media queries that apply to a screen (`all`, `screen`, empty, or a
/// query mentioning screen without `not`); print-only and speech sheets do not.
pub fn media_applies(query: &str) -> bool {
    let q = query.trim().to_ascii_lowercase();
    if q.is_empty() || q == "all" {
        return true;
    }
    q.split(',').any(|part| {
        let p = part.trim();
        !p.starts_with("not ")
            && !p.contains("print")
            && !p.contains("speech")
            && (p.contains("screen") || p.contains("all") || p.starts_with('('))
    })
}

fn floor_char_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specificity_importance_and_inline() {
        let html = Html::parse_document(
            r#"<style>p{font-size:14px} #main p.note{font-size:16px!important} @media print{p{font-size:30px}} @media screen and (min-width:1px){.x{color:red}}</style>
            <div id="main"><p class="note" style="font-size:18px">a</p><p style="font-size: 18px">b</p><p class="x">c</p></div>"#,
        );
        let c = Cascade::from_page(&html, &[]);
        let ps: Vec<ElementRef> = html.select(&Selector::parse("p").unwrap()).collect();
        let d = c.declared(ps[0], "font-size").unwrap();
        assert_eq!(d.value, "16px");
        assert!(d.source.contains("#main p.note"));
        assert_eq!(c.declared(ps[1], "font-size").unwrap().value, "18px");
        assert_eq!(c.declared(ps[2], "font-size").unwrap().value, "14px");
        assert_eq!(c.declared(ps[2], "color").unwrap().value, "red");
    }

    #[test]
    fn garbage_is_survived() {
        let html =
            Html::parse_document("<style>}}{{ p { color: ; } /* open comment</style><p>x</p>");
        let c = Cascade::from_page(&html, &[]);
        let p = html.select(&Selector::parse("p").unwrap()).next().unwrap();
        assert!(c.declared(p, "font-size").is_none());
    }
}
