//! 适老化 pack end to end on loopback fixture sites.

mod support;

use chrono::NaiveDate;
use govaudit::audit::run_audit;
use govaudit::config::AuditConfig;
use govaudit::crawl::StopSignal;
use govaudit::report::model::Report;
use govaudit::rules::Catalog;
use std::sync::Arc;
use support::{Reply, page, serve};
use url::Url;

async fn audit(s: &support::TestServer) -> Report {
    let mut cfg = AuditConfig::with_defaults(
        "t".into(),
        vec![Url::parse(&s.url("/")).unwrap()],
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    );
    cfg.rate = 1000.0;
    cfg.check_external = false;
    run_audit(
        &cfg,
        Arc::new(Catalog::embedded().unwrap()),
        Arc::new(StopSignal::default()),
    )
    .await
    .map_err(|e| e.error)
    .unwrap()
}

fn findings<'a>(r: &'a Report, rule: &str) -> Vec<&'a govaudit::checks::Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn outcome(f: &govaudit::checks::Finding) -> String {
    serde_json::to_value(f.outcome)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn toolbar_and_care_entry_written_by_a_same_site_script_are_found() {
    let s = serve(vec![
        ("/", page("首页", r#"<div id="top"></div><script src="/js/head.js"></script><p>正文</p>"#)),
        ("/js/head.js", Reply::bytes("application/javascript", "document.write('<a href=\"/care/\">关怀版</a> <a href=\"javascript:;\" id=\"cniil_wza\">无障碍</a>');".as_bytes().to_vec())),
    ])
    .await;
    let r = audit(&s).await;
    assert!(
        findings(&r, "elderly.care-mode-entry").is_empty(),
        "{:?}",
        findings(&r, "elderly.care-mode-entry")
    );
    assert!(findings(&r, "elderly.assist-toolbar").is_empty());
    let care = r.site_features.care_mode_entry.as_ref().unwrap();
    assert_eq!(care.state, "found");
    assert!(care.value.as_deref().unwrap().contains("/js/head.js"));
}

#[tokio::test]
async fn unreachable_header_script_is_cant_tell_and_a_bare_page_fails() {
    let s = serve(vec![(
        "/",
        page(
            "首页",
            r#"<script src="/js/missing.js"></script><p>正文</p>"#,
        ),
    )])
    .await;
    let r = audit(&s).await;
    let care = findings(&r, "elderly.care-mode-entry");
    assert_eq!(care.len(), 1);
    assert_eq!(outcome(care[0]), "cantTell");
    assert!(care[0].message.contains("/js/missing.js"));
    assert_eq!(
        r.site_features
            .accessibility_toolbar
            .as_ref()
            .unwrap()
            .state,
        "cantTell"
    );

    let bare = serve(vec![("/", page("首页", "<p>正文</p>"))]).await;
    let r = audit(&bare).await;
    assert_eq!(
        outcome(findings(&r, "elderly.care-mode-entry")[0]),
        "failed"
    );
    let elderly = r.score.packs.iter().find(|p| p.id == "elderly").unwrap();
    assert!(
        !elderly.vetoes.is_empty() && !elderly.passed,
        "a missing care entry is a pack veto"
    );
}

#[tokio::test]
async fn small_font_in_a_linked_stylesheet_on_a_gbk_page() {
    let mut body = b"<html lang=\"zh-CN\"><head><meta charset=\"gbk\"><title>".to_vec();
    body.extend(encoding_rs::GBK.encode("通知").0.iter());
    body.extend(b"</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><div class=\"content\"><p>");
    body.extend(
        encoding_rs::GBK
            .encode("关于做好冬季森林防火工作的通知，请各单位认真落实。")
            .0
            .iter(),
    );
    body.extend(b"</p></div></body></html>");
    let s = serve(vec![
        ("/", Reply::bytes("text/html", body)),
        (
            "/css/site.css",
            Reply::bytes(
                "text/css",
                b".content p { font-size: 10px; line-height: 1.1 }".to_vec(),
            ),
        ),
    ])
    .await;
    let r = audit(&s).await;
    let small = findings(&r, "elderly.min-font-size");
    assert_eq!(small.len(), 1, "{small:?}");
    assert!(
        small[0].message.contains("10.0px") && small[0].message.contains("/css/site.css"),
        "{}",
        small[0].message
    );
    let lh = findings(&r, "elderly.line-height");
    assert_eq!(lh.len(), 1);
    assert!(lh[0].message.contains("1.10"));
}

#[tokio::test]
async fn inherited_contrast_fixed_nav_and_floating_ad() {
    let s = serve(vec![(
        "/",
        page(
            "首页",
            r#"<style>.grey{color:#aaa}</style>
            <div style="position:fixed;top:0;left:0"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">办事服务</a><a href="/c">互动交流</a><img src="/logo.png" alt="logo"></div>
            <div class="grey"><p>继承了浅灰色的正文文字</p></div>
            <div id="floatAd" style="position:fixed;right:0;bottom:0"><img src="/ad.gif" alt="宣传"><span>关闭</span></div>
            <a href="/app" class="btn">立即下载</a>"#,
        ),
    )])
    .await;
    let r = audit(&s).await;
    let contrast = findings(&r, "elderly.contrast");
    assert_eq!(contrast.len(), 1);
    assert!(contrast[0].message.contains("#aaaaaa"));
    let ads = findings(&r, "elderly.floating-ad");
    assert_eq!(
        ads.len(),
        1,
        "the fixed navigation bar is not an ad: {ads:?}"
    );
    assert!(ads[0].selector.as_deref().unwrap().contains("floatAd"));
    assert_eq!(findings(&r, "elderly.inducement").len(), 1);
    let elderly = r.score.packs.iter().find(|p| p.id == "elderly").unwrap();
    assert!(
        elderly
            .vetoes
            .iter()
            .any(|v| v.contains("elderly.floating-ad"))
    );
}

#[tokio::test]
async fn care_page_is_judged_with_care_thresholds() {
    let s = serve(vec![
        (
            "/",
            page(
                "首页",
                r#"<a href="/care/">关怀版</a><a href="/news.html">新闻</a>"#,
            ),
        ),
        (
            "/care/",
            page(
                "关怀版",
                r#"<p style="font-size:16px">关怀版正文十六像素</p>"#,
            ),
        ),
        (
            "/news.html",
            page(
                "新闻",
                r#"<p style="font-size:16px">普通页面正文十六像素</p>"#,
            ),
        ),
    ])
    .await;
    let r = audit(&s).await;
    let small = findings(&r, "elderly.min-font-size");
    assert_eq!(small.len(), 1, "{small:?}");
    assert!(small[0].url.ends_with("/care/"));
}
