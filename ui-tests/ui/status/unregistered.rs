use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 419)]
    A419,
    #[api(status = 420)]
    A420,
    #[api(status = 499)]
    A499,
    #[api(status = 509)]
    A509,
    #[api(status = 599)]
    A599,
}

fn main() {}
