"""No silent misreads: a table whose text or dates sit under other field names says so."""

import json

import pytest

from framing.corpus import load_corpus
from framing.exceptions import CorpusFormatError


def _write(tmp_path, rows, name="c.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _rows(n=6):
    return [{"id": f"x{i}", "outlet": "Wire", "body": f"Officials met on day {i} in Geneva.",
             "date": "2025-02-20"} for i in range(n)]


def test_text_under_another_field_stops_the_load_naming_the_fix(tmp_path):
    path = _write(tmp_path, _rows())
    with pytest.raises(CorpusFormatError, match=r"6 of 6 articles .* no text.*'body': 'text'"):
        load_corpus(path)
    with pytest.warns(UserWarning, match=r"'date' looks like a date.*--column date=published"):
        articles = load_corpus(path, columns={"body": "text"})
    assert (articles["status"] == "ok").all()
    ok = load_corpus(path, columns={"body": "text", "date": "published"})
    assert ok["published"].notna().all()


def test_basil_is_recognised_with_format_auto(tmp_path):
    record = {"source": "nyt", "title": "A title", "date": "2014-03-01", "uuid": "u1",
              "triplet-uuid": "t1", "main-entities": ["Someone"],
              "body-paragraphs": [["First sentence written for this test."], ["Second one."]]}
    path = _write(tmp_path, [dict(record, uuid=f"u{i}") for i in range(6)])
    articles = load_corpus(path)
    assert (articles["text"].str.startswith("First sentence")).all()
    assert articles["published"].notna().all()


@pytest.mark.shared_data
def test_basil_loads_correctly_with_format_auto(shared_data):
    articles = load_corpus(shared_data / "basil" / "basil_train.jsonl")
    assert len(articles) == 150 and (articles["status"] == "ok").all()
    assert articles["published"].notna().all()
