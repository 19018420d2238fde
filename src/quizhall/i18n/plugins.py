"""Messages of ``quizhall plugins``."""

MESSAGES = {
    "plugins.help": ("列出已加载的插件、版本和实现的钩子",
                     "list loaded plugins, their versions and the hooks they implement"),
    "plugins.all_help": ("同时列出内置插件", "include the built-in plugins"),
    "plugins.json_help": ("以 JSON 输出", "print as JSON"),
    "plugins.plugin_help": ("另外加载一个插件文件（可重复；比赛文件的 plugins: 列出它才会启用）",
                            "also load a plugin file (repeatable; a contest uses it when its "
                            "plugins: list names it)"),
    "plugins.none": ("没有安装第三方插件（--all 显示内置插件）",
                     "no third-party plugins installed (--all shows the built-in ones)"),
    "plugins.skipped": ("{name}  （已安装，QUIZHALL_LOAD_PLUGINS 不允许加载）",
                        "{name}  (installed, kept out by QUIZHALL_LOAD_PLUGINS)"),
    "plugins.origin_builtin": ("内置", "built-in"),
    "plugins.origin_entry_point": ("已安装的包", "installed package"),
    "plugins.origin_file": ("插件文件", "plugin file"),
    "plugins.origin_registered": ("程序注册", "registered in code"),
    "plugins.hooks": ("钩子：{hooks}", "hooks: {hooks}"),
    "plugins.settings": ("设置（默认值）：{settings}", "settings (defaults): {settings}"),
    "plugins.registered_twice": ("{name} 已注册过，插件 {plugin} 的同名注册被忽略",
                                 "{name} is already registered; the one from {plugin} is "
                                 "ignored"),
    "plugins.failed": ("插件 {name}（{origin}）加载失败：{error}",
                       "plugin {name} ({origin}) failed to load: {error}"),
}
