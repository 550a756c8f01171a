from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core.api import ApiTimeout, UploadResult
from app.core.measurements import MeasurementBatch
from app.core.traffic import redact
from app.core.upload.history import (
    FILE_NAME,
    SCHEMA_VERSION,
    HistoryError,
    UploadHistory,
    UploadRecord,
    record_upload,
)

URL = "https://in.chilemedido.cl/api/v1"
T = datetime(2026, 6, 1, 15, 0, tzinfo=UTC)
JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"


def seed_batch(value: float = 1.0) -> MeasurementBatch:
    names = ("Energía activa acumulada", "Corriente A")
    return MeasurementBatch.build("29", names, dict.fromkeys(names, value), 1566226133)


def record(minutes: int, *, success: bool = True, device: str = "29") -> UploadRecord:
    return UploadRecord(
        T + timedelta(minutes=minutes), URL, device, "[]", 201 if success else 400, success
    )


async def test_round_trip_keeps_everything() -> None:
    history = UploadHistory()
    result = UploadResult(True, ('Sensor "Temperatura" no configurado',), 201)
    stored = await history.add(record_upload([seed_batch()], URL, result=result, sent_at=T))
    assert stored.id is not None
    (back,) = await history.recent()
    assert back == stored
    assert back.sent_at == T
    assert back.device_number == "29"
    assert back.status == 201
    assert back.success is True
    assert back.warnings == ('Sensor "Temperatura" no configurado',)
    assert json.loads(back.body) == seed_batch().body()
    assert "Energía" in back.body  # stored as UTF-8 text, not \\u escapes


async def test_lives_in_the_user_data_folder_and_persists_across_instances() -> None:
    first = UploadHistory()
    assert first.path == Path(os.environ["MEDIDO_DATA_DIR"]) / FILE_NAME
    await first.add(record(0))
    await first.add(record(1, success=False))
    second = UploadHistory()
    assert await second.count() == 2
    assert [r.success for r in await second.recent()] == [False, True]


async def test_newest_first_with_a_limit() -> None:
    history = UploadHistory()
    for minutes in (5, 1, 9, 3):
        await history.add(record(minutes))
    newest = await history.recent(limit=2)
    assert [r.sent_at.minute for r in newest] == [9, 5]
    assert len(await history.recent(limit=0)) == 0


async def test_clear() -> None:
    history = UploadHistory()
    await history.add(record(0))
    await history.add(record(1))
    assert await history.clear() == 2
    assert await history.recent() == []
    await history.add(record(2))
    assert await history.count() == 1


async def test_a_failed_upload_keeps_the_error_and_its_code() -> None:
    error = ApiTimeout("ChileMedido did not answer in time.")
    history = UploadHistory()
    stored = await history.add(record_upload([seed_batch()], URL, error=error, sent_at=T))
    (back,) = await history.recent()
    assert back == stored
    assert back.success is False
    assert back.status is None
    assert back.error_code == "offline_timeout"
    assert back.errors == ("ChileMedido did not answer in time.",)


async def test_two_meters_in_one_request() -> None:
    other = MeasurementBatch.build("30", ("Corriente A",), {"Corriente A": 2.0}, 1566226133)
    rec = record_upload([seed_batch(), other], URL, result=UploadResult(True, (), 201))
    assert rec.device_number == "29, 30"
    assert [b["deviceNumber"] for b in json.loads(rec.body)] == ["29", "30"]


async def test_schema_version_is_recorded() -> None:
    history = UploadHistory()
    await history.count()
    with sqlite3.connect(history.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 1
        columns = [row[1] for row in conn.execute("PRAGMA table_info(uploads)")]
    assert "error_code" in columns


async def test_a_history_from_a_newer_medido_is_left_untouched() -> None:
    history = UploadHistory()
    await history.add(record(0))
    with sqlite3.connect(history.path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = history.path.read_bytes()
    with pytest.raises(HistoryError) as caught:
        await history.recent()
    assert caught.value.code == "history.newer_schema"
    assert str(history.path) in caught.value.message
    assert history.path.read_bytes() == before


async def test_a_file_that_is_not_a_database_is_reported_and_kept() -> None:
    history = UploadHistory()
    history.path.parent.mkdir(parents=True)
    history.path.write_bytes(b"this is not sqlite, it is a note someone saved here" * 100)
    with pytest.raises(HistoryError) as caught:
        await history.add(record(0))
    assert caught.value.code == "history.unusable"
    assert "rename or delete" in caught.value.message
    assert history.path.read_bytes().startswith(b"this is not sqlite")


async def test_nothing_stored_holds_a_token() -> None:
    history = UploadHistory()
    leaky = UploadRecord(
        T,
        "https://user:secret@in.chilemedido.cl/api/v1",
        "29",
        json.dumps({"refreshToken": JWT}),
        401,
        False,
        warnings=(f"Bearer {JWT}",),
        errors=(f"token {JWT} expired",),
    )
    await history.add(leaky)
    await history.add(record_upload([seed_batch()], URL, result=UploadResult(True, (), 201)))
    raw = history.path.read_bytes().decode("utf-8", errors="replace")
    assert JWT not in raw
    assert "secret" not in raw
    for stored in await history.recent():
        for text in (stored.base_url, stored.body, *stored.warnings, *stored.errors):
            assert redact(text) == text  # already clean: nothing left for redact to remove
    assert (await history.recent())[1].base_url == URL


async def test_calls_run_off_the_event_loop_thread() -> None:
    history = UploadHistory()
    loop_thread = threading.get_ident()
    seen: list[int] = []
    original = history._run

    def spy(work):  # type: ignore[no-untyped-def]
        seen.append(threading.get_ident())
        return original(work)

    history._run = spy  # type: ignore[method-assign]
    await asyncio.gather(*(history.add(record(i)) for i in range(5)))
    assert await history.count() == 5
    assert seen
    assert loop_thread not in seen


async def test_a_later_schema_step_migrates_an_existing_history(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.core.upload import history as upload_history

    history = UploadHistory()
    await history.add(record(0))
    step = ("ALTER TABLE uploads ADD COLUMN operator TEXT",)
    monkeypatch.setattr(upload_history, "_MIGRATIONS", (*upload_history._MIGRATIONS, step))
    monkeypatch.setattr(upload_history, "SCHEMA_VERSION", 2)
    (kept,) = await UploadHistory().recent()
    assert kept.sent_at == T
    with sqlite3.connect(history.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert "operator" in [row[1] for row in conn.execute("PRAGMA table_info(uploads)")]
