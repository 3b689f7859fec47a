use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 405, allow(GET, FETCH))]
    WrongMethod,
}

fn main() {}
