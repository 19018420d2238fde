"""The contest widgets: each renders one part of a :class:`~quizhall.tui.view.StageView`."""

from quizhall.tui.widgets.banner import BuzzBanner
from quizhall.tui.widgets.pages import FinalPage, RoundPage, ScoresPage, TeamsPage, TitlePage
from quizhall.tui.widgets.question import AnswerPanel, QuestionPanel
from quizhall.tui.widgets.scoreboard import Scoreboard
from quizhall.tui.widgets.status import HostStatus
from quizhall.tui.widgets.timer import TimerPanel

__all__ = ["AnswerPanel", "BuzzBanner", "FinalPage", "HostStatus", "QuestionPanel", "RoundPage",
           "Scoreboard", "ScoresPage", "TeamsPage", "TimerPanel", "TitlePage"]
