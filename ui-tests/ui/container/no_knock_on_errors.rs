use apierror::{ApiError, ApiErrorExt};

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 200)]
    Fine,
}

fn use_it(e: &E) -> u16 {
    use apierror::Catalog;
    let _ = E::entries();
    e.status().as_u16()
}

fn main() {}
