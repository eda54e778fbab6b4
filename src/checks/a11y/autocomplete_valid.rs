//! `a11y.autocomplete-valid` — `autocomplete` values are valid tokens.
//!
//! *What it checks*: on enabled, exposed form fields, a non-empty `autocomplete` is
//! `on`/`off` or a valid token list per HTML: optional `section-*`, optional
//! `shipping`/`billing`, optional `home`/`work`/`mobile`/`fax`/`pager` before a
//! contact field, one field name, optional `webauthn`.
//! *Why*: assistive tools fill and label personal fields from these tokens.
//! *Clause*: WCAG 2.1 SC 1.3.5 (AA), ACT 73f2c2.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::roles;
use crate::page::Page;

const FIELDS: [&str; 53] = [
    "name",
    "honorific-prefix",
    "given-name",
    "additional-name",
    "family-name",
    "honorific-suffix",
    "nickname",
    "username",
    "new-password",
    "current-password",
    "one-time-code",
    "organization-title",
    "organization",
    "street-address",
    "address-line1",
    "address-line2",
    "address-line3",
    "address-level4",
    "address-level3",
    "address-level2",
    "address-level1",
    "country",
    "country-name",
    "postal-code",
    "cc-name",
    "cc-given-name",
    "cc-additional-name",
    "cc-family-name",
    "cc-number",
    "cc-exp",
    "cc-exp-month",
    "cc-exp-year",
    "cc-csc",
    "cc-type",
    "transaction-currency",
    "transaction-amount",
    "language",
    "bday",
    "bday-day",
    "bday-month",
    "bday-year",
    "sex",
    "url",
    "photo",
    // Contact fields (may follow home/work/mobile/fax/pager).
    "tel",
    "tel-country-code",
    "tel-national",
    "tel-area-code",
    "tel-local",
    "tel-local-prefix",
    "tel-local-suffix",
    "tel-extension",
    "email",
];
const CONTACT: [&str; 10] = [
    "tel",
    "tel-country-code",
    "tel-national",
    "tel-area-code",
    "tel-local",
    "tel-local-prefix",
    "tel-local-suffix",
    "tel-extension",
    "email",
    "impp",
];

/// True when the `autocomplete` value is valid.
pub fn valid(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    let mut tokens: Vec<&str> = lower.split_ascii_whitespace().collect();
    if tokens == ["on"] || tokens == ["off"] {
        return true;
    }
    if tokens.last() == Some(&"webauthn") {
        tokens.pop();
    }
    let mut i = 0;
    if tokens
        .get(i)
        .is_some_and(|t| t.starts_with("section-") && t.len() > 8)
    {
        i += 1;
    }
    if tokens
        .get(i)
        .is_some_and(|t| *t == "shipping" || *t == "billing")
    {
        i += 1;
    }
    let contact = tokens
        .get(i)
        .is_some_and(|t| matches!(*t, "home" | "work" | "mobile" | "fax" | "pager"));
    if contact {
        i += 1;
    }
    let Some(field) = tokens.get(i) else {
        return false;
    };
    if i + 1 != tokens.len() {
        return false;
    }
    if contact {
        CONTACT.contains(field)
    } else {
        FIELDS.contains(field) || *field == "impp"
    }
}

/// See the module documentation.
pub struct AutocompleteValid;

impl PageRule for AutocompleteValid {
    fn id(&self) -> &'static str {
        "a11y.autocomplete-valid"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let v = el.value();
            if !matches!(v.name(), "input" | "select" | "textarea") {
                continue;
            }
            let t = v
                .attr_str("type")
                .unwrap_or("text")
                .trim()
                .to_ascii_lowercase();
            if v.name() == "input"
                && matches!(
                    t.as_str(),
                    "hidden" | "button" | "submit" | "reset" | "image"
                )
            {
                continue;
            }
            let Some(ac) = v.attr_str("autocomplete").filter(|a| !a.trim().is_empty()) else {
                continue;
            };
            if v.attr_str("disabled").is_some()
                || v.attr_str("aria-disabled")
                    .is_some_and(|d| d.trim() == "true")
            {
                continue;
            }
            let exposed = included(page, el)
                || (roles::in_tab_order(el) && !crate::dom::hidden::invisible(page, el));
            if !exposed {
                continue;
            }
            run.applies();
            if !valid(ac) {
                run.fail(Some(el), &[("value", ac.to_string())]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::valid;

    #[test]
    fn tokens() {
        for ok in [
            "username",
            "Street-Address",
            "work email",
            "section-partner email",
            "section-primary shipping work email",
            "current-password webauthn",
            "off",
        ] {
            assert!(valid(ok), "{ok}");
        }
        for bad in [
            "badname",
            "email invalid",
            "work photo",
            "work shipping email",
            "work,email",
            "shipping",
            "address-line1 address-line2",
            "work",
        ] {
            assert!(!valid(bad), "{bad}");
        }
    }
}
