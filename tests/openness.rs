//! 政务公开 and 网站健康 packs on fixture portals (loopback only).

mod support;

use chrono::{Duration as Days, NaiveDate};
use govaudit::audit::run_audit;
use govaudit::config::AuditConfig;
use govaudit::crawl::StopSignal;
use govaudit::report::model::Report;
use govaudit::rules::Catalog;
use std::sync::Arc;
use std::time::Duration;
use support::{Reply, page, serve};
use url::Url;

const AS_OF: (i32, u32, u32) = (2026, 11, 20);

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap()
}

fn days_ago(n: i64) -> String {
    (as_of() - Days::days(n)).to_string()
}

const FOOTER: &str = r#"<div class="footer"><a href="/sitemap.html">网站地图</a> <a href="/contact.html">联系我们</a>
 <a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4399000001">我为政府网站找错</a>
 网站标识码：4399000001 湘ICP备12345678号-1 湘公网安备 43990002000001号 <img src="/dzjg.png" alt="党政机关"></div>"#;

/// A list page of dated items.
fn list(name: &str, items: &[(String, String)], extra: &str) -> Reply {
    let lis: String = items
        .iter()
        .map(|(href, date)| {
            format!(r#"<li><a href="{href}">{name}相关工作情况通报</a><span>{date}</span></li>"#)
        })
        .collect();
    page(
        name,
        &format!(r#"<h1>{name}</h1><ul class="list">{lis}</ul>{extra}"#),
    )
}

struct Portal {
    routes: Vec<(String, Reply)>,
    nav: Vec<(String, String)>,
    home_items: Vec<(String, String)>,
    footer: String,
}

impl Portal {
    /// Every catalogue column, fresh, with the content checks satisfied.
    fn compliant() -> Portal {
        let catalog = Catalog::embedded().unwrap();
        let mut p = Portal {
            routes: vec![],
            nav: vec![],
            home_items: vec![],
            footer: FOOTER.into(),
        };
        for col in &catalog.columns {
            let path = format!("/{}/", col.id);
            let item = format!("/{}/t1.html", col.id);
            let extra = match col.id.as_str() {
                "hmhn" => "<table><tr><th>补贴政策名称</th><th>文件依据</th><th>主管部门</th><th>资金用途</th><th>补贴对象</th><th>补助标准</th><th>政策解答电话</th></tr></table>".to_string(),
                "gfxwj" | "gfxwjk" => "<p>效力状态：现行有效</p>".into(),
                "zcjd" => r#"<a href="/zcjd/tj.html">图解：政策要点</a>"#.into(),
                _ => String::new(),
            };
            let items = if col.id == "xxgknb" {
                (2019..=2025)
                    .map(|y| {
                        let href = format!("/xxgknb/{y}.html");
                        p.routes.push((href.clone(), annual_report(y, 6)));
                        (href, format!("{}-01-20", y + 1))
                    })
                    .collect::<Vec<_>>()
            } else {
                vec![(item.clone(), days_ago(1))]
            };
            let reply = if col.id == "xxgknb" {
                let lis: String = items
                    .iter()
                    .map(|(h, d)| format!(r#"<li><a href="{h}">示范区{}年政府信息公开工作年度报告</a><span>{d}</span></li>"#, &h[8..12]))
                    .collect();
                page(&col.name, &format!("<ul>{lis}</ul>"))
            } else {
                list(&col.name, &items, &extra)
            };
            p.routes.push((path.clone(), reply));
            p.routes.push((item, page(&col.name, "<p>正文</p>")));
            p.nav.push((path, col.name.clone()));
        }
        p.home_items = vec![("/gzdt/t1.html".into(), days_ago(1))];
        p
    }

    fn set(&mut self, path: &str, reply: Reply) {
        self.routes.retain(|(p, _)| p != path);
        self.routes.push((path.to_string(), reply));
    }

    fn remove_column(&mut self, id: &str) {
        let prefix = format!("/{id}/");
        self.nav.retain(|(p, _)| p != &prefix);
        self.routes.retain(|(p, _)| !p.starts_with(&prefix));
    }

    async fn audit(self) -> (Report, support::TestServer) {
        let nav: String = self
            .nav
            .iter()
            .map(|(h, n)| format!(r#"<li><a href="{h}">{n}</a></li>"#))
            .collect();
        let items: String = self
            .home_items
            .iter()
            .map(|(h, d)| format!(r#"<li><a href="{h}">区政府召开常务会议研究工作</a> {d}</li>"#))
            .collect();
        let home = page(
            "首页",
            &format!(
                r#"<form action="/search/"><input name="searchword"></form><ul class="nav-list">{nav}</ul><ul class="news">{items}</ul>{}"#,
                self.footer
            ),
        );
        let mut routes = self.routes;
        routes.push(("/".into(), home));
        routes.push(("/sitemap.html".into(), page("网站地图", "")));
        routes.push(("/contact.html".into(), page("联系我们", "")));
        routes.push((
            "/dzjg.png".into(),
            Reply::bytes("image/png", vec![0x89, b'P', b'N', b'G']),
        ));
        let s = support::serve_at(move |_| routes).await;
        let mut cfg = AuditConfig::with_defaults(
            "fixture".into(),
            vec![Url::parse(&s.url("/")).unwrap()],
            as_of(),
        );
        cfg.rate = 1000.0;
        cfg.concurrency = 8;
        cfg.check_external = false;
        cfg.timeout = Duration::from_secs(5);
        let r = run_audit(
            &cfg,
            Arc::new(Catalog::embedded().unwrap()),
            Arc::new(StopSignal::default()),
        )
        .await
        .map_err(|e| e.error)
        .unwrap();
        (r, s)
    }
}

fn annual_report(year: i32, sections: usize) -> Reply {
    let all = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ];
    let body: String = all[..sections]
        .iter()
        .map(|h| format!("<h2>{h}</h2><p>内容</p>"))
        .collect();
    page(&format!("{year}年政府信息公开工作年度报告"), &body)
}

fn column<'a>(r: &'a Report, id: &str) -> &'a govaudit::site::ColumnStatus {
    r.columns.iter().find(|c| c.id == id).unwrap()
}

fn status(r: &Report, id: &str) -> String {
    serde_json::to_value(column(r, id).status)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn findings<'a>(r: &'a Report, rule: &str) -> Vec<&'a govaudit::checks::Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

#[tokio::test]
async fn compliant_portal_passes() {
    let (r, _s) = Portal::compliant().audit().await;
    for c in &r.columns {
        assert_eq!(status(&r, &c.id), "ok", "{} {:?}", c.id, c);
    }
    assert!(r.vetoes.is_empty(), "{:?}", r.vetoes);
    assert_eq!(r.score.verdict, "pass", "{:?}", r.score);
    for rule in [
        "openness.seven-fields",
        "openness.annual-reports",
        "openness.document-validity",
        "openness.interpretation-forms",
        "health.site-code",
        "health.icp",
        "health.police-record",
        "health.conac-badge",
        "health.error-report",
        "health.search",
        "health.sitemap",
        "health.contact",
    ] {
        assert!(
            findings(&r, rule).is_empty(),
            "{rule}: {:?}",
            findings(&r, rule)
        );
    }
    assert_eq!(
        r.site_features.site_code.as_ref().unwrap().value.as_deref(),
        Some("4399000001")
    );
    assert_eq!(r.site_features.icp.as_ref().unwrap().state, "found");
}

#[tokio::test]
async fn defects_are_each_reported_with_lead_units_and_vetoes() {
    let mut p = Portal::compliant();
    p.remove_column("yqfk");
    p.set("/zdxm/", list("重大建设项目", &[], "<p>暂无信息</p>"));
    p.set(
        "/cwhy/",
        list(
            "政府常务会议",
            &[("/cwhy/t1.html".into(), days_ago(200))],
            "",
        ),
    );
    p.home_items = vec![
        ("/gzdt/t1.html".into(), days_ago(30)),
        ("/gone.html".into(), days_ago(40)),
    ];
    let (r, _s) = p.audit().await;
    assert_eq!(status(&r, "yqfk"), "missing");
    assert_eq!(status(&r, "zdxm"), "empty");
    assert_eq!(status(&r, "cwhy"), "stale");
    let missing = findings(&r, "openness.column-missing");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].lead_units, vec!["区卫健局"]);
    assert_eq!(
        findings(&r, "openness.column-empty")[0].lead_units,
        vec!["区发改局"]
    );
    assert_eq!(findings(&r, "openness.column-stale").len(), 1);
    assert!(
        r.links
            .broken
            .iter()
            .any(|b| b.url.ends_with("/gone.html") && b.on_home)
    );
    let vetoes: Vec<&str> = r.vetoes.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(vetoes, ["health.homepage-stale"]);
    assert!(
        r.vetoes[0].reason.contains("14"),
        "reason names the threshold: {}",
        r.vetoes[0].reason
    );
    assert_eq!(r.score.verdict, "fail");
}

#[tokio::test]
async fn freshness_boundaries_per_class() {
    let mut p = Portal::compliant();
    // news: 14 days allowed; notice: 183.
    p.set(
        "/gzdt/",
        list("政务动态", &[("/gzdt/t1.html".into(), days_ago(14))], ""),
    );
    p.set(
        "/hdjl/",
        list("互动交流", &[("/hdjl/t1.html".into(), days_ago(15))], ""),
    );
    p.set(
        "/tzgg/",
        list("通知公告", &[("/tzgg/t1.html".into(), days_ago(183))], ""),
    );
    p.set(
        "/gfxwj/",
        list(
            "规范性文件",
            &[("/gfxwj/t1.html".into(), days_ago(184))],
            "<p>现行有效</p>",
        ),
    );
    let (r, _s) = p.audit().await;
    assert_eq!(status(&r, "gzdt"), "ok");
    assert_eq!(column(&r, "gzdt").age_days, Some(14));
    assert_eq!(status(&r, "hdjl"), "stale");
    assert_eq!(status(&r, "tzgg"), "ok");
    assert_eq!(status(&r, "gfxwj"), "stale");
}

#[tokio::test]
async fn hub_only_columns_pagination_and_date_formats() {
    let mut p = Portal::compliant();
    // 指南 only inside the 政府信息公开 hub.
    p.nav.retain(|(h, _)| h != "/xxgkzn/");
    p.set(
        "/xxgk/",
        page(
            "政府信息公开",
            r#"<ul><li><a href="/xxgkzn/">政府信息公开指南</a></li></ul>"#,
        ),
    );
    // 25 items over three pages, the newest on the last page, in every date format.
    let formats = [
        "2026-11-01",
        "2026/11/02",
        "2026.11.03",
        "2026年11月4日",
        "２０２６年１１月５日",
        "[11-06]",
    ];
    let mut pages = Vec::new();
    for (pi, range) in [(0usize, 0..10), (1, 10..20), (2, 20..25)] {
        let lis: String = range
            .map(|i| {
                let date = if pi == 2 && i == 24 {
                    days_ago(2)
                } else {
                    formats[i % formats.len()].to_string()
                };
                format!(r#"<li><a href="/tzgg/t{i}.html">通知公告第{i}号文件</a> {date}</li>"#)
            })
            .collect();
        let next = if pi < 2 {
            format!(r#"<a href="index_{}.html">下一页</a>"#, pi + 1)
        } else {
            String::new()
        };
        pages.push((pi, page("通知公告", &format!("<ul>{lis}</ul>{next}"))));
    }
    for (pi, reply) in pages {
        let path = if pi == 0 {
            "/tzgg/".to_string()
        } else {
            format!("/tzgg/index_{pi}.html")
        };
        p.set(&path, reply);
    }
    let (r, _s) = p.audit().await;
    assert!(column(&r, "xxgkzn").found);
    assert!(
        column(&r, "xxgkzn").evidence.contains("xxgk"),
        "{}",
        column(&r, "xxgkzn").evidence
    );
    let tzgg = column(&r, "tzgg");
    assert_eq!(tzgg.item_count, Some(25), "{tzgg:?}");
    assert_eq!(tzgg.pages, 3);
    assert_eq!(tzgg.latest_date.map(|d| d.to_string()), Some(days_ago(2)));
}

#[tokio::test]
async fn content_checks_name_what_is_missing() {
    let mut p = Portal::compliant();
    p.set("/hmhn/", list("惠民惠农", &[("/hmhn/t1.html".into(), days_ago(1))], "<table><tr><th>补贴政策名称</th><th>文件依据</th><th>主管部门</th><th>资金用途</th><th>补贴对象</th><th>补助标准</th></tr></table>"));
    let lis: String = (2019..=2025)
        .filter(|y| *y != 2021)
        .map(|y| format!(r#"<li><a href="/xxgknb/{y}.html">示范区{y}年政府信息公开工作年度报告</a><span>{}-01-20</span></li>"#, y + 1))
        .collect();
    p.set(
        "/xxgknb/",
        page("政府信息公开年报", &format!("<ul>{lis}</ul>")),
    );
    p.set("/xxgknb/2024.html", annual_report(2024, 5));
    let (r, _s) = p.audit().await;
    let seven = findings(&r, "openness.seven-fields");
    assert_eq!(seven.len(), 1);
    assert!(
        seven[0].message.ends_with("政策解答电话"),
        "{}",
        seven[0].message
    );
    let annual: Vec<&str> = findings(&r, "openness.annual-reports")
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(annual.len(), 2, "{annual:?}");
    assert!(annual.iter().any(|m| m.contains("缺少 2021 年度报告")));
    assert!(
        annual
            .iter()
            .any(|m| m.contains("2024") && m.contains("其他需要报告的事项"))
    );
}

#[tokio::test]
async fn blank_column_veto_fires_at_five_not_four() {
    for (blank, veto) in [(4usize, false), (5, true)] {
        let mut p = Portal::compliant();
        for id in ["gzdt", "tzgg", "zcjd", "cwhy", "ghjh"].iter().take(blank) {
            p.set(&format!("/{id}/"), page("栏目", "<p>暂无信息</p>"));
        }
        let (r, _s) = p.audit().await;
        let fired = r.vetoes.iter().any(|v| v.id == "health.blank-columns");
        assert_eq!(fired, veto, "{blank} blank columns: {:?}", r.vetoes);
        assert_eq!(findings(&r, "openness.column-empty").len(), blank);
    }
}

#[tokio::test]
async fn identity_from_meta_and_script_written_footers() {
    // Only the meta tag carries the code; the rest of the footer is written by a script.
    let mut p = Portal::compliant();
    p.footer = r#"<script src="/js/footer.js"></script>"#.into();
    let (r, _s) = p.audit().await;
    // support::page has no SiteIDCode meta: the code is not found, and with a
    // footer script the answer is cantTell, not failed.
    let code = findings(&r, "health.site-code");
    assert_eq!(code.len(), 1);
    assert_eq!(serde_json::to_value(code[0].outcome).unwrap(), "cantTell");
    assert!(code[0].message.contains("/js/footer.js"));
    assert_eq!(r.site_features.icp.as_ref().unwrap().state, "cantTell");

    let mut p = Portal::compliant();
    p.footer = r#"<div class="footer">版权所有</div>"#.into();
    let (r, _s) = p.audit().await;
    assert_eq!(
        serde_json::to_value(findings(&r, "health.icp")[0].outcome).unwrap(),
        "failed"
    );
    assert_eq!(r.site_features.icp.as_ref().unwrap().state, "missing");
}

#[tokio::test]
async fn soft_404_is_broken_and_412_is_blocked() {
    let s = serve(vec![
        ("/", page("首页", r#"<a href="/soft.html">soft</a><a href="/waf.html">waf</a><ul><li><a href="/n.html">区政府召开常务会议</a> 2026-11-19</li></ul>"#)),
        ("/soft.html", page("页面不存在", "<p>您访问的页面不存在</p>")),
        ("/waf.html", Reply::status(412)),
    ])
    .await;
    let mut cfg =
        AuditConfig::with_defaults("t".into(), vec![Url::parse(&s.url("/")).unwrap()], as_of());
    cfg.rate = 1000.0;
    let r = run_audit(
        &cfg,
        Arc::new(Catalog::embedded().unwrap()),
        Arc::new(StopSignal::default()),
    )
    .await
    .map_err(|e| e.error)
    .unwrap();
    assert!(
        r.links.broken.iter().any(|b| b.url.ends_with("/soft.html")),
        "{:?}",
        r.links.broken
    );
    assert!(r.links.blocked.iter().any(|b| b.url.ends_with("/waf.html")));
    assert!(!r.links.broken.iter().any(|b| b.url.ends_with("/waf.html")));
}

#[tokio::test]
async fn unreachable_home_page_is_a_veto_in_the_report() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut cfg = AuditConfig::with_defaults(
        "t".into(),
        vec![Url::parse(&format!("http://127.0.0.1:{port}/")).unwrap()],
        as_of(),
    );
    cfg.timeout = Duration::from_secs(2);
    let failure = run_audit(
        &cfg,
        Arc::new(Catalog::embedded().unwrap()),
        Arc::new(StopSignal::default()),
    )
    .await
    .unwrap_err();
    assert_eq!(failure.error.exit_code(), 3);
    let report = failure.report.expect("report written anyway");
    assert_eq!(report.vetoes[0].id, "health.site-unreachable");
    assert!(
        report.vetoes[0].reason.contains("此刻"),
        "{}",
        report.vetoes[0].reason
    );
}
