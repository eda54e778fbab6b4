//! Per-host politeness: one governor rate limiter per host (so a robots.txt
//! `Crawl-delay` can slow one host without slowing the others) plus host-wide
//! pauses after 429/503 answers.

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Rate limits and back-off state for every host the crawl touches.
pub struct Politeness {
    period: Duration,
    hosts: Mutex<HashMap<String, HostState>>,
}

struct HostState {
    limiter: Arc<DefaultDirectRateLimiter>,
    paused_until: Option<Instant>,
}

impl Politeness {
    /// `rate` requests per second per host (validated positive by the config).
    pub fn new(rate: f64) -> Politeness {
        let period = Duration::from_secs_f64(1.0 / rate.max(1e-6)).max(Duration::from_nanos(1));
        Politeness {
            period,
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// Slows `host` down to one request per `delay` seconds (robots.txt `Crawl-delay`),
    /// never speeding it up beyond `--rate`. Capped at 30 s so one host can't stall the audit.
    pub fn set_crawl_delay(&self, host: &str, delay_secs: f64) {
        let delay = Duration::from_secs_f64(delay_secs.clamp(0.0, 30.0));
        if delay > self.period {
            let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
            let state = hosts
                .entry(host.to_string())
                .or_insert_with(|| new_state(self.period));
            state.limiter = Arc::new(limiter(delay));
        }
    }

    /// Pauses every request to `host` for `pause` (after 429/503).
    pub fn pause_host(&self, host: &str, pause: Duration) {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        let state = hosts
            .entry(host.to_string())
            .or_insert_with(|| new_state(self.period));
        let until = Instant::now() + pause;
        if state.paused_until.is_none_or(|p| p < until) {
            state.paused_until = Some(until);
        }
    }

    /// Waits until a request to `host` is allowed.
    pub async fn wait(&self, host: &str) {
        loop {
            let (limiter, paused_until) = {
                let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
                let state = hosts
                    .entry(host.to_string())
                    .or_insert_with(|| new_state(self.period));
                (state.limiter.clone(), state.paused_until)
            };
            if let Some(until) = paused_until {
                let now = Instant::now();
                if until > now {
                    tokio::time::sleep(until - now).await;
                    continue;
                }
            }
            limiter.until_ready().await;
            return;
        }
    }
}

fn new_state(period: Duration) -> HostState {
    HostState {
        limiter: Arc::new(limiter(period)),
        paused_until: None,
    }
}

fn limiter(period: Duration) -> DefaultDirectRateLimiter {
    // Burst of one: requests are spaced evenly, never bunched.
    let quota = Quota::with_period(period.max(Duration::from_nanos(1)))
        .unwrap_or_else(|| Quota::per_second(std::num::NonZeroU32::MIN));
    RateLimiter::direct(quota)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn requests_are_spaced_per_host() {
        let p = Politeness::new(20.0);
        let start = Instant::now();
        for _ in 0..5 {
            p.wait("a").await;
        }
        // 5 requests at 20/s: the first is free, then 4 gaps of 50 ms.
        assert!(
            start.elapsed() >= Duration::from_millis(190),
            "{:?}",
            start.elapsed()
        );
    }
}
