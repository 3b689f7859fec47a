use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 502)]
    Upstream {
        #[from]
        source: std::io::Error,
        host: String,
    },
}

fn main() {}
