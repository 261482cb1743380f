"""Type stubs of the native module `lede._lede` (re-exported by `lede`)."""

from os import PathLike
from typing import Any, Iterable, Iterator, Literal, Optional, Sequence, TypedDict, Union, final, overload

from typing_extensions import Unpack

__version__: str

Text = Union[str, bytes]
Format = Literal["text", "markdown", "md", "json", "jsonl"]
InputFormat = Literal["auto", "text", "html"]

class _Options(TypedDict, total=False):
    """Summary settings, keyword-only everywhere; None means the default."""

    sentences: Optional[int]
    """Number of bullets (default 3); give at most one of sentences, words, chars, ratio."""
    words: Optional[int]
    chars: Optional[int]
    ratio: Optional[float]
    at_least_one: Optional[bool]
    """With words or chars: give the best bullet even when none fits (by default the budget is a limit)."""
    algorithm: Optional[str]
    """learned (default), lead, textrank or lexrank."""
    max_overlap: Optional[float]
    min_words: Optional[int]
    max_input_bytes: Optional[int]
    model: Union[str, PathLike[str], None]
    """A model file written by `lede train`, instead of the embedded ones."""
    language: Optional[str]
    """The article's language ("fr", "de-CH", ...); default: detected. It picks the
    sentence rules, stop words and, for French, the embedded French model. A
    well-formed tag of a language lede has no resources for ("vi") gets the
    language-neutral rules and `language` None; a malformed tag raises LedeError."""

ErrorCode = Literal[
    "empty_input",
    "too_large",
    "binary",
    "looks_like_corpus",
    "no_sentences",
    "no_article",
    "invalid_option",
    "timeout",
    "model",
    "io",
]

class LedeError(ValueError):
    """An input or option lede cannot work with (empty or binary text, bad options, ...)."""

    code: ErrorCode
    """The kind of error, as the Rust library's `Error::code()` names it; branch on this, not on the message."""

@final
class TextSpan:
    """A piece of the input text with character and byte offsets."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int:
        """Start, in characters (Python string indices)."""
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int:
        """Start, in UTF-8 bytes."""
    @property
    def byte_end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Bullet:
    """One highlight: a sentence of the input, with its score and rank."""

    @property
    def text(self) -> str:
        """The sentence exactly as in the input."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def score(self) -> float: ...
    @property
    def rank(self) -> int:
        """1-based rank of the score among all body sentences."""
    @property
    def sentence_index(self) -> int:
        """0-based index of the sentence among the body sentences."""
    @property
    def standfirst(self) -> bool:
        """True when the sentence opens the page's standfirst, put first by the learned default."""
    @property
    def display_text(self) -> str:
        """The text with runs of whitespace collapsed to single spaces."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Removed:
    """A piece of the input that cleaning left out, and why."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def reason(self) -> Literal["duplicate", "caption", "photo_credit", "byline", "dateline", "boilerplate"]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Source:
    """For HTML input: the page's metadata and the extracted text the offsets index into."""

    @property
    def url(self) -> Optional[str]: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def published(self) -> Optional[str]: ...
    @property
    def site_name(self) -> Optional[str]: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def text(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Summary:
    """The result of summarizing one article."""

    @property
    def id(self) -> Optional[str]: ...
    @property
    def algorithm(self) -> str: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def title(self) -> Optional[TextSpan]: ...
    @property
    def given_highlights(self) -> list[TextSpan]: ...
    @property
    def bullets(self) -> list[Bullet]: ...
    @property
    def sentence_count(self) -> int: ...
    @property
    def removed(self) -> list[Removed]: ...
    @property
    def source(self) -> Optional[Source]:
        """For HTML input: metadata and the text that offsets index into; None for text."""
    @property
    def warnings(self) -> list[dict[str, Any]]:
        """What limits the summary (`code`: body_truncated, page_truncated, nothing_fits); empty when none."""
    def to_dict(self) -> dict[str, Any]:
        """Exactly what `lede summarize --format json` prints, as plain data."""
    def to_json(self) -> str:
        """One line of JSON, as `lede summarize --format jsonl` prints it."""
    def render(self, format: Format = "text") -> str: ...

@final
class Summarizer:
    """A configured summarizer, to reuse across many calls and threads (picklable)."""

    def __init__(self, **options: Unpack[_Options]) -> None: ...
    def __eq__(self, other: object) -> bool:
        """Equal when built with the same keyword options (None values left out)."""
    def __hash__(self) -> int: ...
    @property
    def algorithm(self) -> str: ...
    def summarize(self, text: Text, *, input_format: Optional[InputFormat] = None, url: Optional[str] = None) -> Summary: ...
    def summarize_many(
        self, texts: Iterable[object], *, threads: Optional[int] = None, input_format: Optional[InputFormat] = None
    ) -> list[Union[Summary, Exception]]: ...

@final
class Score:
    """Precision, recall and F1 of one ROUGE variant; unpacks as (precision, recall, fmeasure)."""

    @property
    def precision(self) -> float: ...
    @property
    def recall(self) -> float: ...
    @property
    def fmeasure(self) -> float: ...
    def __iter__(self) -> Iterator[float]: ...

@final
class Article:
    """The article found in an HTML page."""

    @property
    def title(self) -> str: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def published(self) -> Optional[str]: ...
    @property
    def site_name(self) -> Optional[str]: ...
    @property
    def language(self) -> Optional[str]:
        """BCP 47 tag such as "en-GB"."""
    @property
    def description(self) -> Optional[str]: ...
    @property
    def canonical_url(self) -> Optional[str]: ...
    @property
    def image_url(self) -> Optional[str]: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def paragraphs(self) -> list[str]: ...
    @property
    def highlights(self) -> list[str]:
        """The publisher's bullet highlights shown above the story."""
    @property
    def text(self) -> str:
        """Paragraphs joined by a blank line, ready for `summarize`."""
    @property
    def page_type(self) -> str:
        """"article", "forum", "product", "listing", "collection", "documentation" or "service"."""
    @property
    def readerable(self) -> bool:
        """Whether the body reads as an article."""
    def to_dict(self) -> dict[str, Any]: ...

@overload
def rouge(
    predictions: str,
    references: str,
    *,
    rouge_types: Union[str, Sequence[str], None] = None,
    stemmer: bool = True,
    per_document: bool = False,
    threads: Optional[int] = None,
    language: Optional[str] = None,
) -> dict[str, Score]: ...
@overload
def rouge(
    predictions: Sequence[str],
    references: Sequence[str],
    *,
    rouge_types: Union[str, Sequence[str], None] = None,
    stemmer: bool = True,
    per_document: Literal[False] = False,
    threads: Optional[int] = None,
    language: Optional[str] = None,
) -> dict[str, Score]:
    """Mean ROUGE over the pairs, as rouge-score computes it (default: rouge1, rouge2, rougeL, rougeLsum)."""
@overload
def rouge(
    predictions: Sequence[str],
    references: Sequence[str],
    *,
    rouge_types: Union[str, Sequence[str], None] = None,
    stemmer: bool = True,
    per_document: Literal[True],
    threads: Optional[int] = None,
    language: Optional[str] = None,
) -> list[dict[str, Score]]: ...
def oracle(
    sentences: Union[str, Sequence[str]],
    reference: Union[str, Sequence[str]],
    *,
    max_sentences: int = 3,
    language: Optional[str] = None,
) -> list[int]:
    """Indices of the sentences that greedily maximise ROUGE-1 F1 + ROUGE-2 F1 against the reference.

    `sentences` is a list of sentences (used as given) or an article's text,
    split by `sentences()` so the indices count its cleaned body sentences.
    """

def sentences(text: str, *, max_input_bytes: int = ..., language: Optional[str] = None) -> list[TextSpan]:
    """The cleaned body sentences lede summarizes from, with exact offsets into `text`."""

def extract(html: Text, url: Optional[str] = None, *, content_type: Optional[str] = None) -> Article:
    """The article in an HTML page (str, or bytes whose charset is detected)."""

def summarize(
    text: Text,
    *,
    input_format: Optional[InputFormat] = None,
    url: Optional[str] = None,
    **options: Unpack[_Options],
) -> Summary:
    """Summarizes one article (text, or an HTML page: input_format "auto" detects it).

    At most one length of sentences (default 3), words, chars, ratio.
    """

def summarize_many(
    texts: Iterable[object],
    *,
    threads: Optional[int] = None,
    input_format: Optional[InputFormat] = None,
    **options: Unpack[_Options],
) -> list[Union[Summary, Exception]]:
    """Summarizes many articles in parallel, in order; failed items are returned as exceptions."""
