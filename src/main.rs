//! govaudit command line: parses flags, calls the library, maps errors to the
//! contract's exit codes (0 pass, 1 fail, 2 usage, 3 crawl could not start).

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use govaudit::audit::run_audit;
use govaudit::check::{check_target, render_text};
use govaudit::config::{AuditConfig, SeedFile, default_out_dir, parse_start_url};
use govaudit::crawl::StopSignal;
use govaudit::error::{AuditError, usage};
use govaudit::report::{self, Format, model::Report};
use govaudit::rules::Catalog;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "govaudit",
    version,
    about = "政府网站检查工具：无障碍、适老化、政务公开栏目与网站健康 — audit crawler for Chinese government portals",
    long_about = "govaudit crawls a government portal politely (rate-limited, robots.txt-aware, GBK-safe), checks every page against barrier-free (GB/T 37668 / WCAG 2.1), age-friendly (MIIT) and site-level rules (required columns, freshness, broken links, single-veto items), and writes a scored report.\n\nExit codes: 0 audit done and passing; 1 audit done and failing (single-veto item, --fail-under not met, or new findings against --baseline); 2 usage or configuration error; 3 the crawl could not start."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Crawl and audit a portal. With no target, audits the bundled demo portal offline.
    Audit(AuditArgs),
    /// Check one page (a file or a URL) without crawling; findings go to stdout.
    Check(CheckArgs),
    /// List the rule catalogue.
    Rules(RulesArgs),
    /// Show the score trend of earlier audits.
    History(HistoryArgs),
}

#[derive(clap::Args)]
struct AuditArgs {
    /// A seed file (seeds/*.toml) or one or more start URLs of the same site (the first is the home page).
    targets: Vec<String>,
    /// Output folder [default: reports/<site>-<time>/].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Report formats, comma-separated: json, html, md.
    #[arg(long, default_value = "json,html", value_name = "LIST")]
    format: String,
    /// Date every freshness rule measures against, YYYY-MM-DD [default: today, or the seed's as_of].
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    /// Most HTML pages fetched [default: 5000].
    #[arg(long, value_name = "N")]
    max_pages: Option<usize>,
    /// Most link hops from a start URL [default: 10].
    #[arg(long, value_name = "N")]
    max_depth: Option<u32>,
    /// Requests in flight at once [default: 4].
    #[arg(long, value_name = "N")]
    concurrency: Option<usize>,
    /// Requests per second per host [default: 4].
    #[arg(long, value_name = "R")]
    rate: Option<f64>,
    /// Per-request timeout in seconds [default: 15, the national monitor's bar].
    #[arg(long, value_name = "SECS")]
    timeout: Option<f64>,
    /// Retries after timeouts, resets, 429 and 5xx [default: 2].
    #[arg(long, value_name = "N")]
    retries: Option<u32>,
    /// Fail (exit 1) when the total score is below this.
    #[arg(long, value_name = "SCORE")]
    fail_under: Option<f64>,
    /// A previous report.json: fail (exit 1) when this run has findings it did not.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Folder with rule files replacing the built-in ones (a11y.toml, health.toml, openness.toml, elderly.toml, scoring.toml).
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Do not read robots.txt. Only with the site owner's consent.
    #[arg(long)]
    ignore_robots: bool,
    /// Do not check links to other sites.
    #[arg(long)]
    no_external: bool,
    /// Report language: zh or en.
    #[arg(long, default_value = "zh", value_name = "LANG")]
    lang: String,
    /// No progress bar and no summary.
    #[arg(long, short)]
    quiet: bool,
    /// History database for score trends and broken-link streaks [default: reports/history.sqlite].
    #[arg(long, value_name = "FILE")]
    history: Option<PathBuf>,
    /// Do not read or write the history database.
    #[arg(long)]
    no_history: bool,
}

#[derive(clap::Args)]
struct HistoryArgs {
    /// Site host to show (default: every site in the database).
    site: Option<String>,
    /// History database [default: reports/history.sqlite].
    #[arg(long, value_name = "FILE")]
    history: Option<PathBuf>,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// An HTML file or an http(s) URL.
    target: String,
    /// Output: text or json.
    #[arg(long, default_value = "text", value_name = "FORMAT")]
    format: String,
    /// Date for time-dependent rules [default: today].
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    /// Folder with rule files replacing the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Do not read robots.txt.
    #[arg(long)]
    ignore_robots: bool,
}

#[derive(clap::Args)]
struct RulesArgs {
    /// Output: text or json.
    #[arg(long, default_value = "text", value_name = "FORMAT")]
    format: String,
    /// Folder with rule files replacing the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("govaudit: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Audit(args) => audit(args).await,
            Command::Check(args) => check(args).await,
            Command::Rules(args) => rules(args),
            Command::History(args) => history(args),
        }
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("govaudit: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

async fn audit(args: AuditArgs) -> Result<u8, AuditError> {
    let formats = Format::parse_list(&args.format)?;
    if args.lang != "zh" && args.lang != "en" {
        return Err(usage(format!("--lang {}: use zh or en", args.lang)));
    }
    let catalog = Arc::new(Catalog::load(args.rules.as_deref())?);
    let missing = govaudit::checks::checks_without_metadata(&catalog);
    if !missing.is_empty() {
        return Err(usage(format!(
            "rule metadata missing for: {}",
            missing.join(", ")
        )));
    }
    let baseline = match &args.baseline {
        Some(p) => Some(load_baseline(p)?),
        None => None,
    };
    // Target: nothing (demo), one seed file, or start URLs.
    let mut demo_server = None;
    let (seed, urls): (Option<SeedFile>, Vec<String>) = if args.targets.is_empty() {
        let server = govaudit::demo::serve_demo().await.map_err(|e| {
            AuditError::Start(format!("cannot serve the demo portal on 127.0.0.1: {e}"))
        })?;
        let seed = SeedFile::parse(govaudit::demo::DEMO_SEED).map_err(usage)?;
        let url = format!("http://{}/", server.addr);
        demo_server = Some(server);
        (Some(seed), vec![url])
    } else if args.targets.len() == 1 && args.targets[0].ends_with(".toml") {
        let seed = SeedFile::load(std::path::Path::new(&args.targets[0]))?;
        let urls = seed.start_urls.clone();
        (Some(seed), urls)
    } else {
        if let Some(t) = args.targets.iter().find(|t| t.ends_with(".toml")) {
            return Err(usage(format!(
                "{t}: give either one seed file or start URLs, not both"
            )));
        }
        (None, args.targets.clone())
    };
    let start_urls = urls
        .iter()
        .map(|u| parse_start_url(u))
        .collect::<Result<Vec<_>, _>>()?;
    let host = start_urls[0].host_str().unwrap_or("site").to_string();
    let mut cfg =
        AuditConfig::with_defaults(host.clone(), start_urls, args.as_of.unwrap_or_else(today));
    if let Some(seed) = &seed {
        cfg.apply_seed(seed)?;
    }
    if let Some(a) = args.as_of {
        cfg.as_of = a;
    }
    if let Some(v) = args.max_pages {
        cfg.max_pages = v;
    }
    if let Some(v) = args.max_depth {
        cfg.max_depth = v;
    }
    if let Some(v) = args.concurrency {
        cfg.concurrency = v;
    }
    if let Some(v) = args.rate {
        cfg.rate = v;
    }
    if let Some(v) = args.retries {
        cfg.retries = v;
    }
    if let Some(t) = args.timeout {
        if !(t.is_finite() && t > 0.0) {
            return Err(usage(format!(
                "--timeout must be a positive number of seconds, got {t}"
            )));
        }
        cfg.timeout = std::time::Duration::from_secs_f64(t);
    }
    cfg.ignore_robots = args.ignore_robots;
    if args.no_external {
        cfg.check_external = false;
    }
    cfg.progress = !args.quiet;
    cfg.validate()?;

    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| default_out_dir(&host, chrono::Local::now()));
    let stop = Arc::new(StopSignal::default());
    let stop_on_signal = stop.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!("govaudit: interrupted — finishing the report with what was crawled");
            stop_on_signal.stop();
        }
    });
    let mut report = match run_audit(&cfg, catalog, stop).await {
        Ok(r) => r,
        Err(failure) => {
            // Never lose work: what is known (the unreachable veto) is written first.
            if let Some(report) = failure.report {
                let _ = report::write_all(&report, &out_dir, &formats, &args.lang);
            }
            return Err(failure.error);
        }
    };
    drop(demo_server);

    // Without a baseline the verdict gates; with one, only what got worse does
    // (new findings or new vetoes), so a scheduled audit fails on regressions.
    let mut failing = report.score.verdict != "pass";
    if let Some(base) = &baseline {
        let diff = govaudit::report::model::BaselineDiff::apply(
            base,
            &mut report,
            args.baseline.as_deref(),
        );
        failing = diff.new_findings > 0 || !diff.new_vetoes.is_empty();
        report.baseline = Some(diff);
    }
    if let Some(min) = args.fail_under
        && report.score.total < min
    {
        failing = true;
    }
    if !args.no_history {
        let path = args
            .history
            .clone()
            .unwrap_or_else(|| PathBuf::from("reports/history.sqlite"));
        if let Err(e) = govaudit::history::update(&path, &mut report) {
            // The audit itself succeeded: say so and go on.
            eprintln!("govaudit: warning: {e} ({})", path.display());
        }
    }
    let written = report::write_all(&report, &out_dir, &formats, &args.lang)?;
    if !args.quiet {
        print!("{}", govaudit::report::terminal::render(&report));
        for p in &written {
            println!("报告 report: {}", p.display());
        }
    }
    Ok(if failing { 1 } else { 0 })
}

fn load_baseline(path: &std::path::Path) -> Result<Report, AuditError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| usage(format!("cannot read baseline {}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        usage(format!(
            "baseline {} is not a govaudit report.json: {e}",
            path.display()
        ))
    })
}

async fn check(args: CheckArgs) -> Result<u8, AuditError> {
    if args.format != "text" && args.format != "json" {
        return Err(usage(format!("--format {}: use text or json", args.format)));
    }
    let catalog = Arc::new(Catalog::load(args.rules.as_deref())?);
    let result = check_target(
        &args.target,
        catalog,
        args.as_of.unwrap_or_else(today),
        args.ignore_robots,
    )
    .await?;
    if args.format == "json" {
        println!(
            "{}",
            serde_json::to_string_pretty(&result).unwrap_or_default()
        );
    } else {
        print!("{}", render_text(&result));
    }
    Ok(if result.failed() > 0 { 1 } else { 0 })
}

fn rules(args: RulesArgs) -> Result<u8, AuditError> {
    if args.format != "text" && args.format != "json" {
        return Err(usage(format!("--format {}: use text or json", args.format)));
    }
    let catalog = Catalog::load(args.rules.as_deref())?;
    if args.format == "json" {
        let list: Vec<serde_json::Value> = catalog
            .rules
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id, "pack": r.pack(), "level": r.level, "severity": r.severity,
                    "veto": r.veto, "enabled": r.enabled, "title": r.title, "help": r.help,
                    "references": r.refs, "wcag": r.wcag, "act": r.act, "lead_units": r.lead_units,
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
    } else {
        for r in &catalog.rules {
            println!(
                "{:<28} {:<9} {:<5} {}{}",
                r.id,
                r.severity.as_str(),
                if r.veto { "veto" } else { "" },
                r.title.zh,
                if r.act.is_empty() {
                    String::new()
                } else {
                    format!("  [ACT {}]", r.act.join(", "))
                }
            );
        }
    }
    Ok(0)
}

fn history(args: HistoryArgs) -> Result<u8, AuditError> {
    let path = args
        .history
        .unwrap_or_else(|| PathBuf::from("reports/history.sqlite"));
    if !path.exists() {
        return Err(usage(format!(
            "no history database at {} (audits write one unless --no-history)",
            path.display()
        )));
    }
    let h = govaudit::history::History::open(&path).map_err(usage)?;
    let sites = match args.site {
        Some(s) => vec![s],
        None => h.sites().map_err(usage)?,
    };
    for site in sites {
        println!("{site}");
        println!(
            "  {:<26} {:<11} {:>6} {:<5} {:>6} {:>6} {:>6}",
            "finished", "as-of", "total", "", "pages", "issues", "broken"
        );
        for r in h.trend(&site, 1000).map_err(usage)? {
            println!(
                "  {:<26} {:<11} {:>6.1} {:<5} {:>6} {:>6} {:>6}",
                r.finished_at.get(..19).unwrap_or(&r.finished_at),
                r.as_of,
                r.total,
                r.verdict,
                r.pages,
                r.findings,
                r.broken_links
            );
        }
    }
    Ok(0)
}
