use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 503)]
    Down(#[api(expose)] String),
}

fn main() {}
