//! The self-contained HTML report: one file, Chinese by default, no external
//! assets, every string that came from a page escaped.

use super::model::Report;
use crate::checks::Outcome;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link only for http(s) URLs; anything else is shown as text.
fn link(url: &str, text: &str) -> String {
    if url.starts_with("http://") || url.starts_with("https://") {
        format!(
            "<a href=\"{}\" rel=\"noreferrer\">{}</a>",
            esc(url),
            esc(text)
        )
    } else {
        esc(text)
    }
}

fn tr<'a>(lang: &str, zh: &'a str, en: &'a str) -> &'a str {
    if lang == "en" { en } else { zh }
}

const STYLE: &str = r#"
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;color:#1f2328;background:#f6f8fa;line-height:1.6}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-left:4px solid #b3261e;padding-left:8px;margin-top:32px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;margin:12px 0}
.verdict{display:flex;gap:24px;align-items:center;flex-wrap:wrap}
.big{font-size:48px;font-weight:700}.pass{color:#1a7f37}.fail{color:#b3261e}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600}
.badge.pass{background:#1a7f37;color:#fff}.badge.fail{background:#b3261e;color:#fff}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}
th,td{border:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top;word-break:break-all}
th{background:#eef1f4}
.st-ok{color:#1a7f37}.st-missing,.st-failed{color:#b3261e;font-weight:600}.st-empty,.st-stale{color:#9a6700;font-weight:600}
.muted{color:#57606a;font-size:13px}code{background:#eef1f4;padding:1px 4px;border-radius:4px;font-size:13px}
details{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:6px 0;padding:6px 10px}
summary{cursor:pointer;font-weight:600}
.veto{border-left:4px solid #b3261e;background:#fff5f5;padding:8px 12px;margin:6px 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px}
.stat{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px 14px}.stat b{display:block;font-size:24px}
a{color:#0b57d0}
"#;

/// Renders the report as one HTML document.
pub fn render(r: &Report, lang: &str) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let t = |zh: &'static str, en: &'static str| tr(lang, zh, en);
    let pass = r.score.verdict == "pass";
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><link rel=\"icon\" href=\"data:,\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} — {}</title><style>{STYLE}</style></head><body><main>",
        if lang == "en" { "en" } else { "zh-CN" },
        esc(&r.site.name),
        t("政府网站检查报告", "government website audit report")
    );
    let _ = write!(
        h,
        "<h1>{} {}</h1><p class=\"muted\">{}：{} · {}：{} · {}：{} · govaudit {}</p>",
        esc(&r.site.name),
        t("检查报告", "audit report"),
        t("起始地址", "Start"),
        r.site
            .start_urls
            .iter()
            .map(|u| link(u, u))
            .collect::<Vec<_>>()
            .join("、"),
        t("检查基准日", "As of"),
        r.as_of,
        t("完成时间", "Finished"),
        esc(&r.finished_at),
        esc(&r.tool.version)
    );
    // Verdict first.
    let _ = write!(
        h,
        "<section class=\"card verdict\"><div><div class=\"muted\">{}</div><div class=\"big {}\">{:.1}</div></div><div><span class=\"badge {}\">{}</span><p class=\"muted\">{}</p></div></section>",
        t("总分", "Total score"),
        if pass { "pass" } else { "fail" },
        r.score.total,
        if pass { "pass" } else { "fail" },
        if pass {
            t("合格", "PASS")
        } else {
            t("不合格", "FAIL")
        },
        esc(&r.score.formula)
    );
    if !r.vetoes.is_empty() {
        let _ = write!(h, "<h2>{}</h2>", t("单项否决", "Single-veto items"));
        for v in &r.vetoes {
            let _ = write!(
                h,
                "<div class=\"veto\"><b>{}</b> {} <br>{}</div>",
                esc(&v.id),
                esc(&v.reason),
                link(&v.url, &v.url)
            );
        }
    }
    // Headline numbers.
    let s = &r.summary;
    let _ = write!(h, "<h2>{}</h2><div class=\"grid\">", t("概况", "Overview"));
    let stats: [(&str, String); 6] = [
        (
            t("已检查页面", "Pages checked"),
            s.pages_crawled.to_string(),
        ),
        (
            t("访问失败页面", "Pages failed"),
            s.pages_failed.to_string(),
        ),
        (
            t("已检查链接", "Links checked"),
            s.links_checked.to_string(),
        ),
        (t("不可用链接", "Broken links"), s.broken_links.to_string()),
        (
            t("问题总数", "Findings"),
            s.findings_by_severity.values().sum::<usize>().to_string(),
        ),
        (t("需人工复核", "Needs review"), s.cant_tell.to_string()),
    ];
    for (label, value) in stats {
        let _ = write!(
            h,
            "<div class=\"stat\"><span class=\"muted\">{label}</span><b>{}</b></div>",
            esc(&value)
        );
    }
    h.push_str("</div>");
    // Packs with a bar chart.
    let _ = write!(h, "<h2>{}</h2>", t("分项得分", "Pack scores"));
    h.push_str(&pack_chart(r, lang));
    let _ = write!(
        h,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t("分项", "Pack"),
        t("得分", "Score"),
        t("权重", "Weight"),
        t("计分方法", "Basis")
    );
    for p in &r.score.packs {
        let name = if lang == "en" { &p.name_en } else { &p.name };
        let score = if p.assessed {
            format!("{:.1}", p.score)
        } else {
            t("未评估", "not assessed").to_string()
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"muted\">{}</td></tr>",
            esc(name),
            esc(&score),
            p.weight,
            esc(&p.basis)
        );
    }
    h.push_str("</table>");
    // Pack vetoes, findings by severity and pack, score trend, site features.
    for p in r.score.packs.iter().filter(|p| !p.vetoes.is_empty()) {
        let _ = write!(
            h,
            "<div class=\"veto\"><b>{} {}</b> {}</div>",
            esc(if lang == "en" { &p.name_en } else { &p.name }),
            t("否决项", "pack veto"),
            esc(&p.vetoes.join("；"))
        );
    }
    let _ = write!(
        h,
        "<h2>{}</h2>",
        t("问题分布", "Findings by severity and pack")
    );
    h.push_str(&severity_chart(r, lang));
    if r.history.len() > 1 {
        let _ = write!(h, "<h2>{}</h2>", t("分数趋势", "Score trend"));
        h.push_str(&trend_chart(r, lang));
    }
    if let Some(d) = &r.baseline {
        let _ = write!(
            h,
            "<h2>{}</h2><div class=\"card\"><p>{} <b>{}</b> · {} <b>{}</b> · {} <b>{}</b> · {} <b>{}</b></p>",
            t("与基线对比", "Against the baseline"),
            t("新增问题", "new"),
            d.new_findings,
            t("仍存在", "still present"),
            d.present_findings,
            t("已整改", "fixed"),
            d.fixed_findings,
            t("新增不可用链接", "new broken links"),
            d.new_broken_links.len()
        );
        if !d.fixed.is_empty() {
            let _ = write!(
                h,
                "<details><summary>{}</summary><ul>",
                t("已整改的问题", "Fixed")
            );
            for f in d.fixed.iter().take(100) {
                let _ = write!(
                    h,
                    "<li><code>{}</code> {} <span class=\"muted\">{}</span></li>",
                    esc(&f.rule),
                    esc(&f.message),
                    esc(&f.url)
                );
            }
            h.push_str("</ul></details>");
        }
        h.push_str("</div>");
    }
    let _ = write!(
        h,
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        t("站点标识与辅助功能", "Site identity and assistive features"),
        t("项目", "Feature"),
        t("状态", "State"),
        t("内容", "Value")
    );
    let f = &r.site_features;
    let rows: [(&str, &str, &Option<super::model::Feature>); 8] = [
        ("关怀版入口", "Care-mode entry", &f.care_mode_entry),
        (
            "无障碍工具条",
            "Assistive toolbar",
            &f.accessibility_toolbar,
        ),
        ("网站标识码", "Site code", &f.site_code),
        ("ICP 备案号", "ICP number", &f.icp),
        ("公安机关备案号", "Police record", &f.police_record),
        ("党政机关标识", "Government badge", &f.conac_badge),
        ("站内搜索", "Site search", &f.search),
        (
            "我为政府网站找错",
            "Error-report entry",
            &f.error_report_entry,
        ),
    ];
    for (zh, en, feat) in rows {
        let (state, value) = match feat {
            Some(x) => (
                match x.state.as_str() {
                    "found" => t("已找到", "found"),
                    "missing" => t("未找到", "missing"),
                    _ => t("需复核", "needs review"),
                },
                x.value.clone().unwrap_or_default(),
            ),
            None => (t("未检查", "not checked"), String::new()),
        };
        let class = match feat.as_ref().map(|x| x.state.as_str()) {
            Some("found") => "st-ok",
            Some("missing") => "st-missing",
            _ => "st-stale",
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
            tr(lang, zh, en),
            state,
            esc(&value)
        );
    }
    h.push_str("</table>");
    // Columns.
    let _ = write!(h, "<h2>{}</h2>", t("政务公开栏目", "Required columns"));
    let _ = write!(
        h,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t("栏目", "Column"),
        t("状态", "Status"),
        t("最新日期", "Newest"),
        t("距今天数", "Age (days)"),
        t("条目数", "Items"),
        t("牵头单位", "Lead units"),
        t("依据 / 证据", "Evidence")
    );
    for c in &r.columns {
        let status = serde_json::to_value(c.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let status_zh = match status.as_str() {
            "ok" => t("正常", "ok"),
            "missing" => t("缺失", "missing"),
            "empty" => t("空白", "empty"),
            _ => t("未及时更新", "stale"),
        };
        let name = match &c.url {
            Some(u) => link(u, &c.name),
            None => esc(&c.name),
        };
        let _ = write!(
            h,
            "<tr><td>{name}</td><td class=\"st-{}\">{status_zh}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"muted\">{}</td></tr>",
            esc(&status),
            c.latest_date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into()),
            c.age_days
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into()),
            c.item_count
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into()),
            esc(&c.lead_units.join("、")),
            esc(&c.evidence)
        );
    }
    h.push_str("</table>");
    // Rules.
    let _ = write!(h, "<h2>{}</h2>", t("问题最多的规则", "Top failing rules"));
    let mut rules: Vec<_> = r
        .rules
        .iter()
        .filter(|x| x.findings > 0 || x.cant_tell > 0)
        .collect();
    rules.sort_by(|a, b| b.findings.cmp(&a.findings).then(a.id.cmp(&b.id)));
    if rules.is_empty() {
        let _ = write!(h, "<p>{}</p>", t("未发现问题。", "No problems found."));
    } else {
        let _ = write!(
            h,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            t("规则", "Rule"),
            t("严重程度", "Severity"),
            t("不通过 / 适用", "Failed / applicable"),
            t("问题数", "Findings"),
            t("整改建议", "Fix"),
            t("依据", "References")
        );
        for x in rules {
            let title = if lang == "en" { &x.title_en } else { &x.title };
            let _ = write!(
                h,
                "<tr><td><b>{}</b><br><code>{}</code></td><td>{}</td><td>{} / {}</td><td>{}{}</td><td>{}</td><td class=\"muted\">{}</td></tr>",
                esc(title),
                esc(&x.id),
                esc(&x.severity),
                x.failed,
                x.applicable,
                x.findings,
                if x.cant_tell > 0 {
                    format!("（{} {}）", x.cant_tell, t("项待复核", "to review"))
                } else {
                    String::new()
                },
                {
                    // Up to two example pages.
                    let mut ex: Vec<&str> = Vec::new();
                    for f in r
                        .findings
                        .iter()
                        .filter(|f| f.rule == x.id && f.outcome == Outcome::Failed)
                    {
                        if !ex.contains(&f.url.as_str()) && ex.len() < 2 {
                            ex.push(&f.url);
                        }
                    }
                    let links: Vec<String> = ex.iter().map(|u| link(u, u)).collect();
                    format!(
                        "{}<br><span class=\"muted\">{}</span>",
                        esc(&x.fix),
                        links.join("<br>")
                    )
                },
                esc(&x.refs.join("；"))
            );
        }
        h.push_str("</table>");
    }
    // Broken links grouped by page.
    let _ = write!(
        h,
        "<h2>{}</h2>",
        t("不可用链接（按所在页面）", "Broken links by page")
    );
    if r.links.broken.is_empty() {
        let _ = write!(h, "<p>{}</p>", t("未发现不可用链接。", "No broken links."));
    } else {
        let mut by_page: BTreeMap<&str, Vec<&super::model::BrokenLink>> = BTreeMap::new();
        for b in &r.links.broken {
            let pages: Vec<&str> = if b.found_on.is_empty() {
                vec!["—"]
            } else {
                b.found_on.iter().map(String::as_str).collect()
            };
            for p in pages {
                by_page.entry(p).or_default().push(b);
            }
        }
        for (page, list) in by_page {
            let _ = write!(
                h,
                "<details open><summary>{} ({})</summary><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
                esc(page),
                list.len(),
                t("链接", "Link"),
                t("状态", "Status"),
                t("类型", "Kind")
            );
            for b in list {
                let status = b
                    .status
                    .map(|s| format!("HTTP {s}"))
                    .or_else(|| b.error.clone())
                    .unwrap_or_default();
                let kind = serde_json::to_value(b.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td class=\"st-failed\">{}</td><td>{}</td></tr>",
                    link(&b.url, &b.url),
                    esc(&status),
                    esc(&kind)
                );
            }
            h.push_str("</table></details>");
        }
    }
    // Findings per page.
    let _ = write!(h, "<h2>{}</h2>", t("各页面问题", "Findings per page"));
    let mut per_page: BTreeMap<&str, Vec<&crate::checks::Finding>> = BTreeMap::new();
    for f in r.findings.iter().filter(|f| f.rule != "health.broken-link") {
        per_page.entry(f.url.as_str()).or_default().push(f);
    }
    if per_page.is_empty() {
        let _ = write!(h, "<p>{}</p>", t("无。", "None."));
    }
    for (page, list) in per_page {
        let _ = write!(
            h,
            "<details><summary>{} ({})</summary><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(page),
            list.len(),
            t("规则", "Rule"),
            t("说明", "Message"),
            t("元素", "Element")
        );
        for f in list {
            let msg = if lang == "en" {
                &f.message_en
            } else {
                &f.message
            };
            let outcome = if f.outcome == Outcome::CantTell {
                t("（待复核）", " (needs review)")
            } else {
                ""
            };
            let _ = write!(
                h,
                "<tr><td><code>{}</code>{}</td><td>{}</td><td>{}{}</td></tr>",
                esc(&f.rule),
                outcome,
                esc(msg),
                f.selector
                    .as_deref()
                    .map(|s| format!("<code>{}</code><br>", esc(s)))
                    .unwrap_or_default(),
                f.snippet
                    .as_deref()
                    .map(|s| format!("<span class=\"muted\">{}</span>", esc(s)))
                    .unwrap_or_default()
            );
        }
        h.push_str("</table></details>");
    }
    // What was not checked.
    let _ = write!(
        h,
        "<h2>{}</h2><div class=\"card\"><ul>",
        t("未检查或未完成的部分", "What was not checked")
    );
    for n in &r.not_checked {
        let _ = write!(h, "<li>{}</li>", esc(n));
    }
    for l in &r.limits_hit {
        if !l.examples.is_empty() {
            let _ = write!(
                h,
                "<li>{} {}: {}</li>",
                esc(&l.limit),
                t("示例", "examples"),
                esc(&l.examples.join(" "))
            );
        }
    }
    h.push_str("</ul></div>");
    // Pages.
    let _ = write!(
        h,
        "<h2>{}</h2><details><summary>{} ({})</summary><table><tr><th>URL</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t("已抓取页面", "Pages"),
        t("展开", "Show"),
        r.pages.len(),
        t("状态", "Status"),
        t("编码", "Charset"),
        t("标题", "Title"),
        t("问题", "Findings")
    );
    for p in &r.pages {
        let status = p
            .status
            .map(|s| s.to_string())
            .or_else(|| p.error.as_ref().map(|e| e.message.clone()))
            .unwrap_or_default();
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            link(&p.url, &p.url),
            esc(&status),
            esc(p.charset.as_deref().unwrap_or("")),
            esc(p.title.as_deref().unwrap_or("")),
            p.findings
        );
    }
    h.push_str("</table></details>");
    let _ = writeln!(
        h,
        "<p class=\"muted\">{}</p></main></body></html>",
        t(
            "本报告由 govaudit 生成；扣分值中标注“默认”的为本工具默认值，非官方分值。",
            "Generated by govaudit; values marked default are this tool's defaults, not official points."
        )
    );
    h
}

/// Failed findings by pack (rows) and severity (stacked bars), as inline SVG.
fn severity_chart(r: &Report, lang: &str) -> String {
    let sev = [
        ("critical", "#b3261e"),
        ("serious", "#e8710a"),
        ("moderate", "#f9ab00"),
        ("minor", "#8c959f"),
    ];
    let counts: Vec<(String, Vec<usize>)> = r
        .score
        .packs
        .iter()
        .map(|p| {
            let name = if lang == "en" {
                p.name_en.clone()
            } else {
                p.name.clone()
            };
            let v = sev
                .iter()
                .map(|(s, _)| {
                    r.findings
                        .iter()
                        .filter(|f| {
                            f.pack == p.id
                                && f.outcome == Outcome::Failed
                                && f.severity.as_str() == *s
                        })
                        .count()
                })
                .collect();
            (name, v)
        })
        .collect();
    let max = counts
        .iter()
        .map(|(_, v)| v.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let row = 30;
    let height = row * counts.len() as i32 + 40;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"{}\" width=\"640\" height=\"{height}\" viewBox=\"0 0 640 {height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(tr(
            lang,
            "各分项问题数（按严重程度）",
            "Findings per pack by severity"
        ))
    );
    for (i, (name, v)) in counts.iter().enumerate() {
        let y = i as i32 * row + 5;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>",
            y + 15,
            esc(name)
        );
        let mut x = 110.0;
        for (n, (_, color)) in v.iter().zip(sev.iter()) {
            let w = *n as f64 / max * 440.0;
            if w > 0.0 {
                let _ = write!(
                    svg,
                    "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"20\" fill=\"{color}\"/>"
                );
            }
            x += w;
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"13\">{}</text>",
            x + 6.0,
            y + 15,
            v.iter().sum::<usize>()
        );
    }
    let ly = row * counts.len() as i32 + 25;
    for (i, (s, color)) in sev.iter().enumerate() {
        let x = 110 + i as i32 * 110;
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{}\" y=\"{ly}\" font-size=\"12\">{s}</text>",
            ly - 10,
            x + 16
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The total score of each recorded run, as an inline SVG line.
fn trend_chart(r: &Report, lang: &str) -> String {
    let runs = &r.history;
    let (w, hgt) = (640.0, 160.0);
    let n = runs.len().max(2) as f64;
    let pts: Vec<(f64, f64)> = runs
        .iter()
        .enumerate()
        .map(|(i, run)| {
            (
                40.0 + i as f64 * (w - 60.0) / (n - 1.0),
                10.0 + (100.0 - run.total.clamp(0.0, 100.0)) * (hgt - 40.0) / 100.0,
            )
        })
        .collect();
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"{}\" width=\"{w}\" height=\"{hgt}\" viewBox=\"0 0 {w} {hgt}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(tr(lang, "历次检查总分", "Total score per audit"))
    );
    let pass_y = 10.0 + (100.0 - r.score.pass_mark) * (hgt - 40.0) / 100.0;
    let _ = write!(
        svg,
        "<line x1=\"40\" x2=\"{}\" y1=\"{pass_y:.1}\" y2=\"{pass_y:.1}\" stroke=\"#b3261e\" stroke-dasharray=\"4 4\"/>",
        w - 20.0
    );
    let path: Vec<String> = pts.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
    let _ = write!(
        svg,
        "<polyline fill=\"none\" stroke=\"#0b57d0\" stroke-width=\"2\" points=\"{}\"/>",
        path.join(" ")
    );
    for ((x, y), run) in pts.iter().zip(runs) {
        let _ = write!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\" fill=\"#0b57d0\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{:.1}</text><text x=\"{x:.1}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
            y - 6.0,
            run.total,
            hgt - 8.0,
            esc(run.finished_at.get(5..10).unwrap_or(""))
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Horizontal bars, one per pack, as inline SVG.
fn pack_chart(r: &Report, lang: &str) -> String {
    let row = 34;
    let height = row * r.score.packs.len() as i32 + 10;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"{}\" width=\"640\" height=\"{height}\" viewBox=\"0 0 640 {height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(tr(lang, "分项得分条形图", "Pack score bar chart"))
    );
    for (i, p) in r.score.packs.iter().enumerate() {
        let y = i as i32 * row + 5;
        let w = if p.assessed {
            (p.score.clamp(0.0, 100.0) * 4.4) as i32
        } else {
            0
        };
        let color = if !p.assessed {
            "#8c959f"
        } else if p.score >= p.pass_mark {
            "#1a7f37"
        } else {
            "#b3261e"
        };
        let name = if lang == "en" { &p.name_en } else { &p.name };
        let label = if p.assessed {
            format!("{:.1}", p.score)
        } else {
            tr(lang, "未评估", "n/a").to_string()
        };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"14\">{}</text><rect x=\"110\" y=\"{y}\" width=\"440\" height=\"22\" fill=\"#eef1f4\"/><rect x=\"110\" y=\"{y}\" width=\"{w}\" height=\"22\" fill=\"{color}\"/><text x=\"560\" y=\"{}\" font-size=\"14\">{}</text>",
            y + 16,
            esc(name),
            y + 16,
            esc(&label)
        );
    }
    svg.push_str("</svg>");
    svg
}
