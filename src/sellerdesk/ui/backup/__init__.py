"""Back up now, restore, backup settings and reminders."""
