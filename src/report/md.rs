//! Markdown summary for CI job summaries and merge-request comments.

use super::model::Report;
use std::fmt::Write;

/// Escapes a table cell: pipes, newlines, and HTML-significant characters.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Renders verdict, scores, vetoes, top problems and columns.
pub fn render(r: &Report) -> String {
    let mut m = String::new();
    let verdict = if r.score.verdict == "pass" {
        "✅ 合格"
    } else {
        "❌ 不合格"
    };
    let _ = writeln!(m, "# {} 检查报告\n", cell(&r.site.name));
    let _ = writeln!(
        m,
        "**结论：{verdict}**　总分 **{:.1}**（及格线 {}），检查基准日 {}\n",
        r.score.total, r.score.pass_mark, r.as_of
    );
    if !r.vetoes.is_empty() {
        let _ = writeln!(m, "## 单项否决\n");
        for v in &r.vetoes {
            let _ = writeln!(m, "- `{}` {}（{}）", v.id, cell(&v.reason), cell(&v.url));
        }
        m.push('\n');
    }
    let _ = writeln!(m, "## 分项得分\n\n| 分项 | 得分 | 权重 |\n|---|---|---|");
    for p in &r.score.packs {
        let score = if p.assessed {
            format!("{:.1}", p.score)
        } else {
            "未评估".into()
        };
        let _ = writeln!(m, "| {} | {} | {} |", cell(&p.name), score, p.weight);
    }
    let s = &r.summary;
    let _ = writeln!(
        m,
        "\n页面 {} 个（失败 {}），链接 {} 个（不可用 {}，无法确认 {}），需人工复核 {} 项。\n",
        s.pages_crawled,
        s.pages_failed,
        s.links_checked,
        s.broken_links,
        s.blocked_links,
        s.cant_tell
    );
    let mut rules: Vec<_> = r.rules.iter().filter(|x| x.findings > 0).collect();
    rules.sort_by_key(|x| std::cmp::Reverse(x.findings));
    if !rules.is_empty() {
        let _ = writeln!(
            m,
            "## 主要问题\n\n| 规则 | 严重程度 | 问题数 | 不通过/适用 |\n|---|---|---|---|"
        );
        for x in rules.iter().take(15) {
            let _ = writeln!(
                m,
                "| {} `{}` | {} | {} | {}/{} |",
                cell(&x.title),
                x.id,
                x.severity,
                x.findings,
                x.failed,
                x.applicable
            );
        }
        m.push('\n');
    }
    let missing: Vec<_> = r
        .columns
        .iter()
        .filter(|c| !matches!(c.status, crate::site::ColumnState::Ok))
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(
            m,
            "## 栏目问题\n\n| 栏目 | 状态 | 牵头单位 |\n|---|---|---|"
        );
        for c in missing {
            let status = serde_json::to_value(c.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = writeln!(
                m,
                "| {} | {} | {} |",
                cell(&c.name),
                status,
                cell(&c.lead_units.join("、"))
            );
        }
        m.push('\n');
    }
    if let Some(d) = &r.baseline {
        let _ = writeln!(
            m,
            "## 与基线对比\n\n新增问题 **{}**，仍存在 {}，已整改 {}；新增不可用链接 {}，已修复链接 {}。\n",
            d.new_findings,
            d.present_findings,
            d.fixed_findings,
            d.new_broken_links.len(),
            d.fixed_broken_links.len()
        );
        let new: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.baseline.as_deref() == Some("new"))
            .take(20)
            .collect();
        if !new.is_empty() {
            let _ = writeln!(m, "| 新增问题 | 页面 |\n|---|---|");
            for f in new {
                let _ = writeln!(
                    m,
                    "| `{}` {} | {} |",
                    f.rule,
                    cell(&f.message),
                    cell(&f.url)
                );
            }
            m.push('\n');
        }
        for v in &d.new_vetoes {
            let _ = writeln!(m, "- 新增单项否决：`{v}`");
        }
    }
    if !r.limits_hit.is_empty() {
        let _ = writeln!(m, "## 未完成的部分\n");
        for l in &r.limits_hit {
            let _ = writeln!(
                m,
                "- {}（{}）：{} 个地址未抓取",
                l.limit,
                cell(&l.value),
                l.not_reached
            );
        }
    }
    m
}
