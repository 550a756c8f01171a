"""Support: the diagnostics bundle (docs/bundle.md) and reproducing a site from it."""
