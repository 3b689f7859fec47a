use apierror::ApiError;

mod db {
    #[derive(Debug, apierror::ApiError)]
    pub enum DbError {
        #[api(code = "SERVER_ERROR", status = 500)]
        Failed,
    }
}

mod jobs {
    #[derive(Debug, apierror::ApiError)]
    pub enum JobError {
        #[api(status = 409)]
        AlreadyRunning,
        #[api(code = "SERVER_ERROR", status = 500)]
        Crashed,
    }
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api(status = 404)]
    NotFound,
    #[api(transparent)]
    Db(db::DbError),
    #[api(transparent)]
    Jobs(jobs::JobError),
}

fn main() {}
