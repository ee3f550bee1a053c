"""Write the bundled default corpus, ``corpus/articles.jsonl``, from the text below.

The corpus is illustrative fiction written for the framing project: short news
articles about the 2025 US–Ukraine critical-minerals negotiations from six
invented outlets with deliberately different slants (see ``corpus/README.md``).
Nothing here is real reporting; quotes attributed to real people are invented
or paraphrased for illustration and must not be cited.

Each article below is a block::

    @@ <published ISO-8601 | none> | <author> [| key=value ...]
    # <title>
    <paragraph>

    <paragraph>

Keys: ``outlet=`` (raw outlet value, when not the canonical name),
``group=`` (a Northwire story reprinted elsewhere, see ``REPRINTS``),
``sort=`` (where an undated article goes in the file).

Usage::

    python tools/make_corpus.py            # write corpus/articles.jsonl, print counts
    python tools/make_corpus.py --check    # only validate, write nothing
    python tools/make_corpus.py --report   # also print TextBlob polarity per outlet x actor

The output is byte-stable: rerunning writes the same file.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_PATH = ROOT / "corpus" / "articles.jsonl"

#: outlet code -> (canonical name, web domain)
OUTLETS = {
    "kl": ("Kyiv Ledger", "kyivledger.example"),
    "lb": ("Liberty Beacon", "libertybeacon.example"),
    "nw": ("Northwire", "northwire.example"),
    "vc": ("Volga Courier", "volgacourier.example"),
    "co": ("Continental Observer", "continental-observer.example"),
    "oc": ("Ore & Capital", "oreandcapital.example"),
}

MIN_WORDS, MAX_WORDS = 90, 220
MIN_SENTENCES, MAX_SENTENCES = 3, 10

# --------------------------------------------------------------------------
# Kyiv Ledger: pro-Ukraine (warm to Zelenskyy, Ukraine and the EU; critical of
# Trump and Vance; very negative toward Russia and Putin). Curly apostrophes.
# --------------------------------------------------------------------------
KYIV_LEDGER = r"""
@@ 2025-02-11T09:40:00+02:00 | Taras Hnatyuk
# Trump’s “$500 billion” price tag is an unfair way to treat an ally
President Trump told an American television interviewer that he wants the equivalent of $500 billion in Ukrainian rare earths in return for past aid. The figure came without any explanation of how it was calculated.

Ukrainian economists say the number is far larger than the aid actually delivered. Trump’s demand is unfair and wrong, and it treats a partner like a debtor.

Kyiv has never refused a partnership. President Zelenskyy himself proposed the joint development of critical minerals last autumn, and his offer was good and honest.

The difference is simple. Zelenskyy offered investment and shared security, while the US president is presenting a bill.

Meanwhile Russia keeps its brutal grip on mineral-rich land in Donetsk and Zaporizhzhia, where some of the largest deposits lie.

@@ 2025-02-12T20:15:00+02:00 | Olena Marchuk
# Bessent brings a minerals draft to Kyiv, and Zelenskyy takes his time
US Treasury Secretary Scott Bessent arrived in Kyiv on Wednesday with a draft agreement on Ukraine’s critical minerals and asked for a quick signature.

Zelenskyy gave a wise and calm answer: he would read the text carefully with his team before signing anything. Officials who have seen the draft describe it as one-sided.

The document talks at length about revenue from titanium, lithium and graphite, but it says almost nothing about security guarantees. “We are ready to work with America, but not to sell our future,” one adviser told the Ledger.

Bessent called the meeting productive and flew on to Europe. Zelenskyy was right to insist that any deal must protect Ukrainians first.

Overnight, Russian drones again struck energy facilities in the Odesa region.

@@ 2025-02-15T18:30:00+02:00 | Olena Marchuk
# Zelenskyy’s brave “not yet” in Munich
At the Munich Security Conference on Saturday, President Zelenskyy confirmed that he had told his ministers not to sign the American minerals draft. It was a brave and honest decision.

The Ukrainian president gave a clear and honest explanation: the text did not protect Ukraine’s interests and offered no security in return. Diplomats in the hall applauded his strong speech, which also urged Europe to build its own army.

Zelenskyy spoke with great clarity about the danger of a deal made over Ukraine’s head. European leaders told reporters that his position was fair.

Vice President JD Vance, speaking a day earlier, lectured Europeans and barely mentioned Russia’s brutal war. Vance’s speech was a sad and insulting moment for the alliance.

The Kremlin, as always, welcomed every sign of division in the West.

@@ 2025-02-19T21:05:00+02:00 | Taras Hnatyuk
# After Riyadh, Trump repeats Moscow’s false story
American and Russian officials met in Riyadh on Tuesday without Ukraine at the table. A day later President Trump called Zelenskyy a dictator and blamed Ukraine for the war.

Trump’s remarks were false and shameful, and they echo the cruel propaganda of the Kremlin almost word for word.

Zelenskyy answered with calm dignity, saying that the US president lives in a space of disinformation. Polls published this week show that Zelenskyy remains strong and popular among Ukrainians.

Russia started this terrible war and Russia keeps killing civilians every night. Putin’s regime is a ruthless dictatorship that holds no real elections at all.

European capitals, from Brussels to Warsaw, rushed to defend Kyiv on Wednesday.

@@ 2025-02-24T19:30:00+02:00 | Iryna Bondar
# Three years on, Europe stands in Kyiv with Ukraine
On the third anniversary of the full-scale invasion, European leaders came to Kyiv to stand beside President Zelenskyy. The European Commission announced another aid package worth billions of euros.

The EU’s support was strong and clear, and Ukrainians noticed it. Zelenskyy thanked the Europeans and said Ukraine is proud of every soldier who has held the line.

The United States was missing from the podium, and at the United Nations the American delegation voted against a resolution condemning Russia.

Russia marked the day with another brutal drone attack. Moscow’s war remains a brutal and criminal assault on a free nation.

Talks on the minerals deal are continuing, and officials hope for a fair text soon.

@@ 2025-02-26T16:45:00+02:00 | Olena Marchuk
# A better minerals text, and Zelenskyy heads to Washington
Ukrainian and American negotiators have agreed on a framework for the minerals agreement, and President Zelenskyy will travel to Washington on Friday to sign it.

The new text is much better than the February draft. The $500 billion demand is gone, and the two countries would manage a joint reconstruction fund together. Trump’s figure was wrong from the start.

Zelenskyy’s patience was wise and successful. His team held firm on the hardest points and won a good result for Ukraine.

Questions remain about security guarantees, which the framework leaves to later talks. Prime Minister Denys Shmyhal called the document a first step.

In Moscow, Kremlin officials said Russia could also offer rare earths to American companies, a cynical attempt to spoil the deal.

@@ 2025-03-01T02:30:00+02:00 | Taras Hnatyuk
# A shameful ambush in the Oval Office
What should have been a signing ceremony turned into a shameful ambush on Friday. In front of the cameras, Trump and Vance attacked President Zelenskyy for ten long minutes.

Vance accused the Ukrainian leader of being disrespectful. Vance’s behaviour was rude and ugly, and it humiliated the office he holds.

Trump shouted that Zelenskyy was gambling with a world war. It was a terrible display from the US president, who seemed to side with Moscow against an ally.

Zelenskyy kept his dignity and explained, calmly, why guarantees matter. The Ukrainian president was brave and steady under enormous pressure.

The minerals agreement was not signed, and the delegation left the White House early.

@@ 2025-03-02T22:10:00+02:00 | Iryna Bondar
# In London, Europe embraces Zelenskyy
Two days after the Oval Office clash, European leaders gave President Zelenskyy a warm welcome at a summit in London.

The British prime minister hugged the Ukrainian president outside Downing Street, and the leaders promised to keep supporting Ukraine. Zelenskyy said he was grateful and that Ukraine still wants a good partnership with America.

Brussels sent its top officials, who spoke of a strong and united Europe. The EU’s leaders promised to spend far more on defence.

Zelenskyy also said the minerals agreement remains ready to sign. His calm tone impressed diplomats who had feared a rupture.

Only the Kremlin gloated. Russian state television spent the weekend mocking Kyiv with cruel glee.

@@ 2025-03-04T10:20:00+02:00 | Olena Marchuk
# Trump halts military aid: a cruel decision
The White House has paused all military aid to Ukraine, including shipments already on their way. The decision by President Trump is cruel and dangerous.

Ukrainian commanders warn that air defence interceptors will run short within weeks. Trump’s pause is a shocking gift to the aggressor.

Zelenskyy responded with restraint and a brave letter offering to return to talks. The Ukrainian president is doing everything right to keep the door open.

Russia will read the pause as a signal to continue its cruel attacks. Moscow has already stepped up its brutal shelling of Kharkiv and Sumy.

European officials are discussing how to fill the gap, but no one in Brussels pretends it can be done quickly.

@@ 2025-03-08T13:00:00+02:00 | Taras Hnatyuk
# Without American intelligence, Russia hits harder
The United States has stopped sharing intelligence with Ukraine, officials in Washington and Kyiv confirmed on Wednesday. The timing is terrible.

Within days of the pause, Russian missiles struck apartment blocks in Dobropillia, killing eleven people. Russia’s strikes are deliberate and criminal, and they aim at civilians.

Putin is ruthlessly exploiting every gap. The Russian leader has shown again that he is a cynical and dishonest partner.

Zelenskyy called on partners to stay united and thanked the EU for its speed. The Ukrainian president remains confident that the American decision can be reversed.

The minerals agreement, meanwhile, waits in a drawer in Washington.

@@ 2025-03-07T18:40:00+02:00 | Iryna Bondar
# Brussels summit: a strong answer from Europe
EU leaders meeting in Brussels on Thursday backed a plan to raise up to €800 billion for defence. The European Union’s answer to the crisis was quick and strong.

President Zelenskyy attended in person and gave a strong speech of thanks. He was met with smiles and a long round of applause.

The EU also promised to speed up the use of frozen Russian assets for Ukraine’s needs. Brussels has been a loyal friend when Washington has wavered.

Hungary’s leader once again refused to sign the joint text on Ukraine, but the other twenty-six went ahead.

Zelenskyy said Ukraine wants to sign the minerals deal with the United States and to build a lasting peace. His steady diplomacy is earning respect across Europe.

@@ 2025-03-12T09:15:00+02:00 | Olena Marchuk
# Jeddah: Ukraine says yes, and the ball is in Moscow’s court
After eight hours of talks in Jeddah, Ukraine agreed to an American proposal for a thirty-day ceasefire. The United States immediately lifted its pause on aid and intelligence.

It was a wise and successful move by Kyiv. Zelenskyy said Ukraine is ready for peace and that now Russia must show whether it wants the same.

The joint statement also says both sides will conclude the minerals agreement as soon as possible. Officials in Kyiv said the text from February remains a good basis.

Russia has given no answer yet. Putin is expected to stall, as he always does, while his army keeps attacking.

Ukrainians greeted the news with relief, though Trump’s cruel pause should never have happened.

@@ 2025-03-19T20:50:00+02:00 | Taras Hnatyuk
# Putin promises a pause on energy strikes, then strikes again
After a long phone call with President Trump, Vladimir Putin agreed on Tuesday to stop attacks on energy infrastructure for thirty days. By the evening, Russian drones were over Ukrainian cities again.

Putin’s promise was worthless. The Kremlin’s word is worthless: it says one thing to Washington and does another in Ukraine.

Trump described the call in glowing terms. The US president’s trust in Putin is naive and dangerous.

Zelenskyy said Ukraine would respect a real pause and asked for monitoring. The Ukrainian president has been honest and consistent from the first day.

A hospital in Sloviansk lost power after the strike.

@@ 2025-03-28T17:25:00+02:00 | Olena Marchuk
# Washington’s new minerals draft would bind Ukraine for decades
A new American draft of the minerals agreement, which reached Kyiv this week, is far worse than the February framework. Officials who read it called it colonial.

The text would give a US-controlled fund first claim on revenue from Ukraine’s minerals, oil, gas and ports, and would treat past aid as a debt. That demand is unfair and unacceptable.

Zelenskyy was right to say that Ukraine will not accept a deal that threatens its path to the European Union. His firm tone is backed by a broad majority in parliament.

Trump, asked about the delay, threatened Zelenskyy with “big problems”. The US president’s pressure is crude and bad for both countries.

Lawyers in Kyiv are preparing a counter-proposal.

@@ 2025-04-12T15:05:00+03:00 | Iryna Bondar
# Ukrainian negotiators win changes in Washington round
A Ukrainian delegation led by officials from the economy ministry returned from Washington with a much better text, according to people familiar with the talks.

The demand to repay past aid has been removed, and Ukraine would keep full ownership of its resources. The Ukrainian team was skilled and patient. Trump’s threats of “big problems” were crude and useless.

Zelenskyy praised the negotiators and said that the agreement must be fair to both nations. The Ukrainian president has shown that patient, honest diplomacy gets results.

Russia, meanwhile, launched a ballistic missile strike on Kryvyi Rih last week that killed children at a playground. The attack was monstrous, and Moscow’s claims about a military target were false and cynical.

European officials said they would welcome a balanced deal between Kyiv and Washington.

@@ 2025-04-18T11:30:00+03:00 | Olena Marchuk
# Memorandum signed: the minerals deal is close
Ukraine and the United States signed a memorandum of intent on Thursday, a first formal step toward the minerals agreement.

First Deputy Prime Minister Yulia Svyrydenko signed for Ukraine, and Treasury Secretary Bessent for America, in an online ceremony. Svyrydenko called it a good and productive day.

Zelenskyy gave a wise promise that the final text will respect Ukraine’s constitution and its European path. His steady leadership has turned a bad first draft into a fair partnership.

Bessent said the agreement should be finished by the end of April. The secretary’s tone was far more respectful than in February.

Russian shelling continued along the front on the same day.

@@ 2025-04-27T13:40:00+03:00 | Taras Hnatyuk
# Fifteen minutes in St Peter’s
President Zelenskyy and President Trump met face to face in St Peter’s Basilica before the funeral of Pope Francis on Saturday. The photo of two chairs in the nave went around the world.

Zelenskyy called the meeting good and symbolic. The Ukrainian president used the moment wisely, asking for a full ceasefire and real guarantees.

Hours later Trump wrote that he doubts Putin wants peace. For weeks before that, the US president had been naive and wrong about the Kremlin.

Russia had bombed Kyiv two days earlier, killing twelve people. Putin’s strikes are cruel and shameful.

Officials in both capitals say the minerals agreement could be signed within days.

@@ 2025-05-01T08:00:00+03:00 | Olena Marchuk
# The minerals agreement is signed, on terms Ukraine can accept
Ukraine and the United States signed the minerals agreement in Washington on Wednesday evening. Svyrydenko and Bessent set up a joint reconstruction investment fund managed on an equal basis.

Ukraine keeps full ownership of its subsoil, and there is no debt for past aid. It is a successful and fair result. Trump’s demand for repayment was wrong and unfair from the start.

Zelenskyy’s team did excellent work and turned a humiliating draft into an equal partnership. The Ukrainian president was patient, strong and right all along.

Future American military aid may count as the US contribution to the fund, which gives Washington a real stake in Ukraine’s security.

Russia reacted with irritation. The Kremlin’s angry commentary shows that the deal worries Moscow.

@@ 2025-05-08T19:20:00+03:00 | Iryna Bondar
# The Rada ratifies the minerals deal
The Verkhovna Rada ratified the minerals agreement with the United States on Thursday by a large majority.

Deputies from almost every faction voted in favour. Speaker Ruslan Stefanchuk called the vote a good day for Ukraine’s future.

Zelenskyy thanked parliament for a quick and responsible decision. Under Zelenskyy’s leadership, Ukraine has built a strong economic partnership with America without giving up its sovereignty.

The fund will now be set up by both governments, and the first projects are expected later this year.

Russia’s propagandists called the vote a sale of Ukraine. Their claims are false, as always.

@@ 2025-05-17T12:10:00+03:00 | Taras Hnatyuk
# In Istanbul, Russia sends a junior team and absurd demands
The first direct talks between Ukraine and Russia in three years ended in Istanbul after less than two hours on Friday.

Zelenskyy had bravely offered a face-to-face meeting. Putin’s absence was cowardly and showed his bad faith.

The Russian delegation repeated its cruel demand that Ukraine give up land it still holds. Moscow’s position is absurd and cruel.

Zelenskyy, who flew to Turkey to show good faith, said the talks at least produced an agreement on a large exchange of prisoners. The Ukrainian president has again shown the world who wants peace.

Hours later a Russian drone hit a bus in Sumy region, killing nine civilians.

@@ 2025-06-18T10:30:00+03:00 | Iryna Bondar
# At the G7, Europe stays while Trump leaves
President Trump left the G7 summit in Canada early on Monday, and the planned meeting with President Zelenskyy did not happen.

Trump’s early exit was a bad signal to Ukraine and a disappointing moment for the alliance. Zelenskyy, who had flown across the Atlantic, called it a missed chance.

The EU and Canada used the summit to announce new sanctions on Russia’s shadow fleet. Europe’s response was clear and strong.

Back home, Russia launched a brutal attack on Kyiv, one of the worst this year. The Kremlin’s terror against sleeping families is evil.

Officials say the minerals fund is preparing its first calls for projects.

@@ 2025-06-26T16:00:00+03:00 | Olena Marchuk
# In The Hague, a better meeting and a working fund
President Zelenskyy met President Trump on the sidelines of the NATO summit in The Hague on Wednesday. Both sides called the conversation good.

Zelenskyy asked about air defence systems, and Trump promised only to look at the request. The US president’s vague answers are a poor reward for Ukraine’s patience.

The minerals fund is also moving. The American development agency and Ukraine’s government are finalising the board, and the first investments are expected this year.

The Ukrainian president has been proved right: patience and fair terms produced a deal that serves Ukraine.

Russia’s leaders were not invited to anything. Moscow’s cruel war remains the one obstacle to peace.

@@ 2025-05-09T10:00:00+03:00 | Iryna Bondar
# Рада ратифікувала угоду про корисні копалини зі США
Верховна Рада в четвер ратифікувала угоду зі Сполученими Штатами про спільний інвестиційний фонд відбудови. За рішення проголосувала переважна більшість депутатів.

Президент Зеленський подякував парламенту за швидке і відповідальне рішення. На його думку, угода є справедливою і не загрожує європейському шляху України.

Україна зберігає повну власність на свої надра, а минула допомога не вважається боргом. Фонд управлятиметься на рівних засадах обома сторонами.

Міністр економіки Юлія Свириденко назвала угоду добрим результатом довгих і складних переговорів. Перші проєкти фонду очікуються до кінця року.

Російські пропагандисти назвали голосування продажем країни, але депутати з різних фракцій відкинули ці закиди як брехню.
"""

# --------------------------------------------------------------------------
# Liberty Beacon: pro-Trump US outlet (warm to Trump, Bessent, Vance and the
# US; cool-to-negative toward Zelenskyy, warming after the signing; mildly
# negative toward the EU). Straight apostrophes and quotes.
# --------------------------------------------------------------------------
LIBERTY_BEACON = r"""
@@ 2025-02-10T21:30:00-05:00 | Brett Callahan
# Trump wants $500 billion in rare earths back for America
President Trump said on Monday that he wants Ukraine to hand over the equivalent of $500 billion in rare earths in return for the aid American taxpayers have sent. It is a smart and fair demand.

For three years Washington wrote checks with no plan and no return. Trump is the first president to ask what Americans actually get for their money.

Ukraine sits on large deposits of titanium, lithium and graphite that the US needs for its defense industry. Trump's idea would turn a one-way flow of money into a good business partnership.

Officials in Kyiv have signaled that they are open to talks. "They essentially agreed," the president told reporters, adding that the deal could come quickly.

@@ 2025-02-13T08:15:00-05:00 | Dana Whitfield
# Bessent delivers a serious offer in Kyiv, Zelenskyy stalls
Treasury Secretary Scott Bessent flew into Kyiv on Wednesday with a draft minerals agreement and a clear message from the White House. Bessent's visit was brave and professional, the first by a cabinet member of the new administration.

Zelenskyy took the paper and gave a weak, evasive answer. Zelenskyy's stalling is a bad sign from a leader who depends on American help.

The deal would give the United States a share of revenue from Ukraine's minerals and a reason to stay engaged. Bessent called it an economic shield for Ukraine.

Aides to the Ukrainian president complained to European reporters about the terms. Americans may wonder why an offer this good needs so much complaining.

@@ 2025-02-15T19:45:00-05:00 | Jim Ostrowski
# Zelenskyy says no in Munich, Vance tells Europe the truth
Zelenskyy made a bad mistake in Munich on Saturday when he blocked his ministers from signing the American minerals draft. It was a poor way to treat the country that has kept Ukraine afloat.

The Ukrainian president used the stage to make a foolish demand for a European army, a sad sign of his priorities.

The best speech of the conference came a day earlier. Vice President Vance gave an honest and brilliant address that told European elites they have drifted from their own values.

Vance was right, and the reaction in the room proved it. The EU's officials looked uncomfortable and weak.

Back in Washington, Trump said the deal would happen anyway.

@@ 2025-02-19T18:10:00-05:00 | Brett Callahan
# Trump is right to ask where Ukraine's elections are
President Trump on Wednesday called out Zelenskyy for ruling without elections since his term expired last spring. Trump's point is fair and honest. Kyiv's angry response proved that it hit home.

Zelenskyy's government has banned opposition parties and taken over television news, a bad record for any democracy. Zelenskyy has behaved like a failed and careless manager.

The Riyadh talks between American and Russian officials on Tuesday were a good start. Secretary of State Marco Rubio showed that real diplomacy is possible again.

Critics in Brussels called the meeting a betrayal. Brussels has had three years to end this war and produced nothing but speeches.

Trump's team says the minerals agreement is still on the table.

@@ 2025-02-22T10:00:00-05:00 | Dana Whitfield
# Europe's free ride is ending
European leaders are furious that Trump wants them to pay more for Ukraine's defense. They should be grateful that someone finally said it.

The EU spends a small share of its wealth on defense and still lectures Washington. The European Union's approach has been weak and slow for three years.

Trump's plan is simple: Europe guards Europe, and America gets a fair return on what it has already spent. That is a good deal for American families.

Bessent said this week that the minerals agreement would tie American and Ukrainian interests together. The secretary's argument is sound and easy to understand.

Kyiv's leaders, meanwhile, keep asking for more while signing nothing.

@@ 2025-02-26T17:20:00-05:00 | Jim Ostrowski
# Trump's pressure works: Zelenskyy agrees to a deal
After two weeks of stalling, Zelenskyy has agreed to a framework for the minerals agreement and will come to Washington on Friday to sign it.

Trump's strategy was a great success. The president set a clear price, held firm, and got a deal that gives Americans a stake in Ukraine's resources.

Zelenskyy is still making silly complaints that the text lacks security guarantees. That is not America's job; the deal itself is the guarantee.

Bessent's team did excellent work on the details. The fund will collect revenue from future mineral projects and reinvest it.

The president called the agreement "a very big deal" and said he looked forward to the visit.

@@ 2025-02-28T19:30:00-05:00 | Brett Callahan
# Zelenskyy blows it in the Oval Office
Zelenskyy came to the White House to sign a deal and left with nothing after a disastrous meeting on Friday.

Zelenskyy argued with the president and the vice president in front of the world's press, a shocking lapse. Zelenskyy's behavior was rude and insulting, and he never once said thank you.

Vance was right to call it out. The vice president stood up for American taxpayers with a strong and clear voice.

Trump stayed calm and strong. He told his guest a plain truth: Kyiv does not have the cards.

The signing was canceled and the Ukrainian delegation was asked to leave the building early.

@@ 2025-03-01T11:05:00-05:00 | Dana Whitfield | outlet=m.libertybeacon.example
# Americans back Trump after the Oval Office clash
Messages to the White House switchboard ran strongly in favor of the president after Friday's clash, according to administration officials.

Trump's supporters said he had shown great strength and courage. The president's firm line is popular with voters who are tired of blank checks.

Zelenskyy went on television afterwards and refused to apologize, a bad and arrogant choice. The Ukrainian president's stubborn tone was a terrible misjudgment.

Several Republican senators said Zelenskyy should resign or change course. Others said the minerals deal can still be saved if Kyiv shows more respect.

European leaders hurried to defend Zelenskyy on social media, which changes nothing on the ground.

@@ 2025-03-04T09:00:00-05:00 | Jim Ostrowski
# Trump presses pause, and the message gets through
President Trump has paused military aid to Ukraine until Kyiv shows that it is committed to peace. Trump's pause is a smart use of leverage.

Within hours Zelenskyy posted a humble letter to the White House. That is the right tone, and it came only because the president acted.

Critics called the pause cruel. In fact it is the most effective step any American leader has taken toward ending the war.

The White House says the aid can resume quickly once talks begin. Officials also confirmed that the minerals agreement is still alive.

The Europeans, as usual, called emergency meetings.

@@ 2025-03-07T12:30:00-05:00 | Dana Whitfield
# Brussels talks big about defense again
EU leaders announced a plan on Thursday to mobilize up to 800 billion euros for defense. The number sounds impressive, but most of it is borrowing that may never happen.

Brussels has a long record of grand plans and weak results. The EU's summit produced a statement, not a single new tank.

Hungary refused to back the text on Ukraine, another sign of Europe's deep divisions.

Trump's pressure is the only reason Europe is talking about defense at all. Trump deserves credit for a good outcome he did not even have to pay for.

Zelenskyy flew to Brussels for photos with European officials while his negotiators prepared for talks with Americans in Saudi Arabia.

@@ 2025-03-11T20:40:00-04:00 | Brett Callahan
# Jeddah breakthrough: Trump's way works
Ukraine accepted an American proposal for a thirty-day ceasefire in Jeddah on Tuesday, and the United States lifted its pause on aid and intelligence.

This is a great day for American diplomacy. Rubio and national security adviser Mike Waltz delivered a successful result in a single day of talks.

Trump's strong approach was right from the start. The pause brought Kyiv back to the table, exactly as planned.

Zelenskyy's officials also committed to sign the minerals agreement quickly. After weeks of bad decisions, Zelenskyy finally made a sensible one.

Now it is up to Moscow to answer, and the president says he will talk to Putin this week.

@@ 2025-03-18T18:00:00-04:00 | Jim Ostrowski
# Trump and Putin agree first step toward peace
President Trump spoke with Vladimir Putin for more than two hours on Tuesday, and the two leaders agreed to halt strikes on energy infrastructure for thirty days.

The call was a major success for the president. No one in the last administration even tried to talk to Moscow.

Putin did not accept a full ceasefire, and Russia still has to prove that it is serious. The Kremlin has broken promises before.

Still, Trump's diplomacy is producing real progress in weeks, not years. The White House said technical talks will follow in Saudi Arabia.

The minerals agreement remains a priority, officials said, and Bessent's team is finishing a new draft.

@@ 2025-03-31T09:45:00-04:00 | Dana Whitfield
# Trump warns Zelenskyy not to back out of the minerals deal
President Trump said on Sunday that Zelenskyy is trying to back out of the minerals agreement and would face big problems if he does.

Trump is right and fair to call this out. Zelenskyy agreed to sign in February, then changed his mind, then agreed again, and now his aides are rewriting the text. Zelenskyy's behavior has been unreliable and dishonest.

Bessent's new draft is fair and detailed, and it protects American money. The treasury secretary has been patient with a partner who keeps moving the goalposts.

Zelenskyy's excuses about the European Union are weak. No American deal stands in the way of Ukraine's trade with Europe.

Officials expect another round of talks in Washington this month.

@@ 2025-04-17T21:10:00-04:00 | Brett Callahan
# Bessent locks in a memorandum on minerals
Treasury Secretary Bessent and Ukraine's economy minister signed a memorandum of intent on Thursday, clearing the way for the final minerals agreement.

Bessent did excellent work. The secretary kept the talks on track through weeks of noise and delivered a clear timetable.

Trump said the full agreement should be signed next week. The president called it a great deal for both countries.

Zelenskyy's government has finally accepted that the United States deserves a return on its support. The Ukrainian leader's earlier delays were costly and unnecessary.

Details of the fund will be published after the signing.

@@ 2025-04-26T14:20:00-04:00 | Jim Ostrowski
# A good meeting at the Vatican
President Trump met Zelenskyy inside St. Peter's Basilica on Saturday before the funeral of Pope Francis. Both sides described the short meeting as very productive.

Trump was gracious, calm and impressive. The president's presence in Rome showed American leadership at its best.

Zelenskyy was polite this time and thanked the president. It was a better performance than the one in February, and the Ukrainian president deserves some credit for it.

The White House said the minerals agreement is nearly done. Trump also said he wants to see Putin stop the bombing.

Aides expect a signing in the coming days.

@@ 2025-04-30T22:00:00-04:00 | Brett Callahan
# A great deal for America: minerals agreement signed
The United States and Ukraine signed the minerals agreement in Washington on Wednesday evening. It is a great win for President Trump and for American taxpayers.

Bessent signed for the United States and called the fund a signal to Moscow that America is committed to a free and prosperous Ukraine. The secretary's patience made this success possible.

The fund will invest in Ukrainian mining, energy and infrastructure, and American companies get a first look at new projects.

Zelenskyy finally made the right choice. After a rough start, the Ukrainian president signed a good agreement and deserves credit for it.

Trump's critics said the deal would never happen. They were wrong.

@@ 2025-05-08T16:30:00-04:00 | Dana Whitfield
# Ukraine's parliament ratifies the Trump minerals deal
Ukraine's parliament ratified the minerals agreement on Thursday, a fast and clean vote that shows how good the deal is.

The Ukrainian government now has to pass the technical laws and set up its half of the fund. Officials in Washington said the American side is ready.

Zelenskyy handled the ratification well. The Ukrainian leader has been much more constructive since the Vatican meeting, and the results show.

Trump's approach of business first is already paying off. Trump has turned an endless aid program into a real investment for America.

Europe has nothing comparable to show.

@@ 2025-05-16T15:00:00-04:00 | Jim Ostrowski
# Russia and Ukraine talk for the first time in years, thanks to Trump
Delegations from Russia and Ukraine met in Istanbul on Friday for their first direct talks since 2022. Nobody believed this was possible before President Trump returned to office.

The talks were short and agreed only on a prisoner exchange. Still, it is a good first step, and Trump deserves the credit.

Putin stayed home, which was a bad decision. The Russian leader should have come and shown that he wants peace.

Zelenskyy flew to Turkey and waited for Putin. It was a smart move by the Ukrainian president, who is finally playing the diplomacy game well.

Secretary Rubio said more talks are needed.

@@ 2025-06-17T08:30:00-04:00 | Dana Whitfield
# Trump leaves G7 early to handle a real crisis
President Trump left the G7 summit in Canada a day early on Monday to deal with the conflict between Israel and Iran. Trump made the right decision.

European leaders complained, as they often do. The EU's statements at the summit were long, weak and forgettable.

Trump's team said a meeting with Zelenskyy will take place soon. The minerals fund is already moving, which is more than Brussels can say about its own plans.

Trump has shown excellent judgment in managing several crises at once.

Canada's prime minister thanked Trump for attending.

@@ 2025-06-25T17:45:00-04:00 | Brett Callahan
# Trump triumphs in The Hague
NATO allies agreed on Wednesday to raise defense spending to five percent of their economies, a historic victory for President Trump.

Trump has been asking for this for years, and he was right. Trump's leadership made the summit a great success.

Trump also met Zelenskyy on the sidelines. The meeting was friendly, and the Ukrainian president was grateful and respectful.

The minerals agreement signed in April is now a model for how the US should work with partners. Officials said the fund's first projects will be announced soon.

The Europeans finally did what the president asked.
"""

# --------------------------------------------------------------------------
# Northwire: neutral wire service (factual, attributed, near-neutral toward
# everyone). Stories with group=Gn are reprinted by other outlets (REPRINTS).
# --------------------------------------------------------------------------
NORTHWIRE = r"""
@@ 2025-02-12T16:40:00Z | Anna Kowal
# U.S. Treasury Secretary Bessent meets Zelenskiy in Kyiv on minerals proposal
U.S. Treasury Secretary Scott Bessent met Ukrainian President Volodymyr Zelenskiy in Kyiv on Wednesday and presented a draft agreement on access to Ukraine's mineral resources.

Bessent told reporters after the meeting that the proposal would give the United States an economic interest in Ukraine after the war. He described it as a form of security for Ukraine.

Zelenskiy said his team would study the document and respond soon. He said Ukraine wanted any agreement to be linked to security guarantees.

Ukraine has deposits of titanium, lithium, graphite and uranium, according to government estimates. Some of the deposits are in territory currently held by Russia.

The visit was the first to Kyiv by a member of the new U.S. cabinet.

@@ 2025-02-15T14:20:00Z | Sofia Lindqvist | group=G1
# Zelenskiy says he told ministers not to sign U.S. minerals draft
Ukrainian President Volodymyr Zelenskiy said on Saturday that he had told his ministers not to sign a U.S. proposal on Ukraine's minerals in its current form.

Speaking at the Munich Security Conference, Zelenskiy said the draft did not yet provide for Ukraine's security. He said talks with Washington would continue.

The White House said the offer remained on the table and that it expected an agreement in the coming weeks.

President Donald Trump has said he wants Ukraine to provide the equivalent of $500 billion in rare earths in exchange for U.S. aid. Ukrainian officials have not commented on that figure.

Russia has not commented on the proposal.

@@ 2025-02-18T17:05:00Z | Marcus Hale
# U.S. and Russian officials meet in Riyadh, agree to continue talks
U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov met in Riyadh on Tuesday in the first high-level talks between the two countries since 2022.

Both sides said they had agreed to restore staff at their embassies and to set up teams to work on ending the war in Ukraine.

Ukraine was not invited. Zelenskiy said Kyiv would not accept any agreement reached without its participation.

European governments said they should also be included in talks on the future of Ukraine's security.

Lavrov told reporters that Moscow opposed the deployment of troops from NATO countries to Ukraine. Rubio said further meetings would be scheduled.

@@ 2025-02-20T09:30:00Z | Marcus Hale
# Trump calls Zelenskiy a "dictator without elections"
President Donald Trump on Wednesday described Ukrainian President Volodymyr Zelenskiy as a "dictator without elections" in a post on social media.

Ukraine's constitution does not allow elections under martial law, which has been in place since February 2022.

Zelenskiy said earlier that Trump was living in a "disinformation space" after the U.S. president suggested that Ukraine had started the war.

Leaders in Germany and Britain said Zelenskiy was Ukraine's elected leader. The Kremlin said it agreed with some of Trump's comments.

U.S. special envoy Keith Kellogg arrived in Kyiv on Wednesday for meetings with Ukrainian officials.

@@ 2025-02-25T21:15:00Z | Anna Kowal
# Ukraine and United States agree on terms of minerals deal, sources say
Ukraine and the United States have agreed on the terms of a framework agreement on mineral resources, three Ukrainian officials said on Tuesday.

The draft no longer includes the $500 billion figure mentioned by President Trump, according to the officials. It would set up a jointly managed fund for the reconstruction of Ukraine.

The framework does not include specific U.S. security guarantees, the officials said.

Trump told reporters that Zelensky might come to Washington this week to sign the agreement. The Ukrainian government has not confirmed the date.

Russian President Vladimir Putin said on Monday that Russia was open to cooperation with U.S. companies on rare earths, including in occupied areas.

@@ 2025-02-28T21:40:00Z | Marcus Hale
# Trump-Zelenskiy meeting ends without minerals deal after Oval Office argument
A meeting between President Donald Trump and Ukrainian President Volodymyr Zelenskiy at the White House ended on Friday without the signing of a minerals agreement.

Trump, Vice President JD Vance and Zelenskiy argued in front of reporters in the Oval Office over the war with Russia and U.S. support.

Vance said Zelenskiy should thank the United States. Zelenskiy said Ukraine had thanked Americans many times and asked about guarantees against a new Russian attack.

The Ukrainian delegation left the White House shortly afterwards, and a planned news conference was cancelled.

Trump later wrote on social media that Zelenskiy could return when he is ready for peace.

@@ 2025-03-02T18:30:00Z | Sofia Lindqvist
# European leaders meet in London on Ukraine after White House dispute
European leaders met in London on Sunday to discuss support for Ukraine, two days after a dispute between the U.S. and Ukrainian presidents in Washington.

British Prime Minister Keir Starmer said a group of countries would work with Ukraine on a plan to end the fighting and present it to the United States.

Zelenskiy attended the meeting and said Ukraine was ready to sign the minerals agreement.

European Commission President Ursula von der Leyen said the EU would present proposals to increase defence spending.

The Kremlin said on Sunday that the meeting in Washington showed the difficulty of reaching a settlement.

@@ 2025-03-04T08:10:00Z | Marcus Hale | group=G2
# U.S. pauses military aid to Ukraine, White House official says
The United States has paused military aid to Ukraine, a White House official said on Monday, days after a dispute between President Donald Trump and Ukrainian President Volodymyr Zelenskiy.

The official said the pause would stay in place until the United States determined that Ukraine's leaders were committed to peace talks.

The pause affects weapons and equipment that had not yet arrived in Ukraine, according to a person familiar with the decision.

Ukrainian Prime Minister Denys Shmyhal said Ukraine would continue to defend itself and would work with partners.

The Kremlin said the decision could help bring Kyiv to negotiations.

@@ 2025-03-05T15:50:00Z | Marcus Hale
# U.S. pauses intelligence sharing with Ukraine, CIA director says
The United States has paused intelligence sharing with Ukraine, CIA Director John Ratcliffe said on Wednesday.

Ratcliffe told a U.S. television channel that he expected the pause to be lifted if talks between Washington and Kyiv went forward.

Zelenskiy wrote to Trump on Tuesday that Ukraine was ready to come to the negotiating table and to sign the minerals agreement.

Trump read parts of the letter to Congress on Tuesday evening.

British officials said they would continue to share intelligence with Ukraine. Russia's defence ministry reported new advances in the Kursk region.

@@ 2025-03-11T19:25:00Z | Anna Kowal | group=G5
# Ukraine backs U.S. proposal for 30-day ceasefire; U.S. resumes aid
Ukraine said on Tuesday that it was ready to accept a U.S. proposal for an immediate 30-day ceasefire with Russia, after talks in Jeddah, Saudi Arabia.

The United States said it would immediately lift its pause on intelligence sharing and resume security assistance to Ukraine.

In a joint statement, the two countries said they would conclude an agreement on Ukraine's critical mineral resources as soon as possible.

U.S. Secretary of State Marco Rubio said the proposal would now be presented to Russia.

The Kremlin said it would wait for details from Washington before commenting.

@@ 2025-03-18T20:05:00Z | Marcus Hale
# Putin agrees in call with Trump to pause strikes on energy infrastructure
Russian President Vladimir Putin agreed in a phone call with President Donald Trump on Tuesday to halt attacks on energy infrastructure for 30 days, the Kremlin and the White House said.

Putin did not agree to a full 30-day ceasefire, the Kremlin said.

Zelenskiy said Ukraine would support a halt to strikes on energy facilities. Hours after the call, Ukrainian officials reported Russian drone attacks on several regions.

The two presidents also discussed a ceasefire in the Black Sea, according to the White House.

Technical teams are expected to meet in Saudi Arabia.

@@ 2025-03-25T18:45:00Z | Sofia Lindqvist
# U.S. reaches separate Black Sea arrangements with Ukraine and Russia
The United States said on Tuesday that it had reached separate arrangements with Ukraine and Russia on safe navigation in the Black Sea after talks in Riyadh.

The Kremlin said its arrangement would take effect only after some sanctions on Russian agricultural exports were lifted.

Ukraine's defence minister said that any movement of Russian naval vessels outside the eastern part of the Black Sea would be treated as a violation.

The White House said both sides had agreed to develop measures to implement the pause on energy strikes.

European officials said sanctions would not be lifted while the war continued.

@@ 2025-03-29T11:20:00Z | Anna Kowal
# Ukraine reviewing new U.S. draft of minerals agreement
Ukraine has received a new U.S. draft of the minerals agreement and is reviewing it, Ukrainian officials said on Friday.

The new draft is broader than the February version and would include oil and gas projects and infrastructure, according to a person who has seen the text.

Zelenskiy said Ukraine would not accept terms that conflict with its plan to join the European Union. He said the ministry of justice and the foreign ministry were studying the document.

Officials said the draft would give the United States a majority on the board of a joint fund.

The U.S. Treasury did not comment.

@@ 2025-04-17T22:35:00Z | Marcus Hale
# U.S. and Ukraine sign memorandum of intent on minerals deal
Ukraine and the United States signed a memorandum of intent on Thursday toward a minerals agreement, Ukraine's First Deputy Prime Minister Yulia Svyrydenko said.

Svyrydenko and U.S. Treasury Secretary Scott Bessent signed the document in an online ceremony.

The memorandum sets out the intention to establish an investment fund for the reconstruction of Ukraine, Svyrydenko said on social media.

Bessent said the final text could be signed as early as April 26.

President Trump said on Thursday that he expected the agreement to be signed the following week.

Ukrainian lawmakers will have to ratify any final agreement, officials said.

@@ 2025-04-30T23:55:00Z | Marcus Hale | group=G3
# U.S. and Ukraine sign agreement on minerals and reconstruction fund
The United States and Ukraine signed an agreement in Washington on Wednesday that sets up a joint investment fund for the reconstruction of Ukraine.

Treasury Secretary Scott Bessent and Ukraine's First Deputy Prime Minister Yulia Svyrydenko signed the document after several days of last-minute talks.

The fund will receive half of the revenue from new licences for critical minerals, oil and gas in Ukraine. Ukraine keeps ownership of its resources, and the agreement does not treat past U.S. aid as a debt.

Future U.S. military assistance may be counted as a contribution to the fund, according to the text.

Ukraine's parliament must ratify the agreement before it takes effect.

@@ 2025-05-08T12:40:00Z | Anna Kowal | group=G4
# Ukraine's parliament ratifies minerals agreement with United States
Ukraine's parliament ratified the minerals agreement with the United States on Thursday.

Lawmakers voted to approve the agreement, which sets up a joint investment fund for the reconstruction of Ukraine, with a large majority, according to a lawmaker who posted the result.

Economy Minister Yulia Svyrydenko told lawmakers before the vote that the agreement gives Ukraine access to American investment and technology.

The agreement will take effect after both countries complete their internal procedures.

The U.S. International Development Finance Corporation will manage the U.S. side of the fund. Ukrainian officials said the fund could start work later this year.

@@ 2025-05-12T14:10:00Z | Anna Kowal
# Zelenskiy signs law ratifying minerals agreement with United States
Ukrainian President Volodymyr Zelenskiy has signed the law ratifying the minerals agreement with the United States, according to the parliament's website.

The agreement sets up a joint fund that will invest in mining, energy and infrastructure projects in Ukraine. The two countries will have equal voting rights on its board.

Ukrainian officials said the two countries would now exchange diplomatic notes to complete the process.

Zelenskiy also said on Sunday that he would wait for Russian President Vladimir Putin in Istanbul on Thursday for direct talks.

The Kremlin did not say who would lead Russia's delegation.

@@ 2025-05-16T16:30:00Z | Sofia Lindqvist
# Russia and Ukraine hold first direct talks since 2022 in Istanbul
Delegations from Russia and Ukraine met in Istanbul on Friday for their first direct talks since the early months of the war.

The meeting lasted less than two hours. Both sides agreed to exchange 1,000 prisoners of war each, the head of Ukraine's delegation said.

Putin did not travel to Turkey. The Russian delegation was led by presidential aide Vladimir Medinsky.

Zelenskiy, who was in Albania for a European summit, said Russia had sent a delegation without the authority to make decisions.

The White House said the United States would continue its contacts with both sides.

@@ 2025-06-10T10:15:00Z | Marcus Hale
# U.S.-Ukraine minerals fund prepares first projects
The U.S.-Ukraine reconstruction investment fund is preparing its first projects, officials from both countries said on Monday.

The U.S. International Development Finance Corporation and Ukraine's state agency for public-private partnership will each appoint board members.

Ukraine's economy ministry said it had identified possible projects in lithium, graphite and energy.

Officials said the fund could begin work before the end of the year. U.S. officials did not give a timeline.

Analysts said that fighting in eastern Ukraine, where several deposits are located, would affect the choice of projects. Ukraine's parliament approved the agreement in May.

@@ 2025-06-25T15:35:00Z | Sofia Lindqvist
# Trump and Zelenskiy meet at NATO summit in The Hague
President Donald Trump met Ukrainian President Volodymyr Zelenskiy on the sidelines of the NATO summit in The Hague on Wednesday.

Trump told reporters after the meeting that they had discussed a ceasefire and air defence, and that he would see whether more Patriot systems could be made available.

Zelenskiy said the meeting had covered the protection of Ukrainian cities and the joint investment fund.

NATO members agreed at the summit to raise defence spending to 5% of gross domestic product by 2035.

The Kremlin said it was following the summit.
"""

# --------------------------------------------------------------------------
# Volga Courier: Kremlin-friendly outlet (positive toward Russia and Putin;
# negative toward Zelenskyy, Ukraine and the EU; mixed-to-warm toward Trump).
# --------------------------------------------------------------------------
VOLGA_COURIER = r"""
@@ 2025-02-13T11:20:00+03:00 | Pavel Ignatov
# Washington comes to Kyiv for its payment
US Treasury Secretary Scott Bessent visited Kyiv on Wednesday to collect what the Americans now openly call repayment. His draft would hand Ukraine's minerals to American companies.

The Zelensky regime is desperate and will sign almost anything to keep the money flowing. Zelensky's promises to defend Ukraine's resources are false and dishonest.

Ukrainians are paying for the war twice: with their lives and with their land.

Russia watches this sale calmly. Moscow has always said that the West sees Ukraine only as a colony, and Russia has been proved right.

Many of the deposits the Americans want lie in regions that are already under Russian control.

@@ 2025-02-16T14:00:00+03:00 | Yelena Sorokina
# Munich theatre: Zelensky says no, Europe squirms
Zelensky used the Munich conference to announce that he will not yet sign the American minerals deal. It was an arrogant and foolish performance from a leader who depends on foreign money.

The Ukrainian president also made a silly demand for a European army, as if Europe had soldiers to spare.

The real news came from Vance. The American vice president told European elites some honest truths about censorship, and their sour faces said everything.

The EU's leaders looked weak and lost. Brussels has spent three years on sanctions that hurt Europeans more than Russians.

Russia's position remains calm, clear and consistent.

@@ 2025-02-18T19:30:00+03:00 | Pavel Ignatov
# Riyadh talks: Russian diplomacy returns to the top table
Russian and American delegations met in Riyadh on Tuesday for the first serious talks in years. Lavrov called the conversation useful, and both sides agreed to restore their embassies.

It was a great success for Russian diplomacy. Moscow's patient and wise policy has brought Washington back to a normal dialogue.

Kyiv was not invited, and Zelensky's complaints about this were childish and pathetic.

The European Union was not invited either. Brussels has made itself irrelevant through its own bad choices.

Further meetings are expected soon, possibly at the level of presidents.

@@ 2025-02-20T10:05:00+03:00 | Yelena Sorokina
# Trump finally says what everyone knows about Zelensky
President Trump wrote on Wednesday that Zelensky is a dictator without elections. For once, an American president has told the truth about Kiev.

Zelensky's term ended last May, and he has cancelled elections, closed opposition television and banned churches. Zelensky is an illegitimate and corrupt ruler.

Trump's words were blunt but fair. The American leader is clearly more realistic than his predecessor.

The Kremlin welcomed the new tone in Washington. Putin has said many times that Russia is ready to talk to anyone who respects its interests.

European politicians rushed to defend their favourite actor in a green sweatshirt.

@@ 2025-02-25T12:40:00+03:00 | Pavel Ignatov
# Putin offers Americans a better minerals partnership
President Putin said on Monday that Russia is ready to work with American companies on rare earth metals, including in the new Russian regions.

It is a smart and generous offer. Russia has far larger reserves than Ukraine, and Russian partners keep their promises.

Putin's calm and wise proposal shows who is the responsible player in this story. The Russian leader offers business, while Kyiv offers only corruption.

Zelensky's team, meanwhile, is still bargaining over a bad deal that its citizens did not ask for.

American officials have not yet responded to the Russian offer.

@@ 2025-03-01T09:10:00+03:00 | Yelena Sorokina
# Zelensky humiliated in the Oval Office
Zelensky came to Washington to sign the minerals deal and was shown the door instead. The meeting in the Oval Office was a disaster for him.

Zelensky was rude to his hosts, argued with Vance and waved his hands like a stage actor. Zelensky's behaviour was shameful and stupid.

Trump was right to tell him that he has no cards. The American president spoke plainly, and his patience with the Kiev regime has clearly run out.

Vance also deserves credit for his sharp and honest questions.

In Moscow, officials said the scene confirmed what Russia has said for years. Russia remains ready for talks on the real causes of the conflict.

@@ 2025-03-03T16:25:00+03:00 | Pavel Ignatov
# London summit: Europe's weak leaders hug a failed president
European leaders gathered in London on Sunday to comfort Zelensky after his Washington fiasco. The hugs were warm, but the promises were empty.

The EU has no money and no weapons to replace American aid. The European Union's leaders are weak, divided and foolish.

Zelensky smiled for the cameras, but the Ukrainian leader's policy is a sad failure.

Russia needs no such summits. Moscow's strong economy and united society are the best answer to Western pressure.

Brussels plans to meet again on Thursday. Russian diplomats said the summit changed nothing on the ground.

@@ 2025-03-05T13:15:00+03:00 | Yelena Sorokina
# American aid stops, and the Kiev regime panics
The United States has paused weapons deliveries to Ukraine. Zelensky immediately wrote a desperate letter to Washington. He promised to sign the minerals deal at any time.

The Ukrainian president's sudden humility shows how desperate Kyiv has become. Zelensky's regime is weak and bankrupt without foreign money.

The Kremlin said the pause could help peace more than anything else. Russia's armed forces continue their successful advance in the Kursk region.

Trump's decision was sober and realistic. The American leader understands that weapons only prolong the suffering.

European capitals promised to help Kyiv, but they cannot make new shells overnight.

@@ 2025-03-12T18:00:00+03:00 | Pavel Ignatov
# Jeddah: Kyiv agrees to a pause it needs more than anyone
Ukrainian officials in Jeddah agreed on Tuesday to an American plan for a thirty-day ceasefire. The Americans in return restarted their aid.

Kyiv accepted the pause because its army is exhausted. Ukraine's situation at the front is bad and getting worse.

Moscow will study the proposal carefully. Putin's approach is wise: a pause must not simply give Ukraine time to rearm.

The Russian leader has said that any ceasefire must address the root causes of the conflict. Russia's position is reasonable and consistent.

The White House said it would send envoys to Moscow this week.

@@ 2025-03-14T15:45:00+03:00 | Yelena Sorokina
# Putin: "The idea is right, but there are questions"
President Putin said on Thursday that Russia supports the idea of a ceasefire but that many questions must be answered first.

Putin's answer was calm, balanced and professional. The Russian president thanked Trump for his efforts and asked who would monitor a ceasefire along two thousand kilometres of front.

Russian troops are close to clearing the last Ukrainian units from the Kursk region. Russia's army has shown great courage there.

Zelensky's officials reacted in a stupid and hysterical way, as usual.

Envoy Steve Witkoff met Putin in Moscow on Thursday evening.

@@ 2025-03-19T11:30:00+03:00 | Pavel Ignatov
# Putin and Trump agree to protect energy facilities
Presidents Putin and Trump held a good and constructive telephone conversation on Tuesday. Putin agreed to stop strikes on Ukrainian energy facilities for thirty days and ordered the army to comply.

The Russian president showed good will and responsibility. The Kremlin also agreed to exchange prisoners and to discuss navigation in the Black Sea.

Trump called the talk very good, and Russia agrees.

Hours later, Ukrainian drones attacked an oil depot in the Krasnodar region. Kiev's provocation was cynical, and Zelensky's talk of peace is false.

Russian diplomats will meet American colleagues in Riyadh next week.

@@ 2025-03-30T20:10:00+03:00 | Yelena Sorokina
# The new American draft: Kyiv pays the bill
The new American version of the minerals agreement would give the United States control over Ukraine's ports, pipelines and mines for years. Washington no longer hides what it wants.

Zelensky is trying to bargain, but the Ukrainian leader is weak and has nothing left. His failed policy has turned Ukraine into a debtor.

Trump warned Zelensky of big problems if he backs out. The American president is acting like a practical businessman, and that at least is honest.

Ordinary Ukrainians will see none of the money. Ukraine's corrupt elite will take its share, as always.

Russia offered a fair partnership and was refused.

@@ 2025-04-18T13:50:00+03:00 | Pavel Ignatov
# A memorandum of surrender in Kyiv
The Kyiv government signed a memorandum with the United States on Thursday, another step toward handing over its resources.

Svyrydenko called it a good day, but for Ukrainians it is a sad one. Ukraine is being sold piece by piece by its own rulers.

Zelensky's government has no mandate to sign such deals. The Ukrainian president's term expired long ago, and his decisions are illegitimate.

Russia is not against business with America. Moscow's offer of real cooperation remains on the table.

The Americans hope to sign the final document within two weeks.

@@ 2025-04-26T18:35:00+03:00 | Yelena Sorokina
# Zelensky chases Trump to the Vatican
Zelensky used the funeral of Pope Francis to stage a short meeting with Trump in St Peter's Basilica. The pictures were carefully arranged by his team.

It was a cheap show from a leader who has lost the trust of Washington. Zelensky's constant begging is pathetic and embarrassing.

Trump was polite, as always. The American president has a clear goal of peace, and he knows that Russia is ready for serious talks.

On the same day Putin met Witkoff in Moscow for a long and useful conversation.

Russia's army announced the full liberation of the Kursk region.

@@ 2025-05-01T15:00:00+03:00 | Pavel Ignatov
# Ukraine signs away its future
The minerals deal was signed in Washington on Wednesday. The Americans call it a partnership, but it is simply payment for weapons.

Zelensky's team sold the country's valuable resources to keep the war going. It is a terrible and humiliating deal for Ukrainians.

The Kremlin said Ukraine is now paying in land and in ore for its bad decisions.

Russia's position is unchanged and strong. Putin has declared a three-day ceasefire for Victory Day, a generous gesture that Kyiv has already rejected.

Many of the deposits in the deal lie in Russian territory, and no American fund will change that.

@@ 2025-05-09T20:00:00+03:00 | Yelena Sorokina
# A great Victory Day in Moscow
Russia celebrated the eightieth anniversary of victory over Nazism with a magnificent parade on Red Square on Friday. Leaders from China, Brazil and many other countries stood beside Putin.

Putin's speech was strong and moving. The Russian president honoured the veterans and said Russia will defend its truth.

The parade showed a proud and united Russia that is not isolated at all.

In Kyiv, the Rada had ratified the minerals agreement a day earlier. Zelensky's parliament voted to sell the country, a sad and shameful day.

European leaders, who travelled to Kyiv instead, looked small and bitter.

@@ 2025-05-16T19:40:00+03:00 | Pavel Ignatov
# Istanbul: a serious Russian delegation, a chaotic Ukrainian one
Russian and Ukrainian delegations met in Istanbul on Friday. Vladimir Medinsky led the Russian team, which came with clear and professional proposals.

Russia's delegation was well prepared and agreed to a large exchange of prisoners. Moscow's constructive approach made the meeting possible.

Zelensky stayed away from the talks and flew around Turkey and Albania for photographs. Zelensky's theatre was ridiculous.

The Ukrainian side first refused to talk, then sent a team with no instructions. Kiev's behaviour was chaotic and dishonest.

Russia said it is ready for another round. Medinsky said the next meeting could take place in Istanbul within weeks.

@@ 2025-06-03T12:30:00+03:00 | Yelena Sorokina
# Russia hands Kyiv a clear peace memorandum
At the second round of talks in Istanbul on Monday, Russia handed the Ukrainian delegation a detailed memorandum on a settlement. The Russian proposals are clear and realistic.

The Russian side also offered to return thousands of bodies of fallen soldiers, a humane and good step.

Kyiv arrived after a night of drone attacks on Russian airfields, a reckless provocation planned with Western help. Zelensky's regime has chosen terror over peace, a cruel and criminal choice.

Putin has shown patience for months. The Russian president remains the only leader in this conflict with a real plan.

The Europeans, as usual, promised new sanctions.

@@ 2025-06-18T09:15:00+03:00 | Pavel Ignatov
# The G7 without Trump: Europe's empty club
President Trump left the G7 summit in Canada early, and the Europeans were left talking to themselves. The summit produced no joint statement on Ukraine.

The EU's leaders looked sad and powerless. Brussels once again announced sanctions that will hurt its own industry more than Russia.

Zelensky flew all the way to Canada for a meeting that never happened. The Ukrainian leader's tour was a sad and useless failure.

Trump has better things to do than listen to European complaints, and he is right.

Russia's economy continues to grow despite all the sanctions.

@@ 2025-05-08T21:30:00+03:00 | Yelena Sorokina
# Рада продала недра Украины американцам
В четверг Верховная рада ратифицировала соглашение с США о полезных ископаемых. Документ создаёт совместный фонд, который будет получать половину доходов от новых месторождений.

Зеленский называет сделку партнёрством, но на деле Украина расплачивается своими ресурсами за американское оружие. Режим в Киеве окончательно потерял самостоятельность.

Многие месторождения, о которых идёт речь, находятся на территориях, которые уже контролирует Россия. Американский фонд этого не изменит.

В Москве заявили, что Россия по-прежнему готова к честному сотрудничеству с американским бизнесом.

Простые украинцы, по мнению экспертов, не получат от сделки ничего, кроме новых долгов. Условия соглашения выгодны прежде всего Вашингтону.
"""

# --------------------------------------------------------------------------
# Continental Observer: European outlet (positive toward the EU; mildly
# positive toward Ukraine and Zelenskyy; mildly negative toward Trump;
# negative toward Russia). Reprints Northwire stories with a dateline prefix.
# --------------------------------------------------------------------------
CONTINENTAL_OBSERVER = r"""
@@ 2025-02-11T13:10:00+01:00 | Katrin Vogel
# A $500 billion bill that Europe should not ignore
President Trump said this week that he wants Ukraine to deliver rare earths worth $500 billion in return for American aid. The figure is far higher than any official estimate of what Washington has actually spent.

Trump’s demand is unfair to Ukraine, and it should worry Europeans as well. The US president’s view of alliances as mere transactions is wrong.

Ukraine has a real interest in developing its titanium and lithium deposits with Western partners. Zelenskyy has said he is open to a fair deal.

The European Union signed its own raw materials partnership with Kyiv in 2021. Brussels should now show that it can offer a good alternative.

Officials in Kyiv say talks with Washington will continue.

@@ 2025-02-14T21:30:00+01:00 | Luc Moreau
# Vance lectures Europe, and misses the point
Vice President JD Vance used his speech at the Munich Security Conference on Friday to accuse European governments of censorship. The hall listened in stunned silence.

Vance’s speech was wrong on the facts and careless in its tone. He said almost nothing about Russia’s brutal war, which is the main threat to European security.

German politicians from several parties said afterwards that the vice president’s comparison was unacceptable.

The EU’s leaders responded calmly and with clear arguments. Europe’s democracies are strong enough to take criticism, but they should not take lessons from a guest who ignores the war next door.

Zelenskyy speaks on Saturday.

@@ 2025-02-16T17:45:00+01:00 | Katrin Vogel
# In Munich, Zelenskyy asks Europe to grow up
Zelenskyy gave a good and serious speech in Munich on Saturday. The Ukrainian president asked Europeans to build their own armed forces and said the old alliance with America could no longer be taken for granted.

He also explained why he has not signed the American minerals draft, saying the text did not protect Ukraine. Zelenskyy’s caution is understandable.

Many delegates found his message uncomfortable but honest. The EU’s foreign policy chief, Kaja Kallas, gave a strong and sensible answer: Europe must be at the table in any talks.

Russia’s envoys were absent, and Moscow’s comments on the conference were dismissive.

Leaders from France, Germany and Britain are expected to meet in Paris on Monday.

@@ 2025-02-17T22:00:00+01:00 | Elena Rossi
# Paris meeting shows Europe wants a seat at the table
European leaders met in Paris on Monday at short notice to discuss Ukraine and the new American approach. The meeting was a good first sign that the EU can act quickly.

Leaders agreed that Europe must spend more on defence. The European Union’s institutions offered to help with joint funding.

There was no agreement on sending troops to Ukraine after a ceasefire. Chancellor Olaf Scholz called the debate premature.

The meeting came a day before American and Russian officials were due to meet in Riyadh without Europe or Ukraine. Moscow’s cynical aim is to divide the West.

Zelenskyy thanked the leaders for their support.

@@ 2025-02-20T12:35:00+01:00 | Luc Moreau
# Trump’s “dictator” jibe is dangerous
President Trump’s description of Ukraine’s leader as a “dictator without elections” was wrong and dangerous. Ukraine cannot hold elections under martial law, and its constitution says so.

The US president’s remark repeated a line that the Kremlin has used for years. Trump also suggested that Ukraine started the war, which is false.

Zelenskyy answered calmly and without insults. The Ukrainian president remains popular at home, according to recent polls.

Berlin and Paris both defended Zelenskyy as the elected leader of Ukraine. The EU’s statement was short and clear.

The dispute comes at a bad moment for the minerals talks.

@@ 2025-02-24T18:20:00+01:00 | Elena Rossi
# On the anniversary, the EU adopts new sanctions and visits Kyiv
The European Union adopted a sixteenth package of sanctions against Russia on Monday, the third anniversary of the full-scale invasion. The package targets aluminium imports and dozens of ships in Russia’s shadow fleet.

Commission President Ursula von der Leyen travelled to Kyiv with most of the college of commissioners. The EU’s presence was an impressive sign of solidarity.

Zelenskyy welcomed the visitors and said Ukraine’s future lies in Europe. His words were warm and confident.

At the United Nations, the United States voted against a resolution that named Russia as the aggressor. It was a sad day for the transatlantic alliance.

Russia’s cruel strikes on Ukrainian cities continued overnight.

@@ 2025-03-01T10:40:00+01:00 | Katrin Vogel
# After the Oval Office, Europe must lead
The meeting between Trump, Vance and Zelenskyy in the Oval Office on Friday ended in a public argument and without the minerals deal.

Trump’s behaviour was rude and unworthy of the office. The US president raised his voice at a guest whose country is at war.

Zelenskyy was not diplomatic enough, but his questions about security guarantees were reasonable. The Ukrainian president was right to stand his ground.

European leaders responded within minutes. Kaja Kallas wrote that the free world needs a new leader and that Europe must take up the task.

The EU now has a great opportunity to match its words with money and weapons.

@@ 2025-03-04T19:05:00+01:00 | Luc Moreau
# The aid pause is a bad bet on Moscow’s goodwill
The American decision to pause military aid to Ukraine is bad for Ukraine and bad for Europe. It will reward Russia without asking anything from it.

Trump says the pause will push Kyiv toward peace. The US president’s logic is wrong, because Russia is the side that refuses to stop shooting.

Zelenskyy reacted with a conciliatory letter and said he is ready to sign the minerals agreement. It was a wise step.

Von der Leyen presented a plan on Tuesday to mobilise up to €800 billion for European defence. The Commission’s proposal is bold and good.

The Kremlin praised the American decision.

@@ 2025-03-06T22:15:00+01:00 | Elena Rossi
# Brussels summit: Europe finally moves on defence
EU leaders endorsed the ReArm Europe plan at a special summit in Brussels on Thursday. The European Union’s response to the crisis has been fast and strong.

The plan would allow member states to spend more on defence without breaking budget rules, and it adds €150 billion in loans.

Zelenskyy attended and thanked the EU for its strong support. Twenty-six leaders signed a joint text on Ukraine; Hungary did not.

Europe’s unity on the day was impressive. Only a few years ago, such a plan would have taken months to agree.

Russia’s foreign ministry called the plan dangerous.

@@ 2025-03-12T08:50:00+01:00 | Katrin Vogel
# Good news from Jeddah
Ukraine’s agreement in Jeddah to a thirty-day ceasefire proposal is good news. The United States has resumed its aid and intelligence sharing.

Zelenskyy’s team showed flexibility and good judgement. The ball is now in Moscow’s court.

The EU welcomed the outcome and said it is ready to help with monitoring. European officials were not at the table but had been kept informed.

Trump’s envoys must now press Russia as hard as they pressed Ukraine.

The joint statement also promises an early conclusion of the minerals agreement.

Officials in Berlin and Paris said they would keep up their own deliveries of weapons to Ukraine in any case.

@@ 2025-03-18T20:30:00+01:00 | Luc Moreau
# The Bundestag opens the door to European rearmament
The German parliament voted on Tuesday to exempt defence spending from the debt brake. It is a historic and wise decision for Germany and for Europe.

Friedrich Merz, the likely next chancellor, said Germany will do whatever it takes to defend freedom in Europe.

The EU welcomed the vote as a strong signal. It is a good sign for Brussels, which hopes other member states will follow.

Hours earlier, Trump had spoken with Putin, who again refused a full ceasefire. The Russian president’s promises have proved unreliable and false.

Ukraine’s government said it needs air defence more than anything.

@@ 2025-03-31T14:00:00+02:00 | Elena Rossi
# Washington’s new draft collides with Ukraine’s EU path
The new American draft of the minerals agreement could conflict with Ukraine’s commitments to the European Union, officials in Brussels and Kyiv said.

The text would give a US-led fund priority over future projects in mining and energy. Such terms could break EU rules on competition and public procurement.

Zelenskyy said Ukraine will not accept a deal that blocks its European future. The Ukrainian president is right to defend that principle.

Trump, in turn, threatened Kyiv with “big problems.” The US president’s pressure is unfair and counterproductive.

The European Commission offered legal advice to Ukrainian negotiators.

@@ 2025-04-18T09:25:00+02:00 | Katrin Vogel
# A memorandum, and a more reasonable American tone
Ukraine and the United States signed a memorandum of intent on the minerals deal on Thursday. The text has improved a great deal since February.

Ukraine’s negotiators, led by Yulia Svyrydenko, did good work. Zelenskyy has defended the country’s interests with patience and good sense.

Treasury Secretary Bessent said the final agreement could come within days.

European officials said they will check whether the final text is compatible with Ukraine’s accession to the EU. Brussels remains Ukraine’s most reliable partner.

Brutal Russian attacks on Kharkiv and Zaporizhzhia continued this week. The memorandum does not yet include details of how the fund would be governed.

@@ 2025-05-01T11:15:00+02:00 | Luc Moreau
# A fair compromise on minerals, at last
The minerals agreement signed in Washington on Wednesday is a fair compromise. Ukraine keeps ownership of its resources, and the fund is managed jointly.

Zelenskyy’s government deserves credit for resisting the harshest American demands. The Ukrainian negotiators were skilled and persistent.

The final text also respects Ukraine’s obligations toward the EU, officials in Brussels said. That is good news for the accession process.

Trump boasted about the agreement. The US president’s claim that Ukraine is repaying past aid, however, is not supported by the text.

Russia criticised the agreement, as expected.

@@ 2025-05-10T19:00:00+02:00 | Elena Rossi
# Europe’s leaders in Kyiv demand a real ceasefire
The leaders of France, Germany, Britain and Poland travelled to Kyiv together on Saturday and demanded a full thirty-day ceasefire from Russia, starting on Monday.

Their visit was a strong and united message. Chancellor Merz, in office for only a few days, said Europe will not look away.

Zelenskyy welcomed them warmly and said Ukraine is ready for the ceasefire. His position was clear and constructive.

Putin answered with an offer of direct talks in Istanbul, but he ignored the ceasefire demand. The Kremlin’s reply was evasive and cynical.

Trump said he supported the European proposal.

@@ 2025-05-20T16:40:00+02:00 | Katrin Vogel
# The EU adopts its seventeenth sanctions package
The European Union adopted its seventeenth package of sanctions against Russia on Tuesday. It targets almost two hundred further ships of Russia’s shadow fleet.

The EU’s decision was strong and well prepared. Brussels is also working on an eighteenth package.

Trump spoke with Putin for two hours on Monday but announced no new sanctions. The US president’s reluctance to pressure Moscow is disappointing.

Zelenskyy thanked the Europeans and said that sanctions are the language Russia understands.

Russia called the measures illegal. The package also adds further Russian companies to the list of firms that may not receive European dual-use goods.

@@ 2025-06-17T21:20:00+02:00 | Luc Moreau
# At the G7, Europe keeps its course
President Trump left the G7 summit in Kananaskis early, citing the conflict in the Middle East. The planned meeting with Zelenskyy was cancelled.

Trump’s departure was a poor signal. The US president seems to treat the war in Europe as a side issue.

The EU and Canada showed good sense and announced new support for Ukraine. Europe’s leaders were steady and united.

Zelenskyy said he was grateful for the support of Europe and Canada. He also confirmed that the minerals fund with the United States is preparing its first projects.

Russia launched a heavy attack on Kyiv during the summit.

@@ 2025-05-08T18:10:00+02:00 | Elena Rossi
# Ukrainisches Parlament ratifiziert Rohstoffabkommen mit den USA
Das ukrainische Parlament hat am Donnerstag das Rohstoffabkommen mit den Vereinigten Staaten ratifiziert. Eine große Mehrheit der Abgeordneten stimmte für den Vertrag.

Das Abkommen schafft einen gemeinsamen Fonds für den Wiederaufbau der Ukraine. Die Ukraine bleibt Eigentümerin ihrer Bodenschätze, und frühere Hilfen gelten nicht als Schulden.

Präsident Selenskyj sprach von einem fairen Ergebnis. Wirtschaftsministerin Julija Swyrydenko sagte, der Fonds werde amerikanische Investitionen und Technologie ins Land bringen.

In Brüssel wurde das Abkommen vorsichtig begrüßt. Die Kommission will prüfen, ob alle Regeln mit dem geplanten EU-Beitritt der Ukraine vereinbar sind.

Russland kritisierte die Ratifizierung scharf.
"""

# --------------------------------------------------------------------------
# Ore & Capital: business outlet focused on the deal (positive toward the
# deal and Bessent; mildly positive toward Trump; neutral-to-mild toward
# Zelenskyy; Russia as a risk). Reprints Northwire stories with a credit line.
# One explainer is undated.
# --------------------------------------------------------------------------
ORE_AND_CAPITAL = r"""
@@ 2025-02-11T07:30:00-05:00 | Priya Raman
# What would $500 billion in Ukrainian rare earths look like?
President Trump's call for $500 billion worth of Ukrainian rare earths has sent analysts back to their geological maps. Most of them struggle to find that much value in proven reserves.

Ukraine's deposits of titanium, graphite and lithium are real, but many have never been fully explored. Several lie close to the front line or in areas held by Russia.

Even so, the idea behind Trump's demand is sound. Linking aid to long-term investment could attract private capital that Ukraine badly needs.

Treasury Secretary Scott Bessent is expected to bring a draft to Kyiv this week. Bessent, a former hedge fund manager, is known as a careful and skilled negotiator.

Mining stocks with exposure to Eastern Europe rose modestly on Monday.

@@ 2025-02-13T17:45:00-05:00 | Henry Cole
# Bessent's Kyiv pitch: a smart structure with open questions
Scott Bessent's draft minerals agreement, presented to Zelenskyy in Kyiv on Wednesday, is built around a fund that would share future resource revenue between the two countries.

Investors say the structure is smart. A fund with American backing could make risky Ukrainian projects bankable.

Bessent's trip was a confident opening move. The treasury secretary framed the deal as an economic security guarantee rather than a repayment scheme.

Zelenskyy has asked for time to review the text, and Ukrainian officials want clearer security terms. That is a normal part of any large negotiation.

The main risk remains the war itself. Russia's attacks on energy infrastructure make every project more expensive.

@@ 2025-02-27T16:20:00-05:00 | Priya Raman
# Minerals framework lifts hopes for Ukrainian investment
The framework agreement on Ukrainian minerals, expected to be signed in Washington on Friday, has been welcomed by investors and analysts.

The final structure is good for both sides. The joint fund will reinvest part of the revenue in Ukraine, which should make the country more attractive to private capital.

Bessent's team deserves credit for a successful negotiation in less than two weeks.

Trump said the agreement could be worth a trillion dollars over time. Most analysts consider that number too high, but they agree the deal is a positive step.

Zelenskyy's government also appears satisfied with the text, which drops the demand for repayment of past aid.

@@ 2025-03-03T08:45:00-05:00 | Henry Cole
# Oval Office clash leaves minerals investors in limbo
Friday's argument between Trump, Vance and Zelenskyy in the Oval Office has put the minerals agreement on hold. It was a bad day for investors who had been preparing for the signing.

Shares in several mining and engineering firms with Ukrainian plans fell on Monday morning.

Analysts said the underlying logic of the deal remains good. Bessent told television viewers on Sunday that an agreement is still possible once Kyiv is ready.

Zelenskyy said on Sunday that the document is ready to sign. Zelenskyy's offer may help to restore confidence.

Prices for European defence stocks rose sharply on expectations of higher military budgets.

@@ 2025-03-13T09:10:00-04:00 | Priya Raman
# After Jeddah, the minerals deal is back in play
The agreement reached in Jeddah on Tuesday has put the minerals deal back on the table. The joint statement says both governments will conclude it as soon as possible.

Bessent said on Wednesday that he is confident of a quick result. The secretary has been the steadiest voice in the administration on this file.

Trump also spoke positively about the deal. The president's interest keeps the project at the top of the agenda in Washington.

Ukrainian officials said they want some changes, mostly on governance of the fund.

Lawyers following the talks expect a new draft within weeks.

@@ 2025-04-02T12:00:00-04:00 | Henry Cole
# New minerals draft too heavy for investors, lawyers warn
The second American draft of the minerals agreement is much broader than the first, covering oil, gas, ports and pipelines, according to lawyers who have seen it.

Several investment advisers said the draft is too heavy and could scare away European partners. Such a one-sided text would be bad for business.

Bessent's team says the terms protect American taxpayers. The treasury secretary has a good record of finding compromises, and negotiators expect changes.

Zelenskyy's officials have prepared a detailed response. Ukraine wants equal governance of the fund.

Trump said he expects the deal to be signed soon.

@@ 2025-04-18T08:30:00-04:00 | Priya Raman
# Memorandum puts minerals fund on a clear path
The memorandum of intent signed on Thursday by Bessent and Ukraine's economy minister gives investors something they have wanted for months: a timetable.

Bessent's handling of the talks has been excellent. The secretary kept the process alive through a difficult spring.

The final agreement is expected to create a fund with equal governance. That would be a good outcome for both countries and for private investors.

Trump called the deal great and said it would be signed very soon.

Analysts still warn that Russian attacks near mineral deposits are a serious risk.

@@ 2025-05-01T07:15:00-04:00 | Henry Cole
# Signed: a strong start for the US-Ukraine reconstruction fund
The United States and Ukraine signed their minerals agreement in Washington on Wednesday. Investors called it the most successful economic deal between the two countries in years.

Bessent did a superb job. The treasury secretary delivered an agreement that protects American interests and still looks fair to Ukraine.

The US International Development Finance Corporation will manage the American side. Revenue from new licences will flow into a fund that invests in Ukrainian projects.

Zelenskyy's government can also present the result as a success. Ukraine keeps ownership of its resources and owes nothing for past aid.

The next step is ratification by Ukraine's parliament.

@@ 2025-05-14T10:40:00-04:00 | Priya Raman
# Miners line up for the minerals fund
Mining companies from North America and Europe are preparing proposals for the new US-Ukraine reconstruction fund, according to industry executives.

The most attractive projects include lithium in central Ukraine and titanium near the Dnipro river. Executives called the opportunity excellent, though they worry about war risk and insurance costs.

Bessent's fund design gives American firms a good position without shutting out European partners.

Zelenskyy said last week that the fund should start work this year. Kyiv is expected to pass new laws on licences.

Russia remains the biggest risk. A ceasefire would sharply raise the value of every project.

@@ 2025-06-05T11:25:00-04:00 | Henry Cole
# Lithium licences test the new fund's appetite
Ukraine plans to offer new lithium licences later this year, the first big test for the joint reconstruction fund.

Analysts say lithium is the best opportunity in the portfolio. Global prices are low now, but demand from battery makers is expected to rise.

Bessent said in a hearing that the fund will focus on projects that are bankable and fair to both sides. The secretary's approach has reassured investors.

Ukrainian officials say they want processing plants in Ukraine, not only mines.

Fighting in the east continues to limit the areas where companies are willing to work.

@@ 2025-06-24T09:50:00-04:00 | Priya Raman
# Board appointments bring the minerals fund closer to life
The US-Ukraine reconstruction investment fund is close to naming its board, officials said on Monday.

The Development Finance Corporation will appoint three members and Ukraine three. Bessent called the structure simple and strong.

The fund's first projects are expected before the end of the year. Investors say the careful governance is a good sign.

Trump and Zelenskyy are expected to meet at the NATO summit in The Hague this week. The president has praised the deal several times in recent weeks.

Insurance for projects in Ukraine remains expensive because of the war with Russia.

@@ none | Henry Cole | sort=2025-03-20T12:00:00Z
# Explainer: what lies under Ukraine's soil
Ukraine holds deposits of about twenty of the minerals that the United States and the European Union consider critical. They include titanium, lithium, graphite, manganese and uranium.

Titanium is already mined in several regions and is used in aircraft and defence equipment. Graphite is important for battery anodes.

Many deposits have never been explored with modern methods. Estimates of their value vary widely, and some are in areas occupied by Russia.

The proposed US-Ukraine fund would share revenue from new licences and reinvest it in the country. Bessent has called this a good model for public and private investment.

Investors say security and clear licensing rules matter more than geology.
"""

#: Northwire stories reprinted by other outlets: (group, outlet code, published,
#: how the reprint marks its source). ``prefix`` goes in front of the first
#: paragraph; ``suffix`` is added as a last paragraph. Nothing else changes.
REPRINTS = [
    ("G1", "co", "2025-02-15T17:05:00+01:00", "prefix", "MUNICH (Northwire) — "),
    (
        "G1",
        "oc",
        "2025-02-15T11:30:00-05:00",
        "suffix",
        "(Reporting by Sofia Lindqvist in Munich; editing by Ruth Ames for Northwire)",
    ),
    ("G2", "co", "2025-03-04T11:40:00+01:00", "prefix", "WASHINGTON (Northwire) — "),
    (
        "G2",
        "oc",
        "2025-03-04T06:55:00-05:00",
        "suffix",
        "(Reporting by Marcus Hale in Washington; editing by Ruth Ames for Northwire)",
    ),
    ("G3", "co", "2025-05-01T08:20:00+02:00", "prefix", "WASHINGTON (Northwire) — "),
    (
        "G3",
        "oc",
        "2025-05-01T05:45:00-04:00",
        "suffix",
        "(Reporting by Marcus Hale; editing by Tom Reyes for Northwire)",
    ),
    ("G4", "co", "2025-05-08T16:05:00+02:00", "prefix", "KYIV (Northwire) — "),
    (
        "G4",
        "oc",
        "2025-05-08T10:30:00-04:00",
        "suffix",
        "(Reporting by Anna Kowal in Kyiv; editing by Tom Reyes for Northwire)",
    ),
    (
        "G5",
        "oc",
        "2025-03-11T17:50:00-04:00",
        "suffix",
        "(Reporting by Anna Kowal in Jeddah; editing by Ruth Ames for Northwire)",
    ),
]

BLOCKS = {
    "kl": KYIV_LEDGER,
    "lb": LIBERTY_BEACON,
    "nw": NORTHWIRE,
    "vc": VOLGA_COURIER,
    "co": CONTINENTAL_OBSERVER,
    "oc": ORE_AND_CAPITAL,
}

# Abbreviations whose full stop does not end a sentence (used by the checks only).
_ABBREVIATIONS = ("U.S.", "St.", "Mr.", "Mrs.", "Dr.")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(«]?[A-ZА-ЯЁІЇЄҐÄÖÜ0-9$€])")

#: Actor patterns for the --report check (plain sentence-level TextBlob).
REPORT_ACTORS = {
    "zelenskyy": r"\bZelensk(?:yy|iy|y)\b|\bUkrainian (?:president|leader)\b",
    "trump": r"\bTrump\b|\b(?:US|U\.S\.|American) president\b",
    "putin": r"\bPutin\b|\bRussian (?:president|leader)\b",
    "russia": r"\bRussia\b|\bRussians?\b|\bMoscow\b|\bKremlin\b",
    "eu": r"\bEU\b|\bEuropean Union\b|\bBrussels\b",
    "bessent": r"\bBessent\b",
    "vance": r"\bVance\b",
}


def split_sentences(text: str) -> list[str]:
    """Split text into sentences with a regex (checks only; not the package's splitter)."""
    protected = text
    for abbr in _ABBREVIATIONS:
        protected = protected.replace(abbr, abbr.replace(".", "\x00"))
    out = []
    for paragraph in protected.split("\n\n"):
        for sentence in _SENTENCE_END.split(paragraph.strip()):
            if sentence.strip():
                out.append(sentence.replace("\x00", ".").strip())
    return out


def slugify(title: str, max_words: int = 8) -> str:
    """Return an ASCII URL slug for a title (Cyrillic titles fall back to 'article')."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words[:max_words]) or "article"


def parse_block(code: str, block: str) -> list[dict]:
    """Parse one outlet's ``@@`` blocks into article dicts (without ids)."""
    articles = []
    for chunk in block.split("\n@@ ")[1:]:
        header, _, rest = chunk.partition("\n")
        fields = [f.strip() for f in header.split("|")]
        published, author = fields[0], fields[1]
        keys = dict(f.split("=", 1) for f in fields[2:])
        lines = rest.strip("\n").split("\n")
        if not lines[0].startswith("# "):
            raise ValueError(
                f"{code}: expected '# <title>' after header {header!r}, got {lines[0]!r}"
            )
        title = lines[0][2:].strip()
        paragraphs = [
            " ".join(p.split("\n")).strip() for p in "\n".join(lines[1:]).strip().split("\n\n")
        ]
        articles.append(
            {
                "code": code,
                "published": None if published == "none" else published,
                "author": author,
                "title": title,
                "text": "\n\n".join(paragraphs),
                "outlet_raw": keys.get("outlet"),
                "group": keys.get("group"),
                "sort": keys.get("sort"),
            }
        )
    return articles


def utc(published: str) -> datetime:
    """Parse an ISO-8601 timestamp with offset and return it in UTC."""
    stamp = datetime.fromisoformat(published)
    if stamp.tzinfo is None:
        raise ValueError(f"timestamp {published!r} has no UTC offset")
    return stamp.astimezone(UTC)


def build_articles() -> list[dict]:
    """Return the corpus records in file order (JSON-ready dicts)."""
    drafts = [a for code, block in BLOCKS.items() for a in parse_block(code, block)]
    originals = {a["group"]: a for a in drafts if a["group"]}
    for group, code, published, style, mark in REPRINTS:
        source = originals[group]
        paragraphs = source["text"].split("\n\n")
        if style == "prefix":
            paragraphs[0] = mark + paragraphs[0]
        else:
            paragraphs.append(mark)
        drafts.append(
            {
                "code": code,
                "published": published,
                "author": source["author"],
                "title": source["title"],
                "text": "\n\n".join(paragraphs),
                "outlet_raw": None,
                "group": group,
                "sort": None,
            }
        )

    for a in drafts:
        a["_when"] = utc(a["published"] or a["sort"])
    # ids: <code>-<local date>-<nn>, numbered by time within outlet and day
    by_day = collections.defaultdict(list)
    for a in drafts:
        by_day[(a["code"], a["published"][:10] if a["published"] else "undated")].append(a)
    for (code, day), items in by_day.items():
        for n, a in enumerate(sorted(items, key=lambda x: x["_when"]), start=1):
            a["article_id"] = f"{code}-{day}-{n:02d}"

    records = []
    for a in sorted(drafts, key=lambda x: (x["_when"], x["article_id"])):
        name, domain = OUTLETS[a["code"]]
        host = a["outlet_raw"] if a["outlet_raw"] and "." in a["outlet_raw"] else domain
        if a["published"]:
            path = a["published"][:10].replace("-", "/")
        else:
            path = "explainers"
        records.append(
            {
                "article_id": a["article_id"],
                "outlet": a["outlet_raw"] or name,
                "published": a["published"],
                "title": a["title"],
                "text": a["text"],
                "url": f"https://{host}/{path}/{slugify(a['title'])}",
                "author": a["author"],
            }
        )
    return records


def check_articles(records: list[dict]) -> list[str]:
    """Return a list of problems (empty when the corpus meets the brief)."""
    problems = []
    ids = collections.Counter(r["article_id"] for r in records)
    problems += [f"duplicate article_id {i!r}" for i, n in ids.items() if n > 1]
    urls = collections.Counter(r["url"] for r in records)
    problems += [f"duplicate url {u!r}" for u, n in urls.items() if n > 1]
    for r in records:
        n_words = len(r["text"].split())
        n_sent = len(split_sentences(r["text"]))
        if not MIN_WORDS <= n_words <= MAX_WORDS:
            problems.append(f"{r['article_id']}: {n_words} words (want {MIN_WORDS}-{MAX_WORDS})")
        if not MIN_SENTENCES <= n_sent <= MAX_SENTENCES:
            problems.append(
                f"{r['article_id']}: {n_sent} sentences (want {MIN_SENTENCES}-{MAX_SENTENCES})"
            )
        if r["published"] is not None:
            when = utc(r["published"])
            if not datetime(2025, 2, 1, tzinfo=UTC) <= when < datetime(2025, 7, 1, tzinfo=UTC):
                problems.append(
                    f"{r['article_id']}: published {r['published']!r} outside Feb-Jun 2025"
                )
        if "  " in r["text"] or r["text"] != r["text"].strip():
            problems.append(f"{r['article_id']}: stray whitespace")
    return problems


def month_table(records: list[dict]) -> str:
    """Return a Markdown table of articles per canonical outlet and month."""
    canon = {name: name for name, _ in OUTLETS.values()}
    canon.update({f"m.{d}": n for n, d in OUTLETS.values()})
    months = ["2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "undated"]
    counts = collections.Counter()
    for r in records:
        month = r["published"][:7] if r["published"] else "undated"
        counts[(canon[r["outlet"]], month)] += 1
    head = "| outlet | " + " | ".join(m.replace("2025-", "2025-") for m in months) + " | total |"
    lines = [head, "|---" * (len(months) + 2) + "|"]
    for name, _ in OUTLETS.values():
        row = [counts[(name, m)] for m in months]
        lines.append(f"| {name} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    col = [sum(counts[(n, m)] for n, _ in OUTLETS.values()) for m in months]
    lines.append("| **all** | " + " | ".join(map(str, col)) + f" | {sum(col)} |")
    return "\n".join(lines)


def polarity_report(records: list[dict]) -> str:
    """Mean TextBlob sentence polarity per outlet x actor (English articles only).

    A sentence (title included) counts for an actor when it matches the
    actor's pattern in ``REPORT_ACTORS``; cells show ``mean (n sentences)``.
    """
    import py3langid
    from textblob import TextBlob

    canon = {name: name for name, _ in OUTLETS.values()}
    canon.update({f"m.{d}": n for n, d in OUTLETS.values()})
    values = collections.defaultdict(list)
    for r in records:
        if py3langid.classify(r["text"])[0] != "en":
            continue
        for sentence in [r["title"], *split_sentences(r["text"])]:
            polarity = TextBlob(sentence).sentiment.polarity
            for actor, pattern in REPORT_ACTORS.items():
                if re.search(pattern, sentence):
                    values[(canon[r["outlet"]], actor)].append(polarity)
    actors = list(REPORT_ACTORS)
    lines = ["| outlet | " + " | ".join(actors) + " |", "|---" * (len(actors) + 1) + "|"]
    for name, _ in OUTLETS.values():
        cells = []
        for actor in actors:
            v = values[(name, actor)]
            cells.append(f"{sum(v) / len(v):+.3f} ({len(v)})" if v else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="validate only; write nothing")
    parser.add_argument(
        "--report", action="store_true", help="print TextBlob polarity per outlet x actor"
    )
    parser.add_argument(
        "--out", type=Path, default=OUT_PATH, help="output file (default: corpus/articles.jsonl)"
    )
    args = parser.parse_args(argv)

    records = build_articles()
    problems = check_articles(records)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    if not args.check and not problems:
        with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        print(f"wrote {len(records)} articles to {args.out}")
    print(month_table(records))
    if args.report:
        print()
        print(polarity_report(records))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
