"""客户关怀 (issue 18): birthdays and holidays for customers who consented, the 待回访 list, and
the customer pane's birthday/consent fields and 回访 tab."""
