//! 适老化 pack: the MIIT 《互联网网站适老化通用设计规范》 (2021) rules decided
//! statically — care-mode entry, assistive toolbar, floating ads, inducing
//! buttons, zoom, font size, line height, contrast, focus visibility, CAPTCHA
//! alternatives. Thresholds live in `rules/elderly.toml`.

pub mod assist_toolbar;
pub mod captcha_alternative;
pub mod care_mode_entry;
pub mod contrast;
pub mod floating_ad;
pub mod focus_visible;
pub mod inducement;
pub mod line_height;
pub mod min_font_size;
pub mod zoom_blocked;

use crate::dom::hidden;
use crate::page::Page;
use scraper::ElementRef;

/// Elements carrying main text: own visible text, outside header/footer/nav
/// chrome, not in form controls (found once per page).
pub fn main_text(page: &Page) -> impl Iterator<Item = ElementRef<'_>> {
    page.element_refs(
        page.main_text_ids
            .get_or_init(|| find_main_text(page).map(|e| e.id()).collect()),
    )
}

fn find_main_text(page: &Page) -> impl Iterator<Item = ElementRef<'_>> {
    crate::checks::a11y::color_contrast::text_elements(page).filter(|el| {
        // Page chrome sits near the top of the tree; a bounded walk keeps hostile
        // 20,000-level documents linear.
        !el.ancestors()
            .filter_map(ElementRef::wrap)
            .take(64)
            .any(|a| {
                let v = a.value();
                matches!(v.name(), "header" | "footer" | "nav" | "select" | "button")
                    || v.id().is_some_and(chrome)
                    || v.classes().any(chrome)
            })
            && !hidden::offscreen(page, *el)
    })
}

fn chrome(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    s.starts_with("foot")
        || s.starts_with("top")
        || s == "header"
        || s.starts_with("nav")
        || s.contains("copyright")
        || s.contains("clock")
}

/// Shared verdict of the home-page assistive features: found → passed; absent
/// with a header-writing or unread same-site script → `cantTell` naming it;
/// absent otherwise → failed with `missing`.
pub fn judge_home_feature(
    site: &crate::site::SiteModel,
    run: &mut crate::checks::RuleRun<'_>,
    found: impl Fn(&crate::assist::AssistFeatures) -> bool,
    missing: &str,
) {
    let Some(home) = &site.home else { return };
    let Some(a) = &home.assist else { return };
    run.applies();
    if found(a) {
        return;
    }
    match a.unread_scripts.first().or(a.writing_scripts.first()) {
        Some(script) => run.cant_tell_at(
            &home.url,
            Some(script.clone()),
            &[(
                "detail",
                format!("页面头部可能由脚本 {script} 写入，需人工确认"),
            )],
        ),
        None => run.fail_at(&home.url, None, &[("detail", missing.to_string())]),
    }
}
