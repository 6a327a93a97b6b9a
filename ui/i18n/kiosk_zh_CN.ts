<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/AttractScreen.qml" line="+31" />
        <location line="+22" />
        <source>Touch the screen to start</source>
        <translation>请触摸屏幕开始办理</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Guides, online applications, progress and appointments</source>
        <translation>办事指南 · 在线申报 · 进度查询 · 预约办理</translation>
    </message>
</context>
<context>
    <name>ConsultScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ConsultScreen.qml" line="+14" />
        <source>Ask for help</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Government service hotline, every day, around the clock</source>
        <translation>政务服务便民热线（全天24小时）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staff at this station can help you in person</source>
        <translation>本站工作人员可以当面为您提供帮助</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Opening hours</source>
        <translation>办公时间</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Station telephone</source>
        <translation>服务站电话</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="+12" />
        <source>Service guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What to bring, where to go, how long it takes</source>
        <translation>带什么材料、去哪里办、多久办完</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apply online</source>
        <translation>我要办理</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Fill in and submit an application here</source>
        <translation>在这里填写并提交申请</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check progress</source>
        <translation>进度查询</translation>
    </message>
    <message>
        <location line="+0" />
        <source>See how your application is going</source>
        <translation>查看您的申请办到哪一步了</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Appointments</source>
        <translation>预约办理</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Book a time at the service window</source>
        <translation>预约窗口办理时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ask for help</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Hotline %1 and station contacts</source>
        <translation>热线 %1 及服务站联系方式</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/Kiosk/components/IdleOverlay.qml" line="+33" />
        <source>Do you need more time?</source>
        <translation>还需要继续办理吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>In %n second(s) the kiosk returns to the start and clears what you entered.</source>
        <translation>
            <numerusform>%n 秒后将返回首页，并清除您输入的全部信息。</numerusform></translation>
    </message>
    <message>
        <location line="+14" />
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="+23" />
        <source>Community self-service kiosk</source>
        <translation>社区政务服务站自助终端</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Not yet available</source>
        <translation>暂未开放</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This service is not available on this kiosk yet. Please call %1 or ask the station staff.</source>
        <translation>本终端暂未开放此项服务。请拨打 %1 或咨询服务站工作人员。</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../qml/Kiosk/components/NavBar.qml" line="+32" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Elder mode</source>
        <translation>长辈模式</translation>
    </message>
</context>
<context>
    <name>NoticeOverlay</name>
    <message>
        <location filename="../qml/Kiosk/components/NoticeOverlay.qml" line="+63" />
        <source>OK</source>
        <translation>知道了</translation>
    </message>
</context>
</TS>