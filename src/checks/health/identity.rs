//! The site-identity family (deductions, our defaults; spec/standards.md §7.2):
//! `health.site-code` (网站标识码; also fails when footer, meta and 找错 widget
//! disagree), `health.icp` (ICP 备案号), `health.police-record` (公安机关备案号),
//! `health.conac-badge` (党政机关标识), `health.error-report` (我为政府网站找错),
//! `health.search` (站内搜索), `health.sitemap` (网站地图), `health.contact` (联系我们).
//!
//! *What it checks*: the home page's footer and header as served. When a feature is
//! absent but the page loads same-site scripts or writes itself with
//! `document.write`, the footer may be written by a script the tool does not run:
//! the answer is `cantTell` naming the script, not `failed`.
//! *Why*: the footer identity block is verified by checkers (国办发〔2017〕47号).

use crate::checks::{RuleRun, SiteRule};
use crate::identity::Identity;
use crate::site::SiteModel;

/// Which identity feature.
#[derive(Debug, Clone, Copy)]
pub enum Feature {
    /// 网站标识码.
    SiteCode,
    /// ICP 备案号.
    Icp,
    /// 公安机关备案号.
    PoliceRecord,
    /// 党政机关 badge.
    ConacBadge,
    /// 我为政府网站找错.
    ErrorReport,
    /// Site search.
    Search,
    /// 网站地图.
    Sitemap,
    /// 联系我们.
    Contact,
}

impl Feature {
    /// The value found, if any.
    pub fn value(self, id: &Identity) -> Option<String> {
        match self {
            Feature::SiteCode => id.site_codes.first().map(|(c, _)| c.clone()),
            Feature::Icp => id.icp.clone(),
            Feature::PoliceRecord => id.police_record.clone(),
            Feature::ConacBadge => id.conac_badge.clone(),
            Feature::ErrorReport => id.error_report.clone(),
            Feature::Search => id.search.clone(),
            Feature::Sitemap => id.sitemap.clone(),
            Feature::Contact => id.contact.clone(),
        }
    }
}

/// One identity rule.
pub struct IdentityRule(pub Feature);

impl SiteRule for IdentityRule {
    fn id(&self) -> &'static str {
        match self.0 {
            Feature::SiteCode => "health.site-code",
            Feature::Icp => "health.icp",
            Feature::PoliceRecord => "health.police-record",
            Feature::ConacBadge => "health.conac-badge",
            Feature::ErrorReport => "health.error-report",
            Feature::Search => "health.search",
            Feature::Sitemap => "health.sitemap",
            Feature::Contact => "health.contact",
        }
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let Some(home) = &site.home else { return };
        let Some(id) = &home.identity else { return };
        run.applies();
        if let Some(value) = self.0.value(id) {
            if matches!(self.0, Feature::SiteCode) {
                let mut codes: Vec<&str> = id.site_codes.iter().map(|(c, _)| c.as_str()).collect();
                codes.sort();
                codes.dedup();
                if codes.len() > 1 {
                    let detail = id
                        .site_codes
                        .iter()
                        .map(|(c, w)| format!("{w}: {c}"))
                        .collect::<Vec<_>>()
                        .join("；");
                    run.fail_at(
                        &home.url,
                        Some(detail.clone()),
                        &[("detail", format!("来源不一致（{detail}）"))],
                    );
                }
            }
            let _ = value;
            return;
        }
        // Only scripts whose names suggest they write page chrome; jquery and
        // analytics scripts do not hide a footer.
        let hints = [
            "foot",
            "bottom",
            "head",
            "top",
            "common",
            "public",
            "include",
            "nav",
            "menu",
            "copyright",
            "bq",
        ];
        let writer = id.scripts.iter().find(|s| {
            let name = s.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
            hints.iter().any(|h| name.contains(h))
        });
        if let Some(script) = writer {
            run.cant_tell_at(
                &home.url,
                Some(script.clone()),
                &[(
                    "detail",
                    format!("页面由脚本 {script} 写入的部分未读取，需人工确认"),
                )],
            );
        } else if id.writes_with_script {
            run.cant_tell_at(
                &home.url,
                None,
                &[(
                    "detail",
                    "页面部分内容由 document.write 写入，需人工确认".into(),
                )],
            );
        } else {
            run.fail_at(&home.url, None, &[("detail", "首页未找到".into())]);
        }
    }
}
