"""Reading the values typed on the command line, quickly.

Typer checks every value it is given with pydantic, whose import alone costs
about as much as starting the whole command line; quick capture should not
wait for it. Most values this command line takes are plain: words, whole
numbers within bounds, one of a few choices, and lists of them. A value
that reads plainly is taken here as Typer would take it; anything else (a
number out of bounds, a choice that is not one, a path, which Typer checks) goes to
Typer's own check, which says what was wrong in its usual words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, get_args, get_origin

from typer._click.core import Command, Context  # the command-line parser Typer builds on
from typer._coercion import RuntimeParam, build_runtime_param  # how Typer checks a parameter
from typer.core import TyperArgument, TyperGroup, TyperOption
from typer.models import ParameterInfo

Convert = Callable[[Any], Any]

_WHOLE = re.compile(r"[+-]?[0-9]+")


class NotPlain(ValueError):
    """A value that needs Typer's own check (to be read, or to be told what was wrong)."""


@dataclass(frozen=True)
class PlainParam(RuntimeParam):
    """A parameter's check that reads plain values itself and hands the rest to Typer."""

    convert: Convert

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        if ctx.token_normalize_func is None:
            try:
                return self.convert(value)
            except NotPlain:
                pass
        return build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)


def quicken(command: Command, ctx: Context, *, subcommands: bool = True) -> None:
    """Give every parameter of ``command`` (and of its subcommands) the plain check it can have.

    ``ctx`` is the context the command runs in (or its parent's): it names the help option,
    which each command makes when first asked for it. ``subcommands=False`` leaves a group's
    commands alone (the root's are made, and quickened, one at a time as they are asked for)."""
    helps = command.get_help_option(ctx)
    for param in [*command.params, *([helps] if helps is not None else [])]:
        if isinstance(param, TyperArgument | TyperOption) and param._runtime_param is None:
            descriptor = param.type_descriptor
            if descriptor.file_annotation is not None:
                continue
            convert = plain(descriptor.annotation, descriptor.parameter_info)
            if convert is not None:
                param._runtime_param = PlainParam(
                    annotation=descriptor.annotation,
                    parameter_info=descriptor.parameter_info,
                    convert=convert,
                )
    if subcommands and isinstance(command, TyperGroup):
        for sub in command.commands.values():
            quicken(sub, ctx)


def plain(annotation: Any, info: ParameterInfo) -> Convert | None:
    """How to read a value of ``annotation`` plainly, or None when Typer should always check."""
    if info.parser is not None or info.clamp:
        return None
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        one = _leaf(item, info)
        if one is None:
            return None
        each: Convert = one

        def items(value: Any) -> list[Any]:
            return [each(v) for v in (value if isinstance(value, list | tuple) else [value])]

        return items
    return _leaf(annotation, info)


def _leaf(annotation: Any, info: ParameterInfo) -> Convert | None:
    if annotation is str:
        return _text
    if annotation is bool:
        return _flag
    if annotation is int:
        return _whole(info.min, info.max)
    if isinstance(annotation, type) and issubclass(annotation, Enum) and info.case_sensitive:
        return _choice(annotation)
    return None


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise NotPlain(value)


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise NotPlain(value)


def _whole(low: Any, high: Any) -> Convert:
    def whole(value: Any) -> int:
        if isinstance(value, str) and _WHOLE.fullmatch(value):
            number = int(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            raise NotPlain(value)
        if (low is not None and number < low) or (high is not None and number > high):
            raise NotPlain(value)
        return number

    return whole


def _choice(kind: type[Enum]) -> Convert:
    by_word = {str(member.value): member for member in kind}

    def choice(value: Any) -> Enum:
        if isinstance(value, kind):
            return value
        if isinstance(value, str) and value in by_word:
            return by_word[value]
        raise NotPlain(value)

    return choice
