"""Templates have budgets: output size, loop iterations, time, no giant values (#30, 7).

Each hostile template renders in a child Python capped at 1.5 GiB and 60 s of CPU
(`run_limited`): before the budgets, nested ``range(100000)`` loops ran for hours,
``'-'.join(['x']*10**7)`` took 52 s and 8 GB, ``center``/``indent`` of 10^9 about 1 GB
each, so a regression fails here instead of taking the machine.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from showcase.errors import TemplateError
from showcase.render import budget
from showcase.render.templates import render
from tests.helpers import run_limited

HOSTILE = {
    "nested-loops": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
    "{% endfor %}",
    "join-repeat": "{{ '-'.join(['x'] * 10**7) }}",
    "join-filter": "{{ (['x'] * 10**7) | join('-') }}",
    "center": "{{ 'x' | center(10**9) }}",
    "center-literal": "{{ 'x' | center(1000000000) }}",
    "indent": "{{ 'a b' | indent(1000000000) }}",
    "ljust-method": "{{ 'x'.ljust(1000000000) }}",
    "percent-width": "{{ '%01000000000d' % 1 }}",
    "format-width": "{{ '{:>1000000000}'.format(1) }}",
    "format-filter": "{{ '%01000000000d' | format(1) }}",
    "power": "{{ 10**10**9 }}",
    "string-repeat": "{{ 'x' * 1000000000 }}",
    "doubling-concat": "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
    "doubling-plus": "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
    "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s | length }}",
    "list-extend": "{% set l = ['x'] %}{% for i in range(40) %}{% set _ = l.extend(l) %}"
    "{% endfor %}{{ l | length }}",
    "replace": "{{ ('x' * 100000) | replace('x', 'y' * 100000) }}",
    "output": "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}",
    "macro-loops": "{% macro m() %}{% for i in range(100000) %}{% for j in range(100000) %}"
    "{% endfor %}{% endfor %}{% endmacro %}{{ m() }}",
    "lipsum": "{{ lipsum(1000000) }}",
    # A width under the argument limit, times the lines or items it applies to: made
    # first and measured after, they held 2.4 GB (QA, 2026-12-06).
    "indent-lines": "{{ ('x\\n' * 300) | indent(4000000) }}",
    "indent-keyword": "{{ ('x\\n' * 300) | indent(width=4000000) }}",
    "tojson-indent": "{{ range(300) | list | tojson(indent=4000000) }}",
    "wordwrap-string": "{{ ('x' * 100000) | wordwrap(1, wrapstring='y' * 1000) }}",
    # A list of 300 references to one 5-million-character string is 300 items, and
    # 1.5 billion characters as text: built whole before it was measured (QA round 2).
    "shared-list": "{{ ['x' * 4999999] * 300 }}",
    "shared-appended": "{% set s = 'x' * 4999999 %}{% set l = [] %}{% for i in range(300) %}"
    "{% set _ = l.append(s) %}{% endfor %}{{ l }}",
    "shared-string-filter": "{% set s = 'x' * 4999999 %}{% set l = [] %}"
    "{% for i in range(300) %}{% set _ = l.append(s) %}{% endfor %}{{ l | string | length }}",
    "shared-concat": "{% set s = 'x' * 4999999 %}{% set l = [] %}{% for i in range(300) %}"
    "{% set _ = l.append(s) %}{% endfor %}{{ ('' ~ l) | length }}",
    "star-widths": "{{ ('%*s' * 300) % ((4999999, 'x') * 300) }}",
    "nested-format-widths": "{{ ('{:>{}}' * 400).format(*(('x', 4999999) * 400)) }}",
}


def _render_in_child(tmp_path: Path, body: str, loop_limit: int | None = None) -> dict[str, str]:
    """Render `body` as line 2 of a user's template in a bounded child; `loop_limit`
    lowers `budget.LOOP_LIMIT` there (the budget reads it when the render starts)."""
    folder = tmp_path / "theme"
    (folder / "resume").mkdir(parents=True)
    (folder / "resume" / "resume.md.j2").write_text("# {{ 1 }}\n" + body + "\n")
    done = run_limited(
        f"""
        import json
        from pathlib import Path
        from showcase.errors import TemplateError
        from showcase.render import budget
        from showcase.render.templates import render
        if {loop_limit!r} is not None:
            budget.LOOP_LIMIT = {loop_limit!r}
        try:
            out = render("resume/resume.md.j2", {{}}, Path({str(folder)!r}))
            print(json.dumps({{"ok": len(out)}}))
        except TemplateError as exc:
            print(json.dumps({{"error": str(exc)}}))
        """,
        timeout=90,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-1500:])
    result: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.slow
@pytest.mark.parametrize("body", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_template_is_refused_naming_file_and_line(tmp_path: Path, body: str) -> None:
    result = _render_in_child(tmp_path, body)
    assert "error" in result, result
    assert "resume.md.j2:2: over the template's budget" in result["error"], result["error"]


@pytest.mark.slow
def test_appending_in_nested_loops_is_stopped_by_the_loop_budget(tmp_path: Path) -> None:
    """Ten million ``append`` calls (a list growing in memory) are stopped by the loop
    budget. Each call goes through the sandbox's checks (`check_call`, `after_call`), so
    reaching the full 2,000,000 iterations took 10-17 s of the suite; the child lowers
    the limit to 100,000, which the same template still overruns a hundredfold. The
    full limit is reached by `nested-loops` above and by the Word template below."""
    body = (
        "{% set l = [] %}{% for i in range(100000) %}{% for j in range(100) %}"
        "{% set _ = l.append(i) %}{% endfor %}{% endfor %}{{ l | length }}"
    )
    result = _render_in_child(tmp_path, body, loop_limit=100_000)
    assert "error" in result, result
    assert (
        "resume.md.j2:2: over the template's budget: more than 100,000 loop iterations"
        in result["error"]
    ), result["error"]
    assert "100,000 loop iterations and" in result["error"]  # the message names the limit


def test_ordinary_templates_are_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "theme"
    (folder / "resume").mkdir(parents=True)
    (folder / "resume" / "resume.md.j2").write_text(
        "{% for i in range(3) %}{{ loop.index }}{{ '-' * 3 }}{{ 'x' | center(5) }}"
        "{{ '%05d' % i }}{{ '{:>3}'.format(i) }}{{ 2**10 }}{{ 'a' ~ 'b' }}"
        "{{ [1, 2] | join(',') }}{{ 'aa' | replace('a', 'bc') }}{% endfor %}\n"
        "{% for x in [1, 2] recursive %}{{ x }}{% endfor %}\n"
    )
    out = render("resume/resume.md.j2", {}, folder)
    assert out == (
        "1---  x  00000  01024ab1,2bcbc2---  x  00001  11024ab1,2bcbc"
        "3---  x  00002  21024ab1,2bcbc12"
    )


def test_the_time_budget_stops_a_slow_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loops that stay under the iteration budget but not under the time budget (here
    0.2 s, to keep the test short)."""
    monkeypatch.setattr(budget, "TIME_LIMIT", 0.2)
    folder = tmp_path / "theme"
    (folder / "resume").mkdir(parents=True)
    (folder / "resume" / "resume.md.j2").write_text(
        "ok\n{% for i in range(1000) %}{% for j in range(1000) %}{{ 'x'.upper().lower() }}"
        "{% endfor %}{% endfor %}\n"
    )
    with pytest.raises(TemplateError, match=r"resume\.md\.j2:2: .*took longer than 0\.2 s"):
        render("resume/resume.md.j2", {}, folder)


def test_bundled_templates_have_no_loop_budget() -> None:
    """Only a user's template is charged for loops and time; ours run as before."""
    assert budget._budget.get() is None
    with budget.active(None):
        assert list(budget.counted(range(3))) == [0, 1, 2]


@pytest.mark.slow
def test_a_word_template_has_the_same_budget(tmp_path: Path) -> None:
    """A user's .docx runs in the same sandbox: nested loops are refused, naming the file
    (a .docx has no lines its author can see). Before: it ran for hours."""
    import docx

    made = docx.Document()
    for text in (
        "{%p for i in range(100000) %}",
        "{%p for j in range(100000) %}",
        "{%p endfor %}",
        "{%p endfor %}",
    ):
        made.add_paragraph(text)
    (tmp_path / "theme" / "resume").mkdir(parents=True)
    made.save(str(tmp_path / "theme" / "resume" / "resume.docx"))
    done = run_limited(
        f"""
        from pathlib import Path
        from showcase.artifacts.resume import render_resume
        from showcase.errors import TemplateError
        from showcase.profile import load_profile
        loaded = load_profile({str(Path(__file__).parents[2] / "examples" / "minimal.yaml")!r})
        try:
            render_resume(loaded, formats=["docx"], templates_dir=Path({str(tmp_path / "theme")!r}))
            print("rendered")
        except TemplateError as exc:
            print(exc)
        """,
        timeout=90,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-1500:])
    assert "resume.docx: over the template's budget: more than 2,000,000 loop" in done.stdout
