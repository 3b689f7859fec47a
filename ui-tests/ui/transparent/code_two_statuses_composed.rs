use apierror::ApiError;

mod db {
    #[derive(Debug, apierror::ApiError)]
    pub enum DbError {
        #[api(code = "SERVER_ERROR", status = 500)]
        Failed,
    }

    #[derive(Debug, apierror::ApiError)]
    pub enum StoreError {
        #[api(transparent)]
        Db(DbError),
    }
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api(code = "SERVER_ERROR", status = 503)]
    Unavailable,
    #[api(transparent)]
    Store(db::StoreError),
}

fn main() {}
