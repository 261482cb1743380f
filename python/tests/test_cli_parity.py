"""The Python API gives exactly what `lede summarize corpus.jsonl` prints."""

import lede
from conftest import article_of


def test_every_record_matches_the_cli(corpus, cli_results):
    results = lede.summarize_many([article_of(r) for r in corpus])
    assert len(cli_results) == len(corpus)
    for record, result in zip(corpus, results):
        cli = cli_results[str(record["id"])]
        if "error" in cli:
            assert isinstance(result, Exception), record["id"]
            continue
        assert isinstance(result, lede.Summary), (record["id"], result)
        expected = dict(cli)
        del expected["id"]
        assert result.to_dict() == expected
