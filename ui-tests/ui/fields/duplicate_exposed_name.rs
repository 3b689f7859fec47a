use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429)]
    Exceeded {
        limit: u32,
        #[api(rename = "limit")]
        max: u32,
    },
}

fn main() {}
