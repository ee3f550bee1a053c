"""Evaluative verbs: how an act of praising, attacking, blaming… reflects on its object and doer.

The pattern lexicon behind TextBlob scores mostly adjectives, so news verbs such as
*praise*, *condemn* or *threaten* carry no polarity there. This small lexicon fills that
gap for :class:`framing.scorers.sentiment.TextBlobSentimentScorer`, which uses it to decide
what a verb says about the target depending on whether the target is its object
(*patient*) or its subject (*agent*).

Source: written for framing (2025) by the project developers; values are judgements, not
estimates from data. Edit the :data:`VERBS` table to change them and bump
:data:`VERB_LEXICON_VERSION`.

>>> from framing.scorers.lexicon_verbs import lookup_verb
>>> entry = lookup_verb("condemned")
>>> entry.lemma, entry.patient, entry.agent, entry.is_participle
('condemn', -0.6, 0.0, True)
"""

from __future__ import annotations

from typing import NamedTuple

#: Version of the verb lexicon, recorded in the scorer's ``version``.
VERB_LEXICON_VERSION = "1"

#: One row per lemma: ``(lemma, 3rd person singular, past, past participle, -ing form,
#: patient polarity, agent polarity, subjectivity)``. Polarities lie in [-1, 1],
#: subjectivity in [0, 1]. ``patient`` is what the act says about its object (praising
#: Kyiv is positive toward Kyiv); ``agent`` is what it says about the one doing it
#: (threatening Europe is negative toward the threatener; praising is neutral toward the
#: praiser). An empty string means the form is not matched.
VERBS: tuple[tuple[str, str, str, str, str, float, float, float], ...] = (
    # --- positive toward the object --------------------------------------------------
    ("praise", "praises", "praised", "praised", "praising", 0.6, 0.0, 0.6),
    ("commend", "commends", "commended", "commended", "commending", 0.6, 0.0, 0.6),
    ("laud", "lauds", "lauded", "lauded", "lauding", 0.6, 0.0, 0.7),
    ("hail", "hails", "hailed", "hailed", "hailing", 0.6, 0.0, 0.6),
    ("applaud", "applauds", "applauded", "applauded", "applauding", 0.6, 0.0, 0.6),
    ("welcome", "welcomes", "welcomed", "welcomed", "welcoming", 0.5, 0.0, 0.5),
    ("congratulate", "congratulates", "congratulated", "congratulated", "congratulating",
     0.6, 0.0, 0.6),
    ("thank", "thanks", "thanked", "thanked", "thanking", 0.5, 0.1, 0.5),
    ("honour", "honours", "honoured", "honoured", "honouring", 0.6, 0.0, 0.5),
    ("honor", "honors", "honored", "honored", "honoring", 0.6, 0.0, 0.5),
    ("celebrate", "celebrates", "celebrated", "celebrated", "celebrating", 0.5, 0.0, 0.5),
    ("admire", "admires", "admired", "admired", "admiring", 0.6, 0.0, 0.7),
    ("endorse", "endorses", "endorsed", "endorsed", "endorsing", 0.4, 0.0, 0.4),
    ("support", "supports", "supported", "supported", "supporting", 0.4, 0.1, 0.4),
    ("back", "", "backed", "backed", "backing", 0.3, 0.0, 0.3),
    ("defend", "defends", "defended", "defended", "defending", 0.4, 0.1, 0.4),
    ("help", "helps", "helped", "helped", "helping", 0.4, 0.2, 0.3),
    ("protect", "protects", "protected", "protected", "protecting", 0.3, 0.2, 0.3),
    ("trust", "trusts", "trusted", "trusted", "trusting", 0.4, 0.0, 0.4),
    ("embrace", "embraces", "embraced", "embraced", "embracing", 0.4, 0.0, 0.4),
    ("reassure", "reassures", "reassured", "reassured", "reassuring", 0.3, 0.1, 0.3),
    # --- negative toward the object, neutral toward the doer --------------------------
    ("criticise", "criticises", "criticised", "criticised", "criticising", -0.5, 0.0, 0.6),
    ("criticize", "criticizes", "criticized", "criticized", "criticizing", -0.5, 0.0, 0.6),
    ("condemn", "condemns", "condemned", "condemned", "condemning", -0.6, 0.0, 0.7),
    ("denounce", "denounces", "denounced", "denounced", "denouncing", -0.6, 0.0, 0.7),
    ("rebuke", "rebukes", "rebuked", "rebuked", "rebuking", -0.5, 0.0, 0.7),
    ("censure", "censures", "censured", "censured", "censuring", -0.5, 0.0, 0.6),
    ("deplore", "deplores", "deplored", "deplored", "deploring", -0.6, 0.0, 0.8),
    ("decry", "decries", "decried", "decried", "decrying", -0.5, 0.0, 0.7),
    ("blame", "blames", "blamed", "blamed", "blaming", -0.5, 0.0, 0.6),
    ("accuse", "accuses", "accused", "accused", "accusing", -0.5, 0.0, 0.5),
    ("oppose", "opposes", "opposed", "opposed", "opposing", -0.4, 0.0, 0.4),
    ("reject", "rejects", "rejected", "rejected", "rejecting", -0.4, 0.0, 0.4),
    ("dismiss", "dismisses", "dismissed", "dismissed", "dismissing", -0.4, 0.0, 0.4),
    ("rebuff", "rebuffs", "rebuffed", "rebuffed", "rebuffing", -0.4, 0.0, 0.5),
    ("distrust", "distrusts", "distrusted", "distrusted", "distrusting", -0.5, 0.0, 0.6),
    ("sanction", "sanctions", "sanctioned", "sanctioned", "sanctioning", -0.5, 0.0, 0.3),
    # --- negative toward the object and toward the doer ------------------------------
    ("slam", "slams", "slammed", "slammed", "slamming", -0.6, -0.05, 0.8),
    ("blast", "blasts", "blasted", "blasted", "blasting", -0.6, -0.05, 0.8),
    ("lambast", "lambasts", "lambasted", "lambasted", "lambasting", -0.7, -0.05, 0.8),
    ("lambaste", "lambastes", "", "", "", -0.7, -0.05, 0.8),
    ("lash", "lashes", "lashed", "lashed", "lashing", -0.6, -0.1, 0.8),
    ("berate", "berates", "berated", "berated", "berating", -0.6, -0.1, 0.8),
    ("scold", "scolds", "scolded", "scolded", "scolding", -0.5, -0.1, 0.7),
    ("snub", "snubs", "snubbed", "snubbed", "snubbing", -0.5, -0.1, 0.6),
    ("punish", "punishes", "punished", "punished", "punishing", -0.5, -0.2, 0.5),
    ("mock", "mocks", "mocked", "mocked", "mocking", -0.5, -0.2, 0.8),
    ("ridicule", "ridicules", "ridiculed", "ridiculed", "ridiculing", -0.6, -0.2, 0.8),
    ("deride", "derides", "derided", "derided", "deriding", -0.6, -0.2, 0.8),
    ("denigrate", "denigrates", "denigrated", "denigrated", "denigrating", -0.6, -0.2, 0.8),
    ("vilify", "vilifies", "vilified", "vilified", "vilifying", -0.7, -0.2, 0.8),
    ("demonise", "demonises", "demonised", "demonised", "demonising", -0.7, -0.2, 0.8),
    ("demonize", "demonizes", "demonized", "demonized", "demonizing", -0.7, -0.2, 0.8),
    ("smear", "smears", "smeared", "smeared", "smearing", -0.6, -0.3, 0.8),
    ("slander", "slanders", "slandered", "slandered", "slandering", -0.7, -0.3, 0.8),
    ("insult", "insults", "insulted", "insulted", "insulting", -0.6, -0.3, 0.8),
    ("humiliate", "humiliates", "humiliated", "humiliated", "humiliating", -0.6, -0.3, 0.7),
    ("undermine", "undermines", "undermined", "undermined", "undermining", -0.5, -0.3, 0.5),
    ("sabotage", "sabotages", "sabotaged", "sabotaged", "sabotaging", -0.6, -0.5, 0.6),
    ("target", "targets", "targeted", "targeted", "targeting", -0.4, -0.3, 0.4),
    ("attack", "attacks", "attacked", "attacked", "attacking", -0.6, -0.4, 0.5),
    ("assail", "assails", "assailed", "assailed", "assailing", -0.6, -0.3, 0.7),
    ("threaten", "threatens", "threatened", "threatened", "threatening", -0.5, -0.5, 0.6),
    ("bully", "bullies", "bullied", "bullied", "bullying", -0.6, -0.6, 0.8),
    ("betray", "betrays", "betrayed", "betrayed", "betraying", -0.7, -0.6, 0.8),
    ("invade", "invades", "invaded", "invaded", "invading", -0.7, -0.7, 0.5),
    ("bomb", "bombs", "bombed", "bombed", "bombing", -0.6, -0.6, 0.4),
    ("shell", "", "shelled", "shelled", "shelling", -0.6, -0.6, 0.4),
    ("kill", "kills", "killed", "killed", "killing", -0.7, -0.6, 0.4),
)

#: Lemmas whose bare form is too ambiguous to match (the adverb *back*, the noun *shell*).
UNMATCHED_LEMMAS = frozenset({"back", "shell"})

#: Nouns that behave like their verb (``criticism of X`` ≈ ``criticise X``): noun → lemma.
NOUNS: dict[str, str] = {
    "criticism": "criticise",
    "criticisms": "criticise",
    "condemnation": "condemn",
    "condemnations": "condemn",
    "accusation": "accuse",
    "accusations": "accuse",
    "rejection": "reject",
    "threat": "threaten",
    "threats": "threaten",
    "invasion": "invade",
    "betrayal": "betray",
}


class VerbEntry(NamedTuple):
    """One inflected form of an evaluative verb (or a noun that behaves like one).

    Attributes
    ----------
    lemma : str
        Dictionary form, e.g. ``'praise'``.
    patient : float
        Polarity toward the object of the act, in [-1, 1].
    agent : float
        Polarity toward the doer of the act, in [-1, 1].
    subjectivity : float
        In [0, 1].
    is_participle : bool
        True for the past participle (``'praised'``), which can head a passive clause.
    """

    lemma: str
    patient: float
    agent: float
    subjectivity: float
    is_participle: bool


def _build_forms() -> dict[str, VerbEntry]:
    forms: dict[str, VerbEntry] = {}
    by_lemma = {}
    for lemma, s3, past, participle, ing, patient, agent, subj in VERBS:
        by_lemma[lemma] = (patient, agent, subj)
        bare = "" if lemma in UNMATCHED_LEMMAS else lemma
        for form in (bare, s3, past, ing):
            if form:
                forms.setdefault(form, VerbEntry(lemma, patient, agent, subj, False))
        if participle:
            forms[participle] = VerbEntry(lemma, patient, agent, subj, True)
    for noun, lemma in NOUNS.items():
        patient, agent, subj = by_lemma[lemma]
        forms.setdefault(noun, VerbEntry(lemma, patient, agent, subj, False))
    return forms


#: Every matched form (lower case) → its entry. Built once at import (≈ 280 entries).
VERB_FORMS: dict[str, VerbEntry] = _build_forms()


def lookup_verb(word: str) -> VerbEntry | None:
    """Return the lexicon entry for an inflected form, or None.

    Parameters
    ----------
    word : str
        A single token; matched case-insensitively.

    Returns
    -------
    entry : VerbEntry or None
        None when `word` is not an evaluative verb form.
    """
    return VERB_FORMS.get(word.lower())
