//! `a11y.meta-viewport` — the viewport lets people zoom.
//!
//! *What it checks*: `<meta name="viewport">` must not set `user-scalable=no` (or a
//! value between −1 and 1) nor `maximum-scale` below 2. Shared with
//! `elderly.zoom-blocked` through [`zoom_blocked`].
//! *Why*: older and low-vision visitors enlarge text; blocking zoom on mobile
//! shuts them out.
//! *Clause*: WCAG 2.1 SC 1.4.4 (AA), ACT b4f0c3; MIIT 适老化 (缩放).

use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::page::Page;
use scraper::{ElementRef, Selector};
use std::sync::LazyLock;

static META: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("meta[name][content]").expect("static selector"));

/// Every viewport meta element with the reason it blocks zoom (`None` = allows).
pub fn zoom_blocked(page: &Page) -> Vec<(ElementRef<'_>, Option<String>)> {
    page.html
        .select(&META)
        .filter(|m| {
            m.value()
                .attr_str("name")
                .is_some_and(|n| n.trim().eq_ignore_ascii_case("viewport"))
        })
        .map(|m| {
            (
                m,
                blocking_reason(m.value().attr_str("content").unwrap_or("")),
            )
        })
        .collect()
}

/// Why a viewport `content` blocks zoom, if it does.
pub fn blocking_reason(content: &str) -> Option<String> {
    for part in content.split([',', ';']) {
        let Some((k, v)) = part.split_once('=') else {
            continue;
        };
        let key = k.trim().to_ascii_lowercase();
        let val = v
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .to_ascii_lowercase();
        match key.as_str() {
            "user-scalable" => {
                let blocked = match val.as_str() {
                    "no" => true,
                    "yes" | "device-width" | "device-height" => false,
                    other => other
                        .parse::<f64>()
                        .map(|n| n > -1.0 && n < 1.0)
                        .unwrap_or(true),
                };
                if blocked {
                    return Some(format!("user-scalable={val}"));
                }
            }
            "maximum-scale" => {
                let n = match val.as_str() {
                    "yes" => 1.0,
                    "device-width" | "device-height" => 10.0,
                    other => other.parse::<f64>().unwrap_or(0.0),
                };
                // Negative values are invalid and ignored by browsers.
                if (0.0..2.0).contains(&n) {
                    return Some(format!("maximum-scale={val}"));
                }
            }
            _ => {}
        }
    }
    None
}

/// See the module documentation.
pub struct MetaViewport;

impl PageRule for MetaViewport {
    fn id(&self) -> &'static str {
        "a11y.meta-viewport"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for (meta, reason) in zoom_blocked(page) {
            run.applies();
            if let Some(r) = reason {
                run.fail(Some(meta), &[("reason", r)]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::blocking_reason;

    #[test]
    fn contents() {
        assert!(blocking_reason("width=device-width, user-scalable=no").is_some());
        assert!(blocking_reason("maximum-scale=1.5").is_some());
        assert!(blocking_reason("width=device-width, initial-scale=1").is_none());
        assert!(blocking_reason("maximum-scale=2, user-scalable=yes").is_none());
    }
}
