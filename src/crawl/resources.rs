//! Same-site stylesheets and scripts a page needs for its checks (computed styles;
//! headers and footers written by `document.write`), fetched once per site,
//! size-capped and count-capped, through the same polite fetcher.

use super::fetch::{FetchMode, Fetcher};
use super::urlnorm::{LinkTarget, resolve};
use regex::bytes::Regex;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};
use tokio::sync::{Mutex, OnceCell};
use url::Url;

/// Most bytes kept of one stylesheet or script.
pub const MAX_RESOURCE_BYTES: usize = 1024 * 1024;
/// Most stylesheets read for one page.
pub const MAX_SHEETS_PER_PAGE: usize = 8;
/// Most scripts read for the home page.
pub const MAX_SCRIPTS: usize = 10;
/// Most distinct resources cached per audit.
pub const MAX_CACHED: usize = 500;

static LINK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<link\b[^>]*>").expect("static regex"));
static SCRIPT_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<script\b[^>]*\bsrc\s*=[^>]*>").expect("static regex"));
static HREF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#)
        .expect("static regex")
});
static REL_STYLESHEET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)\brel\s*=\s*["']?[^"'>]*stylesheet"#).expect("static regex")
});
static MEDIA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)\bmedia\s*=\s*["']?([^"'>]*)"#).expect("static regex"));

/// A fetched text resource: `(url, text)`.
pub type Resource = (String, Arc<String>);

/// One cached resource: fetched once, `None` when it failed.
type Slot = Arc<OnceCell<Option<Arc<String>>>>;

/// Per-audit cache of fetched resources.
#[derive(Default)]
pub struct ResourceCache {
    entries: Mutex<HashMap<String, Slot>>,
}

fn attr_url(tag: &[u8], base: &Url) -> Option<Url> {
    let caps = HREF.captures(tag)?;
    let raw = caps.get(1).or(caps.get(2)).or(caps.get(3))?;
    let raw = String::from_utf8_lossy(raw.as_bytes());
    match resolve(base, &raw) {
        LinkTarget::Http(u) => Some(u),
        _ => None,
    }
}

/// Same-host stylesheet URLs linked from an HTML body (screen media only).
pub fn linked_stylesheets(body: &[u8], base: &Url) -> Vec<Url> {
    LINK_TAG
        .find_iter(body)
        .map(|m| m.as_bytes())
        .filter(|t| REL_STYLESHEET.is_match(t))
        .filter(|t| {
            MEDIA.captures(t).and_then(|c| c.get(1)).is_none_or(|m| {
                crate::dom::css::media_applies(&String::from_utf8_lossy(m.as_bytes()))
            })
        })
        .filter_map(|t| attr_url(t, base))
        .filter(|u| u.host_str() == base.host_str())
        .take(MAX_SHEETS_PER_PAGE)
        .collect()
}

/// Same-host script URLs of an HTML body.
pub fn linked_scripts(body: &[u8], base: &Url) -> Vec<Url> {
    SCRIPT_TAG
        .find_iter(body)
        .filter_map(|m| attr_url(m.as_bytes(), base))
        .filter(|u| u.host_str() == base.host_str())
        .take(MAX_SCRIPTS)
        .collect()
}

impl ResourceCache {
    /// The text of `url`, fetched once per audit (`None` when it failed).
    pub async fn get(&self, fetcher: &Fetcher, url: &Url) -> Option<Arc<String>> {
        let cell = {
            let mut map = self.entries.lock().await;
            if !map.contains_key(url.as_str()) && map.len() >= MAX_CACHED {
                return None;
            }
            map.entry(url.to_string()).or_default().clone()
        };
        cell.get_or_init(|| async {
            let f = fetcher.fetch(url, FetchMode::Page).await;
            if !f.status.is_some_and(|s| (200..300).contains(&s)) {
                return None;
            }
            let body = &f.body[..f.body.len().min(MAX_RESOURCE_BYTES)];
            let text = super::decode::decode_html(body, f.content_type.as_deref(), None).text;
            Some(Arc::new(text))
        })
        .await
        .clone()
    }

    /// Fetches every URL (in order), keeping those that answered.
    pub async fn get_all(&self, fetcher: &Fetcher, urls: Vec<Url>) -> Vec<Resource> {
        let mut out = Vec::new();
        for u in urls {
            if let Some(text) = self.get(fetcher, &u).await {
                out.push((u.to_string(), text));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_same_site_sheets_and_scripts() {
        let base = Url::parse("http://x.gov.cn/a/index.html").unwrap();
        let body = br#"<link rel="stylesheet" href="/css/main.css"><link rel=stylesheet href=print.css media=print>
            <link rel="icon" href="/favicon.ico"><link href='http://cdn.example.com/x.css' rel='stylesheet'>
            <script src="/js/header.js"></script><script src="//other.cn/a.js"></script>"#;
        assert_eq!(
            linked_stylesheets(body, &base),
            vec![Url::parse("http://x.gov.cn/css/main.css").unwrap()]
        );
        assert_eq!(
            linked_scripts(body, &base),
            vec![Url::parse("http://x.gov.cn/js/header.js").unwrap()]
        );
    }
}
