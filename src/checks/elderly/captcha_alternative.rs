//! `elderly.captcha-alternative` — image CAPTCHAs offer a non-visual alternative.
//!
//! *What it checks*: an image CAPTCHA (an `<img>` whose src, id, class or alt says
//! captcha / yzm / verify / 验证码, or an image next to a 验证码 field) must come
//! with an alternative on the page: a voice code (语音验证码, `<audio>`), an SMS code
//! (短信验证), or a zoom / refresh control is not enough on its own. When the
//! image may not be a CAPTCHA the answer is `cantTell`.
//! *Why*: MIIT AG-07: CAPTCHAs need ≥2× zoom and at least one non-visual
//! alternative; older and blind users cannot read distorted text.

use super::super::a11y::elements;
use crate::checks::{PageRule, RuleRun};
use crate::dom::AttrExt;
use crate::page::Page;
use scraper::ElementRef;

fn captcha_img(el: ElementRef<'_>) -> bool {
    let v = el.value();
    if v.name() != "img" {
        return false;
    }
    let hay = format!(
        "{} {} {} {}",
        v.attr_str("src").unwrap_or(""),
        v.id().unwrap_or(""),
        v.attr_str("class").unwrap_or(""),
        v.attr_str("alt").unwrap_or("")
    )
    .to_ascii_lowercase();
    [
        "captcha",
        "yzm",
        "verifycode",
        "validatecode",
        "checkcode",
        "vcode",
        "kaptcha",
    ]
    .iter()
    .any(|k| hay.contains(k))
        || hay.contains("验证码")
}

fn near_code_field(el: ElementRef<'_>) -> bool {
    el.parent().and_then(ElementRef::wrap).is_some_and(|p| {
        p.text().collect::<String>().contains("验证码")
            || p.children().filter_map(ElementRef::wrap).any(|c| {
                c.value().name() == "input"
                    && c.value().attr_str("name").is_some_and(|n| {
                        let n = n.to_ascii_lowercase();
                        n.contains("code") || n.contains("captcha") || n.contains("yzm")
                    })
            })
    })
}

/// See the module documentation.
pub struct CaptchaAlternative;

impl PageRule for CaptchaAlternative {
    fn id(&self) -> &'static str {
        "elderly.captcha-alternative"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        let text: String = page.root().text().collect();
        let alternative = text.contains("语音验证")
            || text.contains("短信验证")
            || text.contains("语音播报验证码")
            || elements(page).any(|e| e.value().name() == "audio");
        for el in elements(page).filter(|e| e.value().name() == "img") {
            let certain = captcha_img(el);
            let likely = !certain && near_code_field(el);
            if !certain && !likely {
                continue;
            }
            run.applies();
            if alternative {
                continue;
            }
            if certain {
                run.fail(
                    Some(el),
                    &[(
                        "src",
                        el.value()
                            .attr_str("src")
                            .unwrap_or("-")
                            .chars()
                            .take(100)
                            .collect(),
                    )],
                );
            } else {
                run.cant_tell(
                    Some(el),
                    &[(
                        "src",
                        el.value()
                            .attr_str("src")
                            .unwrap_or("-")
                            .chars()
                            .take(100)
                            .collect(),
                    )],
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
        let r = "elderly.captcha-alternative";
        assert_eq!(
            run_rule(
                r,
                r#"<p>验证码 <input name="code"><img src="/captcha.jpg"></p>"#
            ),
            1
        );
        assert_eq!(
            run_rule(
                r,
                r##"<p>验证码 <input name="code"><img src="/captcha.jpg"><a href="#">获取语音验证码</a></p>"##
            ),
            0
        );
        assert_eq!(run_rule(r, r#"<p><img src="/logo.png" alt="logo"></p>"#), 0);
    }
}
