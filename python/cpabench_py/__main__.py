import sys

# Written so that any Python parses it: an old interpreter gets this line, not a SyntaxError.
if sys.version_info < (3, 10):
    sys.stderr.write("cpabench_py: needs Python >= 3.10; this is %s (%s)\n" % (sys.version.split()[0], sys.executable))
    sys.exit(2)

from .cli import main  # noqa: E402

sys.exit(main())
