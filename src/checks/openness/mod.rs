//! 政务公开 pack: required columns from the notice and the Hunan evaluation
//! standard, their presence, contents and freshness.

pub mod annual_reports;
pub mod column_missing;
pub mod column_state;
pub mod document_validity;
pub mod interpretation_forms;
pub mod seven_fields;
