"""quizhall's built-in contest rules, written as ordinary plugins through the public hooks.

Each module here ends in ``@hookimpl`` functions and is listed in
:data:`quizhall.plugins.DEFAULT_PLUGINS`: round types (required, buzz, risk, tiebreak, speed,
gate, last_standing, designated, board, judges), the default scoring and the default team
modes. The pieces the round types share are the public toolkit :mod:`quizhall.roundkit`,
which plugin round types use too.
"""
