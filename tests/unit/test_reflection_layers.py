"""The reflection core is plain Python: importing it loads neither the notes
storage nor Rasa, so it runs and is tested without a database or a bot."""

import subprocess
import sys

from seen.settings import PROJECT_DIR

#: Modules the reflection must not bring in, however indirectly.
NOT_IN_THE_CORE = ("seen.notes", "seen.db", "sqlalchemy", "rasa", "rasa_sdk")


def test_importing_the_reflection_loads_no_storage_and_no_rasa():
    # A fresh interpreter: this one has loaded SQLAlchemy for other tests.
    script = f"import sys, seen.reflection; print(*[m for m in {NOT_IN_THE_CORE!r} if m in sys.modules])"
    run = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_DIR, capture_output=True, text=True, check=True)
    assert run.stdout.split() == [], "seen.reflection loaded the storage layer or Rasa"
