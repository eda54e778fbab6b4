//! Assistive features of a portal (MIIT 适老化 AG-04/AG-05/AG-15): the entry to a
//! care / elder version and the accessibility toolbar, found in the home page's
//! markup or in the same-site scripts that write its header.

use crate::dom::AttrExt;
use crate::page::Page;
use scraper::{ElementRef, Selector};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Words that name a care / elder version (spec/standards.md §7.1).
pub const CARE_WORDS: [&str; 12] = [
    "关怀版",
    "长者模式",
    "长辈版",
    "长者助手",
    "适老化",
    "适老版",
    "老年模式",
    "大字版",
    "亲情版",
    "关爱版",
    "简约版",
    "老年版",
];
/// Words that name an accessibility toolbar.
pub const TOOLBAR_WORDS: [&str; 6] = [
    "无障碍浏览",
    "网站无障碍",
    "无障碍阅读",
    "无障碍",
    "读屏",
    "语音播报",
];

static CANDIDATES: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse("a, button, img, span, div, li, input").expect("static selector")
});

/// Where a feature was found.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Found {
    /// The words or code that matched.
    pub evidence: String,
    /// The entry's link target, if it is a link.
    pub url: Option<String>,
    /// The script it was found in, when not in the page itself.
    pub script: Option<String>,
}

/// Assistive features of one page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AssistFeatures {
    /// Entry to the care / elder version.
    pub care_entry: Option<Found>,
    /// Accessibility toolbar.
    pub toolbar: Option<Found>,
    /// Same-site scripts that write markup (`document.write`/`innerHTML`) but did
    /// not settle the question.
    pub writing_scripts: Vec<String>,
    /// Same-site scripts referenced but not read (fetch failed or not attempted).
    pub unread_scripts: Vec<String>,
}

fn label(el: ElementRef<'_>) -> String {
    let v = el.value();
    let own: String = if matches!(v.name(), "a" | "button" | "span" | "li") {
        el.text().collect()
    } else {
        String::new()
    };
    format!(
        "{} {} {} {}",
        own.trim(),
        v.attr_str("title").unwrap_or(""),
        v.attr_str("alt").unwrap_or(""),
        v.attr_str("value").unwrap_or("")
    )
}

fn link_of(el: ElementRef<'_>) -> Option<String> {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .take(3)
        .find_map(|e| {
            (e.value().name() == "a")
                .then(|| e.value().attr_str("href"))
                .flatten()
        })
        .map(str::to_string)
}

static SCRIPT_SRC: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("script[src]").expect("static selector"));

/// Finds the care entry and toolbar in the page, then in its scripts.
pub fn detect_page(page: &Page) -> AssistFeatures {
    let srcs: Vec<String> = page
        .html
        .select(&SCRIPT_SRC)
        .filter_map(|s| {
            match crate::crawl::urlnorm::resolve(
                &page.base,
                s.value().attr_str("src").unwrap_or(""),
            ) {
                crate::crawl::urlnorm::LinkTarget::Http(u) => Some(u.to_string()),
                _ => None,
            }
        })
        .collect();
    detect(page, &srcs)
}

/// Finds the care entry and toolbar in the page, then in its scripts.
pub fn detect(page: &Page, referenced_scripts: &[String]) -> AssistFeatures {
    let mut f = AssistFeatures::default();
    for el in page.html.select(&CANDIDATES) {
        let text = label(el);
        let onclick = el.value().attr_str("onclick").unwrap_or("");
        let href = el.value().attr_str("href").unwrap_or("");
        if f.care_entry.is_none() {
            if let Some(w) = CARE_WORDS.iter().find(|w| text.contains(*w)) {
                f.care_entry = Some(Found {
                    evidence: (*w).to_string(),
                    url: link_of(el),
                    script: None,
                });
            } else if onclick.contains("oldFixedStart") || href.contains("oldFixedStart") {
                f.care_entry = Some(Found {
                    evidence: "aria.oldFixedStart()".into(),
                    url: None,
                    script: None,
                });
            }
        }
        if f.toolbar.is_none() {
            if el.value().id() == Some("cniil_wza") {
                f.toolbar = Some(Found {
                    evidence: "id=\"cniil_wza\"".into(),
                    url: link_of(el),
                    script: None,
                });
            } else if let Some(w) = TOOLBAR_WORDS.iter().find(|w| text.contains(*w)) {
                f.toolbar = Some(Found {
                    evidence: (*w).to_string(),
                    url: link_of(el),
                    script: None,
                });
            }
        }
    }
    // Toolbar loaders: govwza aria.js / assist.js and similar.
    if f.toolbar.is_none()
        && let Some(src) = referenced_scripts.iter().find(|s| {
            let l = s.to_ascii_lowercase();
            let name = l.rsplit('/').next().unwrap_or("");
            l.contains("govwza")
                || name == "aria.js"
                || name == "assist.js"
                || l.contains("wza")
                || l.contains("cniil")
        })
    {
        f.toolbar = Some(Found {
            evidence: "无障碍工具条脚本".into(),
            url: None,
            script: Some(src.clone()),
        });
    }
    // Headers written by same-site scripts.
    for (url, text) in &page.scripts {
        let writes = text.contains("document.write")
            || text.contains("innerHTML")
            || text.contains(".html(")
            || text.contains(".append(");
        if f.care_entry.is_none() {
            if let Some(w) = CARE_WORDS.iter().find(|w| text.contains(*w)) {
                f.care_entry = Some(Found {
                    evidence: (*w).to_string(),
                    url: None,
                    script: Some(url.clone()),
                });
            } else if text.contains("oldFixedStart") {
                f.care_entry = Some(Found {
                    evidence: "aria.oldFixedStart()".into(),
                    url: None,
                    script: Some(url.clone()),
                });
            }
        }
        if f.toolbar.is_none()
            && let Some(w) = TOOLBAR_WORDS
                .iter()
                .find(|w| text.contains(*w))
                .map(|w| w.to_string())
                .or_else(|| text.contains("cniil_wza").then(|| "cniil_wza".to_string()))
        {
            f.toolbar = Some(Found {
                evidence: w,
                url: None,
                script: Some(url.clone()),
            });
        }
        if writes {
            f.writing_scripts.push(url.clone());
        }
    }
    let read: Vec<&String> = page.scripts.iter().map(|(u, _)| u).collect();
    let host = page.url.host_str().unwrap_or("");
    f.unread_scripts = referenced_scripts
        .iter()
        .filter(|s| {
            !read.contains(s)
                && url::Url::parse(s)
                    .ok()
                    .is_some_and(|u| u.host_str() == Some(host))
        })
        .cloned()
        .collect();
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use url::Url;

    fn page(html: &str, scripts: Vec<(String, String)>) -> Page {
        let mut p = Page::parse(
            Url::parse("http://x.gov.cn/").unwrap(),
            html.as_bytes(),
            Some("text/html; charset=utf-8"),
            false,
            true,
            0,
        );
        p.scripts = scripts.into_iter().map(|(u, t)| (u, Arc::new(t))).collect();
        p
    }

    #[test]
    fn in_markup_in_scripts_and_loaders() {
        let f = detect(
            &page(
                r#"<a href="/ghb/">关怀版</a><a href="javascript:;" id="cniil_wza">无障碍</a>"#,
                vec![],
            ),
            &[],
        );
        assert_eq!(f.care_entry.unwrap().url.as_deref(), Some("/ghb/"));
        assert!(f.toolbar.is_some());
        let f = detect(
            &page(
                "<div id=top></div>",
                vec![(
                    "http://x.gov.cn/js/top.js".into(),
                    "document.write('<a href=\"/zz\">长者模式</a>')".into(),
                )],
            ),
            &["http://x.gov.cn/js/top.js".into()],
        );
        assert_eq!(
            f.care_entry.unwrap().script.as_deref(),
            Some("http://x.gov.cn/js/top.js")
        );
        let f = detect(
            &page("<p>x</p>", vec![]),
            &["http://x.gov.cn/govwza/aria.js".into()],
        );
        assert!(f.toolbar.is_some());
    }
}
