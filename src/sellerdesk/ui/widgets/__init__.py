"""Shared widgets and helpers every feature uses: modals, icons, job progress."""
