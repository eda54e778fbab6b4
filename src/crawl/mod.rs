//! The crawler: frontier, scheduling and bookkeeping. Fetching, robots.txt,
//! sitemaps, scope and charset decoding live in the submodules; page analysis is
//! supplied by the caller through [`Analyzer`] and runs on the blocking pool, so
//! a parsed DOM never crosses an `.await`.

pub mod decode;
pub mod fetch;
pub mod politeness;
pub mod resources;
pub mod robots;
pub mod scope;
pub mod sitemap;
pub mod urlnorm;

use crate::config::AuditConfig;
use crate::error::AuditError;
use fetch::{FetchError, FetchErrorKind, FetchMode, FetchSettings, Fetched, Fetcher, Redirect};
use politeness::Politeness;
use serde::Serialize;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;
use tokio::task::JoinSet;
use url::Url;
use urlnorm::{LinkTarget, attachment_kind};

/// How a link is used on its page: followed by a person, or loaded as a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkHint {
    /// `<a>`, `<area>`, `<iframe>`, `<frame>`: a page the crawler may parse.
    Navigate,
    /// `<img>`, `<script>`, `<link>`: only checked.
    Resource,
}

/// A link found on a page, resolved against the page's base URL.
#[derive(Debug, Clone)]
pub struct Discovered {
    /// The resolved target.
    pub target: LinkTarget,
    /// How the page uses it.
    pub hint: LinkHint,
}

/// What the analyzer receives for each HTML page.
pub struct PageInput {
    /// The fetch result, body included.
    pub fetched: Fetched,
    /// Link hops from a start URL.
    pub depth: u32,
    /// True for the first start URL.
    pub is_home: bool,
    /// Same-site stylesheets the page links (for computed styles).
    pub stylesheets: Vec<resources::Resource>,
    /// Same-site scripts (home page only: headers and footers written by script).
    pub scripts: Vec<resources::Resource>,
}

/// What the analyzer hands back: links for the frontier plus its own output.
pub struct Analyzed<O> {
    /// Links found on the page.
    pub links: Vec<Discovered>,
    /// Encoding used to decode the page.
    pub charset: Option<String>,
    /// The page's `<title>`.
    pub title: Option<String>,
    /// Whatever the caller keeps per page (findings, summaries).
    pub output: O,
}

/// Parses and checks one page. Runs on tokio's blocking pool.
pub trait Analyzer: Send + Sync + 'static {
    /// Per-page result kept by the caller.
    type Output: Send + 'static;
    /// Analyses one fetched HTML page.
    fn analyze(&self, input: &PageInput) -> Analyzed<Self::Output>;
}

/// One fetched page (HTML, or a page URL that failed).
#[derive(Debug)]
pub struct PageRecord<O> {
    /// URL as linked.
    pub url: String,
    /// URL after redirects.
    pub final_url: String,
    /// Final HTTP status.
    pub status: Option<u16>,
    /// `Content-Type` header.
    pub content_type: Option<String>,
    /// Encoding used to decode.
    pub charset: Option<String>,
    /// Link hops from a start URL.
    pub depth: u32,
    /// `<title>`.
    pub title: Option<String>,
    /// Redirect chain.
    pub redirects: Vec<Redirect>,
    /// Fetch error, if any.
    pub error: Option<FetchError>,
    /// Body cut at the size cap.
    pub truncated: bool,
    /// Time for the whole fetch.
    pub elapsed_ms: u64,
    /// True for the home page.
    pub is_home: bool,
    /// The analyzer's output, for HTML pages that were parsed (boxed: the
    /// record list grows by doubling, and only its small part should).
    pub analysis: Option<Box<O>>,
}

/// Where a link points relative to the audited site (the national monitors' 站内 /
/// 域内 / 域外 split) and what it points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// 站内页面.
    SitePage,
    /// 站内附件.
    SiteAttachment,
    /// 站内图片.
    SiteImage,
    /// 域内 (same registered domain, other host) page.
    DomainPage,
    /// 域内附件.
    DomainAttachment,
    /// 域内图片.
    DomainImage,
    /// 域外页面.
    ExternalPage,
    /// 域外附件.
    ExternalAttachment,
    /// 域外图片.
    ExternalImage,
    /// Not a valid URL at all.
    InvalidUrl,
}

/// The checked state of one link target.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct LinkStatus {
    /// Target URL (or the raw text for invalid URLs).
    pub url: String,
    /// Classification.
    pub kind: LinkKind,
    /// Final HTTP status, if checked.
    pub status: Option<u16>,
    /// Error, if checked and failed.
    pub error: Option<FetchError>,
    /// Pages linking here (first few).
    pub found_on: Vec<String>,
    /// Pages linking here (all).
    pub found_on_count: usize,
    /// Linked from the home page.
    pub on_home: bool,
    /// True once a request was made.
    pub checked: bool,
}

/// Verdict on a checked link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkHealth {
    /// 2xx/3xx.
    Ok,
    /// 404/410/other 4xx-5xx, DNS or connection failure, invalid URL.
    Broken,
    /// 401/403/412/429/999, timeouts, robots: could not be verified, not counted as broken.
    Blocked,
    /// Not requested (out of scope, limits).
    Unchecked,
}

impl LinkStatus {
    /// Classifies the link's state.
    pub fn health(&self) -> LinkHealth {
        if self.kind == LinkKind::InvalidUrl {
            return LinkHealth::Broken;
        }
        if !self.checked {
            return LinkHealth::Unchecked;
        }
        if let Some(err) = &self.error {
            return match err.kind {
                FetchErrorKind::Timeout
                | FetchErrorKind::RobotsDisallowed
                | FetchErrorKind::PrivateAddress
                | FetchErrorKind::Tls => LinkHealth::Blocked,
                // A body that broke after a good status still proves the link exists.
                FetchErrorKind::Body if self.status.is_some_and(|s| s < 400) => LinkHealth::Ok,
                _ => LinkHealth::Broken,
            };
        }
        match self.status {
            Some(401 | 403 | 412 | 429 | 999) => LinkHealth::Blocked,
            Some(s) if s >= 400 => LinkHealth::Broken,
            Some(_) => LinkHealth::Ok,
            None => LinkHealth::Unchecked,
        }
    }
}

/// A limit that ended or narrowed the crawl, and what it left unreached.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct LimitHit {
    /// Which limit: `max-pages`, `max-depth`, `max-body-size`, `query-variants`,
    /// `interrupted`, `robots`.
    pub limit: String,
    /// Its value.
    pub value: String,
    /// How many URLs were not fetched or parsed because of it.
    pub not_reached: usize,
    /// A few of them.
    pub examples: Vec<String>,
}

/// Everything a crawl produced.
pub struct CrawlOutput<O> {
    /// Pages in fetch order; the home page first.
    pub pages: Vec<PageRecord<O>>,
    /// Every link target seen, checked or not.
    pub links: Vec<LinkStatus>,
    /// Limits that were hit.
    pub limits_hit: Vec<LimitHit>,
    /// Pages first found through sitemaps.
    pub sitemap_urls: usize,
    /// HTTP requests sent (retries included).
    pub requests: u64,
}

/// Shared flag that ends the crawl early (Ctrl-C); the report is still written.
#[derive(Default)]
pub struct StopSignal {
    stopped: AtomicBool,
    notify: Notify,
}

impl StopSignal {
    /// Asks the crawl to stop.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        self.notify.notify_waiters();
    }

    /// True once stop was asked.
    pub fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }
}

const MAX_FOUND_ON: usize = 10;
const MAX_URL_LEN: usize = 2048;
const MAX_SITEMAP_DOCS: usize = 50;
const MAX_LIMIT_EXAMPLES: usize = 10;

#[derive(Debug, Clone)]
struct Job {
    url: Url,
    depth: u32,
    mode: FetchMode,
    is_home: bool,
}

enum JobResult<O> {
    Page {
        job: Job,
        fetched: Fetched,
        analyzed: Option<Analyzed<O>>,
        duplicate_of: Option<String>,
    },
    Check {
        job: Job,
        fetched: Fetched,
    },
}

struct State {
    seen: HashSet<String>,
    links: HashMap<String, usize>,
    link_list: Vec<LinkStatus>,
    query_variants: HashMap<String, usize>,
    limits: HashMap<String, LimitHit>,
    pages_started: usize,
}

impl State {
    fn limit(&mut self, limit: &str, value: String, url: &str) {
        let entry = self
            .limits
            .entry(limit.to_string())
            .or_insert_with(|| LimitHit {
                limit: limit.to_string(),
                value,
                not_reached: 0,
                examples: Vec::new(),
            });
        entry.not_reached += 1;
        if entry.examples.len() < MAX_LIMIT_EXAMPLES {
            entry.examples.push(url.to_string());
        }
    }

    fn link_entry(&mut self, url: &str, kind: LinkKind) -> &mut LinkStatus {
        let idx = *self.links.entry(url.to_string()).or_insert_with(|| {
            self.link_list.push(LinkStatus {
                url: url.to_string(),
                kind,
                status: None,
                error: None,
                found_on: Vec::new(),
                found_on_count: 0,
                on_home: false,
                checked: false,
            });
            self.link_list.len() - 1
        });
        &mut self.link_list[idx]
    }
}

/// Crawls the site described by `cfg`, analysing every HTML page with `analyzer`.
///
/// Fails only when the crawl cannot start (home page unreachable, blocked or not
/// HTML); every later failure is recorded and the crawl goes on. `stop` ends the
/// crawl early with the partial result.
pub async fn crawl<A: Analyzer>(
    cfg: &AuditConfig,
    analyzer: Arc<A>,
    stop: Arc<StopSignal>,
) -> Result<CrawlOutput<A::Output>, AuditError> {
    let home = cfg
        .start_urls
        .first()
        .cloned()
        .ok_or_else(|| AuditError::Usage("no start URL".into()))?;
    let politeness = Arc::new(Politeness::new(cfg.rate));
    let fetcher = Arc::new(
        Fetcher::new(
            FetchSettings {
                timeout: cfg.timeout,
                retries: cfg.retries,
                max_body_bytes: cfg.max_body_bytes,
                max_retry_after: cfg.max_retry_after,
                ignore_robots: cfg.ignore_robots,
                allow_private: fetch::is_private_host(&home),
                backoff: Duration::from_millis(500),
            },
            politeness,
        )
        .map_err(AuditError::Start)?,
    );
    let shared_seen: Arc<Mutex<HashSet<String>>> = Arc::default();
    let cache: Arc<resources::ResourceCache> = Arc::default();
    let mut state = State {
        seen: HashSet::new(),
        links: HashMap::new(),
        link_list: Vec::new(),
        query_variants: HashMap::new(),
        limits: HashMap::new(),
        pages_started: 0,
    };
    let progress = Progress::new(cfg.progress);
    let mut out = CrawlOutput {
        pages: Vec::new(),
        links: Vec::new(),
        limits_hit: Vec::new(),
        sitemap_urls: 0,
        requests: 0,
    };

    // The home page first, alone: if it fails, the audit cannot start (exit 3).
    let home_job = Job {
        url: home.clone(),
        depth: 0,
        mode: FetchMode::Page,
        is_home: true,
    };
    state.seen.insert(home.to_string());
    state.pages_started += 1;
    let first = run_job(
        home_job,
        fetcher.clone(),
        analyzer.clone(),
        shared_seen.clone(),
        cache.clone(),
    )
    .await;
    if let JobResult::Page {
        fetched, analyzed, ..
    } = &first
    {
        start_check(fetched, analyzed.is_some())?;
    }
    let mut frontier: VecDeque<Job> = VecDeque::new();
    handle_result(first, cfg, &mut state, &mut frontier, &mut out);

    for extra in cfg.start_urls.iter().skip(1) {
        if state.seen.insert(extra.to_string()) {
            frontier.push_back(Job {
                url: extra.clone(),
                depth: 0,
                mode: FetchMode::Page,
                is_home: false,
            });
        }
    }
    // Sitemap pages wait until the links run out, so a page keeps the depth at
    // which navigation reaches it (a sitemap listing every page would otherwise
    // make them all depth 1); what only the sitemap names is crawled last.
    let mut sitemap_backlog = sitemap_pages(cfg, &fetcher, &home).await;
    let mut links_exhausted = false;

    let mut inflight: JoinSet<JobResult<A::Output>> = JoinSet::new();
    loop {
        if stop.is_stopped() {
            break;
        }
        while inflight.len() < cfg.concurrency {
            let job = match frontier.pop_front() {
                Some(job) => job,
                None => {
                    links_exhausted |= inflight.is_empty();
                    if !links_exhausted {
                        break;
                    }
                    let Some(job) = next_sitemap_job(&mut sitemap_backlog, &mut state) else {
                        break;
                    };
                    out.sitemap_urls += 1;
                    job
                }
            };
            if job.mode == FetchMode::Page {
                if state.pages_started >= cfg.max_pages {
                    state.limit("max-pages", cfg.max_pages.to_string(), job.url.as_str());
                    continue;
                }
                state.pages_started += 1;
            }
            inflight.spawn(run_job(
                job,
                fetcher.clone(),
                analyzer.clone(),
                shared_seen.clone(),
                cache.clone(),
            ));
        }
        if inflight.is_empty() {
            break;
        }
        let next = tokio::select! {
            r = inflight.join_next() => r,
            _ = stop.notify.notified() => None,
        };
        if let Some(Ok(result)) = next {
            handle_result(result, cfg, &mut state, &mut frontier, &mut out);
            progress.update(
                out.pages.len(),
                frontier.len() + inflight.len(),
                state.link_list.len(),
            );
        }
    }
    if stop.is_stopped() {
        let pending = frontier.len() + inflight.len() + sitemap_backlog.len();
        inflight.abort_all();
        let mut hit = LimitHit {
            limit: "interrupted".into(),
            value: "Ctrl-C".into(),
            not_reached: pending,
            examples: Vec::new(),
        };
        hit.examples = frontier
            .iter()
            .take(MAX_LIMIT_EXAMPLES)
            .map(|j| j.url.to_string())
            .collect();
        state.limits.insert(hit.limit.clone(), hit);
    }
    progress.finish();
    let mut limits: Vec<LimitHit> = state.limits.into_values().collect();
    limits.sort_by(|a, b| a.limit.cmp(&b.limit));
    out.limits_hit = limits;
    out.links = state.link_list;
    Ok(out)
}

/// The home page must answer with HTML, or the audit has nothing to stand on.
fn start_check(fetched: &Fetched, parsed: bool) -> Result<(), AuditError> {
    let url = &fetched.url;
    if let Some(err) = &fetched.error
        && (fetched.status.is_none() || err.kind != FetchErrorKind::Body)
    {
        let hint = if err.kind == FetchErrorKind::RobotsDisallowed {
            " (use --ignore-robots only with the site owner's consent)"
        } else {
            ""
        };
        return Err(AuditError::Start(format!(
            "cannot start: home page {url} {}: {}{hint}",
            match err.kind {
                FetchErrorKind::RobotsDisallowed => "is blocked by robots.txt",
                FetchErrorKind::Timeout => "timed out",
                _ => "is unreachable",
            },
            err.message
        )));
    }
    match fetched.status {
        Some(s) if s >= 400 => Err(AuditError::Start(format!(
            "cannot start: home page {url} answered HTTP {s}"
        ))),
        _ if !parsed => Err(AuditError::Start(format!(
            "cannot start: home page {url} is not HTML (Content-Type: {})",
            fetched.content_type.as_deref().unwrap_or("none")
        ))),
        _ => Ok(()),
    }
}

async fn run_job<A: Analyzer>(
    job: Job,
    fetcher: Arc<Fetcher>,
    analyzer: Arc<A>,
    shared_seen: Arc<Mutex<HashSet<String>>>,
    cache: Arc<resources::ResourceCache>,
) -> JobResult<A::Output> {
    let fetched = fetcher.fetch(&job.url, job.mode).await;
    if job.mode == FetchMode::Check {
        return JobResult::Check { job, fetched };
    }
    let ok = fetched.status.is_some_and(|s| (200..300).contains(&s))
        && fetched
            .error
            .as_ref()
            .is_none_or(|e| e.kind == FetchErrorKind::Body);
    if !ok || !looks_like_html(&fetched) {
        return JobResult::Page {
            job,
            fetched,
            analyzed: None,
            duplicate_of: None,
        };
    }
    // Two links that lead (directly or by redirect) to the same page: parse it once.
    {
        let mut seen = shared_seen.lock().unwrap_or_else(|e| e.into_inner());
        if !seen.insert(fetched.final_url.to_string()) {
            let dup = fetched.final_url.to_string();
            drop(seen);
            return JobResult::Page {
                job,
                fetched,
                analyzed: None,
                duplicate_of: Some(dup),
            };
        }
    }
    let stylesheets = cache
        .get_all(
            &fetcher,
            resources::linked_stylesheets(&fetched.body, &fetched.final_url),
        )
        .await;
    let scripts = if job.is_home {
        cache
            .get_all(
                &fetcher,
                resources::linked_scripts(&fetched.body, &fetched.final_url),
            )
            .await
    } else {
        Vec::new()
    };
    let input = PageInput {
        fetched,
        depth: job.depth,
        is_home: job.is_home,
        stylesheets,
        scripts,
    };
    let joined = tokio::task::spawn_blocking(move || {
        let analyzed = analyzer.analyze(&input);
        (input, analyzed)
    })
    .await;
    match joined {
        Ok((mut input, analyzed)) => {
            input.fetched.body = Vec::new();
            JobResult::Page {
                job,
                fetched: input.fetched,
                analyzed: Some(analyzed),
                duplicate_of: None,
            }
        }
        Err(e) => {
            // A panic inside analysis must not end the crawl: record it on the page.
            let mut fetched = Fetched {
                url: job.url.clone(),
                final_url: job.url.clone(),
                status: None,
                redirects: Vec::new(),
                content_type: None,
                body: Vec::new(),
                truncated: false,
                error: None,
                attempts: 0,
                elapsed: Duration::ZERO,
            };
            fetched.error = Some(FetchError {
                kind: FetchErrorKind::Other,
                message: format!("page analysis failed: {e}"),
            });
            JobResult::Page {
                job,
                fetched,
                analyzed: None,
                duplicate_of: None,
            }
        }
    }
}

/// HTML by `Content-Type`, or — with no usable type — by the first bytes.
fn looks_like_html(f: &Fetched) -> bool {
    let ct = f.content_type.as_deref().unwrap_or("").to_ascii_lowercase();
    if ct.contains("text/html") || ct.contains("application/xhtml") {
        return true;
    }
    if !ct.is_empty() && !ct.starts_with("text/plain") && !ct.contains("octet-stream") {
        return false;
    }
    let head = &f.body[..f.body.len().min(1024)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    lower.contains("<html")
        || lower.contains("<!doctype html")
        || lower.contains("<head")
        || lower.contains("<body")
}

fn handle_result<O>(
    result: JobResult<O>,
    cfg: &AuditConfig,
    state: &mut State,
    frontier: &mut VecDeque<Job>,
    out: &mut CrawlOutput<O>,
) {
    match result {
        JobResult::Check { job, fetched } => {
            out.requests += u64::from(fetched.attempts);
            let kind = classify_link(cfg, &job.url);
            record_status(state.link_entry(job.url.as_str(), kind), &fetched);
        }
        JobResult::Page {
            job,
            fetched,
            analyzed,
            duplicate_of,
        } => {
            out.requests += u64::from(fetched.attempts);
            let kind = classify_link(cfg, &job.url);
            record_status(state.link_entry(job.url.as_str(), kind), &fetched);
            if fetched.truncated {
                state.limit(
                    "max-body-size",
                    format!("{} bytes", cfg.max_body_bytes),
                    job.url.as_str(),
                );
            }
            if duplicate_of.is_some() && fetched.redirects.is_empty() {
                return;
            }
            if fetched
                .error
                .as_ref()
                .is_some_and(|e| e.kind == FetchErrorKind::RobotsDisallowed)
                && !job.is_home
            {
                // Not fetched at all: a limit, not a failed page.
                state.limit("robots", "robots.txt".into(), job.url.as_str());
                return;
            }
            let html = analyzed.is_some();
            let failed = fetched.error.is_some() || fetched.status.is_none_or(|s| s >= 400);
            if !html && !failed && duplicate_of.is_none() {
                // A non-HTML answer (a PDF behind an extension-less link): a resource, not a page.
                return;
            }
            let page_url = job.url.to_string();
            let (charset, title, output, links) = match analyzed {
                Some(a) => (a.charset, a.title, Some(Box::new(a.output)), a.links),
                None => (None, None, None, Vec::new()),
            };
            out.pages.push(PageRecord {
                url: page_url.clone(),
                final_url: fetched.final_url.to_string(),
                status: fetched.status,
                content_type: fetched.content_type.clone(),
                charset,
                depth: job.depth,
                title,
                redirects: fetched.redirects.clone(),
                error: fetched.error.clone(),
                truncated: fetched.truncated,
                elapsed_ms: fetched.elapsed.as_millis() as u64,
                is_home: job.is_home,
                analysis: output,
            });
            for link in links {
                enqueue_link(link, &page_url, &job, cfg, state, frontier);
            }
        }
    }
}

fn record_status(entry: &mut LinkStatus, fetched: &Fetched) {
    entry.checked = true;
    entry.status = fetched.status;
    entry.error = fetched.error.clone();
}

fn enqueue_link(
    link: Discovered,
    page_url: &str,
    from: &Job,
    cfg: &AuditConfig,
    state: &mut State,
    frontier: &mut VecDeque<Job>,
) {
    let url = match link.target {
        LinkTarget::Http(u) => u,
        LinkTarget::NotFetched(_) => return,
        LinkTarget::Invalid(raw) => {
            let entry = state.link_entry(&raw, LinkKind::InvalidUrl);
            add_found_on(entry, page_url, from.is_home);
            return;
        }
    };
    let key = url.to_string();
    let internal_host = cfg.scope.is_internal_host(&url);
    if (!internal_host && !cfg.check_external) || cfg.scope.is_excluded(&url) {
        return;
    }
    let kind = classify_link(cfg, &url);
    add_found_on(state.link_entry(&key, kind), page_url, from.is_home);
    if !state.seen.insert(key.clone()) {
        return;
    }
    let crawlable = link.hint == LinkHint::Navigate
        && attachment_kind(&url).is_none()
        && cfg.scope.should_crawl(&url);
    let depth = from.depth + 1;
    let mut mode = FetchMode::Check;
    if crawlable {
        if key.len() > MAX_URL_LEN {
            state.limit("url-length", MAX_URL_LEN.to_string(), &key);
            return;
        }
        if url.query().is_some() {
            let path_key = format!("{}{}", url.origin().ascii_serialization(), url.path());
            let n = state.query_variants.entry(path_key).or_insert(0);
            *n += 1;
            if *n > cfg.max_query_variants {
                state.limit("query-variants", cfg.max_query_variants.to_string(), &key);
                return;
            }
        }
        if depth > cfg.max_depth {
            // Beyond the depth limit the page is still checked, just not parsed.
            state.limit("max-depth", cfg.max_depth.to_string(), &key);
        } else {
            mode = FetchMode::Page;
        }
    }
    frontier.push_back(Job {
        url,
        depth,
        mode,
        is_home: false,
    });
}

fn add_found_on(entry: &mut LinkStatus, page_url: &str, on_home: bool) {
    entry.found_on_count += 1;
    entry.on_home |= on_home;
    if entry.found_on.len() < MAX_FOUND_ON && !entry.found_on.iter().any(|p| p == page_url) {
        entry.found_on.push(page_url.to_string());
    }
}

/// 站内 / 域内 / 域外 × page / attachment / image.
fn classify_link(cfg: &AuditConfig, url: &Url) -> LinkKind {
    let what = attachment_kind(url);
    let place = if cfg.scope.is_internal_host(url) {
        0
    } else if same_registered_domain(cfg, url) {
        1
    } else {
        2
    };
    match (place, what) {
        (0, None) => LinkKind::SitePage,
        (0, Some("image")) => LinkKind::SiteImage,
        (0, _) => LinkKind::SiteAttachment,
        (1, None) => LinkKind::DomainPage,
        (1, Some("image")) => LinkKind::DomainImage,
        (1, _) => LinkKind::DomainAttachment,
        (_, None) => LinkKind::ExternalPage,
        (_, Some("image")) => LinkKind::ExternalImage,
        (_, _) => LinkKind::ExternalAttachment,
    }
}

/// Same registered domain: the last three labels for `*.gov.cn`-style two-part
/// suffixes, otherwise the last two.
fn same_registered_domain(cfg: &AuditConfig, url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let reg = |h: &str| -> String {
        let labels: Vec<&str> = h.split('.').collect();
        let two_part_suffix = labels.len() >= 3
            && matches!(
                labels[labels.len() - 2],
                "gov" | "com" | "org" | "edu" | "net" | "ac"
            )
            && labels[labels.len() - 1].len() == 2;
        let keep = if two_part_suffix { 3 } else { 2 };
        labels[labels.len().saturating_sub(keep)..].join(".")
    };
    if url
        .host()
        .is_some_and(|h| !matches!(h, url::Host::Domain(_)))
    {
        return false;
    }
    let target = reg(host);
    cfg.scope.hosts().iter().any(|h| reg(h) == target)
}

/// The next sitemap page no link has led to yet, as a depth-1 job.
fn next_sitemap_job(backlog: &mut VecDeque<Box<str>>, state: &mut State) -> Option<Job> {
    while let Some(raw) = backlog.pop_front() {
        let Ok(u) = Url::parse(&raw) else { continue };
        if state.seen.insert(u.to_string()) {
            state.link_entry(u.as_str(), LinkKind::SitePage);
            return Some(Job {
                url: u,
                depth: 1,
                mode: FetchMode::Page,
                is_home: false,
            });
        }
    }
    None
}

/// The crawlable pages the site's sitemaps list (robots.txt `Sitemap:` lines,
/// else `/sitemap.xml`; sitemap indexes followed), normalised, as text (a parsed
/// URL per page of a 50,000-page sitemap would cost twice the memory).
async fn sitemap_pages(cfg: &AuditConfig, fetcher: &Fetcher, home: &Url) -> VecDeque<Box<str>> {
    let robots = fetcher.robots_for(home).await;
    // Sitemap lines should be absolute; resolve relative ones against the home page.
    let mut queue: VecDeque<Url> = robots
        .sitemaps()
        .iter()
        .filter_map(|s| home.join(s.trim()).ok())
        .collect();
    if queue.is_empty()
        && let Ok(u) = home.join("/sitemap.xml")
    {
        queue.push_back(u);
    }
    let mut docs = 0;
    let mut pages = VecDeque::new();
    let mut listed = HashSet::new();
    let mut visited = HashSet::new();
    while let Some(sm) = queue.pop_front() {
        if docs >= MAX_SITEMAP_DOCS || !visited.insert(sm.to_string()) {
            continue;
        }
        docs += 1;
        let fetched = fetcher.fetch(&sm, FetchMode::Page).await;
        if fetched.status != Some(200) {
            continue;
        }
        let Ok(doc) = sitemap::parse_sitemap(&fetched.body) else {
            continue;
        };
        for nested in doc.sitemaps {
            if let Ok(u) = sm.join(nested.trim()) {
                queue.push_back(u);
            }
        }
        for page in doc.pages {
            let Ok(u) = Url::parse(&page) else { continue };
            let u = urlnorm::normalize(u);
            if !cfg.scope.should_crawl(&u) || attachment_kind(&u).is_some() {
                continue;
            }
            if listed.insert(u.to_string()) {
                pages.push_back(u.as_str().into());
            }
        }
    }
    pages
}

/// A progress line on stderr when it is a terminal and progress was asked for.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(enabled: bool) -> Progress {
        use std::io::IsTerminal;
        if !enabled || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new_spinner();
        if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(Some(bar))
    }

    fn update(&self, pages: usize, queued: usize, links: usize) {
        if let Some(bar) = &self.0 {
            bar.set_message(format!(
                "已抓取 {pages} 页 · 待抓取 {queued} · 已发现链接 {links}"
            ));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
