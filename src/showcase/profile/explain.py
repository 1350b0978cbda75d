"""Pydantic's validation errors in words: each names the field, what was written and what the
profile expects there (the allowed fields, with a suggestion for a misspelt one).
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from showcase.errors import Problem, shown
from showcase.profile.models import Profile
from showcase.profile.source import Path_, Source, format_loc
from showcase.profile.types import describe_value, slugify


def explain(exc: ValidationError, source: Source) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc: Path_ = tuple(error["loc"])
        kind = error["type"]
        value = error.get("input")
        message = _message(kind, error, value, loc)
        key = kind == "extra_forbidden"
        if kind == "missing":
            # Point at the mapping that lacks the field: the field has no line of its own.
            line, column = source.where(loc[:-1])
            problems.append(Problem(source.file, line, column, format_loc(loc), message))
        else:
            problems.append(source.problem(loc, message, key=key))
    return problems


def _message(kind: str, error: Any, value: Any, loc: Path_) -> str:
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else "profile"
    if kind == "missing":
        return f"missing required field `{name}`"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc[:-1])
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        if close:
            return f"unknown field `{shown(name)}`; did you mean `{close[0]}`?"
        return f"unknown field `{shown(name)}`; expected one of: {', '.join(allowed)}"
    if kind == "enum":
        expected = ctx.get("expected", "").replace("'", "")
        return f"`{shown(value)}` is not allowed here; expected one of: {expected}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields (`key: value` lines), got {describe_value(value)}"
    if kind == "list_type":
        return f"expected a list (`- item` lines, or [a, b]), got {describe_value(value)}"
    if kind in ("string_type", "str_type"):
        return f"expected text, got {describe_value(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {describe_value(value)}"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"expected a number, got {describe_value(value)}"
    if kind == "greater_than":
        return f"must be more than {ctx.get('gt')}, got {shown(value)}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}, got {shown(value)}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}, got {shown(value)}"
    if kind == "string_pattern_mismatch" and name == "locale":
        return (
            f"`{shown(value)}` is not a locale; write a language code, optionally with a "
            "country: en, de, fr, es, en-GB, fr-CA ..."
        )
    if kind == "string_pattern_mismatch":
        return (
            f"`{shown(value)}` is not a valid id; use letters, digits, '-', '_' or '.', "
            f"e.g. `{slugify(str(value))[:60] or 'my-credential'}`"
        )
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def _allowed_fields(loc: Path_) -> list[str]:
    model: Any = Profile
    for part in loc:
        model = _unwrap(model)
        if isinstance(part, int):
            args = typing.get_args(model)
            model = args[0] if args else model
            continue
        if isinstance(model, type) and issubclass(model, BaseModel):
            field = model.model_fields.get(part)
            if field is None:
                return []
            model = field.annotation
        else:
            return []
    model = _unwrap(model)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    """Strip Optional and Annotated; keep list[...] for the caller to index."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0]
        else:
            return tp
