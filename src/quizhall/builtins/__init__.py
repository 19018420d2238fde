"""quizhall's own behaviour, written as ordinary plugins through the public hooks.

Each module here ends in ``@hookimpl`` functions and is listed in
:data:`quizhall.plugins.DEFAULT_PLUGINS`: round types (required, buzz, risk, tiebreak, speed,
gate, last_standing, designated, board, judges), the default scoring and the default team
modes. :mod:`quizhall.builtins.answering` holds the pieces the built-in round types share;
plugin round types may use them too.
"""
