"""Matplotlib style sheets shipped with framing (data files; nothing runs on import).

>>> import matplotlib.pyplot as plt
>>> plt.style.use("framing.styles.paper")  # doctest: +SKIP
"""
