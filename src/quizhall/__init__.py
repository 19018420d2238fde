"""quizhall: live knowledge contests, policy quizzes and self-testing from YAML question banks."""

__version__ = "0.1.0"
