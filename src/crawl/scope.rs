//! Which URLs belong to the audited site: crawled and parsed, as opposed to
//! external links that are only checked.

use regex::Regex;
use url::Url;

/// The crawl scope: hosts plus optional include/exclude patterns on the full URL.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    hosts: Vec<String>,
    include: Vec<Regex>,
    exclude: Vec<Regex>,
}

impl Scope {
    /// Builds a scope from explicit hosts (each also accepted with or without a
    /// leading `www.`) and regex patterns matched against the whole URL.
    pub fn new(hosts: &[String], include: Vec<Regex>, exclude: Vec<Regex>) -> Self {
        let mut all = Vec::new();
        for h in hosts {
            let h = h.trim().trim_end_matches('.').to_ascii_lowercase();
            if h.is_empty() {
                continue;
            }
            let twin = match h.strip_prefix("www.") {
                Some(bare) => bare.to_string(),
                None => format!("www.{h}"),
            };
            for cand in [h, twin] {
                if !all.contains(&cand) {
                    all.push(cand);
                }
            }
        }
        Scope {
            hosts: all,
            include,
            exclude,
        }
    }

    /// True when `url` is on an in-scope host (any port) — the test for "internal link".
    pub fn is_internal_host(&self, url: &Url) -> bool {
        url.host_str()
            .map(|h| self.hosts.iter().any(|s| s.eq_ignore_ascii_case(h)))
            .unwrap_or(false)
    }

    /// True when `url` should be crawled: on an in-scope host, matching an include
    /// pattern if any are given, and matching no exclude pattern.
    pub fn should_crawl(&self, url: &Url) -> bool {
        if !self.is_internal_host(url) {
            return false;
        }
        let s = url.as_str();
        if !self.include.is_empty() && !self.include.iter().any(|r| r.is_match(s)) {
            return false;
        }
        !self.exclude.iter().any(|r| r.is_match(s))
    }

    /// True when an exclude pattern matches: the URL is neither crawled nor checked.
    pub fn is_excluded(&self, url: &Url) -> bool {
        self.exclude.iter().any(|r| r.is_match(url.as_str()))
    }

    /// The in-scope host names.
    pub fn hosts(&self) -> &[String] {
        &self.hosts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn www_twin_is_in_scope_and_patterns_apply() {
        let scope = Scope::new(
            &["www.kaifu.gov.cn".into()],
            vec![],
            vec![Regex::new(r"/search/").unwrap()],
        );
        let u = |s: &str| Url::parse(s).unwrap();
        assert!(scope.should_crawl(&u("http://kaifu.gov.cn/a.html")));
        assert!(scope.should_crawl(&u("https://www.kaifu.gov.cn:8443/a.html")));
        assert!(!scope.should_crawl(&u("http://www.changsha.gov.cn/")));
        assert!(!scope.should_crawl(&u("http://www.kaifu.gov.cn/search/x")));
        assert!(scope.is_internal_host(&u("http://www.kaifu.gov.cn/search/x")));
    }

    #[test]
    fn include_patterns_restrict() {
        let scope = Scope::new(
            &["127.0.0.1".into()],
            vec![Regex::new(r"/zwgk/").unwrap()],
            vec![],
        );
        assert!(scope.should_crawl(&Url::parse("http://127.0.0.1:8080/zwgk/a").unwrap()));
        assert!(!scope.should_crawl(&Url::parse("http://127.0.0.1:8080/other").unwrap()));
    }
}
