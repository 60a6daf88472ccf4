"""SellerDesk (客户地址管家): customers and shipping addresses for small online sellers."""

__version__ = "0.1.0"
APP_NAME = "SellerDesk"
