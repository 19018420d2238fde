"""Print a pip constraints file pinning each runtime dependency to its declared lower bound.

`.ci/run` installs quizhall with these constraints and runs the fast part of the suite, so the
lower bounds in pyproject.toml are versions that were tried. A dependency without a `>=` bound
is an error: every range must say the oldest release it supports.
"""

import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
missing = []
for requirement in project["project"]["dependencies"]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*>=\s*([^,;\s]+).*", requirement)
    if match is None:
        missing.append(requirement)
    else:
        print(f"{match[1]}=={match[2]}")
if missing:
    sys.exit(f"no lower bound (>=) in: {', '.join(missing)}")
