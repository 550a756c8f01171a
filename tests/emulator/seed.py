"""Data copied from the seed document (reference/chilemedido-api-input.txt) and small helpers."""

from __future__ import annotations

from typing import Any

import httpx

from app.emulator.server import EmulatorServer

# The seed's own tokens: RS256, signed by the real platform's key (unknown to us), long expired.
SEED_REFRESH_TOKEN = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJkNzc2NzMxNS0wZDVmLTQ2ZGItYmJiZC02ZThmZDNmMm"
    "VkNGUiLCJpYXQiOjE1ODM5Mzc3MDUsImV4cCI6MTU4OTEyMTcwNSwiYXVkIjoiMSIsImlzcyI6IlByb3ZpZGVyIEF1"
    "dGggU2VydmVyIiwic3ViIjoiMiJ9.VC4l8KNDpV-dPApgLVizkEGXHlfL_tSWFQHuR2f_sV9cy6b2-GcpUUopf3iyQ-"
    "hQZGgb_U4BdXVtYPEmuITgJPGnevnocQlW9gvuvHjD-bQahXfH_CqC6BdOzmKPPWBsHGn7G2G8AZCuh6Fco-GHVnZnA"
    "v_VXqWi9W86QKDr_rI"
)
SEED_ACCESS_TOKEN = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJkODlhNDRmNi0yYTY3LTQxZmUtYmU5MS0yYjUxMzlkMD"
    "kyZTYiLCJpYXQiOjE1ODM5Mzc4MjQsImV4cCI6MTU4Mzk0ODYyNCwiYXVkIjoiMSIsImlzcyI6IlByb3ZpZGVyIEF1"
    "dGggU2VydmVyIiwic3ViIjoiMiJ9.BgA2_6pIJX7X4nMwfinPmHmz6QFcb27xd6LZ-MhYGpKIP50bU333e7PwC8vVuf-"
    "CqckRHh976q0g7pi4YLGyT0ycEiL76OmsTBHcfkehHebheKjXowvSiOF5P3_mpfvS9Twt9I6ObzaVaGgIp48-eA3G88l"
    "yYbllCrWKwmY7a1c"
)

# Device 29's sensors in the seed's order, as the seed's GET /devices/number/29 lists them.
SEED_SENSORS: list[tuple[str, str, str | None]] = [
    ("Potencia activa total instantánea", "kW", None),
    ("Potencia reactiva total instantánea", "kVAR", None),
    ("Energía activa acumulada", "kWh", "EACTIVE"),
    ("Energía reactiva acumulada", "kVARh", "EREACTIVE"),
    ("Demanda o potencia activa integrada", "kW", None),
    ("Corriente A", "A", None),
    ("Corriente B", "A", None),
    ("Corriente C", "A", None),
    ("Voltaje A-B", "V", None),
    ("Voltaje B-C", "V", None),
    ("Voltaje C-A", "V", None),
    ("Factor de potencia total", "Sin unidad", None),
    ("Distorsión armónica del Voltaje A-N", "%", None),
    ("Distorsión armónica del Voltaje B-N", "%", None),
    ("Distorsión armónica del Voltaje C-N", "%", None),
    ("Distorsión armónica de la corriente A", "%", None),
    ("Distorsión armónica de la corriente B", "%", None),
    ("Distorsión armónica de la corriente C", "%", None),
    ("Temperatura", "°C", None),
    ("Potencia activa A instantánea", "kW", None),
    ("Potencia activa B instantánea", "kW", None),
    ("Potencia activa C instantánea", "kW", None),
    ("Energía activa A acumulada", "kWh", None),
    ("Energía activa B acumulada", "kWh", None),
    ("Energía activa C acumulada", "kWh", None),
    ("Corriente N", "A", None),
    ("Voltaje F-N", "V", None),
    ("Voltaje A-N", "V", None),
    ("Voltaje B-N", "V", None),
    ("Voltaje C-N", "V", None),
]
SEED_TIMESTAMP = 1566226133


def seed_measurement_body() -> list[dict[str, Any]]:
    """The seed's POST /measurements example: meter "29", one measure, every sensor = 1."""
    values = [{"sensorName": name, "sensorValue": 1} for name, _, _ in SEED_SENSORS]
    return [
        {
            "deviceNumber": "29",
            "measures": [{"timestamp": SEED_TIMESTAMP, "sensorValues": values}],
        }
    ]


def measures(device: str, stamps: list[int], **values: float) -> dict[str, Any]:
    """One device entry with a measure per timestamp; keyword values by sensor name."""
    sensor_values = [{"sensorName": k, "sensorValue": v} for k, v in values.items()] or [
        {"sensorName": "Corriente A", "sensorValue": 1.5}
    ]
    return {
        "deviceNumber": device,
        "measures": [{"timestamp": t, "sensorValues": sensor_values} for t in stamps],
    }


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def login(emu: EmulatorServer, gateway: str = "2") -> httpx.Client:
    """An httpx client on the API carrying a fresh access token obtained through the refresh."""
    r = httpx.post(
        f"{emu.base_url}/auth/token/refresh",
        json={"refreshToken": emu.issue_refresh_token(gateway)},
    )
    assert r.status_code == 200, r.text
    return httpx.Client(base_url=emu.base_url, headers=bearer(r.json()["accessToken"]))


def assert_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """The emulator's error shape: {"statusCode", "message", "error"} as JSON."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert body["statusCode"] == status
    assert isinstance(body["message"], str)
    assert body["message"]
    assert isinstance(body["error"], str)
    assert body["error"]
    return body
