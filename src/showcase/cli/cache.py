"""`showcase cache`: where the layout cache is, how big, and emptying it."""

from __future__ import annotations

import click


@click.group(short_help="Show or clear the layout cache.")
def cache() -> None:
    """The layout cache: PDFs, Word files and the resume's fit passes, kept by content.

    Every command that writes a PDF (build, watch, resume, interview) looks its
    layouts up here first, so a rebuild with unchanged content lays nothing out.
    It lives in your cache folder ($XDG_CACHE_HOME/showcase/layouts on Linux,
    ~/Library/Caches/showcase/layouts on macOS), keeps at most 64 MiB (the least
    recently used layouts go first), and is never needed: `--no-cache` on a
    command skips it, and clearing it only means the next build lays out again.

    \b
    Example:
      showcase cache info
      showcase cache clear
    """


@cache.command(short_help="Print the cache's folder, entries and size.")
def info() -> None:
    """Print the cache's folder, its number of entries and their size.

    \b
    Example:
      showcase cache info
    """
    from showcase.artifacts.cache import MAX_BYTES, default_folder, usage

    folder = default_folder()
    entries, size = usage(folder)
    click.echo(f"folder: {folder}")
    limit = MAX_BYTES // 1024 // 1024
    click.echo(f"entries: {entries}, {size / 1024 / 1024:.1f} MiB (at most {limit} MiB)")


@cache.command(short_help="Remove every cached layout.")
def clear() -> None:
    """Remove every cached layout (the next build lays everything out again).

    \b
    Example:
      showcase cache clear
    """
    from showcase.artifacts.cache import clear as clear_cache
    from showcase.artifacts.cache import default_folder

    folder = default_folder()
    entries, size = clear_cache(folder)
    click.echo(f"removed {entries} entries ({size / 1024 / 1024:.1f} MiB) from {folder}")
