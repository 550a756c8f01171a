"""The commissioning check: one checklist the app's Check step and `medido check` both run.

outcome.py    a step's verdict, evidence and fix (StepOutcome), the run's (CheckRun)
wiring.py     plausibility of live values for Chile's 220/380 V 50 Hz network (pure)
steps.py      the eight steps, each an async function over a CheckContext
checklist.py  runs them per meter with the API steps shared, reports progress, re-runs one
report.py     the run as JSON and HTML (escaped); report_pdf.py the same as a PDF (ReportLab)
"""
