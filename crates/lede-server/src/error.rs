//! API errors: an HTTP status plus the JSON body `{"error":{"code","message","field"}}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error answered to the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ApiError {
    /// HTTP status of the response.
    #[serde(skip)]
    pub status: StatusCode,
    /// Stable machine-readable code such as `empty_input` or `overloaded`.
    pub code: &'static str,
    /// What went wrong, for people.
    pub message: String,
    /// The request field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// The JSON body of an error response (also one failed item of a batch).
#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    /// The error.
    pub error: &'a ApiError,
}

/// Marks a response as an error so the metrics can count it by code.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorCode(pub &'static str);

impl ApiError {
    /// An error with no field.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }

    /// The same error, blaming `field`.
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// 400 with `code`, blaming `field`.
    pub fn bad_request(code: &'static str, field: &str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, code, message).field(field)
    }

    /// 500 for a failure that is the server's fault.
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// 404 for an unknown path.
    pub fn not_found() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such endpoint")
    }

    /// Maps a summarizer error for the input held in `field`.
    pub fn from_lede(err: &lede::Error, field: &str) -> Self {
        let status = match err {
            lede::Error::EmptyInput
            | lede::Error::Binary
            | lede::Error::LooksLikeCorpus
            | lede::Error::InvalidOption(_) => StatusCode::BAD_REQUEST,
            lede::Error::InputTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            lede::Error::NoSentences | lede::Error::NoArticle => StatusCode::UNPROCESSABLE_ENTITY,
            lede::Error::TimedOut => StatusCode::GATEWAY_TIMEOUT,
            _ => return ApiError::internal(err.to_string()),
        };
        let code = match err {
            lede::Error::Binary | lede::Error::LooksLikeCorpus => "invalid_input",
            other => other.code(),
        };
        let message = match err {
            lede::Error::EmptyInput => format!("`{field}` is empty"),
            other => other.to_string(),
        };
        ApiError::new(status, code, message).field(field)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&ErrorBody { error: &self }).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response.extensions_mut().insert(ErrorCode(self.code));
        response
    }
}
