//! Publication dates as Chinese government portals write them: `2022-06-01`,
//! `2022/06/01`, `2022.06.01`, `2022年6月1日`, full-width digits, `[06-01]` with the
//! year from context, and the TRS URL pattern `/t20220601_123.html`.

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})\s*(?:[-/.]\s*([0-9]{1,2})\s*[-/.]\s*([0-9]{1,2})|年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日)(?:[^0-9]|$)")
        .expect("static regex")
});
static SHORT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\[(（【\s])([0-9]{2})-([0-9]{2})(?:[\])）】\s]|$)").expect("static regex")
});
static TRS_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/t((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})_[0-9]+").expect("static regex")
});

/// Maps full-width digits and separators to ASCII so one set of patterns serves both.
pub fn normalize_digits(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| ('\u{ff01}'..='\u{ff5e}').contains(&c) || c == '\u{3000}')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                '\u{3000}' => ' ',
                other => other,
            })
            .collect(),
    )
}

/// All full dates (with a year) found in `text`, in order.
pub fn full_dates(text: &str) -> Vec<NaiveDate> {
    let text = normalize_digits(text);
    FULL_DATE
        .captures_iter(&text)
        .filter_map(|c| {
            let y: i32 = c.get(1)?.as_str().parse().ok()?;
            let (m, d) = match (c.get(2), c.get(3)) {
                (Some(m), Some(d)) => (m, d),
                _ => (c.get(4)?, c.get(5)?),
            };
            NaiveDate::from_ymd_opt(y, m.as_str().parse().ok()?, d.as_str().parse().ok()?)
        })
        .collect()
}

/// A date in a short list-item text: a full date, or `[MM-DD]` / `MM-DD` completed
/// with the year of `context` (the previous year when that would be in the future).
pub fn item_date(text: &str, context: NaiveDate) -> Option<NaiveDate> {
    if let Some(d) = full_dates(text).into_iter().next() {
        return Some(d);
    }
    let text = normalize_digits(text);
    let c = SHORT_DATE.captures(&text)?;
    let m: u32 = c.get(1)?.as_str().parse().ok()?;
    let d: u32 = c.get(2)?.as_str().parse().ok()?;
    let this_year = NaiveDate::from_ymd_opt(context.year(), m, d)?;
    if this_year > context {
        NaiveDate::from_ymd_opt(context.year() - 1, m, d)
    } else {
        Some(this_year)
    }
}

/// The date in a TRS-style article URL (`/t20220601_123.html`).
pub fn url_date(url: &str) -> Option<NaiveDate> {
    let c = TRS_URL.captures(url)?;
    NaiveDate::from_ymd_opt(
        c.get(1)?.as_str().parse().ok()?,
        c.get(2)?.as_str().parse().ok()?,
        c.get(3)?.as_str().parse().ok()?,
    )
}

/// Parses a `PubDate` meta value such as `2026-07-19 07:16`.
pub fn meta_date(value: &str) -> Option<NaiveDate> {
    full_dates(value).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_common_forms_parse() {
        assert_eq!(full_dates("发布时间：2022-06-01"), vec![d(2022, 6, 1)]);
        assert_eq!(
            full_dates("2022/6/1 与 2022.06.02"),
            vec![d(2022, 6, 1), d(2022, 6, 2)]
        );
        assert_eq!(full_dates("2022年6月1日"), vec![d(2022, 6, 1)]);
        assert_eq!(full_dates("２０２２年０６月０１日"), vec![d(2022, 6, 1)]);
        assert_eq!(full_dates("2022-13-01 and 12022-01-01"), vec![]);
        assert_eq!(meta_date("2026-07-19 07:16"), Some(d(2026, 7, 19)));
    }

    #[test]
    fn short_dates_take_the_year_from_context() {
        let ctx = d(2026, 11, 26);
        assert_eq!(
            item_date("关于开展…的通知 [06-01]", ctx),
            Some(d(2026, 6, 1))
        );
        assert_eq!(item_date("年终总结 12-30", ctx), Some(d(2025, 12, 30)));
        assert_eq!(item_date("电话 0731-8888", ctx), None);
    }

    #[test]
    fn trs_urls_carry_dates() {
        assert_eq!(
            url_date("http://x.gov.cn/zwgk/t20220601_1234.html"),
            Some(d(2022, 6, 1))
        );
        assert_eq!(url_date("http://x.gov.cn/zwgk/index.html"), None);
    }
}
