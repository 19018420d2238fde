"""Messages of ``quizhall rehearse``."""

MESSAGES = {
    "rehearse.help": ("用命令脚本预演一场比赛（不需要屏幕）",
                      "dry-run a contest from a script of host commands (no screen)"),
    "rehearse.contest_help": ("竞赛文件", "the contest file"),
    "rehearse.commands_help": ("命令脚本：每行一条命令，# 开始注释",
                               "command script: one command per line, # starts a comment"),
    "rehearse.json_help": ("以 JSON 输出最终状态", "print the final state as JSON"),
    "rehearse.resume_help": ("继续一场中断的预演（比赛编号）",
                             "continue a stopped rehearsal (contest id)"),
    "rehearse.bad_wait": ("用法：wait 秒数（0 到 {limit}）", "usage: wait SECONDS (0 to {limit})"),
    "rehearse.refused": ("第 {line} 行：{command}：{reason}", "line {line}: {command}: {reason}"),
    "rehearse.other_contest": ("比赛 {id} 不是由 {path} 开始的（它来自 {source}）：请用开始它的竞赛文件继续",
                               "contest {id} was not started from {path} (it came from "
                               "{source}): resume it with the contest file that started it"),
    "rehearse.contest_id": ("比赛编号：{id}", "contest id: {id}"),
    "rehearse.no_commands": ("无法读取命令脚本：{reason}", "cannot read the command script: "
                             "{reason}"),
    "rehearse.contest_errors": ("竞赛文件有错误，无法预演", "the contest file has errors: "
                                "nothing was rehearsed"),
    "rehearse.round": ("第 {number} 轮（{title}）第 {question} 题",
                       "round {number} ({title}), question {question}"),
    "rehearse.round_start": ("第 {number} 轮（{title}），尚未出题",
                             "round {number} ({title}), before its first question"),
    "rehearse.not_started": ("尚未开始第一轮", "no round started yet"),
    "rehearse.finished": ("比赛已结束", "the contest is over"),
    "rehearse.events": ("共 {count} 个事件", "{count:n/event/events}"),
    "rehearse.standing": ("{rank}. {name}  {score}", "{rank}. {name}  {score}"),
    "rehearse.warning": ("警告：{message}", "warning: {message}"),
}
