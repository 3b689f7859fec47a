use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 402, resolve(mesage = "Top up."))]
    First,
}

fn main() {}
