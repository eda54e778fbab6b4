//! `elderly.line-height` — body text line spacing is at least 1.3 × font size.
//!
//! *What it checks*: main text whose line height is set by the site's CSS
//! (unitless factor, length or percentage, inherited as CSS inherits it) against
//! `min_ratio` (default 1.3). Text left at the browser default (`normal`) is not
//! judged. One finding per distinct cause on a page.
//! *Why*: MIIT 适老化 (APP spec: 行距不小于 1.3 倍); cramped lines are hard to track.
//! *Clause*: MIIT 移动互联网应用(APP)适老化通用设计规范 [V]; our default for websites.

use super::main_text;
use crate::checks::{PageRule, RuleRun};
use crate::dom::style;
use crate::page::Page;
use scraper::ElementRef;

/// See the module documentation.
pub struct LineHeight;

impl PageRule for LineHeight {
    fn id(&self) -> &'static str {
        "elderly.line-height"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let min = run.meta().param_f64("min_ratio", 1.3);
        let mut causes: Vec<String> = Vec::new();
        for el in main_text(page) {
            // Only real paragraphs: at least a sentence of text.
            if el.text().collect::<String>().trim().chars().count() < 20 {
                continue;
            }
            let Some((decl_el, decl)) = std::iter::once(el)
                .chain(el.ancestors().filter_map(ElementRef::wrap))
                .find_map(|e| page.cascade().declared(e, "line-height").map(|d| (e, d)))
            else {
                continue;
            };
            run.applies();
            let (font, _) = style::font_size(page, el);
            let (decl_font, _) = style::font_size(page, decl_el);
            let v = decl.value.trim().to_ascii_lowercase();
            let ratio = if v == "normal" || v == "inherit" || v == "initial" {
                continue;
            } else if let Ok(f) = v.parse::<f64>() {
                f
            } else if let Some(px) = style::length_px(&v, decl_font, decl_font) {
                px / font
            } else {
                continue;
            };
            let source = format!("{} from {}", decl.value, decl.source);
            if ratio + 1e-6 < min && !causes.contains(&source) {
                causes.push(source.clone());
                run.fail(
                    Some(el),
                    &[
                        ("ratio", format!("{ratio:.2}")),
                        ("min", format!("{min}")),
                        ("source", source),
                    ],
                );
            }
        }
    }
}
