"""Benchmarks of the screening engine: quality and speed, runnable in CI.

``python -m benchmarks [--quick] [--out DIR]`` runs every part and gates the result on
``benchmarks/floors.json``. The modules, in reading order:

- ``data``       where the shared evaluation set lives, and how to read and subsample it
- ``timing``     stopwatch, percentiles, pinning to one core
- ``metrics``    the official scorer (``../shared/eval/score.py``) and a local twin of it
- ``systems``    the two systems compared: the engine (through its public API) and
                 ``baseline``, a brute-force Jaro-Winkler over every list name
- ``runner``     screens a query set with a system, timing each call
- ``compare``    several systems on one query set, scored side by side
- ``workbench``  the dev list and both systems built over it, once per run
- ``quality``    recall at a fixed false-alert rate on the dev set
- ``aliases``    the same on the second dev set (held-out aliases, OCR reads)
- ``halves``     both dev sets scored again on two halves split by entity
- ``romanize``, ``vocabulary``, ``synthetic``
                 a self-contained Cyrillic quality set generated from a seed
- ``world_romanize``, ``world_arabic``, ``world``
                 a self-contained world-names set (Korean, Chinese, Arabic, Persian, Russian,
                 Greek, Hindi, Spanish) in several romanisations and native scripts
- ``speed``, ``memory``
                 build time, latency and memory against the baseline
- ``retrieval``  what candidate retrieval loses compared with scoring every list entity,
                 on samples of both dev sets
- ``gate``       the floors of ``floors.json``
- ``plot``, ``report``
                 the recall-vs-alert chart and ``report.json`` / ``report.md``
"""
