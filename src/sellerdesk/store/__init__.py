"""The model layer: the encrypted database, its key, the schema, and the queries."""
