"""One error shape for everything, including the framework's own errors."""

from __future__ import annotations

import httpx

from app.emulator.errors import describe_validation, error_body
from app.emulator.server import EmulatorServer
from tests.emulator.seed import assert_error, login


def test_unknown_routes_and_methods_get_the_json_shape(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        assert assert_error(api.get("/nothing/here"), 404)["error"] == "Not Found"
        assert_error(api.get("/measurements"), 405)
        assert_error(api.delete("/devices/29"), 405)
    assert_error(httpx.get(f"{emulator.root_url}/api/v2/devices/29"), 404)


def test_a_body_that_is_not_json_is_400(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        r = api.post(
            "/measurements", content=b"{not json", headers={"Content-Type": "application/json"}
        )
    assert_error(r, 400)


def test_error_body_names_the_status() -> None:
    assert error_body(403, "x") == {"statusCode": 403, "message": "x", "error": "Forbidden"}
    assert error_body(422, "x")["error"] == "Unprocessable Entity"


def test_validation_messages_say_where() -> None:
    errors = [
        {"loc": ("body", 0, "measures", 2, "sensorValues", 1, "sensorValue"), "msg": "bad"},
        {"loc": ("body",), "msg": "worse"},
    ]
    assert (
        describe_validation(errors)
        == "[0].measures[2].sensorValues[1].sensorValue: bad; cuerpo: worse"
    )
