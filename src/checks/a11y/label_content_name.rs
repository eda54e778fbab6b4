//! `a11y.label-content-name` — the visible label is part of the accessible name.
//!
//! *What it checks*: for widgets named from their content (button, link, checkbox,
//! menuitem, tab, option …) that show text, the words of the visible text
//! (lower-cased, punctuation and symbols removed, text in parentheses dropped)
//! appear in order, as whole words, in the accessible name. Text hidden from view
//! (display/visibility, visually-hidden clipping, icon fonts) is not visible text;
//! abbreviations ("Ave." for "Avenue") are left to a person (`cantTell`).
//! *Why*: speech-input users say what they see; a name that differs from the
//! label ("Discover It" named "Discover Italy") cannot be spoken.
//! *Clause*: WCAG 2.1 SC 2.5.3 (A), ACT 2ee8b8.

use super::{elements, included};
use crate::checks::{PageRule, RuleRun};
use crate::dom::{accname, hidden, roles};
use crate::page::Page;
use scraper::{ElementRef, Node};

const WIDGETS: [&str; 16] = [
    "button",
    "checkbox",
    "gridcell",
    "link",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "option",
    "radio",
    "switch",
    "tab",
    "treeitem",
    "doc-backlink",
    "doc-biblioref",
    "doc-glossref",
    "doc-noteref",
];

const INLINE: [&str; 24] = [
    "span", "a", "b", "i", "em", "strong", "small", "code", "abbr", "sub", "sup", "label", "img",
    "font", "u", "s", "mark", "q", "cite", "kbd", "var", "time", "data", "bdi",
];

/// Text a sighted person reads inside `el`.
fn visible_text(page: &Page, el: ElementRef<'_>, depth: usize) -> String {
    let mut out = String::new();
    if depth > 64 {
        return out;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = c.value().name();
                if name == "br" {
                    out.push(' ');
                    continue;
                }
                if matches!(name, "script" | "style" | "template")
                    || hidden::invisible(page, c)
                    || visually_hidden(page, c)
                {
                    continue;
                }
                let display = page
                    .cascade()
                    .declared(c, "display")
                    .map(|d| d.value.to_ascii_lowercase());
                let inline = match display.as_deref() {
                    Some(d) => d.starts_with("inline"),
                    None => INLINE.contains(&name),
                };
                if !inline {
                    out.push(' ');
                }
                out.push_str(&visible_text(page, c, depth + 1));
                if !inline {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// The "visually hidden" clipping pattern, and icon fonts whose letters draw glyphs.
fn visually_hidden(page: &Page, el: ElementRef<'_>) -> bool {
    let c = page.cascade();
    let clipped = c
        .declared(el, "clip-path")
        .is_some_and(|d| d.value.contains("inset(50%"))
        || c.declared(el, "clip")
            .is_some_and(|d| d.value.replace(' ', "").starts_with("rect(0"));
    let tiny = ["width", "height"].iter().all(|p| {
        c.declared(el, p)
            .is_some_and(|d| matches!(d.value.trim(), "1px" | "0" | "0px"))
    }) && c
        .declared(el, "overflow")
        .is_some_and(|d| d.value.trim() == "hidden");
    clipped || tiny
}

fn icon_font(page: &Page, el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|e| {
            page.cascade().declared(e, "font-family").is_some_and(|d| {
                d.value.to_ascii_lowercase().contains("icon")
                    || d.value.to_ascii_lowercase().contains("awesome")
            })
        })
}

/// Lower-case words, punctuation and symbols removed (`joined`) or turned into
/// word breaks (not `joined`). Each CJK character is a word of its own, since
/// Chinese has no spaces between words.
fn words_with(text: &str, joined: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in text.to_lowercase().chars() {
        if is_cjk(ch) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(ch.to_string());
        } else if ch.is_alphanumeric() {
            cur.push(ch);
        } else if (ch.is_whitespace() || !joined) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0xac00..=0xd7af | 0x20000..=0x2fa1f)
}

/// True when the label's words appear in order, contiguously, in the name — under
/// either punctuation treatment ("non-standard" matches "nonstandard").
fn contained(label: &str, name: &str) -> bool {
    [true, false].iter().any(|&joined| {
        let l = word_line(label, joined);
        l.len() > 1 && word_line(name, joined).contains(&l)
    })
}

/// [`words_with`] as one string, each word followed by U+001F (which no word
/// contains): the label's words occur contiguously in the name exactly when its
/// line is a substring of the name's, found without a string per word.
fn word_line(text: &str, joined: bool) -> String {
    const SEP: char = '\u{1f}';
    let mut out = String::with_capacity(text.len() + 8);
    out.push(SEP);
    let mut in_word = false;
    for ch in text.to_lowercase().chars() {
        if is_cjk(ch) {
            if in_word {
                out.push(SEP);
            }
            out.push(ch);
            out.push(SEP);
            in_word = false;
        } else if ch.is_alphanumeric() {
            out.push(ch);
            in_word = true;
        } else if (ch.is_whitespace() || !joined) && in_word {
            out.push(SEP);
            in_word = false;
        }
    }
    if in_word {
        out.push(SEP);
    }
    out
}

fn drop_parenthesised(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for ch in text.chars() {
        match ch {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    if out.trim().is_empty() {
        text.to_string()
    } else {
        out
    }
}

/// See the module documentation.
pub struct LabelContentName;

impl PageRule for LabelContentName {
    fn id(&self) -> &'static str {
        "a11y.label-content-name"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for el in elements(page) {
            let Some(role) = roles::role(el) else {
                continue;
            };
            if !WIDGETS.contains(&role.as_str()) || !included(page, el) || icon_font(page, el) {
                continue;
            }
            let raw = visible_text(page, el, 0);
            let label_text = drop_parenthesised(&raw);
            let label = words_with(&label_text, true);
            if label.is_empty() {
                continue;
            }
            // A single letter such as "X" is an icon, not a label.
            if label.len() == 1
                && label[0].chars().count() == 1
                && label[0].chars().all(|c| c.is_alphabetic())
                && !is_cjk(label[0].chars().next().unwrap_or(' '))
            {
                continue;
            }
            run.applies();
            let name = accname::accessible_name(page, el);
            if contained(&label_text, &name) {
                continue;
            }
            let args = [
                ("label", crate::page::collapse(&raw)),
                ("name", name.clone()),
            ];
            if raw.split_whitespace().any(|w| {
                w.len() > 1 && w.ends_with('.') && w.chars().next().is_some_and(char::is_alphabetic)
            }) {
                run.cant_tell(Some(el), &args);
            } else {
                run.fail(Some(el), &args);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::contained;
    use crate::checks::testing::run_rule;

    /// The word-list definition the string search must agree with.
    fn contained_by_word_lists(label: &str, name: &str) -> bool {
        [true, false].iter().any(|&joined| {
            let l = super::words_with(label, joined);
            let n = super::words_with(name, joined);
            !l.is_empty() && n.windows(l.len()).any(|w| w == l.as_slice())
        })
    }

    #[test]
    fn string_search_agrees_with_word_lists() {
        let samples = [
            "",
            " ",
            "下载",
            "下载 附件",
            "点击下载附件",
            "Report 2025",
            "report-2025",
            "Annual report 2025 (PDF)",
            "non-standard",
            "nonstandard",
            "W C A G",
            "WCAG",
            "a",
            "A.",
            "x 下 y",
            "政务公开（PDF）",
            "ÉCOLE école",
            "İstanbul",
            "ß straße",
            "ΟΔΟΣ",
            "οδος",
        ];
        for l in samples {
            for n in samples {
                assert_eq!(
                    contained(l, n),
                    contained_by_word_lists(l, n),
                    "{l:?} in {n:?}"
                );
            }
        }
    }

    #[test]
    fn chinese_and_punctuation() {
        assert!(contained(
            "2026年政务公开工作要点",
            "2026年政务公开工作要点（PDF）"
        ));
        assert!(contained("nonstandard", "non-standard"));
        assert!(!contained("justice", "just ice"));
        assert!(!contained("W C A G", "WCAG"));
        assert!(!contained("", "任何名称"));
        assert!(contained("下载 附件", "点击下载 附件"));
        // Every CJK character is a word, so these are contiguous words too.
        assert!(contained("载附", "下载 附件"));
        assert!(contained("Report 2025", "Annual report 2025 (PDF)"));
        assert!(!contained("port 2025", "Annual report 2025"));
        assert_eq!(
            run_rule(
                "a11y.label-content-name",
                r#"<a href="/a.pdf">办事指南汇编（PDF）</a>"#
            ),
            0
        );
        assert_eq!(
            run_rule(
                "a11y.label-content-name",
                r#"<a href="/" aria-label="首页">返回首页</a>"#
            ),
            1
        );
    }
}
