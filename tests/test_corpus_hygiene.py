"""Hygiene before matching (NFC, repeated paragraphs, list-typed text), dates, near-duplicates."""

import json
import unicodedata
import warnings

import pandas as pd
import pytest

from framing.corpus import (
    collapse_repeated_paragraphs,
    load_corpus,
    near_duplicate_groups,
)


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def load_quietly(*args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_corpus(*args, **kwargs)


# --------------------------------------------------------------------------- NFC


def test_nfc_and_nfd_forms_give_one_outlet_and_the_same_mentions(tmp_path):
    from framing.actors import ActorRegistry, find_mentions

    nfc = "Pražský deník"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    text = "Andrej Babiš met the delegation on Monday."
    rows = [
        {"article_id": "a", "outlet": nfc, "text": text},
        {"article_id": "b", "outlet": nfd, "text": unicodedata.normalize("NFD", text),
         "title": unicodedata.normalize("NFD", "Babiš abroad")},
    ]
    articles, report = load_quietly(write_jsonl(tmp_path / "a.jsonl", rows), return_report=True)
    assert articles["outlet"].nunique() == 1 and report.n_outlets == 1
    assert articles["text"].nunique() == 1
    assert articles.loc[1, "outlet_raw"] == nfd  # kept as found
    assert report.n_nfc_normalised == 3  # outlet, text and title of record b
    registry = ActorRegistry.from_dict(
        {"actors": [{"id": "babis", "label": "Andrej Babiš", "kind": "person",
                     "names": ["Andrej Babiš", "Babiš"]}]}
    )
    mentions = find_mentions(articles, registry)
    assert mentions.groupby("article_id").size().to_dict() == {"a": 1, "b": 2}


# --------------------------------------------------------------------------- repeated paragraphs


def test_paragraph_repeated_three_times_is_counted_once(tmp_path):
    from framing.actors import ActorRegistry, find_mentions

    quote = "Andrej Babiš said the talks with Kyiv were difficult but useful."
    text = f"{quote}\n\nA second round is planned for March.\n\n{quote}\n\n{quote}"
    rows = [{"article_id": "a", "outlet": "Ledger", "text": text}]
    articles, report = load_quietly(write_jsonl(tmp_path / "a.jsonl", rows), return_report=True)
    assert articles.loc[0, "text"] == f"{quote}\n\nA second round is planned for March."
    assert (report.n_paragraphs_collapsed, report.n_articles_with_collapsed_paragraphs) == (2, 1)
    assert "2 repeated paragraphs collapsed in 1 articles" in report.summary()
    registry = ActorRegistry.from_dict(
        {"actors": [{"id": "babis", "label": "Andrej Babiš", "kind": "person",
                     "names": ["Andrej Babiš", "Babiš"]}]}
    )
    assert len(find_mentions(articles, registry)) == 1


def test_short_repeated_lines_are_left_alone():
    text = "Advertisement\n\nFirst paragraph of the story.\n\nAdvertisement"
    assert collapse_repeated_paragraphs(text) == (text, 0)
    assert collapse_repeated_paragraphs("One line only.") == ("One line only.", 0)


# --------------------------------------------------------------------------- list-typed text


def test_parquet_list_of_paragraphs_is_joined_with_a_warning(tmp_path):
    paragraphs = [f"Paragraph {k} of a long scraped article about the talks." for k in range(1500)]
    path = tmp_path / "scraped.parquet"
    pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Ledger", "Ledger"],
                  "text": [paragraphs, ["Only one paragraph here, long enough."]]}).to_parquet(path)
    with pytest.warns(UserWarning, match=r"2 records have a list of paragraphs"):
        articles, report = load_corpus(path, return_report=True)
    assert report.n_text_joined == 2 and report.n_rejected == 0
    assert articles.loc[0, "text"] == "\n\n".join(paragraphs)
    assert articles.loc[0, "text"].count("\n\n") == 1499 and "…" not in articles.loc[0, "text"]
    # the same records in JSONL give the same texts
    rows = [{"article_id": "a", "outlet": "Ledger", "text": paragraphs}]
    same = load_quietly(write_jsonl(tmp_path / "scraped.jsonl", rows))
    assert same.loc[0, "text"] == articles.loc[0, "text"]


def test_list_with_non_text_items_is_rejected_with_a_reason(tmp_path):
    path = tmp_path / "scraped.parquet"
    pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Ledger", "Ledger"],
                  "text": [[1, 2], [3]]}).to_parquet(path)
    articles, report = load_quietly(path, return_report=True)
    assert len(articles) == 0 and report.rejections["reason"].tolist() == ["invalid_field"] * 2
    assert "'text'" in report.rejections.loc[0, "detail"]


# --------------------------------------------------------------------------- dates


def test_future_and_too_early_dates_are_flagged_kept_and_left_out(tmp_path):
    rows = [
        {"article_id": "ok", "outlet": "L", "text": "x", "published": "2024-02-24T05:30:00Z"},
        {"article_id": "future", "outlet": "L", "text": "x", "published": "2099-01-01T00:00:00Z"},
        {"article_id": "early", "outlet": "L", "text": "x", "published": "1850-06-01"},
        {"article_id": "none", "outlet": "L", "text": "x"},
    ]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    with pytest.warns(UserWarning, match=r"2 of 4 articles have an impossible date"):
        articles, report = load_corpus(path, return_report=True)
    assert articles["date_status"].tolist() == ["ok", "future", "before_floor", "missing"]
    assert articles["published"].isna().tolist() == [False, True, True, True]
    assert articles["published_raw"].tolist() == [
        "2024-02-24T05:30:00Z", "2099-01-01T00:00:00Z", "1850-06-01", ""]
    assert articles["date_source"].tolist() == ["field", "field", "field", ""]
    assert (report.n_dates_future, report.n_dates_before_floor) == (1, 1)
    # the floor is a parameter
    relaxed = load_quietly(path, date_floor=None)
    assert relaxed["date_status"].tolist()[2] == "ok"
    # time views leave flagged dates out like missing ones
    from framing.aggregate import aggregate_scores

    scored = articles.assign(actor_id="x", polarity=0.5)
    table = aggregate_scores(scored, by=("actor_id",), period="month", n_bootstrap=10)
    assert table["n_articles"].sum() == 1


def test_date_after_the_crawl_is_flagged(tmp_path):
    article = {"source_domain": "news.example", "maintext": "Text.", "title": "T",
               "url": "https://news.example/x", "date_publish": "2024-03-10 09:00:00",
               "date_download": "2024-03-01 09:00:00"}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(article))
    articles, report = load_quietly(path, return_report=True)
    assert articles.loc[0, "date_status"] == "after_crawl" and report.n_dates_after_crawl == 1
    assert pd.isna(articles.loc[0, "published"])
    assert articles.loc[0, "crawled"] == pd.Timestamp("2024-03-01T09:00:00Z")


def test_dates_from_the_url_and_opt_in_crawl_time(tmp_path):
    rows = [
        {"article_id": "u", "outlet": "L", "text": "x", "url": "https://l.example/2024/02/24/a"},
        {"article_id": "c", "outlet": "L", "text": "x", "url": "https://l.example/a",
         "crawled": "2024-03-01T08:00:00Z"},
    ]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    articles, report = load_quietly(path, return_report=True)
    assert articles["date_source"].tolist() == ["url", ""]
    assert articles.loc[0, "published"] == pd.Timestamp("2024-02-24", tz="UTC")
    assert report.date_sources == {"url": 1, "": 1}
    with_crawl = load_quietly(path, date_fallbacks=("url", "crawl"))
    assert with_crawl["date_source"].tolist() == ["url", "crawl"]
    assert with_crawl.loc[1, "published"] == pd.Timestamp("2024-03-01T08:00:00Z")
    with pytest.raises(ValueError, match="date_fallbacks"):
        load_corpus(path, date_fallbacks=("html",))


# --------------------------------------------------------------------------- near-duplicates

STORY = [
    ("Negotiators from Ukraine and its neighbours met again on Saturday in a hotel beside the "
    "lake in Geneva, the first formal meeting between the two delegations since the autumn."),
    ("The foreign minister told reporters after the first session that the talks had been "
    "difficult, but that an exchange of prisoners before the spring was still possible."),
    ("Observers sent by the United Nations attended the opening session and are expected to "
    "publish a short written account of the discussions some time next week."),
    ("A second round is planned for March, although neither side would confirm the date, the "
    "venue or the list of topics that the negotiators intend to discuss there."),
    ("Farmers in the south have asked both governments to put the reopening of the grain "
    "corridor at the top of that list, warning that the harvest cannot wait."),
]
OTHER_STORY = [
    ("Delegations gathered in Geneva on Saturday for the first talks since autumn, and the "
    "mood in the hotel lobby was tense as the doors of the conference room closed."),
    ("According to two officials who asked not to be named, the question of prisoners took up "
    "most of the morning, while economic issues were barely mentioned at all."),
    ("The United Nations, which sent observers, declined to comment on the substance of the "
    "meeting until its written account is published, probably next week."),
    ("Analysts in Kyiv said they expected little from the round, pointing to the failure of "
    "the previous attempt in the autumn and to the winter offensive."),
]


def test_near_duplicate_copies_share_a_group_and_other_stories_do_not(tmp_path):
    edited = list(STORY)
    edited[2] = edited[2].replace("some time next week", "within the next ten days")
    rows = [
        {"article_id": "original", "outlet": "Kyiv Ledger",
         "text": "\n\n".join(STORY) + "\n\nRead more: subscribe to the Kyiv Ledger newsletter."},
        {"article_id": "mirror", "outlet": "Mirror Site",
         "text": "Share this article on social media\n\n" + "\n\n".join(edited)
                 + "\n\nAll content is republished with permission. Comments are closed."},
        {"article_id": "other", "outlet": "Prague Courier", "text": "\n\n".join(OTHER_STORY)},
    ]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    articles, report = load_quietly(path, return_report=True)
    groups = dict(zip(articles["article_id"], articles["near_duplicate_group"], strict=True))
    assert groups["original"] == groups["mirror"] != groups["other"]
    assert articles["duplicate_group"].nunique() == 3  # the exact groups all differ
    assert (report.n_near_duplicate_groups, report.n_articles_in_near_duplicates) == (1, 2)
    # the threshold is a parameter; None skips near-duplicate grouping
    strict = load_quietly(path, near_duplicate_threshold=0.99)
    assert strict["near_duplicate_group"].nunique() == 3
    assert (load_quietly(path, near_duplicate_threshold=None)["near_duplicate_group"] == "").all()


def test_near_duplicate_groups_keep_exact_groups_and_solo_empty_texts():
    texts = pd.Series(["\n\n".join(STORY), "\n\n".join(STORY), "", ""])
    out = near_duplicate_groups(texts, ["g1", "g1", "e1", "e2"], [False, False, True, True])
    assert out[0] == out[1] and len({out[1], out[2], out[3]}) == 3
    with pytest.raises(ValueError, match="near_duplicate_threshold"):
        near_duplicate_groups(texts, ["a"] * 4, [False] * 4, threshold=1.5)
