//! HTTP server (placeholder until the server lands).
