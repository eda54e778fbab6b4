//! HTTP fetching: one request chain (redirects followed by hand so the chain is
//! recorded), bounded bodies, retries with back-off, `Retry-After`, robots.txt on
//! every hop.

use super::politeness::Politeness;
use super::robots::RobotsPolicy;
use super::urlnorm::{LinkTarget, resolve};
use rand::Rng;
use reqwest::header::{HeaderMap, LOCATION, RETRY_AFTER};
use serde::Serialize;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, OnceCell};
use url::Url;

/// Most redirects followed in one chain.
pub const MAX_REDIRECTS: usize = 10;

/// The User-Agent sent with every request: names the tool and its version.
pub fn user_agent() -> String {
    format!(
        "Mozilla/5.0 (compatible; govaudit/{}; government website audit)",
        env!("CARGO_PKG_VERSION")
    )
}

/// Whether to read the body (pages) or only learn the status (links, attachments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchMode {
    /// GET and read the body up to the size cap.
    Page,
    /// HEAD, falling back to a one-byte GET when HEAD is refused or fails.
    Check,
}

/// Why a fetch produced no usable response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FetchErrorKind {
    /// No answer within the per-request timeout.
    Timeout,
    /// Connection refused, DNS failure or similar.
    Connect,
    /// TLS handshake or certificate problem.
    Tls,
    /// The connection broke while the body was read.
    Body,
    /// More than [`MAX_REDIRECTS`] hops.
    TooManyRedirects,
    /// A redirect back to a URL already in the chain.
    RedirectLoop,
    /// A redirect without a usable `Location`.
    BadRedirect,
    /// robots.txt forbids the URL.
    RobotsDisallowed,
    /// A redirect to a private or loopback address from a public site.
    PrivateAddress,
    /// Anything else reqwest reports.
    Other,
}

/// A fetch error with its human-readable detail.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct FetchError {
    /// Class of the failure.
    pub kind: FetchErrorKind,
    /// One-line detail.
    pub message: String,
}

/// One redirect hop.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Redirect {
    /// URL that answered with a redirect.
    pub from: String,
    /// Its HTTP status (301, 302, …).
    pub status: u16,
    /// Where it pointed.
    pub to: String,
}

/// Result of fetching one URL.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// URL asked for.
    pub url: Url,
    /// URL after redirects.
    pub final_url: Url,
    /// Final HTTP status, if any response arrived.
    pub status: Option<u16>,
    /// Redirect chain, in order.
    pub redirects: Vec<Redirect>,
    /// `Content-Type` of the final response.
    pub content_type: Option<String>,
    /// Body bytes (decompressed), empty in check mode.
    pub body: Vec<u8>,
    /// True when the body was cut at the size cap.
    pub truncated: bool,
    /// Why no usable response arrived.
    pub error: Option<FetchError>,
    /// Requests sent, retries included.
    pub attempts: u32,
    /// Wall time of the whole chain.
    pub elapsed: Duration,
}

/// Settings of the fetcher.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    /// Per-request timeout.
    pub timeout: Duration,
    /// Retries after timeouts, resets, 429 and 5xx.
    pub retries: u32,
    /// Body cap after decompression.
    pub max_body_bytes: usize,
    /// Longest `Retry-After` honoured by waiting.
    pub max_retry_after: Duration,
    /// Skip robots.txt.
    pub ignore_robots: bool,
    /// Allow requests to private/loopback addresses (true when the start URL is one).
    pub allow_private: bool,
    /// Base back-off before the first retry (doubled each time, plus jitter).
    pub backoff: Duration,
}

/// Shared HTTP client with politeness and a robots.txt cache.
pub struct Fetcher {
    client: reqwest::Client,
    settings: FetchSettings,
    /// Per-host rate limits and pauses.
    pub politeness: Arc<Politeness>,
    robots: Mutex<HashMap<String, Arc<OnceCell<Arc<RobotsPolicy>>>>>,
}

impl Fetcher {
    /// Builds the client (no automatic redirects: the chain is followed by hand).
    pub fn new(settings: FetchSettings, politeness: Arc<Politeness>) -> Result<Fetcher, String> {
        let client = reqwest::Client::builder()
            .user_agent(user_agent())
            .redirect(reqwest::redirect::Policy::none())
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout.min(Duration::from_secs(10)))
            .pool_max_idle_per_host(32)
            .build()
            .map_err(|e| format!("cannot build HTTP client: {e}"))?;
        Ok(Fetcher {
            client,
            settings,
            politeness,
            robots: Mutex::new(HashMap::new()),
        })
    }

    /// The robots.txt policy of `url`'s origin, fetched once per origin.
    pub async fn robots_for(&self, url: &Url) -> Arc<RobotsPolicy> {
        if self.settings.ignore_robots {
            return Arc::new(RobotsPolicy::AllowAll);
        }
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut map = self.robots.lock().await;
            map.entry(origin.clone()).or_default().clone()
        };
        cell.get_or_init(|| async {
            let policy = self.fetch_robots(url).await;
            if let (Some(delay), Some(host)) = (policy.crawl_delay(), url.host_str()) {
                self.politeness.set_crawl_delay(host, delay);
            }
            Arc::new(policy)
        })
        .await
        .clone()
    }

    async fn fetch_robots(&self, url: &Url) -> RobotsPolicy {
        let Ok(robots_url) = url.join("/robots.txt") else {
            return RobotsPolicy::AllowAll;
        };
        let host = robots_url.host_str().unwrap_or_default().to_string();
        // Robots redirects are followed (RFC 9309 §2.3.1.2) through the normal path,
        // without consulting robots again.
        let mut current = robots_url;
        for _ in 0..5 {
            self.politeness.wait(&host).await;
            let resp = match self.client.get(current.clone()).send().await {
                Ok(r) => r,
                Err(e) => {
                    return RobotsPolicy::Unreachable {
                        timeout: e.is_timeout(),
                        message: describe(&e),
                    };
                }
            };
            let status = resp.status().as_u16();
            if (300..400).contains(&status) {
                match resp
                    .headers()
                    .get(LOCATION)
                    .and_then(|l| l.to_str().ok())
                    .map(|l| resolve(&current, l))
                {
                    Some(LinkTarget::Http(next)) => {
                        current = next;
                        continue;
                    }
                    _ => return RobotsPolicy::AllowAll,
                }
            }
            let (body, _, _) = read_body(resp, super::robots::MAX_ROBOTS_BYTES).await;
            return RobotsPolicy::from_response(status, &body);
        }
        RobotsPolicy::AllowAll
    }

    /// Fetches `url`, following redirects, retrying transient failures.
    pub async fn fetch(&self, url: &Url, mode: FetchMode) -> Fetched {
        let started = Instant::now();
        let mut out = Fetched {
            url: url.clone(),
            final_url: url.clone(),
            status: None,
            redirects: Vec::new(),
            content_type: None,
            body: Vec::new(),
            truncated: false,
            error: None,
            attempts: 0,
            elapsed: Duration::ZERO,
        };
        let mut current = url.clone();
        loop {
            if let Some(err) = self.guard(url, &current).await {
                out.error = Some(err);
                break;
            }
            let hop = self
                .request_with_retries(&current, mode, &mut out.attempts)
                .await;
            match hop {
                Err(e) => {
                    out.error = Some(e);
                    break;
                }
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    out.status = Some(status);
                    if matches!(status, 301 | 302 | 303 | 307 | 308) {
                        let location = resp.headers().get(LOCATION).and_then(|l| l.to_str().ok());
                        let next = match location.map(|l| resolve(&current, l)) {
                            Some(LinkTarget::Http(next)) => next,
                            other => {
                                out.error = Some(FetchError {
                                    kind: FetchErrorKind::BadRedirect,
                                    message: format!(
                                        "HTTP {status} with unusable Location: {other:?}"
                                    ),
                                });
                                break;
                            }
                        };
                        out.redirects.push(Redirect {
                            from: current.to_string(),
                            status,
                            to: next.to_string(),
                        });
                        if next == *url || out.redirects.iter().any(|r| r.from == next.as_str()) {
                            out.error = Some(FetchError {
                                kind: FetchErrorKind::RedirectLoop,
                                message: format!("redirect loop back to {next}"),
                            });
                            break;
                        }
                        if out.redirects.len() > MAX_REDIRECTS {
                            out.error = Some(FetchError {
                                kind: FetchErrorKind::TooManyRedirects,
                                message: format!("more than {MAX_REDIRECTS} redirects"),
                            });
                            break;
                        }
                        current = next;
                        out.final_url = current.clone();
                        continue;
                    }
                    out.content_type = resp
                        .headers()
                        .get(reqwest::header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_string);
                    if mode == FetchMode::Page {
                        let (body, truncated, err) =
                            read_body(resp, self.settings.max_body_bytes).await;
                        out.body = body;
                        out.truncated = truncated;
                        out.error = err;
                    }
                    break;
                }
            }
        }
        out.elapsed = started.elapsed();
        out
    }

    /// Robots and private-address checks for one hop.
    async fn guard(&self, start: &Url, hop: &Url) -> Option<FetchError> {
        if !self.settings.allow_private && is_private_host(hop) && !is_private_host(start) {
            return Some(FetchError {
                kind: FetchErrorKind::PrivateAddress,
                message: format!("refused to follow {hop}: private or loopback address"),
            });
        }
        let robots = self.robots_for(hop).await;
        if let RobotsPolicy::Unreachable { timeout, message } = robots.as_ref() {
            return Some(FetchError {
                kind: if *timeout {
                    FetchErrorKind::Timeout
                } else {
                    FetchErrorKind::Connect
                },
                message: message.clone(),
            });
        }
        if !robots.allowed(hop.as_str()) {
            let why = match robots.as_ref() {
                RobotsPolicy::DisallowAll(reason) => reason.clone(),
                _ => "disallowed by robots.txt".to_string(),
            };
            return Some(FetchError {
                kind: FetchErrorKind::RobotsDisallowed,
                message: why,
            });
        }
        None
    }

    async fn request_with_retries(
        &self,
        url: &Url,
        mode: FetchMode,
        attempts: &mut u32,
    ) -> Result<reqwest::Response, FetchError> {
        let host = url.host_str().unwrap_or_default().to_string();
        let mut retry = 0u32;
        loop {
            self.politeness.wait(&host).await;
            *attempts += 1;
            let result = self.send_once(url, mode).await;
            let transient_delay = match &result {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    if status == 429 || status >= 500 {
                        let after = retry_after(resp.headers());
                        if status == 429 || status == 503 {
                            self.politeness.pause_host(
                                &host,
                                after
                                    .unwrap_or(self.backoff(retry))
                                    .min(self.settings.max_retry_after),
                            );
                        }
                        match after {
                            Some(d) if d > self.settings.max_retry_after => None,
                            Some(d) => Some(d),
                            None => Some(self.backoff(retry)),
                        }
                    } else {
                        None
                    }
                }
                Err(e) if e.is_timeout() || e.is_body() || (e.is_request() && !e.is_connect()) => {
                    Some(self.backoff(retry))
                }
                Err(_) => None,
            };
            match (transient_delay, retry < self.settings.retries) {
                (Some(delay), true) => {
                    retry += 1;
                    tokio::time::sleep(delay).await;
                }
                _ => return result.map_err(|e| classify(&e)),
            }
        }
    }

    async fn send_once(
        &self,
        url: &Url,
        mode: FetchMode,
    ) -> Result<reqwest::Response, reqwest::Error> {
        let accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        match mode {
            FetchMode::Page => {
                self.client
                    .get(url.clone())
                    .header(reqwest::header::ACCEPT, accept)
                    .header(reqwest::header::ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.5")
                    .send()
                    .await
            }
            FetchMode::Check => {
                let head = self
                    .client
                    .head(url.clone())
                    .header(reqwest::header::ACCEPT, accept)
                    .send()
                    .await;
                match head {
                    Ok(r) if r.status().is_client_error() || r.status().is_server_error() => {
                        // Many servers mishandle HEAD (405, 501, 404, 403 …): confirm with a
                        // one-byte GET before calling anything broken.
                        self.client
                            .get(url.clone())
                            .header(reqwest::header::ACCEPT, accept)
                            .header(reqwest::header::RANGE, "bytes=0-0")
                            .send()
                            .await
                    }
                    other => other,
                }
            }
        }
    }

    fn backoff(&self, retry: u32) -> Duration {
        let base = self.settings.backoff * 2u32.saturating_pow(retry.min(6));
        let jitter = rand::rng().random_range(0..=base.as_millis().max(1) as u64 / 2);
        base + Duration::from_millis(jitter)
    }
}

/// Reads a body up to `cap` bytes. Returns the bytes, whether it was truncated, and
/// an error if the connection broke (the bytes read so far are kept).
async fn read_body(mut resp: reqwest::Response, cap: usize) -> (Vec<u8>, bool, Option<FetchError>) {
    let mut body = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                let room = cap.saturating_sub(body.len());
                if chunk.len() > room {
                    body.extend_from_slice(&chunk[..room]);
                    return (body, true, None);
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return (body, false, None),
            Err(e) => return (body, false, Some(classify(&e))),
        }
    }
}

/// Parses `Retry-After` as seconds or an HTTP date.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let delta = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(delta.to_std().unwrap_or(Duration::ZERO))
}

fn classify(e: &reqwest::Error) -> FetchError {
    let kind = if e.is_timeout() {
        FetchErrorKind::Timeout
    } else if e.is_connect() {
        if describe(e).to_ascii_lowercase().contains("certificate") || describe(e).contains("tls") {
            FetchErrorKind::Tls
        } else {
            FetchErrorKind::Connect
        }
    } else if e.is_body() || e.is_decode() {
        FetchErrorKind::Body
    } else {
        FetchErrorKind::Other
    };
    FetchError {
        kind,
        message: describe(e),
    }
}

/// The error and its sources on one line, without the URL reqwest prefixes.
fn describe(e: &reqwest::Error) -> String {
    let mut parts = vec![e.without_url_ref().to_string()];
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        src = s.source();
    }
    parts.join(": ")
}

trait WithoutUrlRef {
    fn without_url_ref(&self) -> String;
}

impl WithoutUrlRef for reqwest::Error {
    fn without_url_ref(&self) -> String {
        let s = self.to_string();
        match s.split_once(" for url (") {
            Some((head, _)) => head.to_string(),
            None => s,
        }
    }
}

/// True for loopback, private (RFC 1918 / ULA), link-local and unspecified hosts,
/// and `localhost` — places a public site's links must never send the crawler.
pub fn is_private_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => is_private_ip(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => is_private_ip(IpAddr::V6(ip)),
        Some(url::Host::Domain(d)) => {
            let d = d.to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
        None => false,
    }
}

fn is_private_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.octets()[0] == 0
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
                || v6
                    .to_ipv4_mapped()
                    .is_some_and(|v4| is_private_ip(IpAddr::V4(v4)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_hosts_are_recognised() {
        for u in [
            "http://127.0.0.1/",
            "http://10.1.2.3/",
            "http://169.254.169.254/latest",
            "http://[::1]/",
            "http://localhost:8080/",
            "http://192.168.0.1/",
            "http://[::ffff:10.0.0.1]/",
        ] {
            assert!(is_private_host(&Url::parse(u).unwrap()), "{u}");
        }
        assert!(!is_private_host(
            &Url::parse("http://www.kaifu.gov.cn/").unwrap()
        ));
        assert!(!is_private_host(&Url::parse("http://8.8.8.8/").unwrap()));
    }

    #[tokio::test]
    async fn a_public_site_never_leads_the_crawler_to_private_addresses() {
        let settings = FetchSettings {
            timeout: Duration::from_secs(1),
            retries: 0,
            max_body_bytes: 1024,
            max_retry_after: Duration::from_secs(1),
            ignore_robots: true,
            allow_private: false,
            backoff: Duration::from_millis(10),
        };
        let f = Fetcher::new(settings, Arc::new(Politeness::new(100.0))).unwrap();
        let start = Url::parse("http://www.kaifu.gov.cn/").unwrap();
        for hop in [
            "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.1:8080/",
            "http://[::1]/",
            "http://10.0.0.5/",
        ] {
            let err = f
                .guard(&start, &Url::parse(hop).unwrap())
                .await
                .expect("refused");
            assert_eq!(err.kind, FetchErrorKind::PrivateAddress, "{hop}");
        }
        // A private start (tests, an intranet audit) may stay private.
        let local = Url::parse("http://127.0.0.1:9/").unwrap();
        assert!(f.guard(&local, &local).await.is_none());
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, "3".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(3)));
        h.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        h.insert(RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&h), None);
    }
}
