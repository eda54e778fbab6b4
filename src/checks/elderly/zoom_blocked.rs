//! `elderly.zoom-blocked` — the page can be zoomed (shares the check of
//! `a11y.meta-viewport`: `user-scalable=no` or `maximum-scale` below 2 fails).
//!
//! *Why*: MIIT AG-04/AG-06: older users enlarge pages; the mobile site must let
//! them. *Clause*: MIIT 适老化规范; WCAG 2.1 SC 1.4.4.

use crate::checks::a11y::meta_viewport::zoom_blocked;
use crate::checks::{PageRule, RuleRun};
use crate::page::Page;

/// See the module documentation.
pub struct ZoomBlocked;

impl PageRule for ZoomBlocked {
    fn id(&self) -> &'static str {
        "elderly.zoom-blocked"
    }

    fn check(&self, page: &Page, run: &mut RuleRun<'_>) {
        for (meta, reason) in zoom_blocked(page) {
            run.applies();
            if let Some(r) = reason {
                run.fail(Some(meta), &[("reason", r)]);
            }
        }
    }
}
