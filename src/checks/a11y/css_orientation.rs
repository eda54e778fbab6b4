//! `a11y.css-orientation` — the page is not locked to one orientation by CSS.
//!
//! *What it checks*: `@media (orientation: portrait|landscape)` rules in the page's
//! stylesheets that rotate the rendered `html` or `body` by about 90° (`transform:
//! rotate()/rotateZ()/matrix()/matrix3d()` or the `rotate` property), which forces
//! the content back to one orientation when the device turns.
//! *Why*: people with mounted tablets (wheelchairs) cannot turn the device.
//! *Clause*: WCAG 2.1 SC 1.3.4 (AA), ACT b33eff.

use crate::checks::{PageRule, RuleRun};
use crate::dom::{css, hidden};
use crate::page::Page;
use scraper::Selector;
use std::sync::LazyLock;

static STYLE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("style").expect("static selector"));

/// The rotation in degrees a transform value applies, when it is a rotation.
pub fn rotation_degrees(value: &str) -> Option<f64> {
    let v = value.trim().to_ascii_lowercase();
    let (func, args) = match v.split_once('(') {
        Some((f, rest)) => (f.trim().to_string(), rest.trim_end_matches(')').to_string()),
        None => ("rotate".to_string(), v.clone()),
    };
    let nums: Vec<&str> = args
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    match func.as_str() {
        "rotate" | "rotatez" if nums.len() == 1 => angle(nums[0]),
        "matrix" if nums.len() == 6 => {
            let a: f64 = nums[0].parse().ok()?;
            let b: f64 = nums[1].parse().ok()?;
            Some(b.atan2(a).to_degrees())
        }
        "matrix3d" if nums.len() == 16 => {
            let a: f64 = nums[0].parse().ok()?;
            let b: f64 = nums[1].parse().ok()?;
            Some(b.atan2(a).to_degrees())
        }
        _ => None,
    }
}

fn angle(s: &str) -> Option<f64> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len()));
    let n: f64 = num.parse().ok()?;
    Some(match unit {
        "deg" | "" => n,
        "rad" => n.to_degrees(),
        "grad" => n * 0.9,
        "turn" => n * 360.0,
        _ => return None,
    })
}

/// See the module documentation.
pub struct CssOrientation;

impl PageRule for CssOrientation {
    fn id(&self) -> &'static str {
        "a11y.css-orientation"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let root = page.root();
        let body = root
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .find(|e| e.value().name() == "body");
        let sheets: Vec<String> = page
            .html
            .select(&STYLE)
            .map(|s| s.text().collect::<String>())
            .chain(page.stylesheets.iter().map(|(_, t)| t.to_string()))
            .collect();
        for sheet in sheets {
            for (prelude, inner) in css::blocks(&sheet) {
                let p = prelude.to_ascii_lowercase();
                if !p.starts_with("@media") || !p.contains("orientation") {
                    continue;
                }
                for (selector, decls) in css::blocks(&inner) {
                    let target = match selector.trim() {
                        "html" | ":root" => Some(root),
                        "body" => body,
                        _ => None,
                    };
                    let Some(target) = target else { continue };
                    if hidden::display_none(page, target) {
                        continue;
                    }
                    for d in css::parse_declarations(&decls) {
                        let deg = match d.name.as_str() {
                            "transform" => rotation_degrees(&d.value),
                            "rotate" => angle(&d.value),
                            _ => None,
                        };
                        let Some(deg) = deg else { continue };
                        run.applies();
                        let off = (deg.rem_euclid(180.0) - 90.0).abs();
                        if off < 10.0 {
                            run.fail(
                                Some(target),
                                &[(
                                    "rule",
                                    format!(
                                        "{prelude} {{ {selector} {{ {}: {} }} }}",
                                        d.name, d.value
                                    ),
                                )],
                            );
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rotation_degrees;

    #[test]
    fn angles() {
        assert_eq!(rotation_degrees("rotate(90deg)"), Some(90.0));
        assert!((rotation_degrees("rotate(1.5708rad)").unwrap() - 90.0).abs() < 0.01);
        assert_eq!(rotation_degrees("rotateZ(1turn)"), Some(360.0));
        assert!(
            (rotation_degrees("matrix3d(0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)")
                .unwrap()
                + 90.0)
                .abs()
                < 0.01
        );
        assert_eq!(rotation_degrees("translateX(100px)"), None);
    }
}
