"""Messages of the store: locked contests, damaged or newer files, recovered tails."""

MESSAGES = {
    "store.what_campaign": ("活动 {id} 的排行榜", "the leaderboard of campaign {id}"),
    "store.bad_campaign_id": (
        "活动编号 {id} 不合规：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符",
        "campaign id {id} is not valid: lower-case letters, digits and hyphens, starting "
        "with a letter or digit, at most 64 characters"),
    "store.campaign_exists": ("活动 {id} 已经存在；要替换它请加 --replace（成员和成绩保留）",
                              "campaign {id} exists already; add --replace to replace it "
                              "(its members and totals are kept)"),
    "store.no_campaign": ("没有编号为 {id} 的活动（quizhall campaign status 列出全部活动）",
                          "there is no campaign {id} (quizhall campaign status lists them all)"),
    "store.not_joined": ("{user} 没有参加活动 {id}", "{user} has not joined campaign {id}"),
    "store.what_contest": ("比赛 {id}", "contest {id}"),
    "store.what_documents": ("学员记录", "the trainee records"),
    "store.what_trainee": ("学员 {user} 的记录", "the record book of trainee {user}"),
    "store.migrated": (
        "学员记录已改为按学员分开存放（trainees/）；原来的记录原样保留在 {backup}",
        "the trainee records are now kept per trainee (trainees/); the records as they were "
        "are kept in {backup}",
    ),
    "store.migrated_unowned": (
        "{count} 条记录没有注明学员，未搬入新布局；它们保留在 {backup}",
        "{count} records named no trainee and were not moved; they are kept in {backup}",
    ),
    "store.locked": (
        "{what} 正由另一个 quizhall 进程写入（进程号 {pid}，主机 {host}，命令 {command}，"
        "开始于 {started}）；请先在那里结束它，或以只读方式打开",
        "{what} is being written by another quizhall process (pid {pid} on {host}, "
        "command: {command}, since {started}); end it there first, or open it read-only",
    ),
    "store.locked_unknown": (
        "{what} 正由另一个 quizhall 进程写入（它的名字本应记在 {path}）；请先结束它，或以只读方式打开",
        "{what} is being written by another quizhall process (it should have named itself "
        "in {path}); end it first, or open it read-only",
    ),
    "store.no_contest": ("没有编号为 {id} 的比赛（quizhall contests 列出全部比赛）",
                         "there is no contest {id} (quizhall contests lists them all)"),
    "store.log_missing": ("比赛 {id} 的事件日志 {path} 不见了：无法读取或继续这场比赛",
                          "the event log of contest {id} is missing ({path}): the contest "
                          "cannot be read or continued"),
    "store.not_ours": ("{path} 不是 quizhall 的数据文件，或已损坏；文件保持原样，未作改动",
                       "{path} is not a quizhall data file, or it is damaged; it was left "
                       "untouched"),
    "store.not_a_log": ("{path} 不是 quizhall 的比赛记录，或文件头已损坏；文件保持原样，未作改动",
                        "{path} is not a quizhall contest log, or its header is damaged; it "
                        "was left untouched"),
    "store.bad_header": ("{path} 的内容已损坏（校验不符）；文件保持原样，未作改动",
                         "{path} is damaged (its checksum does not match); it was left "
                         "untouched"),
    "store.newer_format": (
        "{path} 由更新版本的 quizhall 写入（格式 {found}，本版本只认识到格式 {known}）；"
        "请升级 quizhall。文件保持原样，未作改动",
        "{path} was written by a newer quizhall (format {found}; this version knows up to "
        "format {known}); upgrade quizhall. The file was left untouched",
    ),
    "store.torn_tail": (
        "{path}：从第 {line} 行起的末尾 {size} 字节不完整或已损坏（多半是上次写入时中断），"
        "已移到备份文件 {backup}；之前的 {count} 条完整记录全部保留",
        "{path}: the last {size} bytes, from line {line} on, were torn or damaged (most "
        "likely a write cut short); they were moved to the backup file {backup}, and the "
        "{count} complete records before them are kept",
    ),
    "store.torn_tail_after": (
        "。移走的部分中还有 {after} 条看似完整的记录，请检查备份文件",
        ". The part moved aside holds {after} more records that look whole: check the "
        "backup file",
    ),
    "store.damaged_read_only": (
        "{path}：第 {line} 行已损坏，只读取了它之前的 {count} 条记录（写入方下次打开时会把损坏部分移到备份文件）",
        "{path}: line {line} is damaged, so only the {count} records before it are read "
        "(the writer moves the damaged part to a backup file when it next opens the log)",
    ),
    "store.run_line": ("第 {line} 行（{size} 字节）", "line {line} ({size} bytes)"),
    "store.run_lines": ("第 {line}–{last} 行（{size} 字节）", "lines {line}–{last} ({size} bytes)"),
    "store.run_gap": ("第 {line} 行之前缺了整行", "whole lines missing before line {line}"),
    "store.run_missing": ("，其中原有第 {first}–{last} 号记录（{count} 条）",
                          ", which held records {first}–{last} ({count})"),
    "store.run_missing_one": ("，其中原有第 {seq} 号记录", ", which held record {seq}"),
    "store.run_separator": ("；", "; "),
    "store.run_more": ("；另有 {count} 处损坏", "; and {count} more damaged places"),
    "store.damaged_read_past": (
        "{path} 中间有损坏：{runs}。损坏之外的 {count} 条完整记录都已读取。"
        "比赛要继续，须先由主持人运行 quizhall repair {id}",
        "{path} is damaged in the middle: {runs}. The {count} intact records around it are "
        "all read. Before the contest can go on, the host must run quizhall repair {id}",
    ),
    "store.damaged_refused": (
        "{path} 中间有损坏：{runs}。为免覆盖，比赛暂不能继续写入；文件保持原样，未作改动"
        "（{count} 条完整记录都在）。请运行 quizhall repair {id}：它先列出损坏之处并保留原文件副本，"
        "再把损坏的行移出，比赛即可继续",
        "{path} is damaged in the middle: {runs}. Nothing more is written to it until the "
        "host decides; it was left untouched ({count} intact records are all there). Run "
        "quizhall repair {id}: it shows what is damaged, keeps a copy of the original file, "
        "sets the damaged lines aside, and then the contest can go on",
    ),
    "store.lost_events": (
        "{path}：第 {first}–{last} 号事件已因文件损坏丢失（修复时移出；修复前的原文件保存在 {backup}）",
        "{path}: events {first}–{last} were lost to damage (set aside by a repair; the file "
        "as it was before is kept as {backup})",
    ),
    "store.log_replaced": (
        "{path} 已被删除或替换，不再是本进程加锁写入的那个文件；为免两处同时写入，不再写入。"
        "最后这条记录没有保存，之前的记录都已安全保存",
        "{path} was removed or replaced: it is no longer the file this process locked, so "
        "nothing more is written to it (two writers must never share a contest). The last "
        "record was not saved; every one before it is safe",
    ),
    "store.journal_damaged_read": (
        "{path} 有损坏：{runs}。其余 {count} 条完整的改动都已读取",
        "{path} is damaged: {runs}. The other {count} intact changes are all read",
    ),
    "store.journal_damaged_kept": (
        "{path} 有损坏：{runs}。其余 {count} 条完整的改动都已保留并写入新的快照；"
        "损坏前的原文件保存在 {backup}",
        "{path} was damaged: {runs}. The other {count} intact changes are all kept and "
        "written to a new snapshot; the file as it was is kept as {backup}",
    ),
    "store.snapshot_rebuilt": (
        "{path} 已损坏（校验不符）：已从上一个快照（{source}）和日志重建到第 {seq} 号改动",
        "{path} is damaged (its checksum does not match): rebuilt from the previous "
        "snapshot ({source}) and the journals, up to change {seq}",
    ),
    "store.snapshot_kept": ("损坏的 {path} 保存在 {backup}", "the damaged {path} is kept as {backup}"),
    "store.changes_lost": (
        "第 {first}–{last} 号改动无法找回（它们只在损坏的快照里）",
        "changes {first}–{last} could not be recovered (they were only in the damaged "
        "snapshot)",
    ),
    "store.document_skipped": (
        "学员记录表 {table} 中的第 {id} 条文档格式不对（{field}），已跳过；其余记录照常使用",
        "document {id} of the trainee table {table} does not have the expected shape "
        "({field}); it was skipped, the other records are used as usual",
    ),
    "store.journal_gap": (
        "{path} 从第 {seq} 号改动开始，而 {snapshot} 之后应接第 {expected} 号改动：中间的改动缺失"
        "（快照文件丢失或被旧文件替换？）。文件保持原样，未作改动",
        "{path} starts at change {seq}, but the change after {snapshot} is number "
        "{expected}: the changes in between are missing (was the snapshot lost or replaced "
        "by an older one?). The files were left untouched",
    ),
    "store.cannot_open": ("无法打开 {path}：{error}", "cannot open {path}: {error}"),
    "store.cannot_create": ("无法创建 {path}：{error}", "cannot create {path}: {error}"),
    "store.write_failed": (
        "写入 {path} 失败：{error}；最后这条记录没有保存，之前的记录都已安全保存。"
        "请检查磁盘后重新打开",
        "writing {path} failed: {error}; the last record was not saved, every one before it "
        "is safe. Check the disk, then open it again",
    ),
    "store.read_only": ("{path} 以只读方式打开，不能写入", "{path} is open read-only"),
    "store.closed": ("{path} 已关闭", "{path} is closed"),
    "store.no_psycopg": (
        "要使用 PostgreSQL，请安装 quizhall[postgres]（pip install 'quizhall[postgres]'）：{error}",
        "a PostgreSQL store needs quizhall[postgres] (pip install 'quizhall[postgres]'): {error}",
    ),
    "store.bad_url": ("无法解析数据库地址 {url}", "cannot read the database URL {url}"),
    "store.db_failed": ("数据库 {url} 出错：{error}", "the database {url} failed: {error}"),
    "store.db_denied": (
        "数据库 {url} 拒绝了这项操作（该角色可能只读）：{error}",
        "the database {url} refused this (the role may be read-only): {error}",
    ),
    "store.db_newer": (
        "数据库 {url} 的表结构版本是 {found}，比本 quizhall 所知的 {known} 新：请升级 quizhall",
        "the database {url} has schema version {found}, newer than {known}, the last this "
        "quizhall knows: upgrade quizhall",
    ),
    "store.db_writer_lost": (
        "{what} 的写入资格已失去（与数据库的连接断开后，另一个进程接手了写入）：这条记录没有保存",
        "{what} is no longer ours to write (the connection to the database was lost and "
        "another process took over): this record was not saved",
    ),
    "store.sync_differs": (
        "数据库 {url} 中的比赛 {id} 在第 {seq} 号事件处与本机不同：没有推送任何内容",
        "contest {id} in the database {url} differs from this one at event {seq}: nothing "
        "was pushed",
    ),
    "store.sync_longer": (
        "数据库 {url} 中的比赛 {id} 已有 {here} 个事件，比本机的 {count} 个多：没有推送任何内容",
        "contest {id} in the database {url} already has {here} events, more than the {count} "
        "here: nothing was pushed",
    ),
    "store.config_unreadable": ("无法读取配置文件 {path}：{error}",
                                "cannot read the config file {path}: {error}"),
    "store.config_bad_store": (
        "配置文件 {path} 中的 store 应为一个 postgresql:// 地址或数据目录",
        "store in the config file {path} must be a postgresql:// URL or a data directory",
    ),
    "store.status_running": ("进行中", "running"),
    "store.status_finished": ("已结束", "finished"),
}
