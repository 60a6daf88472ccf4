"""今日待办: the start page of what needs doing today (issue 18)."""
