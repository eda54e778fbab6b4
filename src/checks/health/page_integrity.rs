//! `health.page-integrity` — a page arrives whole and decodes cleanly.
//!
//! *What it checks*: on each parsed page: bytes invalid in the encoding used
//! (mojibake for readers and search engines), an HTTP/BOM encoding that
//! contradicts `<meta charset>`, NUL bytes or binary data served as HTML, and a
//! body cut at the size cap.
//! *Why*: GBK pages mislabelled as UTF-8 (or the reverse) are common on these
//! portals and show as garbage; truncated pages lose their footers and links.
//! *Clause*: 国办发〔2017〕47号 (网页可用性); our check.

use crate::checks::{PageRule, RuleRun};
use crate::page::Page;

/// See the module documentation.
pub struct PageIntegrity;

impl PageRule for PageIntegrity {
    fn id(&self) -> &'static str {
        "health.page-integrity"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        run.applies();
        let mut problems = Vec::new();
        if page.decode_errors {
            problems.push(format!("含有 {} 编码下的非法字节", page.charset));
        }
        if let Some(c) = &page.charset_conflict {
            problems.push(format!("编码声明矛盾：{c}"));
        }
        if page.binary_content {
            problems.push("以 HTML 返回了二进制内容或 NUL 字节".into());
        }
        if page.truncated {
            problems.push("页面超过大小上限，已截断".into());
        }
        if !problems.is_empty() {
            run.fail_at(
                page.url.as_ref(),
                Some(page.charset.to_string()),
                &[("problem", problems.join("；"))],
            );
        }
    }
}
