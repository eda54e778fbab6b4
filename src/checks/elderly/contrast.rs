//! `elderly.contrast` — main text contrast for older readers: at least 4.5:1, or
//! 3:1 for large text, computed exactly as `a11y.color-contrast` (which it
//! shares); unknown backgrounds are `cantTell`, never `failed`. One finding per
//! distinct colour pair on a page.
//! *Why*: MIIT AG-05 (背景色高对比); WCAG 2.1 SC 1.4.3.

use super::main_text;
use crate::checks::{PageRule, RuleRun};
use crate::dom::color::{TextContrast, is_large, text_contrast};
use crate::page::Page;

/// See the module documentation.
pub struct Contrast;

impl PageRule for Contrast {
    fn id(&self) -> &'static str {
        "elderly.contrast"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let normal = run.meta().param_f64("normal_ratio", 4.5);
        let large = run.meta().param_f64("large_ratio", 3.0);
        let mut pairs: Vec<(String, String)> = Vec::new();
        for el in main_text(page) {
            run.applies();
            if let TextContrast::Known {
                ratio,
                fg,
                bg,
                font_px,
                bold,
                source,
            } = text_contrast(page, el)
            {
                let need = if is_large(font_px, bold) {
                    large
                } else {
                    normal
                };
                let pair = (fg.hex(), bg.hex());
                if ratio + 1e-6 < need && !pairs.contains(&pair) {
                    pairs.push(pair);
                    run.fail(
                        Some(el),
                        &[
                            ("ratio", format!("{ratio:.2}")),
                            ("need", format!("{need}")),
                            ("fg", fg.hex()),
                            ("bg", bg.hex()),
                            ("source", source),
                        ],
                    );
                }
            }
        }
    }
}
