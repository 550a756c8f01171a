from app.core.traffic import REDACTED, Channel, Direction, TrafficEntry, TrafficLog, redact

SEED_TOKEN = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJkNzc2NzMxNS0wZDVmLTQ2ZGItYmJiZC02ZThmZDNmMm"
    "VkNGUiLCJpYXQiOjE1ODM5Mzc3MDUsImV4cCI6MTU4OTEyMTcwNSwiYXVkIjoiMSIsImlzcyI6IlByb3ZpZGVyIEF1dG"
    "ggU2VydmVyIiwic3ViIjoiMiJ9.VC4l8KNDpV-dPApgLVizkEGXHlfL_tSWFQHuR2f_sV9cy6b2-GcpUUopf3iy"
)


def test_redact_removes_jwts_bearer_values_and_token_fields() -> None:
    assert SEED_TOKEN not in redact(f"token={SEED_TOKEN} end")
    assert redact("Authorization: Bearer abc.def") == f"Authorization: Bearer {REDACTED}"
    assert redact("authorization: Basic dXNlcjpwdw==\nAccept: */*") == (
        f"authorization: {REDACTED}\nAccept: */*"
    )
    body = '{"accessToken": "not-even-a-jwt", "refreshToken":"x"}'
    out = redact(body)
    assert "not-even-a-jwt" not in out
    assert '"x"' not in out


def test_redact_leaves_ordinary_text_alone() -> None:
    text = "GET /api/v1/devices/number/29 → 200 (Energía activa acumulada)"
    assert redact(text) == text


def test_log_redacts_on_the_way_in_and_emits() -> None:
    log = TrafficLog(capacity=2)
    seen: list[TrafficEntry] = []
    log.added.subscribe(seen.append)
    log.record(
        Channel.HTTP,
        Direction.OUT,
        "POST /auth/token/refresh",
        f'{{"refreshToken":"{SEED_TOKEN}"}}',
    )
    log.record(Channel.HTTP, Direction.IN, "200", SEED_TOKEN)
    log.record(Channel.MODBUS, Direction.OUT, "read 3 @0 x10")
    assert len(log.entries()) == 2
    assert len(seen) == 3
    assert all(SEED_TOKEN[:20] not in e.detail for e in seen)


def _redact_always(text: str) -> str:
    """redact without its quick "nothing to redact" check: every pattern applied."""
    from app.core import traffic

    text = traffic._TOKEN_FIELD.sub(rf'\1"{REDACTED}"', text)
    text = traffic._BEARER.sub(rf"\1{REDACTED}", text)
    text = traffic._AUTH_HEADER.sub(rf"\1{REDACTED}", text)
    return traffic._JWT.sub(REDACTED, text)


def test_the_quick_check_skips_nothing_the_patterns_would_catch() -> None:
    # Spellings IGNORECASE matches although str.lower() does not give the ASCII word:
    # a dotted or dotless i (İ, ı) and the Kelvin sign for k.
    texts = [
        "authorİzation: Basic abc",
        "AUTHORıZATION= abc",
        '{"refresh_to\u212aen": "x"}',
        "BeArEr abc.def",
        "x eyJhbGciOi.eyJzdWIi.c2ln y",
        '[{"deviceNumber": "29", "measures": [{"timestamp": 1, "sensorValues": '
        '[{"sensorName": "Energía activa", "sensorValue": 1.5}]}]}]',
        "Tóken: ünïcode but no secret",
    ]
    for text in texts:
        assert redact(text) == _redact_always(text), text
    assert "abc" not in redact("authorİzation: Basic abc")


def test_a_measurement_body_comes_back_as_the_same_object() -> None:
    body = '[{"deviceNumber": "29", "sensorName": "Corriente A", "sensorValue": 1.5}]' * 100
    assert redact(body) is body  # nothing to redact: not even a copy
