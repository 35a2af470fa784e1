"""`python -m reportdesk` is the same as the `reportdesk` command."""

import sys

from .cli import main

sys.exit(main())
