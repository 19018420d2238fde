"""Messages of ``quizhall sync``."""

MESSAGES = {
    "sync.help": ("把本机的一场比赛推送到单位的 PostgreSQL 数据库（重复推送不会改变任何内容）",
                  "push a contest from this machine to the organisation's PostgreSQL database "
                  "(pushing again changes nothing)"),
    "sync.id_help": ("比赛编号（quizhall contests 列出全部比赛）",
                     "the contest id (quizhall contests lists them)"),
    "sync.no_database": (
        "sync 需要目标数据库：--store postgresql://…（或 QUIZHALL_STORE、配置文件）",
        "sync needs the database to push to: --store postgresql://… (or QUIZHALL_STORE, or "
        "the config file)",
    ),
    "sync.pushed": ("比赛 {id}：已推送 {added} 个事件到 {url}（数据库中已有 {here} 个）",
                    "contest {id}: pushed {added} events to {url} ({here} were already there)"),
    "sync.up_to_date": ("比赛 {id}：{url} 中已有全部 {here} 个事件，没有改动",
                        "contest {id}: {url} already has all {here} events; nothing changed"),
}
