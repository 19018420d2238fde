"""``quizhall demo``: show the product on the sample banks shipped with quizhall."""

from __future__ import annotations

import argparse

from quizhall.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # no options yet


def run(args: argparse.Namespace) -> int:
    from quizhall.commands import check
    from quizhall.samples import sample_banks_dir

    print(t("demo.intro", path=sample_banks_dir()))
    return check.run(argparse.Namespace(paths=[str(sample_banks_dir())], json=False))
