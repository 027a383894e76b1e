"""Rules of the evidence step written the plain way, to check the fast forms against.

``evidence.conversations.exchanges_by_person`` picks each person's messages
over whole columns for speed; ``exchanges_stepwise`` picks them conversation
by conversation, as its docstring states the rule.
"""

from __future__ import annotations


def exchanges_stepwise(
    rows: list[tuple[int, int]], me: int, people: dict[int, int], silence: int
) -> dict[int, list[int]]:
    """Which messages (by index) make each person's exchange with the user, conversation by conversation.

    ``rows`` are (minute, author position) in time order; a conversation
    counts for a person when the user and any of that person's names wrote in it.
    """
    picked: dict[int, list[int]] = {person: [] for person in people.values()}
    conversations: list[list[int]] = []
    for index, (minute, _author) in enumerate(rows):
        if not conversations or minute - rows[index - 1][0] >= silence:
            conversations.append([])
        conversations[-1].append(index)
    for members in conversations:
        spoke = {rows[index][1] for index in members}
        if me not in spoke:
            continue
        for person in {people[p] for p in spoke if p in people}:
            wanted = {me} | {p for p, owner in people.items() if owner == person}
            picked[person] += [index for index in members if rows[index][1] in wanted]
    return picked
