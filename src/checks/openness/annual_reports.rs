//! `openness.annual-reports` — a 政府信息公开工作年度报告 for every year, each with
//! the six required sections.
//!
//! *What it checks*: in the 年报 column (pagination followed), a report titled with
//! each year from `first_year` (default 2019, or the site's earliest report if
//! later) to as-of year − 1; the report for year Y is due by 31 January of Y+1, so
//! before February the previous year is not yet required. Each crawled report
//! page must show the six sections of 国办公开办函〔2021〕30号 (总体情况; 主动公开
//! 政府信息情况; 收到和处理政府信息公开申请情况; 行政复议、行政诉讼; 存在的主要问题及
//! 改进情况; 其他需要报告的事项).
//! *Clause*: 政府信息公开条例 第四十九、五十条; 开政务公开办发〔2022〕1号 十四.

use crate::checks::{RuleRun, SiteRule};
use crate::page::MARKERS;
use crate::site::SiteModel;
use chrono::Datelike;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)[0-9]{2})\s*年").expect("static regex"));

/// See the module documentation.
pub struct AnnualReports;

impl SiteRule for AnnualReports {
    fn id(&self) -> &'static str {
        "openness.annual-reports"
    }

    fn check(&self, site: &SiteModel, run: &mut RuleRun<'_>) {
        let Some(col) = site.column("xxgknb").filter(|c| c.found) else {
            return;
        };
        let Some(url) = &col.url else { return };
        let Some(first_page) = site.page(url) else {
            return;
        };
        run.applies();
        // Reports by year from the item titles of the list (all its pages).
        let mut by_year: BTreeMap<i32, String> = BTreeMap::new();
        let mut pages = vec![first_page];
        for p in &first_page.pagination {
            if let Some(s) = site.page(p) {
                pages.push(s);
            }
        }
        for p in &pages {
            for item in &p.dated_items {
                if !(item.text.contains("报告") || item.text.contains("年报")) {
                    continue;
                }
                if let Some(c) = YEAR.captures(&item.text)
                    && let Ok(y) = c[1].parse::<i32>()
                {
                    by_year.entry(y).or_insert_with(|| item.url.clone());
                }
            }
        }
        let first_required = run.meta().param_f64("first_year", 2019.0) as i32;
        let due_until = if site.as_of.month() >= 2 {
            site.as_of.year() - 1
        } else {
            site.as_of.year() - 2
        };
        let start = by_year
            .keys()
            .next()
            .copied()
            .map_or(first_required, |y| y.max(first_required));
        let missing: Vec<String> = (start..=due_until)
            .filter(|y| !by_year.contains_key(y))
            .map(|y| y.to_string())
            .collect();
        if !missing.is_empty() {
            run.fail_for(
                url,
                None,
                &col.lead_units,
                &[("problem", format!("缺少 {} 年度报告", missing.join("、")))],
            );
        }
        for (year, report_url) in &by_year {
            let Some(report) = site.page(report_url) else {
                continue;
            };
            let lacking: Vec<&str> = MARKERS[7..13]
                .iter()
                .copied()
                .filter(|m| !report.markers.iter().any(|x| x == m))
                .collect();
            if !lacking.is_empty() {
                run.fail_for(
                    report_url,
                    None,
                    &col.lead_units,
                    &[(
                        "problem",
                        format!("{year} 年度报告缺少：{}", lacking.join("、")),
                    )],
                );
            }
        }
    }
}
