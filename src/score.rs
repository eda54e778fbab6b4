//! Scores: per pack (rules.md "Pack score") and in total, with the single-veto
//! verdict. Weights and thresholds come from `rules/scoring.toml` and rule params.

use crate::checks::{Outcome, RuleResult};
use crate::crawl::{LinkHealth, LinkStatus};
use crate::rules::{Catalog, Level};
use crate::site::{ColumnState, ColumnStatus};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Per-rule totals over the crawl.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RuleTally {
    /// Pages (or 1 for site rules) where the rule applied.
    pub applicable: usize,
    /// Of those, where it failed.
    pub failed: usize,
    /// Findings (failed) reported, over the cap included.
    pub findings: usize,
    /// cantTell answers.
    pub cant_tell: usize,
}

/// One pack's score.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PackScore {
    /// Pack id.
    pub id: String,
    /// Chinese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// 0–100.
    pub score: f64,
    /// Weight in the total.
    pub weight: f64,
    /// False when no rule of the pack applied; then it is left out of the total.
    pub assessed: bool,
    /// Pack pass mark.
    pub pass_mark: f64,
    /// How the score was made.
    pub basis: String,
    /// Pack vetoes that fired (MIIT veto-class items: a floating ad, no care entry).
    #[serde(default)]
    pub vetoes: Vec<String>,
    /// Assessed, at or above the pack pass mark, and no pack veto.
    #[serde(default)]
    pub passed: bool,
}

/// A single-veto item that fired.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Veto {
    /// Rule id.
    pub id: String,
    /// Why, in Chinese, with the threshold and evidence.
    pub reason: String,
    /// Evidence URL.
    pub url: String,
}

/// The total and verdict.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Score {
    /// Weighted mean of the assessed packs, 0–100.
    pub total: f64,
    /// `pass` or `fail`.
    pub verdict: String,
    /// Pass mark of the total.
    pub pass_mark: f64,
    /// The formula, for the report.
    pub formula: String,
    /// Per pack.
    pub packs: Vec<PackScore>,
}

/// Computes pack scores, vetoes and the verdict.
pub fn score(
    catalog: &Catalog,
    tallies: &BTreeMap<String, RuleTally>,
    site_results: &[RuleResult],
    columns: &[ColumnStatus],
    links: &[LinkStatus],
) -> (Score, Vec<Veto>) {
    let mut vetoes = Vec::new();
    for result in site_results {
        let Some(meta) = catalog.rule(&result.rule) else {
            continue;
        };
        if !meta.veto {
            continue;
        }
        if let Some(f) = result
            .findings
            .iter()
            .find(|f| f.outcome == Outcome::Failed)
        {
            vetoes.push(Veto {
                id: meta.id.clone(),
                reason: format!("{}：{}", meta.title.zh, f.message),
                url: f.url.clone(),
            });
        }
    }
    let packs: Vec<PackScore> = catalog
        .scoring
        .pack
        .iter()
        .map(|p| {
            let (score, assessed, basis) = match p.id.as_str() {
                "openness" => openness_score(catalog, columns),
                "health" => health_score(catalog, tallies, links),
                _ => rule_mean_score(catalog, &p.id, tallies),
            };
            let vetoes: Vec<String> = catalog
                .rules
                .iter()
                .filter(|r| r.enabled && r.pack_veto && r.pack() == p.id)
                .filter(|r| tallies.get(&r.id).is_some_and(|t| t.failed > 0))
                .map(|r| format!("{}（{}）", r.title.zh, r.id))
                .collect();
            let score = round1(score);
            PackScore {
                id: p.id.clone(),
                name: p.name.zh.clone(),
                name_en: p.name.en.clone(),
                score,
                weight: p.weight,
                assessed,
                pass_mark: p.pass_mark,
                basis,
                passed: assessed && vetoes.is_empty() && score >= p.pass_mark,
                vetoes,
            }
        })
        .collect();
    let (sum, weights) = packs
        .iter()
        .filter(|p| p.assessed)
        .fold((0.0, 0.0), |(s, w), p| {
            (s + p.score * p.weight, w + p.weight)
        });
    let total = if weights > 0.0 {
        round1(sum / weights)
    } else {
        0.0
    };
    let pass_mark = catalog.scoring.pass_mark;
    let verdict = if vetoes.is_empty() && total >= pass_mark {
        "pass"
    } else {
        "fail"
    };
    let formula = format!(
        "总分 = Σ(包得分 × 权重) / Σ权重（仅计已评估的包：{}）；任一单项否决项触发或总分低于 {pass_mark} 即为不合格",
        packs
            .iter()
            .filter(|p| p.assessed)
            .map(|p| format!("{} {}", p.name, p.weight))
            .collect::<Vec<_>>()
            .join("、")
    );
    (
        Score {
            total,
            verdict: verdict.into(),
            pass_mark,
            formula,
            packs,
        },
        vetoes,
    )
}

/// 100 × weighted mean of (1 − failing share) over rules that applied anywhere.
fn rule_mean_score(
    catalog: &Catalog,
    pack: &str,
    tallies: &BTreeMap<String, RuleTally>,
) -> (f64, bool, String) {
    let (mut sum, mut weights) = (0.0, 0.0);
    for meta in catalog
        .rules
        .iter()
        .filter(|r| r.enabled && r.pack() == pack)
    {
        let Some(t) = tallies.get(&meta.id) else {
            continue;
        };
        if t.applicable == 0 {
            continue;
        }
        let w = catalog.weight(meta);
        sum += w * (1.0 - t.failed as f64 / t.applicable as f64);
        weights += w;
    }
    if weights == 0.0 {
        return (100.0, false, "本包没有适用的规则，未计入总分".into());
    }
    (
        100.0 * sum / weights,
        true,
        "100 × Σ(规则权重 × (1 − 不通过页面数/适用页面数)) / Σ规则权重；权重按严重程度 critical 10 / serious 7 / moderate 3 / minor 1".into(),
    )
}

/// Column weights: found, non-empty and fresh shares.
fn openness_score(catalog: &Catalog, columns: &[ColumnStatus]) -> (f64, bool, String) {
    let shares = &catalog.scoring.column_shares;
    let (mut earned, mut total) = (0.0, 0.0);
    for c in columns {
        total += c.weight;
        earned += c.weight
            * match c.status {
                ColumnState::Ok => shares.found + shares.nonempty + shares.fresh,
                ColumnState::Stale => shares.found + shares.nonempty,
                ColumnState::Empty => shares.found,
                ColumnState::Missing => 0.0,
            };
    }
    if total == 0.0 {
        return (100.0, false, "栏目目录为空，未计入总分".into());
    }
    (
        100.0 * earned / total,
        true,
        format!(
            "每个栏目按权重计分：找到 {:.0}%、有内容 {:.0}%、及时更新 {:.0}%",
            shares.found * 100.0,
            shares.nonempty * 100.0,
            shares.fresh * 100.0
        ),
    )
}

/// 100 minus deductions (defaults; the national point table was not found).
fn health_score(
    catalog: &Catalog,
    tallies: &BTreeMap<String, RuleTally>,
    links: &[LinkStatus],
) -> (f64, bool, String) {
    let mut deduction = 0.0;
    if let Some(meta) = catalog.rule("health.broken-link").filter(|m| m.enabled) {
        let broken = links.iter().filter(|l| l.health() == LinkHealth::Broken);
        let (home, other) = broken.fold((0usize, 0usize), |(h, o), l| {
            if l.on_home { (h + 1, o) } else { (h, o + 1) }
        });
        deduction +=
            (home as f64 * meta.param_f64("home_each", 1.0)).min(meta.param_f64("home_cap", 20.0));
        deduction += (other as f64 * meta.param_f64("other_each", 0.1))
            .min(meta.param_f64("other_cap", 20.0));
    }
    for meta in catalog
        .rules
        .iter()
        .filter(|r| r.enabled && r.pack() == "health" && r.level == Level::Site)
    {
        let each = meta.param_f64("deduction", 0.0);
        let Some(t) = tallies.get(&meta.id).filter(|t| t.failed > 0) else {
            continue;
        };
        let per_finding = matches!(
            meta.params.get("per_finding"),
            Some(toml::Value::Boolean(true))
        );
        deduction += if per_finding {
            each * t.findings as f64
        } else {
            each
        };
    }
    (
        (100.0 - deduction).max(0.0),
        true,
        "100 − 扣分（默认分值：首页不可用链接每个 −1，上限 20；其他页面每个 −0.1，上限 20；站点标识等按 rules/health.toml 的 deduction；国家分值表未核实）".into(),
    )
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
