//! 网站健康 pack: the national inspection indicators (国办秘函〔2019〕19号) —
//! single-veto items and deductions.

pub mod broken_link;
pub mod homepage_stale;
