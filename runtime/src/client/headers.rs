//! The headers an error response carries for its client: Retry-After (RFC 9110, section
//! 10.2.3), the rate-limit fields, `WWW-Authenticate`, `Allow` and the request id.

use core::time::Duration;
use std::time::{SystemTime, UNIX_EPOCH};

use http::HeaderMap;

use crate::remote::{RemoteError, RemoteRateLimit, RetryAt};

/// Reads every header the client cares about into `error`. Values that do not parse are left
/// out; nothing here can panic or allocate beyond the values kept.
pub(super) fn read(headers: &HeaderMap, error: &mut RemoteError) {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
    error.retry_at = text("retry-after").and_then(retry_after);
    error.www_authenticate = text("www-authenticate")
        .filter(|v| v.len() <= 4096)
        .map(str::to_owned);
    error.allow = text("allow").filter(|v| v.len() <= 1024).map(str::to_owned);
    error.request_id = text("x-request-id")
        .filter(|v| !v.is_empty() && v.len() <= 256)
        .map(str::to_owned);
    error.rate_limit = rate_limit(&text);
}

/// `Retry-After: 120` or `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`.
fn retry_after(value: &str) -> Option<RetryAt> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Absurdly long delays saturate rather than fail: the answer is "not soon".
        let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(RetryAt::After(Duration::from_secs(seconds)));
    }
    httpdate::parse_http_date(value).ok().map(RetryAt::At)
}

fn rate_limit<'a>(text: &impl Fn(&str) -> Option<&'a str>) -> Option<RemoteRateLimit> {
    let number = |name: &str| text(name).and_then(|v| v.parse::<u64>().ok());
    let mut rl = RemoteRateLimit {
        limit: number("x-ratelimit-limit"),
        remaining: number("x-ratelimit-remaining"),
        reset_after: number("x-ratelimit-reset").map(reset_to_delay),
        window: None,
    };
    if let Some(state) = text("ratelimit") {
        let params = params(state);
        rl.remaining = rl.remaining.or_else(|| param(&params, "r"));
        rl.reset_after = rl
            .reset_after
            .or_else(|| param(&params, "t").map(Duration::from_secs));
    }
    if let Some(policy) = text("ratelimit-policy") {
        let params = params(policy);
        rl.limit = rl.limit.or_else(|| param(&params, "q"));
        rl.window = param(&params, "w").map(Duration::from_secs);
    }
    (rl != RemoteRateLimit::default()).then_some(rl)
}

/// `X-RateLimit-Reset` is Unix time in some APIs and seconds-until-reset in others: a value
/// past 2001 in Unix seconds is read as a time, anything smaller as a delay.
fn reset_to_delay(value: u64) -> Duration {
    const UNIX_TIME_FLOOR: u64 = 1_000_000_000;
    if value >= UNIX_TIME_FLOOR {
        let at = UNIX_EPOCH.checked_add(Duration::from_secs(value));
        at.and_then(|at| at.duration_since(SystemTime::now()).ok())
            .unwrap_or(Duration::ZERO)
    } else {
        Duration::from_secs(value)
    }
}

/// The parameters of the first item of a structured field list: `"default";r=0;t=12`.
fn params(field: &str) -> Vec<(&str, &str)> {
    let first = field.split(',').next().unwrap_or("");
    first
        .split(';')
        .skip(1)
        .take(16)
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

fn param(params: &[(&str, &str)], key: &str) -> Option<u64> {
    params
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| v.parse().ok())
}

#[cfg(test)]
mod tests {
    use core::time::Duration;
    use std::time::UNIX_EPOCH;

    use super::{RetryAt, retry_after};

    #[test]
    fn retry_after_forms() {
        assert_eq!(retry_after("120"), Some(RetryAt::After(Duration::from_secs(120))));
        assert_eq!(retry_after("0"), Some(RetryAt::After(Duration::ZERO)));
        assert_eq!(
            retry_after("99999999999999999999999999"),
            Some(RetryAt::After(Duration::from_secs(u64::MAX)))
        );
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(RetryAt::At(UNIX_EPOCH + Duration::from_secs(784_111_777)))
        );
        assert_eq!(retry_after("soon"), None);
        assert_eq!(retry_after("-5"), None);
        assert_eq!(retry_after(""), None);
    }
}
