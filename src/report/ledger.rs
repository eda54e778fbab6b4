//! The rectification ledger (整改台账): one row per problem with 序号, 问题类型,
//! 栏目/页面, 问题描述, 依据, 牵头单位, 整改建议, 发现日期 — grouped and sorted by the
//! responsible unit named in the notice (from the column catalogue and the rule
//! metadata). Written as CSV (UTF-8 with BOM, so Excel opens it) and XLSX.

use super::model::Report;
use crate::checks::Outcome;

/// The ledger's column headings.
pub const HEADINGS: [&str; 8] = [
    "序号",
    "问题类型",
    "栏目/页面",
    "问题描述",
    "依据",
    "牵头单位",
    "整改建议",
    "发现日期",
];

/// One ledger row.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerRow {
    /// The unit this row is filed under (first lead unit).
    pub unit: String,
    /// 问题类型 (rule title).
    pub kind: String,
    /// 栏目/页面.
    pub place: String,
    /// 问题描述.
    pub description: String,
    /// 依据.
    pub basis: String,
    /// 牵头单位 (all units).
    pub units: String,
    /// 整改建议.
    pub fix: String,
    /// 发现日期.
    pub date: String,
}

/// The ledger rows of a report: failed findings, grouped by unit.
pub fn rows(report: &Report) -> Vec<LedgerRow> {
    let date = report.finished_at.get(..10).unwrap_or("").to_string();
    let mut out: Vec<LedgerRow> = report
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Failed)
        .map(|f| {
            let rule = report.rules.iter().find(|r| r.id == f.rule);
            let units = if f.lead_units.is_empty() {
                vec!["区数据资源中心".to_string()]
            } else {
                f.lead_units.clone()
            };
            let column = report
                .columns
                .iter()
                .find(|c| c.url.as_deref() == Some(f.url.as_str()) && f.pack == "openness");
            LedgerRow {
                unit: units[0].clone(),
                kind: rule
                    .map(|r| r.title.clone())
                    .unwrap_or_else(|| f.rule.clone()),
                place: match column {
                    Some(c) => format!("{}（{}）", c.name, f.url),
                    None => f.url.clone(),
                },
                description: f.message.clone(),
                basis: f.refs.join("；"),
                units: units.join("、"),
                fix: rule.map(|r| r.fix.clone()).unwrap_or_default(),
                date: date.clone(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.unit
            .cmp(&b.unit)
            .then(a.kind.cmp(&b.kind))
            .then(a.place.cmp(&b.place))
    });
    out
}

fn csv_field(s: &str) -> String {
    // Spreadsheet formula injection: a cell starting with = + - @ is text.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// CSV, UTF-8 with BOM.
pub fn csv(report: &Report) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    out.push_str(
        &HEADINGS
            .iter()
            .map(|h| csv_field(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str("\r\n");
    for (i, r) in rows(report).iter().enumerate() {
        let fields = [
            (i + 1).to_string(),
            r.kind.clone(),
            r.place.clone(),
            r.description.clone(),
            r.basis.clone(),
            r.units.clone(),
            r.fix.clone(),
            r.date.clone(),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// XLSX workbook with one sheet, 整改台账.
pub fn xlsx(report: &Report) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("整改台账").map_err(|e| e.to_string())?;
    let bold = Format::new().set_bold().set_background_color("D9E1F2");
    let wrap = Format::new().set_text_wrap();
    for (c, h) in HEADINGS.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(|e| e.to_string())?;
    }
    let widths = [6.0, 24.0, 40.0, 50.0, 40.0, 20.0, 40.0, 12.0];
    for (c, w) in widths.iter().enumerate() {
        sheet
            .set_column_width(c as u16, *w)
            .map_err(|e| e.to_string())?;
    }
    for (i, r) in rows(report).iter().enumerate() {
        let row = (i + 1) as u32;
        sheet
            .write_number(row, 0, (i + 1) as f64)
            .map_err(|e| e.to_string())?;
        let cells = [
            &r.kind,
            &r.place,
            &r.description,
            &r.basis,
            &r.units,
            &r.fix,
            &r.date,
        ];
        for (c, v) in cells.iter().enumerate() {
            sheet
                .write_string_with_format(row, (c + 1) as u16, v.as_str(), &wrap)
                .map_err(|e| e.to_string())?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    book.save_to_buffer().map_err(|e| e.to_string())
}
