"""framing: actor-level sentiment and stance for media-framing research.

Load a corpus of news articles, find mentions of actors, score the sentiment
toward each actor per mention, and compare outlets and periods with bootstrap CIs.
"""

__version__ = "0.1.0"
