"""The bundled corpus: the pipeline recovers the slants written into it (corpus/README.md)."""

import pytest

from framing import paths
from framing.aggregate import aggregate_scores
from framing.study import open_study, prepare_dataset

# Orderings from the data card, most favourable first ("Expected orderings").
EXPECTED = {
    "zelenskyy": ["Kyiv Ledger", "Continental Observer", "Northwire", "Liberty Beacon", "Volga Courier"],
    "trump": ["Liberty Beacon", "Northwire", "Continental Observer", "Kyiv Ledger"],
    "russia": ["Volga Courier", "Northwire", "Continental Observer", "Kyiv Ledger"],
}


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    return open_study(prepare_dataset(out_dir=tmp_path_factory.mktemp("bundled")))


def test_bundled_corpus_loads_cleanly(prepared):
    report = prepared.report
    assert prepared.bundled
    assert report["n_read"] == report["n_accepted"] >= 100
    assert report["n_rejected"] == 0
    assert prepared.articles["outlet"].nunique() >= 5
    published = prepared.articles["published"].dropna()
    assert published.min().month == 2 and published.max().month == 6
    assert report["n_duplicate_groups"] >= 1


@pytest.mark.parametrize("actor_id", sorted(EXPECTED))
def test_pipeline_recovers_built_in_outlet_ordering(prepared, actor_id):
    table = aggregate_scores(prepared.mentions, by=("outlet", "actor_id"), n_bootstrap=0)
    means = table[table["actor_id"] == actor_id].set_index("outlet")["mean"]
    observed = means.reindex(EXPECTED[actor_id])
    assert observed.notna().all(), observed
    assert list(observed.sort_values(ascending=False).index) == EXPECTED[actor_id], observed


def test_liberty_beacon_warms_to_zelenskyy_after_signing(prepared):
    m = prepared.mentions
    sub = m[(m["outlet"] == "Liberty Beacon") & (m["actor_id"] == "zelenskyy")].dropna(
        subset=["polarity", "published"]
    )
    after = sub["published"] >= "2025-04-30"
    assert sub.loc[after, "polarity"].mean() > sub.loc[~after, "polarity"].mean()


def test_other_languages_are_kept_but_not_scored(prepared):
    other = prepared.articles.loc[prepared.articles["language"] != "en", "article_id"]
    assert len(other) >= 2
    rows = prepared.mentions[prepared.mentions["article_id"].isin(other)]
    assert (rows["score_status"] == "unsupported_language").all()
    assert rows["polarity"].isna().all()


def test_bundled_paths_exist():
    for path in (paths.DEFAULT_CORPUS, paths.DEFAULT_ACTORS, paths.DEFAULT_OUTLETS, paths.DEFAULT_EVENTS):
        assert path.is_file(), path
