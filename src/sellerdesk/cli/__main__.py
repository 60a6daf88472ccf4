import sys

from sellerdesk.cli import main

sys.exit(main())
