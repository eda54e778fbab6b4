//! Shared DOM machinery used by every rule: element locators, the CSS cascade,
//! hidden-ness, WAI-ARIA tables, roles and the accessible-name computation.

pub mod accname;
pub mod aria;
pub mod color;
pub mod css;
pub mod hidden;
pub mod locate;
pub mod roles;
pub mod style;

/// Attribute lookup by name without building an interned name.
///
/// `scraper::node::Element::attr` turns the name into an atom (a hash and a
/// table lookup) and binary-searches with atom comparisons on every call; the
/// rules ask hundreds of thousands of times per page for elements that carry
/// two or three attributes, where comparing the names directly is several times
/// faster (the profile showed `Element::attr` at a quarter of all rule time).
pub trait AttrExt {
    /// The value of the attribute whose local name is `name` (lower-case for
    /// HTML elements).
    fn attr_str(&self, name: &str) -> Option<&str>;
}

impl AttrExt for scraper::node::Element {
    fn attr_str(&self, name: &str) -> Option<&str> {
        self.attrs().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}
