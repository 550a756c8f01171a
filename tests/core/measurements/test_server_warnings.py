from __future__ import annotations

from app.core.measurements import explain_warnings


def test_a_warning_naming_a_sensor_is_explained() -> None:
    raw = 'Sensor "Temperatura" no configurado en el medidor "30"; valor ignorado'
    (note,) = explain_warnings([raw], "30", ["Corriente A", "Temperatura"])
    assert note.code == "upload.sensor_not_configured"
    assert note.sensor == "Temperatura"
    assert 'meter "30" does not have "Temperatura" configured' in note.message
    assert "Ask the ChileMedido administrator" in note.message
    assert raw in note.message  # the server's own words stay visible
    assert note.raw == raw


def test_the_longest_name_wins_and_names_match_whole() -> None:
    raw = "Sensor Energía activa A acumulada ignorado"
    (note,) = explain_warnings([raw])
    assert note.sensor == "Energía activa A acumulada"  # not "Energía activa acumulada"
    (other,) = explain_warnings(["Corriente AB no existe"])
    assert other.sensor is None  # "Corriente A" is not a whole word there


def test_sensor_names_are_found_without_accents_or_in_another_case() -> None:
    (note,) = explain_warnings(["sensor 'POTENCIA ACTIVA TOTAL INSTANTANEA' not configured"])
    assert note.sensor == "Potencia activa total instantánea"


def test_a_name_that_was_sent_misspelled_is_found_as_sent() -> None:
    sent = "Energia activa acumulada"
    (note,) = explain_warnings([f'Sensor "{sent}" no configurado'], "29", [sent])
    assert note.sensor == sent


def test_unknown_warnings_fall_back_to_the_servers_text() -> None:
    (note,) = explain_warnings(["Mediciones duplicadas descartadas"], "29")
    assert note.code == "upload.server_warning"
    assert note.sensor is None
    assert note.message.endswith("Mediciones duplicadas descartadas")


def test_tokens_in_a_warning_are_redacted() -> None:
    token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyIn0.c2lnbmF0dXJl"
    (note,) = explain_warnings([f"bad token {token}"])
    assert token not in note.message
    assert token not in note.raw


def test_order_is_kept() -> None:
    notes = explain_warnings(["Corriente B no configurado", "otro aviso", "Corriente C ignorado"])
    assert [n.sensor for n in notes] == ["Corriente B", None, "Corriente C"]
