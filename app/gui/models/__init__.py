"""Qt item models over core data (no domain logic here)."""
