"""Row 7: the app's memory with a full day of 30 sensors in the history, shown on the Plot page.

The whole main window (bench.site_on_screen), the 24-hour window drawn, then the resident set
size of the process, now and at its peak (the kernel's own accounting).
"""

from __future__ import annotations

import resource

from PySide6.QtCore import QCoreApplication, QTimer

from bench.figures import Figure
from bench.site_on_screen import SiteOnScreen

MB = 1024 * 1024


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:  # Linux: pages resident is the second field
        return int(statm.read().split()[1]) * resource.getpagesize() / MB


def measure(quick: bool) -> list[Figure]:
    with SiteOnScreen() as site:
        site.plot_page.span_choice.setCurrentIndex(2)  # 24 hours
        site.start_polling(0.1)
        QTimer.singleShot(2000 if quick else 10_000, QCoreApplication.quit)
        QCoreApplication.exec()
        now = resident_mb()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        details = {
            "peak_rss_mb": round(peak, 1),
            "readings": len(site.history),
            "sensors": len(site.history.sensors),
            "points_drawn_last": site.plot_page.last_drawn,
        }
    return [
        Figure(7, "Memory with a full day of 30 sensors (RSS)", now, "MB", 300.0, details=details)
    ]
