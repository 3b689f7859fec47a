use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(type_bsae = "https://docs.example.com/errors/")]
enum E {
    #[api(status = 400)]
    Invalid,
}

fn main() {}
