//! The client's next step after an error: retry (when), retry with a new Idempotency-Key,
//! re-authenticate first, or stop.

use core::hash::{BuildHasher as _, Hasher as _};
use core::time::Duration;
use std::time::SystemTime;

use super::RemoteError;
use crate::Retry;

/// How a client retries: bounded attempts, exponential backoff with full jitter, and a maximum
/// delay. All configurable; the defaults are 4 attempts, a 200 ms base and 60 s at most.
///
/// ```
/// use std::time::Duration;
/// use apierror::client::RetryPolicy;
///
/// let policy = RetryPolicy::new()
///     .with_max_attempts(6)
///     .with_base_delay(Duration::from_millis(100))
///     .with_max_delay(Duration::from_secs(30));
/// # let _ = policy;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    jitter: Jitter,
}

/// Where the backoff's random share comes from ([`RetryPolicy::with_jitter`]).
///
/// Full jitter waits a random time between zero and the backoff's ceiling, so clients that
/// failed together do not retry together. Tests of a client want the same waits on every run:
/// [`Jitter::Seeded`] gives a fixed sequence, [`Jitter::Off`] the ceiling itself.
///
/// ```
/// use std::time::Duration;
/// use apierror::client::{Jitter, RemoteError, RetryDecision, RetryPolicy};
/// use apierror::http::{HeaderMap, StatusCode};
///
/// let busy = RemoteError::from_response(StatusCode::SERVICE_UNAVAILABLE, &HeaderMap::new(), b"");
/// let policy = RetryPolicy::new().with_jitter(Jitter::Off);
/// // No Retry-After: the second attempt waits the full ceiling, 200 ms * 2.
/// assert_eq!(
///     policy.decide(&busy, None, 2),
///     RetryDecision::Retry { after: Duration::from_millis(400) }
/// );
/// // The same seed gives the same waits, run after run.
/// let seeded = RetryPolicy::new().with_jitter(Jitter::Seeded(7));
/// assert_eq!(seeded.decide(&busy, None, 3), seeded.decide(&busy, None, 3));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Jitter {
    /// A fresh random share for every decision (the default).
    #[default]
    Random,
    /// A share derived from the seed and the attempt: the same on every run.
    Seeded(u64),
    /// No random share: the wait is the backoff's ceiling.
    Off,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::new()
    }
}

/// The next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryDecision {
    /// Send the same request again after `after`.
    Retry {
        /// How long to wait first.
        after: Duration,
    },
    /// Do not repeat this request: send it as a new one, with a new Idempotency-Key, after
    /// `after`.
    RetryWithNewKey {
        /// How long to wait first.
        after: Duration,
    },
    /// Refresh the credentials, then send the request again.
    Reauthenticate,
    /// Do not send it again.
    Stop(StopReason),
}

/// Why a client should not send the request again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StopReason {
    /// The request must change first (`retry = false`).
    NotRetryable,
    /// The policy's attempts are used up.
    AttemptsExhausted,
    /// The server asks for a longer wait than the policy's maximum delay.
    WaitTooLong(Duration),
}

impl RetryPolicy {
    /// 4 attempts, a 200 ms base delay, 60 s at most.
    #[must_use]
    pub const fn new() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(60),
            jitter: Jitter::Random,
        }
    }

    /// Sets where the backoff's random share comes from (random by default); see [`Jitter`].
    #[must_use]
    pub const fn with_jitter(mut self, jitter: Jitter) -> Self {
        self.jitter = jitter;
        self
    }

    /// Sets the attempts in all, the first included.
    #[must_use]
    pub const fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts;
        self
    }

    /// Sets the backoff's base delay.
    #[must_use]
    pub const fn with_base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// Sets the longest a client waits; a server asking for longer gets
    /// [`StopReason::WaitTooLong`].
    #[must_use]
    pub const fn with_max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The next step after `attempt` attempts (1 after the first request) ended in `error`.
    ///
    /// The strategy is `known` (from the client's copy of the catalog, e.g.
    /// `err.entry().retry()` of a decoded error), else the one the server put on the wire, else
    /// what the status implies ([`Retry::for_status`]). The wait is the server's: Retry-After,
    /// else the rate limit's reset when the limit is spent (a 429, or `remaining` of 0); without
    /// one, exponential backoff with full jitter (see [`RetryPolicy::with_jitter`]).
    #[must_use]
    pub fn decide(&self, error: &RemoteError, known: Option<Retry>, attempt: u32) -> RetryDecision {
        self.decide_at(error, known, attempt, SystemTime::now())
    }

    /// [`RetryPolicy::decide`] as of `now` (for HTTP-dates in Retry-After).
    #[must_use]
    pub fn decide_at(
        &self,
        error: &RemoteError,
        known: Option<Retry>,
        attempt: u32,
        now: SystemTime,
    ) -> RetryDecision {
        let strategy = known
            .or(error.retry())
            .unwrap_or_else(|| Retry::for_status(error.status().as_u16()));
        if !matches!(strategy, Retry::AfterReauth) && attempt >= self.max_attempts {
            return RetryDecision::Stop(StopReason::AttemptsExhausted);
        }
        // The rate limit's reset is a reason to wait only when the limit is spent: a 429, or a
        // window with nothing remaining. A 409 with requests left retries on its own terms.
        let limited = error.status().as_u16() == 429;
        let server_wait = error.retry_after_at(now).or_else(|| {
            error
                .rate_limit()
                .filter(|rl| limited || rl.remaining == Some(0))
                .and_then(|rl| rl.reset_after)
        });
        let wait = |fallback: Duration| -> Result<Duration, RetryDecision> {
            match server_wait {
                Some(wait) if wait > self.max_delay => {
                    Err(RetryDecision::Stop(StopReason::WaitTooLong(wait)))
                }
                Some(wait) => Ok(wait),
                None => Ok(fallback),
            }
        };
        let backoff = self.backoff(attempt);
        let after = match strategy {
            Retry::No => return RetryDecision::Stop(StopReason::NotRetryable),
            Retry::AfterReauth => {
                return if attempt >= self.max_attempts.saturating_add(1) {
                    RetryDecision::Stop(StopReason::AttemptsExhausted)
                } else {
                    RetryDecision::Reauthenticate
                };
            }
            Retry::Yes => wait(Duration::ZERO),
            Retry::Later => wait(self.max_delay),
            // `Backoff`, `AfterDelay` (which falls back to backoff without a delay), `NewKey`,
            // and strategies added later.
            _ => wait(backoff),
        };
        match (after, strategy) {
            (Err(stop), _) => stop,
            (Ok(after), Retry::NewKey) => RetryDecision::RetryWithNewKey { after },
            (Ok(after), _) => RetryDecision::Retry { after },
        }
    }

    /// Full jitter: a random delay between zero and `base * 2^(attempt - 1)`, at most the
    /// maximum delay.
    fn backoff(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(30);
        let ceiling = self.base_delay.saturating_mul(1 << exponent).min(self.max_delay);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        if nanos == 0 {
            return Duration::ZERO;
        }
        let random = match self.jitter {
            Jitter::Off => return ceiling,
            // A fresh random number from the standard library's randomly keyed hasher: enough
            // to spread clients apart, no generator crate needed.
            Jitter::Random => {
                let mut hasher = std::hash::RandomState::new().build_hasher();
                hasher.write_u32(attempt);
                hasher.finish()
            }
            Jitter::Seeded(seed) => splitmix64(seed ^ u64::from(attempt)),
        };
        Duration::from_nanos(random % nanos)
    }
}

/// The output function of `SplitMix64` (Steele, Lea and Flood, 2014): a fixed, well-mixed
/// number from a seed, the same on every platform and Rust release (the standard library's
/// hashers promise neither).
const fn splitmix64(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
