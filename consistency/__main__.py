"""`python -m consistency` runs the command-line tool, for environments without the script on PATH."""

import sys

from consistency.cli import main

sys.exit(main())
