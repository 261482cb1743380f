//! lede: faithful extractive bullet highlights for news articles.

pub mod segment;
