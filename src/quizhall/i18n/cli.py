"""Messages of the command line itself: program help, option help, usage errors."""

MESSAGES = {
    "cli.description": (
        "quizhall：知识竞赛、政策闯关与自测练习（终端应用）",
        "quizhall: live knowledge contests, policy quizzes and self-testing in the terminal",
    ),
    "cli.version_help": ("显示版本号并退出", "show the version and exit"),
    "cli.lang_help": ("界面语言：zh-CN 或 en", "interface language: zh-CN or en"),
    "cli.help_help": ("显示帮助并退出", "show this help and exit"),
    "cli.commands": ("命令", "commands"),
    "cli.usage": ("用法", "usage"),
    "cli.positional": ("参数", "arguments"),
    "cli.options": ("选项", "options"),
    "cli.error": ("{prog}：错误：{message}", "{prog}: error: {message}"),
    "cli.no_command": (
        "请给出一个命令，例如 quizhall demo；quizhall --help 列出全部命令",
        "give a command, for example quizhall demo; quizhall --help lists them all",
    ),
    "cli.interrupted": ("已中断", "interrupted"),
    "cli.data_dir_help": (
        "数据目录（默认为用户数据目录，也可用 QUIZHALL_DATA_DIR 设置）",
        "data directory (default: the user data directory, or QUIZHALL_DATA_DIR)",
    ),
    "cli.store_help": (
        "存储位置：postgresql://… 数据库地址（也可用 QUIZHALL_STORE 或配置文件设置；"
        "默认为数据目录）",
        "where to store: a postgresql://… database URL (or QUIZHALL_STORE, or the config "
        "file; default: the data directory)",
    ),
}
