//! The five seed catalogs in `../shared/seeds/`, each declared as a derived enum the way a
//! service that publishes it would declare it. Where a seed leaves something out (001 gives no
//! status per code), the status follows RFC 9110.

use apierror::ApiError;

/// Seed 000: a catalog table with retryability and resolutions.
#[derive(Debug, ApiError)]
#[api(type_base = "https://docs.example.com/errors/", challenge = "Bearer")]
pub enum Seed000 {
    /// The request has no valid Clerk session or API key.
    #[api(
        status = 401,
        retry = false,
        resolve(message = "Sign in, mint an API key, or attach Authorization: Bearer <token> and retry.")
    )]
    AuthRequired,

    /// The caller is authenticated but does not own the resource or lacks the required role.
    #[api(
        status = 403,
        resolve(message = "Use an account that has access. Check RBAC scope on /api-reference/api-keys.")
    )]
    Forbidden,

    /// The user has not completed the activation contract (Day 1 interview + Week 1 org map).
    #[api(
        status = 403,
        resolve(
            message = "Send the user through /onboarding/welcome.",
            url = "/onboarding/welcome"
        )
    )]
    OnboardingRequired,

    /// The account has hit a plan ceiling (products, members, or feature gate).
    #[api(
        status = 402,
        resolve(
            message = "Move up a plan. See /api-reference/billing/create-checkout-session.",
            action = "select_plan"
        )
    )]
    PlanLimitReached,

    /// The monthly credit pool is empty for this billing cycle.
    #[api(
        status = 402,
        resolve(
            message = "Move up a plan, or wait for the next reset. Check /api-reference/user/get-usage-and-quota.",
            action = "select_plan",
            method = "POST",
            endpoint = "/billing/checkout"
        )
    )]
    CreditExhausted,

    /// The feature exists on a higher tier than the caller’s current plan.
    #[api(status = 403, resolve(message = "Move up a plan to unlock."))]
    FeatureGated,

    /// The scoring engine could not produce a result. The site may be too large or scripted.
    #[api(
        status = 500,
        retry = true,
        resolve(message = "Retry with a simpler URL, or point the read at a different page.")
    )]
    ScoringFailed,

    /// The scoring run exceeded the time budget.
    #[api(
        status = 504,
        resolve(message = "Retry. If it persists, point the read at a leaner page.")
    )]
    ScoringTimeout,

    /// More than 5 score calls in the trailing 60-second window.
    #[api(
        status = 429,
        retry_after = 60,
        resolve(message = "Back off 60 seconds, then retry. See Rate Limits.")
    )]
    ScoringRateLimited,

    /// The public-web crawl could not reach the URL.
    #[api(
        status = 502,
        resolve(message = "Confirm the URL is public and reachable. Retry.")
    )]
    CrawlFailed,

    /// The crawler hit the per-page time budget.
    #[api(status = 504, resolve(message = "Retry, or point at a faster page."))]
    CrawlTimeout,

    /// The crawler reached the URL but found no scoreable content.
    #[api(
        status = 422,
        retry = true,
        resolve(message = "Point at the main product page, not a marketing redirect.")
    )]
    EmptyCrawl,

    /// The integration’s OAuth token expired or was revoked.
    #[api(
        status = 401,
        retry = false,
        resolve(message = "Reconnect the integration in Settings > Integrations.")
    )]
    IntegrationDisconnect,

    /// The invite token has aged out.
    #[api(status = 410, resolve(message = "Ask an admin to resend the invite."))]
    TeamInviteExpired,

    /// A signal-card submission missed required fields.
    #[api(
        status = 400,
        retry = true,
        resolve(message = "Complete the assessment, then retry.")
    )]
    SignalValidationFailed,

    /// A signal card was generated for the same target within the last hour.
    #[api(
        status = 429,
        retry_after = 3600,
        resolve(message = "Wait an hour, then retry.")
    )]
    SignalRateLimited,

    /// The Free account hit the day-14 activation cliff with one or both onboarding milestones still incomplete. Write actions are blocked until rescue.
    #[api(
        status = 403,
        resolve(
            message = "Finish the day-1 interview AND the week-1 org map (rescue path), or move up to Pro. See Path C+ activation contract."
        )
    )]
    ReadOnlyModeActive,

    /// An upstream dependency was unreachable from the API.
    #[api(status = 502, retry = "backoff", resolve(message = "Retry with backoff."))]
    NetworkError,

    /// Unhandled exception inside the API. The trace was sent to Sentry.
    #[api(
        status = 500,
        resolve(message = "Retry once. If it persists, ping support with the request ID.")
    )]
    InternalError,
}

/// Seed 001: RFC 9457 problem details with `error_code` and `resolve`, codes by category.
#[derive(Debug, ApiError)]
#[api(
    rename_all = "snake_case",
    type_base = "https://docs.example.com/errors/",
    challenge = "Bearer"
)]
pub enum Seed001 {
    /// No billing plan selected.
    #[api(
        status = 402,
        category = "Billing & subscription",
        detail = "Select a billing plan to continue.",
        resolve(
            message = "Select a billing plan to continue.",
            url = "https://app.example.com/billing",
            action = "select_plan",
            method = "POST",
            endpoint = "/billing/checkout"
        )
    )]
    NoActivePlan,
    /// Payment method needed for paid plans.
    #[api(
        status = 402,
        category = "Billing & subscription",
        resolve(
            message = "Add a payment method.",
            url = "https://app.example.com/billing/payment",
            action = "add_payment_method"
        )
    )]
    BillingInfoRequired,
    /// A plan is required before creating projects.
    #[api(
        status = 402,
        category = "Billing & subscription",
        resolve(action = "select_plan")
    )]
    PlanRequired,
    /// Payment is overdue.
    #[api(
        status = 402,
        category = "Billing & subscription",
        resolve(action = "update_payment")
    )]
    PaymentPastDue,
    /// Subscription suspended for non-payment.
    #[api(
        status = 402,
        category = "Billing & subscription",
        resolve(action = "update_payment")
    )]
    SubscriptionSuspended,
    /// Subscription is not active.
    #[api(
        status = 402,
        category = "Billing & subscription",
        resolve(action = "select_plan")
    )]
    SubscriptionInactive,
    /// Billing subscription missing.
    #[api(
        status = 404,
        category = "Billing & subscription",
        resolve(action = "contact_support")
    )]
    SubscriptionNotFound,
    /// No subscription exists for spend limit configuration.
    #[api(
        status = 404,
        category = "Billing & subscription",
        resolve(action = "select_plan")
    )]
    NoActiveSubscription,
    /// Monthly budget cap reached.
    #[api(
        status = 402,
        category = "Usage limits",
        detail = "Monthly budget cap of {cap_usd} USD reached.",
        resolve(
            message = "Raise the spend limit.",
            action = "raise_spend_limit",
            method = "PUT",
            endpoint = "/billing/spend-limit"
        )
    )]
    SpendLimitExceeded {
        /// The cap in US dollars.
        cap_usd: u32,
    },
    /// Credit balance exhausted.
    #[api(status = 402, category = "Usage limits", resolve(action = "buy_credits"))]
    CreditsDepleted,
    /// Too many requests — rate limit exceeded.
    #[api(status = 429, category = "Usage limits", retry_after = 30)]
    RateLimitExceeded,
    /// No valid authentication provided.
    #[api(
        status = 401,
        category = "Authentication & authorization",
        resolve(url = "/login")
    )]
    AuthRequired,
    /// No valid API key provided.
    #[api(
        status = 401,
        category = "Authentication & authorization",
        resolve(url = "/settings/api-keys")
    )]
    ApiKeyRequired,
    /// Pro subscription needed.
    #[api(
        status = 403,
        category = "Authentication & authorization",
        resolve(action = "select_plan")
    )]
    ProRequired,
    /// Not a member of the organization.
    #[api(
        status = 403,
        category = "Authentication & authorization",
        resolve(action = "contact_support")
    )]
    NotAMember,
    /// Account already exists with this email.
    #[api(status = 409, category = "Account")]
    EmailExists,
    /// Reset token is invalid.
    #[api(status = 400, category = "Account")]
    TokenInvalid,
    /// Reset token has expired.
    #[api(status = 410, category = "Account")]
    TokenExpired,
    /// Account uses social login.
    #[api(status = 409, category = "Account")]
    SocialLoginOnly,
    /// Organization invite has expired.
    #[api(status = 410, category = "Account")]
    InviteExpired,
    /// Email verification required to complete registration.
    #[api(status = 403, category = "Account", resolve(action = "verify_email"))]
    EmailVerificationRequired,
    /// Feature availability check failed.
    #[api(status = 500, category = "Internal", resolve(action = "contact_support"))]
    FeatureCheckFailed {
        /// What failed; logged only.
        source: std::io::Error,
    },
}

/// Seed 002: `{code, message, details}`, one example body per status.
#[derive(Debug, ApiError)]
#[api(challenge = "Bearer")]
pub enum Seed002 {
    /// The request is malformed or contains invalid parameters.
    #[api(
        status = 400,
        detail = "Cannot transition from '{from}' to '{to}'. Valid transitions: {valid}."
    )]
    InvalidStatusTransition {
        /// Current status.
        #[api(detail_only)]
        from: String,
        /// Requested status.
        #[api(detail_only)]
        to: String,
        /// Allowed next statuses, comma-separated.
        #[api(detail_only)]
        valid: String,
    },
    /// Missing or invalid authentication token.
    #[api(status = 401, detail = "Invalid or expired authentication token.")]
    Unauthorized,
    /// Usage limit exceeded for the current plan.
    #[api(status = 402, detail = "{usage_label} limit reached for your plan.")]
    UsageLimitExceeded {
        /// The meter's display name.
        #[api(detail_only)]
        usage_label: String,
        /// The meter.
        usage_type: String,
        /// Units used.
        current: u32,
        /// Units included.
        limit: u32,
        /// The plan.
        plan: String,
        /// Whether only an upgrade lifts the limit.
        upgrade_required: bool,
    },
    /// The authenticated user does not have permission for this action.
    #[api(status = 403, detail = "You do not have access to this workspace")]
    Forbidden,
    /// The requested resource does not exist.
    #[api(status = 404, detail = "Workspace {workspace_id} not found")]
    NotFound {
        /// The workspace asked for.
        #[api(detail_only)]
        workspace_id: String,
    },
    /// A conflicting operation is already in progress.
    #[api(
        status = 409,
        detail = "Synthesis is already running for this workspace. Please wait."
    )]
    SynthesisInProgress,
    /// Uploaded file exceeds the size limit (100 MB).
    #[api(status = 413, detail = "File size ({0} MB) exceeds 100 MB limit")]
    FileTooLarge(u64),
    /// Uploaded file type is not allowed (executables, scripts).
    #[api(status = 415, detail = "Executable and script files are not allowed.")]
    UnsupportedFileType,
    /// The request is well-formed but contains semantic errors.
    #[api(
        status = 422,
        detail = "{0} source(s) are not yet processed: {1}. Wait for processing to complete before synthesizing."
    )]
    SourcesNotReady(usize, String),
    /// Rate limit exceeded.
    #[api(
        status = 429,
        detail = "Rate limit exceeded. Retry after {retry_after} seconds."
    )]
    RateLimitExceeded {
        /// Seconds until the next request is accepted.
        #[api(retry_after, expose)]
        retry_after: u64,
    },
    /// An unexpected error occurred on the server.
    #[api(status = 500, detail = "Synthesis failed: {reason}.")]
    SynthesisFailed {
        /// A summary safe to show.
        #[api(detail_only)]
        reason: String,
        /// The internal failure; logged only.
        #[api(source)]
        cause: std::io::Error,
    },
    /// An upstream service (Stripe, GitHub, Linear) returned an error.
    #[api(status = 502, detail = "Failed to create {provider} customer")]
    BadGateway {
        /// The upstream's name.
        #[api(detail_only)]
        provider: &'static str,
        /// The upstream's response; logged only.
        upstream_body: String,
    },
    /// A required service is not configured or unavailable.
    #[api(
        status = 503,
        retry = "later",
        detail = "AI agent is not configured. Please check ANTHROPIC_API_KEY."
    )]
    AgentNotConfigured,
}

/// Seed 003: `{error, code, details}` with a Resolution column and `X-RateLimit-*` headers.
#[derive(Debug, ApiError)]
#[api(challenge = "ApiKey", category = "Common Error Codes")]
pub enum Seed003 {
    /// API key is invalid or expired
    #[api(status = 401, resolve(message = "Check key in Settings > API Keys"))]
    InvalidApiKey,
    /// API key lacks required scope
    #[api(status = 403, resolve(message = "Create new key with needed scopes"))]
    InsufficientScope,
    /// No organization selected
    #[api(status = 400, resolve(message = "Select an organization in dashboard"))]
    NoActiveOrganization,
    /// Not enough credits for operation
    #[api(status = 402, resolve(message = "Purchase more credits"))]
    InsufficientCredits {
        /// Credits the operation needs.
        required: u32,
        /// Credits left.
        available: u32,
    },
    /// Too many requests
    #[api(
        status = 429,
        retry = "backoff",
        detail = "Rate limit exceeded",
        resolve(message = "Wait and retry with backoff")
    )]
    RateLimitExceeded,
    /// CSV file has invalid columns
    #[api(status = 400, resolve(message = "Check required columns for workflow"))]
    InvalidCsvFormat,
    /// Requested item doesn't exist
    #[api(status = 404, resolve(message = "Verify ID is correct"))]
    ResourceNotFound,
    /// Verification job doesn't exist
    #[api(
        status = 404,
        category = "Verification Error Codes",
        resolve(message = "Check the job ID is correct")
    )]
    JobNotFound,
    /// Job is not in the expected stage
    #[api(
        status = 409,
        category = "Verification Error Codes",
        resolve(message = "Wait for job to reach awaiting_decision stage")
    )]
    InvalidJobStage,
    /// List has no leads with email addresses
    #[api(
        status = 422,
        category = "Verification Error Codes",
        resolve(message = "Enrich leads with emails first")
    )]
    NoEmailsToVerify,
}

/// Seed 004: `{success: false, error: {code, message}, meta: {request_id, version}}`, codes by
/// category with nuanced retry guidance: its table says "no" for the 401s other than an expired
/// token, so they say `retry = false` over the 401 default (`after_reauth`).
#[derive(Debug, ApiError)]
#[api(rename_all = "snake_case", challenge = "Bearer")]
pub enum Seed004 {
    /// The API platform is currently disabled by the operator. Try again shortly or contact support.
    #[api(status = 503, retry = "later", category = "Authentication Errors")]
    ApiPlatformDisabled,
    /// No X-API-Key header or Authorization: Bearer header was provided.
    #[api(status = 401, retry = false, category = "Authentication Errors")]
    MissingCredentials,
    /// A credential header was present but could not be parsed (e.g. a malformed Bearer header).
    #[api(status = 401, retry = false, category = "Authentication Errors")]
    MalformedCredentials,
    /// The API key does not match any active key in the system.
    #[api(status = 401, retry = false, category = "Authentication Errors")]
    InvalidApiKey,
    /// The Bearer token has passed its expiry time. Request a new token via the token endpoint.
    #[api(
        status = 401,
        retry = "after_reauth",
        category = "Authentication Errors",
        challenge = "Bearer error=\"invalid_token\"",
        resolve(method = "POST", endpoint = "/oauth/token")
    )]
    ExpiredToken,
    /// The API key has been explicitly revoked. Obtain a new key from your account manager.
    #[api(status = 403, category = "Authentication Errors")]
    RevokedApiKey,
    /// The Bearer token has been explicitly revoked. Request a new token.
    #[api(status = 403, category = "Authentication Errors")]
    RevokedToken,
    /// Your API client account has been suspended. Contact support.
    #[api(status = 403, category = "Authentication Errors")]
    ClientSuspended,
    /// The request originated from an IP address not in your allowlist. Contact your account manager to update the list.
    #[api(status = 403, category = "Authentication Errors")]
    IpNotAllowed,
    /// A live credential was used against a sandbox endpoint, or vice versa. Use the correct key/token for the target environment.
    #[api(status = 403, category = "Authentication Errors")]
    CredentialEnvironmentMismatch,
    /// The endpoint requires a scope that your credential does not have. Contact your account manager to discuss expanded access.
    #[api(status = 403, category = "Authorization Errors")]
    ScopeMissing,
    /// API access has not been enabled for your account. Contact support.
    #[api(status = 403, category = "Authorization Errors")]
    ApiAccessDisabled,
    /// Write endpoints require enterprise access, which is not enabled for your account.
    #[api(status = 403, category = "Authorization Errors")]
    ApiWriteScopeNotCommerciallyEnabled,
    /// You have exceeded the per-minute request rate for your tier. Wait until the X-RateLimit-Reset timestamp and retry.
    #[api(
        status = 429,
        category = "Rate Limit & Allowance Errors",
        detail = "You have exceeded the per-minute request rate for your tier."
    )]
    RateLimitExceeded,
    /// Your monthly request allowance has been exhausted. Contact your account manager to discuss overage options.
    #[api(status = 429, retry = false, category = "Rate Limit & Allowance Errors")]
    ApiUsageAllowanceExceeded,
    /// This specific endpoint (or its category) has been temporarily disabled. The error.message will contain any available detail. Retry later.
    #[api(
        status = 503,
        retry = "later",
        category = "Endpoint & Platform Errors",
        detail = "{reason}"
    )]
    EndpointDisabled {
        /// Why, as the operator stated it.
        #[api(detail_only)]
        reason: String,
    },
    /// An Idempotency-Key was reused with a different request body. Generate a new unique key for each distinct operation.
    #[api(status = 409, retry = "new_key", category = "Endpoint & Platform Errors")]
    IdempotencyConflict,
    /// A required parameter is missing or has an invalid value. See the error.message for which parameter.
    #[api(
        status = 400,
        category = "Request Errors",
        detail = "Missing required parameter: {parameter}."
    )]
    InvalidRequest {
        /// The parameter at fault.
        #[api(detail_only)]
        parameter: String,
    },
    /// Token endpoint: the grant_type is not client_credentials.
    #[api(status = 400, category = "Request Errors")]
    InvalidGrant,
    /// Token endpoint: the client_id/client_secret pair is invalid.
    #[api(status = 401, retry = false, category = "Request Errors")]
    InvalidClient,
    /// Token endpoint: the requested scope is not a subset of your allowed scopes.
    #[api(status = 400, category = "Request Errors")]
    InvalidScope,
    /// An unexpected server error occurred. Include the X-Request-Id when contacting support.
    #[api(status = 500, category = "Server Errors")]
    InternalError,
}
