<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountBox</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/connection/account_box.py" line="+198"/>
        <source>valid until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>valid until %1 (%n day left)</numerusform>
            <numerusform>valid until %1 (%n days left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/check/page.py" line="+240"/>
        <source>%n step(s) failed: fix what they say, then run them again.</source>
        <translation>
            <numerusform>%n step failed: fix what it says, then run it again.</numerusform>
            <numerusform>%n steps failed: fix what they say, then run them again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvLogging</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/plot/csv_logging.py" line="+90"/>
        <source>Logging: %1, %n row(s)</source>
        <translation>
            <numerusform>Logging: %1, %n row</numerusform>
            <numerusform>Logging: %1, %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/device/page.py" line="+206"/>
        <source>Meter “%1” · ChileMedido id %2 · %n variable(s) configured.</source>
        <translation>
            <numerusform>Meter “%1” · ChileMedido id %2 · %n variable configured.</numerusform>
            <numerusform>Meter “%1” · ChileMedido id %2 · %n variables configured.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeviceTables</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/device/device_tables.py" line="+75"/>
        <source>Profile %1 supplies %2 of the %n variable(s) configured on this meter.</source>
        <translation>
            <numerusform>Profile %1 supplies %2 of the %n variable configured on this meter.</numerusform>
            <numerusform>Profile %1 supplies %2 of the %n variables configured on this meter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n variable(s) of the profile are not configured on the meter: ChileMedido would ignore them.</source>
        <translation>
            <numerusform>%n variable of the profile is not configured on the meter: ChileMedido would ignore it.</numerusform>
            <numerusform>%n variables of the profile are not configured on the meter: ChileMedido would ignore them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%n variable(s) on the platform.</source>
        <translation>
            <numerusform>%n variable on the platform.</numerusform>
            <numerusform>%n variables on the platform.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkStatus</name>
    <message numerus="yes">
        <location filename="../../app/gui/widgets/link_status.py" line="+177"/>
        <source>%n request(s) per poll</source>
        <translation>
            <numerusform>%n request per poll</numerusform>
            <numerusform>%n requests per poll</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlotPage</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/plot/page.py" line="+240"/>
        <source>%n reading(s) in memory</source>
        <translation>
            <numerusform>%n reading in memory</numerusform>
            <numerusform>%n readings in memory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n row.</numerusform>
            <numerusform>%n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/meter/profile_picker.py" line="+71"/>
        <source>%1 — %2 (%n variable(s))</source>
        <translation>
            <numerusform>%1 — %2 (%n variable)</numerusform>
            <numerusform>%1 — %2 (%n variables)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterConsole</name>
    <message numerus="yes">
        <location filename="../../app/gui/register_console.py" line="+260"/>
        <source>Unit %1 took the %n value(s).</source>
        <translation>
            <numerusform>Unit %1 took the value.</numerusform>
            <numerusform>Unit %1 took the %n values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/register_widgets.py" line="+88"/>
        <source>Write %n coil(s) at coils %1 of unit %2?</source>
        <translation>
            <numerusform>Write %n coil at coils %1 of unit %2?</numerusform>
            <numerusform>Write %n coils at coils %1 of unit %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Write %n register(s) at holding %1 of unit %2?</source>
        <translation>
            <numerusform>Write %n register at holding %1 of unit %2?</numerusform>
            <numerusform>Write %n registers at holding %1 of unit %2?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/meter/scan_dialog.py" line="+192"/>
        <source>%n meter(s) found</source>
        <translation>
            <numerusform>%n meter found</numerusform>
            <numerusform>%n meters found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../app/gui/status_bar.py" line="+144"/>
        <source>Refresh token valid for %n day(s).</source>
        <translation>
            <numerusform>Refresh token valid for %n day.</numerusform>
            <numerusform>Refresh token valid for %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenClaims</name>
    <message numerus="yes">
        <location filename="../../app/gui/steps/connection/token_claims.py" line="+103"/>
        <source>Valid: %n day(s) left.</source>
        <translation>
            <numerusform>Valid: %n day left.</numerusform>
            <numerusform>Valid: %n days left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficDock</name>
    <message numerus="yes">
        <location filename="../../app/gui/traffic_dock.py" line="+159"/>
        <source>%n entries saved to %1.</source>
        <translation>
            <numerusform>%n entry saved to %1.</numerusform>
            <numerusform>%n entries saved to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
