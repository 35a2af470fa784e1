"""The window fixtures of tests/ui, for the window tests of the hostile suite."""

from tests.ui.conftest import answers, demo_file, window  # noqa: F401 - fixtures
