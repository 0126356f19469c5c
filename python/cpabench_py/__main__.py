import sys

if sys.version_info < (3, 10):
    sys.stderr.write(f"cpabench_py: needs Python >= 3.10; this is {sys.version.split()[0]} ({sys.executable})\n")
    sys.exit(2)

from .cli import main  # noqa: E402  (after the version check, which must run on any Python 3)

sys.exit(main())
