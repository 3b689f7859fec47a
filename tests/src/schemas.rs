//! A catalog whose members have schemas: a nested struct, a list of structs, an `Option`, an
//! enum, validation errors, a Retry-After member.

use std::time::Duration;

use apierror::{ApiError, Violations};
use serde::Serialize;

/// A plan.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Plan {
    /// Free.
    Free,
    /// Paid.
    Pro,
}

/// A quota.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Quota {
    /// The meter.
    pub meter: String,
    /// Units allowed.
    pub limit: u32,
}

/// Where the caller stands.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Usage {
    /// The current quota.
    pub quota: Quota,
    /// When it resets.
    pub resets_at: String,
}

/// Billing errors, described member by member.
#[derive(Debug, ApiError)]
#[api(schemas, rename_all = "snake_case")]
pub enum BillingError {
    /// Quotas reached.
    #[api(status = 402, detail = "Upgrade from {plan:?}.")]
    QuotaReached {
        /// Where the caller stands.
        usage: Usage,
        /// Every quota reached.
        quotas: Vec<Quota>,
        /// The plan.
        plan: Plan,
        /// A hint, when there is one.
        hint: Option<String>,
    },
    /// Invalid input.
    #[api(status = 422)]
    Invalid {
        /// What is wrong.
        errors: Violations,
    },
    /// Slow down.
    #[api(status = 429)]
    Throttled {
        /// How long.
        #[api(retry_after, expose)]
        wait: Duration,
    },
    /// Another type's errors, passed through.
    #[api(transparent)]
    Account(AccountError),
}

/// Account errors.
#[derive(Debug, ApiError)]
#[api(schemas, rename_all = "snake_case")]
pub enum AccountError {
    /// Locked.
    #[api(status = 423)]
    Locked {
        /// Until when.
        #[api(skip_none)]
        until: Option<String>,
    },
}
