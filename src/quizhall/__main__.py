"""Run the command line as ``python -m quizhall``."""

from quizhall.cli import main

raise SystemExit(main())
