"""Medido's core: the domain and all I/O, asyncio only. Never imports Qt."""
