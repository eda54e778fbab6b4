//! Domain rules (deductions, our defaults):
//!
//! - `health.gov-domain`: the portal is not under `.gov.cn` (政府网站域名 norms of
//!   国办发〔2017〕47号);
//! - `health.https`: the home page is not served over HTTPS (best practice).
//!
//! Loopback and IP-address sites (tests, the demo) are not judged.

use crate::checks::{RuleRun, SiteRule};
use crate::site::SiteModel;
use url::Url;

fn judged_host(site: &SiteModel) -> Option<(Url, String)> {
    let url = Url::parse(&site.home_url).ok()?;
    match url.host()? {
        url::Host::Domain(d) if d != "localhost" => Some((url.clone(), d.to_ascii_lowercase())),
        _ => None,
    }
}

/// `health.gov-domain`.
pub struct GovDomain;

impl SiteRule for GovDomain {
    fn id(&self) -> &'static str {
        "health.gov-domain"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let Some((_, host)) = judged_host(site) else {
            return;
        };
        run.applies();
        if !(host.ends_with(".gov.cn") || host == "gov.cn") {
            run.fail_at(&site.home_url, Some(host.clone()), &[("host", host)]);
        }
    }
}

/// `health.https`.
pub struct Https;

impl SiteRule for Https {
    fn id(&self) -> &'static str {
        "health.https"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let Some((url, _)) = judged_host(site) else {
            return;
        };
        run.applies();
        let final_https = site
            .home
            .as_ref()
            .is_some_and(|h| h.final_url.starts_with("https://"));
        if url.scheme() != "https" && !final_https {
            run.fail_at(&site.home_url, None, &[("url", site.home_url.clone())]);
        }
    }
}
