"""spaCy, imported without TensorFlow.

spaCy imports thinc, and thinc imports TensorFlow whenever it is installed
(Rasa installs it), only to offer layers that wrap TensorFlow models. The
anonymiser uses spaCy's blank English tokenizer and its rule Matcher, never
such a layer, and nothing else in the action server needs TensorFlow; yet
importing it (with Keras, pandas and JAX behind it) was most of the action
server's start: 3 to 4 s of CPU beside the Rasa server's own start, and some
400 MB. So while spaCy is first imported, TensorFlow looks missing to thinc;
straight after, it is importable again as before for any code that needs it.
Where TensorFlow or thinc is already imported (the Rasa server, a test run
that loaded Rasa first) nothing changes.

Imported first by seen.anonymise, before any module there imports spaCy.
"""

import sys


def import_spacy() -> None:
    if "tensorflow" in sys.modules or "thinc" in sys.modules:
        return
    sys.modules["tensorflow"] = None  # type: ignore[assignment]  # `import tensorflow` raises ImportError
    try:
        import spacy  # noqa: F401
    finally:
        if "tensorflow" in sys.modules and sys.modules["tensorflow"] is None:
            del sys.modules["tensorflow"]


import_spacy()
