//! 网站健康 pack: the national inspection indicators (国办秘函〔2019〕19号) —
//! single-veto items and deductions.

pub mod broken_link;
pub mod column_vetoes;
pub mod domain;
pub mod future_dates;
pub mod homepage_stale;
pub mod identity;
pub mod meta_tags;
pub mod page_integrity;
pub mod site_unreachable;
