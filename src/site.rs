//! The site model: what page checks cannot see — the home page, navigation,
//! the required columns and their lists, the link table.

use crate::crawl::LinkStatus;
use crate::page::PageSummary;
use crate::rules::{Catalog, ColumnDef};
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A column's state, as in the report contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnState {
    /// Found, has items, current.
    Ok,
    /// No link or page found (or its page is broken).
    Missing,
    /// Found but no items, or a placeholder such as 暂无信息.
    Empty,
    /// Newest item older than the class allows at `--as-of`.
    Stale,
}

/// One catalogue column as found on the site.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ColumnStatus {
    /// Catalogue id.
    pub id: String,
    /// Catalogue name.
    pub name: String,
    /// Freshness class.
    pub category: String,
    /// Whether an entry was found.
    pub found: bool,
    /// The column's page.
    pub url: Option<String>,
    /// Dated items on the column page (null when the page was not fetched).
    pub item_count: Option<usize>,
    /// Newest item date.
    pub latest_date: Option<NaiveDate>,
    /// Days between the newest item and `--as-of`.
    pub age_days: Option<i64>,
    /// State.
    pub status: ColumnState,
    /// Responsible units.
    pub lead_units: Vec<String>,
    /// Notice clause.
    pub clause: String,
    /// Weight in the openness score.
    pub weight: f64,
    /// How it was found (`link text`, `title`, `ColumnName meta`), or why it is missing.
    pub evidence: String,
    /// List pages read (pagination followed).
    #[serde(default)]
    pub pages: usize,
}

/// Most list pages followed per column.
const MAX_LIST_PAGES: usize = 500;

/// The column page and every pagination page reachable from it that was crawled.
fn list_pages<'a>(
    first: &'a PageSummary,
    by_url: &HashMap<&str, &'a PageSummary>,
) -> Vec<&'a PageSummary> {
    let mut seen = std::collections::HashSet::new();
    let mut out = vec![first];
    seen.insert(first.url.as_str());
    let mut i = 0;
    while i < out.len() && out.len() < MAX_LIST_PAGES {
        for next in &out[i].pagination {
            if let Some(p) = by_url.get(next.as_str())
                && seen.insert(p.url.as_str())
            {
                out.push(p);
            }
        }
        i += 1;
    }
    out
}

/// Everything site rules read.
pub struct SiteModel {
    /// The home page URL.
    pub home_url: String,
    /// Date freshness rules measure against.
    pub as_of: NaiveDate,
    /// Home page summary, when it was parsed.
    pub home: Option<PageSummary>,
    /// Summaries of all parsed pages.
    pub pages: Vec<PageSummary>,
    /// All link targets with their checked state.
    pub links: Vec<LinkStatus>,
    /// The column catalogue as found.
    pub columns: Vec<ColumnStatus>,
    /// Why the home page could not be fetched, when it could not.
    pub home_error: Option<String>,
}

impl SiteModel {
    /// Builds the model and discovers the catalogue's columns.
    pub fn build(
        home_url: String,
        as_of: NaiveDate,
        pages: Vec<PageSummary>,
        links: Vec<LinkStatus>,
        catalog: &Catalog,
    ) -> SiteModel {
        let home = pages.iter().find(|p| p.depth == 0).cloned();
        let mut model = SiteModel {
            home_url,
            as_of,
            home,
            pages,
            links,
            columns: Vec::new(),
            home_error: None,
        };
        model.columns = discover_columns(&model, catalog);
        model
    }

    /// A column's state by catalogue id.
    pub fn column(&self, id: &str) -> Option<&ColumnStatus> {
        self.columns.iter().find(|c| c.id == id)
    }

    /// The summary of the page at `url` (as linked or after redirects).
    pub fn page(&self, url: &str) -> Option<&PageSummary> {
        self.pages.iter().find(|p| p.url == url)
    }
}

/// Finds each catalogue column from navigation labels (home first, then pages
/// near the top) and `ColumnName` meta tags; longest name wins.
fn discover_columns(site: &SiteModel, catalog: &Catalog) -> Vec<ColumnStatus> {
    let mut patterns: Vec<&str> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (i, c) in catalog.columns.iter().enumerate() {
        for name in std::iter::once(&c.name).chain(c.synonyms.iter()) {
            patterns.push(name);
            owner.push(i);
        }
    }
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
    else {
        return Vec::new();
    };
    // Every candidate entry per column, best first; a broken one gives way to the next.
    let mut found: HashMap<usize, Vec<(String, String)>> = HashMap::new();
    let mut add = |col: usize, url: &str, evidence: String| {
        let list = found.entry(col).or_default();
        if !list.iter().any(|(u, _)| u == url) && list.len() < 10 {
            list.push((url.to_string(), evidence));
        }
    };
    // Home first, then by depth; a site-map page last among equals, so evidence
    // names the hub a person would use.
    let mut ordered: Vec<&PageSummary> = site.pages.iter().collect();
    ordered.sort_by_key(|p| {
        (
            p.depth,
            p.title.as_deref().is_some_and(|t| t.contains("网站地图")),
        )
    });
    for page in &ordered {
        for link in &page.nav_links {
            for label in link.label.split(' ').filter(|l| !l.is_empty()) {
                if let Some(col) = best_match(&ac, &owner, label) {
                    add(col, &link.url, format!("链接文字“{label}”（{}）", page.url));
                }
            }
        }
    }
    for page in &ordered {
        if let Some(name) = page.meta.get("ColumnName")
            && let Some(col) = best_match(&ac, &owner, name)
        {
            add(col, &page.url, format!("ColumnName 元数据“{name}”"));
        }
    }
    // A list page whose breadcrumb ends in a column name is that column.
    for page in &ordered {
        if page.dated_item_count == 0 && !page.placeholder {
            continue;
        }
        if let Some(name) = &page.breadcrumb
            && let Some(col) = best_match(&ac, &owner, name)
        {
            add(col, &page.url, format!("面包屑导航“{name}”"));
        }
    }
    let by_url: HashMap<&str, &PageSummary> =
        site.pages.iter().map(|p| (p.url.as_str(), p)).collect();
    let broken: BTreeMap<&str, bool> = site
        .links
        .iter()
        .map(|l| {
            (
                l.url.as_str(),
                l.health() == crate::crawl::LinkHealth::Broken,
            )
        })
        .collect();
    catalog
        .columns
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let candidates = found.get(&i).map(Vec::as_slice).unwrap_or(&[]);
            let pick = candidates
                .iter()
                .find(|(u, _)| !broken.get(u.as_str()).copied().unwrap_or(false))
                .or(candidates.first());
            column_status(def, pick, &by_url, &broken, site.as_of, catalog)
        })
        .collect()
}

/// The column whose name covers at least half of the label (so article titles that
/// merely mention a column do not count).
fn best_match(ac: &AhoCorasick, owner: &[usize], label: &str) -> Option<usize> {
    let label = label.trim();
    let total = label.chars().count();
    ac.find_iter(label)
        .map(|m| {
            (
                m.pattern().as_usize(),
                label[m.start()..m.end()].chars().count(),
            )
        })
        .filter(|(_, len)| *len * 2 >= total)
        .max_by_key(|(_, len)| *len)
        .map(|(p, _)| owner[p])
}

fn column_status(
    def: &ColumnDef,
    found: Option<&(String, String)>,
    by_url: &HashMap<&str, &PageSummary>,
    broken: &BTreeMap<&str, bool>,
    as_of: NaiveDate,
    catalog: &Catalog,
) -> ColumnStatus {
    let mut status = ColumnStatus {
        id: def.id.clone(),
        name: def.name.clone(),
        category: def.class.clone(),
        found: false,
        url: None,
        item_count: None,
        latest_date: None,
        age_days: None,
        status: ColumnState::Missing,
        lead_units: def.lead_units.clone(),
        clause: def.clause.clone(),
        weight: def.weight,
        evidence: "首页、导航及栏目页中均未找到入口".into(),
        pages: 0,
    };
    let Some((url, evidence)) = found else {
        return status;
    };
    status.url = Some(url.clone());
    status.evidence = evidence.clone();
    if broken.get(url.as_str()).copied().unwrap_or(false) {
        status.evidence = format!("{evidence}；但该栏目页无法访问");
        return status;
    }
    status.found = true;
    status.status = ColumnState::Ok;
    let Some(page) = by_url.get(url.as_str()) else {
        return status;
    };
    // Follow the list's pagination through the pages the crawl fetched.
    let list = list_pages(page, by_url);
    // Items are counted once even when two URLs show the same list page.
    let mut items: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut undated_extra = 0;
    for p in &list {
        items.extend(p.dated_items.iter().map(|i| i.url.as_str()));
        undated_extra += p.dated_item_count.saturating_sub(p.dated_items.len());
    }
    status.item_count = Some(items.len() + undated_extra);
    status.pages = list.len();
    let latest = list
        .iter()
        .flat_map(|p| p.dated_items.iter().map(|i| i.date))
        .filter(|d| *d <= as_of)
        .max()
        .or(page.pub_date.filter(|d| *d <= as_of));
    status.latest_date = latest;
    status.age_days = latest.map(|d| (as_of - d).num_days());
    if def.class == "static" || def.class == "annual" {
        if page.placeholder {
            status.status = ColumnState::Empty;
        }
        return status;
    }
    if status.item_count == Some(0) {
        status.status = ColumnState::Empty;
    } else if let (Some(age), Some(limit)) = (
        status.age_days,
        catalog.scoring.freshness_days.get(&def.class),
    ) && age > *limit
    {
        status.status = ColumnState::Stale;
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::NavLink;

    fn page(url: &str, depth: u32, labels: &[(&str, &str)]) -> PageSummary {
        PageSummary {
            url: url.into(),
            depth,
            nav_links: labels
                .iter()
                .map(|(u, l)| NavLink {
                    url: (*u).into(),
                    label: (*l).into(),
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn longest_name_wins_and_article_titles_do_not_count() {
        let catalog = Catalog::embedded().unwrap();
        let home = page(
            "http://x/",
            0,
            &[
                ("http://x/xxgk/", "政府信息公开"),
                ("http://x/xxgk/zn.html", "政府信息公开指南"),
                ("http://x/a.html", "关于做好疫情防控工作的紧急通知"),
            ],
        );
        let site = SiteModel::build(
            "http://x/".into(),
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            vec![home],
            vec![],
            &catalog,
        );
        let col = |id: &str| site.columns.iter().find(|c| c.id == id).unwrap();
        assert_eq!(col("xxgk").url.as_deref(), Some("http://x/xxgk/"));
        assert_eq!(col("xxgkzn").url.as_deref(), Some("http://x/xxgk/zn.html"));
        assert_eq!(col("yqfk").status, ColumnState::Missing);
    }
}
