"""Readers for real-world input: saved web pages, WARC archives, news-please, Media Cloud, GDELT.

Every page, archive and export here is written by us (the HTML fixture in
tests/data/loader/pages/, the rest by the helpers below); nothing is fetched.
"""

import io
import json
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from framing.corpus import (
    FORMATS,
    detect_format,
    iter_record_chunks,
    load_corpus,
    url_key,
)
from framing.exceptions import CorpusFormatError

PAGES = Path(__file__).parent / "data" / "loader" / "pages"

STORIES = {
    "grain": (
        "Grain ships leave Odesa under escort",
        "Three cargo ships loaded with wheat left the port of Odesa on Monday morning.",
        "The harbour master said the convoy would reach the Bosphorus within two days.",
    ),
    "power": (
        "Power restored in Kharkiv districts",
        "Engineers restored electricity to most districts of Kharkiv late on Tuesday.",
        "The city council asked residents to limit the use of heaters until Friday.",
    ),
    "rail": (
        "New rail link opens to Przemysl",
        "A direct train between Lviv and Przemysl started running on Wednesday.",
        "Tickets sold out within an hour, according to the railway company.",
    ),
    "school": (
        "Schools reopen after winter break",
        "Pupils in Dnipro returned to classrooms on Thursday after a long winter break.",
        "Teachers said shelters in the basements had been repaired over the holidays.",
    ),
    "museum": (
        "Museum returns paintings to the walls",
        "The national museum in Kyiv hung twenty paintings back in its main hall.",
        "The works had been stored in a secret location for almost two years.",
    ),
}


def page_html(title, paragraphs, *, url=None, site=None, published=None, boilerplate=True):
    """A saved web page in the shape newspaper sites use (menus, banner, related links)."""
    meta = []
    if site:
        meta.append(f'<meta property="og:site_name" content="{site}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if url:
        meta.append(f'<link rel="canonical" href="{url}">')
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    chrome = (
        '<div class="cookie-banner"><p>This site uses cookies. Accept all cookies?</p></div>'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
        '<li><a href="/sport">Sport</a></li></ul></nav>'
        if boilerplate
        else ""
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"{''.join(meta)}</head><body>{chrome}<article><h1>{title}</h1>\n{body}</article>"
        "<footer><p>All rights reserved.</p></footer></body></html>"
    )


def write_warc(path, records, *, gzip=False):
    """Write a WARC with warcio: ``records`` = [(uri, content_type, payload, status)]."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for k, (uri, ctype, payload, status) in enumerate(records):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={"WARC-Date": f"2024-03-0{k + 1}T12:00:00Z"},
            )
            writer.write_record(record)
    return path


def three_page_warc(path, *, gzip=False):
    records = []
    for key in ("grain", "power", "rail"):
        title, *paragraphs = STORIES[key]
        url = f"https://news.example/2024/02/2{len(records) + 1}/{key}"
        html = page_html(title, paragraphs, url=url, site="Example News")
        records.append((url, "text/html; charset=utf-8", html.encode("utf-8"), "200 OK"))
    records.insert(2, ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"))
    return write_warc(path, records, gzip=gzip)


# --------------------------------------------------------------------------- HTML


def test_html_page_keeps_the_article_and_drops_the_boilerplate():
    articles, report = load_corpus(PAGES / "talks-resume.html", return_report=True)
    row = articles.iloc[0]
    assert report.n_read == report.n_accepted == 1
    assert row["title"] == "Talks resume in Geneva after a long pause"
    assert row["text"].startswith("Negotiators from both delegations sat down again")
    assert row["text"].endswith("the date or the list of topics.")
    assert row["text"].count("\n\n") == 3  # four paragraphs
    for boilerplate in ("cookie", "Home", "Subscribe", "Related stories", "Grain prices",
                        "Copyright", "Privacy", "Olena Marchuk"):
        assert boilerplate not in row["text"], boilerplate
    assert row["published"] == pd.Timestamp("2024-02-24T03:30:00Z")
    assert (row["date_source"], row["date_status"]) == ("html_meta", "ok")
    assert row["published_raw"] == "2024-02-24T05:30:00+02:00"
    assert row["outlet"] == row["outlet_raw"] == "Kyiv Ledger"  # og:site_name
    assert row["url"] == "https://www.kyivledger.example/world/2024/02/24/talks-resume-geneva"


def test_html_outlet_goes_through_the_outlets_map(tmp_path):
    outlets = {"outlets": [{"outlet": "Kyiv Ledger (web)", "match": ["Kyiv Ledger"]},
                           {"outlet": "Example News", "match": ["news.example"]}]}
    articles = load_corpus(PAGES / "talks-resume.html", outlets=outlets)
    assert articles.loc[0, "outlet"] == "Kyiv Ledger (web)"
    # no og:site_name and no date metadata: outlet from the host, date from the URL path
    page = tmp_path / "p.html"
    title, *paragraphs = STORIES["grain"]
    page.write_text(page_html(title, paragraphs, url="https://www.news.example/2024/02/21/grain"))
    row = load_corpus(page, outlets=outlets).iloc[0]
    assert (row["outlet"], row["outlet_raw"]) == ("Example News", "news.example")
    assert (row["date_source"], row["published"]) == ("url", pd.Timestamp("2024-02-21", tz="UTC"))


# --------------------------------------------------------------------------- WARC


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_three_pages_and_one_skipped_record(tmp_path, gzip):
    path = three_page_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    assert detect_format(path) == "warc"
    articles, report = load_corpus(path, return_report=True)
    assert (report.n_read, report.n_accepted, report.n_rejected) == (3, 3, 0)
    assert articles["title"].tolist() == [STORIES[k][0] for k in ("grain", "power", "rail")]
    assert articles["source_line"].tolist() == [1, 2, 4]  # record numbers in the file
    assert articles["outlet"].unique().tolist() == ["Example News"]
    assert articles["crawled"].tolist() == [
        pd.Timestamp(f"2024-03-0{k}T12:00:00Z") for k in (1, 2, 4)
    ]
    assert report.n_skipped == 1
    skipped = report.skipped.iloc[0]
    assert (skipped["line"], skipped["reason"]) == (3, "not_html")
    assert "image/png" in skipped["detail"] and "byte offset" in skipped["detail"]
    assert "skipped (1 not_html)" in report.summary()


def test_warc_records_that_are_not_pages_are_listed(tmp_path):
    ok = page_html(*STORIES["school"][:1], STORIES["school"][1:], url="https://a.example/s")
    path = write_warc(tmp_path / "c.warc", [
        ("https://a.example/s", "text/html", ok.encode(), "200 OK"),
        ("https://a.example/old", "text/html", b"<html>moved</html>", "301 Moved Permanently"),
    ])
    _, report = load_corpus(path, return_report=True)
    assert report.n_accepted == 1
    assert report.skipped["reason"].tolist() == ["http_status"]


def test_broken_warc_names_the_file_and_garbage_is_not_silent(tmp_path):
    whole = three_page_warc(tmp_path / "whole.warc").read_bytes()
    truncated = tmp_path / "truncated.warc"
    truncated.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(CorpusFormatError, match=r"truncated\.warc.*not a valid WARC at record"):
        load_corpus(truncated)
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not a web archive\r\n\r\n")
    _, report = load_corpus(garbage, return_report=True)
    assert (report.n_read, report.n_skipped) == (0, 1)  # read as one odd record, listed


# --------------------------------------------------------------------------- exports


def saved_pages(folder, keys, *, url_of):
    folder.mkdir()
    for key in keys:
        title, *paragraphs = STORIES[key]
        (folder / f"{key}.html").write_text(
            page_html(title, paragraphs, url=url_of(key), published="2024-02-20T08:00:00Z"),
            encoding="utf-8",
        )
    return folder


def test_media_cloud_export_joined_to_saved_pages(tmp_path):
    keys = list(STORIES)
    rows = [
        {"id": 100 + k, "indexed_date": "2024-02-22 10:00:00", "language": "en",
         "media_name": "Example News", "media_url": "news.example",
         "publish_date": "2024-02-21 09:15:00" if k else "", "title": STORIES[key][0],
         "url": f"https://news.example/{key}?utm_source=feed"}
        for k, key in enumerate(keys)
    ]
    export = tmp_path / "stories.csv"
    pd.DataFrame(rows).to_csv(export, index=False)
    # four of the five stories were saved; their canonical URLs use www. and no tracking
    pages = saved_pages(tmp_path / "pages", keys[:4], url_of=lambda k: f"https://www.news.example/{k}/")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # naive publish_date
        articles, report = load_corpus(export, format="mediacloud", pages=pages, return_report=True)
    assert (report.n_read, report.n_accepted, report.n_rejected) == (5, 5, 0)
    assert report.n_no_text == 1
    assert articles["status"].tolist() == ["ok"] * 4 + ["no_text"]
    assert articles["article_id"].tolist() == [str(100 + k) for k in range(5)]
    assert STORIES["power"][1] in articles.loc[1, "text"]
    assert articles.loc[4, "text"] == ""
    assert articles["page_source"].str.endswith(".html:1").tolist() == [True] * 4 + [False]
    # the export's own date wins; the first row has none and takes the page's
    assert articles.loc[0, "date_source"] == "html_meta"
    assert articles.loc[1, "date_source"] == "field"
    assert articles.loc[1, "crawled"] == pd.Timestamp("2024-02-22T10:00:00Z")
    assert articles["language_declared"].eq("en").all()


def test_pages_no_export_row_asks_for_are_skipped(tmp_path):
    export = tmp_path / "stories.json"
    export.write_text(json.dumps([{"stories_id": 1, "media_name": "Example News",
                                   "url": "https://news.example/grain"}]))
    pages = saved_pages(tmp_path / "pages", ["grain", "rail"],
                        url_of=lambda k: f"https://news.example/{k}")
    articles, report = load_corpus(export, format="mediacloud", pages=pages, return_report=True)
    assert len(articles) == 1 and articles.loc[0, "status"] == "ok"
    assert report.skipped["reason"].tolist() == ["not_in_export"]
    assert report.skipped.loc[0, "file"].endswith("rail.html")
    assert (report.n_pages, report.n_pages_joined) == (2, 1)


def test_gdelt_article_list_joined_to_a_warc(tmp_path):
    warc = three_page_warc(tmp_path / "crawl.warc.gz", gzip=True)
    articles_json = {"articles": [
        {"url": "https://news.example/2024/02/21/grain", "title": "Grain ships",
         "seendate": "20240221T101500Z", "domain": "news.example", "language": "English",
         "sourcecountry": "Ukraine"},
        {"url": "https://news.example/2024/02/25/missing", "title": "Not saved",
         "seendate": "20240225T101500Z", "domain": "news.example", "language": "English",
         "sourcecountry": "Ukraine"},
    ]}
    export = tmp_path / "doc.json"
    export.write_text(json.dumps(articles_json))
    articles, report = load_corpus(export, format="gdelt", pages=warc, return_report=True)
    assert articles["status"].tolist() == ["ok", "no_text"]
    assert STORIES["grain"][1] in articles.loc[0, "text"]
    assert articles.loc[0, "crawled"] == pd.Timestamp("2024-02-21T10:15:00Z")  # seendate
    assert articles.loc[1, "date_source"] == "url"  # GDELT has no publication date
    assert set(report.skipped["reason"]) == {"not_html", "not_in_export"}


def test_export_formats_cannot_be_streamed_without_pages(tmp_path):
    export = tmp_path / "stories.csv"
    pd.DataFrame([{"id": 1, "url": "https://news.example/a"}]).to_csv(export, index=False)
    with pytest.raises(CorpusFormatError, match=r"format 'mediacloud'.*pages="):
        next(iter_record_chunks(export, format="mediacloud"))


# --------------------------------------------------------------------------- news-please


def newsplease_article(**changes):
    article = {
        "authors": ["Iryna Koval", "Petro Savchuk"],
        "date_download": "2024-02-22 11:00:00",
        "date_modify": None,
        "date_publish": "2024-02-21 18:45:00",
        "description": "A convoy left the port.",
        "filename": "grain-ships.json",
        "image_url": None,
        "language": "en",
        "localpath": None,
        "source_domain": "www.news.example",
        "maintext": " ".join(STORIES["grain"][1:]),
        "title": STORIES["grain"][0],
        "title_page": None,
        "title_rss": None,
        "url": "https://www.news.example/grain",
    }
    return {**article, **changes}


def test_newsplease_json_file(tmp_path):
    path = tmp_path / "grain-ships.json"
    path.write_text(json.dumps(newsplease_article()), encoding="utf-8")
    assert detect_format(path) == "newsplease"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # naive dates
        row = load_corpus(path).iloc[0]
    assert (row["article_id"], row["outlet"], row["title"]) == (
        "grain-ships", "news.example", STORIES["grain"][0])
    assert row["author"] == "Iryna Koval; Petro Savchuk"
    assert (row["date_source"], row["crawled"]) == ("field", pd.Timestamp("2024-02-22T11:00:00Z"))
    assert row["language_declared"] == "en" and row["language"] == "en"


def test_plain_json_that_is_not_newsplease_asks_for_a_format(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"stories_id": 1, "url": "https://a.example/x"}]))
    with pytest.raises(CorpusFormatError, match=r"export\.json.*'mediacloud'"):
        load_corpus(path)


# --------------------------------------------------------------------------- folders


def test_mixed_folder_reads_every_document_and_reports_the_rest(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.md").write_text("---\noutlet: Kyiv Ledger\n---\nFirst note about the talks.\n")
    (folder / "B.TXT").write_text("---\noutlet: Kyiv Ledger\n---\nSecond note, upper-case suffix.\n")
    (folder / "c.markdown").write_text("---\noutlet: Kyiv Ledger\n---\nThird note in markdown.\n")
    (folder / "d.html").write_bytes((PAGES / "talks-resume.html").read_bytes())
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "more.jsonl").write_text("{}\n")
    (folder / ".DS_Store").write_bytes(b"\x00")
    articles, report = load_corpus(folder, return_report=True)
    assert sorted(articles["article_id"]) == ["B", "a", "c", "d"]
    assert (report.n_read, report.n_accepted) == (4, 4)
    assert len(report.files_read) == 4
    assert dict(zip(report.skipped["file"].map(lambda f: Path(f).name), report.skipped["reason"],
                    strict=True)) == {".DS_Store": "hidden", "scan.pdf": "unsupported_suffix",
                                      "more.jsonl": "unsupported_suffix"}
    assert "pass it" in report.skipped.set_index("reason").loc["unsupported_suffix"].iloc[0]["detail"]
    # every file found is read or skipped
    found = {str(p) for p in folder.rglob("*") if p.is_file()}
    assert set(report.files_read) | set(report.skipped["file"]) == found


def test_folder_of_only_html_pages(tmp_path):
    pages = saved_pages(tmp_path / "pages", ["grain", "power"],
                        url_of=lambda k: f"https://news.example/{k}")
    articles, report = load_corpus(pages, return_report=True)
    assert report.n_accepted == 2 and "Loaded 2 of 2" in report.summary()
    assert articles["title"].tolist() == [STORIES["grain"][0], STORIES["power"][0]]


def test_zip_of_pages_names_members(tmp_path):
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for key in ("grain", "rail"):
            title, *paragraphs = STORIES[key]
            zf.writestr(f"saved/{key}.html", page_html(title, paragraphs, site="Example News"))
        zf.writestr("saved/readme.rtf", "{\\rtf1 notes}")
    assert detect_format(archive) == "folder"
    articles, report = load_corpus(archive, return_report=True)
    assert articles["article_id"].tolist() == ["saved/grain", "saved/rail"]
    assert articles["source_file"].tolist() == [f"{archive}!/saved/grain.html",
                                                f"{archive}!/saved/rail.html"]
    assert report.skipped["reason"].tolist() == ["unsupported_suffix"]


def test_chunked_reading_of_a_folder_carries_skipped_items(tmp_path):
    pages = saved_pages(tmp_path / "pages", ["grain", "power", "rail"],
                        url_of=lambda k: f"https://news.example/{k}")
    (pages / "notes.docx").write_bytes(b"PK")
    chunks = list(iter_record_chunks(pages, chunk_size=2))
    assert [len(c.records) for c in chunks] == [2, 1]
    assert sum(c.n_read for c in chunks) == 3
    assert [s[2] for s in chunks[0].skipped] == ["unsupported_suffix"] and not chunks[1].skipped


# --------------------------------------------------------------------------- registry


def test_cli_format_choices_come_from_the_registry():
    from framing.cli import report
    from framing.commands.score import score

    for command in (report, score):
        option = next(p for p in command.params if p.name == "corpus_format")
        assert tuple(option.type.choices) == FORMATS
    assert "folder" in FORMATS and "text" not in FORMATS


def test_url_key_ignores_scheme_www_slash_and_tracking():
    assert url_key("http://www.News.example/a/?utm_medium=x&id=2#c") == url_key(
        "https://news.example/a?id=2")
    assert url_key("") == "" and url_key(None) == ""


def test_score_corpus_reads_a_warc_through_the_same_readers(tmp_path):
    from framing.scale import score_corpus

    warc = three_page_warc(tmp_path / "crawl.warc")
    with pytest.warns(UserWarning, match=r"1 files or records under .*crawl\.warc.*not_html"):
        result = score_corpus(warc, tmp_path / "scores", chunk_size=2, progress=False)
    assert (result.n_read, result.n_accepted, result.n_chunks) == (3, 3, 2)


def test_load_report_json_fields_count_skipped_items(tmp_path):
    import dataclasses

    _, report = load_corpus(three_page_warc(tmp_path / "c.warc"), return_report=True)
    fields = {f.name: getattr(report, f.name) for f in dataclasses.fields(report)}
    json.dumps({k: v for k, v in fields.items() if not isinstance(v, pd.DataFrame)})
    assert fields["skipped_by_reason"] == {"not_html": 1} and fields["n_skipped"] == 1
