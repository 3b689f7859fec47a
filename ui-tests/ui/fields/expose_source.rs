use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 502)]
    Upstream {
        #[api(expose)]
        source: std::io::Error,
    },
}

fn main() {}
