//! One audit end to end: crawl with page checks, build the site model, run site
//! checks, score, and assemble the [`Report`].

use crate::checks::{self, Finding, Outcome, PageOutcomes, PageRule, RuleResult};
use crate::config::AuditConfig;
use crate::crawl::{self, Analyzed, Analyzer, CrawlOutput, LinkHealth, PageInput, StopSignal};
use crate::error::AuditError;
use crate::page::{Page, PageSummary};
use crate::report::model::*;
use crate::rules::{Catalog, Level};
use crate::score::{self, RuleTally};
use crate::site::SiteModel;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

/// What page analysis keeps per page.
pub struct PageAnalysis {
    /// Facts for the site model.
    pub summary: PageSummary,
    /// Per-rule results (findings included).
    pub results: Vec<RuleResult>,
}

/// What a crawl keeps per page until the report is written: the site-model
/// facts, the verdicts as bits, and the findings.
pub struct PageKept {
    /// Facts for the site model.
    pub summary: PageSummary,
    /// Which rules applied and failed (indices into [`AuditAnalyzer::rule_ids`]).
    pub outcomes: PageOutcomes,
    /// Findings reported on the page.
    pub findings: Vec<Finding>,
}

/// Parses a page and runs every page rule on it.
pub struct AuditAnalyzer {
    catalog: Arc<Catalog>,
    rules: Vec<Box<dyn PageRule>>,
    rule_ids: Vec<&'static str>,
    as_of: NaiveDate,
    /// Care-mode pages named by the home page's care entry (the home page is
    /// analysed first, alone, so later pages see this).
    care_urls: std::sync::Mutex<std::collections::HashSet<String>>,
}

impl AuditAnalyzer {
    /// An analyzer with every registered page rule.
    pub fn new(catalog: Arc<Catalog>, as_of: NaiveDate) -> AuditAnalyzer {
        let rules = checks::page_rules();
        AuditAnalyzer {
            catalog,
            rule_ids: rules.iter().map(|r| r.id()).collect(),
            rules,
            as_of,
            care_urls: Default::default(),
        }
    }

    /// The page rules' ids, in the order [`PageOutcomes`] bits refer to.
    pub fn rule_ids(&self) -> &[&'static str] {
        &self.rule_ids
    }

    /// Analyses an already-parsed page (used by `govaudit check` too).
    pub fn analyze_page(&self, page: &Page) -> (Vec<crate::page::PageLink>, PageAnalysis) {
        let links = page.links();
        let results = checks::run_page_rules(page, &self.catalog, &self.rules);
        let summary = page.summary(&links, self.as_of);
        (links, PageAnalysis { summary, results })
    }
}

impl AuditAnalyzer {
    fn is_care_page(&self, page: &Page) -> bool {
        let known = self.care_urls.lock().unwrap_or_else(|e| e.into_inner());
        known.contains(page.url.as_str())
            || page.title().is_some_and(|t| {
                [
                    "关怀版",
                    "长者模式",
                    "长辈版",
                    "适老版",
                    "老年模式",
                    "大字版",
                ]
                .iter()
                .any(|w| t.contains(w))
            })
    }

    fn remember_care_entry(&self, page: &Page, summary: &crate::page::PageSummary) {
        let target = summary
            .assist
            .as_ref()
            .and_then(|a| a.care_entry.as_ref())
            .and_then(|c| c.url.clone());
        if let Some(href) = target
            && let crate::crawl::urlnorm::LinkTarget::Http(u) =
                crate::crawl::urlnorm::resolve(&page.base, &href)
        {
            let mut known = self.care_urls.lock().unwrap_or_else(|e| e.into_inner());
            known.insert(u.to_string());
        }
    }
}

impl Analyzer for AuditAnalyzer {
    type Output = PageKept;

    fn analyze(&self, input: &PageInput) -> Analyzed<PageKept> {
        let f = &input.fetched;
        let mut page = Page::parse(
            f.final_url.clone(),
            &f.body,
            f.content_type.as_deref(),
            f.truncated,
            input.is_home,
            input.depth,
        );
        page.stylesheets = input.stylesheets.clone();
        page.scripts = input.scripts.clone();
        page.care_mode = !input.is_home && self.is_care_page(&page);
        let (links, analysis) = self.analyze_page(&page);
        if input.is_home {
            self.remember_care_entry(&page, &analysis.summary);
        }
        let (outcomes, findings) = PageOutcomes::fold(&self.rule_ids, analysis.results);
        // The crawl record carries the URLs and the title; `build_report` puts
        // them back, so 50,000 pages do not hold them twice.
        let mut summary = analysis.summary;
        summary.url = String::new();
        summary.final_url = String::new();
        summary.title = None;
        Analyzed {
            links: page.discovered(&links),
            charset: Some(page.charset.to_string()),
            title: page.title(),
            output: PageKept {
                summary,
                outcomes,
                findings,
            },
        }
    }
}

/// Crawls and audits the site of `cfg`. Fails only when the crawl cannot start.
pub async fn run_audit(
    cfg: &AuditConfig,
    catalog: Arc<Catalog>,
    stop: Arc<StopSignal>,
) -> Result<Report, StartFailure> {
    let started_at = chrono::Local::now();
    let clock = Instant::now();
    let analyzer = Arc::new(AuditAnalyzer::new(catalog.clone(), cfg.as_of));
    match crawl::crawl(cfg, analyzer, stop).await {
        Ok(output) => {
            let duration = clock.elapsed().as_secs_f64();
            Ok(build_report(
                cfg, &catalog, output, started_at, duration, None,
            ))
        }
        Err(AuditError::Start(reason)) => {
            // The home page did not answer: still write a report carrying the
            // single-veto item, then let the caller exit 3.
            let duration = clock.elapsed().as_secs_f64();
            let empty = CrawlOutput {
                pages: Vec::new(),
                links: Vec::new(),
                limits_hit: Vec::new(),
                sitemap_urls: 0,
                requests: 0,
            };
            let unreachable = !reason.contains("robots")
                && !reason.contains("not HTML")
                && !reason.contains("HTTP 4");
            let report = build_report(
                cfg,
                &catalog,
                empty,
                started_at,
                duration,
                unreachable.then(|| reason.clone()),
            );
            Err(StartFailure {
                error: AuditError::Start(reason),
                report: Some(Box::new(report)),
            })
        }
        Err(other) => Err(StartFailure {
            error: other,
            report: None,
        }),
    }
}

/// Assembles the report from a finished (or interrupted) crawl.
pub fn build_report(
    cfg: &AuditConfig,
    catalog: &Catalog,
    output: CrawlOutput<PageKept>,
    started_at: chrono::DateTime<chrono::Local>,
    duration_secs: f64,
    home_error: Option<String>,
) -> Report {
    let CrawlOutput {
        pages,
        links,
        limits_hit,
        sitemap_urls,
        requests,
    } = output;
    let mut tallies: BTreeMap<String, RuleTally> = BTreeMap::new();
    // Page verdicts are bits over the page-rule list; tally them by index first.
    let page_rule_ids: Vec<&str> = checks::page_rules().iter().map(|r| r.id()).collect();
    let mut by_index = vec![RuleTally::default(); checks::MAX_PAGE_RULES];
    let mut findings = Vec::new();
    let mut summaries = Vec::with_capacity(pages.len());
    let mut soft_404: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut page_entries = Vec::with_capacity(pages.len());
    for rec in pages {
        let mut page_failed = 0;
        if let Some(kept) = rec.analysis.map(|b| *b) {
            for i in kept.outcomes.applicable() {
                by_index[i].applicable += 1;
            }
            for i in kept.outcomes.failed() {
                by_index[i].failed += 1;
            }
            for (i, n) in kept.outcomes.omitted() {
                by_index[i].findings += n;
                page_failed += n;
            }
            for f in &kept.findings {
                let t = tallies.entry(f.rule.clone()).or_default();
                if f.outcome == Outcome::Failed {
                    t.findings += 1;
                    page_failed += 1;
                } else {
                    t.cant_tell += 1;
                }
            }
            findings.extend(kept.findings);
            let mut summary = kept.summary;
            summary.depth = rec.depth;
            summary.final_url = rec.final_url.clone();
            summary.title = rec.title.clone();
            if summary.soft_404 {
                soft_404.insert(rec.url.clone());
            }
            // The page as linked is how navigation refers to it.
            summary.url = rec.url.clone();
            summaries.push(summary);
        }
        page_entries.push(PageEntry {
            url: rec.url,
            final_url: rec.final_url,
            status: rec.status,
            content_type: rec.content_type,
            charset: rec.charset,
            depth: rec.depth,
            title: rec.title,
            redirects: rec.redirects,
            error: rec.error,
            truncated: rec.truncated,
            elapsed_ms: rec.elapsed_ms,
            findings: page_failed,
        });
    }
    for (id, t) in page_rule_ids.iter().zip(by_index) {
        let sum = tallies.entry(id.to_string()).or_default();
        sum.applicable += t.applicable;
        sum.failed += t.failed;
        sum.findings += t.findings;
    }
    let home_url = cfg
        .start_urls
        .first()
        .map(|u| u.to_string())
        .unwrap_or_default();
    // A 200 answer that says 页面不存在 is a broken link (soft 404), as monitors count it.
    let mut links = links;
    for l in links.iter_mut().filter(|l| soft_404.contains(&l.url)) {
        l.error = Some(crate::crawl::fetch::FetchError {
            kind: crate::crawl::fetch::FetchErrorKind::Other,
            message: "soft 404: 页面显示“页面不存在”".into(),
        });
    }
    let mut site = SiteModel::build(home_url, cfg.as_of, summaries, links, catalog);
    site.home_error = home_error;
    let site_results = checks::run_site_rules(&site, catalog, &checks::site_rules());
    for r in &site_results {
        let t = tallies.entry(r.rule.clone()).or_default();
        t.applicable += usize::from(r.applicable);
        t.failed += usize::from(r.failed);
        let failed = r
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
            .count();
        t.findings += failed;
        t.cant_tell += r.findings.len() - failed;
        findings.extend(r.findings.iter().cloned());
    }
    let (score, vetoes) =
        score::score(catalog, &tallies, &site_results, &site.columns, &site.links);

    let mut by_sev: BTreeMap<String, usize> = ["critical", "serious", "moderate", "minor"]
        .iter()
        .map(|s| (s.to_string(), 0))
        .collect();
    let mut cant_tell = 0;
    for f in &findings {
        match f.outcome {
            Outcome::Failed => *by_sev.entry(f.severity.as_str().to_string()).or_default() += 1,
            Outcome::CantTell => cant_tell += 1,
        }
    }
    let to_broken = |l: &crate::crawl::LinkStatus| BrokenLink {
        url: l.url.clone(),
        status: l.status,
        error: l.error.as_ref().map(|e| e.message.clone()),
        kind: l.kind,
        found_on: l.found_on.clone(),
        found_on_count: l.found_on_count,
        on_home: l.on_home,
        consecutive_runs: 1,
    };
    let broken: Vec<BrokenLink> = site
        .links
        .iter()
        .filter(|l| l.health() == LinkHealth::Broken)
        .map(to_broken)
        .collect();
    let blocked: Vec<BrokenLink> = site
        .links
        .iter()
        .filter(|l| l.health() == LinkHealth::Blocked)
        .map(to_broken)
        .collect();
    let rules = catalog
        .rules
        .iter()
        .filter(|m| m.enabled)
        .map(|m| {
            let t = tallies.get(&m.id).cloned().unwrap_or_default();
            RuleSummary {
                id: m.id.clone(),
                pack: m.pack().to_string(),
                severity: m.severity.as_str().to_string(),
                title: m.title.zh.clone(),
                title_en: m.title.en.clone(),
                level: if m.level == Level::Page {
                    "page"
                } else {
                    "site"
                }
                .into(),
                applicable: t.applicable,
                failed: t.failed,
                findings: t.findings,
                cant_tell: t.cant_tell,
                lead_units: m.lead_units.clone(),
                fix: m.fix.zh.clone(),
                refs: m.refs.clone(),
            }
        })
        .collect();
    let mut not_checked = Vec::new();
    for limit in &limits_hit {
        not_checked.push(format!(
            "限制 {}（{}）：{} 个地址未抓取或未解析",
            limit.limit, limit.value, limit.not_reached
        ));
    }
    if !blocked.is_empty() {
        not_checked.push(format!(
            "{} 个链接无法确认（403/429/超时/robots 限制），未计为不可用",
            blocked.len()
        ));
    }
    if cant_tell > 0 {
        not_checked.push(format!("{cant_tell} 项需人工复核（cantTell）"));
    }
    for p in &score.packs {
        if !p.assessed {
            not_checked.push(format!("{}：{}", p.name, p.basis));
        }
    }
    if site.home.is_some() {
        not_checked.push(
            "关怀版入口与无障碍工具条（适老化包）由后续版本检查，site_features 中为 null".into(),
        );
    }
    let pages_crawled = page_entries.iter().filter(|p| p.charset.is_some()).count();
    let pages_failed = page_entries
        .iter()
        .filter(|p| p.error.is_some() || p.status.is_none_or(|s| s >= 400))
        .count();
    let site_features = site_features(&site);
    Report {
        schema_version: SCHEMA_VERSION.into(),
        tool: Tool {
            name: "govaudit".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        site: SiteInfo {
            name: cfg.name.clone(),
            start_urls: cfg.start_urls.iter().map(|u| u.to_string()).collect(),
        },
        as_of: cfg.as_of,
        started_at: started_at.to_rfc3339(),
        finished_at: chrono::Local::now().to_rfc3339(),
        limits_hit,
        summary: Summary {
            pages_crawled,
            pages_failed,
            links_checked: site.links.iter().filter(|l| l.checked).count(),
            broken_links: broken.len(),
            blocked_links: blocked.len(),
            findings_by_severity: by_sev,
            cant_tell,
            requests,
            sitemap_pages: sitemap_urls,
            duration_secs: (duration_secs * 1000.0).round() / 1000.0,
        },
        score,
        vetoes,
        pages: page_entries,
        findings,
        rules,
        columns: site.columns,
        links: Links { broken, blocked },
        site_features,
        not_checked,
        baseline: None,
        history: Vec::new(),
    }
}

/// The crawl could not start. When the home page was tried, a report of what is
/// known (with the site-unreachable veto where it applies) is still there to write.
#[derive(Debug)]
pub struct StartFailure {
    /// The error (exit code 2 or 3).
    pub error: AuditError,
    /// The report to write anyway.
    pub report: Option<Box<Report>>,
}

/// Identity features of the home page, per the contract's `site_features`.
fn site_features(site: &SiteModel) -> SiteFeatures {
    use crate::checks::health::identity::Feature as F;
    let Some(home) = &site.home else {
        return SiteFeatures::default();
    };
    let Some(id) = &home.identity else {
        return SiteFeatures::default();
    };
    let feature = |f: F| {
        let value = f.value(id);
        let state = if value.is_some() {
            "found"
        } else if !id.scripts.is_empty() || id.writes_with_script {
            "cantTell"
        } else {
            "missing"
        };
        Some(Feature {
            state: state.into(),
            value,
            url: Some(home.url.clone()),
        })
    };
    let assist = |found: Option<&crate::assist::Found>| {
        let a = home.assist.as_ref()?;
        Some(match found {
            Some(f) => Feature {
                state: "found".into(),
                value: Some(match &f.script {
                    Some(s) => format!("{}（{s}）", f.evidence),
                    None => f.evidence.clone(),
                }),
                url: f.url.clone().or(Some(home.url.clone())),
            },
            None => Feature {
                state: if a.unread_scripts.is_empty() && a.writing_scripts.is_empty() {
                    "missing"
                } else {
                    "cantTell"
                }
                .into(),
                value: None,
                url: Some(home.url.clone()),
            },
        })
    };
    let care = assist(home.assist.as_ref().and_then(|a| a.care_entry.as_ref()));
    let toolbar = assist(home.assist.as_ref().and_then(|a| a.toolbar.as_ref()));
    SiteFeatures {
        care_mode_entry: care,
        accessibility_toolbar: toolbar,
        site_code: feature(F::SiteCode),
        icp: feature(F::Icp),
        police_record: feature(F::PoliceRecord),
        conac_badge: feature(F::ConacBadge),
        search: feature(F::Search),
        error_report_entry: feature(F::ErrorReport),
    }
}
