"""Before the main window: first-run wizard, unlock dialog, keyring messages."""
