//! The page model: a fetched HTML page decoded and parsed once, with the facts
//! the checks and the site model need. A [`Page`] holds the DOM and is not `Send`;
//! it lives only inside the blocking analysis task, and [`PageSummary`] is what
//! leaves it.

use crate::crawl::decode::{CharsetSource, decode_html};
use crate::crawl::urlnorm::{LinkTarget, resolve};
use crate::crawl::{Discovered, LinkHint};
use crate::dates;
use crate::dom::AttrExt;
use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};
use serde::Serialize;
use std::sync::LazyLock;
use url::Url;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[name], meta[property]"));
static BASE: LazyLock<Selector> = LazyLock::new(|| sel("base[href]"));
static LINKISH: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "a[href], area[href], link[href], img[src], iframe[src], frame[src], script[src], embed[src], source[src], video[src], audio[src], object[data]",
    )
});
static ANCHORS: LazyLock<Selector> = LazyLock::new(|| sel("a[href]"));

/// National meta tags kept in the summary (国办发〔2017〕47号 annex).
pub const NATIONAL_META: [&str; 6] = [
    "SiteName",
    "SiteIDCode",
    "ColumnName",
    "ColumnType",
    "ArticleTitle",
    "PubDate",
];

/// Text markers the openness content checks look for (七公开 fields, annual-report
/// sections of 国办公开办函〔2021〕30号, document validity marks).
pub const MARKERS: [&str; 20] = [
    "补贴政策名称",
    "文件依据",
    "主管部门",
    "资金用途",
    "补贴对象",
    "补助标准",
    "政策解答电话",
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "行政复议、行政诉讼",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
    "现行有效",
    "有效性",
    "已废止",
    "废止",
    "失效",
    "已修改",
    "已修订",
];

static PAGINATION_HREF: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?:^|/)(?:index|list|default)_[0-9]+\.s?html?$|[?&](?:page|pageno|pagenum|p|curpage)=[0-9]+").expect("static regex")
});
static CRUMB: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "[class*=crumb], [id*=crumb], [class*=position], [id*=position], [class*=location], [class*=dqwz], [id*=dqwz], [class*=weizhi]",
    )
});
static MEDIA: LazyLock<Selector> = LazyLock::new(|| sel("video, embed, iframe, img, a"));

/// Texts that mark a column as empty (空白栏目).
pub const PLACEHOLDERS: [&str; 6] = [
    "暂无信息",
    "暂无数据",
    "正在建设",
    "暂无内容",
    "建设中",
    "暂无相关信息",
];

/// A parsed page.
pub struct Page {
    /// URL after redirects.
    pub url: Url,
    /// Base URL for relative links (`<base href>` honoured).
    pub base: Url,
    /// The DOM.
    pub html: Html,
    /// Encoding used.
    pub charset: &'static str,
    /// Which signal chose it.
    pub charset_source: CharsetSource,
    /// Malformed bytes were replaced while decoding.
    pub decode_errors: bool,
    /// Declared encodings disagree.
    pub charset_conflict: Option<String>,
    /// Body was cut at the size cap.
    pub truncated: bool,
    /// The home page.
    pub is_home: bool,
    /// Link hops from a start URL.
    pub depth: u32,
    /// An HTML document (not SVG or generic XML served on its own).
    pub is_html: bool,
    /// A care-mode (关怀版) page: judged with the care-mode thresholds.
    pub care_mode: bool,
    /// The decoded body held NUL bytes or mostly control characters (binary data
    /// served as HTML); the HTML parser hides both, so it is noted before parsing.
    pub binary_content: bool,
    /// Linked stylesheets supplied by the caller (`(url, text)`), cascaded before
    /// the page's own `<style>` blocks.
    pub stylesheets: Vec<crate::crawl::resources::Resource>,
    /// Same-site scripts supplied by the caller (home page), `(url, text)`.
    pub scripts: Vec<crate::crawl::resources::Resource>,
    cascade: std::cell::OnceCell<crate::dom::css::Cascade>,
    /// `<meta>` names (lower-cased) and contents, in document order.
    metas: std::cell::OnceCell<Vec<(String, String)>>,
    /// Every element in document order (walked once, read by 27 rules).
    element_ids: std::cell::OnceCell<Vec<ego_tree::NodeId>>,
    /// Elements with their own visible text (see `checks::a11y::color_contrast`).
    pub(crate) text_element_ids: std::cell::OnceCell<Vec<ego_tree::NodeId>>,
    /// Text elements outside page chrome (see `checks::elderly::main_text`).
    pub(crate) main_text_ids: std::cell::OnceCell<Vec<ego_tree::NodeId>>,
    ids: std::cell::OnceCell<std::collections::HashMap<String, ego_tree::NodeId>>,
    labels: std::cell::OnceCell<std::collections::HashMap<String, Vec<ego_tree::NodeId>>>,
    /// Memo of hidden-ness per element (see `dom::hidden`).
    pub hidden_cache: std::cell::RefCell<crate::dom::hidden::HiddenCache>,
    /// Memo of computed answers several rules ask for (font size, contrast).
    pub style_cache: std::cell::RefCell<StyleCache>,
}

/// Per-element answers computed once per page: the a11y and elderly contrast
/// rules judge the same text, and every font-size question walks the same
/// ancestors.
#[derive(Default)]
pub struct StyleCache {
    /// Computed font size (px) and the declaration that set it.
    pub font_size: rustc_hash::FxHashMap<ego_tree::NodeId, (f64, Option<String>)>,
    /// Computed role (see `dom::roles::role`).
    pub roles: rustc_hash::FxHashMap<ego_tree::NodeId, Option<String>>,
    /// Contrast of the element's own text.
    pub contrast: rustc_hash::FxHashMap<ego_tree::NodeId, crate::dom::color::TextContrast>,
}

/// A link on a page with the words a person sees for it.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    /// Tag name (`a`, `img`, …).
    pub tag: String,
    /// The attribute value as written.
    pub raw: String,
    /// Resolved target.
    #[serde(skip)]
    pub target: LinkTarget,
    /// Visible text (or image alt inside the link).
    pub text: String,
    /// `title` attribute.
    pub title: String,
}

/// A dated item of a list (an article link with its publication date).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DatedItem {
    /// Article URL.
    pub url: String,
    /// Link text.
    pub text: String,
    /// Publication date.
    pub date: NaiveDate,
}

/// Owned facts about a page for the site model.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PageSummary {
    /// URL as linked.
    pub url: String,
    /// URL after redirects.
    pub final_url: String,
    /// `<title>`.
    pub title: Option<String>,
    /// National meta tags present, with their content.
    pub meta: MetaTags,
    /// Short-text links (navigation candidates), kept for pages near the top.
    pub nav_links: Vec<NavLink>,
    /// Dated list items (newest first, capped).
    pub dated_items: Vec<DatedItem>,
    /// Number of dated list items on the page.
    pub dated_item_count: usize,
    /// `PubDate` meta as a date.
    pub pub_date: Option<NaiveDate>,
    /// The page shows an "empty column" placeholder.
    pub placeholder: bool,
    /// Link hops from the start.
    pub depth: u32,
    /// Pagination links (index_1.html, 下一页, page numbers).
    pub pagination: Vec<String>,
    /// The last segment of the breadcrumb (当前位置：首页 > … > 栏目).
    pub breadcrumb: Option<String>,
    /// Which [`MARKERS`] occur in the page text.
    pub markers: Vec<&'static str>,
    /// Interpretation forms beyond text: video, 图解 images, H5 pages.
    pub media: Vec<String>,
    /// A 200 answer that says 页面不存在 / 404.
    pub soft_404: bool,
    /// Identity facts (home page only).
    pub identity: Option<Box<crate::identity::Identity>>,
    /// Care entry and toolbar (home page only).
    pub assist: Option<Box<crate::assist::AssistFeatures>>,
}

/// Which [`NATIONAL_META`] tags a page carries, and the content of the one the
/// site model reads (`ColumnName`, at most 200 characters): a few bytes per page
/// where a map of every tag's content would take hundreds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MetaTags {
    /// Bit `i` set when `NATIONAL_META[i]` is present.
    present: u8,
    /// `ColumnName`'s content.
    column_name: Option<Box<str>>,
}

impl MetaTags {
    /// The content of tag `name`, for `ColumnName`; `Some("")` for another tag
    /// that is present (its content is not kept).
    pub fn get(&self, name: &str) -> Option<&str> {
        if !self.contains_key(name) {
            return None;
        }
        Some(match name {
            "ColumnName" => self.column_name.as_deref().unwrap_or(""),
            _ => "",
        })
    }

    /// Whether the page carries tag `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        NATIONAL_META
            .iter()
            .position(|n| *n == name)
            .is_some_and(|i| self.present & (1 << i) != 0)
    }
}

/// A short link that may name a column.
#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    /// Target URL.
    pub url: String,
    /// Text, `title` and image alt joined.
    pub label: String,
}

/// Most dated items kept per page summary.
const MAX_ITEMS: usize = 40;
/// Longest link text considered a navigation label.
const MAX_NAV_LABEL: usize = 24;
/// Pages at most this deep keep their navigation links.
const NAV_DEPTH: u32 = 2;

impl Page {
    /// Decodes and parses a fetched body.
    pub fn parse(
        url: Url,
        body: &[u8],
        content_type: Option<&str>,
        truncated: bool,
        is_home: bool,
        depth: u32,
    ) -> Page {
        let tld = url
            .host_str()
            .and_then(|h| h.rsplit('.').next())
            .map(|t| t.to_ascii_lowercase());
        let decoded = decode_html(body, content_type, tld.as_deref());
        let sample: Vec<char> = decoded.text.chars().take(4096).collect();
        let controls = sample
            .iter()
            .filter(|c| c.is_control() && !c.is_whitespace())
            .count();
        let binary_content =
            sample.contains(&'\0') || (controls > 20 && controls * 10 > sample.len());
        let html = Html::parse_document(&decoded.text);
        let base = html
            .select(&BASE)
            .next()
            .and_then(|b| b.value().attr_str("href"))
            .and_then(|h| match resolve(&url, h) {
                LinkTarget::Http(u) => Some(u),
                _ => None,
            })
            .unwrap_or_else(|| url.clone());
        Page {
            url,
            base,
            html,
            charset: decoded.charset,
            charset_source: decoded.source,
            decode_errors: decoded.had_errors,
            charset_conflict: decoded.conflict,
            truncated,
            is_home,
            depth,
            stylesheets: Vec::new(),
            scripts: Vec::new(),
            care_mode: false,
            binary_content,
            cascade: std::cell::OnceCell::new(),
            element_ids: std::cell::OnceCell::new(),
            metas: std::cell::OnceCell::new(),
            text_element_ids: std::cell::OnceCell::new(),
            main_text_ids: std::cell::OnceCell::new(),
            ids: std::cell::OnceCell::new(),
            labels: std::cell::OnceCell::new(),
            hidden_cache: Default::default(),
            style_cache: Default::default(),
            is_html: content_type.is_none_or(|ct| {
                let ct = ct.to_ascii_lowercase();
                ct.contains("html") || !(ct.contains("svg") || ct.contains("xml"))
            }),
        }
    }

    /// Every element of the document, in document order.
    pub fn elements(&self) -> impl Iterator<Item = scraper::ElementRef<'_>> {
        self.element_refs(self.element_ids.get_or_init(|| {
            self.html
                .root_element()
                .descendants()
                .filter(|n| n.value().is_element())
                .map(|n| n.id())
                .collect()
        }))
    }

    /// The elements of `ids` (ids of this page's tree).
    pub(crate) fn element_refs<'a>(
        &'a self,
        ids: &'a [ego_tree::NodeId],
    ) -> impl Iterator<Item = scraper::ElementRef<'a>> + 'a {
        ids.iter()
            .filter_map(|id| self.html.tree.get(*id).and_then(scraper::ElementRef::wrap))
    }

    /// The page's CSS cascade (built on first use).
    pub fn cascade(&self) -> &crate::dom::css::Cascade {
        self.cascade
            .get_or_init(|| crate::dom::css::Cascade::from_page(&self.html, &self.stylesheets))
    }

    /// The first element with this `id`.
    pub fn by_id(&self, id: &str) -> Option<ElementRef<'_>> {
        let ids = self.ids.get_or_init(|| {
            let mut map = std::collections::HashMap::new();
            for el in self
                .html
                .root_element()
                .descendants()
                .filter_map(ElementRef::wrap)
            {
                if let Some(i) = el.value().id() {
                    map.entry(i.to_string()).or_insert(el.id());
                }
            }
            map
        });
        ids.get(id)
            .and_then(|n| self.html.tree.get(*n))
            .and_then(ElementRef::wrap)
    }

    /// `<label for=id>` elements pointing at `id`.
    pub fn labels_for(&self, id: &str) -> Vec<ElementRef<'_>> {
        let labels = self.labels.get_or_init(|| {
            let mut map: std::collections::HashMap<String, Vec<ego_tree::NodeId>> =
                std::collections::HashMap::new();
            for el in self
                .html
                .root_element()
                .descendants()
                .filter_map(ElementRef::wrap)
            {
                if el.value().name() == "label"
                    && let Some(f) = el.value().attr_str("for")
                {
                    map.entry(f.to_string()).or_default().push(el.id());
                }
            }
            map
        });
        labels
            .get(id)
            .map(|v| {
                v.iter()
                    .filter_map(|n| self.html.tree.get(*n))
                    .filter_map(ElementRef::wrap)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The first `<title>`'s text, whitespace collapsed; `None` when absent.
    pub fn title(&self) -> Option<String> {
        self.html
            .select(&TITLE)
            .next()
            .map(|t| collapse(&t.text().collect::<String>()))
    }

    /// The root element.
    pub fn root(&self) -> ElementRef<'_> {
        self.html.root_element()
    }

    /// The content of `<meta name=…>` (case-insensitive name).
    pub fn meta(&self, name: &str) -> Option<String> {
        // One walk for every question (the summary asks for seven tags).
        let metas = self.metas.get_or_init(|| {
            self.html
                .select(&META)
                .filter_map(|m| {
                    let v = m.value();
                    let n = v.attr_str("name").or_else(|| v.attr_str("property"))?;
                    Some((
                        n.to_ascii_lowercase(),
                        v.attr_str("content").unwrap_or("").trim().to_string(),
                    ))
                })
                .collect()
        });
        metas
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, c)| c.clone())
    }

    /// Every link-like reference on the page, resolved.
    pub fn links(&self) -> Vec<PageLink> {
        self.html
            .select(&LINKISH)
            .filter_map(|el| {
                let v = el.value();
                let tag = v.name();
                let raw = match tag {
                    "a" | "area" | "link" => v.attr_str("href"),
                    "object" => v.attr_str("data"),
                    _ => v.attr_str("src"),
                }?;
                if tag == "link" {
                    let rel = v.attr_str("rel").unwrap_or("").to_ascii_lowercase();
                    if !(rel.contains("stylesheet") || rel.contains("icon")) {
                        return None;
                    }
                }
                if raw.trim().is_empty() || raw.trim() == "#" {
                    return None;
                }
                Some(PageLink {
                    tag: tag.to_string(),
                    raw: raw.to_string(),
                    target: resolve(&self.base, raw),
                    text: link_text(el),
                    title: v.attr_str("title").unwrap_or("").trim().to_string(),
                })
            })
            .collect()
    }

    /// Links for the crawler's frontier.
    pub fn discovered(&self, links: &[PageLink]) -> Vec<Discovered> {
        links
            .iter()
            .map(|l| Discovered {
                target: l.target.clone(),
                hint: match l.tag.as_str() {
                    "a" | "area" | "iframe" | "frame" => LinkHint::Navigate,
                    _ => LinkHint::Resource,
                },
            })
            .collect()
    }

    /// Dated list items: article links outside header/footer whose list entry (li,
    /// tr, dd, p) carries a date, or whose URL follows the TRS date pattern.
    pub fn dated_items(&self, as_of: NaiveDate) -> Vec<DatedItem> {
        let mut items = Vec::new();
        for a in self.html.select(&ANCHORS) {
            if in_page_chrome(a) {
                continue;
            }
            let text = collapse(&a.text().collect::<String>());
            if text.chars().count() < 4 {
                continue;
            }
            let LinkTarget::Http(url) =
                resolve(&self.base, a.value().attr_str("href").unwrap_or(""))
            else {
                continue;
            };
            let date = item_container(a)
                .and_then(|c| {
                    let t: String = c.text().collect();
                    (t.chars().count() <= 300)
                        .then(|| dates::item_date(&t, as_of))
                        .flatten()
                })
                .or_else(|| dates::url_date(url.as_str()));
            if let Some(date) = date {
                items.push(DatedItem {
                    url: url.to_string(),
                    text,
                    date,
                });
            }
        }
        items
    }

    /// Owned summary for the site model.
    pub fn summary(&self, links: &[PageLink], as_of: NaiveDate) -> PageSummary {
        let mut meta = MetaTags::default();
        for (i, name) in NATIONAL_META.iter().enumerate() {
            if let Some(v) = self.meta(name) {
                meta.present |= 1 << i;
                if *name == "ColumnName" {
                    meta.column_name = Some(v.chars().take(200).collect::<String>().into());
                }
            }
        }
        let pub_date = self.meta("PubDate").and_then(|v| dates::meta_date(&v));
        let mut items = self.dated_items(as_of);
        let count = items.len();
        items.sort_by_key(|i| std::cmp::Reverse(i.date));
        items.truncate(MAX_ITEMS);
        let nav_links = if self.depth <= NAV_DEPTH || self.is_home {
            links
                .iter()
                .filter(|l| l.tag == "a" || l.tag == "area")
                .filter_map(|l| {
                    let LinkTarget::Http(u) = &l.target else {
                        return None;
                    };
                    let label = [l.text.as_str(), l.title.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ");
                    (!label.is_empty() && l.text.chars().count() <= MAX_NAV_LABEL).then(|| {
                        NavLink {
                            url: u.to_string(),
                            label,
                        }
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let body_text: String = self.root().text().take(5000).collect();
        let full_text: String = self
            .root()
            .text()
            .flat_map(str::chars)
            .take(200_000)
            .collect();
        let markers = MARKERS
            .iter()
            .filter(|m| full_text.contains(*m))
            .copied()
            .collect();
        PageSummary {
            final_url: self.url.to_string(),
            pagination: self.pagination(links),
            breadcrumb: self.breadcrumb(),
            markers,
            media: self.media(),
            soft_404: self.soft_404(&body_text),
            identity: self
                .is_home
                .then(|| Box::new(crate::identity::extract(self))),
            assist: self
                .is_home
                .then(|| Box::new(crate::assist::detect_page(self))),
            url: self.url.to_string(),
            title: self.title(),
            meta,
            nav_links,
            dated_items: items,
            dated_item_count: count,
            pub_date,
            placeholder: count == 0 && PLACEHOLDERS.iter().any(|p| body_text.contains(p)),
            depth: self.depth,
        }
    }
}

impl Page {
    /// Links to other pages of the same list: `index_N.html`, `?page=N`, 下一页 /
    /// 上一页 / 尾页, or bare page numbers.
    pub fn pagination(&self, links: &[PageLink]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in links.iter().filter(|l| l.tag == "a") {
            let LinkTarget::Http(u) = &l.target else {
                continue;
            };
            if u.path() == self.url.path() && u.query() == self.url.query() {
                continue;
            }
            let text = l.text.trim();
            let by_text = matches!(
                text,
                "下一页" | "上一页" | "尾页" | "末页" | "下页" | "上页"
            ) || (!text.is_empty()
                && text.len() <= 4
                && text.chars().all(|c| c.is_ascii_digit()));
            let same_dir = u.path().rsplit_once('/').map(|(d, _)| d)
                == self.url.path().rsplit_once('/').map(|(d, _)| d);
            if same_dir && (by_text || PAGINATION_HREF.is_match(u.as_str())) {
                let s = u.to_string();
                if !out.contains(&s) && out.len() < 200 {
                    out.push(s);
                }
            }
        }
        out
    }

    /// The column named by the breadcrumb: its last segment that is not the page title.
    pub fn breadcrumb(&self) -> Option<String> {
        let el = self.html.select(&CRUMB).next().or_else(|| {
            // Links that share a parent ask about it once.
            let mut last_parent = None;
            self.html
                .select(&LINKISH)
                .filter_map(|a| a.parent().and_then(ElementRef::wrap))
                .filter(|p| last_parent.replace(p.id()) != Some(p.id()))
                .find(|p| {
                    // Only the first characters: a page of 100,000 links has one
                    // parent, and its whole text per link would be quadratic.
                    p.text()
                        .flat_map(str::chars)
                        .filter(|c| !c.is_whitespace())
                        .take(4)
                        .collect::<String>()
                        == "当前位置"
                })
        })?;
        let text = collapse(&el.text().collect::<String>());
        let text = text
            .split_once(['：', ':'])
            .map(|(_, r)| r.to_string())
            .unwrap_or(text);
        let parts: Vec<String> = text
            .split(['>', '»', '/', '＞', '›', '→'])
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty() && p != "正文" && p != "首页" && p != "详情")
            .collect();
        parts.last().cloned().filter(|p| p.chars().count() <= 24)
    }

    /// Non-text forms: `video`, 图解 images or links, H5 links.
    pub fn media(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |k: &str| {
            if !out.iter().any(|o| o == k) {
                out.push(k.to_string());
            }
        };
        for el in self.html.select(&MEDIA) {
            let v = el.value();
            let label = format!(
                "{} {} {}",
                v.attr_str("alt").unwrap_or(""),
                v.attr_str("title").unwrap_or(""),
                if v.name() == "a" {
                    el.text().collect::<String>()
                } else {
                    String::new()
                }
            );
            match v.name() {
                "video" => add("video"),
                "embed" | "iframe" => {
                    let src = v.attr_str("src").unwrap_or("").to_ascii_lowercase();
                    if src.ends_with(".mp4") || src.contains("video") || src.contains("player") {
                        add("video");
                    }
                }
                _ => {}
            }
            if label.contains("图解") {
                add("图解");
            }
            if label.contains("视频") && v.name() == "a" {
                add("video");
            }
            let href = v.attr_str("href").unwrap_or("").to_ascii_lowercase();
            if label.contains("H5") || label.contains("h5") || href.contains("/h5/") {
                add("H5");
            }
        }
        out
    }

    fn soft_404(&self, body_text: &str) -> bool {
        let title = self.title().unwrap_or_default();
        let marks = [
            "页面不存在",
            "页面未找到",
            "找不到页面",
            "404 Not Found",
            "您访问的页面不存在",
        ];
        body_text.chars().count() < 1500
            && marks
                .iter()
                .any(|m| title.contains(m) || body_text.contains(m))
    }
}

/// Text of a link as a person perceives it: its text, else the alt of an image inside.
fn link_text(el: ElementRef<'_>) -> String {
    let text = collapse(&el.text().collect::<String>());
    if !text.is_empty() {
        return text.chars().take(200).collect();
    }
    el.descendants()
        .filter_map(ElementRef::wrap)
        .find_map(|e| {
            e.value()
                .attr_str("alt")
                .filter(|a| !a.trim().is_empty())
                .map(collapse)
        })
        .unwrap_or_default()
}

/// Whitespace runs (including full-width spaces) to one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The list entry an article link sits in (at most three levels up).
fn item_container(a: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut cur = a;
    for _ in 0..3 {
        let parent = cur.parent().and_then(ElementRef::wrap)?;
        if matches!(parent.value().name(), "li" | "tr" | "dd" | "dt" | "p") {
            return Some(parent);
        }
        cur = parent;
    }
    None
}

/// True inside header, footer or navigation, where dates are clocks, not publications.
fn in_page_chrome(el: ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|e| {
        let v = e.value();
        if matches!(v.name(), "header" | "footer" | "nav") {
            return true;
        }
        let marks = |s: &str| {
            let s = s.to_ascii_lowercase();
            s == "header"
                || s == "footer"
                || s.starts_with("foot")
                || s == "top"
                || s.starts_with("nav")
        };
        v.id().is_some_and(marks) || v.classes().any(marks)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Page {
        Page::parse(
            Url::parse("http://www.kaifu.gov.cn/zwgk/").unwrap(),
            html.as_bytes(),
            Some("text/html; charset=utf-8"),
            false,
            true,
            0,
        )
    }

    #[test]
    fn base_href_and_links_resolve() {
        let p = page(
            r#"<base href="http://www.kaifu.gov.cn/x/"><a href="a.html">政务公开</a><img src="/i.png" alt="logo"><a href="javascript:void(0)">js</a><link rel="preconnect" href="//cdn">"#,
        );
        let links = p.links();
        assert_eq!(links.len(), 3);
        assert_eq!(
            links[0].target,
            LinkTarget::Http(Url::parse("http://www.kaifu.gov.cn/x/a.html").unwrap())
        );
        assert!(matches!(links[2].target, LinkTarget::NotFetched(_)));
    }

    #[test]
    fn dated_items_skip_footer_clocks() {
        let p = page(
            r#"<div class="top">今天是 2026年11月26日</div>
            <ul class="list"><li><a href="a.html">关于开展安全生产检查的通知</a><span>2026-11-20</span></li>
            <li><a href="t20261101_9.html">区政府常务会议召开</a></li></ul>
            <div class="footer"><a href="x.html">网站地图说明文字</a> 2026-11-26</div>"#,
        );
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let items = p.dated_items(as_of);
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(
            items[0].date,
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
        );
        assert_eq!(items[1].date, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
    }

    #[test]
    fn summary_keeps_meta_and_placeholder() {
        let p = page(
            r#"<head><meta name="ColumnName" content="通知公告"><meta name="PubDate" content="2026-07-19 07:16"></head><body><p>暂无信息</p></body>"#,
        );
        let s = p.summary(&p.links(), NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
        assert_eq!(s.meta.get("ColumnName"), Some("通知公告"));
        assert_eq!(s.pub_date, NaiveDate::from_ymd_opt(2026, 7, 19));
        assert!(s.placeholder);
    }
}
