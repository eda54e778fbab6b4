//! 政务公开 pack: required columns from the notice and the Hunan evaluation
//! standard, their presence, contents and freshness.

pub mod column_missing;
