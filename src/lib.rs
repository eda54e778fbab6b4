//! govaudit — an audit crawler for Chinese government web portals.
//!
//! It crawls a portal politely, checks every page against barrier-free (无障碍),
//! age-friendly (适老化) and site-level rules (required columns, freshness, broken
//! links, single-veto items), and writes a scored report. See `README.md` and
//! `../shared/design.md` for the architecture and the report contract.

pub mod assist;
pub mod audit;
pub mod check;
pub mod checks;
pub mod config;
pub mod crawl;
pub mod dates;
pub mod demo;
pub mod dom;
pub mod error;
pub mod history;
pub mod identity;
pub mod page;
pub mod report;
pub mod rules;
pub mod score;
pub mod site;
