"""Import wizard, export dialog and their menu actions."""
