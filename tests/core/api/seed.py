"""The seed document's examples, copied as they come out of its PDF (spaces and line breaks)."""

from __future__ import annotations

from typing import Any

# The refresh token from the body of the login example: blank lines between the pieces, one
# line starting with a space, quotes around it and a trailing space, exactly as in the document.
SEED_REFRESH_PASTE = (
    '"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJkNzc2NzMxNS0wZDVmLTQ2\n'
    "\n"
    "ZGItYmJiZC02ZThmZDNmMmVkNGUiLCJpYXQiOjE1ODM5Mzc3MDUsImV4cCI6MTU4OTEyMT\n"
    "\n"
    "cwNSwiYXVkIjoiMSIsImlzcyI6IlByb3ZpZGVyIEF1dGggU2VydmVyIiwic3ViIjoiMiJ9\n"
    "\n"
    ".VC4l8KNDpV-dPApgLVizkEGXHlfL_tSWFQHuR2f_sV9cy6b2-GcpUUopf3iyQ-hQZGgb_\n"
    " U4BdXVtYPEmuITgJPGnevnocQlW9gvuvHjD-bQahXfH_CqC6BdOzmKPPWBsHGn7G2G8AZC\n"
    "\n"
    'uh6Fco-GHVnZnAv_VXqWi9W86QKDr_rI" \n'
)
# The same token as selected inside the document's curl command (escaped quote at the end).
SEED_REFRESH_FROM_CURL = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJkNzc2NzMxNS\n"
    "0wZDVmLTQ2ZGItYmJiZC02ZThmZDNmMmVkNGUiLCJpYXQiOjE1ODM5Mzc3MDUsIm\n"
    "V4cCI6MTU4OTEyMTcwNSwiYXVkIjoiMSIsImlzcyI6IlByb3ZpZGVyIEF1dGggU2VydmVyIi\n"
    "wic3ViIjoiMiJ9.VC4l8KNDpV-dPApgLVizkEGXHlfL_tSWFQHuR2f_sV9cy6b2-GcpUUopf3iy\n"
    "Q-hQZGgb_U4BdXVtYPEmuITgJPGnevnocQlW9gvuvHjD-bQahXfH_CqC6BdOzmKPPW\n"
    'BsHGn7G2G8AZCuh6Fco-GHVnZnAv_VXqWi9W86QKDr_rI\\"'
)
SEED_REFRESH = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJkNzc2NzMxNS0wZDVmLTQ2ZGItYmJiZC02ZThmZDNmMmVk"
    "NGUiLCJpYXQiOjE1ODM5Mzc3MDUsImV4cCI6MTU4OTEyMTcwNSwiYXVkIjoiMSIsImlzcyI6IlByb3ZpZGVyIEF1dGgg"
    "U2VydmVyIiwic3ViIjoiMiJ9.VC4l8KNDpV-dPApgLVizkEGXHlfL_tSWFQHuR2f_sV9cy6b2-GcpUUopf3iyQ-hQZGgb"
    "_U4BdXVtYPEmuITgJPGnevnocQlW9gvuvHjD-bQahXfH_CqC6BdOzmKPPWBsHGn7G2G8AZCuh6Fco-GHVnZnAv_VXqWi9"
    "W86QKDr_rI"
)
SEED_REFRESH_JTI = "d7767315-0d5f-46db-bbbd-6e8fd3f2ed4e"
SEED_REFRESH_EXP = 1589121705  # 2020-05-10 14:41:45 UTC
# The access token of the login answer (3 hours: iat 1583937824, exp 1583948624).
SEED_ACCESS_PASTE = (
    '"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJkODlhNDRmNi0yYTY3LTQx\n'
    "\n"
    "ZmUtYmU5MS0yYjUxMzlkMDkyZTYiLCJpYXQiOjE1ODM5Mzc4MjQsImV4cCI6MTU4Mzk0OD\n"
    "\n"
    "YyNCwiYXVkIjoiMSIsImlzcyI6IlByb3ZpZGVyIEF1dGggU2VydmVyIiwic3ViIjoiMiJ9\n"
    "\n"
    ".BgA2_6pIJX7X4nMwfinPmHmz6QFcb27xd6LZ-MhYGpKIP50bU333e7PwC8vVuf-CqckRH\n"
    "\n"
    "h976q0g7pi4YLGyT0ycEiL76OmsTBHcfkehHebheKjXowvSiOF5P3_mpfvS9Twt9I6Obza\n"
    "\n"
    'VaGgIp48-eA3G88lyYbllCrWKwmY7a1c", \n'
)

# Device 29's sensors in the seed's order (the example upload sends every one with value 1).
SEED_SENSORS: tuple[str, ...] = (
    "Potencia activa total instantánea",
    "Potencia reactiva total instantánea",
    "Energía activa acumulada",
    "Energía reactiva acumulada",
    "Demanda o potencia activa integrada",
    "Corriente A",
    "Corriente B",
    "Corriente C",
    "Voltaje A-B",
    "Voltaje B-C",
    "Voltaje C-A",
    "Factor de potencia total",
    "Distorsión armónica del Voltaje A-N",
    "Distorsión armónica del Voltaje B-N",
    "Distorsión armónica del Voltaje C-N",
    "Distorsión armónica de la corriente A",
    "Distorsión armónica de la corriente B",
    "Distorsión armónica de la corriente C",
    "Temperatura",
    "Potencia activa A instantánea",
    "Potencia activa B instantánea",
    "Potencia activa C instantánea",
    "Energía activa A acumulada",
    "Energía activa B acumulada",
    "Energía activa C acumulada",
    "Corriente N",
    "Voltaje F-N",
    "Voltaje A-N",
    "Voltaje B-N",
    "Voltaje C-N",
)
SEED_TIMESTAMP = 1566226133
# The example upload body, written out as the document shows it.
SEED_BODY: list[dict[str, Any]] = [
    {
        "deviceNumber": "29",
        "measures": [
            {
                "timestamp": SEED_TIMESTAMP,
                "sensorValues": [{"sensorName": n, "sensorValue": 1} for n in SEED_SENSORS],
            }
        ],
    }
]
