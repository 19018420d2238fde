"""The ``quizhall`` command: parse arguments and hand off to one module per subcommand.

Kept light on purpose: ``quizhall --version`` and ``--help`` import nothing but argparse and
the i18n catalogs. Each subcommand lives in ``quizhall.commands.<name>`` and imports what it
needs (textual, tinydb …) only when it runs.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from quizhall import __version__
from quizhall.i18n import set_language, t

# Subcommands in the order --help lists them.
COMMANDS = ("demo", "run", "display", "check", "rehearse", "results", "contests", "plugins",
            "repair", "sync", "practice", "review", "serve", "trainees", "campaign", "import",
            "export-bank", "export")

# argparse builds some sentences itself; these are the ones a user meets.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "无效的选项：%(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个参数",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
}


def _argparse_text(message: str) -> str:
    from quizhall.i18n import get_language

    if get_language() == "zh-CN":
        return _ARGPARSE_ZH.get(message, message)
    return message


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own messages follow the quizhall language."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, t("cli.error", prog=self.prog, message=message) + "\n")


# Subcommands whose module is not named like the command (``import`` is a keyword).
_MODULES = {"import": "import_bank", "export-bank": "export_bank"}


def command_module(name: str) -> str:
    """The module (under ``quizhall.commands``) and message area of the subcommand ``name``."""
    return _MODULES.get(name, name)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, subcommands included."""
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    parser = _Parser(prog="quizhall", description=t("cli.description"), add_help=False)
    parser.add_argument("-h", "--help", action="help", help=t("cli.help_help"))
    parser.add_argument(
        "--version", action="version", version=f"quizhall {__version__}", help=t("cli.version_help")
    )
    add_common_options(parser)
    sub = parser.add_subparsers(dest="command", title=t("cli.commands"), parser_class=_Parser)
    for name in COMMANDS:
        key = command_module(name)
        module = importlib.import_module(f"quizhall.commands.{key}")
        command = sub.add_parser(name, help=t(f"{key}.help"), add_help=False,
                                 description=t(f"{key}.help"))
        command.add_argument("-h", "--help", action="help", help=t("cli.help_help"))
        add_common_options(command, default=argparse.SUPPRESS)
        module.configure(command)
        command.set_defaults(_run=module.run)
    return parser


def add_common_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    """Options accepted both before and after the subcommand name."""
    parser.add_argument("--lang", choices=("zh-CN", "en"), default=default, help=t("cli.lang_help"))
    parser.add_argument("--data-dir", metavar="DIR", default=default, help=t("cli.data_dir_help"))
    parser.add_argument("--store", metavar="URL", default=default, help=t("cli.store_help"))


def _language_from_argv(argv: Sequence[str]) -> str | None:
    """The --lang value, if it is one argparse accepts (else argparse's error is in the
    language the environment chose)."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None:
            return value if value in ("zh-CN", "en") else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quizhall`` console script; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    # The language must be known before the help texts are built.
    set_language(_language_from_argv(args_list))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.data_dir:
        os.environ["QUIZHALL_DATA_DIR"] = args.data_dir
        if not args.store:  # a directory named on the command line beats one in the environment
            os.environ.pop("QUIZHALL_STORE", None)
    if args.store:  # the child processes (display, serve's practice apps) inherit it
        os.environ["QUIZHALL_STORE"] = args.store
    run = getattr(args, "_run", None)
    if run is None:
        parser.print_usage(sys.stderr)
        print(t("cli.no_command"), file=sys.stderr)
        return 2
    try:
        return int(run(args) or 0)
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
