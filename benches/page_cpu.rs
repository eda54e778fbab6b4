//! Per-page CPU: decoding, parsing, link extraction, the page summary and every
//! page rule, on one thread, for a few representative pages.
//!
//! `cargo bench --bench page_cpu` prints the median and mean time per page.
//! The goal (issue "Fast and unbreakable") is under 1 ms of CPU for a typical
//! 10 KB government page. On a busy machine count instructions, which other
//! load does not disturb: `PAGE_CPU_RUNS=30 valgrind --tool=callgrind
//! target/release/deps/page_cpu-* --bench`. Profile with
//! `perf record -g target/release/deps/page_cpu-* --bench` and `perf report`.

use govaudit::audit::AuditAnalyzer;
use govaudit::page::Page;
use govaudit::rules::Catalog;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A typical 10 KB article page of a district portal: national meta tags, a
/// stylesheet, top bar, navigation, a side list of dated links, an article with
/// a table and images, a search form and the identity footer.
fn typical_article() -> String {
    let nav: String = [
        "首页",
        "政务动态",
        "通知公告",
        "政府信息公开",
        "政策解读",
        "规范性文件",
        "政府常务会议",
        "规划计划",
        "优化营商环境",
        "办事服务",
        "互动交流",
        "走进开福",
    ]
    .iter()
    .enumerate()
    .map(|(i, n)| format!(r#"<li><a href="/col{i}/" title="{n}">{n}</a></li>"#))
    .collect();
    let side: String = (1..=15)
        .map(|i| {
            format!(
                r#"<li><a href="/gzdt/202611/t202611{i:02}_{i}.html">区政府召开第{i}次常务会议研究部署重点工作</a><span class="date">2026-11-{i:02}</span></li>"#
            )
        })
        .collect();
    let para = "为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，进一步提升政府网站服务水平和群众满意度，区直各单位结合工作实际认真组织开展相关工作，确保各项任务按时保质完成。";
    let body: String = (0..12).map(|_| format!("<p>{para}</p>")).collect();
    format!(
        r#"<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>开福区政府常务会议研究部署重点工作_政务动态_开福区人民政府</title>
<meta name="SiteName" content="开福区人民政府"><meta name="SiteDomain" content="www.kaifu.gov.cn">
<meta name="SiteIDCode" content="4301050001"><meta name="ColumnName" content="政务动态">
<meta name="ArticleTitle" content="开福区政府常务会议研究部署重点工作"><meta name="PubDate" content="2026-11-18 09:30">
<style>body{{font-size:16px;line-height:1.6;color:#333;background:#fff}}.top{{font-size:14px;background:#f5f5f5}}
.nav{{background:#b40000}}.nav li{{display:inline-block;margin:0 8px}}.nav a{{color:#fff;font-size:16px}}
.side .date{{float:right;color:#666}}.article h1{{font-size:24px;color:#222}}.article p{{text-indent:2em}}
.info{{color:#666;font-size:14px}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px}}
.footer{{font-size:14px;color:#555;background:#eee}}a:focus{{outline:2px solid #1a73e8}}</style></head>
<body><div class="top">今天是 2026年11月20日 <a href="/care/">关怀版</a> <a href="/wza.html">无障碍</a> <a href="/en/" lang="en">English</a></div>
<div class="header"><a href="/"><img src="/images/logo.png" alt="开福区人民政府"></a>
<form action="/search" role="search"><label for="q">站内搜索</label><input id="q" name="q" type="search"><button type="submit">搜索</button></form></div>
<ul class="nav">{nav}</ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col1/">政务动态</a></div>
<div class="side"><h2>最新动态</h2><ul>{side}</ul></div>
<div class="article"><h1>开福区政府常务会议研究部署重点工作</h1>
<p class="info">发布时间：2026-11-18 来源：区政府办 浏览次数：<span id="hits">128</span></p>
{body}
<p><img src="/images/p1.jpg" alt="会议现场"> <img src="/images/p2.jpg" alt="与会人员听取汇报"></p>
<table><caption>重点项目资金安排</caption><tr><th scope="col">项目</th><th scope="col">金额（万元）</th><th scope="col">责任单位</th></tr>
<tr><td>老旧小区改造</td><td>1200</td><td>区住建局</td></tr><tr><td>公共文化设施</td><td>800</td><td>区文旅局</td></tr>
<tr><td>适老化改造</td><td>300</td><td>区民政局</td></tr></table>
<p>附件：<a href="/files/2026/plan.pdf">重点工作任务分解表.pdf</a></p>
<p><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></p></div>
<div class="footer"><p>主办单位：长沙市开福区人民政府办公室 <a href="/contact.html">联系我们</a> <a href="/sitemap.html">网站地图</a></p>
<p>网站标识码：4301050001 <a href="https://beian.miit.gov.cn/">湘ICP备05000001号</a> <a href="http://www.beian.gov.cn/">湘公网安备 43010502000001号</a></p>
<a href="http://bszs.conac.cn/"><img src="/images/dzjg.png" alt="党政机关"></a></div></body></html>"#
    )
}

fn measure(name: &str, analyzer: &AuditAnalyzer, html: &[u8], home: bool) {
    let url = url::Url::parse("http://www.kaifu.gov.cn/gzdt/202611/t20261118_1.html").unwrap();
    let run = || {
        let page = Page::parse(
            url.clone(),
            html,
            Some("text/html; charset=utf-8"),
            false,
            home,
            2,
        );
        let (links, analysis) = analyzer.analyze_page(&page);
        black_box((page.discovered(&links), analysis));
    };
    for _ in 0..20 {
        run();
    }
    // PAGE_CPU_RUNS fixes the number of runs (for `perf stat -e instructions`,
    // which a busy machine does not disturb); otherwise three seconds a page.
    let fixed: Option<usize> = std::env::var("PAGE_CPU_RUNS")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut times: Vec<Duration> = Vec::new();
    let start = Instant::now();
    while match fixed {
        Some(n) => times.len() < n,
        None => start.elapsed() < Duration::from_secs(3) || times.len() < 50,
    } {
        let t = Instant::now();
        run();
        times.push(t.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "{name:<34} {:>6} B  median {:>7.3} ms  mean {:>7.3} ms  ({} runs)",
        html.len(),
        times[times.len() / 2].as_secs_f64() * 1e3,
        mean.as_secs_f64() * 1e3,
        times.len()
    );
}

fn main() {
    let catalog = Arc::new(Catalog::embedded().expect("embedded rules"));
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let analyzer = AuditAnalyzer::new(catalog, as_of);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/demo");
    measure(
        "typical 10 KB article (synthetic)",
        &analyzer,
        typical_article().as_bytes(),
        false,
    );
    for (file, home) in [
        ("index.html", true),
        ("gzdt/index.html", false),
        ("gzdt/t20261118_1000.html", false),
    ] {
        let body = std::fs::read(root.join(file)).expect("demo page");
        measure(&format!("demo {file}"), &analyzer, &body, home);
    }
}
