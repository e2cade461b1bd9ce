"""The one exception type the CLI turns into a single stderr line and exit code 2."""


class InputError(Exception):
    """The input cannot be processed: missing, unreadable, wrong format, no table.

    The message is shown to the user as is, so it must name the file and the problem.
    """
