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
