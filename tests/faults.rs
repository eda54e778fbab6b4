//! The fault suite: hostile servers and pages. For each trap the audit finishes,
//! the problem is reported on that page, and the report is produced. Bounded by
//! short timeouts; no timed assertions.

mod support;

use chrono::NaiveDate;
use govaudit::audit::run_audit;
use govaudit::config::AuditConfig;
use govaudit::crawl::StopSignal;
use govaudit::report::model::Report;
use govaudit::rules::Catalog;
use std::sync::Arc;
use std::time::Duration;
use support::{Reply, audit, page, serve};
use url::Url;

fn config(start: &str) -> AuditConfig {
    let mut c = AuditConfig::with_defaults(
        "faults".into(),
        vec![Url::parse(start).unwrap()],
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    );
    c.rate = 1000.0;
    c.concurrency = 8;
    c.timeout = Duration::from_secs(2);
    c.retries = 1;
    c.max_retry_after = Duration::from_secs(2);
    c.check_external = false;
    c
}

fn broken<'a>(r: &'a Report, suffix: &str) -> Option<&'a govaudit::report::model::BrokenLink> {
    r.links
        .broken
        .iter()
        .chain(r.links.blocked.iter())
        .find(|b| b.url.ends_with(suffix))
}

fn integrity(r: &Report, suffix: &str) -> Option<String> {
    r.findings
        .iter()
        .find(|f| f.rule == "health.page-integrity" && f.url.ends_with(suffix))
        .map(|f| f.message.clone())
}

#[tokio::test]
async fn trickled_headers_endless_body_and_reset() {
    let evil = support::evil::serve_evil().await;
    let r = audit(&config(&evil.url("/"))).await;
    let trickle = broken(&r, "/trickle").expect("trickled headers reported");
    assert!(
        trickle
            .error
            .as_deref()
            .unwrap_or("")
            .to_lowercase()
            .contains("time"),
        "{trickle:?}"
    );
    // The endless body is cut by the timeout or the size cap; either way it is reported.
    let endless = r
        .pages
        .iter()
        .find(|p| p.url.ends_with("/endless"))
        .expect("endless page recorded");
    assert!(endless.error.is_some() || endless.truncated, "{endless:?}");
    let reset = r
        .pages
        .iter()
        .find(|p| p.url.ends_with("/reset"))
        .expect("reset page recorded");
    assert!(reset.error.is_some(), "{reset:?}");
}

#[tokio::test]
async fn gzip_bomb_and_huge_single_line_page_are_capped() {
    // 256 MiB of zeros compressed to a few hundred KiB.
    let bomb = {
        use flate2::{Compression, write::GzEncoder};
        use std::io::Write;
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        let zeros = vec![b' '; 1 << 20];
        e.write_all(b"<html><body><p>").unwrap();
        for _ in 0..256 {
            e.write_all(&zeros).unwrap();
        }
        e.finish().unwrap()
    };
    let long_line = format!(
        "<html lang=zh><title>长</title><body><p>{}</p></body></html>",
        "长".repeat(7_000_000)
    );
    let s = serve(vec![
        (
            "/",
            page(
                "首页",
                r#"<a href="/bomb.html">bomb</a><a href="/long.html">long</a>"#,
            ),
        ),
        (
            "/bomb.html",
            Reply::Raw {
                status: 200,
                headers: vec![
                    ("content-type".into(), "text/html".into()),
                    ("content-encoding".into(), "gzip".into()),
                ],
                body: bomb,
            },
        ),
        ("/long.html", Reply::Html(long_line)),
    ])
    .await;
    let r = audit(&config(&s.url("/"))).await;
    for p in ["/bomb.html", "/long.html"] {
        let page = r.pages.iter().find(|x| x.url.ends_with(p)).unwrap();
        assert!(page.truncated, "{p} truncated at 10 MiB");
        assert!(
            integrity(&r, p).unwrap_or_default().contains("截断"),
            "{p} reported"
        );
    }
    assert!(
        r.limits_hit
            .iter()
            .any(|l| l.limit == "max-body-size" && l.not_reached == 2)
    );
}

#[tokio::test]
async fn link_floods_redirect_chains_calendars_and_session_ids() {
    let flood: String = (0..100_000)
        .map(|i| format!("<a href=\"/f{i}.html\">{i}</a>"))
        .collect();
    let mut routes: Vec<(String, Reply)> = vec![
        (
            "/".into(),
            page(
                "首页",
                r#"<a href="/flood.html">flood</a><a href="/hop0">chain</a><a href="/cal?date=0">calendar</a><a href="/s?sid=0">session</a>"#,
            ),
        ),
        ("/flood.html".into(), page("flood", &flood)),
    ];
    for i in 0..25 {
        routes.push((
            format!("/hop{i}"),
            Reply::Redirect(302, format!("/hop{}", i + 1)),
        ));
    }
    for i in 0..200 {
        routes.push((
            format!("/cal?date={i}"),
            page(
                "日历",
                &format!(r#"<a href="/cal?date={}">下一天</a>"#, i + 1),
            ),
        ));
        routes.push((
            format!("/s?sid={i}"),
            page("会话", &format!(r#"<a href="/s?sid={}">继续</a>"#, i + 1)),
        ));
    }
    let s = support::serve_at(move |_| routes).await;
    let mut cfg = config(&s.url("/flood.html"));
    cfg.max_pages = 300;
    let r = audit(&cfg).await;
    assert!(
        r.limits_hit.iter().any(|l| l.limit == "max-pages"),
        "the flood stops at max-pages: {:?}",
        r.limits_hit
    );
    // The traps, crawled from the home page without the flood's page budget.
    let mut cfg = config(&s.url("/"));
    cfg.max_depth = 1000;
    cfg.scope = govaudit::crawl::scope::Scope::new(
        &["127.0.0.1".into()],
        vec![],
        vec![regex::Regex::new("/flood|/f[0-9]").unwrap()],
    );
    let r = audit(&cfg).await;
    let chain = r
        .links
        .broken
        .iter()
        .find(|b| b.url.ends_with("/hop0"))
        .expect("25-hop chain reported");
    assert!(
        chain.error.as_deref().unwrap_or("").contains("redirects"),
        "{chain:?}"
    );
    assert!(
        r.limits_hit.iter().any(|l| l.limit == "query-variants"),
        "calendar and session traps capped"
    );
    assert!(r.pages.iter().filter(|p| p.url.contains("/cal?")).count() <= 51);
}

#[tokio::test]
async fn server_errors_rate_limits_and_robots_failures() {
    let s = serve(vec![
        (
            "/",
            page(
                "首页",
                r#"<a href="/err.html">500</a><a href="/busy.html">429</a>"#,
            ),
        ),
        ("/err.html", Reply::status(500)),
        (
            "/busy.html",
            Reply::Raw {
                status: 429,
                headers: vec![("retry-after".into(), "1".into())],
                body: vec![],
            },
        ),
    ])
    .await;
    let r = audit(&config(&s.url("/"))).await;
    assert_eq!(broken(&r, "/err.html").unwrap().status, Some(500));
    assert_eq!(
        s.count("GET", "/err.html"),
        2,
        "retried once, then reported"
    );
    let busy = r
        .links
        .blocked
        .iter()
        .find(|b| b.url.ends_with("/busy.html"))
        .expect("429 is blocked, not broken");
    assert_eq!(busy.status, Some(429));

    // robots.txt answering 500 means "disallow all" (RFC 9309): the crawl cannot start.
    let s500 = serve(vec![
        ("/robots.txt", Reply::status(500)),
        ("/", page("首页", "")),
    ])
    .await;
    let failure = run_audit(
        &config(&s500.url("/")),
        Arc::new(Catalog::embedded().unwrap()),
        Arc::new(StopSignal::default()),
    )
    .await
    .unwrap_err();
    assert_eq!(failure.error.exit_code(), 3);
    assert!(failure.error.to_string().contains("robots"));
    // A 2 MB robots.txt is read up to 500 KiB and honoured.
    let mut big = b"User-agent: *\nDisallow: /private/\n".to_vec();
    big.extend(std::iter::repeat_n(b"# padding line\n".as_slice(), 150_000).flatten());
    let s2 = serve(vec![
        ("/robots.txt", Reply::bytes("text/plain", big)),
        ("/", page("首页", r#"<a href="/private/x.html">x</a>"#)),
        ("/private/x.html", page("x", "")),
    ])
    .await;
    audit(&config(&s2.url("/"))).await;
    assert_eq!(s2.count("GET", "/private/x.html"), 0);
}

#[tokio::test]
async fn broken_encodings_are_reported_on_their_page() {
    let s = serve(vec![
        ("/", page("首页", r#"<a href="/bad-utf8.html">a</a><a href="/nul.html">b</a><a href="/binary.html">c</a><a href="/bom.html">d</a>"#)),
        ("/bad-utf8.html", Reply::bytes("text/html; charset=utf-8", b"<html><title>\xff\xfe bad</title><p>\xc3\x28</p></html>".to_vec())),
        ("/nul.html", Reply::bytes("text/html", b"<html><title>nul</title><p>a\0b\0c\0</p></html>".to_vec())),
        ("/binary.html", Reply::bytes("text/html", (0u8..=255).cycle().take(20_000).collect())),
        ("/bom.html", Reply::bytes("text/html", [&[0xEFu8, 0xBB, 0xBF][..], "<meta charset=gbk><title>标题</title>".as_bytes()].concat())),
    ])
    .await;
    let r = audit(&config(&s.url("/"))).await;
    assert!(
        integrity(&r, "/bad-utf8.html")
            .unwrap()
            .contains("非法字节")
    );
    assert!(integrity(&r, "/nul.html").unwrap().contains("NUL"));
    assert!(integrity(&r, "/binary.html").is_some());
    assert!(integrity(&r, "/bom.html").unwrap().contains("矛盾"));
    assert_eq!(
        r.pages
            .iter()
            .find(|p| p.url.ends_with("/bom.html"))
            .unwrap()
            .title
            .as_deref(),
        Some("标题")
    );
}
