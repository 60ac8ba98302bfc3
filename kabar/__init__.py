"""kabar: turn news into event data."""
