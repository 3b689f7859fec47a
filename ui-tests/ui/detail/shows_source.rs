use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 502, detail = "upstream said {source}")]
    Upstream { source: std::io::Error },
}

fn main() {}
