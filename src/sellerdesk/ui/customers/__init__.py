"""The customer table, the region tree and the customer editor (the main view)."""
