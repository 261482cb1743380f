"""lede: faithful extractive bullet highlights for news articles.

The work happens in Rust (the ``lede._lede`` extension); this package
re-exports it. Start with :func:`summarize` for one article and
:func:`summarize_many` for a batch; :func:`sentences` splits an article
into the sentences lede scores; :func:`extract` pulls the article out of
an HTML page, :func:`rouge` and :func:`oracle` evaluate summaries exactly as
Google's rouge-score does.
"""

from ._lede import (
    Article,
    Bullet,
    LedeError,
    Removed,
    Score,
    Source,
    Summarizer,
    Summary,
    TextSpan,
    __version__,
    extract,
    oracle,
    rouge,
    sentences,
    summarize,
    summarize_many,
)

__all__ = [
    "Article",
    "Bullet",
    "LedeError",
    "Removed",
    "Score",
    "Source",
    "Summarizer",
    "Summary",
    "TextSpan",
    "__version__",
    "extract",
    "oracle",
    "rouge",
    "sentences",
    "summarize",
    "summarize_many",
]
