"""The check's steps that talk to ChileMedido: API reachable, token, meter registered, upload.

Every failure the API client raises is an ApiError with an installer-grade message; a step turns
it into a failed finding, and names the fix by the error's code. Token text never enters a
finding or the evidence: only the provider, the gateway and the expiry.
"""

from __future__ import annotations

import os
from datetime import timedelta
from urllib.parse import urlsplit

from app.core.api import ApiError, ApiState
from app.core.check.context import CheckContext, MeterUnderCheck
from app.core.check.outcome import Finding, Status, StepId, StepOutcome, skipped
from app.core.upload.attempt import prepare_upload
from app.core.upload.flusher import send_through_outbox

TOKEN_WARNING = timedelta(days=7)

# What to do about an API error, by its code (the message says what happened).
_FIXES: dict[str, str] = {
    "offline": "Check the laptop's internet connection (Wi-Fi, cable or mobile data).",
    "connection_refused": "Check the server address; the server may be down.",
    "timeout": "Retry; on a slow network try another one (a phone's hotspot).",
    "captive_portal": "Open a web browser, log in to this network, then run the check again.",
    "answer_broken": "Retry; if it persists, try another network.",
    "tls": "Check the laptop's date and time; on a company network ask for its CA file.",
    "token_expired": "Ask the ChileMedido administrator for a new refresh token and log in.",
    "token_rejected": "Log in with the gateway's current refresh token.",
    "not_logged_in": "Log in on the Connection page (or give --token-file).",
    "meter_not_found": "Check the meter number, or register the meter on ChileMedido.",
    "not_your_meter": "Use the token of the gateway this meter belongs to.",
}


def _failed(step: StepId, error: ApiError, **evidence: object) -> StepOutcome:
    fix = _FIXES.get(error.code, "Fix what the message says, then run the check again.")
    return StepOutcome(
        step, (Finding(Status.FAIL, f"api.{error.code}", error.message, fix),), evidence
    )


def _proxy(url: str) -> str | None:
    """The proxy the environment sets for `url` (host and port only: no credentials)."""
    scheme = urlsplit(url).scheme
    for name in (f"{scheme}_proxy", f"{scheme.upper()}_PROXY", "all_proxy", "ALL_PROXY"):
        value = os.environ.get(name)
        if value:
            parts = urlsplit(value if "://" in value else f"http://{value}")
            return f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname
    return None


async def check_api(ctx: CheckContext) -> StepOutcome:
    url = ctx.client.environment.base_url
    evidence: dict[str, object] = {"server": url, "proxy": _proxy(url)}
    try:
        seconds = await ctx.client.reachable()
    except ApiError as error:
        return _failed(StepId.API, error, **evidence)
    evidence["answer_ms"] = round(seconds * 1000)
    secure = urlsplit(url).scheme == "https"
    ms, proxy = str(evidence["answer_ms"]), evidence["proxy"]
    found = [
        Finding(
            Status.PASS,
            "api.reachable_via_proxy",
            f"ChileMedido answered in {ms} ms through the proxy {proxy}.",
            params={"ms": ms, "proxy": str(proxy)},
        )
        if proxy
        else Finding(
            Status.PASS, "api.reachable", f"ChileMedido answered in {ms} ms.", params={"ms": ms}
        )
    ]
    if not secure and ctx.client.environment.kind.value != "emulator":
        found.append(
            Finding(
                Status.WARN,
                "api.not_encrypted",
                "The server address is not https: tokens travel unencrypted.",
                "Use the https address of ChileMedido.",
            )
        )
    return StepOutcome(StepId.API, tuple(found), evidence)


async def check_token(ctx: CheckContext) -> StepOutcome:
    client = ctx.client
    if client.status.state is not ApiState.READY and ctx.log_in is not None:
        try:
            await ctx.log_in(client)
        except ApiError as error:
            return _failed(StepId.TOKEN, error)
    status = client.status
    if status.state not in (ApiState.READY, ApiState.REFRESHING):
        message = status.error_message or "Not logged in to ChileMedido."
        code = status.error_code or "not_logged_in"
        fix = _FIXES.get(code, _FIXES["not_logged_in"])
        return StepOutcome(StepId.TOKEN, (Finding(Status.FAIL, f"api.{code}", message, fix),))
    now = ctx.clock()
    expires = status.refresh_expires_at
    evidence: dict[str, object] = {
        "provider": status.provider,
        "gateway": status.gateway,
        "refresh_expires_at": expires.isoformat() if expires else None,
    }
    who = f"Provider {status.provider}, gateway {status.gateway}"
    params = {"provider": str(status.provider), "gateway": str(status.gateway)}
    if expires is None:
        finding = Finding(
            Status.PASS, "token.no_expiry", f"{who}; the token has no expiry date.", params=params
        )
    else:
        days = (expires - now) / timedelta(days=1)
        evidence["days_left"] = round(days, 1)
        params["days"] = f"{days:.0f}"
        if expires - now < TOKEN_WARNING:
            finding = Finding(
                Status.WARN,
                "token.expires_soon",
                f"{who}; the refresh token expires in {days:.0f} days.",
                "Ask the ChileMedido administrator for a new refresh token for the gateway.",
                params,
            )
        else:
            finding = Finding(
                Status.PASS,
                "token.valid",
                f"{who}; the refresh token is valid for {days:.0f} more days.",
                params=params,
            )
    return StepOutcome(StepId.TOKEN, (finding,), evidence)


async def check_device(ctx: CheckContext, meter: MeterUnderCheck) -> StepOutcome:
    try:
        if meter.device_number:
            device = await ctx.client.device_by_number(meter.device_number)
        elif meter.device_id is not None:
            device = await ctx.client.device(meter.device_id)
        else:
            return StepOutcome(
                StepId.DEVICE,
                (
                    Finding(
                        Status.FAIL,
                        "device.not_given",
                        "No meter number was given.",
                        "Enter the meter's number as registered on ChileMedido.",
                    ),
                ),
            )
    except ApiError as error:
        return _failed(StepId.DEVICE, error, number=meter.device_number, id=meter.device_id)
    meter.device = device
    names = [s.name for s in device.sensors]
    evidence = {"id": device.id, "number": device.number, "sensors": names}
    if not names:
        finding = Finding(
            Status.FAIL,
            "device.no_sensors",
            f"Meter {device.number} is registered but has no sensors configured.",
            "Ask ChileMedido to configure the meter's sensors.",
        )
    else:
        finding = Finding(
            Status.PASS,
            "device.found",
            f"Meter {device.number} (id {device.id}) with {len(names)} sensors.",
            params={"number": device.number, "id": str(device.id), "count": str(len(names))},
        )
    return StepOutcome(StepId.DEVICE, (finding,), evidence)


async def check_upload(ctx: CheckContext, meter: MeterUnderCheck) -> StepOutcome:
    if not ctx.upload:
        return skipped(StepId.UPLOAD, "upload.not_asked", "No test measurement was asked for.")
    reading = next((r for r in reversed(meter.readings) if r.available), None)
    if meter.device is None or reading is None:
        return skipped(
            StepId.UPLOAD,
            "upload.nothing",
            "Nothing to upload: no meter on ChileMedido or no values.",
        )
    offset = meter.clock.server_offset if meter.clock is not None else None
    prepared = prepare_upload(reading, meter.device, server_offset=offset)
    body = prepared.batch.body()
    omitted = [{"sensor": o.sensor, "reason": o.reason.value} for o in prepared.batch.omitted]
    evidence: dict[str, object] = {"sent": body, "omitted": omitted}
    if not prepared.sendable:
        errors = prepared.validation.errors
        refused = tuple(
            Finding(Status.FAIL, p.code, p.message, "Fix the meter's values first.") for p in errors
        )
        return StepOutcome(StepId.UPLOAD, refused, evidence)
    attempt = await send_through_outbox(ctx.client, [prepared.batch], ctx.outbox, ctx.history)
    meter.upload, meter.uploaded = attempt, body
    if attempt.error is not None:
        evidence["answer"] = {"error": attempt.error.code, "message": attempt.error.message}
        return _failed(StepId.UPLOAD, attempt.error, **evidence)
    result = attempt.result
    assert result is not None  # no error: the server answered
    evidence["answer"] = {
        "status": result.status,
        "success": result.success,
        "warnings": list(result.warnings),
    }
    if not result.success:
        return StepOutcome(
            StepId.UPLOAD,
            (
                Finding(
                    Status.FAIL,
                    "upload.refused",
                    "ChileMedido did not store the measurement.",
                    "See the server's answer below.",
                ),
            ),
            evidence,
        )
    count = len(prepared.batch.sensor_names)
    found = [
        Finding(
            Status.PASS if result.status == 201 else Status.WARN,
            "upload.stored",
            f"ChileMedido stored {count} values (HTTP {result.status}).",
            "" if result.status == 201 else "The platform answers 201 for a stored measurement.",
            {"count": str(count), "status": str(result.status)},
        )
    ]
    found += [
        Finding(
            Status.WARN, e.code, e.message, "Configure the sensor on ChileMedido, or ignore it."
        )
        for e in attempt.explanations
    ]
    return StepOutcome(StepId.UPLOAD, tuple(found), evidence)
