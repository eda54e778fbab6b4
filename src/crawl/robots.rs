//! robots.txt policy per origin (RFC 9309), parsed with `texting_robots`.

use texting_robots::Robot;

/// RFC 9309 §2.5: crawlers must parse at least 500 KiB; anything past that is ignored.
pub const MAX_ROBOTS_BYTES: usize = 500 * 1024;

/// The product token govaudit matches in `User-agent:` lines.
pub const ROBOTS_AGENT: &str = "govaudit";

/// What robots.txt allows on one origin.
#[derive(Debug)]
pub enum RobotsPolicy {
    /// No usable robots.txt (4xx, or `--ignore-robots`): everything allowed.
    AllowAll,
    /// robots.txt unreachable or 5xx (RFC 9309 §2.3.1.3/4): assume complete disallow.
    DisallowAll(String),
    /// Parsed rules.
    Rules(Box<Robot>),
    /// The host did not answer at all (DNS failure, refused, timeout): every URL on
    /// it fails the same way, so fetches report this error instead of "blocked".
    Unreachable {
        /// The request timed out rather than failing outright.
        timeout: bool,
        /// The error.
        message: String,
    },
}

impl RobotsPolicy {
    /// Builds the policy from the robots.txt response status and body.
    pub fn from_response(status: u16, body: &[u8]) -> RobotsPolicy {
        match status {
            200..=299 => {
                let body = &body[..body.len().min(MAX_ROBOTS_BYTES)];
                match Robot::new(ROBOTS_AGENT, body) {
                    Ok(robot) => RobotsPolicy::Rules(Box::new(robot)),
                    // An unparsable file gives no rules: allow, as browsers' crawlers do.
                    Err(_) => RobotsPolicy::AllowAll,
                }
            }
            400..=499 => RobotsPolicy::AllowAll,
            _ => RobotsPolicy::DisallowAll(format!("robots.txt answered HTTP {status}")),
        }
    }

    /// True when the URL may be fetched.
    pub fn allowed(&self, url: &str) -> bool {
        match self {
            RobotsPolicy::AllowAll => true,
            RobotsPolicy::DisallowAll(_) | RobotsPolicy::Unreachable { .. } => false,
            RobotsPolicy::Rules(r) => r.allowed(url),
        }
    }

    /// `Crawl-delay` in seconds, if given.
    pub fn crawl_delay(&self) -> Option<f64> {
        match self {
            RobotsPolicy::Rules(r) => r.delay.map(f64::from).filter(|d| d.is_finite() && *d > 0.0),
            _ => None,
        }
    }

    /// `Sitemap:` lines.
    pub fn sitemaps(&self) -> Vec<String> {
        match self {
            RobotsPolicy::Rules(r) => r.sitemaps.clone(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_honoured() {
        let p = RobotsPolicy::from_response(
            200,
            b"User-agent: *\nDisallow: /private/\nCrawl-delay: 2\nSitemap: http://x.cn/sm.xml\n",
        );
        assert!(p.allowed("http://x.cn/index.html"));
        assert!(!p.allowed("http://x.cn/private/a.html"));
        assert_eq!(p.crawl_delay(), Some(2.0));
        assert_eq!(p.sitemaps(), vec!["http://x.cn/sm.xml".to_string()]);
    }

    #[test]
    fn status_codes_follow_rfc9309() {
        assert!(RobotsPolicy::from_response(404, b"").allowed("http://x.cn/a"));
        assert!(!RobotsPolicy::from_response(500, b"").allowed("http://x.cn/a"));
    }

    #[test]
    fn govaudit_group_is_matched() {
        let p = RobotsPolicy::from_response(
            200,
            b"User-agent: *\nDisallow:\n\nUser-agent: govaudit\nDisallow: /\n",
        );
        assert!(!p.allowed("http://x.cn/a"));
    }
}
