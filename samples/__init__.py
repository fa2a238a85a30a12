"""Sample schools and the deterministic generator that makes them."""
