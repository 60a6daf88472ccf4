"""定期核对: the 待核对 view, its walk-through, and the cycle settings (issue 18)."""
