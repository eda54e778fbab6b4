//! `elderly.min-font-size` — main text is not too small.
//!
//! *What it checks*: the computed font size (cascade, inheritance, em/%/pt/rem) of
//! main text — outside header, footer and navigation — is at least `min_px`
//! (default 12px) on normal pages and `care_min_px` (default 24px, 18pt) on
//! care-mode pages. Only sizes set by the site's CSS are judged; the finding names
//! the declaration that produced the size ("12px from .content p in /css/main.css").
//! One finding per distinct cause on a page.
//! *Why*: MIIT AG-05/AG-06: older readers need large type.
//! *Clause*: MIIT 互联网网站适老化通用设计规范; our default for normal pages [U].

use super::main_text;
use crate::checks::{PageRule, RuleRun};
use crate::dom::style;
use crate::page::Page;

/// See the module documentation.
pub struct MinFontSize;

impl PageRule for MinFontSize {
    fn id(&self) -> &'static str {
        "elderly.min-font-size"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let min = if page.care_mode {
            run.meta().param_f64("care_min_px", 24.0)
        } else {
            run.meta().param_f64("min_px", 12.0)
        };
        let mut causes: Vec<String> = Vec::new();
        for el in main_text(page) {
            run.applies();
            let (px, source) = style::font_size(page, el);
            let Some(source) = source else { continue };
            if px + 1e-6 < min && !causes.contains(&source) {
                causes.push(source.clone());
                run.fail(
                    Some(el),
                    &[
                        ("size", format!("{px:.1}px")),
                        ("min", format!("{min}px")),
                        ("source", source),
                    ],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run_rule;

    #[test]
    fn fixtures() {
        let r = "elderly.min-font-size";
        assert_eq!(run_rule(r, "<p>默认字号正文</p>"), 0);
        assert_eq!(
            run_rule(
                r,
                r#"<style>.c p{font-size:11px}</style><div class="c"><p>小字正文</p><p>又一段</p></div>"#
            ),
            1
        );
        assert_eq!(
            run_rule(
                r,
                r#"<div style="font-size:10px"><p style="font-size:1.2em">继承后 12px</p></div>"#
            ),
            0
        );
        assert_eq!(
            run_rule(
                r,
                r#"<div class="footer" style="font-size:10px"><p>版权所有</p></div>"#
            ),
            0
        );
        assert_eq!(run_rule(r, r#"<p style="font-size:8pt">8pt 正文</p>"#), 1);
    }
}
