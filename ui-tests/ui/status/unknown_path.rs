use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = NOT_FOUNDD)]
    Missing,
}

fn main() {}
