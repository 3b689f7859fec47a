use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(code = "NO_STATUS")]
    NoStatus,
    /// No attribute at all.
    Bare,
}

fn main() {}
