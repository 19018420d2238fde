"""``quizhall plugins [--all] [--json]``: list loaded plugins, their versions and hooks."""

from __future__ import annotations

import argparse
import json
import sys

from quizhall.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all", action="store_true", help=t("plugins.all_help"))
    parser.add_argument("--json", action="store_true", help=t("plugins.json_help"))
    parser.add_argument("--plugin", action="append", default=[], metavar="FILE.py",
                        help=t("plugins.plugin_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.plugins import describe, get_plugin_manager, load_plugin_file

    pm = get_plugin_manager()
    for path in args.plugin:
        load_plugin_file(path, pm)
    infos = [info for info in describe(pm) if args.all or info.origin != "builtin"]
    record = pm.record
    failures = list(record.failures)
    if args.json:
        json.dump({"plugins": [info.to_json() for info in infos],
                   "failed": [{"name": f.name, "origin": f.origin, "error": f.error}
                              for f in failures],
                   "warnings": list(dict.fromkeys(record.warnings)),
                   "skipped": list(record.skipped)},
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 1 if failures else 0
    if not infos and not failures and not record.skipped:
        print(t("plugins.none"))
    for info in infos:
        version = f" {info.version}" if info.version else ""
        print(f"{info.name}{version}  ({t('plugins.origin_' + info.origin.replace(' ', '_'))})")
        print("  " + t("plugins.hooks", hooks=", ".join(info.hooks) or "-"))
        if info.settings:
            print("  " + t("plugins.settings", settings=", ".join(
                f"{name}={json.dumps(default, ensure_ascii=False)}"
                for name, _, default in info.settings)))
    for name in record.skipped:
        print(t("plugins.skipped", name=name))
    for failure in failures:
        print(t("plugins.failed", name=failure.name, origin=failure.origin,
                error=failure.error), file=sys.stderr)
    for warning in dict.fromkeys(record.warnings):
        print(warning, file=sys.stderr)
    return 1 if failures else 0
