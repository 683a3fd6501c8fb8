"""The use cases of a counter, each one unit of work."""
