//! WAI-ARIA 1.2 role and attribute tables, read from the `aria-query` crate (the
//! Rust port of the npm `aria-query` data, itself generated from the WAI-ARIA
//! specification), behind a string API the rules use.

use aria_query::{
    ARIA, AriaNameFromSource, AriaProperty, AriaPropertyDefinition, AriaPropertyDefinitionType,
    AriaRoleDefinition, AriaRoleDefinitionKey, ROLES,
};
use std::str::FromStr;

/// The role's definition when `name` is a concrete (non-abstract) WAI-ARIA role.
pub fn role(name: &str) -> Option<&'static AriaRoleDefinition> {
    let key = AriaRoleDefinitionKey::from_str(name).ok()?;
    ROLES.get(&key).filter(|d| !d.r#abstract)
}

/// True for any role name the specification defines, abstract included.
pub fn is_known_role(name: &str) -> bool {
    AriaRoleDefinitionKey::from_str(name)
        .ok()
        .is_some_and(|k| ROLES.get(&k).is_some())
}

/// Definitions the data crate lacks (WAI-ARIA 1.2 `aria-sort`; ARIA 1.3's
/// `aria-colindextext` / `aria-rowindextext`, already implemented by browsers).
static MISSING: std::sync::LazyLock<Vec<(&'static str, AriaPropertyDefinition)>> =
    std::sync::LazyLock::new(|| {
        vec![
            (
                "aria-sort",
                AriaPropertyDefinition {
                    r#type: AriaPropertyDefinitionType::Token,
                    values: Some(vec![
                        "ascending".into(),
                        "descending".into(),
                        "none".into(),
                        "other".into(),
                    ]),
                    allow_undefined: None,
                },
            ),
            (
                "aria-colindextext",
                AriaPropertyDefinition {
                    r#type: AriaPropertyDefinitionType::String,
                    values: None,
                    allow_undefined: None,
                },
            ),
            (
                "aria-rowindextext",
                AriaPropertyDefinition {
                    r#type: AriaPropertyDefinitionType::String,
                    values: None,
                    allow_undefined: None,
                },
            ),
        ]
    });

/// The attribute's definition when `name` is a WAI-ARIA state or property.
pub fn property(name: &str) -> Option<&'static AriaPropertyDefinition> {
    if let Some((_, d)) = MISSING.iter().find(|(n, _)| *n == name) {
        return Some(d);
    }
    let p = AriaProperty::from_str(name).ok()?;
    ARIA.get(&p)
}

/// The value type of an attribute (`string`, `id`, `idlist`, `integer`, `number`,
/// `boolean`, `token`, `tokenlist`, `tristate`).
pub fn value_type(name: &str) -> Option<AriaPropertyDefinitionType> {
    property(name).map(|d| d.r#type)
}

fn global_props() -> &'static aria_query::AriaPropertyMap {
    &ROLES
        .get(&AriaRoleDefinitionKey::from_str("roletype").expect("roletype"))
        .expect("roletype")
        .props
}

/// True when `attr` is a global state or property (allowed on every role).
pub fn is_global(attr: &str) -> bool {
    // WAI-ARIA 1.3 globals the data predates.
    if matches!(
        attr,
        "aria-braillelabel" | "aria-brailleroledescription" | "aria-description"
    ) {
        return true;
    }
    AriaProperty::from_str(attr)
        .ok()
        .is_some_and(|p| global_props().contains_key(&p))
}

/// True when `role` supports or requires `attr` (globals included).
pub fn supports(role_name: &str, attr: &str) -> bool {
    let Ok(p) = AriaProperty::from_str(attr) else {
        return false;
    };
    let Some(def) = role(role_name) else {
        return global_props().contains_key(&p);
    };
    if def.prohibited_props.contains(&p) {
        return false;
    }
    global_props().contains_key(&p)
        || def.props.contains_key(&p)
        || def.required_props.contains_key(&p)
}

/// True when `role` prohibits `attr` (e.g. `aria-label` on `generic`).
pub fn prohibits(role_name: &str, attr: &str) -> bool {
    // WAI-ARIA 1.3: where naming is prohibited, so are braille labels and role
    // descriptions.
    if matches!(
        attr,
        "aria-braillelabel" | "aria-brailleroledescription" | "aria-roledescription"
    ) {
        return prohibits(role_name, "aria-label");
    }
    // WAI-ARIA 1.2 prohibits naming presentational and generic elements.
    if matches!(role_name, "none" | "presentation" | "generic")
        && matches!(attr, "aria-label" | "aria-labelledby")
    {
        return true;
    }
    let Ok(p) = AriaProperty::from_str(attr) else {
        return false;
    };
    role(role_name).is_some_and(|d| d.prohibited_props.contains(&p))
}

/// Required states and properties of `role`.
pub fn required_props(role_name: &str) -> Vec<String> {
    role(role_name)
        .map(|d| d.required_props.keys().map(|p| p.to_string()).collect())
        .unwrap_or_default()
}

/// Roles one of which must be the accessibility parent of `role`.
pub fn required_context(role_name: &str) -> Vec<String> {
    role(role_name)
        .map(|d| {
            d.required_context_role
                .iter()
                .map(|r| r.to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Owned-element requirements of `role`: each entry a role, or `parent > child`.
pub fn required_owned(role_name: &str) -> Vec<Vec<String>> {
    role(role_name)
        .map(|d| d.required_owned_elements.clone())
        .unwrap_or_default()
}

/// Roles whose children are presentational (button, img, checkbox, …).
pub fn children_presentational(role_name: &str) -> bool {
    role(role_name).is_some_and(|d| d.children_presentational)
}

/// Roles that take their name from their content.
pub fn name_from_content(role_name: &str) -> bool {
    role(role_name).is_some_and(|d| {
        d.name_from
            .iter()
            .any(|n| matches!(n, AriaNameFromSource::Contents))
    })
}

/// Roles that must not be named (generic, presentation …).
pub fn name_prohibited(role_name: &str) -> bool {
    role(role_name).is_some_and(|d| {
        d.name_from
            .iter()
            .any(|n| matches!(n, AriaNameFromSource::Prohibited))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_answer() {
        assert!(role("button").is_some());
        assert!(role("widget").is_none(), "abstract roles are not usable");
        assert!(is_known_role("widget"));
        assert!(property("aria-checked").is_some());
        assert!(property("aria-foo").is_none());
        assert!(is_global("aria-label"));
        assert!(!is_global("aria-checked"));
        assert!(supports("checkbox", "aria-checked"));
        assert!(!supports("button", "aria-checked"));
        assert_eq!(required_props("checkbox"), vec!["aria-checked".to_string()]);
        assert!(required_context("listitem").iter().any(|r| r == "list"));
        assert!(children_presentational("button"));
        assert!(name_from_content("link"));
    }
}
