//! Every output format from one fixture portal, parsed back: SARIF against its
//! schema, JUnit with an XML parser, the CSV and XLSX ledgers read back; a page
//! whose title and link texts are injection strings leaves nothing executable.

mod support;

use serde_json::Value;
use support::{page, serve};

const EVIL: &str =
    r#"<script>alert("t")</script>"'><img src=x onerror=alert(1)>=cmd|' /C calc'!A0"#;

async fn run(args: Vec<String>) -> std::process::Output {
    tokio::task::spawn_blocking(move || {
        assert_cmd::Command::cargo_bin("govaudit")
            .unwrap()
            .args(&args)
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_format_parses_back_and_escapes_page_text() {
    let escaped_title = EVIL.replace('<', "&lt;").replace('>', "&gt;");
    let s = serve(vec![
        ("/", page(&escaped_title, &format!(r#"<a href="/a.html">{escaped_title}</a><img src="/x.png"><a href="/gone.html">死链</a><ul><li><a href="/n.html">区政府召开常务会议</a> 2026-11-19</li></ul>"#))),
        ("/a.html", page("A", r#"<a href="javascript:alert(1)">js</a>"#)),
    ])
    .await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let o = run(vec![
        "audit".into(),
        "--quiet".into(),
        "--as-of".into(),
        "2026-11-20".into(),
        "--no-external".into(),
        "--no-history".into(),
        "--format".into(),
        "json,html,md,sarif,junit,csv,xlsx".into(),
        "--out".into(),
        out.display().to_string(),
        s.url("/"),
    ])
    .await;
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // SARIF against the official schema.
    let sarif: Value =
        serde_json::from_slice(&std::fs::read(out.join("report.sarif")).unwrap()).unwrap();
    let schema: Value =
        serde_json::from_slice(&std::fs::read("tests/fixtures/sarif-2.1.0-rtm.5.json").unwrap())
            .unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors: {errors:?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| {
        r["ruleId"] == "a11y.image-alt"
            && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with('/')
    }));
    assert!(
        sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len()
            > 40
    );

    // JUnit: a suite per pack, a failure per affected page.
    let xml = std::fs::read_to_string(out.join("junit.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("junit.xml is XML");
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 4);
    let failing = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("testcase")
                && n.attribute("name")
                    .unwrap_or("")
                    .starts_with("a11y.image-alt")
        })
        .flat_map(|n| {
            n.children()
                .filter(|c| c.has_tag_name("failure"))
                .collect::<Vec<_>>()
        })
        .count();
    assert_eq!(failing, 1);

    // CSV ledger: BOM, headings, rows grouped by unit, formula injection defused.
    let csv = std::fs::read(out.join("ledger.csv")).unwrap();
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(text.lines().next().unwrap().contains("牵头单位"));
    assert!(text.contains("区数据资源中心") && text.contains("区行政审批局"));
    assert!(
        !text.contains("\"=cmd"),
        "cells starting with = are prefixed"
    );

    // XLSX ledger read back.
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(out.join("ledger.xlsx")).unwrap();
    let sheet = book.worksheet_range("整改台账").unwrap();
    assert_eq!(sheet.get((0, 5)).unwrap().to_string(), "牵头单位");
    assert!(sheet.height() > 5);

    // HTML: nothing executable from the page.
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(!html.contains("<script"), "no script elements");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "page text appears as text"
    );
    assert!(!html.contains("<img"), "no images from page text");
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(!md.contains("<script>"));
    let json: Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    assert!(
        json["pages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["title"].as_str().unwrap_or("").contains("<script>")),
        "JSON keeps the text as data"
    );
}
