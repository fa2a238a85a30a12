"""Readers and writers: each format in its own module; readers return a whole Project or raise."""
