"""The report's own words (headings, labels, verdicts) in English and Spanish.

Step findings come translated from the app (report.Describe); these are the words around them,
kept here so `medido check --report` writes the same report as the app without Qt.
"""

from __future__ import annotations

from app.core.check.outcome import Status, StepId

_EN: dict[str, str] = {
    "title": "Commissioning report",
    "site": "Site",
    "installer": "Installer",
    "date": "Date",
    "app": "Medido version",
    "server": "Server",
    "meter": "Meter",
    "number": "Number",
    "device_id": "ChileMedido id",
    "profile": "Profile",
    "link": "Link",
    "verdict_pass": "PASSED: no step failed.",
    "verdict_fail": "NOT PASSED: at least one step failed.",
    "steps": "Checklist",
    "step": "Step",
    "result": "Result",
    "detail": "What was found",
    "fix": "What to do",
    "plot": "Last minutes",
    "clock": "Clock comparison",
    "uploaded": "Measurement uploaded (exact JSON)",
    "answer": "Server's answer",
    "nothing_uploaded": "No measurement was uploaded.",
    "no_plot": "No readings to plot.",
    "shared": "ChileMedido",
}

_ES: dict[str, str] = {
    "title": "Informe de puesta en marcha",
    "site": "Sitio",
    "installer": "Instalador",
    "date": "Fecha",
    "app": "Versión de Medido",
    "server": "Servidor",
    "meter": "Medidor",
    "number": "Número",
    "device_id": "Id en ChileMedido",
    "profile": "Perfil",
    "link": "Enlace",
    "verdict_pass": "APROBADO: ningún paso falló.",
    "verdict_fail": "NO APROBADO: al menos un paso falló.",
    "steps": "Lista de verificación",
    "step": "Paso",
    "result": "Resultado",
    "detail": "Qué se encontró",
    "fix": "Qué hacer",
    "plot": "Últimos minutos",
    "clock": "Comparación de relojes",
    "uploaded": "Medición subida (JSON exacto)",
    "answer": "Respuesta del servidor",
    "nothing_uploaded": "No se subió ninguna medición.",
    "no_plot": "No hay lecturas que graficar.",
    "shared": "ChileMedido",
}

_STATUS = {
    "en": {
        Status.PASS: "Pass",
        Status.WARN: "Warning",
        Status.FAIL: "Fail",
        Status.SKIP: "Skipped",
    },
    "es": {Status.PASS: "OK", Status.WARN: "Aviso", Status.FAIL: "Falla", Status.SKIP: "Omitido"},
}

_TITLES_ES: dict[StepId, str] = {
    StepId.API: "API alcanzable",
    StepId.TOKEN: "Token",
    StepId.DEVICE: "Medidor registrado",
    StepId.COVERAGE: "Cobertura de sensores",
    StepId.METER: "El medidor responde",
    StepId.WIRING: "Plausibilidad y cableado",
    StepId.CLOCK: "Relojes",
    StepId.UPLOAD: "Subida de prueba",
}


def words(language: str) -> dict[str, str]:
    return _ES if language == "es" else _EN


def status_word(status: Status, language: str) -> str:
    return _STATUS["es" if language == "es" else "en"][status]


def step_title(step: StepId, english: str, language: str) -> str:
    return _TITLES_ES[step] if language == "es" else english
