use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 401, challenge = "Bearer", resolve(url = "app.example.com/login"))]
    First,
    #[api(status = 401, challenge = "Bearer", resolve(url = "ftp://example.com/login"))]
    Second,
}

fn main() {}
