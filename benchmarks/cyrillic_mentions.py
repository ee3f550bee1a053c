"""Compare three ways of finding Russian and Ukrainian actor mentions in case forms.

Usage: ``python benchmarks/cyrillic_mentions.py [--articles 400] [--repeats 3]``.

Routes, all fed the same registry (``corpus/actors.yml``):

``rules``
    The default: :func:`framing.inflection.inflect` expands each ru/uk registry form
    into its case forms by documented ending rules when the registry is built; matching
    is the literal trie regex + dict lookup used for English (:func:`find_mentions`).
``pymorphy3-lexemes``
    The same literal matcher, but each ru/uk registry word is expanded into its
    lexeme by pymorphy3's dictionaries (pymorphy3-dicts-ru, pymorphy3-dicts-uk),
    keeping only forms of the registry word's gender and number for capitalised words
    (otherwise ``Зеленський`` would also give ``Зеленська``, the first lady).
``pymorphy3-lemmas``
    The analyser at match time: every Cyrillic token is parsed (results cached per
    token), its normal form looked up in a table of registry lemmas (multi-word
    names as lemma sequences, longest first), with the same gender/number filter.

Quality is measured on a hand-written set of sentences (written for this benchmark, in
our own words) with gold ``(actor_id, surface)`` mentions: precision, recall and F1
over mentions. Speed is CPU time on one core over a synthetic corpus of articles
made of those sentences: mentions per second and articles per second, including
sentence splitting (``split_sentences``) for every route; the two literal routes run
through :func:`framing.actors.find_mentions` (which also builds the DataFrame).
Needs ``pip install "framing[morph]"`` for the two pymorphy3 routes.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter

import pandas as pd

from framing.actors import Actor, ActorRegistry, Alias, find_mentions, load_actors
from framing.inflection import INFLECTED_LANGUAGES
from framing.text import split_sentences

# (language, sentence, gold mentions as (actor_id, surface)); metonyms and demonyms count.
GOLD = [
    (
        "uk",
        "Зеленський зустрівся з Трампом у Білому домі.",
        [("zelenskyy", "Зеленський"), ("trump", "Трампом"), ("united_states", "Білому домі")],
    ),
    (
        "uk",
        "Трамп заявив, що Зеленського чекають у Вашингтоні.",
        [("trump", "Трамп"), ("zelenskyy", "Зеленського"), ("united_states", "Вашингтоні")],
    ),
    (
        "uk",
        "Зеленському зателефонував Макрон, а Стармер надіслав листа.",
        [("zelenskyy", "Зеленському"), ("macron", "Макрон"), ("starmer", "Стармер")],
    ),
    ("uk", "Олена Зеленська відвідала Лондон без чоловіка.", []),
    (
        "uk",
        "Першу леді Зеленську привітали, а Зеленської не було на зустрічі з Путіним.",
        [("putin", "Путіним")],
    ),
    (
        "uk",
        "Путін погрожує, але Путіна ніхто не слухає.",
        [("putin", "Путін"), ("putin", "Путіна")],
    ),
    ("uk", "Путінський режим знову атакував Київ.", [("putin", "Путінський"), ("ukraine", "Київ")]),
    (
        "uk",
        "До Києва прибула делегація зі Сполучених Штатів.",
        [("ukraine", "Києва"), ("united_states", "Сполучених Штатів")],
    ),
    (
        "uk",
        "У Києві вважають, що Росія не виконає умов.",
        [("ukraine", "Києві"), ("russia", "Росія")],
    ),
    (
        "uk",
        "Росії доведеться відповісти за удари, наголосили в Кремлі.",
        [("russia", "Росії"), ("russia", "Кремлі")],
    ),
    (
        "uk",
        "Кремль відкинув пропозицію, а кремлівські пропагандисти раділи.",
        [("russia", "Кремль"), ("russia", "кремлівські")],
    ),
    (
        "uk",
        "Україна підписала угоду зі США про корисні копалини.",
        [("ukraine", "Україна"), ("united_states", "США")],
    ),
    (
        "uk",
        "Україні потрібні гарантії від Європейського Союзу та НАТО.",
        [("ukraine", "Україні"), ("european_union", "Європейського Союзу"), ("nato", "НАТО")],
    ),
    (
        "uk",
        "На Банковій обговорили позицію Вашингтона.",
        [("ukraine", "Банковій"), ("united_states", "Вашингтона")],
    ),
    (
        "uk",
        "Українські дипломати зустрілися з американськими колегами.",
        [("ukraine", "Українські"), ("united_states", "американськими")],
    ),
    (
        "uk",
        "Російські війська обстріляли місто, росіяни відступили.",
        [("russia", "Російські"), ("russia", "росіяни")],
    ),
    (
        "uk",
        "Бессент і Свириденко підписали документ.",
        [("bessent", "Бессент"), ("svyrydenko", "Свириденко")],
    ),
    (
        "uk",
        "Венсу та Рубіо доповіли про переговори з Віткоффом.",
        [("vance", "Венсу"), ("rubio", "Рубіо"), ("witkoff", "Віткоффом")],
    ),
    ("uk", "Зелений коридор для зерна відкрили в порту.", []),
    (
        "uk",
        "Латинська Америка стежить за війною, а Америка мовчить.",
        [("united_states", "Америка")],
    ),
    (
        "uk",
        "Шмигаля звільнили, Свириденко очолила уряд.",
        [("shmyhal", "Шмигаля"), ("svyrydenko", "Свириденко")],
    ),
    (
        "uk",
        "Урсула фон дер Ляєн прибула до Брюсселя.",
        [("von_der_leyen", "Урсула фон дер Ляєн"), ("european_union", "Брюсселя")],
    ),
    (
        "uk",
        "Американцям не сподобалася позиція Москви.",
        [("united_states", "Американцям"), ("russia", "Москви")],
    ),
    (
        "uk",
        "Сенат США схвалив допомогу Україні.",
        [("us_congress", "Сенат"), ("united_states", "США"), ("ukraine", "Україні")],
    ),
    (
        "uk",
        "Президент України провів розмову з Кремлем через посередників.",
        [("zelenskyy", "Президент України"), ("russia", "Кремлем")],
    ),
    (
        "ru",
        "Зеленский встретился с Трампом в Белом доме.",
        [("zelenskyy", "Зеленский"), ("trump", "Трампом"), ("united_states", "Белом доме")],
    ),
    (
        "ru",
        "Трамп заявил, что Зеленского ждут в Вашингтоне.",
        [("trump", "Трамп"), ("zelenskyy", "Зеленского"), ("united_states", "Вашингтоне")],
    ),
    (
        "ru",
        "С Зеленским говорил Макрон, о Зеленском писали все газеты.",
        [("zelenskyy", "Зеленским"), ("macron", "Макрон"), ("zelenskyy", "Зеленском")],
    ),
    ("ru", "Елена Зеленская посетила выставку в Париже.", []),
    ("ru", "Зеленской вручили награду, а Зеленскую поблагодарили.", []),
    (
        "ru",
        "Путин встретился с Уиткоффом, Путину передали послание.",
        [("putin", "Путин"), ("witkoff", "Уиткоффом"), ("putin", "Путину")],
    ),
    ("ru", "С Путиным разговаривал Трамп.", [("putin", "Путиным"), ("trump", "Трамп")]),
    (
        "ru",
        "Путинская система устояла, считают в Кремле.",
        [("putin", "Путинская"), ("russia", "Кремле")],
    ),
    (
        "ru",
        "Кремлёвские источники сообщили, что Кремль недоволен.",
        [("russia", "Кремлёвские"), ("russia", "Кремль")],
    ),
    (
        "ru",
        "Кремлевская пропаганда обвинила Киев.",
        [("russia", "Кремлевская"), ("ukraine", "Киев")],
    ),
    ("ru", "В Киеве ответили Москве жестко.", [("ukraine", "Киеве"), ("russia", "Москве")]),
    ("ru", "Россия и Украина обменялись пленными.", [("russia", "Россия"), ("ukraine", "Украина")]),
    (
        "ru",
        "В России критикуют Украину и США.",
        [("russia", "России"), ("ukraine", "Украину"), ("united_states", "США")],
    ),
    (
        "ru",
        "Соединенные Штаты предложили Украине сделку.",
        [("united_states", "Соединенные Штаты"), ("ukraine", "Украине")],
    ),
    (
        "ru",
        "Соглашение с Соединёнными Штатами подписано.",
        [("united_states", "Соединёнными Штатами")],
    ),
    (
        "ru",
        "Российские дипломаты встретились с американскими коллегами.",
        [("russia", "Российские"), ("united_states", "американскими")],
    ),
    (
        "ru",
        "Украинские военные и россияне обменялись телами.",
        [("ukraine", "Украинские"), ("russia", "россияне")],
    ),
    (
        "ru",
        "Евросоюз и ЕС-овские чиновники спорят с Брюсселем.",
        [("european_union", "Евросоюз"), ("european_union", "ЕС"), ("european_union", "Брюсселем")],
    ),
    ("ru", "Латинская Америка и Южная Америка далеко от Европы.", []),
    (
        "ru",
        "Белый дом отказался от комментариев, в Белом доме молчат.",
        [("united_states", "Белый дом"), ("united_states", "Белом доме")],
    ),
    ("ru", "Вэнс и Рубио прилетели в Эр-Рияд.", [("vance", "Вэнс"), ("rubio", "Рубио")]),
    (
        "ru",
        "Американцы ввели пошлины против Евросоюза.",
        [("united_states", "Американцы"), ("european_union", "Евросоюза")],
    ),
    ("ru", "Путь к миру лежит через Кремль и Киев.", [("russia", "Кремль"), ("ukraine", "Киев")]),
    (
        "ru",
        "Президент России выступил после разговора с президентом США.",
        [("putin", "Президент России"), ("trump", "президентом США")],
    ),
    ("ru", "Вашингтонский университет провел конференцию.", []),
    # forms not looked up while writing the rules
    (
        "uk",
        "Трампові та Путінові не вдалося домовитися.",
        [("trump", "Трампові"), ("putin", "Путінові")],
    ),
    (
        "uk",
        "Угоду між Києвом і Вашингтоном порівнюють з планом Маршалла.",
        [("ukraine", "Києвом"), ("united_states", "Вашингтоном")],
    ),
    (
        "uk",
        "Америці та Україні вигідна угода, вважають у Брюсселі.",
        [("united_states", "Америці"), ("ukraine", "Україні"), ("european_union", "Брюсселі")],
    ),
    ("uk", "Між Україною та Росією немає довіри.", [("ukraine", "Україною"), ("russia", "Росією")]),
    (
        "uk",
        "Стармером і Макроном опікується Єврокомісія.",
        [("starmer", "Стармером"), ("macron", "Макроном"), ("european_union", "Єврокомісія")],
    ),
    (
        "uk",
        "Росіянам заборонили в'їзд, американців евакуювали.",
        [("russia", "Росіянам"), ("united_states", "американців")],
    ),
    ("uk", "Києво-Печерська лавра прийняла паломників.", []),
    (
        "uk",
        "Зеленський-молодший не існує, а Зеленського-президента знають усі.",
        [("zelenskyy", "Зеленський"), ("zelenskyy", "Зеленського")],
    ),
    (
        "ru",
        "Между Украиной и Россией нет доверия.",
        [("ukraine", "Украиной"), ("russia", "Россией")],
    ),
    (
        "ru",
        "С Шмыгалем и Келлогом обсудили поставки.",
        [("shmyhal", "Шмыгалем"), ("kellogg", "Келлогом")],
    ),
    (
        "ru",
        "Вашингтону и Евросоюзу придется договориться с Москвой.",
        [("united_states", "Вашингтону"), ("european_union", "Евросоюзу"), ("russia", "Москвой")],
    ),
    (
        "ru",
        "Украинцам и американцам не понравилось решение.",
        [("ukraine", "Украинцам"), ("united_states", "американцам")],
    ),
    (
        "ru",
        "Россиянам запретили въезд, а украинцев приняли.",
        [("russia", "Россиянам"), ("ukraine", "украинцев")],
    ),
    ("ru", "Зелёный свет для сделки дали в Брюсселе.", [("european_union", "Брюсселе")]),
    (
        "ru",
        "Соглашение Украина-ЕС обсудят в Вашингтоне.",
        [("ukraine", "Украина"), ("european_union", "ЕС"), ("united_states", "Вашингтоне")],
    ),
]


def gold_quality(find) -> dict:
    """Precision, recall and F1 of ``find(text) -> [(actor_id, surface), ...]`` on GOLD."""
    tp = fp = fn = 0
    errors = []
    for lang, text, gold in GOLD:
        got = Counter(find(text))
        want = Counter(gold)
        hit = sum((got & want).values())
        tp += hit
        fp += sum(got.values()) - hit
        fn += sum(want.values()) - hit
        if got != want:
            errors.append(
                (lang, text, sorted((got - want).elements()), sorted((want - got).elements()))
            )
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn, "errors": errors}


def literal_finder(registry):
    def find(text):
        m = find_mentions(
            pd.DataFrame({"article_id": ["a"], "title": [""], "text": [text]}), registry
        )
        return list(zip(m.actor_id, m.surface, strict=True))

    return find


# --------------------------------------------------------------------------- pymorphy3
_GENDERS = ("masc", "femn", "neut")


def _analysers():
    import pymorphy3

    return {lang: pymorphy3.MorphAnalyzer(lang=lang) for lang in INFLECTED_LANGUAGES}


def _keep(tag, ref) -> bool:
    """Same gender and number as the registry word's parse (plural forms need plural)."""
    ref_g, g = str(ref.gender), str(tag.gender)  # str: pymorphy3 rejects unknown comparisons
    if str(ref.number) == "plur" or "Pltm" in ref:
        return str(tag.number) == "plur" or "Pltm" in tag
    if str(tag.number) == "plur":
        return False
    return ref_g == "None" or g in ("None", ref_g, "ms-f")


def _word_lexeme(word: str, analyser) -> set[str]:
    if "|" in word:  # stem patterns stay as written
        stem, *endings = word.split("|")
        return {stem + e for e in endings}
    if not any("\u0400" <= c <= "\u04ff" for c in word) or (len(word) > 1 and word.isupper()):
        return {word}
    ref = analyser.parse(word)[0]
    forms = {f.word for f in ref.lexeme if word[:1].islower() or _keep(f.tag, ref.tag)}
    if word[:1].isupper():
        forms = {f[:1].upper() + f[1:] for f in forms}
    return forms | {word}


def lexeme_registry(registry, analysers) -> ActorRegistry:
    """The registry with ru/uk forms replaced by their pymorphy3 lexemes (literal forms)."""
    seen: dict[str, str] = {}
    actors = []
    for actor in registry:
        aliases = []
        for al in actor.aliases:
            if al.lang not in INFLECTED_LANGUAGES or al.regex:
                aliases.append(al)
                continue
            words = [_word_lexeme(w, analysers[al.lang]) for w in al.text.split(" ")]
            if len(words) == 1:
                forms = words[0]
            else:  # product of the words' forms (no agreement check), capped
                forms = {" ".join(p) for p in _product(words, 400)}
            for form in sorted(forms):
                key = form.casefold()
                if seen.setdefault(key, actor.id) != actor.id:
                    continue
                if any(a.text.casefold() == key for a in aliases):
                    continue
                aliases.append(Alias(form, al.kind, case_sensitive=al.case_sensitive))
        actors.append(
            Actor(
                actor.id,
                actor.label,
                actor.kind,
                tuple(aliases),
                actor.exclude,
                actor.notes,
                dict(actor.attributes),
            )
        )
    return ActorRegistry(actors)


def _product(word_forms, cap):
    import itertools

    return itertools.islice(itertools.product(*[sorted(w) for w in word_forms]), cap)


_TOKEN = re.compile(r"[^\W\d_]+")


def lemma_finder(registry, analysers):
    """Match-time analysis: token normal forms looked up in a lemma-sequence table."""
    table: dict[tuple, tuple[str, list]] = {}
    for actor in registry:
        for al in actor.aliases:
            if al.lang not in INFLECTED_LANGUAGES or al.regex:
                continue
            words = al.text.split(" ")
            key, refs = [], []
            for w in words:
                if "|" in w or w.isupper():
                    forms = {w.replace("|", "")} if w.endswith("|") else _word_lexeme(w, {})
                    key.append(("=", tuple(sorted(f.lower() for f in forms))))
                    refs.append(None)
                    continue
                ref = analysers[al.lang].parse(w)[0]
                key.append(ref.normal_form)
                refs.append(None if w[:1].islower() else ref.tag)
            table[tuple(key)] = (actor.id, refs)
    max_len = max(len(k) for k in table)
    cache: dict[str, list] = {}

    def parses(token):
        got = cache.get(token)
        if got is None:
            low = token.lower()
            got = []
            for lang in INFLECTED_LANGUAGES:
                got += [(p.normal_form, p.tag) for p in analysers[lang].parse(low)]
            cache[token] = got
        return got

    def word_ok(token, key, ref) -> bool:
        if isinstance(key, tuple):
            return token.lower() in key[1]
        return any(nf == key and (ref is None or _keep(tag, ref)) for nf, tag in parses(token))

    def find_spans(text):
        toks = [
            (m.start(), m.end(), m.group())
            for m in _TOKEN.finditer(text)
            if any("\u0400" <= c <= "\u04ff" for c in m.group())
        ]
        out, i = [], 0
        while i < len(toks):
            hit = None
            for n in range(min(max_len, len(toks) - i), 0, -1):
                window = toks[i : i + n]
                if any(window[k + 1][0] - window[k][1] > 1 for k in range(n - 1)):
                    continue
                cands = [text[a:b] for a, b, _ in window]
                for key, (actor_id, refs) in _candidates(table, n, cands, parses):
                    if all(word_ok(t, k, r) for t, k, r in zip(cands, key, refs, strict=True)):
                        hit = (window[0][0], window[-1][1], actor_id)
                        break
                if hit:
                    break
            if hit:
                out.append(hit)
                i += n
            else:
                i += 1
        return out

    def find(text):
        return [(a, text[s:e]) for s, e, a in find_spans(text)]

    return find, find_spans


def _candidates(table, n, tokens, parses):
    """Table entries of length n whose first word can be the first token."""
    first = tokens[0].lower()
    lemmas = {nf for nf, _ in parses(tokens[0])}
    for key, value in table.items():
        if len(key) != n:
            continue
        k0 = key[0]
        if (isinstance(k0, tuple) and first in k0[1]) or (isinstance(k0, str) and k0 in lemmas):
            yield key, value


def form_coverage(registry, analysers) -> dict:
    """How many of pymorphy3's dictionary forms the rules produce, word by word.

    For every single-word ru/uk registry form that the rules decline (not a stem
    pattern, abbreviation or vowel-final loanword) and that the dictionary knows,
    compare the dictionary lexeme (same gender/number filter as the lexeme route, ё
    spelled е on both sides) with every form the rules give the actor in that
    language (a lexeme may span two registry entries: українці and україн|ець|...).
    An independent check of the ending rules: the gold sentences were written by the
    rules' author.
    """
    from framing.inflection import inflect

    n_dict = n_hit = n_extra = n_words = 0
    missed = []
    for actor in registry:
        produced = {
            lang: {
                f.replace("ё", "е").lower()
                for al in actor.aliases
                if al.lang == lang and not al.regex
                for f in inflect(al.text, lang)
            }
            for lang in INFLECTED_LANGUAGES
        }
        for al in actor.aliases:
            w = al.text
            if al.lang not in INFLECTED_LANGUAGES or " " in w or "|" in w or w.isupper():
                continue
            parse = analysers[al.lang].parse(w)[0]
            if not parse.is_known:
                continue
            dictionary = {f.replace("ё", "е").lower() for f in _word_lexeme(w, analysers[al.lang])}
            if len(inflect(w, al.lang)) == 1:
                continue  # not declined by the rules (loanword)
            rules = produced[al.lang]
            n_words += 1
            n_dict += len(dictionary)
            n_hit += len(dictionary & rules)
            n_extra += len({f.replace("ё", "е").lower() for f in inflect(w, al.lang)} - dictionary)
            missed += [f"{al.lang}:{f}" for f in sorted(dictionary - rules)]
    return {
        "words": n_words,
        "dictionary_forms": n_dict,
        "recall": n_hit / n_dict if n_dict else 0.0,
        "extra_forms": n_extra,
        "missed": missed,
    }


# --------------------------------------------------------------------------- speed
def synthetic_articles(n: int) -> pd.DataFrame:
    """`n` articles of 80 GOLD sentences each (about 520 words; deterministic rotation)."""
    sents = [s for _, s, _ in GOLD]
    texts = [" ".join(sents[(i * 7 + k) % len(sents)] for k in range(80)) for i in range(n)]
    return pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(n)], "title": [""] * n, "text": texts}
    )


def time_literal(registry, arts, repeats):
    find_mentions(arts.head(2), registry)  # compile the matcher
    best, n = float("inf"), 0
    for _ in range(repeats):
        t = time.process_time()
        n = len(find_mentions(arts, registry))
        best = min(best, time.process_time() - t)
    return n, best


def time_lemmas(find_spans, arts, repeats):
    best, n = float("inf"), 0
    texts = arts.text.tolist()
    for _ in range(repeats):
        t = time.process_time()
        n = 0
        for text in texts:
            split_sentences(text)
            n += len(find_spans(text))
        best = min(best, time.process_time() - t)
    return n, best


def english_articles(copies: int = 20) -> pd.DataFrame:
    """The bundled corpus's English articles, repeated `copies` times (unique ids)."""
    from framing.corpus import load_corpus
    from framing.paths import ROOT

    arts = load_corpus(ROOT / "corpus" / "articles.jsonl")
    arts = pd.concat([arts[arts.language == "en"]] * copies, ignore_index=True)
    arts["article_id"] = [f"a{i}" for i in range(len(arts))]
    return arts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--errors", action="store_true", help="print every wrong sentence")
    args = parser.parse_args(argv)

    registry = load_actors()
    t = time.process_time()
    analysers = _analysers()
    load_s = time.process_time() - t
    t = time.process_time()
    lex_registry = lexeme_registry(registry, analysers)
    lex_build_s = time.process_time() - t
    t = time.process_time()
    lemma_find, lemma_spans = lemma_finder(registry, analysers)
    lemma_build_s = time.process_time() - t
    routes = {
        "rules": (literal_finder(registry), None),
        "pymorphy3-lexemes": (literal_finder(lex_registry), None),
        "pymorphy3-lemmas": (lemma_find, lemma_spans),
    }
    arts = synthetic_articles(args.articles)
    n_words = arts.text.str.split().str.len().mean()
    print(
        f"gold: {len(GOLD)} sentences, {sum(len(g) for *_, g in GOLD)} mentions; speed: "
        f"{len(arts)} articles of {n_words:.0f} words, best of {args.repeats}, CPU time"
    )
    print(
        f"pymorphy3: analysers loaded in {load_s:.2f} s; lexeme registry built in "
        f"{lex_build_s:.2f} s; lemma table in {lemma_build_s:.2f} s"
    )
    header = (
        f"{'route':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'fp':>4} {'fn':>4} "
        f"{'mentions/s':>11} {'articles/s':>11}"
    )
    cov = form_coverage(registry, analysers)
    print(
        f"rules vs pymorphy3 dictionary, {cov['words']} declined registry words: "
        f"{cov['recall']:.3f} of {cov['dictionary_forms']} dictionary forms produced; "
        f"{cov['extra_forms']} rule forms not in the dictionary (never-occurring forms such "
        f"as Київа, and case forms the dictionary lacks)"
    )
    if args.errors:
        print("    missed:", " ".join(cov["missed"]))
    print(header)
    for name, (find, spans) in routes.items():
        q = gold_quality(find)
        if spans is None:
            reg = registry if name == "rules" else lex_registry
            n, secs = time_literal(reg, arts, args.repeats)
        else:
            n, secs = time_lemmas(spans, arts, args.repeats)
        print(
            f"{name:<20} {q['precision']:>9.3f} {q['recall']:>7.3f} {q['f1']:>6.3f} "
            f"{q['fp']:>4} {q['fn']:>4} {n / secs:>11,.0f} {len(arts) / secs:>11,.1f}"
        )
        if args.errors:
            for lang, text, extra, missed in q["errors"]:
                print(f"    [{lang}] {text}\n        extra {extra} missed {missed}")
    english = english_articles()
    n, secs = time_literal(registry, english, args.repeats)
    print(
        f"English, bundled corpus x20 ({len(english)} articles), default registry: "
        f"{n / secs:,.0f} mentions/s, {len(english) / secs:,.1f} articles/s"
    )


if __name__ == "__main__":
    main()
