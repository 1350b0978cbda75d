"""Budgets for templates: output size, loop iterations, time, and no giant values.

Themes are shared between people, and Jinja's sandbox stops a template from reaching
Python's internals but not from running for hours or filling the memory: nested
``range(100000)`` loops ran for hours, ``'-'.join(['x']*10**7)`` took 52 s and 8 GB,
``center``/``indent`` with a width of 10^9 about 1 GB each. Here:

* every value a template makes (an operator's result, a filter's, a call's) holds at
  most `VALUE_LIMIT` characters or items, checked *before* it is made where the size
  can be told in advance (``*``, ``**``, widths, ``join``, ``replace``, format widths);
* a render writes at most `OUTPUT_LIMIT` characters (`render`, streamed);
* a user's template runs at most `LOOP_LIMIT` loop iterations and `TIME_LIMIT`
  seconds (each ``for`` of every template is compiled through `counted` by
  `BudgetedCodeGenerator`; the budget is active while a template from
  ``--templates`` renders).

Each refusal is a `BudgetExceeded`; `showcase.render.templates.template_errors` turns it
into a TemplateError naming the template's file and line.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import safe_range

from showcase.render import sizes

VALUE_LIMIT = 5_000_000  # characters of a string, items of a list, made by a template
OUTPUT_LIMIT = 20_000_000  # characters one render writes (a resume page is ~30,000)
LOOP_LIMIT = 2_000_000  # loop iterations of one render of a user's template
TIME_LIMIT = 30.0  # seconds one render of a user's template may take
NUMBER_LIMIT = 10**15  # an integer a template makes (10**10**9 would never finish)


class BudgetExceeded(Exception):
    """A template went over one of its budgets; the message says which. `where` is
    ``FILE:LINE`` when the refusal happens outside the template's own frames."""

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.where = where


class Budget:
    """The loop and time budget of one render (see `active`)."""

    def __init__(self, loops: int | None = None, seconds: float | None = None) -> None:
        # The limits are read when a render starts, so a test may lower `LOOP_LIMIT` or
        # `TIME_LIMIT` (tests/render/test_budget.py) and the error message says the same.
        self.loops = LOOP_LIMIT if loops is None else loops
        self.left = self.loops
        self.seconds = TIME_LIMIT if seconds is None else seconds
        self.deadline = time.monotonic() + self.seconds

    def tick(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise BudgetExceeded(f"more than {self.loops:,} loop iterations")
        if not self.left & 0x3FF:
            self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(f"took longer than {self.seconds:g} s")


_budget: ContextVar[Budget | None] = ContextVar("showcase_template_budget", default=None)


@contextlib.contextmanager
def active(budget: Budget | None) -> Iterator[None]:
    """Make `budget` the one `counted` and calls charge, for the current thread."""
    token = _budget.set(budget)
    try:
        yield
    finally:
        _budget.reset(token)


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """`iterable`, each item charged to the active budget (a no-op without one)."""
    budget = _budget.get()
    if budget is None:
        yield from iterable
        return
    for item in iterable:
        budget.tick()
        yield item


def check_time() -> None:
    budget = _budget.get()
    if budget is not None:
        budget.check_time()


# --- sizes -----------------------------------------------------------------------------


def check_size(value: Any, what: str = "a value") -> Any:
    """`value`, unless it is a string, a list or a number beyond the limits."""
    if isinstance(value, (str, bytes, list, tuple, dict, set)) and len(value) > VALUE_LIMIT:
        raise BudgetExceeded(f"{what} of more than {VALUE_LIMIT:,} characters or items")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > NUMBER_LIMIT:
        raise BudgetExceeded(f"{what}: a number larger than {NUMBER_LIMIT:,}")
    return value


def _sized(value: Any) -> int | None:  # a sequence's length
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def check_weight(value: Any, what: str) -> None:  # see `sizes.weight`
    if not isinstance(value, str) and sizes.weight(value, VALUE_LIMIT) > VALUE_LIMIT:
        raise BudgetExceeded(f"{what} of more than {VALUE_LIMIT:,} characters as text")


def _repeat_size(left: Any, right: Any) -> int:
    """The size of ``left * right`` when it repeats a sequence, else 0: in items, or in
    characters as text when that is more (``['x' * 4999999] * 300``)."""
    for seq, times in ((left, right), (right, left)):
        size = _sized(seq)
        if size is not None and isinstance(times, int) and times > 0:
            if isinstance(seq, (list, tuple)):
                size = max(size, sizes.weight(seq, VALUE_LIMIT // times + 1))
            return size * times
    return 0


def _power_ok(base: Any, exponent: Any) -> bool:
    if not (isinstance(base, int) and isinstance(exponent, int)) or exponent < 0:
        return True
    if abs(base) <= 1:
        return True
    return exponent * max(abs(base).bit_length(), 1) <= NUMBER_LIMIT.bit_length() + 64


_WIDTH = re.compile(r"\d{7,}")  # a width or precision of a million or more in a format
_NESTED_FIELD = re.compile(r"\{[^{}]*\{")  # "{:>{}}": a field whose spec takes an argument


def check_format(spec: Any) -> None:
    """Refuse ``%`` or ``{}`` formats asking for a field of millions of characters."""
    if isinstance(spec, str) and _WIDTH.search(spec):
        raise BudgetExceeded("a format with a width of millions of characters")


def _check_star_widths(stars: int, arguments: Any) -> None:
    """A format whose widths come from its arguments (``%*s``, ``{:>{}}``): each whole
    number given may be one, so together they must stay under VALUE_LIMIT."""
    if not stars:
        return
    values = arguments if isinstance(arguments, (tuple, list)) else (arguments,)
    widths = sum(v for v in values if isinstance(v, int) and not isinstance(v, bool) and v > 0)
    if widths > VALUE_LIMIT:
        raise BudgetExceeded(f"a format with widths of more than {VALUE_LIMIT:,} in all")


def binop(operator: str, left: Any, right: Any) -> Any:
    """``*``, ``**``, ``%`` and ``+`` as a template may use them: sizes known first."""
    if operator == "*":
        if _repeat_size(left, right) > VALUE_LIMIT:
            raise BudgetExceeded(f"a repetition of more than {VALUE_LIMIT:,} characters or items")
        return check_size(left * right, "a product")
    if operator == "**":
        if not _power_ok(left, right):
            raise BudgetExceeded(f"a power larger than {NUMBER_LIMIT:,}")
        return check_size(left**right, "a power")
    if operator == "%":
        check_format(left)
        if isinstance(left, str):
            _check_star_widths(left.count("*"), right)
            check_weight(right, "what a format is given")
        return check_size(left % right, "a formatted string")
    if operator == "+":
        size_left, size_right = _sized(left), _sized(right)
        if (
            size_left is not None
            and size_right is not None
            and size_left + size_right > VALUE_LIMIT
        ):
            raise BudgetExceeded(f"a value of more than {VALUE_LIMIT:,} characters or items")
        return check_size(left + right, "a sum")
    raise AssertionError(operator)  # pragma: no cover - only the operators above


def check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse an integer argument above VALUE_LIMIT (a width of 10^9: ``center``,
    ``ljust``, ``indent``, ``zfill``, ``expandtabs`` ...) or a giant format string."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and value > VALUE_LIMIT:
            raise BudgetExceeded(f"an argument of {value:,}, more than {VALUE_LIMIT:,}")


def check_call(function: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Before a template calls `function`: sizes told in advance (see `check_arguments`),
    and for ``str.join``, ``str.replace``, ``str.format`` and ``list.extend`` the size of
    what they would make."""
    check_time()
    if function is not safe_range:  # the sandbox's range refuses more than 100,000 itself
        check_arguments(args, kwargs)
    receiver = getattr(getattr(function, "__wrapped__", function), "__self__", None)
    name = getattr(function, "__name__", "")
    if isinstance(receiver, str):
        if name == "join" and args and sizes.join_size(args[0], receiver) > VALUE_LIMIT:
            raise BudgetExceeded(f"a join of more than {VALUE_LIMIT:,} characters")
        if (
            name == "replace"
            and len(args) >= 2
            and sizes.replace_size(receiver, args[0], args[1], VALUE_LIMIT) > VALUE_LIMIT
        ):
            raise BudgetExceeded(f"a replace making more than {VALUE_LIMIT:,} characters")
        if name in {"format", "format_map"}:
            check_format(receiver)
            _check_star_widths(len(_NESTED_FIELD.findall(receiver)), (*args, *kwargs.values()))
            check_weight(args, "what a format is given")
    if isinstance(receiver, list) and name in {"extend", "__iadd__"} and args:
        added = _sized(args[0])
        if added is not None and len(receiver) + added > VALUE_LIMIT:
            raise BudgetExceeded(f"a list of more than {VALUE_LIMIT:,} items")


def after_call(function: Any, result: Any) -> Any:
    """After a call: its result, and a list or dict it grew (``append`` in a loop), sized."""
    receiver = getattr(function, "__self__", None)
    if isinstance(receiver, (list, dict, set)):
        check_size(receiver, "a collection")
    return check_size(result, "a call's result")


def budgeted_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` (a filter) with its arguments checked first and its result after."""
    skip = 1 if hasattr(function, "jinja_pass_arg") else 0  # the context Jinja passes first

    def run(*args: Any, **kwargs: Any) -> Any:
        value, rest = (args[skip], args[skip + 1 :]) if len(args) > skip else (None, ())
        check_time()
        check_arguments(rest, kwargs)
        if name in _TEXT_FILTERS:
            check_weight(value, f"the value the {name} filter makes text of")
        if name == "format":
            check_format(value)
        elif name == "join":
            separator = rest[0] if rest else kwargs.get("d", "")
            if sizes.join_size(value, separator) > VALUE_LIMIT:
                raise BudgetExceeded(f"a join of more than {VALUE_LIMIT:,} characters")
        elif name == "replace" and len(rest) >= 2:
            if sizes.replace_size(value, rest[0], rest[1], VALUE_LIMIT) > VALUE_LIMIT:
                raise BudgetExceeded(f"a replace making more than {VALUE_LIMIT:,} characters")
        elif name in _WIDENING and _widened_size(name, value, rest, kwargs) > VALUE_LIMIT:
            # told before it runs: `indent(4000000)` of 300 lines held 2.4 GB (QA)
            raise BudgetExceeded(f"the {name} filter making more than {VALUE_LIMIT:,} characters")
        return check_size(function(*args, **kwargs), f"the {name} filter's result")

    if hasattr(function, "jinja_pass_arg"):
        run.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    run.__name__ = getattr(function, "__name__", name)
    run.__doc__ = function.__doc__
    return run


# Filters that make text of their value (a list's text may be far longer than the list).
_TEXT_FILTERS = frozenset(
    {"string", "tojson", "pprint", "upper", "lower", "title", "capitalize", "trim", "replace",
     "indent", "wordwrap", "center", "striptags", "urlize", "escape", "e", "forceescape",
     "safe", "truncate", "wordcount", "urlencode", "format", "xmlattr", "join"}
)  # fmt: skip

# Filters whose result grows with a width or a string argument times the lines (or the
# items) of their value, and where each finds it: (position, keyword, default).
_WIDENING = {
    "indent": (0, "width", 4),
    "tojson": (0, "indent", None),
    "wordwrap": (2, "wrapstring", None),
}


def _widened_size(name: str, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """About how long the filter's result is, told without making it."""
    position, keyword, default = _WIDENING[name]
    argument = rest[position] if len(rest) > position else kwargs.get(keyword, default)
    if isinstance(argument, str):
        check_size(argument, f"the {name} filter's {keyword}")
        width = len(argument)
    elif isinstance(argument, int) and not isinstance(argument, bool):
        width = max(argument, 0)
    else:
        return 0
    if name == "tojson":  # each item on a line of its own, indented by its depth
        return sizes.json_lines(value, VALUE_LIMIT) * width
    if not isinstance(value, str):
        return sizes.weight(value, VALUE_LIMIT) + width
    text = value
    if name == "wordwrap":  # a wrap at most every `width` characters, at least one
        wrap_at = rest[0] if rest and isinstance(rest[0], int) and rest[0] > 0 else 1
        return len(text) + (len(text) // wrap_at + 1) * width
    return len(text) + width * (text.count("\n") + 1)


def checked_output(value: Any) -> Any:
    """What ``{{ value }}`` writes, refused before it is made text when that text would
    pass VALUE_LIMIT (the environment's `finalize`)."""
    check_weight(value, "a value written")
    return value


def checked_concat(value: Any) -> Any:
    """The result of ``a ~ b`` (compiled through here): ``x ~ x`` in a loop doubles."""
    return check_size(value, "a joined string")


class BudgetedCodeGenerator(CodeGenerator):
    """Jinja's code generator, writing ``environment.counted(ITER)`` for the iterable of
    every ``{% for %}`` and ``environment.checked_concat(...)`` around every ``a ~ b``.

    Done while the code is written, not by rewriting the parsed tree: a pass over the
    tree cost 0.1 s for each build (docxtpl compiles its XML every time)."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self.__dict__.setdefault("_counted", set()).add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        for wrapper, key in (("counted", "_counted"), ("checked_output", "_pieces")):
            if id(node) in self.__dict__.get(key, ()):
                self.write(f"environment.{wrapper}(")
                result = super().visit(node, *args, **kwargs)
                self.write(")")
                return result
        return super().visit(node, *args, **kwargs)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # Each piece sized as text before ``~`` makes it text, the whole after.
        self.__dict__.setdefault("_pieces", set()).update(id(n) for n in node.nodes)
        self.write("environment.checked_concat(")
        super().visit_Concat(node, frame)
        self.write(")")
