//! Seed files (`seeds/*.toml`) and command-line flags merged into one validated
//! [`AuditConfig`].

use crate::crawl::scope::Scope;
use crate::error::{AuditError, usage};
use chrono::NaiveDate;
use regex::Regex;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;
use url::Url;

/// A portal definition as written in `seeds/*.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedFile {
    /// Display name of the portal, e.g. 开福区人民政府门户网站.
    pub name: Option<String>,
    /// Where the crawl starts; the first is the home page.
    #[serde(default)]
    pub start_urls: Vec<String>,
    /// Which URLs are crawled.
    #[serde(default)]
    pub scope: SeedScope,
    /// Politeness and limits.
    #[serde(default)]
    pub crawl: SeedCrawl,
    /// Date every freshness rule measures against (fixed for reproducible demos).
    pub as_of: Option<NaiveDate>,
}

/// `[scope]` of a seed file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedScope {
    /// In-scope hosts; default: the hosts of the start URLs.
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Regexes on the full URL; when given, only matching URLs are crawled.
    #[serde(default)]
    pub include: Vec<String>,
    /// Regexes on the full URL that are never crawled.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// `[crawl]` of a seed file; every field can be overridden on the command line.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedCrawl {
    /// Requests per second per host.
    pub rate: Option<f64>,
    /// Requests in flight at once.
    pub concurrency: Option<usize>,
    /// Most HTML pages fetched.
    pub max_pages: Option<usize>,
    /// Most link hops from a start URL.
    pub max_depth: Option<u32>,
    /// Check links to other sites.
    pub external: Option<bool>,
}

impl SeedFile {
    /// Reads and validates a seed file, naming the file and the problem on error.
    pub fn load(path: &Path) -> Result<SeedFile, AuditError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| usage(format!("cannot read seed file {}: {e}", path.display())))?;
        Self::parse(&text).map_err(|e| usage(format!("seed file {}: {e}", path.display())))
    }

    /// Parses seed-file text.
    pub fn parse(text: &str) -> Result<SeedFile, String> {
        let seed: SeedFile = toml::from_str(text).map_err(|e| one_line(&e.to_string()))?;
        if seed.start_urls.is_empty() {
            return Err("start_urls is empty: give at least one http(s) URL".into());
        }
        Ok(seed)
    }
}

/// Collapses a multi-line parser message into one line.
pub fn one_line(msg: &str) -> String {
    msg.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.chars().all(|c| c == '|' || c == '^' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a start URL given by the user.
pub fn parse_start_url(s: &str) -> Result<Url, AuditError> {
    let url = Url::parse(s.trim()).map_err(|e| usage(format!("invalid URL {s:?}: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(usage(format!(
            "invalid URL {s:?}: only http:// and https:// URLs with a host can be audited"
        )));
    }
    Ok(crate::crawl::urlnorm::normalize(url))
}

/// Compiles a list of user regexes, naming the bad one on error.
pub fn compile_patterns(patterns: &[String], what: &str) -> Result<Vec<Regex>, AuditError> {
    patterns
        .iter()
        .map(|p| {
            Regex::new(p).map_err(|e| {
                usage(format!(
                    "invalid {what} pattern {p:?}: {}",
                    one_line(&e.to_string())
                ))
            })
        })
        .collect()
}

/// Everything one audit needs, validated.
#[derive(Debug, Clone)]
pub struct AuditConfig {
    /// Display name of the site.
    pub name: String,
    /// Start URLs; the first is treated as the home page.
    pub start_urls: Vec<Url>,
    /// Crawl scope.
    pub scope: Scope,
    /// Requests per second per host.
    pub rate: f64,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Most HTML pages fetched.
    pub max_pages: usize,
    /// Most link hops from a start URL.
    pub max_depth: u32,
    /// Body size cap after decompression.
    pub max_body_bytes: usize,
    /// Per-request timeout (the national monitor's bar is 15 s).
    pub timeout: Duration,
    /// Retries for timeouts, resets, 429 and 5xx.
    pub retries: u32,
    /// Skip robots.txt (explicit opt-in only).
    pub ignore_robots: bool,
    /// Check links to other hosts.
    pub check_external: bool,
    /// Most distinct query strings fetched for one path (crawler-trap guard).
    pub max_query_variants: usize,
    /// Date freshness rules measure against.
    pub as_of: NaiveDate,
    /// Show a progress bar (only on a terminal).
    pub progress: bool,
    /// Longest `Retry-After` the crawler will wait; longer answers count as blocked.
    pub max_retry_after: Duration,
}

impl AuditConfig {
    /// A config with the documented defaults for the given start URLs.
    pub fn with_defaults(name: String, start_urls: Vec<Url>, as_of: NaiveDate) -> AuditConfig {
        let hosts: Vec<String> = start_urls
            .iter()
            .filter_map(|u| u.host_str().map(str::to_string))
            .collect();
        AuditConfig {
            name,
            scope: Scope::new(&hosts, vec![], vec![]),
            start_urls,
            rate: 4.0,
            concurrency: 4,
            max_pages: 5000,
            max_depth: 10,
            max_body_bytes: 10 * 1024 * 1024,
            timeout: Duration::from_secs(15),
            retries: 2,
            ignore_robots: false,
            check_external: true,
            max_query_variants: 50,
            as_of,
            progress: false,
            max_retry_after: Duration::from_secs(60),
        }
    }

    /// Applies a seed file's settings (scope, limits, as-of) over the defaults.
    pub fn apply_seed(&mut self, seed: &SeedFile) -> Result<(), AuditError> {
        if let Some(n) = &seed.name {
            self.name = n.clone();
        }
        let mut hosts = seed.scope.hosts.clone();
        if hosts.is_empty() {
            hosts = self
                .start_urls
                .iter()
                .filter_map(|u| u.host_str().map(str::to_string))
                .collect();
        }
        self.scope = Scope::new(
            &hosts,
            compile_patterns(&seed.scope.include, "include")?,
            compile_patterns(&seed.scope.exclude, "exclude")?,
        );
        if let Some(r) = seed.crawl.rate {
            self.rate = r;
        }
        if let Some(c) = seed.crawl.concurrency {
            self.concurrency = c;
        }
        if let Some(m) = seed.crawl.max_pages {
            self.max_pages = m;
        }
        if let Some(d) = seed.crawl.max_depth {
            self.max_depth = d;
        }
        if let Some(e) = seed.crawl.external {
            self.check_external = e;
        }
        if let Some(a) = seed.as_of {
            self.as_of = a;
        }
        Ok(())
    }

    /// Checks the numeric settings, naming the offending option.
    pub fn validate(&self) -> Result<(), AuditError> {
        if !(self.rate.is_finite() && self.rate > 0.0) {
            return Err(usage(format!(
                "--rate must be a positive number, got {}",
                self.rate
            )));
        }
        if self.concurrency == 0 {
            return Err(usage("--concurrency must be at least 1"));
        }
        if self.max_pages == 0 {
            return Err(usage("--max-pages must be at least 1"));
        }
        Ok(())
    }
}

/// Default output folder: `reports/<site>-<YYYYmmdd-HHMMSS>/`, with the site part
/// reduced to safe file-name characters.
pub fn default_out_dir(site_host: &str, now: chrono::DateTime<chrono::Local>) -> PathBuf {
    PathBuf::from("reports").join(format!(
        "{}-{}",
        sanitize_file_name(site_host),
        now.format("%Y%m%d-%H%M%S")
    ))
}

/// Keeps `[A-Za-z0-9._-]`, maps everything else to `_`, never yields `.`/`..` or an
/// empty name, and caps the length.
pub fn sanitize_file_name(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    out = out.trim_matches('.').to_string();
    if out.is_empty() { "site".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_file_parses_and_rejects_unknown_fields() {
        let seed = SeedFile::parse(
            "name = \"x\"\nstart_urls = [\"http://a.gov.cn/\"]\n[crawl]\nrate = 2.0\n",
        )
        .unwrap();
        assert_eq!(seed.crawl.rate, Some(2.0));
        let err = SeedFile::parse("start_urls = [\"http://a/\"]\nbogus = 1\n").unwrap_err();
        assert!(err.contains("bogus"), "{err}");
        assert!(!err.contains('\n'));
        assert!(SeedFile::parse("start_urls = []").is_err());
        assert!(SeedFile::parse("start_urls = [").is_err());
    }

    #[test]
    fn start_urls_must_be_http() {
        assert!(parse_start_url("http://www.kaifu.gov.cn").is_ok());
        assert!(parse_start_url("ftp://x").is_err());
        assert!(parse_start_url("not a url").is_err());
        assert!(parse_start_url("file:///etc/passwd").is_err());
    }

    #[test]
    fn file_names_are_sanitised() {
        assert_eq!(sanitize_file_name("../../etc"), "_.._etc");
        assert_eq!(sanitize_file_name("www.kaifu.gov.cn"), "www.kaifu.gov.cn");
        assert_eq!(sanitize_file_name(".."), "site");
        assert_eq!(sanitize_file_name("a/b:c"), "a_b_c");
    }
}
