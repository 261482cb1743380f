"""lede: faithful extractive bullet highlights for news articles.

The work happens in Rust (the ``lede._lede`` extension); this package
re-exports it. Start with :func:`summarize` for one article and
:func:`summarize_many` for a batch.
"""

from ._lede import (
    Bullet,
    LedeError,
    Removed,
    Summarizer,
    Summary,
    TextSpan,
    __version__,
    summarize,
    summarize_many,
)

__all__ = [
    "Bullet",
    "LedeError",
    "Removed",
    "Summarizer",
    "Summary",
    "TextSpan",
    "__version__",
    "summarize",
    "summarize_many",
]
