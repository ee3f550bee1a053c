"""Language identification of short texts: outlet prior, given languages, details columns."""

import json

import numpy as np
import pandas as pd
import pytest

from framing.actors import find_mentions, load_actors
from framing.corpus import load_corpus
from framing.corpus.language import CONFIDENT_LANGUAGE, LANGUAGE_SOURCES, detect_languages
from framing.scorers import DEFAULT_SCORER, get_scorer, score_mentions

# One-sentence English briefs and headlines, written for this test.
BRIEFS = [
    "Trump hails minerals deal", "Zelenskyy in Washington", "Kyiv signs accord",
    "Putin warns Kyiv", "Minerals pact delayed again", "Ukraine deal on hold",
    "Kremlin slams US deal", "Zelensky, Trump clash in Oval Office", "Rare earths deal back on",
    "Bessent lands in Kyiv", "EU leaders rally behind Zelenskyy", "Russia strikes Odesa port",
    "Senate Democrats question the deal", "Markets shrug off Ukraine news",
    "Vance criticises Zelenskyy", "Deal text published", "Moscow dismisses accord",
    "Trump says Ukraine owes US", "Ukrainian parliament ratifies deal", "Odesa port hit again",
]
LONG = (
    "Officials in Kyiv and Washington said on Tuesday that the agreement on critical "
    "minerals would be signed within days, although several details about the "
    "reconstruction fund were still being negotiated by lawyers on both sides. {}"
)


def _records(outlet="Wire Desk"):
    rows = [{"article_id": f"b{i}", "outlet": outlet, "title": "", "text": b,
             "published": "2025-02-20T10:00:00Z"} for i, b in enumerate(BRIEFS)]
    rows += [{"article_id": f"l{i}", "outlet": outlet, "title": "", "text": LONG.format(i),
              "published": "2025-02-20T10:00:00Z"} for i in range(10)]
    return rows


def _write(tmp_path, rows):
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_english_briefs_are_english_with_the_outlet_prior(tmp_path):
    articles = load_corpus(_write(tmp_path, _records()))
    briefs = articles[articles["article_id"].str.startswith("b")]
    assert (briefs["language"] == "en").all(), briefs.loc[briefs["language"] != "en", "text"]
    assert set(articles["language_source"]) <= set(LANGUAGE_SOURCES)
    assert articles["language_confidence"].between(0, 1).all()
    longs = articles[articles["article_id"].str.startswith("l")]
    assert (longs["language_source"] == "detected").all()
    assert (longs["language_confidence"] >= CONFIDENT_LANGUAGE).all()


def test_the_prior_changes_a_short_misdetected_brief():
    titles = pd.Series([""] * 11)
    texts = pd.Series(["Russia strikes Odesa port"] + [LONG.format(i) for i in range(10)])
    empty = np.zeros(11, dtype=bool)
    alone = detect_languages(titles[:1], texts[:1], empty[:1], True)
    assert alone[0] != "en"  # py3langid alone: a Finnish-looking headline
    langs, conf, source = detect_languages(
        titles, texts, empty, True, outlets=pd.Series(["Wire"] * 11), return_details=True
    )
    assert langs[0] == "en" and source[0] == "outlet_prior" and 0 < conf[0] <= 1


def test_a_confident_article_keeps_its_language_in_an_english_outlet():
    texts = pd.Series([LONG.format(i) for i in range(10)] + [
        "Die Minister trafen sich am Dienstag in Genf und sprachen lange über das Abkommen "
        "zu den Rohstoffen und den Wiederaufbaufonds."])
    langs = detect_languages(pd.Series([""] * 11), texts, np.zeros(11, dtype=bool), True,
                             outlets=pd.Series(["Wire"] * 11))
    assert langs[-1] == "de"


def test_a_language_field_or_parameter_is_kept(tmp_path):
    rows = _records()
    rows[0]["language"] = "uk"
    rows[1]["language"] = ""  # empty: detected
    articles = load_corpus(_write(tmp_path, rows)).set_index("article_id")
    assert articles.at["b0", "language"] == "uk"
    assert articles.at["b0", "language_source"] == "given"
    assert articles.at["b1", "language_source"] != "given"
    forced = load_corpus(_write(tmp_path, _records()), language="en")
    assert (forced["language"] == "en").all() and (forced["language_source"] == "given").all()


def test_english_briefs_are_scored(tmp_path):
    articles = load_corpus(_write(tmp_path, _records()))
    briefs = articles[articles["article_id"].str.startswith("b")]
    mentions = find_mentions(briefs, load_actors())
    scored = score_mentions(mentions, get_scorer(DEFAULT_SCORER).fit([]))
    assert len(scored) >= 20
    assert (scored["score_status"] != "unsupported_language").all()


@pytest.mark.parametrize("detect", [False])
def test_no_detection_keeps_given_languages(detect):
    langs = detect_languages(pd.Series(["", ""]), pd.Series(["Some text", "Other text"]),
                             np.zeros(2, dtype=bool), detect, given=pd.Series(["ru", None]))
    assert langs.tolist() == ["ru", "und"]


def test_a_corpus_nothing_can_be_scored_in_fails_early_naming_languages():
    from framing.exceptions import UnsupportedLanguageError
    from framing.scorers.languages import check_languages

    check_languages({"en": 3, "ru": 5}, DEFAULT_SCORER)  # some English: fine
    check_languages({"und": 4}, DEFAULT_SCORER)  # nothing to score either way
    with pytest.raises(UnsupportedLanguageError, match=r"Languages found: ru \(120\), uk \(30\)"):
        check_languages({"ru": 120, "uk": 30}, DEFAULT_SCORER)


def test_language_option_of_framing_score_sets_every_article(tmp_path, tiny_corpus_path):
    from click.testing import CliRunner

    from framing.cli import main
    from framing.scale import read_articles

    result = CliRunner().invoke(main, ["score", str(tiny_corpus_path), "--out",
                                       str(tmp_path / "ds"), "--language", "en", "--no-progress"])
    assert result.exit_code == 0, result.output
    articles = read_articles(tmp_path / "ds")
    assert (articles["language"] == "en").all() and (articles["language_source"] == "given").all()
