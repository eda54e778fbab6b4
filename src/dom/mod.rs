//! Shared DOM helpers used by every rule: element locators and snippets.

pub mod locate;
