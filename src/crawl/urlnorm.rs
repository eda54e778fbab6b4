//! URL resolution and normalisation: one canonical form per resource so that the
//! crawler fetches each page once.

use url::Url;

/// What an `href`/`src` value turned out to be once resolved against its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// An http(s) URL, normalised.
    Http(Url),
    /// A link the crawler never fetches (`javascript:`, `mailto:`, `tel:`, `data:`, `file:`, …).
    NotFetched(String),
    /// Not a valid URL at all.
    Invalid(String),
}

/// Resolves `href` against `base` (already `<base href>`-adjusted) and normalises it.
pub fn resolve(base: &Url, href: &str) -> LinkTarget {
    // Browsers strip leading/trailing ASCII whitespace and remove tabs/newlines.
    let cleaned: String = href
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if let Some(scheme) = explicit_scheme(&cleaned)
        && scheme != "http"
        && scheme != "https"
    {
        return LinkTarget::NotFetched(scheme);
    }
    match base.join(&cleaned) {
        Ok(url) => match url.scheme() {
            "http" | "https" if url.host().is_some() => LinkTarget::Http(normalize(url)),
            "http" | "https" => LinkTarget::Invalid(format!("no host in {cleaned}")),
            other => LinkTarget::NotFetched(other.to_string()),
        },
        Err(e) => LinkTarget::Invalid(format!("{e}: {}", truncate(&cleaned, 200))),
    }
}

/// Canonical form: fragment dropped, default port dropped (done by `url`), empty
/// path as `/`, percent-encoding of unreserved characters decoded and hex digits
/// upper-cased, so `/a%2db` and `/a-b` are one page.
pub fn normalize(mut url: Url) -> Url {
    url.set_fragment(None);
    let path = normalize_percent(url.path());
    if path != url.path() {
        url.set_path(&path);
    }
    if let Some(q) = url.query() {
        if q.is_empty() {
            url.set_query(None);
        } else {
            let nq = normalize_percent(q);
            if nq != q {
                url.set_query(Some(&nq));
            }
        }
    }
    url
}

/// The scheme of an absolute URL reference, lower-cased (`JavaScript:` → `javascript`).
fn explicit_scheme(href: &str) -> Option<String> {
    let (scheme, _) = href.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then(|| scheme.to_ascii_lowercase())
}

fn normalize_percent(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            let hex = &s[i + 1..i + 3];
            if let Ok(v) = u8::from_str_radix(hex, 16) {
                if v.is_ascii_alphanumeric() || b"-._~".contains(&v) {
                    out.push(v as char);
                } else {
                    out.push('%');
                    out.push_str(&hex.to_ascii_uppercase());
                }
                i += 3;
                continue;
            }
        }
        if bytes[i] == b'%' {
            // A stray `%` is written `%25`: left bare, decoding what follows could
            // complete it into a new escape (`%%61A` → `%aA`), so normalising twice
            // would give another URL (found by fuzzing).
            out.push_str("%25");
            i += 1;
            continue;
        }
        // Safe: we only split at ASCII bytes.
        let ch_len = utf8_len(bytes[i]);
        out.push_str(&s[i..(i + ch_len).min(s.len())]);
        i += ch_len;
    }
    out
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// True when the URL's path ends in an extension of a document or media file that
/// the crawler checks but does not parse (pdf, doc, xls, wps, zip, images …).
pub fn is_attachment(url: &Url) -> bool {
    attachment_kind(url).is_some()
}

/// Classifies a URL by its path extension: `Some("attachment")`, `Some("image")`, or
/// `None` for pages.
pub fn attachment_kind(url: &Url) -> Option<&'static str> {
    let path = url.path();
    let ext = path
        .rsplit('/')
        .next()?
        .rsplit_once('.')?
        .1
        .to_ascii_lowercase();
    match ext.as_str() {
        "pdf" | "doc" | "docx" | "xls" | "xlsx" | "ppt" | "pptx" | "wps" | "et" | "dps" | "ofd"
        | "zip" | "rar" | "7z" | "gz" | "tar" | "txt" | "csv" | "rtf" | "ceb" | "mp4" | "mp3"
        | "avi" | "wmv" | "flv" | "mov" | "exe" | "apk" | "swf" | "css" | "js" | "xml" | "json" => {
            Some("attachment")
        }
        "jpg" | "jpeg" | "png" | "gif" | "bmp" | "webp" | "svg" | "ico" | "tif" | "tiff" => {
            Some("image")
        }
        _ => None,
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("http://www.kaifu.gov.cn/zwgk/index.html").unwrap()
    }

    fn http(href: &str) -> String {
        match resolve(&base(), href) {
            LinkTarget::Http(u) => u.to_string(),
            other => panic!("{href}: {other:?}"),
        }
    }

    #[test]
    fn relative_links_resolve_and_fragments_drop() {
        assert_eq!(http("a.html#top"), "http://www.kaifu.gov.cn/zwgk/a.html");
        assert_eq!(http("../b.html"), "http://www.kaifu.gov.cn/b.html");
        assert_eq!(http("//www.kaifu.gov.cn:80"), "http://www.kaifu.gov.cn/");
        assert_eq!(
            http("HTTP://WWW.Kaifu.GOV.cn/x"),
            "http://www.kaifu.gov.cn/x"
        );
        assert_eq!(http("  c.html\n"), "http://www.kaifu.gov.cn/zwgk/c.html");
    }

    #[test]
    fn percent_encoding_is_canonical() {
        assert_eq!(http("/a%2db%7e"), "http://www.kaifu.gov.cn/a-b~");
        assert_eq!(http("/a%2fb"), "http://www.kaifu.gov.cn/a%2Fb");
        // A stray percent sign cannot combine with a decoded character.
        assert_eq!(http("/%%61A"), "http://www.kaifu.gov.cn/%25aA");
        assert_eq!(http("/100%"), "http://www.kaifu.gov.cn/100%25");
        assert_eq!(http("/政府"), "http://www.kaifu.gov.cn/%E6%94%BF%E5%BA%9C");
        assert_eq!(http("/x?"), "http://www.kaifu.gov.cn/x");
    }

    #[test]
    fn non_http_schemes_are_never_fetched() {
        for href in [
            "javascript:void(0)",
            "JavaScript:;",
            "mailto:a@b.cn",
            "tel:12345",
            "data:text/html,hi",
            "file:///etc/passwd",
            "ftp://x/y",
        ] {
            assert!(
                matches!(resolve(&base(), href), LinkTarget::NotFetched(_)),
                "{href}"
            );
        }
    }

    #[test]
    fn invalid_urls_are_reported() {
        assert!(matches!(
            resolve(&base(), "http://[::1"),
            LinkTarget::Invalid(_)
        ));
        assert!(matches!(
            resolve(&base(), "http://"),
            LinkTarget::Invalid(_)
        ));
    }

    #[test]
    fn attachments_are_classified() {
        let u = Url::parse("http://x.cn/a/B.PDF").unwrap();
        assert_eq!(attachment_kind(&u), Some("attachment"));
        let u = Url::parse("http://x.cn/a/logo.png?v=1").unwrap();
        assert_eq!(attachment_kind(&u), Some("image"));
        let u = Url::parse("http://x.cn/a/index.html").unwrap();
        assert_eq!(attachment_kind(&u), None);
    }
}
