"""The orders: the 订单 view, the order dialog, status changes (issue #14)."""
