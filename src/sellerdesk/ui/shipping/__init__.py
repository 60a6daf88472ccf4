"""Shipping day in the app: waybill export, courier templates, senders and preferred couriers,
tracking numbers back, the shipping message."""
