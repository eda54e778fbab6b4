//! `a11y.color-contrast` — text has enough contrast with its background.
//!
//! *What it checks*: for visible text, the contrast ratio of its computed colour
//! and the background behind it (through transparent layers) is at least 4.5:1, or
//! 3:1 for large text (24px, or 18.67px bold). Backgrounds that cannot be known
//! from the static page — images, gradients, positioned layers, opacity, text
//! shadows — answer `cantTell`, never `failed`. Shared with `elderly.contrast`.
//! *Why*: low contrast is the most common barrier for older and low-vision readers.
//! *Clause*: WCAG 2.1 SC 1.4.3 (AA); GB/T 37668-2019 (mapping unverified); MIIT 适老化.

use super::elements;
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::color::{TextContrast, is_large, text_contrast};
use crate::dom::hidden;
use crate::page::Page;
use scraper::ElementRef;

/// Elements with their own visible, non-blank text (found once per page).
pub fn text_elements(page: &Page) -> impl Iterator<Item = ElementRef<'_>> {
    page.element_refs(
        page.text_element_ids
            .get_or_init(|| find_text_elements(page).map(|e| e.id()).collect()),
    )
}

fn find_text_elements(page: &Page) -> impl Iterator<Item = ElementRef<'_>> {
    elements(page).filter(move |el| {
        !matches!(
            el.value().name(),
            "script" | "style" | "title" | "head" | "option" | "textarea" | "noscript"
        ) && el.children().any(|c| {
            c.value()
                .as_text()
                .is_some_and(|t| t.trim().chars().any(char::is_alphanumeric))
        }) && !hidden::invisible(page, *el)
            && !hidden::offscreen(page, *el)
            && el.value().attr_str("disabled").is_none()
    })
}

/// See the module documentation.
pub struct ColorContrast;

impl PageRule for ColorContrast {
    fn id(&self) -> &'static str {
        "a11y.color-contrast"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in text_elements(page) {
            run.applies();
            match text_contrast(page, el) {
                TextContrast::Known {
                    ratio,
                    fg,
                    bg,
                    font_px,
                    bold,
                    source,
                } => {
                    let need = if is_large(font_px, bold) { 3.0 } else { 4.5 };
                    if ratio + 1e-6 < need {
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
                TextContrast::Unknown(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run_rule;

    #[test]
    fn fixtures() {
        let r = "a11y.color-contrast";
        assert_eq!(run_rule(r, "<p>黑字白底</p>"), 0);
        assert_eq!(run_rule(r, r#"<p style="color:#999">浅灰</p>"#), 1);
        assert_eq!(
            run_rule(
                r,
                r#"<style>.c{color:#aaa}</style><div class="c"><p>继承的浅灰</p></div>"#
            ),
            1
        );
        assert_eq!(
            run_rule(
                r,
                r#"<div style="background:url(a.png)"><p style="color:#999">图上文字</p></div>"#
            ),
            0
        );
        assert_eq!(
            run_rule(r, r#"<p style="color:#949494;font-size:24px">大字</p>"#),
            0
        );
        assert_eq!(
            run_rule(
                r,
                r#"<div style="background-color:#000"><p style="color:#333">深底深字</p></div>"#
            ),
            1
        );
    }
}
