//! Property tests standing in for fuzzing (cargo-fuzz needs a nightly toolchain,
//! which this workplace cannot fetch): decoding + parsing + page extraction + every
//! page rule, seed-file parsing, and URL normalisation never panic on arbitrary
//! input, and normalisation is idempotent. `PROPTEST_CASES` raises the case count;
//! `benches/fuzz.sh` runs each target for a fixed time.

use govaudit::audit::AuditAnalyzer;
use govaudit::config::SeedFile;
use govaudit::crawl::urlnorm::{LinkTarget, normalize, resolve};
use govaudit::page::Page;
use govaudit::rules::Catalog;
use proptest::prelude::*;
use std::sync::{Arc, LazyLock};
use url::Url;

static ANALYZER: LazyLock<AuditAnalyzer> = LazyLock::new(|| {
    AuditAnalyzer::new(
        Arc::new(Catalog::embedded().unwrap()),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    )
});

/// HTML-ish byte soup: tags, attributes, ARIA, styles, GBK bytes, NULs.
fn html_soup() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<div>".to_vec()),
        Just(b"</div>".to_vec()),
        Just(b"<a href=\"/x\">".to_vec()),
        Just(b"<img src=a alt=\"\">".to_vec()),
        Just(b"<button role=\"none\" aria-label=x>".to_vec()),
        Just(b"<table><tr><th id=h>h</th><td headers=\"h z\">1</td></tr></table>".to_vec()),
        Just(b"<style>p{font-size:1em;color:#777 !important}@media screen{a:focus{outline:none}}</style>".to_vec()),
        Just(b"<meta charset=gb2312>".to_vec()),
        Just(b"<meta name=viewport content=\"user-scalable=no\">".to_vec()),
        Just(b"<ul role=list><li role=tab aria-selected=maybe>".to_vec()),
        Just(b"<input type=image autocomplete=\"work email\">".to_vec()),
        Just("关怀版 无障碍 2022年6月1日 [06-01] 网站标识码：4301050001".as_bytes().to_vec()),
        Just(vec![0xB9, 0xD8, 0xD3, 0xDA, 0x00, 0xFF]),
        prop::collection::vec(any::<u8>(), 0..40),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64), ..ProptestConfig::default() })]

    #[test]
    fn pages_never_panic(body in html_soup(), ct in prop_oneof![Just(None), Just(Some("text/html")), Just(Some("text/html; charset=utf-8")), Just(Some("image/svg+xml"))]) {
        let page = Page::parse(Url::parse("http://www.kaifu.gov.cn/a/b.html").unwrap(), &body, ct, false, true, 0);
        let (_, analysis) = ANALYZER.analyze_page(&page);
        for r in &analysis.results {
            prop_assert!(r.findings.len() <= govaudit::checks::MAX_FINDINGS_PER_PAGE);
        }
    }

    #[test]
    fn seed_files_never_panic(text in "\\PC{0,300}") {
        let _ = SeedFile::parse(&text);
        let _ = SeedFile::parse(&format!("start_urls = [\"http://x.gov.cn/\"]\n{text}"));
    }

    #[test]
    fn urls_normalise_once(href in "\\PC{0,80}") {
        let base = Url::parse("http://www.kaifu.gov.cn/zwgk/index.html").unwrap();
        if let LinkTarget::Http(u) = resolve(&base, &href) {
            let again = normalize(u.clone());
            prop_assert_eq!(again.as_str(), u.as_str());
            prop_assert!(u.fragment().is_none());
            prop_assert!(matches!(u.scheme(), "http" | "https"));
        }
    }
}
