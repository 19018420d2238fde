"""The contest widgets: each renders one part of a :class:`~quizhall.tui.stage_view.StageView`.

Import them from their modules (``quizhall.tui.widgets.scoreboard`` …): this package file
stays empty so that listing quizhall's modules never loads textual.
"""
