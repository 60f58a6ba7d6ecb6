"""The quotebook command line: parse options, call the library, hand results to render.

The commands live in one module per kind of work -- importing, listing,
speakers, curation -- and are registered on the ``cli`` group here.  Every
module imports only click and the light parts of the package at start-up;
the library is imported inside the commands, so ``quotebook --help`` is quick.
"""

from __future__ import annotations

import os
import sys

import click

from quotebook import __version__
from quotebook.cli import curation, importing, listing, speakers
from quotebook.cli.options import State, pass_state
from quotebook.errors import QuotebookError

__all__ = ["State", "cli", "main"]


class QuotebookGroup(click.Group):
    """Turns the library's user errors into one-line click errors."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except QuotebookError as ex:
            raise click.ClickException(str(ex)) from None


@click.group(cls=QuotebookGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotebook")
@click.option("--db", "db_option", metavar="PATH", help="Database file (else $QUOTEBOOK_DB, else the default).")
@click.pass_context
def cli(ctx: click.Context, db_option: str | None) -> None:
    """Keep track of who said what: import news, extract quotations, search them."""
    state = State(db_option)
    ctx.obj = state
    ctx.call_on_close(state.close)


@cli.command()
@pass_state
def path(state: State) -> None:
    """Print the path of the database in use."""
    click.echo(str(state.path))


for command in (
    importing.import_, importing.extract,
    listing.search, listing.quotes, listing.topics, listing.articles, listing.export, listing.timeline,
    speakers.speakers,
    curation.show, curation.edit, curation.delete, curation.tag, curation.untag, curation.audit_,
):
    cli.add_command(command)


def main() -> None:
    """Entry point: user errors become one line on stderr; a closed pipe ends quietly."""
    stdout = sys.stdout
    try:
        cli.main(standalone_mode=False)
    except SystemExit as ex:
        # click meets a closed pipe (EPIPE) by wrapping stdout and exiting 1; it is the same
        # quiet end as the BrokenPipeError below, so it gets the same exit status.
        if ex.code == 1 and sys.stdout is not stdout:
            _quiet_stdout()
            sys.exit(0)
        raise
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as ex:
        ex.show()
        sys.exit(ex.exit_code)
    except click.exceptions.Exit as ex:
        sys.exit(ex.exit_code)
    except QuotebookError as ex:
        click.echo(f"Error: {ex}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        # The reader went away (| head): stop quietly.
        _quiet_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so Python does not complain when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
