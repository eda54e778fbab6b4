//! The one-screen summary printed at the end of every audit.

use super::model::Report;
use crate::checks::Outcome;
use std::fmt::Write;

/// Verdict, pack scores, vetoes, top problems, baseline diff and limits.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    let pass = r.score.verdict == "pass";
    let _ = writeln!(
        s,
        "{} （{}）",
        r.site.name,
        r.site.start_urls.first().map(String::as_str).unwrap_or("")
    );
    let _ = writeln!(
        s,
        "  结论 {}  总分 {:.1}（及格线 {}）  检查基准日 {}",
        if pass {
            "合格 PASS"
        } else {
            "不合格 FAIL"
        },
        r.score.total,
        r.score.pass_mark,
        r.as_of
    );
    for v in &r.vetoes {
        let _ = writeln!(s, "  ✗ 单项否决 {}：{}", v.id, v.reason);
    }
    let packs: Vec<String> = r
        .score
        .packs
        .iter()
        .map(|p| {
            let score = if p.assessed {
                format!("{:.1}", p.score)
            } else {
                "—".into()
            };
            let veto = if p.vetoes.is_empty() {
                String::new()
            } else {
                "（否决项）".into()
            };
            format!("{} {score}{veto}", p.name)
        })
        .collect();
    let _ = writeln!(s, "  分项  {}", packs.join(" · "));
    let sm = &r.summary;
    let _ = writeln!(
        s,
        "  页面 {} 个（失败 {}） 链接 {} 个（不可用 {}，无法确认 {}） 问题 {} 项 需复核 {} 项 用时 {:.1}s",
        sm.pages_crawled,
        sm.pages_failed,
        sm.links_checked,
        sm.broken_links,
        sm.blocked_links,
        r.findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
            .count(),
        sm.cant_tell,
        sm.duration_secs
    );
    let mut rules: Vec<_> = r.rules.iter().filter(|x| x.findings > 0).collect();
    rules.sort_by(|a, b| b.findings.cmp(&a.findings).then(a.id.cmp(&b.id)));
    for x in rules.iter().take(5) {
        let _ = writeln!(s, "  · {:<4} {}（{}）", x.findings, x.title, x.id);
    }
    if let Some(d) = &r.baseline {
        let _ = writeln!(
            s,
            "  与基线相比：新增 {}，仍存在 {}，已整改 {}；新增不可用链接 {}",
            d.new_findings,
            d.present_findings,
            d.fixed_findings,
            d.new_broken_links.len()
        );
    }
    if r.history.len() > 1 {
        let trend: Vec<String> = r
            .history
            .iter()
            .rev()
            .take(5)
            .rev()
            .map(|h| format!("{:.1}", h.total))
            .collect();
        let _ = writeln!(s, "  分数趋势 {}", trend.join(" → "));
    }
    for l in &r.limits_hit {
        let _ = writeln!(
            s,
            "  未完成：{}（{}），{} 个地址未抓取或未解析",
            l.limit, l.value, l.not_reached
        );
    }
    s
}
