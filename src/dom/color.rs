//! Colours and WCAG contrast from the cascade: the text colour (inherited), the
//! background behind it (walking up through transparent layers), and the
//! contrast ratio. When the background cannot be known statically — an image, a
//! gradient, a positioned layer, opacity — the answer is "unknown", never a guess.

use super::style;
use crate::page::Page;
use scraper::ElementRef;

/// An sRGB colour with alpha, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    /// Red.
    pub r: f64,
    /// Green.
    pub g: f64,
    /// Blue.
    pub b: f64,
    /// Alpha.
    pub a: f64,
}

impl Rgba {
    /// Opaque white (the canvas).
    pub const WHITE: Rgba = Rgba {
        r: 1.0,
        g: 1.0,
        b: 1.0,
        a: 1.0,
    };
    /// Opaque black (the default text colour).
    pub const BLACK: Rgba = Rgba {
        r: 0.0,
        g: 0.0,
        b: 0.0,
        a: 1.0,
    };

    /// Parses a CSS colour (`#777`, `rgb()`, `hsl()`, names, `transparent`).
    pub fn parse(s: &str) -> Option<Rgba> {
        let c = csscolorparser::parse(s.trim()).ok()?;
        Some(Rgba {
            r: c.r as f64,
            g: c.g as f64,
            b: c.b as f64,
            a: c.a as f64,
        })
    }

    /// This colour painted over an opaque `below`.
    pub fn over(self, below: Rgba) -> Rgba {
        let a = self.a;
        Rgba {
            r: self.r * a + below.r * (1.0 - a),
            g: self.g * a + below.g * (1.0 - a),
            b: self.b * a + below.b * (1.0 - a),
            a: 1.0,
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: f64| {
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!(
            "#{:02x}{:02x}{:02x}",
            (self.r * 255.0).round() as u8,
            (self.g * 255.0).round() as u8,
            (self.b * 255.0).round() as u8
        )
    }
}

/// WCAG contrast ratio of two opaque colours (1–21).
pub fn contrast(a: Rgba, b: Rgba) -> f64 {
    let (l1, l2) = (a.luminance(), b.luminance());
    let (hi, lo) = if l1 > l2 { (l1, l2) } else { (l2, l1) };
    (hi + 0.05) / (lo + 0.05)
}

/// What the contrast of an element's text is, or why it cannot be known.
#[derive(Debug, Clone, PartialEq)]
pub enum TextContrast {
    /// Known: ratio, foreground, background, font size px, bold, and where the colour came from.
    Known {
        ratio: f64,
        fg: Rgba,
        bg: Rgba,
        font_px: f64,
        bold: bool,
        source: String,
    },
    /// Unknown, with the reason.
    Unknown(String),
}

/// The computed text colour (inherited) and its source.
pub fn text_color(page: &Page, el: ElementRef<'_>) -> Option<(Rgba, String)> {
    for e in std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap)) {
        if let Some(d) = page.cascade().declared(e, "color") {
            let v = d.value.trim().to_ascii_lowercase();
            if matches!(v.as_str(), "inherit" | "unset") {
                continue;
            }
            if v == "currentcolor" || v.starts_with("var(") {
                return None;
            }
            return Rgba::parse(&v).map(|c| (c, format!("{} from {}", d.value, d.source)));
        }
    }
    Some((Rgba::BLACK, "default".into()))
}

/// Contrast of the text directly inside `el` (computed once per element and page).
pub fn text_contrast(page: &Page, el: ElementRef<'_>) -> TextContrast {
    if let Some(known) = page.style_cache.borrow().contrast.get(&el.id()) {
        return known.clone();
    }
    let answer = compute_text_contrast(page, el);
    page.style_cache
        .borrow_mut()
        .contrast
        .insert(el.id(), answer.clone());
    answer
}

fn compute_text_contrast(page: &Page, el: ElementRef<'_>) -> TextContrast {
    let Some((fg, source)) = text_color(page, el) else {
        return TextContrast::Unknown("text colour uses currentColor or a variable".into());
    };
    let c = page.cascade();
    if c.declared(el, "text-shadow")
        .is_some_and(|d| d.value.trim() != "none")
    {
        return TextContrast::Unknown("text-shadow".into());
    }
    // Layers from the element up to the first opaque background.
    let mut layers: Vec<Rgba> = Vec::new();
    let mut bg = None;
    for e in std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap)) {
        if c.declared(e, "opacity")
            .is_some_and(|d| d.value.trim().parse::<f64>().is_ok_and(|o| o < 1.0))
        {
            return TextContrast::Unknown("opacity".into());
        }
        for prop in ["background-image", "background"] {
            if let Some(d) = c.declared(e, prop) {
                let v = d.value.to_ascii_lowercase();
                if v.contains("url(") || v.contains("gradient") || v.contains("var(") {
                    return TextContrast::Unknown(format!(
                        "background image on <{}>",
                        e.value().name()
                    ));
                }
            }
        }
        let declared_bg = c
            .declared(e, "background-color")
            .map(|d| d.value)
            .or_else(|| {
                c.declared(e, "background").and_then(|d| {
                    d.value
                        .split_whitespace()
                        .find_map(|t| Rgba::parse(t).map(|_| t.to_string()))
                })
            });
        if let Some(v) = declared_bg {
            let Some(col) = Rgba::parse(&v) else {
                return TextContrast::Unknown(format!("background {v}"));
            };
            if col.a >= 1.0 {
                bg = Some(col);
                break;
            }
            if col.a > 0.0 {
                layers.push(col);
            }
        }
        let pos = c
            .declared(e, "position")
            .map(|d| d.value.to_ascii_lowercase());
        if matches!(pos.as_deref(), Some("absolute" | "fixed")) {
            return TextContrast::Unknown("positioned layer over unknown content".into());
        }
    }
    let mut back = bg.unwrap_or(Rgba::WHITE);
    for layer in layers.into_iter().rev() {
        back = layer.over(back);
    }
    let front = if fg.a < 1.0 { fg.over(back) } else { fg };
    let (font_px, _) = style::font_size(page, el);
    let bold = (std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap)))
        .find_map(|e| c.declared(e, "font-weight").map(|d| d.value))
        .map(|w| {
            matches!(w.trim(), "bold" | "bolder") || w.trim().parse::<u32>().is_ok_and(|n| n >= 700)
        })
        .unwrap_or_else(|| {
            el.ancestors()
                .filter_map(ElementRef::wrap)
                .chain(std::iter::once(el))
                .any(|e| {
                    matches!(
                        e.value().name(),
                        "b" | "strong" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th"
                    )
                })
        });
    TextContrast::Known {
        ratio: contrast(front, back),
        fg: front,
        bg: back,
        font_px,
        bold,
        source,
    }
}

/// WCAG "large text": at least 18pt (24px), or 14pt (18.67px) bold.
pub fn is_large(font_px: f64, bold: bool) -> bool {
    font_px >= 24.0 || (bold && font_px >= 18.66)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios() {
        assert!((contrast(Rgba::BLACK, Rgba::WHITE) - 21.0).abs() < 0.01);
        let grey = Rgba::parse("#777").unwrap();
        assert!((contrast(grey, Rgba::WHITE) - 4.48).abs() < 0.01);
        assert!(is_large(24.0, false) && is_large(19.0, true) && !is_large(19.0, false));
    }
}
