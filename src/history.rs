//! Audit history in an embedded SQLite database (`--history FILE`, default
//! `reports/history.sqlite`): every run's summary, its finding fingerprints and
//! broken links, so reports can show the score trend and count how many
//! consecutive runs a link has been broken (连续不可用), as national monitors do.

use crate::report::model::Report;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One past run in the trend.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RunSummary {
    /// When it finished (RFC 3339).
    pub finished_at: String,
    /// Date freshness was measured against.
    pub as_of: String,
    /// Total score.
    pub total: f64,
    /// pass / fail.
    pub verdict: String,
    /// Pages checked.
    pub pages: i64,
    /// Failed findings.
    pub findings: i64,
    /// Broken links.
    pub broken_links: i64,
}

/// The history of one site, opened for reading and appending.
pub struct History {
    conn: Connection,
}

fn err(e: impl std::fmt::Display) -> String {
    format!("history database: {e}")
}

impl History {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<History, String> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        let conn = Connection::open(path).map_err(err)?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL;
             CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, site TEXT NOT NULL, finished_at TEXT NOT NULL, as_of TEXT NOT NULL,
                 total REAL NOT NULL, verdict TEXT NOT NULL, pages INTEGER NOT NULL, findings INTEGER NOT NULL, broken_links INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS findings (run_id INTEGER NOT NULL, fingerprint TEXT NOT NULL, rule TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS broken (run_id INTEGER NOT NULL, link TEXT NOT NULL);
             CREATE INDEX IF NOT EXISTS broken_link ON broken(link);",
        )
        .map_err(err)?;
        Ok(History { conn })
    }

    /// Every site in the database.
    pub fn sites(&self) -> Result<Vec<String>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT site FROM runs ORDER BY site")
            .map_err(err)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(err)?;
        Ok(rows.filter_map(Result::ok).collect())
    }

    /// Earlier runs of `site`, oldest first (at most `limit`).
    pub fn trend(&self, site: &str, limit: usize) -> Result<Vec<RunSummary>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT finished_at, as_of, total, verdict, pages, findings, broken_links FROM runs WHERE site = ?1 ORDER BY id DESC LIMIT ?2")
            .map_err(err)?;
        let rows = stmt
            .query_map(params![site, limit as i64], |r| {
                Ok(RunSummary {
                    finished_at: r.get(0)?,
                    as_of: r.get(1)?,
                    total: r.get(2)?,
                    verdict: r.get(3)?,
                    pages: r.get(4)?,
                    findings: r.get(5)?,
                    broken_links: r.get(6)?,
                })
            })
            .map_err(err)?;
        let mut out: Vec<RunSummary> = rows.filter_map(Result::ok).collect();
        out.reverse();
        Ok(out)
    }

    /// Consecutive earlier runs (latest first) in which `link` was broken.
    pub fn broken_streak(&self, site: &str, link: &str) -> Result<u32, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT EXISTS(SELECT 1 FROM broken b WHERE b.run_id = r.id AND b.link = ?2) FROM runs r WHERE r.site = ?1 ORDER BY r.id DESC LIMIT 1000")
            .map_err(err)?;
        let flags = stmt
            .query_map(params![site, link], |r| r.get::<_, bool>(0))
            .map_err(err)?;
        let mut n = 0;
        for f in flags {
            if f.map_err(err)? {
                n += 1;
            } else {
                break;
            }
        }
        Ok(n)
    }

    /// Appends this run.
    pub fn record(
        &mut self,
        site: &str,
        report: &Report,
        link_keys: &[String],
    ) -> Result<(), String> {
        let tx = self.conn.transaction().map_err(err)?;
        let failed = report
            .findings
            .iter()
            .filter(|f| f.outcome == crate::checks::Outcome::Failed)
            .count();
        tx.execute(
            "INSERT INTO runs (site, finished_at, as_of, total, verdict, pages, findings, broken_links) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![site, report.finished_at, report.as_of.to_string(), report.score.total, report.score.verdict, report.summary.pages_crawled as i64, failed as i64, report.links.broken.len() as i64],
        )
        .map_err(err)?;
        let run = tx.last_insert_rowid();
        {
            let mut ins = tx
                .prepare("INSERT INTO findings (run_id, fingerprint, rule) VALUES (?1, ?2, ?3)")
                .map_err(err)?;
            for f in report
                .findings
                .iter()
                .filter(|f| f.outcome == crate::checks::Outcome::Failed)
            {
                ins.execute(params![run, f.fingerprint, f.rule])
                    .map_err(err)?;
            }
            let mut ins = tx
                .prepare("INSERT INTO broken (run_id, link) VALUES (?1, ?2)")
                .map_err(err)?;
            for l in link_keys {
                ins.execute(params![run, l]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }
}

/// A site's key in the history: its start host (port dropped, so the demo's
/// random port is one site).
pub fn site_key(report: &Report) -> String {
    report
        .site
        .start_urls
        .first()
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| report.site.name.clone())
}

/// A broken link's key: the URL with the site's origin removed.
pub fn link_key(report: &Report, url: &str) -> String {
    let origin = report
        .site
        .start_urls
        .first()
        .and_then(|u| url::Url::parse(u).ok())
        .map(|u| u.origin().ascii_serialization());
    match origin {
        Some(o) => url.replace(&o, ""),
        None => url.to_string(),
    }
}

/// Adds the trend and broken-link streaks to `report`, then records it.
pub fn update(path: &Path, report: &mut Report) -> Result<(), String> {
    let mut h = History::open(path)?;
    let site = site_key(report);
    let mut trend = h.trend(&site, 30)?;
    let keys: Vec<String> = report
        .links
        .broken
        .iter()
        .map(|l| link_key(report, &l.url))
        .collect();
    for (l, key) in report.links.broken.iter_mut().zip(&keys) {
        l.consecutive_runs = h.broken_streak(&site, key)? + 1;
    }
    h.record(&site, report, &keys)?;
    let failed = report
        .findings
        .iter()
        .filter(|f| f.outcome == crate::checks::Outcome::Failed)
        .count() as i64;
    trend.push(RunSummary {
        finished_at: report.finished_at.clone(),
        as_of: report.as_of.to_string(),
        total: report.score.total,
        verdict: report.score.verdict.clone(),
        pages: report.summary.pages_crawled as i64,
        findings: failed,
        broken_links: report.links.broken.len() as i64,
    });
    report.history = trend;
    Ok(())
}
