"""A labelled set of sentences for the phrasing check: which to point at, and which to leave alone.

Written for this project (none is taken from the seed texts), in the places
people write them: audit visions, boundaries, honest-feedback parts and
check-in answers; about "you", third persons and names; in present, past and
future. ``concern`` is what a sentence to flag is mainly about (``blame``,
``score`` or ``contempt``); fair sentences have ``None``.

``LABELLED`` was written before the rules it measures. Each ``HELD_OUT_n``
was written after the rules of its day, without looking at their hits, and
measured once before any rule changed; the misses then showed which families
of wording were missing, and the rules were widened for the family, not the
sentence. First measurements (recall; false alarms among the fair ones):

- ``HELD_OUT_1``: 13 of 24 flagged (0.54); 1 of 21 fair flagged (0.05).
- ``HELD_OUT_2``: 3 of 20 (0.15); 1 of 20 (0.05): mind-reading, comparisons, tallies.
- ``HELD_OUT_3``: 10 of 20 (0.50); 0 of 20.
- ``HELD_OUT_4``: 10 of 20 (0.50); 0 of 20, written last: the best estimate
  of how the check does on wording it has not met (about half of the blame
  and score-keeping in fresh sentences is caught; fair requests are almost
  never nagged).

All of them are kept so that no family, once covered, is lost again.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    text: str
    concern: str | None  # None: a fair sentence, to leave alone
    where: str  # vision, boundary, feedback or check-in


def _flag(concern: str, where: str, *texts: str) -> list[Case]:
    return [Case(text, concern, where) for text in texts]


def _fair(where: str, *texts: str) -> list[Case]:
    return [Case(text, None, where) for text in texts]


LABELLED: tuple[Case, ...] = (
    # -- blame: always and never ----------------------------------------------
    *_flag("blame", "vision", "You never ask how my week went."),
    *_flag("blame", "feedback", "She always cancels on me at the last minute."),
    *_flag("blame", "vision", "Jordan never remembers my birthday."),
    *_flag("blame", "check-in", "You're constantly on your phone when we have dinner."),
    *_flag("blame", "vision", "He has never once offered to drive."),
    *_flag("blame", "boundary", "You keep forgetting to call me back."),
    # -- blame: character labels ----------------------------------------------
    *_flag("blame", "check-in", "You're so inconsiderate."),
    *_flag("blame", "feedback", "Honestly, he's completely self-absorbed."),
    *_flag("blame", "vision", "You are being really selfish about the holidays."),
    *_flag("blame", "check-in", "My sister is such a control freak about Christmas."),
    *_flag("blame", "vision", "They're just lazy when it comes to keeping in touch."),
    *_flag("blame", "feedback", "You can be incredibly thoughtless."),
    # -- blame: should, ought, need to ----------------------------------------
    *_flag("blame", "vision", "You should call me more often."),
    *_flag("blame", "boundary", "He ought to know by now that Sundays matter to me."),
    *_flag("blame", "vision", "You need to start pulling your weight."),
    *_flag("blame", "feedback", "You should have asked before inviting them."),
    # -- blame: rhetorical questions ------------------------------------------
    *_flag("blame", "vision", "Why am I the one who always books dinner?"),
    *_flag("blame", "feedback", "Why do I always have to be the one to reach out?"),
    *_flag("blame", "check-in", "Why can't you ever just ask how I'm doing?"),
    *_flag("blame", "feedback", "How hard is it to text back?"),
    *_flag("blame", "vision", "Is it too much to ask for a phone call on my birthday?"),
    *_flag("blame", "boundary", "Would it kill you to plan something for once?"),
    # -- score-keeping: turns, counts, owing, even ----------------------------
    *_flag("score", "feedback", "It's his turn to call."),
    *_flag("score", "boundary", "It's your turn to host, not mine."),
    *_flag("score", "vision", "Next time it's definitely her turn to pick up the bill."),
    *_flag("score", "vision", "I hosted the last three times."),
    *_flag("score", "check-in", "I've driven to her place four weekends in a row."),
    *_flag("score", "feedback", "I've called him five times this month and he hasn't called once."),
    *_flag("score", "check-in", "That's the third time I've covered for you."),
    *_flag("score", "boundary", "I paid last time, so you can get this one."),
    *_flag("score", "vision", "You owe me after everything I did during the move."),
    *_flag("score", "feedback", "After all I've done for you, you can't even give me a lift."),
    *_flag("score", "check-in", "I think she owes me a visit."),
    *_flag("score", "vision", "We'll be square when you take me out for dinner."),
    *_flag("score", "boundary", "Once you host me, we're even."),
    *_flag("score", "feedback", "It's only fair that you drive this time."),
    *_flag("score", "check-in", "I'm keeping track of who reaches out first."),
    *_flag("score", "vision", "I always end up being the one who organises everything."),
    *_flag("score", "check-in", "I do all the emotional work in this friendship."),
    *_flag("score", "feedback", "You only call when you need something."),
    # -- contempt -------------------------------------------------------------
    *_flag("contempt", "check-in", "You just use me."),
    *_flag("contempt", "feedback", "Oh great, another cancelled dinner. Thanks for nothing."),
    *_flag("contempt", "check-in", "Must be nice to have someone run your errands."),
    *_flag("contempt", "feedback", "Honestly, it's pathetic how little effort you make."),
    *_flag("contempt", "vision", "Nice of you to finally show up."),
    *_flag("contempt", "boundary", "I'm not your personal taxi service."),
    *_flag("contempt", "check-in", "Whatever, you'll forget anyway 🙄"),
    *_flag("contempt", "feedback", "Typical Sam, late again."),
    *_flag("contempt", "boundary", "Grow up and answer your messages."),
    *_flag("contempt", "vision", "Yeah right, like you'd ever plan a trip."),
    # -- fair: requests, wishes, turn-taking asked for ------------------------
    *_fair("vision", "Could we take turns choosing the film?"),
    *_fair("vision", "I'd love more give-and-take in how we plan."),
    *_fair("boundary", "Can we alternate who books dinner?"),
    *_fair("vision", "I'd like us to check in weekly."),
    *_fair("vision", "A standing call every other Sunday, and we take turns starting it."),
    *_fair("vision", "We always laugh when we cook together, and I'd like more of that."),
    *_fair("vision", "I never want us to go a month without talking."),
    *_fair("vision", "When I share something hard, I'd like a question back before advice."),
    *_fair("feedback", "Would you be up for calling me on Sunday evenings?"),
    *_fair("boundary", "I'd like one evening a week that's just for me."),
    *_fair("feedback", "Could you let me know a day ahead if plans change?"),
    *_fair("vision", "Maybe we could split the planning: you pick the place, I book it."),
    *_fair("vision", "Next month I'd love for you to choose where we go."),
    *_fair("check-in", "I should tell you more often how much your calls mean to me."),
    *_fair("check-in", "We should try a walk instead of dinner sometimes."),
    *_fair("boundary", "I need to rest on weekday evenings, so could we meet on Saturdays?"),
    *_fair("vision", "Why don't we try a monthly coffee, just the two of us?"),
    *_fair("boundary", "How about we rotate who hosts the family lunch?"),
    *_fair("feedback", "Last Friday you cancelled an hour before, and I felt a bit flat."),
    *_fair("check-in", "When you asked about my mum's surgery, I felt really cared for."),
    *_fair("check-in", "You always make me laugh when I'm low."),
    *_fair("check-in", "She has been so kind since the move."),
    *_fair("check-in", "He's been exhausted with the new baby, so I'm happy to do more for now."),
    *_fair("check-in", "It's impossible to find a time that suits everyone in December."),
    *_fair("feedback", "The last three weeks have been hectic for both of us."),
    *_fair("vision", "I'd like us to share the driving when we visit my parents."),
    *_fair("feedback", "Could we set a time to talk that we both keep?"),
    *_fair("feedback", "It would help me if you asked before inviting others."),
    *_fair("feedback", "I felt unimportant when the plans changed without a message."),
    *_fair("boundary", "I'd like to take a turn listening, without jumping in with advice."),
    *_fair("vision", "Let's each take a turn picking the restaurant."),
    *_fair("vision", "Even a short text on busy days would mean a lot to me."),
    *_fair("boundary", "I'm happy to host again; could you bring dessert?"),
    *_fair("vision", "I'd like to be asked about my day now and then."),
    *_fair("boundary", "Could we do the school run on alternate weeks?"),
    *_fair("vision", "When we meet, I'd like time for both of us to talk."),
    *_fair("check-in", "I've been leaning on you a lot since the funeral, and I'm grateful."),
    *_fair("check-in", "Thank you for driving me to the hospital three times last month."),
    *_fair("vision", "I'd love us to plan the holidays together this year."),
    *_fair("feedback", "Would you be open to a quiet night in instead of a party?"),
    *_fair("check-in", "I want to get better at asking for help."),
    *_fair("vision", "We could swap roles: one of us plans, the other listens."),
    *_fair("check-in", "It means a lot when you remember the little things."),
    *_fair("boundary", "Can we keep Thursdays for just us?"),
    *_fair("vision", "I'd like to hear how your week was before we make plans."),
    *_fair("boundary", "Please let me finish my story before giving advice."),
    *_fair("boundary", "My turn to cook is Tuesday; could you take Thursday?"),
    *_fair("vision", "If it's easier, we could meet halfway between our flats."),
    *_fair("vision", "I'd like us to call each other on our birthdays, whoever remembers first."),
    *_fair(
        "boundary", "Could we agree that either of us can say 'not tonight' without explaining?"
    ),
)

HELD_OUT_1: tuple[Case, ...] = (
    *_flag("blame", "vision", "Mum never listens when I talk about work."),
    *_flag("blame", "check-in", "They are always late to everything we plan."),
    *_flag("blame", "feedback", "He's a terrible listener."),
    *_flag("blame", "check-in", "You were incredibly rude to my friends on Saturday."),
    *_flag("blame", "boundary", "You must stop calling me after eleven."),
    *_flag("blame", "vision", "Why does it always fall to me to plan the holidays?"),
    *_flag("blame", "feedback", "Do you even care how my interview went?"),
    *_flag("blame", "vision", "Sam forgets every single plan we make."),
    *_flag("blame", "check-in", "You're so self-centred lately."),
    *_flag("blame", "feedback", "You shouldn't have left me alone at the party."),
    *_flag("blame", "boundary", "Whose idea was it that I do all the driving?"),
    *_flag("score", "check-in", "I've cooked for her every Sunday for a year."),
    *_flag("score", "vision", "It's about time she paid for a dinner."),
    *_flag("score", "boundary", "After this we'll be even, and I'm done doing favours."),
    *_flag("score", "feedback", "I've picked up the tab four times since June."),
    *_flag("score", "check-in", "She still hasn't returned the favour from my move."),
    *_flag("score", "vision", "I gave him a lift twice last week, so now it's on him."),
    *_flag("score", "feedback", "Since I did Christmas, it's only right that you do Easter."),
    *_flag("score", "boundary", "I'm not hosting again until they've had us over."),
    *_flag("contempt", "check-in", "Wow, what a great friend you are."),
    *_flag("contempt", "feedback", "Sure, because your job is so much harder than mine."),
    *_flag("contempt", "vision", "He treats me like a free babysitter."),
    *_flag("contempt", "check-in", "Seriously? You forgot again?"),
    *_flag("contempt", "boundary", "I'm tired of being your emotional dumping ground."),
    *_fair("vision", "I'd love a phone call on Sunday afternoons."),
    *_fair("boundary", "Could you text me when you're running late?"),
    *_fair("check-in", "I felt really supported when you came to the hospital."),
    *_fair("vision", "I'd like us to trade off who drives to the lake."),
    *_fair("feedback", "On Saturday I waited an hour, and I felt forgotten."),
    *_fair("boundary", "I need weekday evenings to myself for now."),
    *_fair("vision", "Could we each pick one thing to plan this month?"),
    *_fair("check-in", "We've had four lovely dinners this month."),
    *_fair("vision", "I'd like to ask how you're doing more often."),
    *_fair("check-in", "She's been under so much pressure at work."),
    *_fair("vision", "Next time, could you ask me before you invite your brother?"),
    *_fair("feedback", "It would mean a lot if you asked about my mum now and then."),
    *_fair("boundary", "Can we keep phones away during dinner?"),
    *_fair("vision", "Let's alternate Christmas between our families."),
    *_fair("check-in", "I should have told you sooner that I was struggling."),
    *_fair("vision", "I'd love us to be a team when your parents visit."),
    *_fair("feedback", "When you remembered my exam, I felt so looked after."),
    *_fair("boundary", "Could we agree on one quiet weekend a month?"),
    *_fair("vision", "I'd like it to feel easy to say no to each other."),
    *_fair("check-in", "He always texts when he gets home, which I love."),
    *_fair("vision", "Would you be open to taking turns hosting book club?"),
)

HELD_OUT_2: tuple[Case, ...] = (
    *_flag("blame", "check-in", "You don't care about anyone but yourself."),
    *_flag("blame", "feedback", "Dad has no idea how much I do for him."),
    *_flag("blame", "check-in", "You're the most selfish person I know."),
    *_flag("blame", "feedback", "You clearly don't value my time."),
    *_flag("blame", "vision", "Every time I need you, you're busy."),
    *_flag("blame", "feedback", "You could have at least texted."),
    *_flag("blame", "check-in", "Who forgets their best friend's birthday?"),
    *_flag("blame", "boundary", "She expects me to drop everything whenever she calls."),
    *_flag("blame", "check-in", "You're acting like a spoiled child."),
    *_flag("score", "feedback", "I've bent over backwards for you this year and got nothing back."),
    *_flag("score", "boundary", "We're not even close to equal on who does the dishes."),
    *_flag(
        "score",
        "feedback",
        "I was there for you through the divorce; where were you when I lost my job?",
    ),
    *_flag("score", "vision", "I always pay and you know it."),
    *_flag(
        "score", "check-in", "I bought the last round, the one before, and the one before that."
    ),
    *_flag("score", "check-in", "He'll owe me big after this weekend."),
    *_flag("contempt", "check-in", "Whatever you say, genius."),
    *_flag("contempt", "feedback", "Oh, so now you want to talk?"),
    *_flag("blame", "check-in", "You're unbelievable."),
    *_flag("score", "vision", "I'm sick of carrying this friendship on my own."),
    *_flag("contempt", "feedback", "How convenient that you're always busy when I need help."),
    *_fair("feedback", "Could you ask me how I'm doing when we talk on the phone?"),
    *_fair("vision", "I'd like us to plan one trip together this year."),
    *_fair("boundary", "When I'm upset, it helps if you just listen first."),
    *_fair("boundary", "I've been cooking a lot lately and I'd love some help on Thursdays."),
    *_fair("check-in", "She's always been the organised one, and I'm grateful for that."),
    *_fair("vision", "Can we make Friday our night to catch up?"),
    *_fair("vision", "I'd love it if you'd sometimes suggest what we do."),
    *_fair("check-in", "We missed each other's calls three times this week, funny how that goes."),
    *_fair("check-in", "It's been hard since the move, for both of us."),
    *_fair("check-in", "I want to be better at noticing when you need space."),
    *_fair("boundary", "Could you let me know if you can't make it by Thursday?"),
    *_fair("check-in", "My brother has been a huge help with Dad's appointments."),
    *_fair("vision", "I'd like a say in where we go on holiday."),
    *_fair("boundary", "Would you mind taking the bins out on Mondays?"),
    *_fair("vision", "Let's take it in turns to choose the takeaway."),
    *_fair("vision", "I hope we can keep our Sunday walks going."),
    *_fair("feedback", "I felt left out when the plans were made without me."),
    *_fair("vision", "I'd like to feel like we're on the same team."),
    *_fair("vision", "Perhaps we could check in once a month about how things feel."),
    *_fair("check-in", "He's never been one for big speeches, and that's fine."),
)

HELD_OUT_3: tuple[Case, ...] = (
    *_flag("blame", "feedback", "you never even asked how the funeral went"),
    *_flag("blame", "check-in", "Priya is so flaky, she bailed on the wedding dress fitting."),
    *_flag("blame", "vision", "You always make everything about you."),
    *_flag("blame", "feedback", "Why is it so hard for you to say thank you?"),
    *_flag("blame", "boundary", "He needs to grow up and start helping with his mother."),
    *_flag("blame", "check-in", "I guess my time just doesn't matter to you."),
    *_flag("blame", "check-in", "Honestly you're a terrible friend lately."),
    *_flag(
        "score", "feedback", "I've done the school run every day this term while you did nothing."
    ),
    *_flag("score", "boundary", "I covered your rent in March, so you can cover mine now."),
    *_flag(
        "score", "check-in", "She's had three birthdays at my place and never once hosted mine."
    ),
    *_flag("score", "feedback", "You've got a lot of making up to do."),
    *_flag("score", "vision", "We'll call it even if you babysit on Friday."),
    *_flag("score", "vision", "It's always me who has to apologise first."),
    *_flag("contempt", "feedback", "Don't act like you're the only one who's tired."),
    *_flag("blame", "check-in", "You only ever think about yourself."),
    *_flag("contempt", "feedback", "Thanks for remembering my birthday, oh wait, you didn't."),
    *_flag("contempt", "check-in", "Good luck finding someone else who'll put up with this."),
    *_flag("blame", "check-in", "You're so lazy it's unreal."),
    *_flag("blame", "feedback", "Of course you forgot, you always do."),
    *_flag("blame", "boundary", "He should know better by now."),
    *_fair("vision", "I'd love a hug when I get home from a long shift."),
    *_fair("vision", "could we do a video call on sundays?"),
    *_fair("check-in", "It helped so much when you took the kids on Saturday."),
    *_fair("vision", "I'd like us both to say when we're running on empty."),
    *_fair("boundary", "Can you tell me when something I do bothers you?"),
    *_fair("check-in", "I want to hear about your new job, tell me everything."),
    *_fair("boundary", "This month has been heavy for me, and I'd like some quiet evenings."),
    *_fair("check-in", "I noticed I've been quieter lately, and I want to change that."),
    *_fair("feedback", "Would Tuesday or Wednesday work better for dinner?"),
    *_fair("vision", "I'd like us to take it in turns to visit each other's families."),
    *_fair("boundary", "When we argue, I'd like us to take a break and come back to it."),
    *_fair("vision", "I'd be glad if you came to the school play with me."),
    *_fair("check-in", "He has always been good with my dad, and I'd love that to continue."),
    *_fair("boundary", "Could we agree a budget for birthday presents?"),
    *_fair("boundary", "I'm happy to drive if you can navigate."),
    *_fair("vision", "Let's plan something for your birthday together."),
    *_fair("vision", "I'd love for us to share the hosting this year."),
    *_fair("check-in", "Please tell me if I've been leaning on you too much."),
    *_fair("vision", "I'd like to keep our Friday calls even when we're busy."),
    *_fair("check-in", "Mum and I used to talk every week and I miss that."),
)

HELD_OUT_4: tuple[Case, ...] = (
    *_flag("blame", "check-in", "Tom hasn't asked me a single question about my life in months."),
    *_flag("blame", "feedback", "You act like my problems are nothing."),
    *_flag("blame", "check-in", "she's so two-faced about the wedding plans"),
    *_flag("blame", "vision", "If you really loved me you'd call more."),
    *_flag("blame", "feedback", "Why must you always turn up late?"),
    *_flag("score", "vision", "I'm fed up of always being the one who remembers birthdays."),
    *_flag("blame", "check-in", "You don't even try anymore."),
    *_flag("blame", "check-in", "My mother is impossible to please."),
    *_flag("score", "boundary", "We'll be even once she finally pays for a meal."),
    *_flag("score", "feedback", "I think you've had more than your share of my weekends."),
    *_flag(
        "score", "feedback", "I drove you to the airport twice and you couldn't pick me up once."
    ),
    *_flag("blame", "check-in", "What's the point of asking you for anything?"),
    *_flag("blame", "check-in", "You're always on about your own stuff."),
    *_flag(
        "score", "feedback", "Last month I organised her whole birthday and she didn't say thanks."
    ),
    *_flag("contempt", "feedback", "Oh please, like you've ever been on time."),
    *_flag("contempt", "boundary", "Must I spell out everything for you?"),
    *_flag("contempt", "check-in", "Gee, thanks for the invite."),
    *_flag("score", "check-in", "He owes me an apology and a dinner."),
    *_flag("score", "vision", "It's not my job to keep this friendship alive."),
    *_flag("blame", "check-in", "You're hopeless with money and with me."),
    *_fair("vision", "I'd like us to spend one evening a week without screens."),
    *_fair("feedback", "Can we talk about how we split the chores?"),
    *_fair("check-in", "You were brilliant with Mum at the hospital."),
    *_fair("vision", "I'd love it if you asked about my painting sometimes."),
    *_fair("vision", "Next weekend could we stay in and cook together?"),
    *_fair("check-in", "I'm trying to say yes less often when I'm tired."),
    *_fair("vision", "I'd like it if we both took a turn planning date night."),
    *_fair("vision", "My sister and I want to visit Gran more often."),
    *_fair("feedback", "Could you tell me if I'm talking too much about work?"),
    *_fair("check-in", "I felt proud of us after we sorted the holiday out."),
    *_fair("feedback", "It would be nice to get a text when you land."),
    *_fair("vision", "I'd like to be someone you can come to when things are hard."),
    *_fair(
        "feedback",
        "Lately I've been the one reaching out, and I'd like to talk about how that feels for both of us.",
    ),
    *_fair("boundary", "Could we swap who drives on the long trips?"),
    *_fair("check-in", "When you asked about my day, it made my evening."),
    *_fair("vision", "I'd love for you to come to my first race."),
    *_fair("vision", "We could each pick a restaurant and alternate."),
    *_fair("check-in", "I'm grateful you stayed late to help me move."),
    *_fair("vision", "Let's find a time that works for both our schedules."),
    *_fair("vision", "I'd like to check in after your exams are over."),
)

HELD_OUT: tuple[Case, ...] = (*HELD_OUT_1, *HELD_OUT_2, *HELD_OUT_3, *HELD_OUT_4)
