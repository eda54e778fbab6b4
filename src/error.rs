//! The errors that end a govaudit run, each mapped to the exit code of the contract.

use thiserror::Error;

/// An error that stops a command. Everything else (a page that fails to fetch or
/// parse) is recorded in the report and the crawl goes on.
#[derive(Debug, Error)]
pub enum AuditError {
    /// Bad command line, seed file, rule file or option value (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The crawl could not start: home page unreachable, blocked or not HTML (exit 3).
    #[error("{0}")]
    Start(String),
    /// Writing the report failed (exit 2: the output location is a configuration problem).
    #[error("{0}")]
    Output(String),
}

impl AuditError {
    /// The process exit code the contract assigns to this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            AuditError::Usage(_) | AuditError::Output(_) => 2,
            AuditError::Start(_) => 3,
        }
    }
}

/// Shorthand for a usage error.
pub fn usage(msg: impl Into<String>) -> AuditError {
    AuditError::Usage(msg.into())
}
