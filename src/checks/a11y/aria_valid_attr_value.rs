//! `a11y.aria-valid-attr-value` — ARIA states and properties have valid values.
//!
//! *What it checks*: each defined, non-empty `aria-*` attribute has a value of its
//! type: true/false (boolean), true/false/mixed (tristate), one of the allowed
//! tokens (token, tokenlist), an integer, a number, or a single ID (no whitespace).
//! *Clause*: WCAG 2.1 SC 4.1.2 (A), ACT 6a7281.

use super::{aria_attrs, elements};
use crate::checks::{PageRule, RuleRun};
use crate::dom::aria;
use crate::page::Page;
use aria_query::AriaPropertyDefinitionType as T;

/// See the module documentation.
pub struct AriaValidAttrValue;

/// True when `value` is valid for the attribute `name`.
pub fn valid_value(name: &str, value: &str) -> bool {
    let Some(def) = aria::property(name) else {
        return true;
    };
    let v = value.trim().to_ascii_lowercase();
    // Token lists in the data are sometimes whole combinations ("additions text"):
    // accept any of their words.
    let tokens = || -> Vec<String> {
        def.values
            .clone()
            .unwrap_or_default()
            .iter()
            .flat_map(|t| {
                t.split_ascii_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    if v == "undefined"
        && (def.allow_undefined == Some(true)
            || matches!(
                name,
                "aria-expanded"
                    | "aria-selected"
                    | "aria-pressed"
                    | "aria-checked"
                    | "aria-grabbed"
                    | "aria-hidden"
            ))
    {
        return true;
    }
    if name == "aria-relevant" {
        // Listed twice in the data (once wrongly as a token); WAI-ARIA: a token list.
        return v
            .split_ascii_whitespace()
            .all(|t| matches!(t, "additions" | "all" | "removals" | "text"));
    }
    match def.r#type {
        T::Boolean => v == "true" || v == "false",
        T::Tristate => v == "true" || v == "false" || v == "mixed",
        T::Token => v == "undefined" || tokens().iter().any(|t| t == &v),
        T::Tokenlist => v
            .split_ascii_whitespace()
            .all(|tok| tokens().iter().any(|t| t == tok)),
        T::Integer => v.parse::<i64>().is_ok(),
        T::Number => v.parse::<f64>().is_ok_and(f64::is_finite),
        T::Id => !v.contains(char::is_whitespace),
        T::Idlist | T::String => true,
    }
}

impl PageRule for AriaValidAttrValue {
    fn id(&self) -> &'static str {
        "a11y.aria-valid-attr-value"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            for (name, value) in aria_attrs(el) {
                if aria::property(name).is_none() || value.trim().is_empty() {
                    continue;
                }
                run.applies();
                if !valid_value(name, value) {
                    run.fail(Some(el), &[("attr", format!("{name}=\"{value}\""))]);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::valid_value;

    #[test]
    fn types() {
        assert!(valid_value("aria-hidden", "true"));
        assert!(!valid_value("aria-hidden", "yes"));
        assert!(valid_value("aria-checked", "mixed"));
        assert!(valid_value("aria-live", "polite"));
        assert!(!valid_value("aria-live", "loud"));
        assert!(valid_value("aria-relevant", "additions text"));
        assert!(!valid_value("aria-level", "x"));
        assert!(!valid_value("aria-activedescendant", "a b"));
    }
}
