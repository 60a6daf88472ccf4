"""The 概览 page: figures, charts and the province map (issue 19)."""
