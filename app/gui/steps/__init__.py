"""The installer's steps: one folder per step with its page and the widgets only it uses.

`catalog.STEPS` lists them in order and imports every page class; `step.StepState` and the
titles are what pages and shared widgets import (never the catalog, which imports them).
"""
