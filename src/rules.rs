//! Rule metadata, the column catalogue and the scoring model, read from
//! `rules/*.toml`. The files are embedded in the binary; `--rules DIR` replaces
//! any of them with the user's copy, so next year's indicators need no rebuild.

use crate::config::one_line;
use crate::error::{AuditError, usage};
use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// The rule files, in load order.
pub const RULE_FILES: [&str; 4] = ["a11y.toml", "elderly.toml", "openness.toml", "health.toml"];
/// The scoring model file.
pub const SCORING_FILE: &str = "scoring.toml";

/// A text in Chinese and English.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Text {
    /// Chinese (the report's default language).
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in `lang` (`en`, otherwise Chinese).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" && !self.en.is_empty() {
            &self.en
        } else {
            &self.zh
        }
    }
}

/// How serious a violation is (Lighthouse weights by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks use outright, or a single-veto item.
    Critical,
    /// Serious barrier.
    Serious,
    /// Moderate barrier.
    Moderate,
    /// Minor issue.
    Minor,
}

impl Severity {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::Serious => "serious",
            Severity::Moderate => "moderate",
            Severity::Minor => "minor",
        }
    }
}

/// Whether a rule judges single pages or the site as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Decided per page.
    Page,
    /// Decided once for the site.
    Site,
}

/// One rule's metadata.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleMeta {
    /// `pack.slug`.
    pub id: String,
    /// Page or site rule.
    pub level: Level,
    /// Severity.
    pub severity: Severity,
    /// Weight in the pack score; default from the severity.
    pub weight: Option<f64>,
    /// A single-veto item: failing it fails the audit.
    #[serde(default)]
    pub veto: bool,
    /// A pack veto (MIIT veto-class items): failing it fails the pack, which is
    /// shown first, but not the whole audit.
    #[serde(default)]
    pub pack_veto: bool,
    /// Set false to switch the rule off.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// W3C ACT rule ids implemented.
    #[serde(default)]
    pub act: Vec<String>,
    /// WCAG 2.1 success criteria.
    #[serde(default)]
    pub wcag: Vec<String>,
    /// References: standard clauses, indicators, notice clauses.
    #[serde(default)]
    pub refs: Vec<String>,
    /// Units responsible for fixing it (牵头单位), from the notice.
    #[serde(default)]
    pub lead_units: Vec<String>,
    /// Short title.
    pub title: Text,
    /// What it checks and why it matters.
    pub help: Text,
    /// Finding message; `{name}` placeholders are filled by the check.
    pub message: Text,
    /// How to fix it (整改建议).
    pub fix: Text,
    /// Rule-specific thresholds.
    #[serde(default)]
    pub params: toml::Table,
}

fn yes() -> bool {
    true
}

impl RuleMeta {
    /// The pack: the part of the id before the dot.
    pub fn pack(&self) -> &str {
        self.id.split('.').next().unwrap_or("")
    }

    /// A numeric parameter, or `default` when absent.
    pub fn param_f64(&self, name: &str, default: f64) -> f64 {
        match self.params.get(name) {
            Some(toml::Value::Float(f)) => *f,
            Some(toml::Value::Integer(i)) => *i as f64,
            _ => default,
        }
    }

    /// Fills the message template in `lang` with `args`.
    pub fn render(&self, lang: &str, args: &[(&str, String)]) -> String {
        let mut out = self.message.get(lang).to_string();
        for (k, v) in args {
            out = out.replace(&format!("{{{k}}}"), v);
        }
        out
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<RuleMeta>,
    #[serde(default)]
    column: Vec<ColumnDef>,
}

/// A required column of the 政务公开 catalogue.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnDef {
    /// Short id (`xxgk`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names it goes by on portals.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Freshness class: news, notice, basic, annual, static, topic.
    pub class: String,
    /// Weight in the openness score.
    #[serde(default = "one")]
    pub weight: f64,
    /// Responsible units from the notice.
    #[serde(default)]
    pub lead_units: Vec<String>,
    /// Notice clause.
    #[serde(default)]
    pub clause: String,
}

fn one() -> f64 {
    1.0
}

/// A pack's name and weight in the total.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PackDef {
    /// `a11y`, `elderly`, `openness`, `health`.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Weight in the total score.
    pub weight: f64,
    /// Pack pass mark.
    #[serde(default = "sixty")]
    pub pass_mark: f64,
}

fn sixty() -> f64 {
    60.0
}

/// The scoring model (`rules/scoring.toml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Total score below this fails the audit.
    pub pass_mark: f64,
    /// Weight per severity for page rules.
    pub severity_weight: BTreeMap<Severity, f64>,
    /// Packs in display order.
    pub pack: Vec<PackDef>,
    /// Days per freshness class.
    pub freshness_days: BTreeMap<String, i64>,
    /// Openness: share of a column's weight for found / non-empty / fresh.
    pub column_shares: ColumnShares,
}

/// Shares of a column's weight.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnShares {
    /// For being found.
    pub found: f64,
    /// For having items.
    pub nonempty: f64,
    /// For being current.
    pub fresh: f64,
}

/// All rule data for one run.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Every rule, enabled or not.
    pub rules: Vec<RuleMeta>,
    /// The column catalogue.
    pub columns: Vec<ColumnDef>,
    /// The scoring model.
    pub scoring: Scoring,
}

impl Catalog {
    /// The rule data built into the binary.
    pub fn embedded() -> Result<Catalog, AuditError> {
        Self::load(None)
    }

    /// The built-in data with any file present in `dir` replacing its built-in twin.
    pub fn load(dir: Option<&Path>) -> Result<Catalog, AuditError> {
        if let Some(d) = dir
            && !d.is_dir()
        {
            return Err(usage(format!("--rules {}: not a directory", d.display())));
        }
        let read = |name: &str| -> Result<(String, String), AuditError> {
            if let Some(d) = dir {
                let p = d.join(name);
                if p.exists() {
                    let text = std::fs::read_to_string(&p)
                        .map_err(|e| usage(format!("cannot read {}: {e}", p.display())))?;
                    return Ok((p.display().to_string(), text));
                }
            }
            let file = EMBEDDED
                .get_file(name)
                .ok_or_else(|| usage(format!("built-in rule file {name} missing")))?;
            let text = file
                .contents_utf8()
                .ok_or_else(|| usage(format!("built-in rule file {name} is not UTF-8")))?;
            Ok((format!("rules/{name}"), text.to_string()))
        };
        let mut rules = Vec::new();
        let mut columns = Vec::new();
        for name in RULE_FILES {
            let (origin, text) = read(name)?;
            let file: RuleFile = toml::from_str(&text)
                .map_err(|e| usage(format!("{origin}: {}", one_line(&e.to_string()))))?;
            rules.extend(file.rule);
            columns.extend(file.column);
        }
        let (origin, text) = read(SCORING_FILE)?;
        let scoring: Scoring = toml::from_str(&text)
            .map_err(|e| usage(format!("{origin}: {}", one_line(&e.to_string()))))?;
        let catalog = Catalog {
            rules,
            columns,
            scoring,
        };
        catalog.validate()?;
        Ok(catalog)
    }

    fn validate(&self) -> Result<(), AuditError> {
        let mut seen = std::collections::HashSet::new();
        let packs: Vec<&str> = self.scoring.pack.iter().map(|p| p.id.as_str()).collect();
        for r in &self.rules {
            if !seen.insert(r.id.as_str()) {
                return Err(usage(format!("rule {} is defined twice", r.id)));
            }
            let valid_id = r.id.split_once('.').is_some_and(|(p, s)| {
                !p.is_empty()
                    && !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            });
            if !valid_id {
                return Err(usage(format!(
                    "rule id {:?} is not of the form pack.slug (lower-case, hyphenated)",
                    r.id
                )));
            }
            if !packs.contains(&r.pack()) {
                return Err(usage(format!(
                    "rule {} belongs to unknown pack {:?}",
                    r.id,
                    r.pack()
                )));
            }
        }
        for c in &self.columns {
            if !self.scoring.freshness_days.contains_key(&c.class)
                && !matches!(c.class.as_str(), "static" | "annual")
            {
                return Err(usage(format!(
                    "column {} has unknown freshness class {:?}",
                    c.id, c.class
                )));
            }
        }
        Ok(())
    }

    /// A rule's metadata by id.
    pub fn rule(&self, id: &str) -> Option<&RuleMeta> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// A pack definition by id.
    pub fn pack(&self, id: &str) -> Option<&PackDef> {
        self.scoring.pack.iter().find(|p| p.id == id)
    }

    /// The weight of a rule in its pack.
    pub fn weight(&self, rule: &RuleMeta) -> f64 {
        rule.weight.unwrap_or_else(|| {
            self.scoring
                .severity_weight
                .get(&rule.severity)
                .copied()
                .unwrap_or(1.0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalog_loads() {
        let c = Catalog::embedded().unwrap();
        assert!(c.rule("a11y.image-alt").is_some());
        assert!(c.columns.iter().any(|col| col.id == "xxgk"));
        assert_eq!(c.scoring.pack.len(), 4);
    }

    #[test]
    fn override_dir_replaces_a_file_and_reports_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("scoring.toml"), "pass_mark = [").unwrap();
        let err = Catalog::load(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains("scoring.toml"), "{err}");
        assert!(!err.contains('\n'));
        let text = EMBEDDED
            .get_file("scoring.toml")
            .unwrap()
            .contents_utf8()
            .unwrap();
        std::fs::write(
            dir.path().join("scoring.toml"),
            text.replace("pass_mark = 60.0", "pass_mark = 75.0"),
        )
        .unwrap();
        assert_eq!(
            Catalog::load(Some(dir.path())).unwrap().scoring.pass_mark,
            75.0
        );
    }
}
