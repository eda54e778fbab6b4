//! `health.future-dates` — publication dates after the audit date (`cantTell`).
//!
//! *What it checks*: dated list items and `PubDate` meta tags later than `--as-of`.
//! *Why*: 发布时间晚于检查时间 is listed among content-accuracy faults; but a date
//! can be an event date rather than a publication date, so a person must look:
//! the answer is always `cantTell`, never `failed`.
//! *Clause*: 国办秘函〔2019〕19号 V1⑤ (our reading; see spec/rules.md).

use crate::checks::{RuleRun, SiteRule};
use crate::site::SiteModel;

/// Most future-dated items reported.
const MAX_REPORTED: usize = 20;

/// See the module documentation.
pub struct FutureDates;

impl SiteRule for FutureDates {
    fn id(&self) -> &'static str {
        "health.future-dates"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let mut reported = std::collections::HashSet::new();
        for page in &site.pages {
            run.applies();
            let dated = page
                .dated_items
                .iter()
                .map(|i| (i.url.clone(), i.text.clone(), i.date))
                .chain(
                    page.pub_date
                        .map(|d| (page.url.clone(), page.title.clone().unwrap_or_default(), d)),
                );
            for (url, text, date) in dated {
                if date > site.as_of
                    && reported.len() < MAX_REPORTED
                    && reported.insert(url.clone())
                {
                    run.cant_tell_at(
                        &page.url,
                        Some(format!("{date} {text}")),
                        &[
                            ("date", date.to_string()),
                            ("as_of", site.as_of.to_string()),
                            ("url", url),
                        ],
                    );
                }
            }
        }
    }
}
