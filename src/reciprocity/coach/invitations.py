"""The words of invitations: a friend answers a check-in (or the audit) through a link.

Two people answer the same questions apart, and see each other's answers only
once both have answered. Where the two differ, that is something to talk about
together: never a verdict, a score or a tally between them. The friend is
spoken to directly and kindly; nothing here judges either answer.
Written in this project's own words; nothing is quoted from the seed texts.
"""

from __future__ import annotations

from datetime import date

from reciprocity.coach.terms import day_words

# -- the user's side (loopback pages and the API) ------------------------------
INVITE_CHECKIN_BUTTON = "Invite {name} to answer"
INVITE_AUDIT_BUTTON = "Invite {name} to answer the audit too"
INVITE_CHECKIN_HINT = (
    "{name} answers the same three questions on their phone, through a link to this app on "
    "your network. Neither of you sees the other's answers until both have answered."
)
INVITE_AUDIT_HINT = (
    "{name} rates the four dimensions from their side, through a link to this app on your "
    "network. Neither of you sees the other's ratings until both have answered."
)
INVITE_FROM_LABEL = "Your name, as {name} knows you"
INVITE_FROM_HINT = "Shown on {name}'s page, so they know whose app is asking. Optional."
INVITE_INCLUDE_LABEL = "Show {name} my earlier audit ratings too, once we have both answered"
INVITE_INCLUDE_HINT = "Left unticked, your earlier ratings stay on this computer, for you alone."

INVITATION_TITLE_CHECKIN = "A check-in with {name}, answered by both"
INVITATION_TITLE_AUDIT = "The audit with {name}, answered by both"
INVITATIONS_TITLE = "Invitations"
INVITATION_LINK_HEADING = "The link for {name}"
INVITATION_LINK_INTRO = (
    "Send {name} this link, or let them scan the code with their phone. It opens until "
    "{expires}; it is shown once, because only a fingerprint of it is kept."
)
INVITATION_LINK_GONE = (
    "The link was shown when the invitation was made, and only a fingerprint of it is kept. "
    "If {name} does not have it, make a new one: the old link then stops working."
)
INVITATION_NEW_LINK = "Make a new link"
INVITATION_LISTENER_CLOSED = (
    "The phone listener is closed, so this link does not open yet. It works while the "
    "listener is open on your network; open it from the Phones page."
)
INVITATION_LISTENER_OPEN = "The link works while the phone listener is open on your network."
INVITATION_WHAT_THEY_SEE = "What {name} will see"
INVITATION_THEY_SEE = (
    "Whose app is asking, the same questions you answer, what will be kept (their answers, "
    "in your database on this computer) and the promise that neither of you sees the "
    "other's answers until both have answered. Nothing else of the app."
)
INVITATION_YOUR_ANSWERS = "Your answers"
INVITATION_YOUR_ANSWERS_INTRO = (
    "Answer for yourself, before you see {name}'s. Once you both have, the answers appear "
    "side by side."
)
INVITATION_ANSWER_BUTTON = "Keep my answers"
INVITATION_WAITING_THEM = (
    "{name} has not answered yet. Their answers appear here once you both have."
)
INVITATION_WAITING_THEM_ANSWERED = (
    "{name} has answered. Their answers appear here once you have answered too."
)
INVITATION_WAITING_YOU = "Your answers are kept. {name}'s appear here once they have answered too."
INVITATION_WITHDRAW_BUTTON = "Close this invitation"
INVITATION_WITHDRAW_HINT = "The link stops working; anything {name} has not yet seen stays unseen."
INVITATION_REMOVE_BUTTON = "Remove this invitation"
INVITATION_REMOVE_ASK = "Remove the invitation for {name}, made on {on}, and the answers it holds?"
INVITATION_STATE_WORDS = {
    "open": "open",
    "revealed": "answered by both",
    "withdrawn": "closed",
    "expired": "no longer open",
}
INVITATION_EXPIRED_NOTE = (
    "This invitation is no longer open. Answers that were not seen by both of you are not kept."
)
INVITATION_WITHDRAWN_NOTE = "You closed this invitation; its link no longer opens."
INVITATIONS_NONE = "No invitations yet. Start one from a check-in or an audit."
INVITATIONS_OPEN_UNTIL = "open until {day}"
INVITATION_CHECKIN_KEPT = "Both sides are kept with the check-in of {on}."

# -- the reveal (both faces) --------------------------------------------------
REVEAL_HEADING = "Side by side"
REVEAL_INTRO = (
    "Where your answers differ is something to talk about together, not a verdict. "
    "Each of you sees your own part of things most clearly."
)
AS_YOU_SEE_IT = "As you see it"
AS_THEY_SEE_IT = "As {name} sees it"
REVEAL_TALK_ABOUT = "Worth talking about"
REVEAL_DIFFERENT_LEANING = "{dimension}: you read it differently. What stands out to each of you?"
REVEAL_DIFFERENT_RATING = "{dimension}: it feels more shared to one of you than to the other."
REVEAL_NOTHING_SAID = "(nothing said)"
REVEAL_EARLIER_RATINGS = "{name}'s earlier audit ratings, shared with you"
REVEAL_YOUR_EARLIER_RATINGS = "Your earlier audit ratings (on {on})"
REVEAL_EARLIER_SHARED = "Shared with {name} at the reveal."
REVEAL_EARLIER_PRIVATE = "Kept for you alone."

REPORT_TWO_SIDED_CHECKIN = "The check-in of {on}, answered by you and {name}"
REPORT_TWO_SIDED_AUDIT = "The audit's dimensions on {on}, rated by you and {name}"

# -- the questions, asked of both -------------------------------------------
CHECKIN_QUESTIONS_FRIEND = {
    "supported": "Where did you feel supported lately? Something that was done",
    "meaningful": "What meant the most to you?",
    "drained": "Where did you feel drained? What happened, and how it landed",
}
CHECKIN_SHORT_LABELS = {
    "supported": "Felt supported",
    "meaningful": "Meant the most",
    "drained": "Felt drained",
}
AUDIT_FRIEND_RATE = "How mutual does it feel? 1 is one-directional, 5 roughly mutual"
AUDIT_FRIEND_LEAN = "If it leans, who carries more?"
AUDIT_SUMMARIES_FRIEND = {
    "initiation": "Who reaches out first, notices when something is off, brings up hard things.",
    "depth": "How each of you meets what the other shares, hard news and good news alike.",
    "crisis": "What each of you actually did when the other was going through something hard.",
    "maintenance": "The small upkeep: checking in, remembering dates, noticing moods.",
}
RATING_WORDS = {
    1: "1, one-directional",
    2: "2",
    3: "3",
    4: "4",
    5: "5, roughly mutual",
}


def lean_words_for_user(name: str) -> dict[str, str]:
    """Who carries more, as the user reads it (``me`` is always the user)."""
    return {"me": "you carry more", "them": f"{name} carries more", "mutual": "it feels shared"}


def lean_words_for_friend(asker: str) -> dict[str, str]:
    """Who carries more, as the friend reads it: the same stored values, spoken from their side."""
    return {"them": "I carry more", "me": f"{asker} carries more", "mutual": "it feels shared"}


def rating_line(rating: int, leaning: str, lean_words: dict[str, str]) -> str:
    """One dimension's answer in words: ``4, you carry more``."""
    return f"{rating} of 5, {lean_words[leaning]}"


# -- the friend's page on the local network ----------------------------------
FRIEND_TITLE_CHECKIN = "A check-in, answered privately"
FRIEND_TITLE_AUDIT = "How mutual does it feel? Answered privately"
FRIEND_WHOSE = "{asker} keeps notes on your friendship in reciprocity, an app on their own computer, and asked for your side."
FRIEND_WHOSE_UNNAMED = "Someone close to you keeps notes on your friendship in reciprocity, an app on their own computer, and asked for your side."
FRIEND_ASKER_UNNAMED = "your friend"
FRIEND_KEPT = (
    "What is kept: your answers, in {asker}'s database on their computer. Nothing is sent "
    "anywhere else, and no account is needed."
)
FRIEND_RULE = "Neither of you sees the other's answers until both have answered."
FRIEND_UNTIL = "This link opens until {day}."
FRIEND_ANSWER_BUTTON = "Send my answers"
FRIEND_THANKS = "Thank you. Your answers are kept."
FRIEND_WAITING = (
    "{asker} has not answered yet. Open this same link again later to see both sides, until {day}."
)
FRIEND_YOUR_ANSWERS = "Your answers"
FRIEND_TAKE_BACK = "Take back my answers"
FRIEND_TAKE_BACK_HINT = (
    "Before {asker} has answered, you may take your answers back and answer again, or not at all."
)
FRIEND_TAKEN_BACK = "Your answers are taken back; nothing of them is kept. You may answer again."
FRIEND_GONE_TITLE = "This link no longer opens"
FRIEND_GONE = (
    "Invitations open for a week, or until the person who sent it closes it. If you would "
    "still like to answer, ask them for a new link."
)
FRIEND_UNKNOWN_TITLE = "Nothing here"
FRIEND_UNKNOWN = "This link does not open anything. Please check that it was copied whole."
FRIEND_ALREADY = (
    "Your answers were already kept. To change them, take them back first, before {asker} answers."
)
FRIEND_EARLIER_NOTE = "From an audit {asker} kept on {on}."

# -- refusals (every face) ----------------------------------------------------
INVITATION_UNKNOWN = "There is no invitation {id}."
INVITATION_CLOSED = "This invitation is no longer open, so it takes no more answers."
INVITATION_YOU_ANSWERED = "You have already answered this invitation."
INVITATION_NOTHING_TO_TAKE_BACK = "There are no answers waiting to be taken back."
INVITATION_ALREADY_REVEALED = (
    "Both sides have answered and seen each other's; the answers stay as given."
)
ANSWER_TOO_LONG = (
    "The answer to '{question}' is {length} characters long; please keep it under {limit}."
)
ANSWERS_EMPTY = "Please answer at least one of the questions."
RATING_NEEDED = "Please rate {dimension} from 1 to 5."
RATING_OUT_OF_RANGE = "{dimension}: {value!r} is not a rating from 1 to 5."
LEAN_NEEDED = "{dimension} is rated {rating}: please say who carries more."
LEAN_UNKNOWN = "{dimension}: {value!r} is not one of me, them or mutual."
FROM_TOO_LONG = "That name is {length} characters long; please keep it under {limit}."


def expires_words(day: date) -> str:
    return INVITATIONS_OPEN_UNTIL.format(day=day_words(day))


INVITE_AUDIT_HEADING = "Their side too"
INVITE_AUDIT_INTRO = (
    "Someone you rated here can rate the same four dimensions from their side, privately. "
    "Your ratings in this audit stay with you unless you choose to share them."
)
