use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 405, allow())]
    WrongMethod,
}

fn main() {}
