"""Writing-coach tests need no database; make tests/writing importable for helpers."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
