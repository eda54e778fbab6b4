//! `elderly.focus-visible` — stylesheets do not remove the focus outline without
//! a replacement.
//!
//! *What it checks*: style rules whose selector contains `:focus` (or `*`, `a`,
//! `input`, `button` applied generally) and set `outline: none|0` or
//! `outline-style: none`, with no replacement in the same rule (`box-shadow`,
//! `border`, `background`, `outline-*`, `text-decoration`) nor in another `:focus`
//! rule for the same selector.
//! *Why*: MIIT AG-09; WCAG 2.4.7: keyboard users must see where they are.

use crate::checks::{PageRule, RuleRun};
use crate::dom::css::{self, Declaration};
use crate::page::Page;
use scraper::Selector;
use std::sync::LazyLock;

static STYLE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("style").expect("static selector"));

const REPLACEMENTS: [&str; 8] = [
    "box-shadow",
    "border",
    "border-color",
    "border-bottom",
    "background",
    "background-color",
    "text-decoration",
    "outline-color",
];

fn removes_outline(name: &str, value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    (name == "outline"
        && (v == "none" || v == "0" || v.starts_with("0 ") || v == "0px" || v.contains(" none")))
        || (name == "outline-style" && v == "none")
        || (name == "outline-width" && (v == "0" || v == "0px"))
}

/// See the module documentation.
pub struct FocusVisible;

impl PageRule for FocusVisible {
    fn id(&self) -> &'static str {
        "elderly.focus-visible"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        // `:focus` never matches a static DOM, so these rules are read from the
        // raw stylesheets rather than the cascade.
        let mut rules: Vec<(String, Vec<Declaration>, String)> = Vec::new();
        let sheets: Vec<(String, String)> = page
            .html
            .select(&STYLE)
            .map(|s| ("<style>".to_string(), s.text().collect::<String>()))
            .chain(
                page.stylesheets
                    .iter()
                    .map(|(u, t)| (u.clone(), t.to_string())),
            )
            .collect();
        for (origin, text) in &sheets {
            for (prelude, body) in css::blocks(text) {
                if prelude.starts_with('@') {
                    if prelude.to_ascii_lowercase().starts_with("@media")
                        && css::media_applies(&prelude[6..])
                    {
                        for (p2, b2) in css::blocks(&body) {
                            rules.push((p2, css::parse_declarations(&b2), origin.clone()));
                        }
                    }
                    continue;
                }
                rules.push((prelude, css::parse_declarations(&body), origin.clone()));
            }
        }
        let replaced = |decls: &[Declaration]| {
            decls.iter().any(|d| {
                REPLACEMENTS.contains(&d.name.as_str())
                    || (d.name.starts_with("outline") && !removes_outline(&d.name, &d.value))
            })
        };
        let strip = |s: &str| {
            s.replace(":focus-visible", "")
                .replace(":focus-within", "")
                .replace(":focus", "")
        };
        for (selector, decls, origin) in rules.iter().filter(|(s, _, _)| s.contains(":focus")) {
            run.applies();
            if !decls.iter().any(|d| removes_outline(&d.name, &d.value)) || replaced(decls) {
                continue;
            }
            let base = strip(selector);
            let elsewhere = rules
                .iter()
                .any(|(o, d, _)| o.contains(":focus") && strip(o) == base && replaced(d));
            if !elsewhere {
                run.fail_at(
                    page.url.as_ref(),
                    Some(format!("{selector} {{ outline: none }} in {origin}")),
                    &[
                        ("selector", selector.chars().take(120).collect()),
                        ("origin", origin.clone()),
                    ],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run_rule;

    #[test]
    fn fixtures() {
        let r = "elderly.focus-visible";
        assert_eq!(
            run_rule(r, "<style>a:focus{outline:none}</style><a href='/'>x</a>"),
            1
        );
        assert_eq!(
            run_rule(
                r,
                "<style>a:focus{outline:none;box-shadow:0 0 0 3px #06c}</style>"
            ),
            0
        );
        assert_eq!(
            run_rule(
                r,
                "<style>a:focus{outline:0} a:focus{border-bottom:2px solid red}</style>"
            ),
            0
        );
        assert_eq!(run_rule(r, "<style>a:hover{outline:none}</style>"), 0);
    }
}
