<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../app/gui/status_bar.py" line="+137"/>
        <source>Refresh token valid for %n day(s).</source>
        <translation>
            <numerusform>Refresh token valid for %n day.</numerusform>
            <numerusform>Refresh token valid for %n days.</numerusform>
        </translation>
    </message>
</context>
</TS>
