"""Messages about contest files: fields, teams, keys, plugins, rounds and question draws."""

MESSAGES = {
    "contestfile.a_team": ("队伍", "a team"),
    "contestfile.team_key_hint": ("前 9 支队伍默认用按键 1–9 抢答，之后的队伍要写明 key:",
                                  "teams 1–9 buzz with keys 1–9 by default; from the tenth "
                                  "on, give each a key:"),
    "contestfile.is_a_bank": ("这是题库（有 questions:），不是竞赛文件",
                              "this is a question bank (it has questions:), not a contest file"),
    "contestfile.is_a_bank_hint": ("竞赛文件写明 title、banks、teams 和 rounds，"
                                   "在 banks: 中列出题库",
                                   "a contest file has title, banks, teams and rounds, and lists "
                                   "its banks under banks:"),
    "contestfile.a_round": ("一轮比赛", "a round"),
    "contestfile.audience_code": ("观众加入码 {code} 应为 4 到 8 位数字",
                                  "the audience join code {code} should be 4 to 8 digits"),
    "contestfile.floor_above_base": ("保底分 {floor} 高于基础分 {base}",
                                     "the floor {floor} is above the base score {base}"),
    "contestfile.prize_twice": ("名次 {rank} 重复", "rank {rank} is listed twice"),
    "contestfile.prize_beyond_teams": ("只有 {teams} 支队伍，名次 {rank} 之后不会有同分争议",
                                       "there are only {teams} teams: no tie can straddle "
                                       "rank {rank}"),
    "contestfile.team_name_number": ("队名 {name} 不能是纯数字（命令里数字表示队序）",
                                     "team name {name} cannot be a plain number (numbers "
                                     "name teams by position in commands)"),
    "contestfile.team_twice": ("队名 {name} 重复，第一次出现在第 {line} 行",
                               "team name {name} is used twice; first on line {line}"),
    "contestfile.team_key_twice": ("抢答键 {key} 重复，第一次出现在第 {line} 行",
                                   "buzzer key {key} is used twice; first on line {line}"),
    "contestfile.host_key_twice": ("主持键 {key} 同时用于 {action} 和 {other}",
                                   "host key {key} is used for both {action} and {other}"),
    "contestfile.team_key_host": ("{team} 的抢答键 {key} 与主持键 {action} 冲突",
                                  "{team}'s buzzer key {key} is the host key for {action}"),
    "contestfile.team_key_host_hint": ("换一个抢答键，或在 keys: 中改动主持键",
                                       "choose another buzzer key, or move the host key in "
                                       "keys:"),
    "contestfile.plugin_file_outside": (
        "插件文件 {path} 在比赛文件夹 {folder} 之外：比赛文件会运行它的代码，请确认它可信",
        "the plugin file {path} is outside the contest's folder {folder}: a contest file runs "
        "the code it names, so make sure you trust it"),
    "contestfile.plugin_file_missing": ("找不到插件文件 {path}", "plugin file {path} not found"),
    "contestfile.plugin_file_failed": ("插件文件 {path} 无法加载：{error}",
                                       "plugin file {path} cannot be loaded: {error}"),
    "contestfile.plugin_missing": ("插件 {name} 未安装", "plugin {name} is not installed"),
    "contestfile.plugin_missing_hint": ("用 pip 安装它，或用 quizhall plugins 查看已安装的插件",
                                        "install it with pip; quizhall plugins lists what is "
                                        "installed"),
    "contestfile.plugin_not_allowed": ("QUIZHALL_LOAD_PLUGINS 只允许加载：{allowed}",
                                       "QUIZHALL_LOAD_PLUGINS allows only: {allowed}"),
    "contestfile.plugin_kept_out": ("插件 {name} 已安装，但没有加载",
                                    "plugin {name} is installed but not loaded"),
    "contestfile.plugin_none_allowed": ("QUIZHALL_LOAD_PLUGINS 为空：不加载任何已安装的插件",
                                        "QUIZHALL_LOAD_PLUGINS is empty: no installed plugin "
                                        "loads"),
    "contestfile.plugin_setting": ("插件 {name}：{problem}", "plugin {name}: {problem}"),
    "contestfile.plugin_builtin": ("{name} 是内置插件，始终启用，无需列出",
                                   "{name} is built in and always on; no need to list it"),
    "contestfile.plugin_twice": ("插件 {name} 重复列出，第一次在第 {line} 行",
                                 "plugin {name} is listed twice; first on line {line}"),
    "contestfile.plugin_settings": ("插件 {name} 的设置", "the settings of plugin {name}"),
    "contestfile.plugin_unknown_setting": ("插件 {name} 没有设置项 {key}",
                                           "unknown setting {key} of plugin {name}"),
    "contestfile.plugin_settings_hint": ("可用的设置：{names}", "its settings: {names}"),
    "contestfile.plugin_settings_not_data": ("插件 {name} 的设置不是普通数据",
                                             "the settings of plugin {name} are not plain data"),
    "contestfile.bank_missing": ("找不到题库文件 {path}", "bank file {path} not found"),
    "contestfile.bank_empty": ("题库 {path} 没有可用的题目", "bank {path} holds no usable "
                               "questions"),
    "contestfile.bank_id_twice": ("题库编号 {id} 重复：{first} 和 {second}",
                                  "bank id {id} is used by both {first} and {second}"),
    "contestfile.tiebreak_twice": ("加赛只能有一轮，第一轮在第 {line} 行",
                                   "only one tie-break round is allowed; the first is on "
                                   "line {line}"),
    "contestfile.tiebreak_not_last": ("加赛必须是最后一轮", "the tie-break must be the last "
                                      "round"),
    "contestfile.unknown_round_type": ("未知的题型 {type}", "unknown round type {type}"),
    "contestfile.round_types_hint": ("可用题型：{types}", "round types: {types}"),
    "contestfile.round_type_unchecked": (
        "题型 {type} 未知；它可能来自插件文件 {files}，check 不会运行插件文件",
        "round type {type} is unknown; it may come from plugin file {files}, which check "
        "does not run"),
    "contestfile.bad_choice": ("{name} 不能是 {value}，可选：{choices}",
                               "{name} cannot be {value}; choose {choices}"),
    "contestfile.values_repeat": ("{name} 中有重复的值", "{name} repeats a value"),
    "contestfile.unknown_tag": ("题库中没有题目带标签 {tag}", "no question in the banks has "
                                "tag {tag}"),
    "contestfile.unknown_level": ("题库中没有关卡 {level}", "the banks have no level {level}"),
    "contestfile.unknown_id": ("题库中没有题目 {id}", "the banks have no question {id}"),
    "contestfile.ambiguous_id": ("题目编号 {id} 在多个题库中出现（{keys}），请写成 题库编号/题目编号",
                                 "question id {id} is in several banks ({keys}): write "
                                 "bank-id/question-id"),
    "contestfile.not_enough_questions": (
        "第 {round} 轮（{title}）需要 {wanted} 道题，只剩 {found} 道：符合条件的 {matched} 道中"
        "有 {taken} 道已被前面的轮次使用",
        "round {round} ({title}) needs {wanted:n/question/questions} but only "
        "{found:n/is/are} left: {matched} match, {taken} of them taken by earlier rounds"),
    "contestfile.not_enough_hint": ("减少 count、放宽条件，或往题库里加题",
                                    "lower count, widen the filters, or add questions"),
}
