"""Build the practice app on the inline bank and answer questions through its keys."""

from practice_bank import START, make_bank

from quizhall.bank.model import QuestionType as T
from quizhall.practice import History, Library, ManualClock
from quizhall.tui.practice.app import PracticeApp, PracticeSettings


def make_app(db, clock=None, settings=None, bank_text=None, seed=1, user="ann"):
    bank = make_bank(bank_text) if bank_text else make_bank()
    return PracticeApp(Library([bank]), History(db), user, clock=clock or ManualClock(START),
                       seed=seed, settings=settings or PracticeSettings())


def screen_text(app) -> str:
    """The screen as plain text, one line per row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def keys_for(shown, ok):
    """Keys a trainee presses to answer the shown question right (ok) or wrong."""
    q = shown.question
    if q.type is T.JUDGE:
        return ["a" if q.answer == ok else "b"]
    if q.type is T.SINGLE:
        right = shown.shown_letter(q.answer)
        if ok:
            return [right.lower()]
        return [next(x for x, _ in shown.choices() if x != right).lower()]
    if q.type is T.MULTIPLE:
        letters = [shown.shown_letter(x) for x in q.answer]
        return [x.lower() for x in (letters if ok else letters[:1])]
    if q.type is T.ORDER:
        text = shown.answer_text()
        return [x.lower() for x in (text if ok else text[::-1])]
    if q.type is T.NUMERIC:
        return list(str(int(q.answer.low if ok else q.answer.high + 1)))
    if q.type is T.MATCH:
        pairs = dict(q.answer)
        letter = {text: x for x, text in shown.choices()}
        rights = [pairs[left] for left in shown.lefts()]
        if not ok:
            rights = rights[1:] + rights[:1]
        keys = []
        for number, right in enumerate(rights, 1):
            keys += [str(number), letter[right].lower(), "space"]
        return keys
    return []


async def answer(pilot, ok, then_next=True):
    """Answer the question on screen through the keyboard; move on after the feedback."""
    screen = pilot.app.screen
    shown = screen.presented
    q = shown.question
    if q.type is T.FILL:
        boxes = list(screen.query(".answer-box"))
        for box, accepted in zip(boxes, q.answer, strict=True):
            box.value = accepted[0] if ok else "不知道"
        await pilot.press("enter")
    elif q.type is T.SHORT:
        await pilot.press("enter")  # reveal the reference answer
        await pilot.pause()
        await pilot.press("y" if ok else "n")
    else:
        await pilot.press(*keys_for(shown, ok))
        await pilot.press("enter")
    await pilot.pause()
    if then_next and screen.session.feedback and screen.is_current:
        await pilot.press("enter")
        await pilot.pause()
