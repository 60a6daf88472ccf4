"""Duplicate customers (issue 15): the finder, the side-by-side merge dialog, undoing a merge,
and the "this phone belongs to …" question asked when a new customer is saved."""
