use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = 42)]
enum E {
    #[api(status = 400)]
    Bad,
}

fn main() {}
