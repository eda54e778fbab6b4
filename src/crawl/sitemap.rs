//! sitemap.xml and sitemap-index parsing (plain or gzip-compressed).

use flate2::read::GzDecoder;
use std::io::Read;

/// The sitemap protocol's own cap on an uncompressed sitemap.
pub const MAX_SITEMAP_BYTES: usize = 50 * 1024 * 1024;

/// What one sitemap document lists.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SitemapDoc {
    /// `<url><loc>` entries: pages.
    pub pages: Vec<String>,
    /// `<sitemap><loc>` entries of a sitemap index: more sitemaps.
    pub sitemaps: Vec<String>,
}

/// Parses a sitemap body, un-gzipping it when it starts with the gzip magic bytes
/// (`.xml.gz` files are not sent with `Content-Encoding`, so nothing else unpacks them).
pub fn parse_sitemap(body: &[u8]) -> Result<SitemapDoc, String> {
    let owned;
    let bytes = if body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        GzDecoder::new(body)
            .take(MAX_SITEMAP_BYTES as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("bad gzip: {e}"))?;
        if out.len() > MAX_SITEMAP_BYTES {
            return Err("sitemap larger than 50 MiB uncompressed".into());
        }
        owned = out;
        &owned[..]
    } else {
        body
    };
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("bad XML: {e}"))?;
    let mut out = SitemapDoc::default();
    for node in doc.descendants().filter(|n| n.tag_name().name() == "loc") {
        let Some(loc) = node.text().map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        match node.parent().map(|p| p.tag_name().name()) {
            Some("sitemap") => out.sitemaps.push(loc.to_string()),
            Some("url") => out.pages.push(loc.to_string()),
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;

    #[test]
    fn urlset_and_index_are_read() {
        let xml = r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc> http://x.cn/a.html?x=1&amp;y=2 </loc></url><url><loc>http://x.cn/b.html</loc></url></urlset>"#;
        let d = parse_sitemap(xml.as_bytes()).unwrap();
        assert_eq!(
            d.pages,
            vec!["http://x.cn/a.html?x=1&y=2", "http://x.cn/b.html"]
        );
        let idx =
            r#"<sitemapindex><sitemap><loc>http://x.cn/s1.xml.gz</loc></sitemap></sitemapindex>"#;
        assert_eq!(
            parse_sitemap(idx.as_bytes()).unwrap().sitemaps,
            vec!["http://x.cn/s1.xml.gz"]
        );
    }

    #[test]
    fn gzip_is_unpacked_and_garbage_is_an_error() {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(b"<urlset><url><loc>http://x.cn/z</loc></url></urlset>")
            .unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(parse_sitemap(&gz).unwrap().pages, vec!["http://x.cn/z"]);
        assert!(parse_sitemap(b"<html><body>not xml").is_err());
    }
}
