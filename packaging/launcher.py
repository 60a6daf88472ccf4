"""Entry script of the frozen bundle: one program, two faces.

``sellerdesk`` opens the app; ``sellerdesk-cli`` (the same code, a console executable)
runs the headless commands.
"""

import os
import sys


def _run() -> int:
    name = os.path.basename(sys.argv[0]).lower()
    if sys.argv[1:2] == ["--render-labels-pdf"]:  # sellerdesk-cli labels' painter child (no `-m` when frozen)
        from sellerdesk.ui.shipping.render_pdf import main as render

        return render()
    if "cli" in name:
        from sellerdesk.cli import main

        return main(sys.argv[1:])
    from sellerdesk.app import main

    return main()


if __name__ == "__main__":
    sys.exit(_run())
