"""The ChileMedido input-API emulator (FastAPI), for tests, demos and support."""
