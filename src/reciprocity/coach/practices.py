"""The words of the practices: check-ins, rituals, boundaries, roles, wins, rhythm, what is due.

Every sentence the practices say lives here, so their tone can be read in one
sitting. Calm and specific; a reminder is an invitation, never an alarm; whose
go it is next is said plainly ("Jordan hosts next"), never as something owed.
Written in this project's own words; nothing is quoted from the seed texts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Protocol

from reciprocity.coach.terms import counted, day_words, style_list

# -- values ------------------------------------------------------------------
TEXT_TOO_LONG = "That text is {length} characters long; please keep it under {limit}."
TITLE_TOO_LONG = "That title is {length} characters long; please keep it under {limit}."
END_BEFORE_START = (
    "The end, {end}, comes before the start, {start}; please choose an end on or after the start."
)
RULE_EMPTY = "Please give a cadence: an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=SU, or a word such as weekly, fortnightly or monthly."
RULE_UNREADABLE = (
    "{rule!r} is not a cadence reciprocity can read ({reason}); try FREQ=WEEKLY;BYDAY=SU, "
    "weekly, fortnightly, monthly, every sunday or 'monthly on the first saturday'."
)
RULE_NOT_RRULE = "expected NAME=VALUE parts separated by ';'"
RULE_DTSTART = "{rule!r} carries its own DTSTART; give the ritual's first day on its own instead."
RULE_FREQ = (
    "{rule!r} needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; rituals happen on days, not hours."
)
ZONE_UNKNOWN = "{zone!r} is not a time zone reciprocity knows; use a name such as Europe/London."
TIME_UNREADABLE = "{value!r} is not a time of day; write it like 19:30."
ZONE_NEEDS_TIME = "A time zone goes with a time of day; please give one too, for example 19:30."
ZONE_NEEDS_TIME_CLI = "--tz goes with a time of day; add --at, for example --at 19:30."
EVERY_UNKNOWN = (
    "{every!r} is not a way of saying how often reciprocity knows; try week, 2 weeks, month "
    "or year."
)
ON_NOT_HERE = (
    "{on!r} does not go with every {unit}: it repeats from its first day, so leave the day out."
)
ON_UNKNOWN_WEEK = "{on!r} is not a day of the week; try one such as sunday."
ON_UNKNOWN_MONTH = (
    "{on!r} is not a day of the month reciprocity can read; try 'first saturday', "
    "'last friday' or a date such as 15."
)
ON_WHICH = (
    "{on!r} comes more than once a month; say which one, for example 'first {day}' or 'last {day}'."
)
CADENCE_PROBLEMS = {
    "missing": (
        "Please say how often: 'every' (such as week, with 'on' such as sunday), or a 'rule' "
        "(such as weekly)."
    ),
    "twice": "Please say how often once: with 'every' and 'on', or with a 'rule', not both.",
    "on-alone": "'on' goes with 'every', for example every week on sunday.",
}
"""How often said wrongly to the API (the form's choices cannot be); the CLI names its flags."""
CADENCE_NEEDED_CLI = "Please say how often: --every week (with --on sunday), or --rule weekly."
CADENCE_TWICE_CLI = "Please say how often once: with --every and --on, or with --rule, not both."
ON_NEEDS_EVERY_CLI = "--on goes with --every, for example --every week --on sunday."

# -- rituals -----------------------------------------------------------------
RITUAL_TITLE_EMPTY = "Please give the ritual a title, such as 'Sunday call'."
RITUAL_UNKNOWN = "There is no ritual with id {id}."
RITUAL_UNKNOWN_CLI = "'reciprocity ritual list' shows them."
RITUAL_ADDED = "Added ritual {id}: {ritual}, {cadence}, from {start}."
RITUAL_NAMED = "{title} with {names}"
RITUAL_NAMED_WITH = "{title} ({names})"
"""A ritual whose own name already says "with" names its people in brackets instead."""
RITUAL_NEXT_ON = "Next on {day}."
RITUAL_DONE = "Marked {title} as done on {on} (planned for {due})."
RITUAL_SKIPPED = (
    "Skipped {title} planned for {due}. Skipping by choice is part of keeping a ritual."
)
RITUAL_MOVED = "Moved {title} from {due} to {to}."
RITUAL_NOTHING_OPEN = "{title} has no planned occurrence left to mark; it may have ended."
RITUAL_NOT_PLANNED = "{title} was not planned for {day}, or that day is already marked."
RITUAL_ENDED = "Ritual {id} ({title}) now ends on {end}."
NO_RITUALS = (
    "No rituals yet. A ritual is a shared habit with a rhythm: "
    "reciprocity ritual add PERSON TITLE --rule weekly"
)
HOSTS_NEXT = "{name} hosts next"
YOU_HOST_NEXT = "you host next"
KEPT_SHARE = "kept {done} of {counted} since {since}"
KEPT_SKIPPED = "{count} skipped by choice"
KEPT_NONE = "nothing planned yet to look back on"
ROTATION_HOST_UNKNOWN = "{name!r} is not in this ritual's rotation ({names})."
CADENCE_UNITS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
CADENCE_EVERY = "every {unit}"
CADENCE_EVERY_OTHER = "every two {unit}s"
CADENCE_EVERY_N = "every {count} {unit}s"
CADENCE_ON = "{every} on {days}"
CADENCE_ON_DATE = "{every} on the {date}"
CADENCE_ON_YEAR_DAY = "{every} on {day} {month}"
CADENCE_DATE_ENDINGS = {1: "st", 2: "nd", 3: "rd"}
"""1st, 2nd, 3rd; every other date ends in th (and 11th, 12th, 13th)."""
CADENCE_DAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
CADENCE_ORDINALS = {
    "1": "the first",
    "2": "the second",
    "3": "the third",
    "4": "the fourth",
    "-1": "the last",
}

# -- check-ins ---------------------------------------------------------------
CHECKIN_INTRO = (
    "A check-in is a short, kind conversation about how things have felt lately. "
    "Talk about what was done and how it landed, rather than what anyone meant."
)
AGENDA_TITLE = "Check-in with {name}"
AGENDA_PATTERNS = "What the patterns show"
AGENDA_ENERGY = "Energy: {label}."
AGENDA_ADJUSTMENTS = "What you agreed last time ({on})"
AGENDA_NO_ADJUSTMENTS = (
    "This is your first check-in with {name}; there is nothing to follow up yet."
)
AGENDA_NONE_AGREED = "Nothing was agreed last time ({on})."
AGENDA_MOMENTS = "Recent moments"
AGENDA_NO_MOMENTS = "No moments noted since {since}."
AGENDA_STYLES = "How each of you shows care"
AGENDA_STYLES_LINE = {
    "both": "{name} shows care through {their}; you show it through {mine}.",
    "theirs": "{name} shows care through {their}; your own ways are not noted yet.",
    "mine": "You show care through {mine}; {name}'s ways are not noted yet.",
}
AGENDA_STYLES_UNKNOWN = "Not noted yet; 'people edit {name} --their-care STYLE' keeps it."
AGENDA_STYLES_NOTE = (
    "Different ways of caring still flow both ways; ask what felt supportive, rather than assume."
)
AGENDA_QUESTIONS = "Open questions to bring"
AGENDA_BOUNDARIES = "Requests you are keeping with {name}"
AGENDA_WINS = "Small wins worth naming"
OUTCOME_PROMPT = "Did this happen? (yes / partly / not yet, Enter to leave it)"
OUTCOME_WORDS = {
    "yes": "happened",
    "y": "happened",
    "happened": "happened",
    "partly": "partly",
    "p": "partly",
    "some": "partly",
    "no": "not-yet",
    "n": "not-yet",
    "not yet": "not-yet",
    "not-yet": "not-yet",
}
OUTCOME_LABELS = {"happened": "happened", "partly": "partly happened", "not-yet": "not yet"}
OUTCOME_UNASKED = "not looked at yet"
OUTCOME_NOT_WAITING = (
    "Adjustment {id} is not one waiting to be looked at from the last check-in with {name} "
    "(waiting: {waiting})."
)
SIDE_MINE = "Your side"
SIDE_THEIRS = "{name}'s side (as they tell it)"
SIDE_QUESTIONS = {
    "supported": "Where did you feel supported lately? Name something that was done",
    "meaningful": "What meant the most?",
    "drained": "Where did you feel drained? Describe what happened and how it landed",
}
SIDE_QUESTIONS_THEM = {
    "supported": "Where did {name} feel supported? Something you did, in their words",
    "meaningful": "What meant the most to {name}?",
    "drained": "Where did {name} feel drained? What happened, and how it landed",
}
ADJUSTMENTS_INTRO = (
    "What will you both try between now and next time? One per line; an empty line ends."
)
ADJUSTMENT_PROMPT = "Agreed"
ADJUSTMENT_EMPTY = "An adjustment needs a few words."
NEXT_PROMPT = (
    "When would you like to check in next? (a date, Enter for {default}, 'none' for no plan)"
)
NEXT_BEFORE_CHECKIN = "The next check-in, {next}, comes before this one, {on}."
CHECKIN_SAVE_PROMPT = "Save this check-in?"
CHECKIN_SAVED = "Saved the check-in with {name} on {on}."
CHECKIN_SAVED_AGREED = {
    1: "Saved the check-in with {name} on {on}, with one thing you agreed to try.",
    2: "Saved the check-in with {name} on {on}, with {count} things you agreed to try.",
}
CHECKIN_NEXT = "Next check-in planned for {day}."
CHECKIN_NOT_SAVED = "The check-in was not saved; nothing was changed."
CHECKIN_INTENT_NOTE = (
    "A thought: this sounds like what someone meant. What did they do, and how did it land for you?"
)
PHRASING_NOTE = "A gentle thought on the wording: {why} Perhaps: {rewrite}"
PHRASING_GUIDANCE_NOTE = "A gentle thought on the wording: {why} {guidance}"
CHECKIN_DEFAULT_GAP_DAYS = 28
REFLECTIVE_QUESTIONS = (
    "What has felt easy between us lately, and what has felt heavy?",
    "When did you last feel I really heard you? What was I doing then?",
    "Is there something you have been holding back from asking me for?",
    "What would make the next month feel a little lighter for you?",
)
REFLECTIVE_TIP = "After each answer, say back what you heard in your own words before you reply."

# -- conversation help -------------------------------------------------------
LISTENING_PROMPTS = {
    "initiation": (
        "Ask: how does it feel when I am the one to get in touch first, and when you are?",
        "Reflect back: 'So when I go quiet, it can feel like…' and let them finish.",
        "Ask what would make it easier for them to reach out when something is wrong.",
    ),
    "depth": (
        "Ask: when you told me about something hard, what in my response helped, and what didn't?",
        "When they share good news, stay with it: ask a question about it before talking about yourself.",
        "Reflect the feeling you hear, not only the facts: 'That sounds lonely' rather than 'That's a lot'.",
    ),
    "crisis": (
        "Ask: the last time things were hard for you, what did I do that actually helped?",
        "Ask what support looks like for them when they are struggling: company, practical help, or space.",
        "Reflect back what they needed, and check you heard it right before offering anything.",
    ),
    "maintenance": (
        "Ask: which small things I do keep us close, and which have slipped?",
        "Ask which dates and everyday details matter most to them.",
        "Reflect back what upkeep looks like to them; it may differ from yours.",
    ),
}
VULNERABILITY_PROMPTS = {
    "initiation": (
        "Share one small true thing: 'I sometimes wonder whether you'd reach out if I didn't.'",
        "Say what you would like, not what is missing: 'I'd love to hear from you first now and then.'",
    ),
    "depth": (
        "Share something a notch deeper than usual, and notice how it is received before going further.",
        "Say what you need when you open up: 'I don't need advice, I'd just like you to listen.'",
    ),
    "crisis": (
        "Name one thing that would help next time you are struggling, concretely: a call, a meal, a walk.",
        "Let them know how a past hard time felt, without a verdict on what they did.",
    ),
    "maintenance": (
        "Tell them which small gestures make you feel remembered.",
        "Share that you'd like the upkeep to feel shared, and suggest one thing each of you could own.",
    ),
}
PROMPTS_LISTENING = "Reflective listening"
PROMPTS_VULNERABILITY = (
    "Calibrated vulnerability: share a little, see how it lands, then a little more"
)
FEEDBACK_TITLE = "A way to say it"
FEEDBACK_SITUATION = "When {situation},"
FEEDBACK_IMPACT = "I felt {impact}."
FEEDBACK_REQUEST = "Would you be open to {request}?"
FEEDBACK_REQUEST_DO = "Would you be willing to {request}?"
FEEDBACK_REQUEST_US = "Could we {request}?"
FEEDBACK_REQUEST_IF = "Would it work for you if {request}?"
FEEDBACK_DEFAULT_IMPACT = "a bit alone with it"
FEEDBACK_ALTERNATIVES = "Some options we could try: {options}."
FEEDBACK_ALTERNATIVE = "One option we could try: {option}."
FEEDBACK_CLOSE = "What would work for you?"
FEEDBACK_DEFAULT_ALTERNATIVES = (
    "taking turns to check in",
    "sharing the planning between us",
    "a regular time to talk that we both keep",
)
FEEDBACK_TIPS = (
    "Timing: choose a calm moment with time to talk, not the middle of a hard day.",
    "Tone: speak about one specific situation and its impact on you, not about who they are.",
    "Specificity: end with a request they can say yes to, and ask what would work for them.",
)
FEEDBACK_NEEDS = "The feedback builder needs at least --situation and --request."

# -- boundaries --------------------------------------------------------------
BOUNDARY_EMPTY = "Please write the request in a few specific words."
BOUNDARY_UNKNOWN = "There is no boundary with id {id}."
BOUNDARY_UNKNOWN_CLI = "'reciprocity boundary list' shows them."
BOUNDARY_ADDED = "Added boundary {id} ({area}) with {whose}; review it on {review}."
BOUNDARY_REVIEWED = "Boundary {id} is now {status}{review}."
BOUNDARY_NEXT_REVIEW = "; look at it again on {day}"
BOUNDARY_SPECIFIC = (
    "Requests land best when they are specific: what, when, and what you will do instead."
)
REVIEW_BEFORE_START = "The review date, {review}, comes before the boundary began, {since}."
NO_BOUNDARIES = (
    "No boundaries noted. A boundary is a specific request: "
    'reciprocity boundary add PERSON time "Calls after 9pm can wait until morning"'
)
BOUNDARY_DEFAULT_REVIEW_DAYS = 42

# -- roles under stress ------------------------------------------------------
ROLES_TWO = "Give two different roles, such as planner and listener."
ROLE_TOO_LONG = "A role's name should stay under {limit} characters."
ROLES_UNKNOWN = "There is no role rotation with id {id}."
ROLES_UNKNOWN_CLI = "'reciprocity roles list' shows them."
ROLES_NEED_PERSON = "Season {id} is your own; please say who shares the roles with you."
ROLES_NEED_PERSON_CLI = "Say it with --with NAME."
ROLES_EVERY_RANGE = (
    "Switching every {value} days does not work here; please give a whole number of days "
    "from 1 to {limit}, or leave it blank to switch by hand."
)
ROLES_SEASON_OVER = "Season {id} ended on {end}; roles are shared while a season is still going."
ROLES_SET = "During season {season}: {holders}."
ROLES_HOLDER = "{who} is the {role}"
ROLES_HOLDER_YOU = "you are the {role}"
ROLES_SWITCHED = "Switched roles: {holders}."
ROLES_STOPPED = (
    "Stopped sharing roles with {name} for season {season}. You can share them again at any time."
)
ROLES_BY_HAND = "by hand"
ROLES_EVERY_DAY = "every day; next switch on {day}"
ROLES_EVERY = "every {days} days; next switch on {day}"
NO_ROLES = (
    "No roles set. During a hard season, sharing roles helps: "
    "reciprocity roles set SEASON_ID planner listener --every 7"
)

# -- wins --------------------------------------------------------------------
WIN_EMPTY = "Please say in a few words what went well."
WIN_NEEDS_SOMEONE = (
    "A win is with someone: give a name from your list, or 'me' for one of your own."
)
WIN_ADDED = "Noted a small win with {whose} on {on}. Worth celebrating."
NO_WINS = (
    "No small wins noted yet. When something goes well, keep it: reciprocity win add PERSON TEXT"
)
STATUS_WINS = "Small wins lately:"

# -- rhythm ------------------------------------------------------------------
GAP_RANGE = "A gap of {value} days is outside 1 to {limit}."
GAP_LONGEST_SHORTER = "The longest comfortable gap ({longest}) is shorter than the ideal ({ideal})."
RHYTHM_SET = "With {name}: ideally in touch every {ideal}, and no more than {longest} apart feels comfortable."
NO_RHYTHMS = "No keep-in-touch rhythms set: reciprocity rhythm set PERSON --ideal 14 --longest 30"
RHYTHM_NEVER = "never in touch here yet"
RHYTHM_UNKNOWN = "There is no keep-in-touch rhythm with id {id}."
RHYTHM_UNKNOWN_CLI = "'reciprocity rhythm list' shows them."
RHYTHM_NONE_WITH = "No keep-in-touch rhythm is set with {name}, so there is nothing to clear."
RHYTHM_CLEARED = (
    "Cleared the rhythm with {name}. Moments and check-ins are kept as they are; "
    "you can set a new rhythm at any time."
)
GAP_NEEDED = "Please say how many days between contacts feel right, such as 14."
GAP_NOT_A_NUMBER = (
    "{value!r} is not a number of days; please write it as a whole number, such as 14."
)

# -- dates to remember -------------------------------------------------------
OCCASION_TITLE_EMPTY = "Please give the date a title, such as 'Wedding anniversary'."
OCCASION_ADDED = "Will remember {title} ({whose}) on {on}{yearly}."
OCCASION_YEARLY = ", every year"
NO_OCCASIONS = "No dates added. Birthdays come from people; add others with: reciprocity date add PERSON TITLE DATE"
OCCASION_UNKNOWN = "There is no date to remember with id {id}."
OCCASION_UNKNOWN_CLI = "'reciprocity date list' shows them."
OCCASION_NEEDS_SOMEONE = (
    "A date to remember is someone's: give a name from your list, or 'me' for one of your own."
)
OCCASION_NEEDS_DAY = "Please say when it is, such as 2026-03-14 or 14 Mar 2026."
OCCASION_LABEL = "{title} ({whose}, {on}) from the dates to remember"

# -- due ---------------------------------------------------------------------
DUE_TITLE = "What could use some attention, up to {until}"
DUE_NOTHING = "Nothing needs attention right now. Enjoy the quiet."
DUE_RITUAL_TODAY = "{ritual} is today"
DUE_RITUAL_WAITING = (
    "{ritual} was planned for {day}; it is not marked yet (done, skipped or moved?)"
)
DUE_RITUAL_SOON = "{ritual} is coming up on {day}"
DUE_CHECKIN = "A check-in with {name} was planned for {day}"
DUE_CHECKIN_SOON = "A check-in with {name} is planned for {day}"
DUE_BOUNDARY = "Time to look again at a request with {whose}: {request!r} (boundary {id})"
DUE_FOLLOW_UP = "From your check-in with {name} on {on}: {text!r}; worth asking how it is going"
DUE_BIRTHDAY = "{name}'s birthday is on {day}"
DUE_OCCASION = "{title} ({whose}) is on {day}"
DUE_RHYTHM = (
    "It has been {days} since you and {name} were last in touch; a short hello might be nice"
)
DUE_RHYTHM_LONG = (
    "It has been {days} since you and {name} were last in touch, a little longer than "
    "the {longest} that feels comfortable; no rush, just a gentle nudge"
)
DUE_ROLES = "During season {season}: {holders}"
DUE_PAGE_TITLE = "What needs attention"
DUE_PAGE_INTRO = (
    "Invitations, not alarms: rituals, check-ins, requests to look at again, dates and gentle "
    "nudges, each with a way to it. Letting one pass for now is fine too."
)
DUE_THIS_WEEK = "Needs attention this week"
DUE_SEE_ALL = "See everything that needs attention, further ahead too"
DUE_GROUP_EARLIER = "Still open from earlier days"
DUE_GROUP_TODAY = "Today"
DUE_GROUP_WEEK = "In the coming week"
DUE_GROUP_LATER = "Later on"
DUE_LOOK_AHEAD = "Look ahead"
DUE_AHEAD = {7: "a week", 30: "a month", 90: "three months", 366: "a year"}
DUE_DAYS_RANGE = "How far to look ahead is a number of days from 0 to 366; '{value}' is not one."
DUE_ACT_CHECKIN = "Prepare the check-in with {name}"
DUE_ACT_FOLLOW_UP = "Open the check-in with {name}"
DUE_ACT_RITUAL = "Mark or move {title}"
DUE_ACT_BOUNDARY = "Look again at boundary {id}"
DUE_ACT_PERSON = "Open {name}'s page"
DUE_ACT_DATES = "See the dates to remember"
DUE_ACT_ROLES = "See the roles in season {season}"
YOUR_OWN = "yourself"
WIN_CHANGED = "Changed small win {id} ({whose}, {on})."
WIN_LABEL = "small win {id} ({whose}, {on}: {text!r})"
BOUNDARY_CHANGED = "Changed boundary {id}."
BOUNDARY_LABEL = "boundary {id} with {whose} ({request!r})"
RITUAL_CHANGED = "Changed ritual {id} ({title})."
RITUAL_LABEL = "ritual {id} ({ritual}) and what became of each occurrence"
CHECKIN_CHANGED = "Changed the check-in of {on} with {name}."
CHECKIN_LABEL = "the check-in of {on} with {name}, and what you agreed at it"
NO_CHECKINS = "No check-ins yet. Start one with: reciprocity checkin NAME"
CHECKIN_ANSWER_FORM = (
    "{value!r} is not an answer to change; write it as SIDE.QUESTION=TEXT, where SIDE is me or "
    "them and QUESTION is supported, meaningful or drained."
)
CHECKIN_UNKNOWN = "There is no check-in with id {id}."
CHECKIN_UNKNOWN_CLI = "'reciprocity checkin list' shows them."
WIN_UNKNOWN = "There is no small win with id {id}."
WIN_UNKNOWN_CLI = "'reciprocity win list' shows them."

# -- calendar ----------------------------------------------------------------
CALENDAR_WRITTEN = (
    "Wrote {rituals} and {planned_checkins} to {path}; importing it again updates the same events."
)
CALENDAR_NEEDS_ICS = "{path}: calendars are .ics files; please use a name ending in .ics."
CALENDAR_CHECKIN_TITLE = "Check-in with {name}"
CALENDAR_CHECKIN_NOTE = "Where did each of you feel supported, what was meaningful, what was draining? And how did last time's adjustments go?"


# -- the web pages --------------------------------------------------------------------------------

ROLES_NOW = "Roles now: {holders}."
ROLES_SWITCHING = "They switch {when}."
ROLES_SWITCH_SUBMIT = "Switch roles now"
ROLES_STOP_SUBMIT = "Stop sharing these roles"
ROLES_SHARE_DETAILS = "Share roles during this season"
ROLES_RESET_DETAILS = "Set the roles afresh"
ROLES_INTRO = (
    "During a hard stretch it can help to share roles: one plans, one listens, and then you "
    "switch, so no one is always the planner."
)
FIELD_ROLE_MINE = "Your role"
FIELD_ROLE_THEIRS = "Their role"
ROLE_MINE_PLACEHOLDER = "planner"
ROLE_THEIRS_PLACEHOLDER = "listener"
FIELD_ROLE_EVERY = "Switch every so many days (optional)"
FIELD_ROLE_EVERY_HINT = "A number such as 7; leave it blank to switch by hand, when it feels right."
FIELD_ROLE_WITH = "Who shares the roles with you"
ROLES_NEED_SOMEONE = "Add someone first; roles are always shared with someone."
ROLES_SHARE_SUBMIT = "Share these roles"
ROLES_NOTICES = {
    "roles-set": "Roles are shared now: {holders}.",
    "roles-stopped": (
        "Stopped sharing roles with {name}. The season goes on, and you can share roles again "
        "at any time."
    ),
}
NAV_CHECKIN = "Check-ins"
CHECKINS_TITLE = "Check-ins"
CHECKINS_CHOOSE = "Who would you like to check in with?"
CHECKINS_PLANNED = "next planned for {day}"
CHECKINS_LAST = "last check-in on {day}"
CHECKINS_NEVER = "no check-in yet"
CHECKIN_TITLE = "Check-in with {name}"
NEED_WHO = "Please choose someone from your list."
CHECKIN_NEED_SOMEONE = "Add someone first; a check-in is always with someone."
CHECKIN_PREPARE = "Before you talk"
CHECKIN_RECORD = "After you talk"
CHECKIN_RECORD_INTRO = (
    "Note what each of you said, in a line or two. Leave anything blank that did not come up."
)
CHECKIN_OUTCOMES = "How did last time's adjustments go?"
OUTCOME_CHOICES = {"happened": "yes", "partly": "partly", "not-yet": "not yet", "": "not now"}
CHECKIN_AGREED = "What you both agreed to try"
CHECKIN_AGREED_HINT = "One per line. They come back at your next check-in, to see how they went."
CHECKIN_ON = "When you talked"
FIELD_CHECKIN_NEXT = "When to check in next"
CHECKIN_NEXT_HINT = "Four weeks on is suggested. Leave it empty for no plan."
CHECKIN_SAVE = "Save the check-in"
CHECKIN_SAVE_AS_WRITTEN = "Save as written"
CHECKIN_NOTES_TITLE = "A few thoughts on the wording"
CHECKIN_NOTES_INTRO = (
    "Your words are saved as you wrote them. Change them above if you like, then save."
)
CHECKIN_PAST = "Past check-ins"
CHECKIN_NONE_PAST = "No check-ins with {name} yet."
CHECKIN_PAST_NEXT = "Next planned for {day}."
CHECKIN_ANSWER_LABELS = {
    "supported": "Felt supported",
    "meaningful": "Meant the most",
    "drained": "Felt drained",
}
CHECKIN_AGREED_SHORT = "Agreed"
CHECKIN_EDIT_TITLE = "Change a check-in with {name}"
CHECKIN_EDIT_INTRO = (
    "What you both agreed is kept as it is; the answers, the day and the plan can change."
)
CHECKIN_EDIT_LINK = "Change"
CHECKIN_REMOVE_LINK = "Remove"
CHECKIN_REMOVE_ASK = "Remove the check-in with {name} from {on}?"
CHECKIN_REMOVE_BUTTON = "Remove the check-in"
CHECKIN_NEXT_EDIT_HINT = "Leave it empty for no plan."
CHECKIN_NOTE = "A note (optional)"
CHECKIN_CHANGED_NOTICE = "Saved the changes to the check-in."
CHECKIN_NOTHING_SAID = "nothing noted"
CHECKIN_LAST_MONTH = "the last month"
NAV_RITUALS = "Rituals"
RITUALS_TITLE = "Rituals"
RITUALS_INTRO = (
    "Shared habits with a rhythm: a weekly call, a monthly dinner, hosts taking turns. "
    "Skipping one by choice is part of keeping a ritual, and missing one is simply life."
)
RITUALS_NONE = "No rituals yet. A ritual is a shared habit with a rhythm; you can add one below."
RITUAL_WITH = "With {names}"
RITUAL_TODAY = "Planned for today, {day}."
RITUAL_WAITING = "Planned for {day}; not marked yet."
RITUAL_NEXT = "Next on {day}."
RITUAL_NO_NEXT = "Nothing more is planned."
RITUAL_ENDED_ON = "Ended on {day}."
RITUAL_KEPT = "Lately: {kept}."
RITUAL_COMING = "Coming up"
RITUAL_DONE_SUBMIT = "Mark {day} as done"
RITUAL_DONE_DETAILS = "When it happened, who hosted, a note (optional)"
RITUAL_DONE_ON = "It happened on"
RITUAL_HOSTED = "Who hosted or started it"
RITUAL_HOST_ME = "me"
RITUAL_DONE_NOTE = "A note (optional)"
RITUAL_SKIP_SUBMIT = "Skip {day}"
RITUAL_MOVE_TO = "Move {day} to"
RITUAL_MOVE_SUBMIT = "Move it"
RITUAL_ADD_TITLE = "Add a ritual"
FIELD_RITUAL_TITLE = "What it is"
FIELD_RITUAL_TITLE_HINT = "For example: Sunday call, monthly dinner, a walk."
FIELD_RITUAL_EVERY = "How often"
RITUAL_EVERY_CHOICES = {
    "week": "Every week",
    "2 weeks": "Every two weeks",
    "month": "Every month",
    "year": "Every year, on the date it starts",
    "custom": "A rule of your own (advanced)",
}
FIELD_RITUAL_WHICH = "Which day of the month"
FIELD_RITUAL_WHICH_HINT = "Only for a monthly ritual."
RITUAL_WHICH_CHOICES = {
    "date": "the same date as its first day",
    "first": "the first",
    "second": "the second",
    "third": "the third",
    "fourth": "the fourth",
    "last": "the last",
}
FIELD_RITUAL_DAY = "On"
FIELD_RITUAL_DAY_HINT = (
    "For a weekly ritual, or a monthly one on a weekday such as the first Saturday."
)
FIELD_RITUAL_RULE = "Your own rule"
FIELD_RITUAL_RULE_DETAILS = "Advanced: a rule of your own"
FIELD_RITUAL_RULE_HINT = (
    "Used when How often says a rule of your own. For example: every 3 weeks, "
    "last friday of the month, or a calendar rule such as FREQ=WEEKLY;BYDAY=TU,TH."
)
FIELD_RITUAL_FROM = "Starting on"
FIELD_RITUAL_UNTIL = "Ending on (optional)"
FIELD_FUTURE_HINT = "For example 2026-12-06, 6 Dec 2026 or today."
FIELD_RITUAL_AT = "Time of day (optional)"
FIELD_RITUAL_AT_HINT = "Like 19:30; it is shown with the ritual and goes into your calendar file."
FIELD_RITUAL_ZONE = "Time zone"
FIELD_RITUAL_ZONE_HINT = (
    "Kept only with a time of day; a new ritual starts in this computer's zone."
)
FIELD_RITUAL_ALSO = "Also with (optional)"
FIELD_RITUAL_FIRST = "Who hosts or starts it first"
FIELD_RITUAL_ROTATE = "Take turns hosting or starting it?"
RITUAL_ROTATE_CHOICES = {"yes": "yes, take turns", "no": "no"}
RITUAL_ADD_SUBMIT = "Add the ritual"
RITUAL_MOVE_NEEDS_DAY = "Please say which day it moves to."
RITUAL_ENDS_ON = "Its last day is {day}."
RITUAL_END_DETAILS = "Let this ritual end"
RITUAL_END_TO = "Last day (optional)"
RITUAL_END_HINT = "Leave it blank for today. What has happened so far is kept."
RITUAL_END_SUBMIT = "End this ritual"
RITUALS_CALENDAR = "Your rituals and planned check-ins, for your calendar (.ics)"
RITUALS_CALENDAR_HINT = (
    "Open the file in your calendar app; opening a newer one later updates the same events."
)
RITUAL_AT = "at {at}"
RITUAL_AT_ZONE = "at {at} ({zone})"
RITUAL_EDIT_LINK = "Change"
RITUAL_REMOVE_LINK = "Remove"
RITUAL_EDIT_TITLE = "Change {title}"
RITUAL_EDIT_INTRO = (
    "What became of each planned day so far is kept. The people it is with stay as they are."
)
RITUAL_CHANGED_NOTICE = "{title} is changed; what became of each day so far is kept."
RITUAL_REMOVE_ASK = "Remove {ritual}?"
RITUAL_REMOVE_GOES = "What became of each planned day: {kept}."
RITUAL_REMOVE_OR_END = (
    "To stop it but keep its history, keep it here and let it end on the rituals page instead."
)
RITUAL_REMOVE_BUTTON = "Remove the ritual"
RITUAL_ENDED_NOTICE = (
    "{title} now ends on {end}. Its history is kept, and nothing more is planned after that day."
)
NAV_BOUNDARIES = "Boundaries"
BOUNDARIES_TITLE = "Boundaries"
BOUNDARIES_INTRO = (
    "A boundary here is a specific request, not an ultimatum: what you would like, when, and "
    "what you will do instead. Each one is looked at again after a while, and it may change."
)
BOUNDARIES_NONE = "No boundaries noted yet."
BOUNDARIES_SHOW_RETIRED = "Show retired ones too"
BOUNDARIES_HIDE_RETIRED = "Hide retired ones"
BOUNDARY_WITH = "With {name}"
BOUNDARY_OWN = "Your own limit"
BOUNDARY_META = "{area} · {status} · since {since}"
BOUNDARY_REVIEW_ON = "Look at it again on {day}."
BOUNDARY_NO_REVIEW = "No review planned."
BOUNDARY_REVIEW_DUE = "time to look again"
BOUNDARY_REVIEW_TITLE = "Review this request"
FIELD_BOUNDARY_STATUS = "Where it stands now"
BOUNDARY_STATUS_WORDS = {
    "active": "active",
    "respected": "respected",
    "renegotiated": "renegotiated",
    "retired": "retired",
}
FIELD_BOUNDARY_NEW_REQUEST = "New words for the request (optional)"
FIELD_BOUNDARY_NEXT = "Look at it again on (optional)"
FIELD_BOUNDARY_NEXT_HINT = "Empty means six weeks from today; a retired request needs no review."
FIELD_BOUNDARY_REVIEW_NOTE = "How it has gone (optional)"
BOUNDARY_REVIEW_SUBMIT = "Save the review"
BOUNDARY_ADD_TITLE = "Add a boundary"
FIELD_BOUNDARY_WHOSE = "With"
BOUNDARY_WHOSE_ME = "my own limit"
FIELD_BOUNDARY_AREA = "What it protects"
BOUNDARY_AREA_WORDS = {
    "time": "time",
    "energy": "energy",
    "emotional-labour": "emotional labour",
    "topics": "topics",
    "other": "something else",
}
FIELD_BOUNDARY_REQUEST = "The request"
FIELD_BOUNDARY_REQUEST_HINT = (
    "Specific words: what, when, and what you will do instead. For example: "
    "calls after nine can wait until the morning."
)
FIELD_BOUNDARY_SINCE = "Since"
FIELD_BOUNDARY_REVIEW = "Look at it again on (optional)"
FIELD_BOUNDARY_REVIEW_HINT = "Six weeks on if left empty."
BOUNDARY_ADD_SUBMIT = "Add the boundary"
BOUNDARY_NOTICES = {
    "added": "Added. It comes up to look at again on {day}.",
    "reviewed": "Saved the review.",
    "changed": "Saved the changes to the request.",
}
BOUNDARY_EDIT_TITLE = "Change a request"
BOUNDARY_EDIT_LINK = "Change"
BOUNDARY_REMOVE_LINK = "Remove"
BOUNDARY_REMOVE_ASK = "Remove this request altogether?"
BOUNDARY_REMOVE_BUTTON = "Remove the request"
BOUNDARY_RETIRE_INSTEAD = (
    "If it has simply run its course, marking it retired in a review keeps its history instead."
)
BOUNDARY_REVIEW_EDIT_HINT = "Leave it empty for no review."
NAV_WINS = "Small wins"
WIN_EDIT_TITLE = "Change a small win"
WIN_EDIT_LINK = "Change"
WIN_REMOVE_LINK = "Remove"
WIN_REMOVE_ASK = "Remove this small win from {on}?"
WIN_REMOVE_BUTTON = "Remove the small win"
WIN_CHANGED = "Saved the changes to the small win."
WINS_TITLE = "Small wins"
WINS_INTRO = (
    "Something that went well between you and someone, noticed and kept. Small is the point."
)
WINS_NONE = "No small wins noted yet."
WINS_NONE_WITH = "No small wins noted with {name} yet."
WINS_FILTER = "Show wins with"
WINS_FILTER_ALL = "everyone"
WINS_FILTER_SUBMIT = "Show"
WIN_ADD_TITLE = "Note a small win"
FIELD_WIN_WHOSE = "With"
WIN_WHOSE_ME = "just me"
FIELD_WIN_TEXT = "What went well"
WIN_ADD_SUBMIT = "Keep it"
WIN_MINE = "yours"
NAV_RHYTHMS = "Rhythms & dates"
RHYTHMS_TITLE = "Rhythms and dates to remember"
RHYTHMS_INTRO = (
    "How often you would like to be in touch with each person, and the dates worth "
    "remembering. Any contact resets a rhythm: a moment, a check-in, a ritual kept or an "
    "imported chat. A long gap is a reminder to say hello, never a sign that anyone cares less."
)
RHYTHMS_HEADING = "Keep-in-touch rhythms"
RHYTHMS_NONE = (
    "No rhythms set yet. A rhythm says how often you would like to be in touch with someone; "
    "you can set one below."
)
RHYTHM_GAPS = "Ideally every {ideal}; up to {longest} apart feels comfortable."
RHYTHM_LAST = "Last in touch on {day}, {ago} ago."
RHYTHM_LAST_TODAY = "In touch today."
RHYTHM_LAST_NONE = (
    "Not in touch here yet; a moment, a check-in, a ritual kept or an imported chat all count."
)
RHYTHM_WITHIN = "Within the rhythm you chose."
RHYTHM_CHANGE_DETAILS = "Change this rhythm"
RHYTHM_CHANGE_SUBMIT = "Save the change"
RHYTHM_CLEAR_SUBMIT = "Clear the rhythm with {name}"
RHYTHM_SET_TITLE = "Set or change a rhythm"
RHYTHM_SET_HINT = "Choosing someone who already has a rhythm changes it."
FIELD_RHYTHM_PERSON = "With"
FIELD_RHYTHM_IDEAL = "The gap that feels right, in days"
FIELD_RHYTHM_IDEAL_HINT = "For example 7 for about once a week, or 14 for every fortnight."
FIELD_RHYTHM_LONGEST = "The longest gap that still feels comfortable, in days (optional)"
FIELD_RHYTHM_LONGEST_HINT = "Twice the ideal gap if left empty."
RHYTHM_SET_SUBMIT = "Set the rhythm"
RHYTHM_NEED_SOMEONE = "Add someone first; a rhythm is always with someone."
DATES_HEADING = "Dates to remember"
DATES_INTRO = (
    "Anniversaries, hard dates, exams: the next to come round first. Birthdays are kept on "
    "each person's page."
)
DATES_NONE = "No dates added yet."
DATE_NEXT = "Next on {day}, in {days} days."
DATE_NEXT_TOMORROW = "Tomorrow, {day}."
DATE_NEXT_TODAY = "Today, {day}."
DATE_PAST = "Was on {day}."
DATE_EVERY_YEAR = "every year, from {on}"
DATE_ONCE = "once"
DATE_MINE = "yours"
DATE_REMOVE_SUBMIT = "Remove {title}"
DATE_ADD_TITLE = "Add a date to remember"
FIELD_DATE_WHOSE = "Whose date"
DATE_WHOSE_ME = "my own"
FIELD_DATE_TITLE = "What it is"
FIELD_DATE_TITLE_HINT = "For example: wedding anniversary, a hard date, the last day of exams."
FIELD_DATE_ON = "The date"
FIELD_DATE_ON_HINT = "For example 2027-03-14 or 14 Mar 2027."
FIELD_DATE_YEARLY = "It comes back every year"
DATE_ADD_SUBMIT = "Remember this date"
DATE_CHANGED = "Saved the changes to the date."
DATE_EDIT_TITLE = "Change a date to remember"
DATE_EDIT_LINK = "Change"
DATE_REMOVE_ASK = "Remove {title} from the dates to remember?"


# -- sentences made from what the services return ------------------------------


def care_styles_line(name: str, theirs: Sequence[str], mine: Sequence[str]) -> str:
    """ "Sam shows care through listening; you show it through practical help." ("" if neither)."""
    their, my = style_list(theirs), style_list(mine)
    if not their and not my:
        return ""
    which = "both" if their and my else ("theirs" if their else "mine")
    return AGENDA_STYLES_LINE[which].format(name=name, their=their, mine=my)


def checkin_saved(name: str, on: date, agreed: int) -> str:
    """ "Saved the check-in with Jordan on 1 Nov 2026, with one thing you agreed to try."."""
    said = CHECKIN_SAVED if agreed == 0 else CHECKIN_SAVED_AGREED[min(agreed, 2)]
    return said.format(name=name, on=day_words(on), count=agreed)


_ME = "me"
"""How the services name the user (``model.ME``)."""


def host_words(host: str | None) -> str | None:
    if host is None:
        return None
    return YOU_HOST_NEXT if host == _ME else HOSTS_NEXT.format(name=host)


def host_sentence(host: str | None) -> str:
    """ "Jordan hosts next." or "You host next.", or nothing when no one takes turns."""
    said = host_words(host)
    return f"{said[0].upper()}{said[1:]}." if said else ""


def cadence_words(rule: str, start: date | None = None) -> str:
    """``FREQ=MONTHLY;BYDAY=1SA`` as "every month on the first Saturday"; unusual rules as they are.

    With the first day, a rule that repeats from it says when: "every month on
    the 7th", "every year on 7 March", "every week on Sunday".
    """
    parts = dict(part.split("=", 1) for part in rule.split(";"))
    if (
        not set(parts) <= {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY"}
        or parts.get("FREQ") not in CADENCE_UNITS
        or ("BYMONTHDAY" in parts and (parts["FREQ"] != "MONTHLY" or "BYDAY" in parts))
        or not parts.get("INTERVAL", "1").isdigit()
    ):
        return rule
    unit = CADENCE_UNITS[parts["FREQ"]]
    count = int(parts.get("INTERVAL", "1"))
    if count == 1:
        every = CADENCE_EVERY.format(unit=unit)
    elif count == 2:
        every = CADENCE_EVERY_OTHER.format(unit=unit)
    else:
        every = CADENCE_EVERY_N.format(count=count, unit=unit)
    if "BYMONTHDAY" in parts:
        if not parts["BYMONTHDAY"].isdigit():
            return rule
        return CADENCE_ON_DATE.format(every=every, date=date_words(int(parts["BYMONTHDAY"])))
    if "BYDAY" not in parts:
        if start is None or unit == "day":
            return every
        if unit == "week":
            code = tuple(CADENCE_DAYS)[start.weekday()]
            return CADENCE_ON.format(every=every, days=CADENCE_DAYS[code])
        if unit == "month":
            return CADENCE_ON_DATE.format(every=every, date=date_words(start.day))
        return CADENCE_ON_YEAR_DAY.format(every=every, day=start.day, month=start.strftime("%B"))
    days = []
    for code in parts["BYDAY"].split(","):
        match = re.fullmatch(r"([+-]?\d)?([A-Z]{2})", code)
        if match is None or match.group(2) not in CADENCE_DAYS:
            return rule
        ordinal = match.group(1)
        if ordinal is not None and ordinal.lstrip("+") not in CADENCE_ORDINALS:
            return rule
        name = CADENCE_DAYS[match.group(2)]
        days.append(name if ordinal is None else f"{CADENCE_ORDINALS[ordinal.lstrip('+')]} {name}")
    return CADENCE_ON.format(every=every, days=" and ".join(days))


def date_words(day: int) -> str:
    """ "1st", "2nd", "13th", "22nd": a day of the month as it is said."""
    ending = "th" if 11 <= day % 100 <= 13 else CADENCE_DATE_ENDINGS.get(day % 10, "th")
    return f"{day}{ending}"


def kept_words(kept: Mapping[str, object]) -> str:
    """ "kept 5 of 6 since 3 May 2026 (1 skipped by choice)", from ``Kept.as_dict``."""
    done, missed, skipped = (
        int(str(kept["done"])),
        int(str(kept["missed"])),
        int(str(kept["skipped"])),
    )
    if done + missed + skipped == 0:
        return KEPT_NONE
    since = day_words(str(kept["since"]))
    text = KEPT_SHARE.format(done=done, counted=done + missed, since=since)
    if skipped:
        text += f" ({KEPT_SKIPPED.format(count=skipped)})"
    return text


def holders_words(holders: Mapping[str, str]) -> str:
    parts = []
    for role, who in holders.items():
        if who == _ME:
            parts.append(ROLES_HOLDER_YOU.format(role=role))
        else:
            parts.append(ROLES_HOLDER.format(who=who, role=role))
    return "; ".join(parts)


def switch_words(every_days: int | None, day: date | None) -> str:
    """When roles next switch: "by hand", or "every 7 days; next switch on 8 Nov 2026"."""
    if every_days is None or day is None:
        return ROLES_BY_HAND
    if every_days == 1:
        return ROLES_EVERY_DAY.format(day=day_words(day))
    return ROLES_EVERY.format(days=every_days, day=day_words(day))


class DueLike(Protocol):
    """What ``due_text`` reads of an item of ``services.due``."""

    @property
    def kind(self) -> str: ...
    @property
    def day(self) -> date: ...
    @property
    def state(self) -> str: ...
    @property
    def people(self) -> tuple[str, ...]: ...
    @property
    def details(self) -> Mapping[str, object]: ...


def due_text(item: DueLike) -> str:
    """The sentence for one thing that could use attention (without a full stop)."""
    d = item.details
    day = day_words(item.day)
    name = item.people[0] if item.people else ""
    whose = str(d.get("whose") or "")
    whose_words = YOUR_OWN if whose in ("", _ME) else whose
    if item.kind == "ritual":
        template = {"today": DUE_RITUAL_TODAY, "waiting": DUE_RITUAL_WAITING}.get(
            item.state, DUE_RITUAL_SOON
        )
        text = template.format(ritual=ritual_named(str(d["title"]), item.people), day=day)
        host = host_words(None if d.get("hosts_next") is None else str(d["hosts_next"]))
        return text if host is None else f"{text}; {host}"
    if item.kind == "checkin":
        template = DUE_CHECKIN if item.state == "waiting" else DUE_CHECKIN_SOON
        return template.format(name=name, day=day)
    if item.kind == "follow-up":
        agreed_on = day_words(date.fromisoformat(str(d["agreed_on"])))
        return DUE_FOLLOW_UP.format(name=name, on=agreed_on, text=d["adjustment"])
    if item.kind == "boundary":
        return DUE_BOUNDARY.format(whose=whose_words, request=d["request"], id=d["boundary"])
    if item.kind == "birthday":
        return DUE_BIRTHDAY.format(name=name, day=day)
    if item.kind == "date":
        return DUE_OCCASION.format(title=d["title"], whose=whose_words, day=day)
    if item.kind == "rhythm":
        if d.get("past_longest"):
            return DUE_RHYTHM_LONG.format(
                days=days_words(d["gap_days"]), name=name, longest=days_words(d["longest_days"])
            )
        return DUE_RHYTHM.format(days=days_words(d["gap_days"]), name=name)
    if item.kind == "roles":
        holders = d.get("holders")
        said = holders_words(holders if isinstance(holders, Mapping) else {})
        return DUE_ROLES.format(season=d["season"], holders=said)
    raise ValueError(f"no words for a due item of kind {item.kind!r}")


def rhythm_last(day: date | str, days: int) -> str:
    """ "Last in touch on 31 Oct 2026, 1 day ago.", or "In touch today."."""
    if days == 0:
        return RHYTHM_LAST_TODAY
    return RHYTHM_LAST.format(day=day_words(day), ago=days_words(days))


def rhythm_sentence(name: str, ideal: int, longest: int) -> str:
    """ "With Jordan: ideally in touch every 14 days, …", said after a rhythm is set."""
    return RHYTHM_SET.format(name=name, ideal=days_words(ideal), longest=days_words(longest))


def rhythm_gaps(ideal: int, longest: int) -> str:
    """ "Ideally every 14 days; up to 30 days apart feels comfortable." """
    return RHYTHM_GAPS.format(ideal=days_words(ideal), longest=days_words(longest))


def days_words(days: object) -> str:
    """ "1 day", "14 days" (from a number, or a count as the services give it)."""
    return counted(int(str(days)), "day")


def occasion_sentence(title: str, whose: str, on: date, yearly: bool) -> str:
    """ "Will remember Wedding anniversary (Rosa) on 6 Nov 2026, every year.", once added."""
    return OCCASION_ADDED.format(
        title=title,
        whose=YOUR_OWN if whose == _ME else whose,
        on=day_words(on),
        yearly=OCCASION_YEARLY if yearly else "",
    )


def ritual_added(ritual_id: int, title: str, names: Sequence[str], rule: str, start: date) -> str:
    """ "Added ritual 4: Sunday call with Rosa, every week on Sunday, from 1 Nov 2026." """
    return RITUAL_ADDED.format(
        id=ritual_id,
        ritual=ritual_named(title, names),
        cadence=cadence_words(rule, start),
        start=day_words(start),
    )


def ritual_named(title: str, names: Sequence[str]) -> str:
    """A ritual and who it is with, read well whatever its own name says.

    "Climbing with Priya"; "Sunday call with Mum (Rosa)" when the name already
    says "with"; just "Dinner with Jordan" when the name already names everyone.
    """
    if all(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", title, re.IGNORECASE) for name in names):
        return title
    joined = " and ".join(names)
    if re.search(r"\bwith\b", title, re.IGNORECASE):
        return RITUAL_NAMED_WITH.format(title=title, names=joined)
    return RITUAL_NAMED.format(title=title, names=joined)


def ritual_done(title: str, on: date, due: date, host: str | None) -> str:
    """ "Marked Dinner as done on … (planned for …). Jordan hosts next." """
    text = RITUAL_DONE.format(title=title, on=day_words(on), due=day_words(due))
    return f"{text} {host_sentence(host)}".strip()
