"""Keys in the app: the recovery code (show, copy, print, save) and the key changes
(new master password, keyring ↔ master password, new recovery code)."""
