use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(stauts = 400)]
    Invalid,
}

fn main() {}
