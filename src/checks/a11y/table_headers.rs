//! Table header rules, on a grid model of each `<table>` (rowspan/colspan honoured):
//!
//! - `a11y.th-has-data-cells` — every header cell in an exposed table has at least
//!   one data cell assigned to it, by position (its column for column headers, its
//!   row for row headers) or by a `headers` reference (ACT d0f69e, WCAG 1.3.1);
//! - `a11y.td-headers-attr` — each ID in a cell's `headers` attribute names another
//!   cell of the same table (ACT a25f45, WCAG 1.3.1).
//!
//! *Why*: screen readers announce header cells with each data cell; broken
//! associations read the wrong headers, or none.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::roles;
use crate::page::Page;
use scraper::ElementRef;
use std::collections::HashMap;

/// One cell placed on the grid.
struct Cell<'a> {
    el: ElementRef<'a>,
    row: usize,
    col: usize,
    rows: usize,
    cols: usize,
    header: bool,
}

/// Cells of an ARIA table built from roles (row, cell, gridcell, columnheader,
/// rowheader), without spans.
fn aria_cells<'a>(table: ElementRef<'a>) -> Vec<Cell<'a>> {
    let is_table = |e: ElementRef<'_>| {
        matches!(
            roles::role(e).as_deref(),
            Some("table" | "grid" | "treegrid")
        )
    };
    let rows: Vec<ElementRef> = table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| roles::role(*e).as_deref() == Some("row"))
        .filter(|e| {
            e.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| is_table(*a))
                .map(|a| a.id())
                == Some(table.id())
        })
        .take(2000)
        .collect();
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let row_cells = row.descendants().filter_map(ElementRef::wrap).filter(|e| {
            matches!(
                roles::role(*e).as_deref(),
                Some("cell" | "gridcell" | "columnheader" | "rowheader")
            )
        });
        for (c, cell) in row_cells.take(500).enumerate() {
            cells.push(Cell {
                el: cell,
                row: r,
                col: c,
                rows: 1,
                cols: 1,
                header: matches!(
                    roles::role(cell).as_deref(),
                    Some("columnheader" | "rowheader")
                ),
            });
        }
    }
    cells
}

/// Rows of the table itself (not of nested tables).
fn table_cells<'a>(table: ElementRef<'a>) -> Vec<Cell<'a>> {
    if table.value().name() != "table" {
        return aria_cells(table);
    }
    let mut rows: Vec<ElementRef> = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => rows.extend(
                child
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|r| r.value().name() == "tr"),
            ),
            _ => {}
        }
    }
    let mut occupied: HashMap<(usize, usize), ()> = HashMap::new();
    let mut cells = Vec::new();
    for (r, tr) in rows.iter().enumerate().take(2000) {
        let mut c = 0;
        for td in tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "td" | "th"))
            .take(500)
        {
            while occupied.contains_key(&(r, c)) {
                c += 1;
            }
            let span = |n: &str| {
                td.value()
                    .attr_str(n)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .filter(|v| *v > 0)
                    .unwrap_or(1)
                    .min(100)
            };
            let (rs, cs) = (span("rowspan"), span("colspan"));
            for dr in 0..rs {
                for dc in 0..cs {
                    occupied.insert((r + dr, c + dc), ());
                }
            }
            let role = roles::role(td);
            cells.push(Cell {
                el: td,
                row: r,
                col: c,
                rows: rs,
                cols: cs,
                header: matches!(role.as_deref(), Some("columnheader" | "rowheader"))
                    || td.value().name() == "th",
            });
            c += cs;
        }
    }
    cells
}

fn is_exposed_table(page: &Page, t: ElementRef<'_>) -> bool {
    included(page, t)
        && matches!(
            roles::role(t).as_deref(),
            Some("table" | "grid" | "treegrid")
        )
}

/// Which rule.
pub enum TableRule {
    /// `a11y.th-has-data-cells`.
    HeaderHasCells,
    /// `a11y.td-headers-attr`.
    HeadersAttr,
}

impl PageRule for TableRule {
    fn id(&self) -> &'static str {
        match self {
            TableRule::HeaderHasCells => "a11y.th-has-data-cells",
            TableRule::HeadersAttr => "a11y.td-headers-attr",
        }
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for table in elements(page).filter(|e| {
            e.value().name() == "table"
                || roles::explicit_role(*e)
                    .is_some_and(|r| matches!(r.as_str(), "table" | "grid" | "treegrid"))
        }) {
            let cells = table_cells(table);
            match self {
                TableRule::HeadersAttr => {
                    if !is_exposed_table(page, table) {
                        continue;
                    }
                    let ids: HashMap<&str, ego_tree::NodeId> = cells
                        .iter()
                        .filter_map(|c| c.el.value().id().map(|i| (i, c.el.id())))
                        .collect();
                    for cell in cells
                        .iter()
                        .filter(|c| c.el.value().attr_str("headers").is_some())
                    {
                        run.applies();
                        let refs = cell.el.value().attr_str("headers").unwrap_or("");
                        let bad = refs
                            .split_ascii_whitespace()
                            .any(|id| ids.get(id).is_none_or(|n| *n == cell.el.id()))
                            || refs.trim().is_empty();
                        if bad {
                            run.fail(Some(cell.el), &[("headers", refs.to_string())]);
                        }
                    }
                }
                TableRule::HeaderHasCells => {
                    if !is_exposed_table(page, table) {
                        continue;
                    }
                    for h in cells.iter().filter(|c| c.header && included(page, c.el)) {
                        if matches!(roles::role(h.el).as_deref(), Some("cell" | "gridcell")) {
                            continue;
                        }
                        run.applies();
                        let role = roles::role(h.el);
                        let row_header = role.as_deref() == Some("rowheader") || {
                            // An unscoped th is a row header when its row holds data cells
                            // and its column holds headers only.
                            h.el.value().attr_str("scope").is_none()
                                && cells.iter().any(|c| !c.header && c.row == h.row)
                                && !cells.iter().any(|c| !c.header && c.col == h.col)
                        };
                        // Cells after the header in its row (row header) or column (column
                        // header); header cells below a column header count (HTML tables).
                        let by_position = cells.iter().any(|c| {
                            c.el.id() != h.el.id()
                                && c.el.value().attr_str("headers").is_none()
                                && if row_header {
                                    !c.header && c.row < h.row + h.rows && h.row < c.row + c.rows
                                } else {
                                    c.row >= h.row + h.rows
                                        && c.col < h.col + h.cols
                                        && h.col < c.col + c.cols
                                }
                        });
                        let by_reference = h.el.value().id().is_some_and(|id| {
                            cells.iter().any(|c| {
                                c.el.value()
                                    .attr_str("headers")
                                    .is_some_and(|r| r.split_ascii_whitespace().any(|x| x == id))
                            })
                        });
                        if !by_position && !by_reference {
                            run.fail(
                                Some(h.el),
                                &[(
                                    "header",
                                    crate::page::collapse(&h.el.text().collect::<String>()),
                                )],
                            );
                        }
                    }
                }
            }
        }
    }
}
