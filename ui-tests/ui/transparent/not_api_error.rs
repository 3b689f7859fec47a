use apierror::ApiError;

#[derive(Debug)]
struct Plain;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    Inner(Plain),
}

fn main() {}
