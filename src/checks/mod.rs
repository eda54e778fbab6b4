//! The check registry: the `PageRule` and `SiteRule` traits, the list of every
//! rule's check, and the bookkeeping that turns a check's verdicts into findings.
//! Metadata (severity, texts, references) comes from `rules/*.toml`; a check only
//! decides.

pub mod a11y;
pub mod elderly;
pub mod health;
pub mod openness;

use crate::dom::AttrExt;
use crate::dom::locate::{css_selector, snippet};
use crate::page::Page;
use crate::rules::{Catalog, RuleMeta, Severity};
use crate::site::SiteModel;
use scraper::ElementRef;
use serde::{Deserialize, Serialize};

/// A check's answer for one element or site fact that needs reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// A violation.
    Failed,
    /// Needs a person to look ("needs review"); never counted as a failure.
    CantTell,
}

/// One reported problem.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Finding {
    /// Rule id.
    pub rule: String,
    /// Pack id.
    pub pack: String,
    /// Severity from the metadata.
    pub severity: Severity,
    /// failed or cantTell.
    pub outcome: Outcome,
    /// Page (or site) URL.
    pub url: String,
    /// CSS selector of the element, when there is one.
    pub selector: Option<String>,
    /// Short HTML snippet of the element or the evidence.
    pub snippet: Option<String>,
    /// Message in Chinese.
    pub message: String,
    /// Message in English.
    pub message_en: String,
    /// References from the metadata.
    pub refs: Vec<String>,
    /// Units responsible for the fix (the column's lead units, else the rule's).
    #[serde(default)]
    pub lead_units: Vec<String>,
    /// Stable identity across runs: rule, page path and the element's own
    /// attributes and text (not its position or classes), so a baseline survives
    /// CSS class churn, reordering and a changed port.
    #[serde(default)]
    pub fingerprint: String,
    /// Against `--baseline`: `new` or `present` (absent without a baseline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
}

/// FNV-1a 64-bit over the parts, as 16 hex digits.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The parts of an element that identify it without its position or classes.
fn element_identity(el: ElementRef<'_>) -> String {
    let v = el.value();
    let keys = [
        "id",
        "name",
        "href",
        "src",
        "alt",
        "title",
        "aria-label",
        "role",
        "type",
        "for",
        "lang",
        "content",
        "http-equiv",
    ];
    let attrs: Vec<String> = keys
        .iter()
        .filter_map(|k| {
            v.attr_str(k)
                .map(|a| format!("{k}={}", a.chars().take(200).collect::<String>()))
        })
        .collect();
    let text: String = el
        .text()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .take(60)
        .collect();
    format!("{}|{}|{}", v.name(), attrs.join("&"), text)
}

/// The URL without scheme, host and port: what stays the same when a site moves
/// or the demo is served on another port.
fn path_of(url: &str) -> &str {
    match url.find("://") {
        Some(i) => url[i + 3..].find('/').map_or("/", |j| &url[i + 3 + j..]),
        None => url,
    }
}

/// Most findings one rule reports for one page; the rest are counted.
pub const MAX_FINDINGS_PER_PAGE: usize = 20;
const SNIPPET_CHARS: usize = 240;

/// Collects one rule's verdicts on one page (or on the site).
pub struct RuleRun<'a> {
    meta: &'a RuleMeta,
    url: String,
    applicable: bool,
    failed: bool,
    findings: Vec<Finding>,
    omitted: usize,
}

impl<'a> RuleRun<'a> {
    /// Starts a run of `meta`'s rule on `url`.
    pub fn new(meta: &'a RuleMeta, url: &str) -> RuleRun<'a> {
        RuleRun {
            meta,
            url: url.to_string(),
            applicable: false,
            failed: false,
            findings: Vec::new(),
            omitted: 0,
        }
    }

    /// The rule's metadata (thresholds live in `params`).
    pub fn meta(&self) -> &RuleMeta {
        self.meta
    }

    /// Marks the rule as applicable here (a passed element counts).
    pub fn applies(&mut self) {
        self.applicable = true;
    }

    /// Reports a failed element.
    pub fn fail(&mut self, el: Option<ElementRef<'_>>, args: &[(&str, String)]) {
        self.failed = true;
        self.push(Outcome::Failed, el, None, args);
    }

    /// Reports an element the rule cannot decide.
    pub fn cant_tell(&mut self, el: Option<ElementRef<'_>>, args: &[(&str, String)]) {
        self.push(Outcome::CantTell, el, None, args);
    }

    /// Reports a failed site fact at `url` with a text snippet of the evidence.
    pub fn fail_at(&mut self, url: &str, evidence: Option<String>, args: &[(&str, String)]) {
        self.failed = true;
        self.push_at(Outcome::Failed, url.to_string(), None, evidence, args);
    }

    /// Reports a failed site fact with its own responsible units (a column's).
    pub fn fail_for(
        &mut self,
        url: &str,
        evidence: Option<String>,
        units: &[String],
        args: &[(&str, String)],
    ) {
        self.fail_at(url, evidence, args);
        if let Some(last) = self.findings.last_mut()
            && !units.is_empty()
        {
            last.lead_units = units.to_vec();
        }
    }

    /// Reports an undecidable site fact at `url`.
    pub fn cant_tell_at(&mut self, url: &str, evidence: Option<String>, args: &[(&str, String)]) {
        self.push_at(Outcome::CantTell, url.to_string(), None, evidence, args);
    }

    fn push(
        &mut self,
        outcome: Outcome,
        el: Option<ElementRef<'_>>,
        evidence: Option<String>,
        args: &[(&str, String)],
    ) {
        self.applicable = true;
        // Over the cap nothing is built: locating an element walks its siblings,
        // and a page with 100,000 failing links must stay linear.
        if self.findings.len() >= MAX_FINDINGS_PER_PAGE
            && self.meta.level == crate::rules::Level::Page
        {
            self.omitted += 1;
            return;
        }
        let (selector, snip) = match el {
            Some(e) => (Some(css_selector(e)), Some(snippet(e, SNIPPET_CHARS))),
            None => (None, evidence),
        };
        let url = self.url.clone();
        let identity = el.map(element_identity);
        let before = self.findings.len();
        self.push_at(outcome, url, selector, snip, args);
        if self.findings.len() == before {
            return;
        }
        if let (Some(id), Some(last)) = (identity, self.findings.last_mut()) {
            last.fingerprint = fingerprint(&[&last.rule, path_of(&last.url), &id]);
        }
    }

    fn push_at(
        &mut self,
        outcome: Outcome,
        url: String,
        selector: Option<String>,
        snippet: Option<String>,
        args: &[(&str, String)],
    ) {
        self.applicable = true;
        if self.findings.len() >= MAX_FINDINGS_PER_PAGE
            && self.meta.level == crate::rules::Level::Page
        {
            self.omitted += 1;
            return;
        }
        self.findings.push(Finding {
            rule: self.meta.id.clone(),
            pack: self.meta.pack().to_string(),
            severity: self.meta.severity,
            outcome,
            url,
            selector,
            snippet,
            message: self.meta.render("zh", args),
            message_en: self.meta.render("en", args),
            refs: self.meta.refs.clone(),
            lead_units: self.meta.lead_units.clone(),
            fingerprint: String::new(),
            baseline: None,
        });
        // Site facts: rule, page path and the evidence with this site's origin removed.
        if let Some(last) = self.findings.last_mut() {
            let origin_len = last.url.len() - path_of(&last.url).len();
            let origin = last.url[..origin_len].to_string();
            let evidence = last
                .snippet
                .clone()
                .unwrap_or_else(|| last.message.clone())
                .replace(&origin, "");
            last.fingerprint = fingerprint(&[&last.rule, path_of(&last.url), &evidence]);
        }
    }

    /// Ends the run.
    pub fn finish(self) -> RuleResult {
        RuleResult {
            rule: self.meta.id.clone(),
            applicable: self.applicable,
            failed: self.failed,
            findings: self.findings,
            omitted: self.omitted,
        }
    }
}

/// What one rule concluded on one page or on the site.
#[derive(Debug, Clone)]
pub struct RuleResult {
    /// Rule id.
    pub rule: String,
    /// Whether anything it tests was present.
    pub applicable: bool,
    /// Whether anything failed.
    pub failed: bool,
    /// Reported findings (capped per page).
    pub findings: Vec<Finding>,
    /// Findings beyond the cap.
    pub omitted: usize,
}

/// One page's verdicts, compact: bit `i` stands for the `i`-th rule of the
/// analyser's rule list. A crawl keeps this per page (about 40 bytes) instead of
/// a [`RuleResult`] per rule (kilobytes), so memory stays flat over 50,000 pages.
#[derive(Debug, Clone, Default)]
pub struct PageOutcomes {
    applicable: u128,
    failed: u128,
    /// (rule index, findings beyond the per-page cap); usually empty.
    omitted: Box<[(u16, u32)]>,
}

/// Most page rules [`PageOutcomes`] can hold.
pub const MAX_PAGE_RULES: usize = 128;

impl PageOutcomes {
    /// Folds `results` (each naming a rule of `ids`) into bits, and hands the
    /// findings back. Results of rules missing from `ids` keep only their findings.
    pub fn fold(ids: &[&str], results: Vec<RuleResult>) -> (PageOutcomes, Vec<Finding>) {
        let mut out = PageOutcomes::default();
        let mut omitted = Vec::new();
        let mut findings = Vec::new();
        for r in results {
            if let Some(i) = ids.iter().position(|id| *id == r.rule)
                && i < MAX_PAGE_RULES
            {
                out.applicable |= u128::from(r.applicable) << i;
                out.failed |= u128::from(r.failed) << i;
                if r.omitted > 0 {
                    omitted.push((i as u16, u32::try_from(r.omitted).unwrap_or(u32::MAX)));
                }
            }
            findings.extend(r.findings);
        }
        out.omitted = omitted.into_boxed_slice();
        findings.shrink_to_fit();
        (out, findings)
    }

    /// Indices of the rules that applied.
    pub fn applicable(&self) -> impl Iterator<Item = usize> + '_ {
        bits(self.applicable)
    }

    /// Indices of the rules that failed.
    pub fn failed(&self) -> impl Iterator<Item = usize> + '_ {
        bits(self.failed)
    }

    /// (rule index, findings beyond the cap).
    pub fn omitted(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.omitted
            .iter()
            .map(|&(i, n)| (usize::from(i), n as usize))
    }
}

fn bits(mut set: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let i = set.trailing_zeros() as usize;
            set &= set - 1;
            i
        })
    })
}

/// A rule decided on one page.
pub trait PageRule: Send + Sync {
    /// The rule id; its metadata lives in `rules/<pack>.toml`.
    fn id(&self) -> &'static str;
    /// Examines the page and reports through `run`.
    fn check(&self, page: &Page, run: &mut RuleRun<'_>);
}

/// A rule decided on the whole site.
pub trait SiteRule: Send + Sync {
    /// The rule id.
    fn id(&self) -> &'static str;
    /// Examines the site model and reports through `run`.
    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>);
}

/// Every page-level check.
pub fn page_rules() -> Vec<Box<dyn PageRule>> {
    use a11y::meta_refresh::MetaRefresh;
    use a11y::named_elements::{Named, NamedRule};
    use a11y::table_headers::TableRule;
    use a11y::text_spacing::{Spacing, SpacingRule};
    vec![
        Box::new(a11y::document_title::DocumentTitle),
        Box::new(a11y::html_has_lang::HtmlHasLang),
        Box::new(a11y::html_lang_valid::HtmlLangValid),
        Box::new(a11y::valid_lang::ValidLang),
        Box::new(MetaRefresh::WithException),
        Box::new(MetaRefresh::NoException),
        Box::new(a11y::meta_viewport::MetaViewport),
        Box::new(a11y::image_alt::ImageAlt),
        Box::new(NamedRule(Named::InputImage)),
        Box::new(NamedRule(Named::SvgImg)),
        Box::new(NamedRule(Named::Object)),
        Box::new(NamedRule(Named::Link)),
        Box::new(NamedRule(Named::Button)),
        Box::new(NamedRule(Named::FormField)),
        Box::new(NamedRule(Named::Frame)),
        Box::new(NamedRule(Named::Heading)),
        Box::new(NamedRule(Named::MenuItem)),
        Box::new(NamedRule(Named::Summary)),
        Box::new(a11y::presentation_conflict::PresentationConflict),
        Box::new(a11y::aria_valid_attr::AriaValidAttr),
        Box::new(a11y::aria_roles::AriaRoles),
        Box::new(a11y::aria_valid_attr_value::AriaValidAttrValue),
        Box::new(a11y::aria_allowed_attr::AriaAllowedAttr),
        Box::new(a11y::aria_prohibited_attr::AriaProhibitedAttr),
        Box::new(a11y::aria_required_attr::AriaRequiredAttr),
        Box::new(a11y::aria_required_parent::AriaRequiredParent),
        Box::new(a11y::aria_required_children::AriaRequiredChildren),
        Box::new(a11y::aria_hidden_focus::AriaHiddenFocus),
        Box::new(a11y::nested_interactive::NestedInteractive),
        Box::new(a11y::autocomplete_valid::AutocompleteValid),
        Box::new(TableRule::HeaderHasCells),
        Box::new(TableRule::HeadersAttr),
        Box::new(SpacingRule(Spacing::Letter)),
        Box::new(SpacingRule(Spacing::Word)),
        Box::new(SpacingRule(Spacing::Line)),
        Box::new(a11y::label_content_name::LabelContentName),
        Box::new(a11y::css_orientation::CssOrientation),
        Box::new(a11y::color_contrast::ColorContrast),
        Box::new(health::page_integrity::PageIntegrity),
        Box::new(elderly::floating_ad::FloatingAd),
        Box::new(elderly::inducement::Inducement),
        Box::new(elderly::zoom_blocked::ZoomBlocked),
        Box::new(elderly::min_font_size::MinFontSize),
        Box::new(elderly::line_height::LineHeight),
        Box::new(elderly::contrast::Contrast),
        Box::new(elderly::focus_visible::FocusVisible),
        Box::new(elderly::captcha_alternative::CaptchaAlternative),
    ]
}

/// Every site-level check.
pub fn site_rules() -> Vec<Box<dyn SiteRule>> {
    use health::identity::{Feature, IdentityRule};
    vec![
        Box::new(health::site_unreachable::SiteUnreachable),
        Box::new(health::broken_link::BrokenLink),
        Box::new(health::homepage_stale::HomepageStale),
        Box::new(health::column_vetoes::ColumnVeto::Stale),
        Box::new(health::column_vetoes::ColumnVeto::LongStale),
        Box::new(health::column_vetoes::ColumnVeto::Blank),
        Box::new(health::future_dates::FutureDates),
        Box::new(IdentityRule(Feature::SiteCode)),
        Box::new(IdentityRule(Feature::Icp)),
        Box::new(IdentityRule(Feature::PoliceRecord)),
        Box::new(IdentityRule(Feature::ConacBadge)),
        Box::new(IdentityRule(Feature::ErrorReport)),
        Box::new(IdentityRule(Feature::Search)),
        Box::new(IdentityRule(Feature::Sitemap)),
        Box::new(IdentityRule(Feature::Contact)),
        Box::new(health::domain::GovDomain),
        Box::new(health::domain::Https),
        Box::new(health::meta_tags::MetaTags),
        Box::new(elderly::care_mode_entry::CareModeEntry),
        Box::new(elderly::assist_toolbar::AssistToolbar),
        Box::new(openness::column_missing::ColumnMissing),
        Box::new(openness::column_state::ColumnStateRule::Empty),
        Box::new(openness::column_state::ColumnStateRule::Stale),
        Box::new(openness::seven_fields::SevenFields),
        Box::new(openness::annual_reports::AnnualReports),
        Box::new(openness::document_validity::DocumentValidity),
        Box::new(openness::interpretation_forms::InterpretationForms),
    ]
}

/// Runs every enabled page rule that has metadata on `page`.
pub fn run_page_rules(
    page: &Page,
    catalog: &Catalog,
    rules: &[Box<dyn PageRule>],
) -> Vec<RuleResult> {
    let url = page.url.to_string();
    rules
        .iter()
        .filter_map(|rule| {
            let meta = catalog.rule(rule.id()).filter(|m| m.enabled)?;
            let mut run = RuleRun::new(meta, &url);
            rule.check(page, &mut run);
            Some(run.finish())
        })
        .collect()
}

/// Runs every enabled site rule on the site model.
pub fn run_site_rules(
    site: &SiteModel,
    catalog: &Catalog,
    rules: &[Box<dyn SiteRule>],
) -> Vec<RuleResult> {
    rules
        .iter()
        .filter_map(|rule| {
            let meta = catalog.rule(rule.id()).filter(|m| m.enabled)?;
            let mut run = RuleRun::new(meta, &site.home_url);
            rule.check(site, &mut run);
            Some(run.finish())
        })
        .collect()
}

/// Ids of checks whose metadata is missing from the catalogue (a configuration
/// error when the user's `--rules` dropped one).
pub fn checks_without_metadata(catalog: &Catalog) -> Vec<&'static str> {
    page_rules()
        .iter()
        .map(|r| r.id())
        .chain(site_rules().iter().map(|r| r.id()))
        .filter(|id| catalog.rule(id).is_none())
        .collect()
}

/// Ids of metadata entries without a check.
pub fn metadata_without_checks(catalog: &Catalog) -> Vec<String> {
    let ids: Vec<&'static str> = page_rules()
        .iter()
        .map(|r| r.id())
        .chain(site_rules().iter().map(|r| r.id()))
        .collect();
    catalog
        .rules
        .iter()
        .filter(|m| !ids.contains(&m.id.as_str()))
        .map(|m| m.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Level;

    #[test]
    fn every_check_has_metadata_and_every_rule_has_a_check() {
        let catalog = Catalog::embedded().unwrap();
        assert_eq!(checks_without_metadata(&catalog), Vec::<&str>::new());
        assert_eq!(metadata_without_checks(&catalog), Vec::<String>::new());
    }

    #[test]
    fn levels_match_the_trait() {
        let catalog = Catalog::embedded().unwrap();
        for r in page_rules() {
            assert_eq!(
                catalog.rule(r.id()).unwrap().level,
                Level::Page,
                "{}",
                r.id()
            );
        }
        for r in site_rules() {
            assert_eq!(
                catalog.rule(r.id()).unwrap().level,
                Level::Site,
                "{}",
                r.id()
            );
        }
    }

    #[test]
    fn page_outcomes_fold_bits_and_keep_findings() {
        assert!(page_rules().len() <= MAX_PAGE_RULES);
        let result = |rule: &str, applicable, failed, omitted| RuleResult {
            rule: rule.into(),
            applicable,
            failed,
            findings: Vec::new(),
            omitted,
        };
        let ids = ["a", "b", "c", "d"];
        let (out, findings) = PageOutcomes::fold(
            &ids,
            vec![
                result("a", true, false, 0),
                result("b", false, false, 0),
                result("c", true, true, 7),
                result("d", true, true, 0),
                result("unknown", true, true, 3),
            ],
        );
        assert!(findings.is_empty());
        assert_eq!(out.applicable().collect::<Vec<_>>(), [0, 2, 3]);
        assert_eq!(out.failed().collect::<Vec<_>>(), [2, 3]);
        assert_eq!(out.omitted().collect::<Vec<_>>(), [(2, 7)]);
    }

    #[test]
    fn every_rule_has_texts_in_both_languages_and_a_reference() {
        let catalog = Catalog::embedded().unwrap();
        for r in &catalog.rules {
            for t in [&r.title, &r.help, &r.message, &r.fix] {
                assert!(!t.zh.is_empty() && !t.en.is_empty(), "{}", r.id);
            }
            assert!(!r.refs.is_empty(), "{} has no reference", r.id);
        }
    }
}

/// Helpers for rule unit tests.
#[cfg(test)]
pub mod testing {
    use super::*;

    /// Runs one page rule on an HTML string and returns the number of failed findings.
    pub fn run_rule(id: &str, html: &str) -> usize {
        let catalog = Catalog::embedded().expect("catalog");
        let page = Page::parse(
            url::Url::parse("http://www.example.gov.cn/test.html").expect("url"),
            html.as_bytes(),
            Some("text/html; charset=utf-8"),
            false,
            false,
            1,
        );
        let rules: Vec<Box<dyn PageRule>> =
            page_rules().into_iter().filter(|r| r.id() == id).collect();
        assert_eq!(rules.len(), 1, "no check {id}");
        run_page_rules(&page, &catalog, &rules)
            .iter()
            .flat_map(|r| &r.findings)
            .filter(|f| f.outcome == Outcome::Failed)
            .count()
    }
}
