//! Crawler behaviour against loopback fixture sites (127.0.0.1 only).

mod support;

use chrono::NaiveDate;
use govaudit::audit::run_audit;
use govaudit::config::AuditConfig;
use govaudit::crawl::StopSignal;
use govaudit::report::model::Report;
use govaudit::rules::Catalog;
use std::sync::Arc;
use std::time::Duration;
use support::{Reply, TestServer, audit, page, serve, serve_at};
use url::Url;

fn config(server: &TestServer) -> AuditConfig {
    let mut c = AuditConfig::with_defaults(
        "test".into(),
        vec![Url::parse(&server.url("/")).unwrap()],
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    );
    c.rate = 500.0;
    c.concurrency = 4;
    c.timeout = Duration::from_secs(5);
    c
}

fn page_urls(r: &Report) -> Vec<String> {
    let mut v: Vec<String> = r.pages.iter().map(|p| p.url.clone()).collect();
    v.sort();
    v
}

#[tokio::test]
async fn every_linked_page_is_reached_exactly_once() {
    let s = serve(vec![
        ("/", page("首页", r#"<a href="/a.html">A</a> <a href="b.html#x">B</a> <a href="/a.html?">A again</a>"#)),
        ("/a.html", page("A", r#"<a href="/">home</a><a href="/c/">C</a><a href="/b.html">B</a>"#)),
        ("/b.html", page("B", r#"<a href="/c/index.html">C index</a><a href="http://127.0.0.1:1/x">dead</a>"#)),
        ("/c/", page("C", r#"<a href="../a.html">A</a>"#)),
        ("/c/index.html", page("C2", "")),
    ])
    .await;
    let r = audit(&config(&s)).await;
    for path in ["/", "/a.html", "/b.html", "/c/", "/c/index.html"] {
        assert_eq!(
            s.count("GET", path),
            1,
            "{path} fetched {} times",
            s.count("GET", path)
        );
    }
    assert_eq!(r.summary.pages_crawled, 5, "{:?}", page_urls(&r));
}

#[tokio::test]
async fn robots_disallow_is_honoured_and_sitemap_pages_are_found() {
    let s3 = serve_at(|origin| {
        let xml = format!(
            "<urlset><url><loc>{origin}/orphan.html</loc></url><url><loc>{origin}/deep.html</loc></url></urlset>"
        );
        let gz = {
            use flate2::{Compression, write::GzEncoder};
            use std::io::Write;
            let mut e = GzEncoder::new(Vec::new(), Compression::default());
            e.write_all(xml.as_bytes()).unwrap();
            e.finish().unwrap()
        };
        vec![
            (
                "/robots.txt".into(),
                Reply::bytes(
                    "text/plain",
                    b"User-agent: *\nDisallow: /private/\nSitemap: /sm.xml.gz\n".to_vec(),
                ),
            ),
            (
                "/".into(),
                page(
                    "首页",
                    r#"<a href="/private/x.html">secret</a><a href="/open.html">open</a>"#,
                ),
            ),
            ("/open.html".into(), page("open", r#"<a href="/deep.html">deep</a>"#)),
            ("/deep.html".into(), page("deep", "")),
            ("/private/x.html".into(), page("x", "")),
            ("/orphan.html".into(), page("孤立页面", "")),
            ("/sm.xml.gz".into(), Reply::bytes("application/gzip", gz)),
        ]
    })
    .await;
    let r = audit(&config(&s3)).await;
    assert_eq!(
        s3.count("GET", "/private/x.html") + s3.count("HEAD", "/private/x.html"),
        0
    );
    assert_eq!(s3.count("GET", "/robots.txt"), 1, "robots.txt fetched once");
    assert_eq!(
        s3.count("GET", "/orphan.html"),
        1,
        "sitemap-only page reached"
    );
    assert!(
        r.pages
            .iter()
            .any(|p| p.url.ends_with("/orphan.html") && p.title.as_deref() == Some("孤立页面"))
    );
    assert!(
        r.limits_hit
            .iter()
            .any(|l| l.limit == "robots" && l.not_reached == 1)
    );
    assert_eq!(
        r.summary.sitemap_pages, 1,
        "only the orphan was first found there"
    );
    // A page the sitemap lists keeps the depth at which links reach it.
    let deep = r
        .pages
        .iter()
        .find(|p| p.url.ends_with("/deep.html"))
        .unwrap();
    assert_eq!(deep.depth, 2);
    assert_eq!(s3.count("GET", "/deep.html"), 1);
}

#[tokio::test]
async fn scope_is_kept_external_links_only_checked() {
    let other = serve(vec![
        ("/", page("外站", r#"<a href="/deeper.html">deeper</a>"#)),
        ("/deeper.html", page("deeper", "")),
    ])
    .await;
    // "localhost" is another host name than 127.0.0.1: out of scope.
    let ext = format!("http://localhost:{}/", other.addr.port());
    let s = serve(vec![(
        "/",
        page("首页", &format!(r#"<a href="{ext}">外链</a>"#)),
    )])
    .await;
    let r = audit(&config(&s)).await;
    assert_eq!(
        other.count("GET", "/deeper.html"),
        0,
        "external site was crawled"
    );
    assert!(
        other.count("HEAD", "/") >= 1,
        "external link was not checked"
    );
    assert_eq!(r.summary.pages_crawled, 1);
    let mut no_ext = config(&s);
    no_ext.check_external = false;
    let before = other.hits().len();
    audit(&no_ext).await;
    assert_eq!(
        other.hits().len(),
        before,
        "--no-external still checked the link"
    );
}

#[tokio::test]
async fn redirect_chains_are_recorded_and_loops_reported() {
    let s = serve(vec![
        (
            "/",
            page(
                "首页",
                r#"<a href="/old">old</a><a href="/loop1">loop</a><a href="/new">same target</a>"#,
            ),
        ),
        ("/old", Reply::Redirect(301, "/mid".into())),
        ("/mid", Reply::Redirect(302, "/new".into())),
        ("/new", page("新页面", "")),
        ("/loop1", Reply::Redirect(302, "/loop2".into())),
        ("/loop2", Reply::Redirect(302, "/loop1".into())),
    ])
    .await;
    let r = audit(&config(&s)).await;
    let old = r
        .pages
        .iter()
        .find(|p| p.url.ends_with("/old"))
        .expect("old page recorded");
    assert_eq!(old.redirects.len(), 2);
    assert_eq!(old.redirects[0].status, 301);
    assert!(old.final_url.ends_with("/new"));
    assert!(r.links.broken.iter().any(|b| b.url.ends_with("/loop1") && b.error.as_deref().unwrap_or("").contains("loop")));
    assert!(s.count("GET", "/new") <= 2);
    assert_eq!(
        r.pages
            .iter()
            .filter(|p| p.title.as_deref() == Some("新页面"))
            .count(),
        1
    );
}

#[tokio::test]
async fn gbk_page_declared_only_in_meta_is_decoded() {
    let mut body = b"<html lang=\"zh-CN\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>".to_vec();
    body.extend(encoding_rs::GBK.encode("开福区人民政府门户网站").0.iter());
    body.extend(b"</title></head><body></body></html>");
    let s = serve(vec![("/", Reply::bytes("text/html", body))]).await;
    let r = audit(&config(&s)).await;
    assert_eq!(r.pages[0].title.as_deref(), Some("开福区人民政府门户网站"));
    assert_eq!(r.pages[0].charset.as_deref(), Some("GBK"));
}

#[tokio::test]
async fn broken_links_name_the_pages_they_are_on() {
    let s = serve(vec![
        ("/", page("首页", r#"<a href="/gone.html">gone</a><img src="/missing.png" alt="x"><a href="http://127.0.0.1:1/refused">refused</a><a href="http://[::1">bad</a>"#)),
        ("/a.html", page("A", r#"<a href="/gone.html">gone</a>"#)),
        ("/forbidden.pdf", Reply::status(403)),
    ])
    .await;
    let mut cfg = config(&s);
    cfg.start_urls.push(Url::parse(&s.url("/a.html")).unwrap());
    let r = audit(&cfg).await;
    let gone = r
        .links
        .broken
        .iter()
        .find(|b| b.url.ends_with("/gone.html"))
        .expect("404 reported");
    assert_eq!(gone.status, Some(404));
    assert_eq!(gone.found_on.len(), 2);
    assert!(gone.on_home);
    let img = r
        .links
        .broken
        .iter()
        .find(|b| b.url.ends_with("/missing.png"))
        .expect("image reported");
    assert_eq!(serde_json::to_value(img.kind).unwrap(), "site-image");
    let refused = r
        .links
        .broken
        .iter()
        .find(|b| b.url.contains(":1/refused"))
        .expect("refused reported");
    assert!(
        refused
            .error
            .as_deref()
            .unwrap_or("")
            .to_lowercase()
            .contains("refused"),
        "{refused:?}"
    );
    assert!(
        r.links
            .broken
            .iter()
            .any(|b| serde_json::to_value(b.kind).unwrap() == "invalid-url")
    );
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "health.broken-link" && f.url == s.url("/"))
    );
}

#[tokio::test]
async fn retries_503_then_200_and_honours_retry_after() {
    let s = serve(vec![
        ("/", page("首页", r#"<a href="/flaky.html">flaky</a>"#)),
        (
            "/flaky.html",
            Reply::Seq(vec![
                Reply::Raw {
                    status: 503,
                    headers: vec![("retry-after".into(), "1".into())],
                    body: vec![],
                },
                page("恢复", ""),
            ]),
        ),
    ])
    .await;
    let r = audit(&config(&s)).await;
    let flaky = r
        .pages
        .iter()
        .find(|p| p.url.ends_with("/flaky.html"))
        .unwrap();
    assert_eq!(flaky.status, Some(200));
    assert_eq!(s.count("GET", "/flaky.html"), 2);
    let hits: Vec<_> = s
        .hits()
        .into_iter()
        .filter(|h| h.path == "/flaky.html")
        .collect();
    assert!(
        hits[1].at - hits[0].at >= Duration::from_millis(950),
        "Retry-After not honoured"
    );
}

#[tokio::test]
async fn per_host_rate_is_respected() {
    let links: String = (0..6)
        .map(|i| format!(r#"<a href="/p{i}.html">p{i}</a>"#))
        .collect();
    let mut routes = vec![("/", page("首页", &links))];
    let names: Vec<String> = (0..6).map(|i| format!("/p{i}.html")).collect();
    for n in &names {
        routes.push((n.as_str(), page("p", "")));
    }
    let s = serve(routes).await;
    let mut cfg = config(&s);
    cfg.rate = 10.0;
    cfg.concurrency = 8;
    audit(&cfg).await;
    let mut times: Vec<_> = s.hits().iter().map(|h| h.at).collect();
    times.sort();
    assert!(times.len() >= 8, "robots, home, sitemap and 6 pages");
    // 10 req/s: consecutive requests at least ~100 ms apart (tolerance for timer jitter).
    for w in times.windows(2) {
        assert!(
            w[1] - w[0] >= Duration::from_millis(80),
            "requests {:?} apart",
            w[1] - w[0]
        );
    }
}

#[tokio::test]
async fn limits_stop_the_crawl_and_say_what_was_not_reached() {
    let mut routes = vec![(
        "/",
        page(
            "首页",
            r#"<a href="/d1.html">1</a><a href="/big.html">big</a>"#,
        ),
    )];
    routes.push(("/d1.html", page("d1", r#"<a href="/d2.html">2</a>"#)));
    routes.push(("/d2.html", page("d2", r#"<a href="/d3.html">3</a>"#)));
    routes.push(("/d3.html", page("d3", "")));
    let big = format!(
        "<html><head><title>big</title></head><body>{}</body></html>",
        "<p>大</p>".repeat(200_000)
    );
    routes.push(("/big.html", Reply::Html(big)));
    let s = serve(routes).await;

    let mut depth = config(&s);
    depth.max_depth = 1;
    let r = audit(&depth).await;
    assert!(
        r.limits_hit
            .iter()
            .any(|l| l.limit == "max-depth" && l.examples.iter().any(|e| e.ends_with("/d2.html")))
    );
    assert!(!r.pages.iter().any(|p| p.url.ends_with("/d2.html")));

    let mut pages = config(&s);
    pages.max_pages = 2;
    let r = audit(&pages).await;
    assert_eq!(r.pages.len(), 2);
    assert!(
        r.limits_hit
            .iter()
            .any(|l| l.limit == "max-pages" && l.not_reached >= 1)
    );

    let mut body = config(&s);
    body.max_body_bytes = 64 * 1024;
    let r = audit(&body).await;
    let big = r
        .pages
        .iter()
        .find(|p| p.url.ends_with("/big.html"))
        .unwrap();
    assert!(big.truncated);
    assert!(r.limits_hit.iter().any(|l| l.limit == "max-body-size"));
}

#[tokio::test]
async fn query_variants_are_capped() {
    let links: String = (0..30)
        .map(|i| format!(r#"<a href="/cal?date={i}">d{i}</a>"#))
        .collect();
    let s = serve(vec![("/", page("首页", &links))]).await;
    let mut cfg = config(&s);
    cfg.max_query_variants = 5;
    let r = audit(&cfg).await;
    let trap = r
        .limits_hit
        .iter()
        .find(|l| l.limit == "query-variants")
        .expect("trap guard");
    assert_eq!(trap.not_reached, 25);
}

#[tokio::test]
async fn stop_signal_ends_the_crawl_with_a_partial_report() {
    let links: String = (0..20)
        .map(|i| format!(r#"<a href="/slow{i}.html">s{i}</a>"#))
        .collect();
    let mut routes = vec![("/", page("首页", &links))];
    let names: Vec<String> = (0..20).map(|i| format!("/slow{i}.html")).collect();
    for n in &names {
        routes.push((
            n.as_str(),
            Reply::Delay(Duration::from_millis(300), Box::new(page("slow", ""))),
        ));
    }
    let s = serve(routes).await;
    let cfg = config(&s);
    let stop = Arc::new(StopSignal::default());
    let stopper = stop.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(500)).await;
        stopper.stop();
    });
    let r = run_audit(&cfg, Arc::new(Catalog::embedded().unwrap()), stop)
        .await
        .unwrap();
    let hit = r
        .limits_hit
        .iter()
        .find(|l| l.limit == "interrupted")
        .expect("interrupted recorded");
    assert!(hit.not_reached > 0);
    assert!(r.summary.pages_crawled < 21);
}
