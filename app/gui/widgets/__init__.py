"""Widgets the pages share or that keep a page module short (no domain logic here)."""
