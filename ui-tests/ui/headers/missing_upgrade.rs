use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 426)]
    UpgradeRequired,
}

fn main() {}
