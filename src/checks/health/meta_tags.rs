//! `health.meta-tags` — national meta tags missing (deduction per tag kind).
//!
//! *What it checks*: `SiteName` and `SiteIDCode` on the home page, `ColumnName` on
//! column pages, `ArticleTitle` and `PubDate` on article pages (国办发〔2017〕47号
//! annex, spec/standards.md §7.3); a tag kind fails when the pages that should
//! carry it mostly do not (under half).
//! *Why*: the national monitor reads these tags to find columns and dates.

use crate::checks::{RuleRun, SiteRule};
use crate::site::SiteModel;

/// See the module documentation.
pub struct MetaTags;

impl SiteRule for MetaTags {
    fn id(&self) -> &'static str {
        "health.meta-tags"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let Some(home) = &site.home else { return };
        run.applies();
        for tag in ["SiteName", "SiteIDCode"] {
            if !home.meta.contains_key(tag) {
                run.fail_at(
                    &home.url,
                    None,
                    &[("tag", tag.into()), ("where", "首页".into())],
                );
            }
        }
        let lists: Vec<_> = site
            .pages
            .iter()
            .filter(|p| p.dated_item_count >= 3)
            .collect();
        let articles: Vec<_> = site
            .pages
            .iter()
            .filter(|p| p.depth > 0 && p.dated_item_count == 0 && !p.soft_404)
            .collect();
        let share = |pages: &[&crate::page::PageSummary], tag: &str| {
            pages.iter().filter(|p| p.meta.contains_key(tag)).count() * 2 >= pages.len()
        };
        if !lists.is_empty() && !share(&lists, "ColumnName") {
            run.fail_at(
                &lists[0].url,
                None,
                &[("tag", "ColumnName".into()), ("where", "栏目页".into())],
            );
        }
        for tag in ["ArticleTitle", "PubDate"] {
            if articles.len() >= 3 && !share(&articles, tag) {
                run.fail_at(
                    &articles[0].url,
                    None,
                    &[("tag", tag.into()), ("where", "文章页".into())],
                );
            }
        }
    }
}
