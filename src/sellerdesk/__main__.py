"""``python -m sellerdesk`` opens the app; ``python -m sellerdesk cli ...`` runs the CLI."""

import sys


def _main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "cli":
        from sellerdesk.cli import main as cli_main

        return cli_main(sys.argv[2:])
    from sellerdesk.app import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(_main())
