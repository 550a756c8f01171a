"""The installer's steps: one folder per step with its page and the widgets only it uses.

`catalog.STEPS` lists them in order and names every page class (imported when the page is
built); `step.StepState` and the titles are what pages and shared widgets import.
"""
