//! Character-set detection and decoding of fetched HTML.
//!
//! Order follows the WHATWG encoding sniffing algorithm, adapted for an auditor:
//! BOM, then the HTTP `charset`, then a `<meta>` prescan of the first 1024 bytes,
//! then chardetng with the host's top-level domain as a hint. GBK / GB2312 pages
//! declared only in `<meta>` are common on Chinese government portals, and
//! `reqwest::Response::text()` ignores `<meta>`, so every page goes through here.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// Where the encoding used to decode a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CharsetSource {
    /// A byte-order mark at the start of the body.
    Bom,
    /// The `charset` parameter of the `Content-Type` header.
    Header,
    /// `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes.
    Meta,
    /// Guessed from the bytes by chardetng.
    Sniffed,
}

/// A decoded body with the facts the report needs about its encoding.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, with any BOM removed and malformed sequences replaced by U+FFFD.
    pub text: String,
    /// WHATWG name of the encoding used, e.g. `GBK`, `UTF-8`.
    pub charset: &'static str,
    /// Which signal chose the encoding.
    pub source: CharsetSource,
    /// True when malformed byte sequences were replaced.
    pub had_errors: bool,
    /// A declared encoding that disagrees with the one used (header vs meta, BOM vs meta).
    pub conflict: Option<String>,
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#).expect("static regex")
});

/// Extracts the `charset` parameter from a `Content-Type` header value.
pub fn charset_from_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("charset") {
            Some(value.trim().trim_matches(|c| c == '"' || c == '\''))
        } else {
            None
        }
    })
}

/// Finds the encoding declared by a `<meta>` tag in the first 1024 bytes.
pub fn prescan_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let caps = META_CHARSET.captures(head)?;
    let label = caps.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    // WHATWG: a meta-declared UTF-16 means UTF-8, x-user-defined means windows-1252.
    Some(if enc == UTF_16BE || enc == UTF_16LE {
        UTF_8
    } else if enc == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    })
}

/// Decodes an HTML body. `content_type` is the raw header value, `tld` the host's
/// top-level domain (lower-case punycode, e.g. `cn`) used as a hint for sniffing.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>, tld: Option<&str>) -> Decoded {
    let header = content_type
        .and_then(charset_from_content_type)
        .and_then(|l| Encoding::for_label(l.as_bytes()));
    let meta = prescan_meta(bytes);
    let (encoding, source) = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        (enc, CharsetSource::Bom)
    } else if let Some(enc) = header {
        (enc, CharsetSource::Header)
    } else if let Some(enc) = meta {
        (enc, CharsetSource::Meta)
    } else {
        (sniff(bytes, tld), CharsetSource::Sniffed)
    };
    let conflict = match (source, meta) {
        (CharsetSource::Bom | CharsetSource::Header, Some(m)) if !same_family(m, encoding) => {
            Some(format!(
                "{} 声明为 {}，<meta> 声明为 {}",
                if source == CharsetSource::Bom {
                    "BOM"
                } else {
                    "HTTP 头"
                },
                encoding.name(),
                m.name()
            ))
        }
        _ => None,
    };
    let (text, _, had_errors) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        charset: encoding.name(),
        source,
        had_errors,
        conflict,
    }
}

/// GB2312 is decoded as GBK and GBK is a subset of GB18030: not a real conflict.
fn same_family(a: &'static Encoding, b: &'static Encoding) -> bool {
    let chinese = |e: &'static Encoding| e.name() == "GBK" || e.name() == "gb18030";
    a == b || (chinese(a) && chinese(b))
}

fn sniff(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // Only the first 64 KiB: enough for a reliable guess, bounded work on huge pages.
    detector.feed(&bytes[..bytes.len().min(64 * 1024)], true);
    // chardetng panics on non-ASCII TLD hints: pass only plain ASCII labels.
    let hint = tld
        .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase()))
        .map(str::as_bytes);
    detector.guess(hint, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(s).0.into_owned()
    }

    #[test]
    fn meta_declared_gbk_is_decoded() {
        let mut body = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>".to_vec();
        body.extend(gbk("开福区人民政府"));
        body.extend(b"</title></head></html>");
        let d = decode_html(&body, Some("text/html"), Some("cn"));
        assert_eq!(d.charset, "GBK");
        assert_eq!(d.source, CharsetSource::Meta);
        assert!(d.text.contains("开福区人民政府"));
        assert!(!d.had_errors);
    }

    #[test]
    fn header_wins_over_meta_and_conflict_is_reported() {
        let body = b"<meta charset=gbk><p>abc</p>";
        let d = decode_html(body, Some("text/html; charset=UTF-8"), None);
        assert_eq!(d.charset, "UTF-8");
        assert_eq!(d.source, CharsetSource::Header);
        assert!(d.conflict.is_some());
    }

    #[test]
    fn bom_wins_and_is_stripped() {
        let mut body = vec![0xEF, 0xBB, 0xBF];
        body.extend("<meta charset=gbk><p>政府</p>".as_bytes());
        let d = decode_html(&body, None, None);
        assert_eq!(d.source, CharsetSource::Bom);
        assert!(d.text.starts_with("<meta"));
        assert!(d.text.contains("政府"));
        assert!(d.conflict.is_some());
    }

    #[test]
    fn unlabelled_gbk_is_sniffed() {
        let mut body = b"<html><body><p>".to_vec();
        body.extend(gbk(
            "关于印发开福区二〇二二年政务公开工作要点的通知，请各单位认真贯彻落实。",
        ));
        body.extend(b"</p></body></html>");
        let d = decode_html(&body, Some("text/html"), Some("cn"));
        assert_eq!(d.source, CharsetSource::Sniffed);
        assert!(d.text.contains("政务公开工作要点"), "{}", d.text);
    }

    #[test]
    fn invalid_utf8_is_flagged() {
        let d = decode_html(
            b"<p>\xff\xfe\xfd ok</p>",
            Some("text/html; charset=utf-8"),
            None,
        );
        assert!(d.had_errors);
    }

    #[test]
    fn gb2312_meta_and_gbk_header_do_not_conflict() {
        let d = decode_html(
            b"<meta charset=gb2312>",
            Some("text/html; charset=GBK"),
            None,
        );
        assert!(d.conflict.is_none());
    }
}
