//! Hostile markup through the whole page engine: no panic, no stack overflow, and
//! bounded work (the suite's time budget is the bound; there are no timed asserts).

use govaudit::check::check_target;
use govaudit::rules::Catalog;
use std::sync::Arc;

async fn check_html(html: &str) -> govaudit::check::CheckResult {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(&path, html).unwrap();
    check_target(
        path.to_str().unwrap(),
        Arc::new(Catalog::embedded().unwrap()),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        true,
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn twenty_thousand_levels_deep() {
    let depth = 20_000;
    let html = format!(
        "<html lang=zh><title>t</title><body>{}<a href='/x'><img src='a.png'></a><span style='letter-spacing:0.01em !important'>字</span>{}</body></html>",
        "<div role='group' aria-hidden='false'>".repeat(depth),
        "</div>".repeat(depth)
    );
    // Run on a thread with the blocking pool's default stack size (2 MiB), as the crawler does.
    let r = tokio::task::spawn_blocking(move || {
        tokio::runtime::Handle::current().block_on(check_html(&html))
    })
    .await
    .unwrap();
    assert!(r.findings.iter().any(|f| f.rule == "a11y.link-name"));
    assert!(r.findings.iter().any(|f| f.rule == "a11y.letter-spacing"));
    for f in &r.findings {
        assert!(
            f.selector.as_deref().unwrap_or("").len() < 400,
            "selector stays short"
        );
    }
}

#[tokio::test]
async fn megabyte_attributes_cycles_and_dangling_references() {
    let big = "x".repeat(5 * 1024 * 1024);
    let html = format!(
        r#"<html lang="zh"><title>t</title><body>
        <div id="a" aria-labelledby="b">A</div><div id="b" aria-labelledby="a">B</div>
        <button aria-labelledby="a b nowhere"></button>
        <div role="foo bar baz">x</div><span role="">y</span>
        <img src="{big}" alt="{big}"><a href="/{big}" title="{big}"></a>
        <table><tr><td headers="{big}">1</td></tr></table>
        <p><b><i>unclosed <li>stray</table></td></p></div></div>
        <style>{big}</style></body></html>"#
    );
    let r = check_html(&html).await;
    assert!(
        r.findings.iter().any(|f| f.rule == "a11y.aria-roles"),
        "unknown roles reported"
    );
    for f in &r.findings {
        assert!(
            f.snippet.as_deref().unwrap_or("").chars().count() <= 241,
            "snippets are bounded"
        );
    }
}

#[tokio::test]
async fn ten_thousand_images_and_links() {
    let many: String = (0..10_000)
        .map(|i| format!("<a href='/p{i}'><img src='/i{i}.png'></a>"))
        .collect();
    let r = check_html(&format!(
        "<html lang=zh><title>t</title><body>{many}</body></html>"
    ))
    .await;
    let images = r
        .findings
        .iter()
        .filter(|f| f.rule == "a11y.image-alt")
        .count();
    assert_eq!(
        images,
        govaudit::checks::MAX_FINDINGS_PER_PAGE,
        "findings per rule and page are capped"
    );
}
