//! Site identity found on the home page (spec/standards.md §7.2): 网站标识码, ICP
//! 备案号, 公安机关备案号, 党政机关 badge, 我为政府网站找错 entry, site search,
//! site map and contact links, national meta tags.

use crate::dom::AttrExt;
use crate::page::Page;
use regex::Regex;
use scraper::{ElementRef, Selector};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

static SITE_CODE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"网站标识码\s*[:：]?\s*((?:bm)?[0-9]{8,10})").expect("static regex")
});
static SITE_CODE_PARAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)site_?code\s*=\s*['\x22]?((?:bm)?[0-9]{8,10})").expect("static regex")
});
static ICP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])\s*ICP\s*备\s*([0-9]+)\s*号(-[0-9]+)?").expect("static regex")
});
static POLICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])\s*公网安备\s*([0-9]{14})\s*号?").expect("static regex")
});
static RECORDCODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:recordcode|code)=([0-9]{14})").expect("static regex"));
static ANY: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse("a, img, script, form, span, input").expect("static selector")
});

/// Identity facts of one page (extracted for the home page).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Identity {
    /// 网站标识码 values and where each came from (`text`, `meta`, `jiucuo`).
    pub site_codes: Vec<(String, String)>,
    /// ICP 备案号 as written.
    pub icp: Option<String>,
    /// 公安机关备案号 (14 digits).
    pub police_record: Option<String>,
    /// 党政机关 badge evidence.
    pub conac_badge: Option<String>,
    /// 找错 entry evidence.
    pub error_report: Option<String>,
    /// Site search evidence.
    pub search: Option<String>,
    /// 网站地图 link.
    pub sitemap: Option<String>,
    /// 联系我们 link.
    pub contact: Option<String>,
    /// Same-site scripts referenced by the page (a footer or header may be written by one).
    pub scripts: Vec<String>,
    /// Scripts that call `document.write` inline: content the static page does not show.
    pub writes_with_script: bool,
}

/// Extracts identity facts from a parsed page.
pub fn extract(page: &Page) -> Identity {
    let mut id = Identity::default();
    let text: String = page.root().text().collect();
    if let Some(c) = SITE_CODE_TEXT.captures(&text) {
        id.site_codes.push((c[1].to_string(), "text".into()));
    }
    if let Some(m) = page.meta("SiteIDCode").filter(|m| !m.is_empty()) {
        id.site_codes.push((m, "meta".into()));
    }
    if let Some(c) = ICP.captures(&text) {
        id.icp = Some(c[0].split_whitespace().collect::<String>());
    }
    if let Some(c) = POLICE.captures(&text) {
        id.police_record = Some(c[2].to_string());
    }
    for el in page.html.select(&ANY) {
        inspect(el, page, &mut id);
    }
    id.site_codes.dedup();
    id
}

fn inspect(el: ElementRef<'_>, page: &Page, id: &mut Identity) {
    let v = el.value();
    let attr = |n: &str| v.attr_str(n).unwrap_or("");
    let label = format!(
        "{} {} {}",
        el.text().collect::<String>().trim(),
        attr("title"),
        attr("alt")
    );
    match v.name() {
        "a" => {
            let href = attr("href");
            if href.contains("jiucuo") || label.contains("找错") {
                id.error_report.get_or_insert_with(|| href.to_string());
                if let Some(c) = SITE_CODE_PARAM.captures(href) {
                    id.site_codes.push((c[1].to_string(), "jiucuo".into()));
                }
            }
            if href.contains("bszs.conac.cn") || href.contains("conac.cn") {
                id.conac_badge.get_or_insert_with(|| href.to_string());
            }
            if id.police_record.is_none()
                && (href.contains("beian.gov.cn") || href.contains("beian.mps.gov.cn"))
                && let Some(c) = RECORDCODE.captures(href)
            {
                id.police_record = Some(c[1].to_string());
            }
            if label.contains("网站地图") || label.contains("站点地图") {
                id.sitemap.get_or_insert_with(|| href.to_string());
            }
            if label.contains("联系我们") || label.contains("联系方式") {
                id.contact.get_or_insert_with(|| href.to_string());
            }
            if label.trim() == "搜索" || href.contains("search") && label.contains("搜索") {
                id.search.get_or_insert_with(|| href.to_string());
            }
        }
        "img" => {
            let src = attr("src");
            if src.contains("conac.cn") || label.contains("党政机关") || attr("id") == "imgConac"
            {
                id.conac_badge.get_or_insert_with(|| src.to_string());
            }
        }
        "span" if attr("id") == "_ideConac" => {
            id.conac_badge.get_or_insert_with(|| "#_ideConac".into());
        }
        "script" => {
            let src = attr("src");
            if attr("id") == "_jiucuo_" || src.contains("jiucuo") {
                id.error_report.get_or_insert_with(|| src.to_string());
                let sc = attr("sitecode");
                if !sc.is_empty() {
                    id.site_codes.push((sc.to_string(), "jiucuo".into()));
                }
            }
            if src.contains("conac.cn") {
                id.conac_badge.get_or_insert_with(|| src.to_string());
            }
            if src.is_empty() {
                if el.text().any(|t| t.contains("document.write")) {
                    id.writes_with_script = true;
                }
            } else if let crate::crawl::urlnorm::LinkTarget::Http(u) =
                crate::crawl::urlnorm::resolve(&page.base, src)
                && u.host_str() == page.url.host_str()
                && id.scripts.len() < 20
            {
                id.scripts.push(u.to_string());
            }
        }
        "form" => {
            let action = attr("action").to_ascii_lowercase();
            let searchy = ["search", "was5", "jsearch", "/ss", "query"]
                .iter()
                .any(|k| action.contains(k));
            let has_query_input = el.descendants().filter_map(ElementRef::wrap).any(|i| {
                i.value().name() == "input"
                    && [
                        "searchword",
                        "q",
                        "keyword",
                        "keywords",
                        "wd",
                        "query",
                        "kw",
                    ]
                    .contains(
                        &i.value()
                            .attr_str("name")
                            .unwrap_or("")
                            .to_ascii_lowercase()
                            .as_str(),
                    )
            });
            if searchy || has_query_input {
                id.search
                    .get_or_insert_with(|| format!("<form action=\"{}\">", attr("action")));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use url::Url;

    fn page(html: &str) -> Page {
        Page::parse(
            Url::parse("http://www.kaifu.gov.cn/").unwrap(),
            html.as_bytes(),
            Some("text/html; charset=utf-8"),
            false,
            true,
            0,
        )
    }

    #[test]
    fn footer_block_is_read() {
        let p = page(
            r#"<head><meta name="SiteIDCode" content="4301050001"></head><body><div class="footer">
            网站标识码：4301050001 <a href="https://beian.miit.gov.cn/">湘ICP备05004580号-1</a>
            <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=43010502000556">湘公网安备 43010502000556号</a>
            <span id="_ideConac"></span><script id="_jiucuo_" sitecode="4301050001" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
            <a href="/sitemap.html">网站地图</a><a href="/lxwm.html">联系我们</a></div>
            <form action="/was5/web/search"><input name="searchword"></form><script src="/js/header.js"></script></body>"#,
        );
        let id = extract(&p);
        assert_eq!(id.site_codes.len(), 3);
        assert!(id.site_codes.iter().all(|(c, _)| c == "4301050001"));
        assert_eq!(id.icp.as_deref(), Some("湘ICP备05004580号-1"));
        assert_eq!(id.police_record.as_deref(), Some("43010502000556"));
        assert!(id.conac_badge.is_some() && id.error_report.is_some() && id.search.is_some());
        assert_eq!(id.sitemap.as_deref(), Some("/sitemap.html"));
        assert_eq!(
            id.scripts,
            vec!["http://www.kaifu.gov.cn/js/header.js".to_string()]
        );
    }

    #[test]
    fn nothing_found_on_a_bare_page() {
        let id = extract(&page("<p>hello</p>"));
        assert_eq!(id, Identity::default());
    }
}
