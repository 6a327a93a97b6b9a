<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApplyMaterials</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/screens/ApplyMaterials.qml" line="+149"/>
        <source>%n page(s) photographed</source>
        <translation>
            <numerusform>%n page photographed</numerusform>
            <numerusform>%n pages photographed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookingScreen</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/screens/BookingScreen.qml" line="+173"/>
        <source>%n free</source>
        <translation>
            <numerusform>%n free</numerusform>
            <numerusform>%n free</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n left</source>
        <translation>
            <numerusform>%n left</numerusform>
            <numerusform>%n left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsultScreen</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/screens/ConsultScreen.qml" line="+110"/>
        <source>%n answer(s) found</source>
        <translation>
            <numerusform>%n answer found</numerusform>
            <numerusform>%n answers found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/components/DevicePanel.qml" line="+265"/>
        <source>Last code scanned: %1… (%n character(s))</source>
        <translation>
            <numerusform>Last code scanned: %1… (%n character)</numerusform>
            <numerusform>Last code scanned: %1… (%n characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Service catalog: version %1, %n item(s)</source>
        <translation>
            <numerusform>Service catalog: version %1, %n item</numerusform>
            <numerusform>Service catalog: version %1, %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupButton</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/components/GroupButton.qml" line="+79"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/screens/GuideScreen.qml" line="+85"/>
        <source>%n visit(s) at most</source>
        <translation>
            <numerusform>%n visit at most</numerusform>
            <numerusform>%n visits at most</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>What to bring (%n item(s))</source>
        <translation>
            <numerusform>What to bring (%n item)</numerusform>
            <numerusform>What to bring (%n items)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/components/IdleOverlay.qml" line="+48"/>
        <source>In %n second(s) the kiosk returns to the start and clears what you entered.</source>
        <translation>
            <numerusform>In %n second the kiosk returns to the start and clears what you entered.</numerusform>
            <numerusform>In %n seconds the kiosk returns to the start and clears what you entered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemListScreen</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/screens/ItemListScreen.qml" line="+37"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/components/ItemRow.qml" line="+56"/>
        <source>At most %n visit(s)</source>
        <translation>
            <numerusform>At most %n visit</numerusform>
            <numerusform>At most %n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="+45"/>
        <source>%n item(s) found</source>
        <translation>
            <numerusform>%n item found</numerusform>
            <numerusform>%n items found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Life event: %1 (%n item(s))</source>
        <translation>
            <numerusform>Life event: %1 (%n item)</numerusform>
            <numerusform>Life event: %1 (%n items)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffPinPad</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/components/StaffPinPad.qml" line="+33"/>
        <source>Too many wrong PINs. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Please try again in %n minute.</numerusform>
            <numerusform>Too many wrong PINs. Please try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many wrong PINs. Please try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Please try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Please try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Wrong PIN. %n more wrong attempt(s) lock the pad.</source>
        <translation>
            <numerusform>Wrong PIN. %n more wrong attempt locks the pad.</numerusform>
            <numerusform>Wrong PIN. %n more wrong attempts lock the pad.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n digit entered</numerusform>
            <numerusform>%n digits entered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/Words.qml" line="+27"/>
        <source>%n page(s) photographed</source>
        <translation>
            <numerusform>%n page photographed</numerusform>
            <numerusform>%n pages photographed</numerusform>
        </translation>
    </message>
</context>
</TS>
