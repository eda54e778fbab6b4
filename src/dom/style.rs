//! Computed values the rules need, from the cascade plus inheritance: font size
//! (px), and CSS lengths resolved against it.

use crate::page::Page;
use scraper::ElementRef;

/// Initial font size (the browser default `medium`).
pub const DEFAULT_FONT_PX: f64 = 16.0;

/// Resolves a CSS length to px: `px`, `pt`, `pc`, `in`, `cm`, `mm`, `em`, `rem`, `%`
/// (of `reference`), `ex`/`ch` (≈ 0.5 em); `None` for anything else.
pub fn length_px(value: &str, font_px: f64, reference: f64) -> Option<f64> {
    let v = value.trim().to_ascii_lowercase();
    if v == "0" {
        return Some(0.0);
    }
    let split = v.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))?;
    let (num, unit) = v.split_at(split);
    let n: f64 = num.parse().ok()?;
    Some(match unit.trim() {
        "px" => n,
        "pt" => n * 4.0 / 3.0,
        "pc" => n * 16.0,
        "in" => n * 96.0,
        "cm" => n * 96.0 / 2.54,
        "mm" => n * 96.0 / 25.4,
        "q" => n * 96.0 / 101.6,
        "em" => n * font_px,
        "rem" => n * DEFAULT_FONT_PX,
        "ex" | "ch" => n * font_px * 0.5,
        "%" => n * reference / 100.0,
        "vw" | "vh" | "vmin" | "vmax" => return None,
        _ => return None,
    })
}

/// The computed font size of `el` in px, with the source of the winning
/// declaration (`None` = inherited default).
pub fn font_size(page: &Page, el: ElementRef<'_>) -> (f64, Option<String>) {
    // Walk up to the first element already answered, then down so em/% resolve
    // against the parent, remembering every answer on the way.
    let mut chain: Vec<ElementRef> = Vec::new();
    let mut size = DEFAULT_FONT_PX;
    let mut source = None;
    let mut cur = Some(el);
    while let Some(e) = cur {
        if let Some((px, src)) = page.style_cache.borrow().font_size.get(&e.id()) {
            size = *px;
            source = src.clone();
            break;
        }
        chain.push(e);
        cur = e.parent().and_then(ElementRef::wrap);
    }
    for e in chain.into_iter().rev() {
        if let Some(d) = page.cascade().declared(e, "font-size") {
            let parent = size;
            let v = d.value.trim().to_ascii_lowercase();
            let resolved = match v.as_str() {
                "xx-small" => Some(9.0),
                "x-small" => Some(10.0),
                "small" => Some(13.0),
                "medium" => Some(16.0),
                "large" => Some(18.0),
                "x-large" => Some(24.0),
                "xx-large" => Some(32.0),
                "xxx-large" => Some(48.0),
                "smaller" => Some(parent / 1.2),
                "larger" => Some(parent * 1.2),
                "inherit" | "unset" => Some(parent),
                "initial" => Some(DEFAULT_FONT_PX),
                other => length_px(other, parent, parent),
            };
            if let Some(px) = resolved {
                size = px;
                source = Some(format!("{} from {}", d.value, d.source));
            }
        }
        page.style_cache
            .borrow_mut()
            .font_size
            .insert(e.id(), (size, source.clone()));
    }
    (size, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        assert_eq!(length_px("12px", 16.0, 16.0), Some(12.0));
        assert_eq!(length_px("1.5em", 10.0, 10.0), Some(15.0));
        assert_eq!(length_px("150%", 10.0, 10.0), Some(15.0));
        assert_eq!(length_px("9pt", 16.0, 16.0), Some(12.0));
        assert_eq!(length_px("normal", 16.0, 16.0), None);
    }
}
