"""Campaigns (政策闯关活动): an organisation's campaign over banks, levels and papers.

The model (:mod:`.model`), the campaign file's loader (:mod:`.loader`) and how progress
counts (:mod:`.scoring`); the running totals live in the campaign store
(:mod:`quizhall.store.campaigns`). Pure Python, no Textual, time injected.
"""
