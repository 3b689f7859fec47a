use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 426, upgrade = "HTTP 2")]
    UpgradeRequired,
}

fn main() {}
