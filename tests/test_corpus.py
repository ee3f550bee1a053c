"""Tests for framing.corpus: load_corpus, load_outlets, drop_duplicate_stories."""

from __future__ import annotations

import json
import logging
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import paths
from framing.corpus import (
    ARTICLE_COLUMNS,
    LoadReport,
    OutletMap,
    drop_duplicate_stories,
    load_corpus,
    load_outlets,
)
from framing.exceptions import CorpusFormatError, MissingColumnError, RegistryFormatError

LOADER_DIR = Path(__file__).parent / "data" / "loader"

# Three articles used for the format round-trip tests (written by hand for these tests).
ARTICLES = [
    {
        "article_id": "kl-001",
        "outlet": "Kyiv Ledger",
        "published": "2025-02-28T18:00:00+02:00",
        "title": "Talks in the Oval Office end abruptly",
        "text": "The meeting ended without a signature. Officials said talks would continue.",
        "url": "https://www.kyivledger.example/kl-001",
    },
    {
        "article_id": "pc-002",
        "outlet": "Prairie Courier",
        "published": "2025-03-01T09:30:00Z",
        "title": "What the minerals framework says",
        "text": (
            "The draft sets up a joint investment fund.\n\nIt does not mention security guarantees."
        ),
        "url": "https://prairiecourier.example/pc-002",
    },
    {
        "article_id": "ht-003",
        "outlet": "Harbour Times",
        "published": "2025-03-02",
        "title": "Café diplomacy in London",
        "text": "European leaders met on Sunday; the prime minister’s statement was brief.",
        "url": "https://harbourtimes.example/ht-003",
    },
]


def write_jsonl(path, rows, *, raw_lines=()):
    """Write dict rows (and raw text lines appended verbatim) as JSON lines."""
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(raw_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_format(tmp_path, fmt, rows):
    if fmt == "jsonl":
        return write_jsonl(tmp_path / "articles.jsonl", rows)
    if fmt == "csv":
        path = tmp_path / "articles.csv"
        pd.DataFrame(rows).to_csv(path, index=False)
        return path
    if fmt == "parquet":
        path = tmp_path / "articles.parquet"
        pd.DataFrame(rows).to_parquet(path, index=False)
        return path
    if fmt == "folder":
        folder = tmp_path / "articles"
        folder.mkdir()
        for r in rows:
            header = "".join(f"{k}: {r[k]}\n" for k in ("outlet", "published", "title", "url"))
            (folder / f"{r['article_id']}.md").write_text(
                f"---\n{header}---\n{r['text']}\n", encoding="utf-8"
            )
        return folder
    raise ValueError(fmt)


def load_quietly(*args, **kwargs):
    """load_corpus with warnings silenced (for tests that check other things)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_corpus(*args, **kwargs)


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "folder"])
def test_formats_give_the_same_table(tmp_path, fmt):
    path = write_format(tmp_path, fmt, ARTICLES)
    articles, report = load_corpus(path, return_report=True)  # format="auto"
    assert list(articles.columns[: len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS)
    assert list(articles.index) == [0, 1, 2]
    if fmt == "folder":  # files are read in sorted path order
        assert articles["article_id"].tolist() == ["ht-003", "kl-001", "pc-002"]
        articles = articles.set_index("article_id").loc[["kl-001", "pc-002", "ht-003"]]
        articles = articles.reset_index()
    assert articles["article_id"].tolist() == ["kl-001", "pc-002", "ht-003"]
    assert articles["text"].tolist() == [r["text"] for r in ARTICLES]
    assert articles["title"].tolist() == [r["title"] for r in ARTICLES]
    assert str(articles["published"].dtype) == "datetime64[ns, UTC]"
    assert articles["published"].tolist() == [
        pd.Timestamp("2025-02-28T16:00:00Z"),
        pd.Timestamp("2025-03-01T09:30:00Z"),
        pd.Timestamp("2025-03-02T00:00:00Z"),
    ]
    assert articles["source_line"].dtype == "int64"
    assert (report.n_read, report.n_accepted, report.n_rejected) == (3, 3, 0)
    for col in ("article_id", "outlet", "title", "text", "url", "outlet_raw", "status"):
        assert all(isinstance(v, str) for v in articles[col]), col


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.csv", "csv"), ("a.parquet", "parquet")],
    ids=["jsonl", "ndjson", "csv", "parquet"],
)
def test_explicit_format_matches_auto(tmp_path, name, fmt):
    src = write_format(tmp_path, fmt, ARTICLES[:1])
    path = src.rename(tmp_path / name)
    auto = load_corpus(path, detect_language=False)
    explicit = load_corpus(path, format=fmt, detect_language=False)
    pd.testing.assert_frame_equal(auto, explicit)


def test_unknown_suffix_asks_for_format(tmp_path):
    path = write_jsonl(tmp_path / "articles.json", ARTICLES)
    with pytest.raises(CorpusFormatError, match=r"articles\.json.*format="):
        load_corpus(path)
    assert len(load_corpus(path, format="jsonl", detect_language=False)) == 3


def test_unknown_format_parameter():
    with pytest.raises(ValueError, match=r"'format' parameter of load_corpus.*Got 'xml'"):
        load_corpus(LOADER_DIR / "quoted.csv", format="xml")


def test_missing_path_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.jsonl"):
        load_corpus(tmp_path / "nowhere.jsonl")


def test_text_folder_front_matter_and_ids():
    articles, report = load_corpus(LOADER_DIR / "notes", return_report=True)
    assert sorted(articles["article_id"]) == ["briefs/talks-resume", "deal-signed"]
    row = articles.set_index("article_id").loc["deal-signed"]
    assert row["title"] == "Minerals deal signed in Washington"  # quotes removed
    assert row["published"] == pd.Timestamp("2025-04-30T18:15:00Z")
    assert row["section"] == "economy"  # extra front-matter key kept as a column
    assert row["text"].startswith("Ukraine's economy minister")
    assert "\n\nThe fund" in row["text"]
    assert row["source_file"].endswith("deal-signed.md")
    assert report.n_read == 2 and report.n_rejected == 0


def test_text_folder_rejects_unclosed_front_matter(tmp_path):
    folder = write_format(tmp_path, "folder", ARTICLES[:2])
    (folder / "broken.txt").write_text("---\noutlet: Kyiv Ledger\nno closing line\n")
    articles, report = load_quietly(folder, return_report=True)
    assert len(articles) == 2
    assert report.rejections["reason"].tolist() == ["invalid_front_matter"]
    assert report.rejections["file"].iloc[0].endswith("broken.txt")


def test_basil_adapter(tmp_path):
    record = {
        "uuid": "u-1",
        "triplet-uuid": "t-1",
        "main-event": "Summit ends",
        "main-entities": ["A Person"],
        "title": "Summit ends",
        "source": "NYT",
        "url": "https://www.nytimes.example/summit",
        "date": "2012-05-01",
        "word-count": 9,
        "body-paragraphs": [["First sentence.", "Second sentence."], ["New paragraph."]],
        "article-level-annotations": {"relative_stance": "center"},
        "phrase-level-annotations": [{"id": "p0", "start": 0, "end": 5}],
    }
    rows = [
        record,
        {**record, "uuid": "u-2", "source": "fox"},
        {**record, "uuid": "empty", "article_key": "t-1_3", "source": "hpo"},  # real quirk
    ]
    path = write_jsonl(tmp_path / "basil.jsonl", rows)
    articles = load_corpus(path, format="basil", detect_language=False)
    first = articles.iloc[0]
    assert first["article_id"] == "u-1"
    assert first["text"] == "First sentence. Second sentence.\n\nNew paragraph."
    assert (first["outlet"], first["outlet_raw"]) == ("nyt", "NYT")
    assert first["published"] == pd.Timestamp("2012-05-01", tz="UTC")
    assert first["main-event"] == "Summit ends" and first["triplet-uuid"] == "t-1"
    assert first["word-count"] == 9
    for dropped in (
        "body-paragraphs",
        "main-entities",
        "article-level-annotations",
        "phrase-level-annotations",
        "uuid",
        "source",
        "date",
    ):
        assert dropped not in articles.columns
    assert articles["outlet"].tolist() == ["nyt", "fox", "hpo"]
    assert articles["article_id"].tolist() == ["u-1", "u-2", "t-1_3"]


def test_list_of_paths_checks_ids_across_files(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", ARTICLES[:2])
    b = write_jsonl(tmp_path / "b.jsonl", ARTICLES[1:])
    articles, report = load_quietly([a, b], return_report=True)
    assert articles["article_id"].tolist() == ["kl-001", "pc-002", "ht-003"]
    assert report.rejections[["file", "line", "reason"]].values.tolist() == [
        [str(b), 1, "duplicate_id"]
    ]


# --------------------------------------------------------------------------- columns


def test_columns_maps_file_fields_and_keeps_extras(tmp_path):
    rows = [
        {
            "id": "x1",
            "source": "Kyiv Ledger",
            "body": "Some text here.",
            "date": "2025-03-01",
            "headline": "H",
            "byline": "A. Writer",
        }
    ]
    path = write_jsonl(tmp_path / "raw.jsonl", rows)
    mapping = {
        "id": "article_id",
        "source": "outlet",
        "body": "text",
        "date": "published",
        "headline": "title",
    }
    articles = load_corpus(path, columns=mapping, detect_language=False)
    row = articles.iloc[0]
    assert (row["article_id"], row["outlet"], row["text"], row["title"]) == (
        "x1",
        "Kyiv Ledger",
        "Some text here.",
        "H",
    )
    assert row["url"] == ""  # absent canonical text field → "" (never NaN)
    assert row["byline"] == "A. Writer"


def test_columns_with_absent_field_lists_fields_found(tmp_path):
    path = write_jsonl(tmp_path / "raw.jsonl", ARTICLES)
    with pytest.raises(MissingColumnError, match=r"'body'.*raw\.jsonl.*Fields found: .*'text'"):
        load_corpus(path, columns={"body": "text"})


def test_columns_clash_with_existing_field(tmp_path):
    rows = [{**ARTICLES[0], "body": "other"}]
    path = write_jsonl(tmp_path / "raw.jsonl", rows)
    with pytest.raises(CorpusFormatError, match=r"already has a field.*'text'"):
        load_corpus(path, columns={"body": "text"})


# --------------------------------------------------------------------------- report, rejections


def test_truncated_json_line_is_rejected_and_reported(tmp_path, caplog):
    truncated = json.dumps(ARTICLES[1])[:40]
    path = tmp_path / "cut.jsonl"
    path.write_text(
        "\n".join([json.dumps(ARTICLES[0]), truncated, "", "   ", json.dumps(ARTICLES[2])]) + "\n"
    )
    with (
        caplog.at_level(logging.INFO, logger="framing"),
        pytest.warns(UserWarning, match=r"1 of 3 .*line 2 \(invalid_json\)"),
    ):
        articles, report = load_corpus(path, return_report=True)
    assert articles["article_id"].tolist() == ["kl-001", "ht-003"]
    assert (report.n_read, report.n_accepted, report.n_rejected) == (3, 2, 1)  # blanks skipped
    rejection = report.rejections.iloc[0]
    assert (rejection["file"], rejection["line"], rejection["reason"]) == (
        str(path),
        2,
        "invalid_json",
    )
    assert rejection["detail"].startswith("line 2: invalid JSON")
    assert articles["source_line"].tolist() == [1, 5]
    summaries = [r.getMessage() for r in caplog.records if r.name == "framing"]
    assert len(summaries) == 1 and "Loaded 2 of 3 records" in summaries[0]
    assert "\n" not in summaries[0]


def test_strict_raises_with_file_and_line(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text(json.dumps(ARTICLES[0]) + "\n" + '{"article_id": "x", "outl\n')
    with pytest.raises(
        CorpusFormatError, match=r"cut\.jsonl' line 2: line 2: invalid JSON"
    ) as info:
        load_corpus(path, strict=True)
    assert info.value.line == 2 and str(info.value.path) == str(path)


def test_json_value_that_is_not_an_object(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1], raw_lines=['["a", "list"]', "42"])
    _articles, report = load_quietly(path, return_report=True)
    assert report.rejections["reason"].tolist() == ["not_an_object", "not_an_object"]
    assert report.rejections["line"].tolist() == [2, 3]


def test_nested_value_in_text_field_is_rejected(tmp_path):
    rows = [ARTICLES[0], {**ARTICLES[1], "text": ["para 1", {"p": 2}]}]
    articles, report = load_quietly(write_jsonl(tmp_path / "a.jsonl", rows), return_report=True)
    assert len(articles) == 1
    assert report.rejections.iloc[0][["line", "reason"]].tolist() == [2, "invalid_field"]
    assert "'text'" in report.rejections.iloc[0]["detail"]


def test_report_summary_and_frame(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", ARTICLES, raw_lines=["{bad"])
    _, report = load_quietly(path, return_report=True)
    assert isinstance(report, LoadReport)
    summary = report.summary()
    assert "Loaded 3 of 4 records" in summary and "1 invalid_json" in summary
    frame = report.to_frame().set_index("metric")["value"]
    assert frame["n_read"] == 4 and frame["n_rejected"] == 1 and frame["rejected:invalid_json"] == 1
    assert frame["language:en"] == 3


# --------------------------------------------------------------------------- encodings, CSV


def test_utf8_bom_gives_clean_field_names():
    articles = load_corpus(
        LOADER_DIR / "utf8_bom.csv",
        columns={
            "id": "article_id",
            "source": "outlet",
            "date": "published",
            "headline": "title",
            "body": "text",
        },
    )
    assert articles.loc[0, "article_id"] == "b1"  # 'id' was found despite the BOM before it
    assert articles.loc[0, "title"] == "Café diplomacy"
    assert "’" in articles.loc[0, "text"]


def test_utf8_bom_in_jsonl(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(ARTICLES[0]).encode("utf-8") + b"\n")
    articles, report = load_corpus(path, return_report=True)
    assert report.n_rejected == 0 and articles.loc[0, "article_id"] == "kl-001"


def test_cp1252_csv_loads_with_its_encoding():
    articles = load_corpus(LOADER_DIR / "windows1252.csv", encoding="cp1252")
    assert articles.loc[0, "title"] == "Café talk"
    assert articles.loc[0, "text"] == "The minister’s café meeting went well."


def test_cp1252_csv_as_utf8_names_file_line_and_offset():
    path = LOADER_DIR / "windows1252.csv"
    offset = path.read_bytes().index(b"\xe9")  # first byte that is not valid UTF-8
    with pytest.raises(
        CorpusFormatError,
        match=rf"windows1252\.csv' line 2 \(byte offset {offset}\).*encoding='cp1252'",
    ) as info:
        load_corpus(path)
    assert info.value.line == 2


def test_csv_embedded_newlines_and_doubled_quotes():
    articles, report = load_corpus(LOADER_DIR / "quoted.csv", return_report=True)
    assert report.n_read == 2 and len(articles) == 2
    text = articles.loc[0, "text"]
    assert 'it was "not a good day" for the talks' in text
    assert text.count("\n") >= 3 and text.endswith("No deal was signed.")
    assert articles.loc[0, "title"] == "Shouting match, then silence"
    assert articles["source_line"].tolist() == [2, 6]  # record 2 starts after 4 physical lines


def test_csv_row_with_wrong_field_count(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("article_id,outlet,text\nx1,Kyiv Ledger,ok text\n\nx2,Kyiv Ledger,a,b\n")
    articles, report = load_quietly(path, return_report=True)
    assert articles["article_id"].tolist() == ["x1"]
    assert report.rejections[["line", "reason"]].values.tolist() == [[4, "field_count"]]


def test_csv_unterminated_quote_fails_at_the_record_start(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('article_id,outlet,text\nx1,Kyiv Ledger,"never closed\nx2,Kyiv Ledger,b\n')
    with pytest.raises(CorpusFormatError, match=r"a\.csv' line 2: malformed CSV") as info:
        load_corpus(path)
    assert info.value.line == 2


def test_utf16_jsonl(tmp_path):
    path = tmp_path / "u16.jsonl"
    path.write_bytes((json.dumps(ARTICLES[2], ensure_ascii=False) + "\n").encode("utf-16"))
    articles = load_corpus(path, encoding="utf-16", detect_language=False)
    assert articles.loc[0, "title"] == "Café diplomacy in London"


def test_empty_file_gives_empty_table_with_schema(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    articles, report = load_corpus(path, return_report=True)
    assert list(articles.columns) == list(ARTICLE_COLUMNS) and len(articles) == 0
    assert str(articles["published"].dtype) == "datetime64[ns, UTC]"
    assert (report.n_read, report.n_accepted, report.n_rejected) == (0, 0, 0)


# --------------------------------------------------------------------------- text, dates


@pytest.mark.parametrize("text", [None, "", "   \n "], ids=["missing", "empty", "blank"])
def test_empty_text_is_kept_with_status(tmp_path, text):
    row = {k: v for k, v in ARTICLES[0].items() if k != "text"}
    if text is not None:
        row["text"] = text
    articles, report = load_corpus(
        write_jsonl(tmp_path / "a.jsonl", [row, ARTICLES[1]]), return_report=True
    )
    assert articles["status"].tolist() == ["empty_text", "ok"]
    assert articles.loc[0, "language"] == "und"
    assert articles.loc[0, "text"] == (text or "")
    assert report.n_empty_text == 1 and report.languages["und"] == 1


@pytest.mark.parametrize(
    ("value", "expected", "status"),
    [
        ("2022-02-24T05:30:00+02:00", "2022-02-24T03:30:00Z", "ok"),
        ("2022-02-23T22:30:00-05:00", "2022-02-24T03:30:00Z", "ok"),
        ("2022-02-24T03:30:00Z", "2022-02-24T03:30:00Z", "ok"),
        ("2022-02-24 03:30:00 UTC", "2022-02-24T03:30:00Z", "ok"),
        ("Thu, 24 Feb 2022 05:30:00 +0200", "2022-02-24T03:30:00Z", "ok"),
        ("2025-02-14", "2025-02-14T00:00:00Z", "ok"),
        ("2022-02-24T03:30:00", "2022-02-24T03:30:00Z", "naive"),
        ("18/03/24", None, "unparseable"),
        ("last Tuesday", None, "unparseable"),
        ("1500-01-01", None, "unparseable"),  # outside datetime64[ns]
        ("", None, "missing"),
        (None, None, "missing"),
    ],
    ids=[
        "plus2",
        "minus5",
        "zulu",
        "utc-word",
        "rfc2822",
        "date-only",
        "naive",
        "dmy",
        "words",
        "year-1500",
        "empty",
        "null",
    ],
)
def test_dates(tmp_path, value, expected, status):
    path = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLES[0], "published": value}])
    articles, report = load_quietly(path, return_report=True)
    got = articles.loc[0, "published"]
    assert pd.isna(got) if expected is None else got == pd.Timestamp(expected)
    assert articles.loc[0, "date_status"] == status
    assert report.n_accepted == 1  # a bad date never rejects the article
    counters = {
        "missing": report.n_dates_missing,
        "unparseable": report.n_dates_unparseable,
        "naive": report.n_dates_naive,
    }
    assert sum(counters.values()) == (0 if status == "ok" else 1)
    if status != "ok":
        assert counters[status] == 1


def test_mixed_offsets_give_one_instant(tmp_path):
    values = ["2022-02-24T05:30:00+02:00", "2022-02-23T22:30:00-05:00", "2022-02-24T03:30:00Z"]
    rows = [{**ARTICLES[0], "article_id": f"m{i}", "published": v} for i, v in enumerate(values)]
    articles = load_corpus(write_jsonl(tmp_path / "a.jsonl", rows), detect_language=False)
    assert articles["published"].nunique() == 1
    assert (articles["date_status"] == "ok").all()


def test_naive_timestamps_warn_once_with_count_and_use_default_tz(tmp_path):
    values = ["2022-02-24T05:30:00", "2022-02-24 06:00", "2022-02-24", "2022-02-24T05:30:00Z"]
    rows = [{**ARTICLES[0], "article_id": f"n{i}", "published": v} for i, v in enumerate(values)]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles, report = load_corpus(
            path, default_tz="Europe/Kyiv", return_report=True, detect_language=False
        )
    naive_warnings = [w for w in caught if "without a UTC offset" in str(w.message)]
    assert len(naive_warnings) == 1
    assert "2 of 4 articles" in str(naive_warnings[0].message)
    assert naive_warnings[0].filename == __file__  # stacklevel points at the caller
    assert articles["date_status"].tolist() == ["naive", "naive", "ok", "ok"]
    assert articles["published"].tolist() == [
        pd.Timestamp("2022-02-24T03:30:00Z"),  # Kyiv is UTC+2 in February
        pd.Timestamp("2022-02-24T04:00:00Z"),
        pd.Timestamp("2022-02-23T22:00:00Z"),  # date only: midnight in Kyiv
        pd.Timestamp("2022-02-24T05:30:00Z"),  # explicit offset wins over default_tz
    ]
    assert (report.n_dates_naive, report.n_dates_date_only) == (2, 1)


def test_bad_default_tz():
    with pytest.raises(ValueError, match="'default_tz' parameter of load_corpus.*'Mars/Base'"):
        load_corpus(LOADER_DIR / "quoted.csv", default_tz="Mars/Base")


def test_parquet_datetime_columns(tmp_path):
    frame = pd.DataFrame([{**r, "published": None} for r in ARTICLES[:2]])
    frame["published"] = pd.to_datetime(["2025-03-01T10:00:00", None])
    frame.to_parquet(tmp_path / "naive.parquet")
    aware = frame.assign(published=frame["published"].dt.tz_localize("Europe/Kyiv"))
    aware.to_parquet(tmp_path / "aware.parquet")
    naive_articles = load_quietly(tmp_path / "naive.parquet", detect_language=False)
    assert naive_articles["date_status"].tolist() == ["naive", "missing"]
    aware_articles = load_corpus(tmp_path / "aware.parquet", detect_language=False)
    assert aware_articles["date_status"].tolist() == ["ok", "missing"]
    assert aware_articles.loc[0, "published"] == pd.Timestamp("2025-03-01T08:00:00Z")
    assert str(aware_articles["published"].dtype) == "datetime64[ns, UTC]"


# --------------------------------------------------------------------------- ids, outlets


def test_duplicate_ids_keep_first_and_reject_later(tmp_path):
    rows = [ARTICLES[0], ARTICLES[1], {**ARTICLES[2], "article_id": "kl-001"}]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    with pytest.warns(UserWarning, match="line 3 \\(duplicate_id\\)"):
        articles, report = load_corpus(path, return_report=True)
    assert articles["article_id"].tolist() == ["kl-001", "pc-002"]
    assert articles.loc[0, "outlet"] == "Kyiv Ledger"
    rejection = report.rejections.iloc[0]
    assert (rejection["line"], rejection["reason"]) == (3, "duplicate_id")
    assert "line 1" in rejection["detail"]


def test_missing_id_gets_file_stem_and_line(tmp_path):
    rows = [{k: v for k, v in r.items() if k != "article_id"} for r in ARTICLES[:2]]
    articles = load_corpus(write_jsonl(tmp_path / "feed.jsonl", rows), detect_language=False)
    assert articles["article_id"].tolist() == ["feed:1", "feed:2"]


@pytest.mark.parametrize(
    ("outlet", "url", "expected"),
    [
        ("Kyiv Ledger", "https://elsewhere.example/x", "Kyiv Ledger"),
        (None, "https://www.kyivledger.example/a?b=1", "kyivledger.example"),
        ("", "http://user@News.Example:8080/path", "news.example"),
        ("  ", "//cdn.example/x", "cdn.example"),
    ],
    ids=["field", "url-www", "url-port-user", "blank-field"],
)
def test_outlet_from_field_or_url_host(tmp_path, outlet, url, expected):
    row = {**ARTICLES[0], "outlet": outlet, "url": url}
    articles, report = load_corpus(
        write_jsonl(tmp_path / "a.jsonl", [row]), return_report=True, detect_language=False
    )
    assert articles.loc[0, "outlet"] == expected
    assert articles.loc[0, "outlet_raw"] == expected
    assert report.n_outlet_from_url == (0 if outlet and outlet.strip() else 1)


def test_no_outlet_and_no_url_is_rejected(tmp_path):
    rows = [ARTICLES[0], {**ARTICLES[1], "outlet": None, "url": "not a url"}]
    articles, report = load_quietly(write_jsonl(tmp_path / "a.jsonl", rows), return_report=True)
    assert len(articles) == 1
    assert report.rejections[["line", "reason"]].values.tolist() == [[2, "missing_outlet"]]


# --------------------------------------------------------------------------- outlets map


def test_outlets_map_maps_names_domains_and_hosts(tmp_path):
    rows = [
        {**ARTICLES[0], "article_id": "a", "outlet": "KYIV LEDGER"},
        {**ARTICLES[0], "article_id": "b", "outlet": "www.kyivledger.example"},
        {**ARTICLES[0], "article_id": "c", "outlet": None, "url": "https://m.kyivledger.example/x"},
        {**ARTICLES[0], "article_id": "d", "outlet": "The Prairie Courier"},
        {**ARTICLES[0], "article_id": "e", "outlet": "Unknown Gazette", "url": ""},
        {
            **ARTICLES[0],
            "article_id": "f",
            "outlet": "HT",
            "url": "https://news.harbourtimes.example/f",
        },
        {**ARTICLES[0], "article_id": "g", "outlet": "Unknown Gazette", "url": ""},
    ]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    articles, report = load_corpus(
        path, outlets=LOADER_DIR / "outlets.yml", return_report=True, detect_language=False
    )
    assert articles["outlet"].tolist() == [
        "Kyiv Ledger",
        "Kyiv Ledger",
        "Kyiv Ledger",
        "Prairie Courier",
        "Unknown Gazette",
        "Harbour Times",
        "Unknown Gazette",
    ]
    assert articles["outlet_raw"].tolist() == [
        "KYIV LEDGER",
        "www.kyivledger.example",
        "m.kyivledger.example",
        "The Prairie Courier",
        "Unknown Gazette",
        "HT",
        "Unknown Gazette",
    ]
    assert articles["leaning"].tolist()[:4] == ["pro-Ukraine"] * 3 + ["centrist"]
    assert articles["country"].tolist()[5] == "GB"
    assert pd.isna(articles.loc[5, "leaning"])  # Harbour Times has no 'leaning' key
    assert pd.isna(articles.loc[4, "country"]) and pd.isna(articles.loc[4, "leaning"])
    assert report.unmapped_outlets == {"Unknown Gazette": 2}
    # group columns sit after the fixed columns
    assert list(articles.columns[len(ARTICLE_COLUMNS) : len(ARTICLE_COLUMNS) + 2]) == [
        "leaning",
        "country",
    ]


def test_outlets_map_object_and_dict_forms(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    outlet_map = load_outlets(LOADER_DIR / "outlets.yml")
    assert isinstance(outlet_map, OutletMap)
    assert outlet_map.lookup("thecaucus.blogs.kyivledger.example")["outlet"] == "Kyiv Ledger"
    assert outlet_map.lookup("kyivledger") is None
    from_object = load_corpus(path, outlets=outlet_map, detect_language=False)
    from_dict = load_corpus(
        path,
        outlets={"outlets": [{"outlet": "Kyiv Ledger", "leaning": "x"}]},
        detect_language=False,
    )
    assert from_object["country"].tolist() == ["UA", "US", "GB"]
    assert from_dict["leaning"].tolist()[0] == "x" and pd.isna(from_dict["leaning"].iloc[1])
    assert outlet_map.to_frame()["outlet"].tolist() == [
        "Kyiv Ledger",
        "Prairie Courier",
        "Harbour Times",
    ]


@pytest.mark.parametrize(
    ("yaml_text", "match"),
    [
        ("outlets: [\n  - outlet: A\n", r"line \d+.*not valid YAML"),
        ("- outlet: A\n", r"must be a mapping with an 'outlets' list"),
        ("outlets:\n  - outlet: A\n  - match: [b]\n", r"entry 2 \(line 3\).*'outlet'"),
        ("outlets:\n  - outlet: A\n    leaning: [a, b]\n", r"entry 1 .*'A'.*'leaning'"),
        (
            (
                "outlets:\n  - outlet: A\n    match: [x.example]\n"
                "  - outlet: B\n    match: [X.example]\n"
            ),
            r"entry 2 .*'B'.*'X.example' also maps to 'A'",
        ),
        ("outlets:\n  - outlet: A\n    text: no\n", r"entry 1 .*group key 'text' clashes"),
        ("outlets:\n  - outlet: A\n    match: {a: 1}\n", r"entry 1 .*'match' must be a list"),
    ],
    ids=[
        "syntax",
        "no-outlets-key",
        "no-outlet-name",
        "nested-group",
        "match-twice",
        "reserved-key",
        "match-dict",
    ],
)
def test_malformed_outlets_yaml(tmp_path, yaml_text, match):
    path = tmp_path / "outlets.yml"
    path.write_text(yaml_text)
    with pytest.raises(RegistryFormatError, match=match) as info:
        load_outlets(path)
    assert "outlets.yml" in str(info.value)


# --------------------------------------------------------------------------- duplicate stories

STORY = (
    "Ukraine and the United States signed an agreement on Wednesday that creates a joint fund "
    "for mineral projects. The deal “does not include security guarantees” — officials said."
)

DUPLICATE_CASES = [
    # (body of the second article, same group as STORY?)
    (STORY, True),
    ("KYIV (Northwire) — " + STORY, True),
    ("WASHINGTON, April 30 (Reuters) - " + STORY, True),
    ("(Reuters) - " + STORY, True),
    ("KYIV, Ukraine (AP) — " + STORY, True),
    (STORY + "\n\nReporting by Ann Example; Editing by Bo Sample", True),
    (STORY + "\nReporting by Ann Example\nEditing by Bo Sample\n© 2025 Northwire", True),
    (STORY + " (Reporting by Ann Example; editing by Bo Sample)", True),
    ("  " + STORY.upper().replace(" ", "  \n"), True),
    (STORY.replace("“", '"').replace("”", '"').replace(" — ", " - "), True),
    (STORY.replace("Wednesday", "Thursday"), False),
    (STORY.replace("a joint fund", "two joint funds"), False),
    (STORY + " Talks continue next week.", False),
    (STORY.split(". ")[0] + ".", False),
    ("", False),
]


@pytest.mark.parametrize(
    ("other", "same"),
    DUPLICATE_CASES,
    ids=[
        "identical",
        "dateline-agency",
        "dateline-date-reuters",
        "agency-only",
        "ap-dateline",
        "credit-lines",
        "credits-and-copyright",
        "credit-parenthesis",
        "case-whitespace",
        "quotes-dashes",
        "one-word-differs",
        "numbers-differ",
        "extra-sentence",
        "first-sentence-only",
        "empty",
    ],
)
def test_duplicate_story_grouping(tmp_path, other, same):
    rows = [
        {**ARTICLES[0], "article_id": "a", "text": STORY},
        {**ARTICLES[1], "article_id": "b", "text": other},
    ]
    articles, report = load_corpus(
        write_jsonl(tmp_path / "a.jsonl", rows), return_report=True, detect_language=False
    )
    groups = articles["duplicate_group"].tolist()
    assert all(g.startswith("dup-") for g in groups)
    assert (groups[0] == groups[1]) is same
    assert report.n_duplicate_groups == int(same)
    assert report.n_articles_in_duplicates == 2 * int(same)


def test_empty_and_stub_texts_never_group(tmp_path):
    rows = [
        {**ARTICLES[0], "article_id": "a", "text": ""},
        {**ARTICLES[1], "article_id": "b", "text": ""},
        {**ARTICLES[0], "article_id": "c", "text": "Developing story."},
        {**ARTICLES[1], "article_id": "d", "text": "Developing story."},
    ]
    articles, report = load_corpus(
        write_jsonl(tmp_path / "a.jsonl", rows), return_report=True, detect_language=False
    )
    assert articles["duplicate_group"].nunique() == 4
    assert report.n_duplicate_groups == 0


def test_duplicate_groups_do_not_depend_on_row_order(tmp_path):
    rows = [
        {**ARTICLES[i % 3], "article_id": f"r{i}", "text": STORY if i % 2 else f"{STORY} {i}"}
        for i in range(6)
    ]
    first = load_corpus(write_jsonl(tmp_path / "a.jsonl", rows), detect_language=False)
    second = load_corpus(write_jsonl(tmp_path / "b.jsonl", rows[::-1]), detect_language=False)
    merged = first.merge(second, on="article_id")
    assert (merged["duplicate_group_x"] == merged["duplicate_group_y"]).all()


def test_drop_duplicate_stories_keeps_earliest_then_smallest_id():
    table = pd.DataFrame(
        {
            "article_id": ["c", "b", "a", "x", "y", "z"],
            "duplicate_group": ["g1", "g1", "g1", "g2", "g2", "g3"],
            "published": pd.to_datetime(
                ["2025-03-02", "2025-03-01", "2025-03-01", None, "2025-01-01", None], utc=True
            ),
        },
        index=[10, 11, 12, 13, 14, 15],
    )
    kept = drop_duplicate_stories(table)
    assert kept["article_id"].tolist() == ["a", "y", "z"]  # original order; NaT loses
    assert list(kept.index) == [0, 1, 2]
    assert len(table) == 6  # input untouched


def test_drop_duplicate_stories_needs_columns():
    with pytest.raises(MissingColumnError, match="duplicate_group"):
        drop_duplicate_stories(pd.DataFrame({"article_id": ["a"], "published": [pd.NaT]}))


# --------------------------------------------------------------------------- language


def test_language_detection(tmp_path):
    texts = {
        "en": "The government signed the agreement on Wednesday after long negotiations.",
        "de": "Die Regierung hat das Abkommen am Mittwoch nach langen Verhandlungen unterzeichnet.",
        "fr": "Le gouvernement a signé l'accord mercredi après de longues négociations.",
        "uk": "Уряд підписав угоду в середу після тривалих переговорів.",
        "es": "El gobierno firmó el acuerdo el miércoles después de largas negociaciones.",
    }
    rows = [{**ARTICLES[0], "article_id": k, "title": "", "text": v} for k, v in texts.items()]
    articles, report = load_corpus(write_jsonl(tmp_path / "a.jsonl", rows), return_report=True)
    assert articles["language"].tolist() == list(texts)
    assert report.languages == {k: 1 for k in texts}
    skipped = load_corpus(write_jsonl(tmp_path / "b.jsonl", rows), detect_language=False)
    assert (skipped["language"] == "und").all()


def test_bad_detect_language_option(tmp_path):
    with pytest.raises(ValueError, match="'detect_language' parameter of load_corpus"):
        load_corpus(write_jsonl(tmp_path / "a.jsonl", ARTICLES), detect_language="english")


# --------------------------------------------------------------------------- no silent loss

_valid = st.fixed_dictionaries(
    {
        "article_id": st.sampled_from(["a", "b", "c", "d"]),
        "outlet": st.sampled_from(["Kyiv Ledger", "", None]),
        "url": st.sampled_from(["https://x.example/1", "", None]),
        "text": st.sampled_from(["Some story text about the deal.", "", None]),
        "published": st.sampled_from(["2025-01-01", "2025-01-01T10:00:00", "bad", None]),
    }
).map(lambda d: json.dumps(d))
_line = st.one_of(
    _valid,
    st.sampled_from(["", "   ", "{", '{"article_id": "a"', "[1, 2]", "null", '"str"', "{}"]),
    st.text(alphabet='{}[]":, ab1\\', max_size=12),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(_line, max_size=12))
def test_accepted_plus_rejected_equals_read(tmp_path, lines):
    path = tmp_path / "gen.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, report = load_quietly(path, return_report=True, detect_language=False)
    assert report.n_read == sum(1 for line in lines if line.strip())
    assert report.n_accepted + report.n_rejected == report.n_read
    assert len(articles) == report.n_accepted and len(report.rejections) == report.n_rejected
    assert articles["article_id"].is_unique


# --------------------------------------------------------------------------- shared data


@pytest.mark.shared_data
def test_real_basil_file():
    data_dir = paths.shared_data_dir()
    if data_dir is None or not (data_dir / "basil" / "basil_train.jsonl").exists():
        pytest.skip("BASIL not available: set FRAMING_DATA_DIR or provide ../shared/data/basil")
    outlets = paths.CORPUS_DIR / "basil_outlets.yml"
    if not outlets.exists():
        pytest.skip(f"{outlets} not written yet (owned by the corpus-registry engineer)")
    articles, report = load_corpus(
        data_dir / "basil" / "basil_train.jsonl",
        format="basil",
        outlets=outlets,
        return_report=True,
    )
    assert len(articles) == 150 and report.n_rejected == 0
    assert articles["outlet"].nunique() == 3
    assert articles["published"].notna().all()
    assert (articles["date_status"] == "ok").all()
    assert report.unmapped_outlets == {}
    assert (articles["text"].str.len() > 200).all()
