//! The HTML report in a real browser: headless Chromium loads the demo report
//! from a loopback server; the test fails on any console message (errors, CSP
//! violations) or any request besides the report itself, and saves a screenshot
//! (`target/report-screenshot.png`). Skipped, with a message, only where Chromium
//! is not installed (`.ci/run` installs Debian's `chromium`).

mod support;

use std::process::Command;
use std::time::Duration;
use support::{Reply, serve};

fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|c| {
            Command::new("which")
                .arg(c)
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|_| c.to_string())
        })
}

#[tokio::test(flavor = "multi_thread")]
async fn report_renders_without_console_errors_or_requests() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED: Chromium is not installed here (apt-get install chromium); .ci/run installs it"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let d = out.display().to_string();
    let status = tokio::task::spawn_blocking(move || {
        assert_cmd::Command::cargo_bin("govaudit")
            .unwrap()
            .args([
                "audit",
                "--quiet",
                "--no-history",
                "--format",
                "html",
                "--out",
                &d,
            ])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert_eq!(status.status.code(), Some(0));
    let html = std::fs::read(out.join("report.html")).unwrap();
    let s = serve(vec![(
        "/report.html",
        Reply::bytes("text/html; charset=utf-8", html),
    )])
    .await;
    let shot =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    let profile = dir.path().join("profile");
    let url = s.url("/report.html");
    let shot_arg = format!("--screenshot={}", shot.display());
    let output = tokio::task::spawn_blocking(move || {
        Command::new("timeout")
            .arg("90")
            .arg(browser)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--enable-logging=stderr",
                "--log-level=0",
                "--window-size=1280,2400",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(shot_arg)
            .arg(url)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let console: Vec<&str> = stderr.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:?}");
    let paths: Vec<String> = s.hits().into_iter().map(|h| h.path).collect();
    assert!(
        paths.iter().all(|p| p == "/report.html"),
        "the report made requests: {paths:?}"
    );
    assert!(
        paths.iter().any(|p| p == "/report.html"),
        "the browser did not load the report: {stderr}"
    );
    let meta = std::fs::metadata(&shot).expect("screenshot written");
    assert!(meta.len() > 10_000, "screenshot is not empty");
}
