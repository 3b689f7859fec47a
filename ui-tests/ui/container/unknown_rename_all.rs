use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "SCREAMING_SNAKE")]
enum E {
    #[api(status = 400)]
    Invalid,
}

fn main() {}
