"""`medido upload`: one test measurement from a live reading, validated, then sent to ChileMedido.

    medido upload --device 29 --meter "tcp://10.0.0.5?unit=1" --profile eastron-sdm630 --dry-run
    medido upload --device 29 --meter "tcp://10.0.0.5?unit=1" --profile eastron-sdm630 --json

The Upload page's work (app.core.upload.attempt): the device's configured sensors from the
reading, stamped on the server's clock, checked as the platform will; a value no meter can
produce is never sent. `--dry-run` prints the exact JSON body (stdout) and the checks (stderr),
and sends nothing. Exit code: 0 stored (or, with --dry-run, sendable); 1 not stored, not
sendable, or the meter or the API failed; 2 bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import Any

from app.commands.api_session import (
    EXIT_FAILED,
    EXIT_OK,
    Target,
    Usage,
    add_api_options,
    dump,
    fail,
    logged_in,
    target,
)
from app.commands.meter_args import meter_session
from app.commands.meter_output import quiet_pymodbus
from app.commands.terminal import say
from app.core.api import ApiError
from app.core.clock.check import compare_clocks, meter_zone
from app.core.clock.chile_time import SANTIAGO
from app.core.measurements import OmissionReason
from app.core.meter.links import LinkError
from app.core.meter.session import MeterSession
from app.core.upload.attempt import PreparedUpload, UploadAttempt, prepare_upload
from app.core.upload.flusher import send_through_outbox
from app.core.upload.history import UploadHistory
from app.core.upload.outbox import Outbox

_UNCONFIGURED = OmissionReason.NOT_CONFIGURED.value


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "upload",
        help="send one test measurement from a live reading (--dry-run: show the JSON only)",
        description="Read the meter once, build the measurement for the device's configured "
        "sensors, check it as ChileMedido will, and send it (or, with --dry-run, print it).",
    )
    parser.add_argument("--device", required=True, metavar="NUMBER", help="the meter's number")
    parser.add_argument("--meter", required=True, metavar="URI", help="where the meter is")
    parser.add_argument("--profile", required=True, metavar="ID", help="the meter's profile")
    parser.add_argument("--dry-run", action="store_true", help="print the exact JSON, send nothing")
    add_api_options(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    quiet_pymodbus()
    try:
        if not args.device.strip():
            raise Usage("--device: the meter number is empty")
        session = meter_session(args.meter, args.profile)
        assert session is not None  # both options are required
        chosen = target(args)
        return asyncio.run(_upload(args, chosen, session))
    except (Usage, ApiError, LinkError) as error:
        return fail("upload", error, json_output=args.json)


async def _upload(args: argparse.Namespace, chosen: Target, session: MeterSession) -> int:
    async with logged_in(chosen) as client:
        device = await client.device_by_number(args.device)
        clocks = await compare_clocks(client, None, meter_zone(SANTIAGO), count=3)
        try:
            await session.connect()
            reading = await session.poll()
        finally:
            await session.close()
        if not reading.available:
            why = reading.error.message if reading.error else "wrong profile or unit id"
            raise LinkError("no_values", f"The meter gave no value to send ({why}).")
        prepared = prepare_upload(reading, device, server_offset=clocks.server_offset)
        if args.dry_run or not prepared.sendable:
            return _preview(args, prepared)
        # Written to the outbox first: a failed send waits there (`medido outbox send`).
        attempt = await send_through_outbox(client, [prepared.batch], Outbox(), UploadHistory())
    return _result(args, prepared, attempt)


def _checks(prepared: PreparedUpload) -> dict[str, Any]:
    return {
        "sendable": prepared.sendable,
        "problems": [
            {"code": p.code, "severity": p.severity.value, "message": p.message, "sensor": p.sensor}
            for p in prepared.validation.problems
        ],
        "omitted": [
            {"sensor": o.sensor, "code": o.code, "message": o.message}
            for o in prepared.batch.omitted
        ],
    }


def _preview(args: argparse.Namespace, prepared: PreparedUpload) -> int:
    checks = _checks(prepared)
    if args.json:
        dump({"ok": prepared.sendable, "sent": False, "body": prepared.batch.body(), **checks})
    else:
        say(prepared.batch.to_json())
        _explain(checks)
        verdict = "sendable" if prepared.sendable else "NOT sendable"
        say(f"Nothing was sent: the measurement is {verdict}.", err=True)
    return EXIT_OK if prepared.sendable and args.dry_run else EXIT_FAILED


def _explain(checks: dict[str, Any]) -> None:
    for problem in checks["problems"]:
        say(f"{problem['severity']}: {problem['message']}", err=True)
    unconfigured = [o["sensor"] for o in checks["omitted"] if o["code"].endswith(_UNCONFIGURED)]
    for omission in checks["omitted"]:
        if not omission["code"].endswith(_UNCONFIGURED):
            say(f"left out: {omission['message']}", err=True)
    if unconfigured:
        names = ", ".join(unconfigured)
        say(f"left out, not configured on the meter (ChileMedido would ignore): {names}", err=True)


def _result(args: argparse.Namespace, prepared: PreparedUpload, attempt: UploadAttempt) -> int:
    result, error = attempt.result, attempt.error
    notes = [e.message for e in attempt.explanations]
    history = attempt.history_error.message if attempt.history_error else None
    if args.json:
        dump(
            {
                "ok": attempt.stored,
                "sent": True,
                "stored": attempt.stored,
                "status": result.status if result else None,
                "warnings": list(result.warnings) if result else [],
                "explanations": notes,
                "error": {"code": error.code, "message": str(error)} if error else None,
                "history_error": history,
                "queued": attempt.queued,
                "body": json.loads(attempt.record.body),
                **_checks(prepared),
            }
        )
    else:
        _explain(_checks(prepared))
        values = len(prepared.batch.sensor_names)
        if attempt.stored and result is not None:
            stored = f"{values} values for meter {args.device} (HTTP {result.status})"
            say(f"ChileMedido stored {stored}.")
        for line in notes or (result.warnings if result else ()):
            say(f"warning: {line}")
    if error is not None:
        say(f"medido upload: {error}", err=True)
        if attempt.queued:
            say("It waits in the outbox: `medido outbox send` sends it again.", err=True)
    elif not attempt.stored:
        say("medido upload: ChileMedido did not store the measurement.", err=True)
    if history is not None:
        say(f"note: the upload history could not be written ({history}).", err=True)
    return EXIT_OK if attempt.stored else EXIT_FAILED
