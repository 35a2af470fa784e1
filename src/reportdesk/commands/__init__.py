"""The command line's commands: one module per group, each with ``NAMES`` (its command words) and
``add_parsers(subparsers)``; ``console`` has what every command writes. ``reportdesk.cli`` is the
entry point that puts them together.
"""
