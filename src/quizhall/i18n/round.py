"""Messages of the built-in round types: names, rules for the intro screen, settings."""

MESSAGES = {
    "round.required.title": ("必答题", "Required questions"),
    "round.buzz.title": ("抢答题", "Buzz-in"),
    "round.risk.title": ("风险题", "Risk"),
    "round.tiebreak.title": ("加赛题", "Tie-break"),
    "round.speed.title": ("限时速答", "Speed round"),
    "round.gate.title": ("闯关题", "Gates"),
    "round.last_standing.title": ("一战到底", "Last one standing"),
    "round.designated.title": ("指定题", "Designated"),
    "round.board.title": ("题板题", "Question board"),
    "round.judges.title": ("评委打分", "Judges' scores"),
    # last one standing
    "round.last_standing.rule_turns": ("场上各队依次答题，每队一题",
                                       "teams still standing answer in turn, one question "
                                       "each"),
    "round.last_standing.rule_out_once": ("答错或超时即被淘汰", "a wrong answer or a timeout "
                                          "eliminates the team"),
    "round.last_standing.rule_out": ("答错或超时 {wrongs} 次被淘汰",
                                     "{wrongs} wrong answers or timeouts eliminate a team"),
    "round.last_standing.rule_end": ("场上只剩 {survivors} 队时本轮结束",
                                     "the round ends when {survivors} team(s) are left"),
    "round.last_standing.survivors_too_many": (
        "survivors 应少于队伍数（{teams}），否则本轮无人被淘汰",
        "survivors should be fewer than the teams ({teams}), or nobody is ever eliminated"),
    # designated
    "round.designated.rule_pick": ("各队按顺序为下一队选择题目分值（{values}），由下一队作答",
                                   "in team order, each team picks the value ({values}) of "
                                   "the next team's question, which that team answers"),
    "round.designated.needs_teams": ("指定题至少需要两支队伍",
                                     "a designated round needs at least two teams"),
    # board
    "round.board.rule_board": ("题板：主题 {topics} × 分值 {values}",
                               "the board: topics {topics} × values {values}"),
    "round.board.rule_order_team_order": ("各队按队伍顺序轮流选题",
                                          "teams pick cells in team order"),
    "round.board.rule_order_lowest_first": ("当前分数最低的队先选题",
                                            "the team with the lowest score picks next"),
    "round.board.rule_gone": ("选过的格子不能再选，题板选完本轮结束",
                              "a picked cell is gone; the round ends when the board is empty"),
    # judges
    "round.judges.rule_judges": ("评委：{judges}", "judges: {judges}"),
    "round.judges.rule_range": ("每位评委打 {low}–{high} 分", "each judge scores {low}–{high}"),
    "round.judges.rule_mean": ("去掉 {highest} 个最高分和 {lowest} 个最低分，取平均分（保留 {decimals} 位小数）",
                               "the {highest} highest and {lowest} lowest scores are dropped; "
                               "the mean of the rest ({decimals} decimals) is the points"),
    "round.judges.rule_own_team": ("评委不给本单位的队伍打分",
                                   "a judge does not score their own unit's team"),
    "round.judges.reason": ("评委打分 {scores}，去掉 {dropped}",
                            "judges' scores {scores}, dropped {dropped}"),
    "round.judges.judge_twice": ("评委名字重复", "a judge is named twice"),
    "round.judges.no_such_team": ("评委 {judge} 的队伍 {team} 不存在（共 {teams} 队）",
                                  "judge {judge}'s team {team} does not exist (there are "
                                  "{teams})"),
    "round.judges.too_few": ("{judges} 位评委去掉 {dropped} 个分数后就没有分数了",
                             "{judges} judges, {dropped} scores dropped: no score would be "
                             "left"),
    "round.judges.range": ("min_score 应小于 max_score", "min_score should be below max_score"),
    "round.points_question": ("按题目分值", "the question's own points"),
    # shared rules
    "round.rule.points": ("答对 {points} 分，答错 {wrong} 分", "right {points}, wrong {wrong}"),
    "round.rule.timeout": ("超时 {points} 分", "time out {points}"),
    "round.rule.time_limit": ("主持人读完题后计时 {seconds} 秒",
                              "{seconds} seconds to answer, from the end of the reading"),
    # required
    "round.required.rule_seat": ("各队依次答题，队员按座次每人一题",
                                 "teams answer in turn; members answer one question each in "
                                 "seat order"),
    "round.required.rule_team": ("各队依次答题，由本队选派答题队员，队友可以协助",
                                 "teams answer in turn; each team picks who answers and "
                                 "teammates may help"),
    "round.required.rule_all": ("各队依次答题，全队共同作答",
                                "teams answer in turn; the whole team answers together"),
    "round.required.rule_no_twice": ("同一队员不得连续答题", "no member answers twice in a row"),
    "round.required.twice_needs_team": (
        "no_member_twice_in_a_row 不适用于全队共答（answerer: all）",
        "no_member_twice_in_a_row does not apply when the whole team answers (answerer: all)"),
    "round.required.uneven": ("本轮 {count} 题不能平均分给 {teams} 支队伍",
                              "the round's {count} questions do not share evenly among "
                              "{teams} teams"),
    # buzz
    "round.buzz.rule_open": ("主持人宣布“开始”后方可抢答", "buzz only after the host opens "
                             "the buzzers"),
    "round.buzz.rule_early": ("第 {offence} 次违规抢答 {points} 分",
                              "early buzz, offence {offence}: {points}"),
    "round.buzz.rule_early_lose": ("第 {offence} 次违规抢答 {points} 分，并失去本题答题权",
                                   "early buzz, offence {offence}: {points} and no right to "
                                   "answer this question"),
    "round.buzz.rule_answer_window": ("抢到后须在 {seconds} 秒内开始作答",
                                      "start answering within {seconds} seconds of the buzz"),
    "round.buzz.rule_early_once": ("同一题内同一队的违规抢答只计一次",
                                   "repeated early presses by a team on one question count "
                                   "as one offence"),
    "round.buzz.rule_simultaneous": ("相隔 {ms} 毫秒以内同时抢答无效，重新抢答",
                                     "presses within {ms} ms of each other are void: the "
                                     "buzzers open again"),
    "round.buzz.rule_shout": ("未抢到答题权而抢先作答 {points} 分",
                              "answering aloud without the buzz {points}"),
    "round.buzz.rule_shout_lose": ("未抢到答题权而抢先作答 {points} 分，并失去本题补答权",
                                   "answering aloud without the buzz {points} and no second "
                                   "chance on the question"),
    "round.buzz.rule_answer_time": ("作答时间 {seconds} 秒", "{seconds} seconds to answer"),
    "round.buzz.rule_second_chance": ("答错后其他队可补答，每题最多 {attempts} 次作答",
                                      "after a wrong answer the others may buzz again, up to "
                                      "{attempts} attempts per question"),
    "round.buzz.rule_window": ("{seconds} 秒内无人抢答则本题作废",
                               "no buzz within {seconds} seconds ends the question"),
    "round.buzz.rule_window_audience": ("{seconds} 秒内无人抢答或无人答对，本题成为观众题，不计分",
                                        "no buzz within {seconds} seconds, or no right answer: "
                                        "the question goes to the audience, no points"),
    # risk
    "round.risk.rule_values": ("每队选择分值 {values}，每档每队可用 {uses} 次",
                               "each team picks a value: {values}; each value {uses} time(s) "
                               "per team"),
    "round.risk.rule_order_lowest_first": ("得分低的队先选（同分按队序）",
                                           "lowest score picks first (ties in team order)"),
    "round.risk.rule_order_team_order": ("按队序选择", "teams pick in team order"),
    "round.risk.rule_points": ("答对加所选分值，答错扣所选分值",
                               "right: + the value; wrong: − the value"),
    "round.risk.rule_points_no_loss": ("答对加所选分值，答错不扣分",
                                       "right: + the value; wrong: no loss"),
    "round.risk.rule_fixed": ("分值选定后不得更改", "a chosen value cannot be changed"),
    "round.risk.rule_opt_out": ("可以弃选", "a team may opt out (pass)"),
    "round.risk.rule_assign": ("选题队将题目指定给另一队作答；该队答错，选题队得分",
                               "the choosing team assigns the question to another team and "
                               "gains the value if that team is wrong"),
    "round.risk.rule_assign_plain": ("选题队将题目指定给另一队作答",
                                     "the choosing team assigns the question to another team"),
    "round.risk.chooser_gains_reason": ("指定的队伍答错", "the assigned team was wrong"),
    "round.risk.assign_needs_teams": ("指定答题至少需要两支队伍",
                                      "assigning questions needs at least two teams"),
    # speed
    "round.speed.rule_time": ("每队 {seconds} 秒内尽可能多地答题",
                              "each team answers as many questions as it can in {seconds} "
                              "seconds"),
    "round.speed.rule_pass": ("可以跳过（pass）", "a team may pass"),
    "round.speed.uneven": ("本轮 {count} 题不能平均分给 {teams} 支队伍，每队 {each} 题",
                           "the round's {count} questions do not share evenly among {teams} "
                           "teams: {each} each"),
    # gate
    "round.gate.rule_gates": ("按顺序闯关：{gates}", "gates in order: {gates}"),
    "round.gate.rule_eliminate": ("答错即被淘汰出本轮", "a wrong answer eliminates the team "
                                  "from the round"),
    "round.gate.rule_lives": ("每队 {lives} 条命，答错失去一条，用完出局",
                              "each team has {lives} lives; a wrong answer costs one; out "
                              "when none are left"),
    # tiebreak
    "round.tiebreak.rule_when": ("仅当获奖名次出现同分时进行，只限同分队伍参加",
                                 "played only when teams tie across a prize place, by the "
                                 "tied teams only"),
    "round.tiebreak.rule_points": ("突然死亡：加赛得分只用于决定名次，不计入总分",
                                   "sudden death: tie-break points decide ranks and do not "
                                   "change the scores"),
    # settings (docs and check)
    "round.setting.points": ("答对得分（或 question：按题目分值）",
                             "points for a right answer (or question: the question's points)"),
    "round.setting.wrong": ("答错得分（负数为扣分）", "points for a wrong answer (negative: a "
                            "penalty)"),
    "round.setting.timeout": ("超时得分（默认同答错）", "points for a time out (default: as "
                              "wrong)"),
    "round.setting.time_limit": ("答题时限（秒），主持人 open 后开始",
                                 "seconds to answer, started by the host's open"),
    "round.setting.answerer": ("谁来答：seat 按座次、team 本队选派、all 全队",
                               "who answers: seat (seat order), team (team picks), all "
                               "(whole team)"),
    "round.setting.no_member_twice": ("同一队员不得连续答题", "no member answers twice in a row"),
    "round.setting.window": ("开放抢答后无人抢答的时限（秒）", "seconds without a buzz before "
                             "the question ends"),
    "round.setting.answer_window": ("抢到后开始作答的时限（秒）", "seconds to start answering "
                                    "after the buzz"),
    "round.setting.early_buzz_counts": ("违规抢答的计次方式：once 每题每队只计一次，every 每次按键都计",
                                        "how early presses count: once per team per "
                                        "question, or every press"),
    "round.setting.answer_time": ("开始作答后的作答时限（秒）", "seconds to answer once started"),
    "round.setting.early_buzz": ("违规抢答的处罚（按次数）", "early-buzz penalties, by offence"),
    "round.setting.second_chance": ("答错后其他队可以补答", "others may buzz again after a "
                                    "wrong answer"),
    "round.setting.max_attempts": ("每题最多作答次数", "answers allowed per question"),
    "round.setting.audience": ("无人答对时转为观众题", "unanswered questions go to the audience"),
    "round.setting.simultaneous": ("同时抢答的处理：first 以先按者为准，reopen 视为无效并重新抢答",
                                   "presses at the same instant: first (the earlier press "
                                   "wins) or reopen (void, the buzzers open again)"),
    "round.setting.simultaneous_ms": ("相隔多少毫秒以内的按键算同时抢答",
                                      "presses within this many milliseconds of the first "
                                      "are simultaneous"),
    "round.setting.shout_out": ("抢先作答（未抢到答题权而抢答）的扣分",
                                "points for answering aloud without holding the buzz"),
    "round.setting.shout_out_loses_right": ("抢先作答的队失去本题补答权",
                                            "a team that shouts out loses its right to "
                                            "answer this question"),
    "round.setting.wrongs_to_out": ("答错几次被淘汰", "wrong answers that eliminate a team"),
    "round.setting.survivors": ("剩下几队时本轮结束", "teams left when the round ends"),
    "round.setting.topics": ("题板的主题（题库标签），每个一列", "the board's topics (bank tags), "
                             "a column each"),
    "round.setting.board_order": ("选题顺序", "pick order"),
    "round.setting.judges": ("评委名单（可注明本单位队伍：{name, team}）",
                             "the judges (with their own team: {name, team})"),
    "round.setting.drop_highest": ("去掉几个最高分", "highest scores dropped"),
    "round.setting.drop_lowest": ("去掉几个最低分", "lowest scores dropped"),
    "round.setting.decimals": ("平均分保留的小数位数", "decimals of the mean"),
    "round.setting.min_score": ("评委可打的最低分", "lowest score a judge may give"),
    "round.setting.max_score": ("评委可打的最高分", "highest score a judge may give"),
    "round.setting.no_own_team": ("评委不给本单位的队伍打分",
                                  "a judge does not score their own team"),
    "round.setting.values": ("可选分值", "values to pick from"),
    "round.setting.uses": ("每档分值每队可用次数", "times each team may use each value"),
    "round.setting.turns": ("每队选题次数（默认 分值档数×次数）",
                            "picks per team (default: values × uses)"),
    "round.setting.order": ("选择顺序：lowest_first 低分先选、team_order 按队序",
                            "pick order: lowest_first or team_order"),
    "round.setting.opt_out": ("允许弃选", "teams may opt out"),
    "round.setting.wrong_loses": ("答错扣除所选分值", "a wrong answer loses the value"),
    "round.setting.assign": ("选题队指定其他队作答", "the chooser assigns the question to "
                             "another team"),
    "round.setting.chooser_gains": ("被指定队答错时选题队得分", "the chooser gains when the "
                                    "assigned team is wrong"),
    "round.setting.turn_time": ("每队的答题时间（秒）", "seconds per team turn"),
    "round.setting.pass_allowed": ("允许跳过", "passing is allowed"),
    "round.setting.gates": ("关卡：题库中的关卡编号，按顺序", "gates: bank level ids, in order"),
    "round.setting.on_fail": ("闯关失败：eliminate 淘汰、life 失去一条命",
                              "on a failed gate: eliminate, or lose a life"),
    "round.setting.lives": ("每队的命数", "lives per team"),
}
