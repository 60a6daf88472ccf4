"""The model layer: the encrypted database, its key, the schema, and the queries."""

from sellerdesk.store import sqlcipher_guard

# Before any sqlcipher3 connection exists (see the module for the leak it guards against).
sqlcipher_guard.apply()
