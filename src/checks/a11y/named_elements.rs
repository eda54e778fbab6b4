//! The "has a non-empty accessible name" family. Each variant picks its targets;
//! the decision is the same accname computation (`dom::accname`):
//!
//! - `a11y.input-image-alt` — `<input type="image">` (ACT 59796f, WCAG 1.1.1, 4.1.2);
//! - `a11y.svg-img-alt` — `<svg>` with role img / graphics-document / graphics-symbol (ACT 7d6734, 1.1.1);
//! - `a11y.object-alt` — `<object>` rendering an image, audio or video (ACT 8fc3b6, 1.1.1);
//! - `a11y.link-name` — elements with role link (ACT c487ae, 2.4.4, 4.1.2);
//! - `a11y.button-name` — role button, except image buttons (ACT 97a4e1, 4.1.2);
//! - `a11y.label` — form fields: textbox, checkbox, combobox … (ACT e086e5, 4.1.2);
//! - `a11y.frame-title` — `<iframe>` (ACT cae760, 4.1.2);
//! - `a11y.heading-name` — role heading (ACT ffd0e9);
//! - `a11y.menuitem-name` — role menuitem (ACT m6b1q3, 4.1.2);
//! - `a11y.summary-name` — the summary of a `<details>` (ACT 2t702h, 4.1.2).
//!
//! *Why*: screen readers announce controls, links and frames by their names; an
//! unnamed one is "link", "button", "frame" — useless.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::dom::{accname, roles};
use crate::page::Page;
use scraper::ElementRef;

/// Which element family.
#[derive(Clone, Copy)]
pub enum Named {
    /// `<input type=image>`.
    InputImage,
    /// `<svg role=img>`.
    SvgImg,
    /// `<object>` with non-text content.
    Object,
    /// Links.
    Link,
    /// Buttons.
    Button,
    /// Form fields.
    FormField,
    /// Frames.
    Frame,
    /// Headings.
    Heading,
    /// Menu items.
    MenuItem,
    /// `<summary>`.
    Summary,
}

const FIELD_ROLES: [&str; 11] = [
    "checkbox",
    "combobox",
    "listbox",
    "menuitemcheckbox",
    "menuitemradio",
    "radio",
    "searchbox",
    "slider",
    "spinbutton",
    "switch",
    "textbox",
];

fn is_svg(el: ElementRef<'_>) -> bool {
    &*el.value().name.ns == "http://www.w3.org/2000/svg"
}

impl Named {
    fn applies_to(self, page: &Page, el: ElementRef<'_>) -> bool {
        let v = el.value();
        // Families chosen by tag name test the tag first: the role is the
        // costly part and most elements are not inputs, objects or frames.
        let by_tag = match self {
            Named::InputImage => Some("input"),
            Named::Object => Some("object"),
            Named::Frame => Some("iframe"),
            Named::Summary => Some("summary"),
            _ => None,
        };
        if by_tag.is_some_and(|tag| v.name() != tag) || matches!(self, Named::SvgImg) && !is_svg(el)
        {
            return false;
        }
        let role = roles::page_role(page, el);
        let r = role.as_deref();
        match self {
            Named::InputImage => {
                v.name() == "input"
                    && v.attr_str("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("image"))
                    && r == Some("button")
            }
            Named::SvgImg => {
                is_svg(el)
                    && roles::explicit_role(el).as_deref().is_some_and(|x| {
                        matches!(x, "img" | "graphics-document" | "graphics-symbol")
                    })
            }
            Named::Object => {
                v.name() == "object"
                    && !matches!(r, Some("none" | "presentation"))
                    && object_is_media(page, el)
            }
            Named::Link => matches!(
                r,
                Some("link" | "doc-backlink" | "doc-biblioref" | "doc-glossref" | "doc-noteref")
            ),
            Named::Button => {
                r == Some("button")
                    && !(v.name() == "input"
                        && v.attr_str("type")
                            .is_some_and(|t| t.trim().eq_ignore_ascii_case("image")))
            }
            Named::FormField => {
                r.is_some_and(|r| FIELD_ROLES.contains(&r))
                    || (r.is_none()
                        && v.name() == "input"
                        && matches!(
                            v.attr_str("type")
                                .map(|t| t.trim().to_ascii_lowercase())
                                .as_deref(),
                            Some(
                                "date"
                                    | "datetime-local"
                                    | "month"
                                    | "week"
                                    | "time"
                                    | "password"
                                    | "color"
                                    | "file"
                            )
                        ))
            }
            Named::Frame => {
                v.name() == "iframe"
                    && !matches!(r, Some("none" | "presentation"))
                    && !v
                        .attr_str("tabindex")
                        .is_some_and(|t| t.trim().parse::<i64>().is_ok_and(|n| n < 0))
            }
            Named::Heading => r == Some("heading"),
            Named::MenuItem => r == Some("menuitem"),
            Named::Summary => {
                v.name() == "summary"
                    && matches!(
                        roles::explicit_role(el).as_deref(),
                        None | Some("none" | "presentation")
                    )
                    && el.parent().and_then(ElementRef::wrap).is_some_and(|p| {
                        p.value().name() == "details"
                            && p.children()
                                .filter_map(ElementRef::wrap)
                                .find(|c| c.value().name() == "summary")
                                .map(|c| c.id())
                                == Some(el.id())
                    })
            }
        }
    }
}

/// An `<object>` that renders an image, audio or video (by MIME type or extension).
fn object_is_media(_page: &Page, el: ElementRef<'_>) -> bool {
    let v = el.value();
    let t = v.attr_str("type").unwrap_or("").to_ascii_lowercase();
    if t.starts_with("image/") || t.starts_with("audio/") || t.starts_with("video/") {
        return true;
    }
    let data = v.attr_str("data").unwrap_or("").to_ascii_lowercase();
    let ext = data.rsplit('.').next().unwrap_or("");
    t.is_empty()
        && matches!(
            ext,
            "png"
                | "jpg"
                | "jpeg"
                | "gif"
                | "svg"
                | "webp"
                | "bmp"
                | "mp3"
                | "wav"
                | "ogg"
                | "mp4"
                | "webm"
                | "mov"
                | "avi"
        )
}

/// One rule of the family.
pub struct NamedRule(pub Named);

impl PageRule for NamedRule {
    fn id(&self) -> &'static str {
        match self.0 {
            Named::InputImage => "a11y.input-image-alt",
            Named::SvgImg => "a11y.svg-img-alt",
            Named::Object => "a11y.object-alt",
            Named::Link => "a11y.link-name",
            Named::Button => "a11y.button-name",
            Named::FormField => "a11y.label",
            Named::Frame => "a11y.frame-title",
            Named::Heading => "a11y.heading-name",
            Named::MenuItem => "a11y.menuitem-name",
            Named::Summary => "a11y.summary-name",
        }
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            if !self.0.applies_to(page, el) || !included(page, el) {
                continue;
            }
            run.applies();
            if accname::accessible_name(page, el).is_empty() {
                run.fail(Some(el), &[("element", el.value().name().to_string())]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run_rule;

    #[test]
    fn fixtures() {
        assert_eq!(
            run_rule("a11y.link-name", r#"<a href="/">首页</a><a href="/x"></a>"#),
            1
        );
        assert_eq!(
            run_rule(
                "a11y.button-name",
                r#"<button></button><input type="submit"><input type="button">"#
            ),
            2
        );
        assert_eq!(
            run_rule("a11y.label", r#"<input id="a"><label>姓名<input></label>"#),
            1
        );
        assert_eq!(
            run_rule(
                "a11y.frame-title",
                r#"<iframe src="/a"></iframe><iframe title="地图" src="/b"></iframe>"#
            ),
            1
        );
        assert_eq!(
            run_rule(
                "a11y.input-image-alt",
                r#"<input type="image" src="go.png">"#
            ),
            1
        );
        assert_eq!(
            run_rule("a11y.heading-name", r#"<h1></h1><h2>政务公开</h2>"#),
            1
        );
        assert_eq!(
            run_rule(
                "a11y.summary-name",
                r#"<details><summary></summary>x</details>"#
            ),
            1
        );
    }
}
