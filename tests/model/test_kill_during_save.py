"""A child process saving in a loop is killed at random moments; the file always loads."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.helpers import demo

from reportdesk.model.project import load_project, save_project

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
sys.path[:0] = [{src!r}, {root!r}]
from reportdesk.model.project import save_project
from tests.helpers import demo
a, b = demo(), demo()
b.agency = "另一个局"
b.parts["一"] = b.parts["一"] * 40  # a bigger file, so a kill lands mid-write more often
print("ready", flush=True)
i = 0
while True:
    save_project(a if i % 2 else b, {path!r})
    i += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_while_saving_always_leaves_a_loadable_file(tmp_path):
    path = tmp_path / "r.rdproj"
    save_project(demo(), path)
    rng = random.Random(20261122)
    code = CHILD.format(src=str(ROOT / "src"), root=str(ROOT), path=str(path))
    agencies = set()
    for _ in range(25):
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        agencies.add(load_project(path).agency)  # raises if the file were half-written
    assert agencies <= {"青禾市市场监督管理局", "另一个局"}
    assert len(agencies) == 2  # the saves really did happen between kills
