<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>IdleOverlay</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/components/IdleOverlay.qml" line="+44"/>
        <source>In %n second(s) the kiosk returns to the start and clears what you entered.</source>
        <translation>
            <numerusform>In %n second the kiosk returns to the start and clears what you entered.</numerusform>
            <numerusform>In %n seconds the kiosk returns to the start and clears what you entered.</numerusform>
        </translation>
    </message>
</context>
</TS>
