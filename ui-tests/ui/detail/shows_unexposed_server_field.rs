use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500, detail = "query {query} failed")]
    Database { query: String },
}

fn main() {}
