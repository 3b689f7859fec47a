use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(axum())]
enum E {
    #[api(status = 400, transparent())]
    A,
    #[api(status = 400)]
    B {
        #[api(skip())]
        field: u32,
    },
}

fn main() {}
