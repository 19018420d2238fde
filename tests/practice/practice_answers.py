"""Answer whatever question a session shows, right or wrong, as a trainee would type it."""

from quizhall.bank.model import QuestionType as T


def right(shown):
    """What to type to answer a choice or judge question right."""
    q = shown.question
    if q.type is T.JUDGE:
        return "A" if q.answer else "B"
    if q.type is T.SINGLE:
        return shown.shown_letter(q.answer)
    return shown.answer_text()


def wrong(shown):
    """What to type to answer a choice or judge question wrong."""
    q = shown.question
    if q.type is T.JUDGE:
        return "B" if q.answer else "A"
    if q.type is T.MULTIPLE:
        return shown.shown_letter(q.answer[0])
    if q.type is T.ORDER:
        return shown.answer_text()[::-1]
    right_letter = shown.shown_letter(q.answer)
    return next(letter for letter, _ in shown.choices() if letter != right_letter)


def submit(session, ok):
    """Answer the question on screen right (ok) or wrong, whatever its type."""
    shown = session.current
    q = shown.question
    if q.type in (T.SINGLE, T.MULTIPLE, T.ORDER, T.JUDGE):
        return session.submit(right(shown) if ok else wrong(shown))
    if q.type is T.SHORT:
        return session.submit("我的回答", judged=ok)
    if q.type is T.FILL:
        return session.submit([alts[0] if ok else "?" for alts in q.answer])
    if q.type is T.NUMERIC:
        return session.submit(str(q.answer.low if ok else q.answer.high + 1))
    pairs = dict(q.answer)
    letter = {text: letter for letter, text in shown.choices()}
    lefts = shown.lefts()
    rights = [pairs[left] for left in lefts]
    if not ok:
        rights = rights[1:] + rights[:1]
    return session.submit(" ".join(f"{i}{letter[r]}" for i, r in enumerate(rights, 1)))
