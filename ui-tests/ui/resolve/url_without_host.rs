use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(type_base = "https://")]
enum E {
    #[api(status = 402, resolve(url = "http://"))]
    NoHost,
    #[api(status = 402, resolve(url = "https:///billing"))]
    EmptyHost,
    #[api(status = 402, type = "http://?x", resolve(url = "https://user@:8080/"))]
    OnlyPort,
}

fn main() {}
