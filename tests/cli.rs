//! The command line: contract fields, exit codes, one-line errors, `check`, `rules`.

mod support;

use assert_cmd::Command;
use serde_json::Value;
use support::{Reply, page, serve};

fn govaudit() -> Command {
    Command::cargo_bin("govaudit").unwrap()
}

/// Runs the CLI off the async runtime so a loopback server in this test keeps serving.
async fn run(mut args: Vec<String>) -> std::process::Output {
    if args.first().map(String::as_str) == Some("audit") {
        args.push("--no-history".into());
    }
    tokio::task::spawn_blocking(move || govaudit().args(&args).output().unwrap())
        .await
        .unwrap()
}

fn stderr_line(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}

#[test]
fn demo_audit_writes_every_contract_field() {
    let dir = tempfile::tempdir().unwrap();
    let out = govaudit()
        .current_dir(dir.path())
        .args(["audit", "--quiet", "--format", "json,html,md", "--out", "r"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_line(&out));
    let json: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("r/report.json")).unwrap()).unwrap();
    for field in [
        "schema_version",
        "tool",
        "site",
        "as_of",
        "started_at",
        "finished_at",
        "limits_hit",
        "summary",
        "score",
        "vetoes",
        "pages",
        "findings",
        "columns",
        "links",
        "site_features",
    ] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    for f in [
        "pages_crawled",
        "pages_failed",
        "links_checked",
        "broken_links",
        "findings_by_severity",
    ] {
        assert!(json["summary"].get(f).is_some(), "summary.{f}");
    }
    for f in ["total", "verdict", "packs"] {
        assert!(json["score"].get(f).is_some(), "score.{f}");
    }
    let packs: Vec<&str> = json["score"]["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(packs, ["health", "openness", "a11y", "elderly"]);
    for f in [
        "care_mode_entry",
        "accessibility_toolbar",
        "site_code",
        "icp",
        "police_record",
        "conac_badge",
        "search",
        "error_report_entry",
    ] {
        assert!(json["site_features"].get(f).is_some(), "site_features.{f}");
    }
    assert!(
        json["pages"].as_array().unwrap().len() >= 40,
        "demo has 40+ pages"
    );
    let page = &json["pages"][0];
    for f in [
        "url",
        "final_url",
        "status",
        "content_type",
        "charset",
        "depth",
        "title",
    ] {
        assert!(page.get(f).is_some(), "pages[].{f}");
    }
    let finding = &json["findings"][0];
    for f in [
        "rule", "pack", "severity", "outcome", "url", "selector", "snippet", "message", "refs",
    ] {
        assert!(finding.get(f).is_some(), "findings[].{f}");
    }
    let column = &json["columns"][0];
    for f in [
        "id",
        "name",
        "category",
        "found",
        "url",
        "item_count",
        "latest_date",
        "age_days",
        "status",
        "lead_units",
    ] {
        assert!(column.get(f).is_some(), "columns[].{f}");
    }
    let broken = json["links"]["broken"].as_array().unwrap();
    assert!(
        broken
            .iter()
            .any(|b| b["url"].as_str().unwrap().ends_with("/zwgk/missing.html"))
    );
    for f in ["url", "status", "error", "kind", "found_on"] {
        assert!(broken[0].get(f).is_some(), "links.broken[].{f}");
    }
    // The GBK notice is decoded, the sitemap-only page found, stale columns flagged.
    let pages = json["pages"].as_array().unwrap();
    assert!(
        pages
            .iter()
            .any(|p| p["charset"] == "GBK" && p["title"].as_str().unwrap().contains("森林防火"))
    );
    assert!(
        pages
            .iter()
            .any(|p| p["url"].as_str().unwrap().ends_with("/xxgk/hbwj.html"))
    );
    let cols = json["columns"].as_array().unwrap();
    assert!(
        cols.iter()
            .any(|c| c["id"] == "cwhy" && c["status"] == "stale")
    );
    assert!(
        cols.iter()
            .any(|c| c["id"] == "zdxm" && c["status"] == "empty")
    );
    assert!(
        cols.iter()
            .any(|c| c["id"] == "xxgk" && c["status"] == "ok")
    );
    let html = std::fs::read_to_string(dir.path().join("r/report.html")).unwrap();
    assert!(html.contains("政务公开栏目") && html.contains("不可用链接"));
    assert!(!html.contains("<script"), "report must not carry scripts");
    assert!(
        !html.contains("src=\"http"),
        "report must not load external assets"
    );
    assert!(dir.path().join("r/report.md").exists());
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "start_urls = [\"http://x.gov.cn/\"\nname = 1").unwrap();
    let unknown = dir.path().join("unknown.toml");
    std::fs::write(&unknown, "start_urls = [\"http://x.gov.cn/\"]\nratee = 3\n").unwrap();
    for args in [
        vec!["audit".to_string(), bad.display().to_string()],
        vec!["audit".to_string(), unknown.display().to_string()],
        vec!["audit".into(), "not a url".into()],
        vec!["audit".into(), "ftp://example.gov.cn/".into()],
        vec!["audit".into(), "--format".into(), "pdf".into()],
        vec![
            "audit".into(),
            "--rate".into(),
            "0".into(),
            "http://127.0.0.1:1/".into(),
        ],
        vec!["audit".into(), "--rules".into(), "/nonexistent-dir".into()],
        vec!["check".into(), "/nonexistent/file.html".into()],
    ] {
        let out = govaudit().args(&args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr_line(&out)
        );
        let err = stderr_line(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("govaudit: "), "{err}");
        assert!(!err.contains("panicked"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn start_failures_exit_3() {
    let s = serve(vec![
        (
            "/robots.txt",
            Reply::bytes("text/plain", b"User-agent: *\nDisallow: /\n".to_vec()),
        ),
        (
            "/doc.pdf",
            Reply::bytes("application/pdf", b"%PDF-1.4".to_vec()),
        ),
    ])
    .await;
    // Refused connection, robots-blocked home page, a 404 home page, a non-HTML start.
    let refused = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        drop(l);
        format!("http://127.0.0.1:{port}/")
    };
    for url in [refused, s.url("/"), s.url("/doc.pdf")] {
        let out = run(vec![
            "audit".into(),
            "--quiet".into(),
            "--timeout".into(),
            "3".into(),
            url.clone(),
        ])
        .await;
        assert_eq!(out.status.code(), Some(3), "{url}: {}", stderr_line(&out));
        assert_eq!(
            stderr_line(&out).lines().count(),
            1,
            "{}",
            stderr_line(&out)
        );
    }
    let out = run(vec![
        "audit".into(),
        "--quiet".into(),
        "--ignore-robots".into(),
        s.url("/missing"),
    ])
    .await;
    assert_eq!(out.status.code(), Some(3), "{}", stderr_line(&out));
}

#[tokio::test(flavor = "multi_thread")]
async fn failing_audits_exit_1_and_page_text_is_escaped() {
    let s = serve(vec![(
        "/",
        page(
            "<script>alert(1)</script>标题",
            r#"<ul><li><a href="/a.html">二〇二五年旧闻一则</a> 2025-01-01</li></ul><img src="/x.png">"#,
        ),
    )])
    .await;
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("r");
    let out = run(vec![
        "audit".into(),
        "--quiet".into(),
        "--as-of".into(),
        "2026-11-20".into(),
        "--out".into(),
        out_dir.display().to_string(),
        s.url("/"),
    ])
    .await;
    assert_eq!(
        out.status.code(),
        Some(1),
        "stale home page is a single veto: {}",
        stderr_line(&out)
    );
    let json: Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("report.json")).unwrap()).unwrap();
    assert_eq!(json["score"]["verdict"], "fail");
    assert_eq!(json["vetoes"][0]["id"], "health.homepage-stale");
    let html = std::fs::read_to_string(out_dir.join("report.html")).unwrap();
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    // --fail-under fails an otherwise passing audit (the demo passes).
    let demo = tokio::task::spawn_blocking({
        let d = dir.path().join("demo").display().to_string();
        move || {
            govaudit()
                .args([
                    "audit",
                    "--quiet",
                    "--no-history",
                    "--out",
                    &d,
                    "--fail-under",
                    "99.9",
                ])
                .output()
                .unwrap()
        }
    })
    .await
    .unwrap();
    assert_eq!(demo.status.code(), Some(1), "{}", stderr_line(&demo));

    // --baseline gates on what got worse: same site again → 0; a site with more
    // findings against that baseline → 1, with the new findings listed.
    // The home page gets worse on its third fetch: an image lacking alt, a stale date.
    let good = page(
        "首页",
        r#"<ul><li><a href="/a.html">区政府召开常务会议</a> 2026-11-19</li></ul>"#,
    );
    let bad = page(
        "首页",
        r#"<ul><li><a href="/a.html">区政府召开常务会议</a> 2025-01-19</li></ul><img src="/x.png">"#,
    );
    let fresh = serve(vec![("/", Reply::Seq(vec![good.clone(), good, bad]))]).await;
    let base = vec![
        "audit".to_string(),
        "--quiet".into(),
        "--as-of".into(),
        "2026-11-20".into(),
        "--out".into(),
    ];
    let mut args = base.clone();
    args.extend([dir.path().join("p").display().to_string(), fresh.url("/")]);
    run(args).await;
    let baseline = dir.path().join("p/report.json").display().to_string();
    let mut args = base.clone();
    args.extend([
        dir.path().join("q").display().to_string(),
        "--baseline".into(),
        baseline.clone(),
        fresh.url("/"),
    ]);
    let out = run(args).await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "no new findings: {}",
        stderr_line(&out)
    );
    let mut args = base;
    args.extend([
        dir.path().join("b").display().to_string(),
        "--baseline".into(),
        baseline,
        fresh.url("/"),
    ]);
    let out = run(args).await;
    assert_eq!(out.status.code(), Some(1));
    let json: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("b/report.json")).unwrap()).unwrap();
    assert!(json["baseline"]["new_findings"].as_u64().unwrap() >= 1);
    assert_eq!(json["baseline"]["new_vetoes"][0], "health.homepage-stale");
}

#[test]
fn check_a_file_prints_findings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.html");
    std::fs::write(
        &file,
        "<html><head></head><body><img src=\"a.png\"></body></html>",
    )
    .unwrap();
    let out = govaudit()
        .args(["check", file.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"a11y.image-alt")
            && rules.contains(&"a11y.document-title")
            && rules.contains(&"a11y.html-has-lang")
    );
    assert!(
        json["skipped_site_rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "health.broken-link")
    );

    std::fs::write(&file, "<html lang=\"zh-CN\"><head><title>好</title></head><body><img src=\"a.png\" alt=\"图\"></body></html>").unwrap();
    let out = govaudit()
        .args(["check", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("site-level rules skipped"));
}

#[test]
fn rules_lists_act_ids() {
    let out = govaudit()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let img = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "a11y.image-alt")
        .unwrap();
    assert_eq!(img["act"][0], "23a2a8");
    let text = govaudit().args(["rules"]).output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("health.homepage-stale"));
}

#[test]
fn history_across_three_runs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    for i in 0..3 {
        let out = govaudit()
            .current_dir(dir.path())
            .args([
                "audit",
                "--quiet",
                "--format",
                "json",
                "--out",
                &format!("r{i}"),
                "--history",
                db.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_line(&out));
    }
    let json: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("r2/report.json")).unwrap()).unwrap();
    assert_eq!(json["history"].as_array().unwrap().len(), 3);
    let missing = json["links"]["broken"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["url"].as_str().unwrap().ends_with("/zwgk/missing.html"))
        .unwrap();
    assert_eq!(
        missing["consecutive_runs"], 3,
        "broken in three consecutive runs although the demo port changed"
    );
    let out = govaudit()
        .args(["history", "--history", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.contains("2026-11-20"))
            .count(),
        3
    );
}
