"""The "AI ETL" web menu: FAB pages (views), JSON endpoints (api), permissions, texts, audit log.

``service`` is the only module that talks to the assistant; the others add HTTP around it.
"""
