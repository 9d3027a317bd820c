"""`python -m consistency` is the same command as the `consistency` script."""

import subprocess
import sys


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "consistency", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip()
