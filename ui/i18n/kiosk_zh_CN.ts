<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnnouncementScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/AnnouncementScreen.qml" line="+18"/>
        <source>%1 · %2 · published %3, valid until %4</source>
        <translation>%1 · %2 · %3发布，有效期至%4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Read it on your phone</source>
        <translation>用手机阅读全文</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>QR code of the full text</source>
        <translation>全文二维码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the code with your phone&apos;s camera to open the full text on the district&apos;s website.</source>
        <translation>用手机相机扫描二维码，即可在区政府网站上阅读全文。</translation>
    </message>
</context>
<context>
    <name>ApplyConditions</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyConditions.qml" line="+16"/>
        <source>: </source>
        <comment>between an item&apos;s name and what it says</comment>
        <translation>：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Applied for together</source>
        <translation>一并申报的事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One form, one photo of each material and one consent for all of them. Each item becomes its own case, handled by its own department.</source>
        <translation>这些事项共用一次身份核验、一张表单、每份材料只拍一次、一次授权确认。每个事项各自成为一个办件，由各自的部门办理。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Who can apply</source>
        <translation>申请条件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What you need</source>
        <translation>需要准备的材料</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (%1)</source>
        <comment>a material&apos;s form, after its name</comment>
        <translation>（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 copies</source>
        <translation>，%1份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — if applicable</source>
        <translation> — 如有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — may be brought to the counter later</source>
        <translation> — 可容缺后补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — e-licence accepted</source>
        <translation> — 可用电子证照</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You will photograph each material on the document camera. Have your ID card ready.</source>
        <translation>材料将在高拍仪上逐页拍摄上传。请准备好身份证。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Missing materials: %1</source>
        <translation>容缺受理：%1</translation>
    </message>
</context>
<context>
    <name>ApplyConsent</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyConsent.qml" line="+15"/>
        <source>Before you submit</source>
        <translation>提交前请阅读</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purpose: to handle the service you are applying for.</source>
        <translation>用途：办理您申请的政务服务事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to: the Xicheng District government service platform and the departments handling your application.</source>
        <translation>接收方：北京市西城区政务服务平台及承办部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept: as the rules for government service records require; this kiosk deletes it as soon as the submission has gone through.</source>
        <translation>保存期限：按政务服务档案管理规定保存；本终端在提交成功后立即删除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing you entered stays on this kiosk after you finish: the screen is cleared and the stored copy is deleted as soon as the district platform confirms it.</source>
        <translation>办理结束后，您输入的信息不会留在本终端：屏幕会被清空，暂存的加密副本在区政务服务平台确认收到后立即删除。</translation>
    </message>
</context>
<context>
    <name>ApplyDone</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyDone.qml" line="+26"/>
        <source>Saving your application…</source>
        <translation>正在保存您的申请…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your application has been received</source>
        <translation>您的申请已收到</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Receipt number %1. Sending it to the district platform…</source>
        <translation>受理回执号 %1，正在提交到区政务服务平台…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Case number: %1</source>
        <translation>办件编号：%1</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+12"/>
        <source>Receipt number: %1</source>
        <translation>受理回执号：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Waiting to be uploaded: the network is slow, so the kiosk keeps your application safely and sends it by itself. Use the receipt number to check progress.</source>
        <translation>待上传：网络暂时不畅，终端已安全保存您的申请，恢复后会自动提交。可凭受理回执号查询进度。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing your receipt…</source>
        <translation>正在打印回执…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please take your receipt.</source>
        <translation>请取走您的回执。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer is out of paper. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>打印机缺纸。请用手机拍下下方的二维码和编号。已通知工作人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receipt could not be printed. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>回执没有打印出来。请用手机拍下下方的二维码和编号。已通知工作人员。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scan to check progress, or call %1.</source>
        <translation>扫码查询办理进度，或拨打 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>I have taken a photo, continue</source>
        <translation>已拍照，继续</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>ApplyForm</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyForm.qml" line="+17"/>
        <source>Fields filled from your ID card can be changed. Tap a field to type; numbers open the number pad.</source>
        <translation>已根据身份证自动填写的内容可以修改。点击输入框即可输入，数字会打开数字键盘。</translation>
    </message>
</context>
<context>
    <name>ApplyIdentify</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyIdentify.qml" line="+25"/>
        <source>For myself</source>
        <translation>本人办理</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For someone else (proxy)</source>
        <translation>委托代办</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>As a proxy you identify first, then place the applicant&apos;s ID card. A signed letter of authorisation is added to the materials.</source>
        <translation>代办时请代办人先读取身份证，再放申请人的身份证。材料中将增加申请人签字的授权委托书。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Proxy</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, ID %2</source>
        <translation>%1，证件号码 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Proxy: place your ID card on the reader</source>
        <translation>请代办人把身份证放在读卡区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now place the applicant&apos;s ID card on the reader</source>
        <translation>请放申请人（被代办人）的身份证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place your ID card on the reader</source>
        <translation>请把身份证放在读卡区</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the card on the reader until your name appears.</source>
        <translation>请保持证件不动，直到屏幕显示您的姓名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card reader is not working right now.</source>
        <translation>读卡器暂时无法使用。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> You can type your name and ID number below.</source>
        <translation>您可以在下方输入姓名和身份证号码。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> Please ask the station staff.</source>
        <translation>请联系服务站工作人员。</translation>
    </message>
</context>
<context>
    <name>ApplyMaterials</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyMaterials.qml" line="+20"/>
        <source>Lay the page face up under the document camera, then press Photograph. Photograph each page of a material.</source>
        <translation>请把材料正面朝上平放在高拍仪下，然后按“拍摄”。多页材料请逐页拍摄。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo: pages are taken from sample images instead of the document camera.</source>
        <translation>演示模式：用示例图片代替高拍仪拍摄。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source> (if applicable)</source>
        <translation>（如有）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Retake</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Photographing…</source>
        <translation>正在拍摄…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a page</source>
        <translation>再拍一页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photograph</source>
        <translation>拍摄</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Use e-licence</source>
        <translation>使用电子证照</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bring to counter later</source>
        <translation>到窗口补交</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n page(s) photographed</source>
        <translation>
            <numerusform>已拍摄 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still needed</source>
        <translation>尚未提供</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not needed if it does not apply to you</source>
        <translation>不适用可不提供</translation>
    </message>
</context>
<context>
    <name>ApplyRating</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyRating.qml" line="+29"/>
        <source>Please rate this service. Your rating goes to the district with the case number, not your name.</source>
        <translation>请为本次服务评价。评价只与办件编号关联，不含您的姓名。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>What went wrong? (choose any)</source>
        <translation>哪里不满意？（可多选）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Anything else you want to tell us (optional)</source>
        <translation>其他意见（选填）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Thank you for your rating</source>
        <translation>感谢您的评价</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything you entered has been cleared from this kiosk. Please take your ID card and receipt.</source>
        <translation>您输入的信息已从本终端清除。请带好身份证和回执。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ApplyReview</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyReview.qml" line="+17"/>
        <source>Personal details are hidden. Press and hold a line to see it in full.</source>
        <translation>个人信息已隐藏显示，按住某一行可查看完整内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your application</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Proxy&apos;s name</source>
        <translation>代办人姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant&apos;s name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy&apos;s ID number</source>
        <translation>代办人证件号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant&apos;s ID number</source>
        <translation>申请人证件号码</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Hold to see %1 in full</source>
        <translation>按住查看完整的%1</translation>
    </message>
</context>
<context>
    <name>ApplyScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyScreen.qml" line="+21"/>
        <source>Before you start</source>
        <translation>办理须知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is applying</source>
        <translation>确认身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the form</source>
        <translation>填写申请表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials</source>
        <translation>提交材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check everything</source>
        <translation>核对信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your personal information</source>
        <translation>个人信息使用说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitting</source>
        <translation>正在提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How did it go?</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you</source>
        <translation>谢谢</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: %2 items together</source>
        <translation>%1：%2个事项一并申报</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/AttractScreen.qml" line="+47"/>
        <location line="+87"/>
        <source>Touch the screen to start</source>
        <translation>请触摸屏幕开始办理</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Guides, online applications, progress and appointments</source>
        <translation>办事指南 · 在线申报 · 进度查询 · 预约办理</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Announcement · %1 · %2 of %3</source>
        <extracomment>Above an announcement on the screen between residents: its kind, and which of how many announcements it is</extracomment>
        <translation>通知公告 · %1 · 第%2条，共%3条</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>BookingScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/BookingScreen.qml" line="+29"/>
        <source>Where would you like to go?</source>
        <translation>请选择办理地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which day?</source>
        <translation>请选择日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What time?</source>
        <translation>请选择时间段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is coming</source>
        <translation>请确认预约人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your mobile phone number</source>
        <translation>请填写手机号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check your appointment</source>
        <translation>请核对预约信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking…</source>
        <translation>正在预约…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not confirmed yet</source>
        <translation>预约尚未确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your appointment is booked</source>
        <translation>预约成功</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, %2–%3</source>
        <extracomment>A booked time: %1 the day, %2 and %3 the start and end (e.g. 09:30–10:00)</extracomment>
        <translation>%1 %2—%3</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Step %1 of %2</source>
        <extracomment>Where the resident is in the booking: step %1 of %2</extracomment>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Booking your time with the district platform…</source>
        <translation>正在向区政务服务平台预约…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looking up free times…</source>
        <translation>正在查询可预约时间…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Appointments cannot be booked on this kiosk right now. Please call %1.</source>
        <translation>本终端暂时无法预约，请拨打 %1。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Nearest to you · %1</source>
        <translation>离您最近 · %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+34"/>
        <location line="+124"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <location line="-138"/>
        <source>%n free</source>
        <translation>
            <numerusform>余 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+35"/>
        <source>Full</source>
        <translation>已约满</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n left</source>
        <translation>
            <numerusform>余 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The appointment is made in the name on the card. Please bring the same card to the window.</source>
        <translation>将以身份证上的姓名预约，办理时请携带同一张身份证。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card reader is not working right now. You can type your name and ID number below.</source>
        <translation>读卡器暂时不能使用。您可以在下方输入姓名和身份证号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card reader is not working right now. Please ask the station staff, or call %1.</source>
        <translation>身份证读卡器暂时无法使用，请联系站内工作人员，或拨打 %1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The window may call you about the appointment. The number is only used for this.</source>
        <translation>窗口可能就本次预约与您联系，号码仅用于本次预约。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>11-digit mobile number</source>
        <translation>11位手机号码</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>%1: %2</source>
        <extracomment>A label and its value on a review screen</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirm the appointment</source>
        <translation>确认预约</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Appointment number: %1</source>
        <translation>预约号：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing your appointment slip…</source>
        <translation>正在打印预约凭条…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please take your slip: it lists what to bring. Come with the same ID card a little before the time.</source>
        <translation>请取走预约凭条，上面列有需携带的材料。请携带同一张身份证，提前到达。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer is out of paper. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>打印机缺纸。请用手机拍下下方的二维码和编号。已通知工作人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The slip could not be printed. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>凭条未能打印。请用手机拍下下方的二维码和预约号，已通知工作人员。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>To cancel, choose My appointments here, or call %1.</source>
        <translation>如需取消，请在本终端选择“我的预约”，或拨打 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>I have taken a photo, finish</source>
        <translation>我已拍照，完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../qml/Kiosk/components/CameraPreview.qml" line="+13"/>
        <source>No document camera found. You can still choose to bring materials to the counter, or ask the station staff.</source>
        <translation>没有找到高拍仪。您仍可选择其他方式提供材料，或请服务站工作人员帮助。</translation>
    </message>
</context>
<context>
    <name>CaptionBar</name>
    <message>
        <location filename="../qml/Kiosk/components/CaptionBar.qml" line="+31"/>
        <source>Speaking:</source>
        <translation>正在朗读：</translation>
    </message>
</context>
<context>
    <name>CardPrompt</name>
    <message>
        <location filename="../qml/Kiosk/components/CardPrompt.qml" line="+12"/>
        <source>Place your ID card on the reader</source>
        <translation>请把身份证放在读卡区</translation>
    </message>
</context>
<context>
    <name>ClosedScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ClosedScreen.qml" line="+63"/>
        <source>Closed now</source>
        <translation>现在是非办公时间</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opening hours: %1</source>
        <translation>开放时间：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opens again %1</source>
        <translation>下次开放：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Questions? Call the government hotline %1</source>
        <translation>如有疑问，请拨打政务服务便民热线 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You can still touch the screen to read guides or apply.</source>
        <translation>您仍可触摸屏幕查看办事指南或在线申报。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Applications submitted now are handled on the next working day.</source>
        <translation>现在提交的申请将在下一个工作日办理。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Touch the screen to show the opening hours</source>
        <translation>请触摸屏幕查看开放时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Touch the screen to start</source>
        <translation>请触摸屏幕开始办理</translation>
    </message>
</context>
<context>
    <name>ConsultAnswerScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ConsultAnswerScreen.qml" line="+20"/>
        <source>%1 · checked by the hotline on %2</source>
        <translation>%1 · 热线于 %2 核对</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The hotline&apos;s answer</source>
        <translation>热线答复</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Guides for this</source>
        <translation>相关办事指南</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open the guide</source>
        <translation>查看办事指南</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not what you need? Call %1 or ask the staff at this station.</source>
        <translation>没有解决您的问题？请拨打 %1，或咨询本站工作人员。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave a question for the hotline</source>
        <translation>留言咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it here; the answer comes later, under Check progress with your receipt.</source>
        <translation>在这里写下您的问题，答复稍后可凭回执在“进度查询”中查看。</translation>
    </message>
</context>
<context>
    <name>ConsultScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ConsultScreen.qml" line="+20"/>
        <source>Ask for help</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Your question, e.g. 身份证丢了 / sfz</source>
        <translation>输入您的问题，如：身份证丢了 / shenfenzheng</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Ask by phone or in person</source>
        <translation>电话或当面咨询</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Government service hotline, every day, around the clock</source>
        <translation>政务服务便民热线（全天24小时）</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Most asked</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No answer found for “%1”</source>
        <translation>没有找到“%1”的答复</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n answer(s) found</source>
        <translation>
            <numerusform>找到 %n 条答复</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most asked questions</source>
        <translation>大家常问</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Try fewer words or another way of putting it. The hotline %1 and the staff at this station answer every question.</source>
        <translation>请少输几个字，或换一种说法。每个问题都可以拨打热线 %1 或询问本站工作人员。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Leave a question for the hotline</source>
        <translation>留言咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it here; the answer comes later, under Check progress with your receipt.</source>
        <translation>在这里写下您的问题，答复稍后可凭回执在“进度查询”中查看。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Staff at this station can help you in person</source>
        <translation>本站工作人员可以当面为您提供帮助</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening hours</source>
        <translation>办公时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station telephone</source>
        <translation>服务站电话</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <location filename="../qml/Kiosk/components/DatePicker.qml" line="+36"/>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose</source>
        <translation>选定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chosen</source>
        <translation>已选定</translation>
    </message>
</context>
<context>
    <name>DeviceIndicator</name>
    <message>
        <location filename="../qml/Kiosk/components/DeviceIndicator.qml" line="+19"/>
        <source>Device status (staff: press and hold)</source>
        <translation>设备状态（工作人员：长按）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Device status (staff: hold for 3 seconds)</source>
        <translation>设备状态（工作人员：按住3秒）</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <location filename="../qml/Kiosk/components/DevicePanel.qml" line="+87"/>
        <source>Terminal status</source>
        <translation>终端状态</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>End preview</source>
        <translation>结束预览</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change port</source>
        <translation>更换端口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change camera</source>
        <translation>更换高拍仪</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pages come from the image folder set in camera.image_folder (the demo&apos;s sample pages), not from a camera: there is nothing to preview or choose.</source>
        <translation>页面取自 camera.image_folder 设置的图片文件夹（演示用的样例页面），而不是高拍仪：没有可预览或选择的摄像头。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The camera does not show a picture. Check its USB cable and that it is switched on, or choose another with Change camera.</source>
        <translation>摄像头没有画面。请检查它的 USB 线和电源，或点“更换高拍仪”选择另一个。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No camera found. Check its USB cable, then tap Change camera again.</source>
        <translation>没有找到摄像头。请检查它的 USB 线，然后再点一次“更换高拍仪”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing found. Check that the device is plugged in and switched on, then tap Change port again.</source>
        <translation>没有找到。请检查设备已插好并已开机，然后再点“更换端口”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap the camera to use:</source>
        <translation>点选要使用的摄像头：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap where the device is connected:</source>
        <translation>请点选设备所接的位置：</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>Last code scanned: %1… (%n character(s))</source>
        <translation>
            <numerusform>最近扫到的码：%1…（共 %n 个字符）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Service catalog: version %1, %n item(s)</source>
        <translation>
            <numerusform>事项目录：版本 %1，共 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last update %1: new catalog taken into use</source>
        <translation>%1 更新：已启用新的事项目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last check %1: the catalog is up to date</source>
        <translation>%1 检查：事项目录已是最新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last check %1: platform not reachable; the stored catalog stays in use</source>
        <translation>%1 检查：无法连接区平台，继续使用已保存的目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last update %1: the new catalog was refused; the previous one stays in use</source>
        <translation>%1 更新：新目录未通过校验已被拒绝，继续使用原目录</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Submissions waiting to be uploaded: %1</source>
        <translation>待上传的申请：%1 件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Submissions cannot be sent to the platform: %1. Check the settings and key files, then restart the kiosk.</source>
        <translation>申请无法上传到平台：%1。请检查设置和密钥文件，然后重新启动终端。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refused by the platform, kept here: %1 (%2). Please report it to the district platform.</source>
        <translation>被平台退回、保留在本机：%1（%2）。请报区政务服务平台处理。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Photo not shown</source>
        <translation>不显示照片</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last card read (masked)</source>
        <translation>最近一次读卡（已脱敏）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>2023 foreign permanent residence card: the reader works, but the kiosk cannot read this card&apos;s fields yet. Holders type their details where the item allows it, or are served at the counter.</source>
        <translation>2023 版外国人永久居留身份证：读卡器正常，但本机暂不能读取此类证件的信息。持证人可在事项允许时手工输入身份信息，或到服务窗口办理。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(number fails its check digit)</source>
        <translation>（号码校验位不正确）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Serving residents.</source>
        <translation>正在为居民服务。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service: %1</source>
        <translation>暂停服务：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take the terminal out of service because:</source>
        <translation>暂停本机服务，原因：</translation>
    </message>
    <message>
        <location line="-401"/>
        <source>Maintenance</source>
        <translation>维护保养</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A device is faulty</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No staff on duty</source>
        <translation>无人值守</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location line="+423"/>
        <source>Back in service</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A receipt did not print. Reprint it for the resident who is waiting, or discard it; it is discarded by itself soon.</source>
        <translation>有一张凭条没有打印出来。请为正在等候的居民补打，或将其丢弃；过一会儿系统也会自动丢弃。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reprint failed receipt</source>
        <translation>补打凭条</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discard failed receipt</source>
        <translation>丢弃未打印的凭条</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Daily self-check</source>
        <translation>每日自检</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DeviceTexts</name>
    <message>
        <location filename="../qml/Kiosk/components/DeviceTexts.qml" line="+8"/>
        <source>ID card reader</source>
        <translation>身份证读卡器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer</source>
        <translation>凭条打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code scanner</source>
        <translation>扫码器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready, paper running low</source>
        <translation>正常，纸张即将用完</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready (this connection cannot report paper)</source>
        <translation>正常（此连接方式无法报告纸张状态）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found: check the cable and the port in the settings</source>
        <translation>未找到设备：请检查连接线和设置中的端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not responding: check the cable and the power</source>
        <translation>设备无响应：请检查连接线和电源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out of paper: load a new roll</source>
        <translation>缺纸：请装入新的纸卷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cover open: close the printer cover</source>
        <translation>打印机盖未合上：请合上打印机盖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Security module (SAM) failed: restart the reader</source>
        <translation>安全模块（SAM）故障：请重启读卡器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hardware fault</source>
        <translation>硬件故障</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The ID card reader is not working right now. Please ask the station staff for help.</source>
        <translation>身份证读卡器暂时无法使用，请联系服务站工作人员协助。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receipt printer is out of paper. Your receipt number and QR code will be shown on the screen instead.</source>
        <translation>凭条打印机缺纸，办理编号和二维码将改为显示在屏幕上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receipt printer is not working right now. Your receipt number and QR code will be shown on the screen instead.</source>
        <translation>凭条打印机暂时无法使用，办理编号和二维码将改为显示在屏幕上。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>USB device with its own serial port: most often a scanner</source>
        <translation>自带串口的 USB 设备：多为扫码器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 USB-serial adapter: a card reader or a scanner</source>
        <translation>%1 USB 转串口：读卡器或扫码器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB serial device of unknown kind</source>
        <translation>未知类型的 USB 串口设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built-in serial port (RS-232)</source>
        <translation>主机自带串口（RS-232）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB printer</source>
        <translation>USB 打印机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulated device (demo)</source>
        <translation>模拟设备（演示）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera on %1</source>
        <translation>摄像头，位于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As set in the station file</source>
        <translation>站点配置文件中的设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved in %1 and in use now. The station file is unchanged; delete that file to go back to it.</source>
        <translation>已保存到 %1，现已启用。站点配置文件未改动；删除该文件即恢复为配置文件中的设置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In use now, until the kiosk stops (the demo keeps no device choices).</source>
        <translation>现已启用，直到本机停止运行（演示模式不保存设备选择）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: the setting would not be valid.</source>
        <translation>未保存：该设置无效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: the choices file cannot be written. Nothing was changed.</source>
        <translation>未保存：无法写入设备选择文件，没有任何改动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: only a device plugged into this terminal can be chosen here.</source>
        <translation>未保存：这里只能选择接在本机上的设备。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A receipt is printing: try again in a moment.</source>
        <translation>正在打印回执，请稍后再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ports of this terminal cannot be listed.</source>
        <translation>无法列出本机的端口。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not changed: the device cannot be set up with this setting.</source>
        <translation>未更改：无法按此设置使用该设备。</translation>
    </message>
</context>
<context>
    <name>EngagementScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/EngagementScreen.qml" line="+15"/>
        <source>Notices and surveys</source>
        <translation>通知公告与意见征集</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Have your say (anonymous)</source>
        <translation>意见征集（匿名）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A few questions from the district. No ID card is needed and nothing says who answered.</source>
        <translation>区里想听听您的意见，只有几道题。不用刷身份证，也不会记录是谁填写的。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (answered, thank you)</source>
        <translation>%1（已参与，谢谢）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · open until %2</source>
        <translation>%1 · 征集至%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Announcements</source>
        <translation>通知公告</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There are no announcements at the moment.</source>
        <translation>目前没有通知公告。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../qml/Kiosk/components/FieldEditor.qml" line="+25"/>
        <source> (optional)</source>
        <translation>（选填）</translation>
    </message>
</context>
<context>
    <name>GroupButton</name>
    <message>
        <location filename="../qml/Kiosk/components/GroupButton.qml" line="+24"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>共%n项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/GuideScreen.qml" line="+53"/>
        <location line="+119"/>
        <source>: </source>
        <extracomment>Between a label and its value</extracomment>
        <translation>：</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>%1 level</source>
        <translation>%1级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply here</source>
        <translation>可在本机申报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book a time here</source>
        <translation>可预约</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>At a glance</source>
        <translation>办理要点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Visits needed</source>
        <translation>到现场次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None — all online</source>
        <translation>0次（全程网办）</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n visit(s) at most</source>
        <translation>
            <numerusform>最多跑%n次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promised time</source>
        <translation>承诺办结时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees</source>
        <translation>收费标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statutory time</source>
        <translation>法定办结时限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who can apply</source>
        <translation>受理条件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Service recipients</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+87"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location line="-81"/>
        <source>What to bring (%n item(s))</source>
        <translation>
            <numerusform>所需材料（%n项）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 × %2</source>
        <translation>%1 × %2份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>if applicable</source>
        <translation>按情况提供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may be handed in later</source>
        <translation>可容缺后补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-licence accepted</source>
        <translation>可用电子证照</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+72"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Handing in later</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Steps</source>
        <translation>办理流程</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Special steps</source>
        <translation>特殊环节</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where and when</source>
        <translation>办理地点和时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hours</source>
        <translation>办理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointments</source>
        <translation>预约办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ways to apply</source>
        <translation>办理形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where it can be handled</source>
        <translation>通办范围</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Questions and complaints</source>
        <translation>咨询与投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask</source>
        <translation>咨询方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complain</source>
        <translation>监督投诉</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Frequently asked</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Q: %1</source>
        <translation>问：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A: %1</source>
        <translation>答：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>More about this item</source>
        <translation>更多事项信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implementing body</source>
        <translation>实施主体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>设定依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result sample</source>
        <translation>结果样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review standard</source>
        <translation>审查标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee basis</source>
        <translation>收费依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online payment</source>
        <translation>网上支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation>物流快递</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Take this guide with you</source>
        <translation>扫码带走</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scan with your phone to open this guide.</source>
        <translation>用手机扫一扫，把这份办事指南带回家。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print a short guide</source>
        <translation>打印指南</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Printing, please wait…</source>
        <translation>正在打印，请稍候…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed. Please take the paper from the printer slot.</source>
        <translation>打印完成，请从出纸口取走。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer is out of paper. Please scan the QR code above instead.</source>
        <translation>打印机缺纸，请改为扫描上方二维码带走指南。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guide could not be printed. Please scan the QR code above instead.</source>
        <translation>指南未能打印，请改为扫描上方二维码带走指南。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer is not available right now. Please scan the QR code above.</source>
        <translation>打印机暂时无法使用，请扫描上方二维码带走指南。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Apply online</source>
        <translation>在线办理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Book a time at the window</source>
        <translation>预约窗口办理时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ask for a home visit</source>
        <translation>申请上门办理</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For residents who cannot come because of age, disability or illness: staff come to the home. A family member may ask.</source>
        <translation>因年老、残疾或疾病无法到场的居民，可申请工作人员上门办理；家属可以代为申请。</translation>
    </message>
</context>
<context>
    <name>GuidesScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/GuidesScreen.qml" line="+29"/>
        <source>Service guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Search: type a name, pinyin or initials</source>
        <translation>搜索事项：输入名称、拼音或首字母</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Life events</source>
        <translation>一件事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By theme</source>
        <translation>按主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By level</source>
        <translation>按层级</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loading the catalog…</source>
        <translation>正在加载事项目录…</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="+23"/>
        <source>Service guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What to bring, where to go, how long it takes</source>
        <translation>带什么材料、去哪里办、多久办完</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Apply online</source>
        <translation>我要办理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fill in and submit an application here</source>
        <translation>在这里填写并提交申请</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Check progress</source>
        <translation>进度查询</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>See how your application is going</source>
        <translation>查看您的申请办到哪一步了</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Appointments</source>
        <translation>预约办理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Book a time at the service window</source>
        <translation>预约窗口办理时间</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Ask for help</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hotline %1 and station contacts</source>
        <translation>热线 %1 及服务站联系方式</translation>
    </message>
</context>
<context>
    <name>HomeVisitScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/HomeVisitScreen.qml" line="+26"/>
        <source>Myself</source>
        <translation>本人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Husband or wife</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Son or daughter</source>
        <translation>子女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another relative</source>
        <translation>其他亲属</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else who helps</source>
        <translation>其他代办人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Old age, cannot walk far</source>
        <translation>年老行动不便</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serious illness or bedridden</source>
        <translation>重病或卧床</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Morning (9:00–12:00)</source>
        <translation>上午（9:00—12:00）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Afternoon (13:30–17:00)</source>
        <translation>下午（13:30—17:00）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who is the visit for?</source>
        <translation>为谁申请上门办理？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID card of the person to be visited</source>
        <translation>请刷服务对象的身份证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where should staff come?</source>
        <translation>上门地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whom should staff call?</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When would suit best?</source>
        <translation>期望上门时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check and send</source>
        <translation>核对并提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your request has been received</source>
        <translation>您的申请已收到</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ask for a home visit</source>
        <translation>申请上门办理</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Step %1 of %2 · %3</source>
        <translation>第 %1 步，共 %2 步 · %3</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Staff of the street come to the home of a resident who cannot come because of age, disability or illness. You may ask for yourself or for a family member.</source>
        <translation>因年老、残疾或疾病无法到场的居民，街道工作人员可以上门办理。您可以为自己申请，也可以为家人申请。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who is asking?</source>
        <translation>申请人是服务对象的：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Why can the person not come?</source>
        <translation>无法到场的原因：</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+45"/>
        <location line="+31"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Please place the ID card of the person to be visited on the reader. If you ask for a family member, use their card, not yours.</source>
        <translation>请将服务对象（需要上门服务的人）的身份证放在读卡区。为家人申请时，请刷家人的身份证，不要刷您自己的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card reader is not working right now. Please ask the station staff, or call %1.</source>
        <translation>读卡器暂时无法使用。请咨询站内工作人员，或拨打 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This is the address on the ID card. If the person lives somewhere else now, please change it: district, street, building and door number.</source>
        <translation>这是身份证上的地址。如服务对象现在住在别处，请修改为现住址：区、街道、楼号和门牌号。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Address for the visit</source>
        <translation>上门地址</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Staff call this number to agree the time of the visit and what to have ready. It is only used for this.</source>
        <translation>工作人员会拨打此号码，约定上门时间和需准备的材料。号码仅用于此。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>11-digit mobile number</source>
        <translation>11位手机号码</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a morning or an afternoon, then a day. It is a wish: staff call you to agree the time.</source>
        <translation>请先选上午或下午，再选日期。这是您的期望时间，具体时间以工作人员电话确认为准。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Person to be visited</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>上门地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preferred time</source>
        <translation>期望时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>By sending, you agree that these details go to the Xicheng government service centre and the street&apos;s service centre, only to arrange the visit. They are kept under the rules for government service cases; this kiosk deletes them once they have been delivered.</source>
        <translation>点击提交，即表示您同意以上信息提供给西城区政务服务中心及所在街道便民服务中心，仅用于安排上门办理。信息按政务服务办件管理规定保存；本终端在提交成功后立即删除。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agree and send</source>
        <translation>同意并提交</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Number: %1</source>
        <translation>受理编号：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending it to the district platform…</source>
        <translation>正在提交到区政务服务平台…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing your slip…</source>
        <translation>正在打印回执…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please take your slip. Staff will call you to agree the time; you can follow the request under Check progress.</source>
        <translation>请取走回执。工作人员将电话联系您约定上门时间；办理进度可在“进度查询”中查看。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer is out of paper. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>打印机缺纸。请用手机拍下下方的二维码和编号。已通知工作人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The slip could not be printed. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>回执未能打印。请用手机拍下下方的二维码和编号。已通知工作人员。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The network is slow: the kiosk sends your request as soon as it can. Nothing is lost.</source>
        <translation>网络较慢：终端将在网络恢复后自动提交您的申请，信息不会丢失。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan under Check progress, or type the number and the last 4 characters of the visited person&apos;s ID number.</source>
        <translation>在“进度查询”扫描二维码，或输入受理编号和服务对象证件号码后4位。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I have taken a photo, finish</source>
        <translation>已拍照，完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/Kiosk/components/IdleOverlay.qml" line="+37"/>
        <source>Do you need more time?</source>
        <translation>还需要继续办理吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>In %n second(s) the kiosk returns to the start and clears what you entered.</source>
        <translation>
            <numerusform>%n 秒后将返回首页，并清除您输入的全部信息。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>ItemListScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ItemListScreen.qml" line="+25"/>
        <source>Items you can apply for here</source>
        <translation>可在线办理的事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items you can book a time for</source>
        <translation>可预约办理的事项</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>共%n项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My appointments: see or cancel</source>
        <translation>我的预约：查看或取消</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <location filename="../qml/Kiosk/components/ItemRow.qml" line="+55"/>
        <source>No visit needed</source>
        <translation>不用跑</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>At most %n visit(s)</source>
        <translation>
            <numerusform>最多跑%n次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply here</source>
        <translation>可在本机申报</translation>
    </message>
</context>
<context>
    <name>LifeEventScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/LifeEventScreen.qml" line="+15"/>
        <source>Life event: %1</source>
        <translation>一件事：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The items, in the order they are done</source>
        <translation>要办的事项（按办理顺序）</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Apply for the %1 items marked “Apply here” together</source>
        <translation>一并申报标有“可在本机申报”的%1个事项</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your ID card once, one form, each material photographed once.</source>
        <translation>只需刷一次身份证、填一张表，每份材料只拍一次。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Materials for all of them: prepare each once</source>
        <translation>材料清单：各事项共用的材料只需准备一份</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 · %2 × %3</source>
        <translation>%1 · %2 %3份</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>For: %1</source>
        <translation>用于：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <comment>between item names in a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open an item for its full guide: where, when, fees and time limits. Items marked “Apply here” can be applied for on this kiosk.</source>
        <translation>点开事项可查看完整办事指南：办理地点、时间、收费和时限。标有“可在本机申报”的事项可以在本终端办理。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="+63"/>
        <source>Community self-service kiosk</source>
        <translation>社区政务服务站自助终端</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>This answer cannot be shown</source>
        <translation>暂时无法显示这条答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answer could not be read just now. Please choose another question, call %1 or ask the station staff.</source>
        <translation>这条答复暂时无法读取。请选择其他问题，或拨打 %1，或咨询本站工作人员。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This announcement is no longer shown</source>
        <translation>这条公告已不再显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It has expired or been withdrawn. Please choose another one.</source>
        <translation>它已过期或已撤下，请看看其他公告。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This survey takes no answers now</source>
        <translation>这项意见征集现在不能填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It has closed, or answers cannot be sent from this kiosk right now. Thank you all the same.</source>
        <translation>征集已结束，或本终端暂时无法提交意见。仍然感谢您的关注。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot leave a question here right now</source>
        <translation>暂时不能在本机留言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions cannot be left on this kiosk right now. Please call %1 or ask the station staff.</source>
        <translation>本机暂时不能留言咨询。请拨打 %1，或询问服务站工作人员。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Cannot ask for a home visit here right now</source>
        <translation>暂时无法在此申请上门办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A home visit cannot be asked for from this kiosk right now. Please call %1 or ask the station staff.</source>
        <translation>本终端暂时无法申请上门办理。请拨打 %1 或咨询站内工作人员。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot book here right now</source>
        <translation>暂时无法预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointments cannot be booked from this kiosk right now. Please call %1 or ask the station staff.</source>
        <translation>本终端暂时无法预约，请拨打 %1 或咨询站内工作人员。</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+5"/>
        <source>Cannot apply here right now</source>
        <translation>暂时无法在线办理</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>This kiosk is out of service: applications cannot be made here now. Please apply at a staffed station or call %1.</source>
        <translation>本机暂停服务，现在不能在此申报。请到有工作人员的服务站办理，或拨打 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Online applications cannot be submitted from this kiosk right now. Please apply at the counter or call %1.</source>
        <translation>本终端暂时无法提交在线申请。请到窗口办理，或拨打 %1。</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Applications cannot be sent from this kiosk right now. Please ask the station staff for help, or apply at the counter.</source>
        <translation>本终端暂时无法上传申请。请找工作人员帮助，或到窗口办理。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Read the service guides</source>
        <translation>查看办事指南</translation>
    </message>
</context>
<context>
    <name>MyAppointmentsScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/MyAppointmentsScreen.qml" line="+19"/>
        <source>My appointments</source>
        <translation>我的预约</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Appointments cannot be looked up on this kiosk right now. Please call %1.</source>
        <translation>本终端暂时无法查询预约，请拨打 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your upcoming appointments are shown, and you can cancel one.</source>
        <translation>读卡后显示您尚未到期的预约，可在此取消。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card reader is not working right now. Please ask the station staff, or call %1.</source>
        <translation>身份证读卡器暂时无法使用，请联系站内工作人员，或拨打 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Looking up…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You have no upcoming appointments.</source>
        <translation>您目前没有待办理的预约。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel this appointment? The time is then free for someone else.</source>
        <translation>确定取消这个预约吗？取消后该时间段将留给其他人。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1, %2–%3</source>
        <extracomment>An appointment&apos;s time: %1 the day, %2 and %3 the start and end</extracomment>
        <translation>%1 %2—%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Appointment number: %1</source>
        <translation>预约号：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel this appointment</source>
        <translation>取消此预约</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No, keep it</source>
        <translation>不取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yes, cancel it</source>
        <translation>确定取消</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../qml/Kiosk/components/NavBar.qml" line="+47"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Read aloud</source>
        <translation>读给我听</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Elder mode</source>
        <translation>长辈模式</translation>
    </message>
</context>
<context>
    <name>NewsStrip</name>
    <message>
        <location filename="../qml/Kiosk/components/NewsStrip.qml" line="+29"/>
        <source>Latest announcement: %1</source>
        <translation>最新公告：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Notices and surveys</source>
        <translation>通知公告与意见征集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All notices</source>
        <translation>全部通知公告</translation>
    </message>
</context>
<context>
    <name>NoticeOverlay</name>
    <message>
        <location filename="../qml/Kiosk/components/NoticeOverlay.qml" line="+67"/>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>OutOfServiceView</name>
    <message>
        <location filename="../qml/Kiosk/components/OutOfServiceView.qml" line="+32"/>
        <source>This terminal is out of service</source>
        <translation>本机暂停服务</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Government service hotline, every day, around the clock</source>
        <translation>政务服务便民热线（全天24小时）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hotline %1</source>
        <translation>热线 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Or go to a staffed station nearby:</source>
        <translation>也可以前往附近有工作人员的服务站：</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Telephone %1</source>
        <translation>电话 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>We are sorry for the inconvenience.</source>
        <translation>给您带来不便，敬请谅解。</translation>
    </message>
</context>
<context>
    <name>OutOfServiceWindow</name>
    <message>
        <location filename="../qml/Kiosk/OutOfServiceWindow.qml" line="+18"/>
        <source>Out of service</source>
        <translation>暂停服务</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ProgressScreen.qml" line="+14"/>
        <source>Check progress</source>
        <translation>进度查询</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Progress cannot be checked on this kiosk right now. Please call %1.</source>
        <translation>本终端暂时无法查询进度，请拨打 %1 咨询。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Receipt or case number</source>
        <translation>回执号或办件编号</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Scan the QR code on your receipt, place your ID card on the reader, or type the number on the receipt below together with the last 4 characters of the applicant&apos;s ID number. The answers to questions left for the hotline are here too.</source>
        <translation>请扫描回执上的二维码，或将身份证放在读卡区，或在下方输入回执上的编号和申请人证件号码后4位。留言咨询的答复也在这里查看。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Last 4 characters of the applicant&apos;s ID number:</source>
        <translation>申请人证件号码的后4位：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>e.g. 002X</source>
        <translation>例如 002X</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>X</source>
        <extracomment>The letter X that ends some ID numbers: keep it &quot;X&quot;</extracomment>
        <translation>X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type X</source>
        <translation>输入X</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Looking up…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Question for the hotline</source>
        <translation>留言咨询</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number: %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting to be uploaded: the kiosk sends it as soon as the network is back.</source>
        <translation>待上传：网络恢复后终端会自动提交。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>当前状态：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>: </source>
        <extracomment>Between a status and its note</extracomment>
        <translation>：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Answer from %1 (%2):</source>
        <extracomment>The answer to a question: %1 who answered, %2 when</extracomment>
        <translation>%1的答复（%2）：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not answered yet. The hotline may also call you.</source>
        <translation>尚未答复。热线工作人员也可能给您打电话。</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/QuestionScreen.qml" line="+24"/>
        <location line="+157"/>
        <source>Your question</source>
        <translation>您的问题</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Your mobile phone number</source>
        <translation>您的手机号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your ID card (optional)</source>
        <translation>身份证（可不刷）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check and send</source>
        <translation>核对并提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your question has been received</source>
        <translation>您的留言已收到</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Leave a question</source>
        <translation>留言咨询</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Write what you would like to know. The hotline %1 or the department in charge answers, and may call you. You will find the answer under Check progress with your receipt.</source>
        <translation>请写下您想了解的问题。%1热线或承办部门会答复您，也可能给您打电话。答复后，可凭回执在“进度查询”中查看。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. My father cannot walk well. Can I renew his card for him?</source>
        <translation>例如：我父亲腿脚不便，我能替他补办卡吗？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 of %2 characters</source>
        <extracomment>How many characters the question has, of the most it may have</extracomment>
        <translation>已写 %1 字，最多 %2 字</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+31"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The hotline may call you about your question. The number is only used for this.</source>
        <translation>热线可能打电话和您联系。号码仅用于答复本次留言。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>11-digit mobile number</source>
        <translation>11位手机号码</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>With your name the department can answer you better, and you can look the answer up with your ID card. You may also go on without it.</source>
        <translation>刷身份证后，承办部门能更好地答复您，您也可以凭身份证查看答复。不刷也可以继续。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card reader is not working right now. You can go on without the ID card.</source>
        <translation>读卡器暂时不能使用。您可以不刷身份证继续。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go on without the ID card</source>
        <translation>不刷身份证，继续</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent without your name: only the QR code on your receipt finds the answer, so keep the receipt (or a photo of it).</source>
        <translation>不留姓名提交：只能凭回执上的二维码查看答复，请妥善保管回执（或拍照留存）。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Scan this QR code under Check progress: it is the only way to find the answer.</source>
        <translation>请在“进度查询”中扫描此二维码查看答复，这是查询答复的唯一凭证。</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Send it without my name</source>
        <translation>不留姓名提交</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>By sending, you agree that your question and contact details go to the Xicheng 12345 hotline and the department in charge, only to answer you. They are kept under the hotline&apos;s rules; this kiosk deletes them once they have been delivered.</source>
        <translation>点击提交，即表示您同意将留言和联系方式提交给西城区12345热线及承办部门，仅用于答复您的留言；按热线工单管理规定保存，本终端在提交成功后立即删除。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agree and send</source>
        <translation>同意并提交</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Number: %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending it to the district platform…</source>
        <translation>正在提交至区政务服务平台…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing your receipt…</source>
        <translation>正在打印回执…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please take your receipt. When the answer is ready, scan its QR code under Check progress.</source>
        <translation>请取走回执。答复后，在“进度查询”中扫描回执上的二维码即可查看。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer is out of paper. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>打印机缺纸。请用手机拍下下方的二维码和编号。已通知工作人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receipt could not be printed. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>回执未能打印。请用手机拍下下方的二维码和编号。已通知工作人员。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The network is slow: the kiosk sends your question as soon as it can. Nothing is lost.</source>
        <translation>网络较慢：本机会尽快提交您的留言，不会丢失。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scan under Check progress, or type the number and the last 4 characters of your ID number.</source>
        <translation>在“进度查询”中扫码，或输入编号和您的证件号码后4位。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>I have taken a photo, finish</source>
        <translation>我已拍照，完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Questions cannot be left on this kiosk right now. Please call %1.</source>
        <translation>本机暂时不能留言咨询。请拨打 %1。</translation>
    </message>
</context>
<context>
    <name>SampleNotice</name>
    <message>
        <location filename="../qml/Kiosk/components/SampleNotice.qml" line="+18"/>
        <source>Sample data — the district platform&apos;s published guide prevails</source>
        <translation>示例数据，以区政务服务平台发布为准</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="+37"/>
        <source>Item name, pinyin or initials, e.g. 居住证 / juzhuzheng / jzz</source>
        <translation>事项名称、拼音或首字母，如：居住证 / juzhuzheng / jzz</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Most asked</source>
        <translation>大家常办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing found for “%1”</source>
        <translation>没有找到与“%1”相关的事项</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n item(s) found</source>
        <translation>
            <numerusform>找到%n个事项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Life event: %1 (%n item(s))</source>
        <translation>
            <numerusform>一件事：%1（共%n项）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Try fewer words or another name. Call %1 or ask the station staff — or pick one of the most asked items below.</source>
        <translation>试试少输几个字或换个说法；也可以拨打%1或询问服务站工作人员，或从下面的常办事项中选择。</translation>
    </message>
</context>
<context>
    <name>SectionBox</name>
    <message>
        <location filename="../qml/Kiosk/components/SectionBox.qml" line="+30"/>
        <source>. </source>
        <extracomment>Between the sentences of a section read aloud</extracomment>
        <translation>。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read aloud: %1</source>
        <translation>朗读：%1</translation>
    </message>
</context>
<context>
    <name>SelfCheckPanel</name>
    <message>
        <location filename="../qml/Kiosk/components/SelfCheckPanel.qml" line="+31"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking…</source>
        <translation>正在核对……</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Daily self-check</source>
        <translation>每日自检</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No self-check has been done on this terminal yet.</source>
        <translation>本终端尚未做过自检。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last self-check %1: everything passed.</source>
        <translation>上次自检 %1：全部通过。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last self-check %1: not passed: %2.</source>
        <translation>上次自检 %1：未通过：%2。</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+39"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Retry to check it again, or Skip to go on without it.</source>
        <translation>按“重试”再检查一次，或按“跳过”继续下一项。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The self-check is finished but its result could not be saved. Call the district&apos;s technicians.</source>
        <translation>自检已完成，但结果未能保存。请联系区运维人员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Self-check finished and saved: everything passed.</source>
        <translation>自检完成，结果已保存：全部通过。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-check finished and saved. Not passed: %1.</source>
        <translation>自检完成，结果已保存。未通过：%1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Run the self-check again</source>
        <translation>重新自检</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start the self-check</source>
        <translation>开始自检</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back to the staff panel</source>
        <translation>返回工作人员面板</translation>
    </message>
</context>
<context>
    <name>SelfCheckTexts</name>
    <message>
        <location filename="../qml/Kiosk/components/SelfCheckTexts.qml" line="+10"/>
        <source>Test slip printed and its QR code read back</source>
        <translation>打印自检条并扫描其二维码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID card reader</source>
        <translation>身份证读卡器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District platform reachable</source>
        <translation>区平台连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service catalog up to date</source>
        <translation>事项目录是否最新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free disk space</source>
        <translation>磁盘剩余空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printing the self-check slip…</source>
        <translation>正在打印自检条…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the self-check slip that was just printed and hold its QR code under the scanner.</source>
        <translation>请把刚打印的自检条上的二维码放到扫码器下。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place any ID card on the card reader. If a card is already on it, lift it off and place it again.</source>
        <translation>请把任意一张身份证放在读卡区。如果读卡区上已有证件，请拿起后重新放上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking a picture with the document camera…</source>
        <translation>正在用高拍仪拍照…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacting the district platform…</source>
        <translation>正在连接区平台…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measuring the free disk space…</source>
        <translation>正在检查磁盘剩余空间…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the printer is out of paper</source>
        <translation>打印机缺纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the printer cover is open</source>
        <translation>打印机盖未合上</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the printer does not respond</source>
        <translation>打印机没有响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the printer reported a fault (%1)</source>
        <translation>打印机报告故障（%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Printed and read back after %1 s</source>
        <translation>已打印，%1 秒后扫码读回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed (no scanner at this station to read it back)</source>
        <translation>已打印（本站没有扫码器，无法读回）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A card was read</source>
        <translation>已读到证件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picture taken (%1 × %2)</source>
        <translation>已拍到图像（%1 × %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered in %1 ms; this terminal&apos;s key was accepted</source>
        <translation>%1 毫秒内应答，本终端密钥有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1, checked %2 hour(s) ago</source>
        <translation>版本 %1，%2 小时前核对过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 MB free</source>
        <translation>剩余 %1 MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>%1 s off the platform&apos;s clock</source>
        <translation>与平台时间相差 %1 秒</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Not printed: %1</source>
        <translation>没有打印出来：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is not the self-check slip just printed</source>
        <translation>这不是刚打印的自检条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The slip&apos;s QR code was not read within %1 s</source>
        <translation>%1 秒内没有扫到自检条的二维码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No card was read within %1 s</source>
        <translation>%1 秒内没有读到证件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No picture was taken</source>
        <translation>没有拍到图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture is all black</source>
        <translation>拍到的图像全黑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer from the platform (%1)</source>
        <translation>区平台没有应答（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform refused this terminal (%1 %2)</source>
        <translation>区平台拒绝了本终端（%1 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform is busy</source>
        <translation>区平台繁忙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No service catalog</source>
        <translation>没有事项目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1, not checked with the platform for %2 day(s)</source>
        <translation>版本 %1，已 %2 天未与平台核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The public holidays of %1 are not known: promised dates in it count weekends only</source>
        <translation>%1年的节假日安排未知：该年的承诺办结日期只跳过周末</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only %1 MB free (%2 MB needed)</source>
        <translation>仅剩 %1 MB（至少需要 %2 MB）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The free space could not be read</source>
        <translation>无法读取剩余空间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped: not checked</source>
        <translation>已跳过：未检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not at this station</source>
        <translation>本站未配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No district platform to compare with</source>
        <translation>没有可比对的区平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform did not answer, so the clock could not be compared</source>
        <translation>区平台没有应答，无法核对时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Load a new paper roll, close the cover, then press Retry.</source>
        <translation>请换上新纸卷并合上打印机盖，然后按“重试”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the printer cover, then press Retry.</source>
        <translation>请合上打印机盖，然后按“重试”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the printer&apos;s cable and power, then press Retry.</source>
        <translation>请检查打印机的连接线和电源，然后按“重试”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the QR code of the slip that was just printed. Press Retry to print a new slip.</source>
        <translation>请扫描刚打印的自检条上的二维码。按“重试”会重新打印一张。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If the slip is blank or faint, load new paper. If the scanner does not beep, check its cable. Then press Retry.</source>
        <translation>如果自检条空白或字迹太淡，请换纸；如果扫码器没有提示音，请检查它的连接线。然后按“重试”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place an ID card flat on the reader and press Retry. If nothing happens, check the reader&apos;s cable.</source>
        <translation>请把身份证平放在读卡区后按“重试”。如果仍无反应，请检查读卡器的连接线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the document camera&apos;s cable, then press Retry.</source>
        <translation>请检查高拍仪的连接线，然后按“重试”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove anything covering the camera and turn on its light, then press Retry.</source>
        <translation>请移开遮挡镜头的物品并打开补光灯，然后按“重试”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the network cable and the station&apos;s internet connection, then press Retry. If it still fails, call the district&apos;s technicians.</source>
        <translation>请检查网线和服务站的网络连接，然后按“重试”。仍然失败请联系区运维人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The terminal&apos;s key or clock is not accepted. Call the district&apos;s technicians.</source>
        <translation>区平台不接受本终端的密钥或时间。请联系区运维人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Retry in a few minutes.</source>
        <translation>请过几分钟再按“重试”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the network connection. If the catalog still does not update, call the district&apos;s technicians.</source>
        <translation>请检查网络连接。目录仍不能更新请联系区运维人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the district&apos;s technicians to publish the year&apos;s holidays with the catalog. Receipts say meanwhile that holidays are not counted.</source>
        <translation>请联系区里的技术人员随事项目录发布该年的节假日安排。在此之前，回执会注明未计节假日。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call the district&apos;s technicians: the terminal needs maintenance.</source>
        <translation>请联系区运维人员：终端需要维护。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The terminal&apos;s clock is wrong. Call the district&apos;s technicians to set it.</source>
        <translation>终端时间不准。请联系区运维人员校准。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the self-check again when you can check this step.</source>
        <translation>能检查这一项时请重新自检。</translation>
    </message>
</context>
<context>
    <name>StaffPinPad</name>
    <message>
        <location filename="../qml/Kiosk/components/StaffPinPad.qml" line="+18"/>
        <source>Staff PIN</source>
        <translation>管理密码</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No staff PIN is set. Set one with: kiosk staff set-pin</source>
        <translation>未设置管理密码，请用 kiosk staff set-pin 设置</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Too many wrong PINs. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>密码错误次数过多，请 %n 分钟后再试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many wrong PINs. Please try again in %n second(s).</source>
        <translation>
            <numerusform>密码错误次数过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PIN could not be checked. Please try again, or restart the kiosk.</source>
        <translation>暂时无法核对密码。请再试一次，或重新启动终端。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Wrong PIN. %n more wrong attempt(s) lock the pad.</source>
        <translation>
            <numerusform>密码错误。再输错 %n 次将暂时锁定。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking…</source>
        <translation>正在核对……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the staff PIN, then press OK.</source>
        <translation>请输入管理密码，然后按“确定”。</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>已输入 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Digit %1</source>
        <translation>数字 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../qml/Kiosk/components/StepBar.qml" line="+13"/>
        <source>Start</source>
        <translation>须知</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form</source>
        <translation>填表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Materials</source>
        <translation>提交材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>StepFooter</name>
    <message>
        <location filename="../qml/Kiosk/components/StepFooter.qml" line="+30"/>
        <source>Previous</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start applying</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything is correct</source>
        <translation>核对无误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I agree, submit</source>
        <translation>同意并提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>SuggestionsScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/SuggestionsScreen.qml" line="+14"/>
        <source>Suggested for you</source>
        <translation>为您推荐</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By the age on your ID card, these may be useful to you. Your age is used only now: it is not kept or sent anywhere.</source>
        <translation>根据您身份证上的年龄，这些事项可能用得上。年龄只在这一次使用，不保存，也不上传。</translation>
    </message>
</context>
<context>
    <name>SurveyScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/SurveyScreen.qml" line="+26"/>
        <source>%1 · open until %2</source>
        <translation>%1 · 征集至%2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Anonymous: no ID card and no phone number are asked for. Please do not write your name or numbers in your answers; numbers that identify someone are hidden before sending.</source>
        <translation>匿名填写：不需要身份证，也不需要手机号。请不要在答案中写姓名或号码；能识别身份的号码在提交前会被隐去。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Please answer this question.</source>
        <translation>请回答这道题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1. %2 (optional)</source>
        <translation>%1. %2（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose all that apply.</source>
        <translation>可以选多项。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Type here (at most 200 characters)</source>
        <translation>请在这里输入（最多200字）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Please answer question %1 first.</source>
        <translation>请先回答第%1题。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send my answers</source>
        <translation>提交意见</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Thank you for your views</source>
        <translation>感谢您的意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You have answered this survey</source>
        <translation>您已填写过这份问卷</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your answers were received without your name and go to the district within the hour. The district publishes what it learns from them.</source>
        <translation>您的意见已匿名收到，将在一小时内送达区里。区里会公布征集结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each survey takes one answer per visit. Thank you for taking part.</source>
        <translation>每次来访每份问卷只能填写一次。感谢您的参与。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>TypedIdentity</name>
    <message>
        <location filename="../qml/Kiosk/components/TypedIdentity.qml" line="+19"/>
        <source>No ID card with you?</source>
        <translation>没有带身份证？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name as on the ID card</source>
        <translation>姓名（与身份证一致）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>18-digit ID number</source>
        <translation>18位身份证号码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A typed identity is checked again at the counter.</source>
        <translation>手工输入的身份信息将在窗口再次核验。</translation>
    </message>
</context>
<context>
    <name>VoicePrompts</name>
    <message>
        <location filename="../qml/Kiosk/components/VoicePrompts.qml" line="+11"/>
        <source>Welcome. Touch the service you need. To hear a screen again, touch Read aloud.</source>
        <translation>欢迎使用。请点击您要办理的业务。想再听一遍，请点击“读给我听”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a service by theme or by department, or touch Search and type its name.</source>
        <translation>请按主题或按部门查找事项，也可以点击搜索框，输入事项名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the name of a service in Chinese or pinyin on the keyboard, then touch a result.</source>
        <translation>请用屏幕键盘输入事项名称、拼音或首字母，然后点击查到的事项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Touch a service to read its guide.</source>
        <translation>请点击事项，查看办事指南。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These services often go together. Touch one to read its guide.</source>
        <translation>这些事项常常一起办理。请点击事项，查看办事指南。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the service&apos;s guide. To hear a part of it, touch Read aloud beside it.</source>
        <translation>这是事项的办事指南。想听哪一部分，请点击它旁边的“朗读”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place your ID card on the reader, or hold the QR code of your receipt under the scanner.</source>
        <translation>请把身份证放在读卡区，或把回执上的二维码对准扫码器。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Touch a question to read the hotline&apos;s answer, or leave your own question.</source>
        <translation>请点击问题查看热线的解答，也可以留下您自己的问题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the hotline&apos;s answer. If it does not help, you can leave your question.</source>
        <translation>这是热线的解答。如果没有解决您的问题，可以留言咨询。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Touch a notice to read it, or a survey to give your opinion.</source>
        <translation>请点击通知公告阅读，或点击问卷发表意见。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a notice from the community. Scan its code to read it on your phone.</source>
        <translation>这是社区的通知公告。用手机扫描二维码，可以在手机上阅读全文。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose your answers, then touch Send my answers. Your answers are anonymous.</source>
        <translation>请选择您的答案，然后点击“提交意见”。问卷是匿名的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place your ID card on the reader to see your appointments.</source>
        <translation>请把身份证放在读卡区，查看您的预约。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check who can apply and what you need, then touch Start applying.</source>
        <translation>请查看申请条件和所需材料，然后点击“开始办理”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <location line="+13"/>
        <location line="+11"/>
        <source>Place your ID card on the reader.</source>
        <translation>请把身份证放在读卡区。</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Fill in the form. Touch a field to type, then touch Next.</source>
        <translation>请填写申请表。点击输入框即可输入，填好后点击“下一步”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lay each document under the camera and touch Photograph.</source>
        <translation>请把每份材料平放在高拍仪下，然后点击“拍摄”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check your application. Press and hold a line to see it in full, then touch Next.</source>
        <translation>请核对申请内容。按住某一行可以查看完整内容，核对无误后点击“下一步”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read how your information is used, then touch Agree and send.</source>
        <translation>请阅读个人信息的使用说明，然后点击“同意并提交”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending your application. Please wait.</source>
        <translation>正在提交您的申请，请稍候。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your application has been received. Take your receipt from the printer.</source>
        <translation>您的申请已收到。请从打印机取走回执。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How was the service? Choose a rating, then touch Send rating.</source>
        <translation>您对本次服务满意吗？请选择评价，然后点击“提交评价”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you. Touch Finish when you are done.</source>
        <translation>谢谢您。办理结束请点击“完成”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose where you want to go.</source>
        <translation>请选择办理地点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a day.</source>
        <translation>请选择日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a time.</source>
        <translation>请选择时间段。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+25"/>
        <source>Type your mobile phone number, then touch Next.</source>
        <translation>请输入您的手机号码，然后点击“下一步”。</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Check your appointment, then touch Confirm the appointment.</source>
        <translation>请核对预约信息，然后点击“确认预约”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking. Please wait.</source>
        <translation>正在预约，请稍候。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your appointment is booked. Take your slip from the printer.</source>
        <translation>预约成功。请从打印机取走预约凭条。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type your question, then touch Next.</source>
        <translation>请输入您的问题，然后点击“下一步”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type your mobile phone number, so the hotline can call you back.</source>
        <translation>请输入您的手机号码，方便热线给您回电话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check your question, then touch Agree and send.</source>
        <translation>请核对您的问题，然后点击“同意并提交”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Sending. Please wait.</source>
        <translation>正在提交，请稍候。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Your question has been received. Take your slip from the printer.</source>
        <translation>您的问题已收到。请从打印机取走凭条。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose why you cannot come to the station.</source>
        <translation>请选择不能到服务站办理的原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the address where staff should come.</source>
        <translation>请输入工作人员上门的地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the days that suit you.</source>
        <translation>请选择您方便的日子。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check your request, then touch Agree and send.</source>
        <translation>请核对申请内容，然后点击“同意并提交”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your request has been received. Take your slip from the printer.</source>
        <translation>您的申请已收到。请从打印机取走凭条。</translation>
    </message>
</context>
<context>
    <name>WheelColumn</name>
    <message>
        <location filename="../qml/Kiosk/components/WheelColumn.qml" line="+20"/>
        <source>%1: %2</source>
        <extracomment>A wheel of the date picker: which part of the date it sets (年, 月, 日) and its value</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/Words.qml" line="+27"/>
        <source>%n page(s) photographed</source>
        <translation>
            <numerusform>已拍摄 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brought to the counter later (accepted with materials missing)</source>
        <translation>到窗口补交（容缺受理）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taken from the e-licence library</source>
        <translation>使用电子证照</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not provided</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The guide was hard to understand</source>
        <translation>办事指南看不懂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many materials were asked for</source>
        <translation>材料要求太多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The steps were complicated</source>
        <translation>操作步骤复杂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wait was too long</source>
        <translation>等待时间太长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A device did not work</source>
        <translation>设备出了问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff did not help enough</source>
        <translation>工作人员帮助不够</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Administrative licensing</source>
        <comment>catalog item type</comment>
        <translation>行政许可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative penalty</source>
        <comment>catalog item type</comment>
        <translation>行政处罚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative enforcement</source>
        <comment>catalog item type</comment>
        <translation>行政强制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative levy</source>
        <comment>catalog item type</comment>
        <translation>行政征收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative payment</source>
        <comment>catalog item type</comment>
        <translation>行政给付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative inspection</source>
        <comment>catalog item type</comment>
        <translation>行政检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative confirmation</source>
        <comment>catalog item type</comment>
        <translation>行政确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative reward</source>
        <comment>catalog item type</comment>
        <translation>行政奖励</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative adjudication</source>
        <comment>catalog item type</comment>
        <translation>行政裁决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other administrative power</source>
        <comment>catalog item type</comment>
        <translation>其他行政权力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public service</source>
        <comment>catalog item type</comment>
        <translation>公共服务</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>District</source>
        <comment>catalog level</comment>
        <translation>区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subdistrict</source>
        <comment>catalog level</comment>
        <translation>街道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <comment>catalog level</comment>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Individuals</source>
        <comment>catalog service object</comment>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <comment>catalog service object</comment>
        <translation>法人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handled on the spot</source>
        <comment>catalog case type</comment>
        <translation>即办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled within a promised time</source>
        <comment>catalog case type</comment>
        <translation>承诺件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Original</source>
        <comment>catalog material form</comment>
        <translation>原件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <comment>catalog material form</comment>
        <translation>复印件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original and copy</source>
        <comment>catalog material form</comment>
        <translation>原件及复印件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic</source>
        <comment>catalog material form</comment>
        <translation>电子材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth and adoption</source>
        <comment>catalog theme</comment>
        <translation>生育收养</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household registration</source>
        <comment>catalog theme</comment>
        <translation>户籍办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ethnic and religious affairs</source>
        <comment>catalog theme</comment>
        <translation>民族宗教</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education and research</source>
        <comment>catalog theme</comment>
        <translation>教育科研</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Military service</source>
        <comment>catalog theme</comment>
        <translation>入伍服兵役</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting up and changes</source>
        <comment>catalog theme</comment>
        <translation>设立变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business permits</source>
        <comment>catalog theme</comment>
        <translation>准营准办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mortgages and pledges</source>
        <comment>catalog theme</comment>
        <translation>抵押质押</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Professional qualifications</source>
        <comment>catalog theme</comment>
        <translation>职业资格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative fees</source>
        <comment>catalog theme</comment>
        <translation>行政缴费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marriage registration</source>
        <comment>catalog theme</comment>
        <translation>婚姻登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planning and building</source>
        <comment>catalog theme</comment>
        <translation>规划建设</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housing support</source>
        <comment>catalog theme</comment>
        <translation>住房保障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social security</source>
        <comment>catalog theme</comment>
        <translation>社会保障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates and IDs</source>
        <comment>catalog theme</comment>
        <translation>证件办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport</source>
        <comment>catalog theme</comment>
        <translation>交通出行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tourism</source>
        <comment>catalog theme</comment>
        <translation>旅游观光</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit and entry</source>
        <comment>catalog theme</comment>
        <translation>出境入境</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consumer rights</source>
        <comment>catalog theme</comment>
        <translation>消费维权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public safety</source>
        <comment>catalog theme</comment>
        <translation>公共安全</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intellectual property</source>
        <comment>catalog theme</comment>
        <translation>知识产权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment and weather</source>
        <comment>catalog theme</comment>
        <translation>环境气象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health care</source>
        <comment>catalog theme</comment>
        <translation>医疗卫生</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Jobs and start-ups</source>
        <comment>catalog theme</comment>
        <translation>就业创业</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%3 %2 %1</source>
        <extracomment>A booking day: %1 the month&apos;s name, %2 the day of the month, %3 the weekday</extracomment>
        <translation>%1%2日 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Policy release</source>
        <translation>政策发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station notice</source>
        <translation>站点通知</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>It stopped working several times in a row. The district has been told, and a technician will check it.</source>
        <translation>本机连续多次出现故障，已通知区政务服务中心，技术人员将尽快检修。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It has no service guides to show yet. It will serve again as soon as the district platform sends them.</source>
        <translation>本机暂无办事指南可显示，区政务服务平台发来后即恢复服务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station staff are servicing it.</source>
        <translation>工作人员正在维护本机。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One of its devices is faulty and is being repaired.</source>
        <translation>本机有设备故障，正在维修。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No staff are on duty to help at the moment.</source>
        <translation>目前无工作人员值守。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station staff have taken it out of service for now.</source>
        <translation>工作人员已暂停本机服务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It has been switched off for now.</source>
        <translation>本机暂时停用。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>How to get the result</source>
        <comment>result posting</comment>
        <translation>领取方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collect it at the window</source>
        <comment>result posting</comment>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post it to me</source>
        <comment>result posting</comment>
        <translation>邮寄到家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal address</source>
        <comment>result posting</comment>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collect it at the window when it is ready, or have it posted</source>
        <comment>result posting</comment>
        <translation>办好后到窗口领取，或邮寄到家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down to the door number, e.g. Xicheng, Yuetan North St., No. ×× compound, building ×, unit ×, flat ×</source>
        <comment>result posting</comment>
        <translation>请写到门牌号，例如：西城区月坛北街××号院×号楼×单元×号</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Veterans&apos; benefits</source>
        <comment>catalog theme</comment>
        <translation>优待抚恤</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Legal and notary</source>
        <comment>catalog theme</comment>
        <translation>司法公证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Culture and sports</source>
        <comment>catalog theme</comment>
        <translation>文体教育</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirement</source>
        <comment>catalog theme</comment>
        <translation>离职退休</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Death and funerals</source>
        <comment>catalog theme</comment>
        <translation>死亡殡葬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <comment>catalog theme</comment>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <comment>case status</comment>
        <translation>已接件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <comment>case status</comment>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents needed</source>
        <comment>case status</comment>
        <translation>待补正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <comment>case status</comment>
        <translation>审核通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not approved</source>
        <comment>case status</comment>
        <translation>审核不通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <comment>case status</comment>
        <translation>正常办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not accepted</source>
        <comment>case status</comment>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <comment>case status</comment>
        <translation>撤销申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <comment>case status</comment>
        <translation>异常终止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <comment>case status</comment>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called to agree the visit</source>
        <comment>case status</comment>
        <translation>已电话联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visited and handled</source>
        <comment>case status</comment>
        <translation>已上门办理</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This is the proxy&apos;s ID card. Please place the applicant&apos;s ID card.</source>
        <translation>这是代办人的证件，请放申请人（被代办人）的身份证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The identity is already confirmed. To change the applicant, go back and start again.</source>
        <translation>身份已确认，如需更换申请人请返回重新开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item needs the ID card itself. Please place it on the card reader.</source>
        <translation>该事项需要读取身份证原件，请把身份证放在读卡区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before you submit, please read and agree to how your personal information is used.</source>
        <translation>提交前请阅读并同意个人信息使用说明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some answers need changing: see the notes in red.</source>
        <translation>有几项需要修改，请看红色提示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ID number does not add up. Please check it digit by digit (the last one may be X).</source>
        <translation>身份证号码校验不通过，请逐位核对（最后一位可能是X）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An ID number has 18 characters; this one has %1.</source>
        <translation>身份证号码应为18位，现在是%1位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please confirm the applicant&apos;s identity first.</source>
        <translation>请先确认申请人身份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is still missing. Please photograph it, or choose another way to provide it.</source>
        <translation>还缺少材料“%1”，请拍摄上传或选择其他提供方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter the name (as on the ID card).</source>
        <translation>请填写姓名（与身份证上一致）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A name has at most %1 characters. Please check it.</source>
        <translation>姓名最多%1个字，请核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item cannot be applied for at this kiosk. Please go to the counter.</source>
        <translation>该事项暂不支持在本终端网上申报，请到窗口办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy: please place your ID card first.</source>
        <translation>请代办人先放置身份证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please place the ID card first.</source>
        <translation>请先放置身份证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please choose what went wrong, or write what you want to tell us.</source>
        <translation>请选择不满意的原因，或写下您的意见</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A material has at most %1 pages. Please delete the extra ones.</source>
        <translation>每份材料最多%1页，请删除多余的页面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” cannot be provided this way. Please photograph it.</source>
        <translation>“%1”不能这样提供，请拍摄上传</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please choose %1</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>请选择%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: please write the date as year-month-day, for example 2026-01-31</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>%1请按“年-月-日”填写，例如 2026-01-31</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: please enter digits only</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>%1请只填写数字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 does not pass the check. Please compare it digit by digit (the last character may be X)</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>%1校验不通过，请逐位核对（最后一位可能是X）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 must have 18 characters; it has %2</source>
        <extracomment>%1 the field&apos;s label, %2 how many characters it has</extracomment>
        <translation>%1应为18位，现在是%2位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please choose %1 from the options given</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>请从给出的选项中选择%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: please write it on one line</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>%1请写在一行内</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 must be between %2 and %3</source>
        <extracomment>%1 the field&apos;s label, %2 the lowest, %3 the highest number allowed</extracomment>
        <translation>%1应在%2到%3之间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not in the right format. Please check it</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>%1的格式不对，请核对</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not in the right format: %2</source>
        <extracomment>%1 the field&apos;s label, %2 the catalog&apos;s help text for it</extracomment>
        <translation>%1的格式不对：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: please enter an 11-digit mobile number (for example 13800000000) or a landline number with its area code</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>%1请填写11位手机号码（例如 13800000000）或带区号的固定电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please fill in %1</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>请填写%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be more than %2</source>
        <extracomment>%1 the field&apos;s label, %2 the highest number allowed</extracomment>
        <translation>%1不能大于%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 can have at most %2 characters; it has %3. Please shorten it</source>
        <extracomment>%1 the field&apos;s label, %2 the most characters allowed, %3 how many it has</extracomment>
        <translation>%1最多%2个字，现在是%3个字，请删减</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be less than %2</source>
        <extracomment>%1 the field&apos;s label, %2 the lowest number allowed</extracomment>
        <translation>%1不能小于%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 contains characters that cannot be recognised. Please delete them and type it again</source>
        <extracomment>%1 the field&apos;s label</extracomment>
        <translation>%1里有无法识别的字符，请删除后重新输入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No document camera was found. Please choose another way to provide the material, or ask the staff</source>
        <translation>未检测到高拍仪，请选择其他方式提供材料，或联系工作人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document camera cannot be used right now. Please ask the staff</source>
        <translation>高拍仪暂时无法使用，请联系工作人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document camera cannot be used right now. Please choose to hand in the material at the counter, or ask the staff</source>
        <translation>高拍仪暂时无法使用，请选择到窗口提交材料，或联系工作人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This card (the 2023 foreign permanent residence card) cannot be read here yet. Please use another way shown on the screen, or go to the service counter.</source>
        <translation>暂不能读取此类证件（2023 版外国人永久居留身份证）。请选择屏幕上的其他方式，或到服务窗口办理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ID card could not be read. Please lay it flat on the reader and try again in a moment.</source>
        <translation>身份证读取失败，请将身份证平放在感应区，稍候再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer cover is open, so nothing can be printed right now. Please tell the staff.</source>
        <translation>打印机盖未合上，暂时无法打印。请告知工作人员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This image cannot be read (the file is damaged or too large). Please take it again</source>
        <translation>这张图片无法读取（文件损坏或太大），请重拍</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no receipt to print again.</source>
        <translation>没有需要补打的凭条。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This page holds too much to stay legible once compressed. Please photograph it in several parts</source>
        <translation>这一页内容太多，压缩后仍然看不清，请分成几页拍摄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No clear image was taken. Please lay the material flat and take it again</source>
        <translation>没有拍到清晰的图像，请把材料放平后重拍</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer is out of paper, so the receipt cannot be printed now. Please photograph the number and the QR code on the screen, and tell the staff.</source>
        <translation>打印机缺纸，暂时无法打印凭条。请拍下屏幕上的编号和二维码，并告知工作人员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receipt was not printed completely. Please ask the staff to print it again.</source>
        <translation>凭条没有打印完整，请告知工作人员补打。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer is not connected. Please ask the staff.</source>
        <translation>打印机未连接，请联系工作人员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ID card reader has a fault and cannot read cards right now. Please ask the staff, or type your details instead.</source>
        <translation>身份证读卡器故障，暂时无法读卡。请联系工作人员，或改用手工输入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card reader does not respond. Please ask the staff to check its connection.</source>
        <translation>读卡器没有响应，请联系工作人员检查读卡器连接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This code was not recognised. Please scan it again; if that does not help, ask the staff.</source>
        <translation>没有识别这个码，请重新扫描；如仍不行，请联系工作人员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document camera did not take the picture. Please check that the material is in place and take it again</source>
        <translation>高拍仪没有拍成功，请检查材料是否放好后重拍</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document camera did not take the picture. Please press the button again in a moment</source>
        <translation>高拍仪没有拍成功，请稍后再按一次拍摄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device is not connected. Please ask the staff to check the cable.</source>
        <translation>设备未连接，请联系工作人员检查连接线。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You already have an appointment for this item (%1). To choose another time, cancel it under My appointments first.</source>
        <translation>您已预约过该事项（%1）。如需改约，请先在“我的预约”中取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The appointment could not be cancelled (%1). Please call the hotline.</source>
        <translation>预约未能取消（%1）。请拨打咨询电话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The platform did not confirm the cancellation in time. It may have been cancelled: the list below shows how things stand now.</source>
        <translation>平台未能及时确认取消，预约可能已经取消，请以下方列表为准。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The appointment is cancelled.</source>
        <translation>预约已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This day is fully booked. Please go back and choose another day.</source>
        <translation>当天已约满，请返回选择其他日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your appointments cannot be looked up right now: the district&apos;s government service platform does not answer. Please try again, or call the hotline.</source>
        <translation>区政务服务平台暂时无法连接，查询不到您的预约。请稍后再试，或拨打热线。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There are no free times here in the next two weeks. Please choose another place, or call the hotline.</source>
        <translation>该地点未来两周已约满，请选择其他办理地点，或拨打咨询电话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item cannot be booked here. Please call the hotline to ask where to go.</source>
        <translation>该事项暂不能在此预约，请拨打咨询电话了解办理地点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The district&apos;s government service platform cannot be reached right now, so nothing was booked. Please try again later, or call the hotline.</source>
        <translation>暂时无法连接区政务服务平台，预约未成功。请稍后再试，或拨打咨询电话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+44"/>
        <location line="+10"/>
        <source>This is not a mobile phone number. Please type the 11 digits again.</source>
        <translation>这不是有效的手机号码，请重新输入11位数字。</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>The platform did not accept the booking (%1). Please call the hotline.</source>
        <translation>平台未接受本次预约（%1）。请拨打咨询电话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Booking ahead is paused for you (%1). You can still go to the window in person.</source>
        <translation>您的网上预约已暂停（%1）。您仍可直接到窗口现场办理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone has just booked this time. Please choose another one.</source>
        <translation>该时段刚刚被约满，请选择其他时段。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This time can no longer be booked. Please choose another one.</source>
        <translation>该时段已不可预约，请选择其他时段。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This appointment has already begun and can no longer be cancelled here.</source>
        <translation>预约时间已到，不能在本终端取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The platform did not confirm the booking in time. It may have been made: in a few minutes, place your ID card under My appointments to check, or call the hotline.</source>
        <translation>平台未能及时确认预约，预约可能已经成功：请几分钟后在“我的预约”中刷身份证查看，或拨打咨询电话。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not a number from a receipt. Please check it and try again.</source>
        <translation>这不是回执上的编号，请核对后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None of your applications were found on the platform.</source>
        <translation>没有查到您在平台上的办件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not the QR code of a receipt. Please scan the QR code on your receipt, or type the number on it.</source>
        <translation>这不是回执上的二维码。请扫描回执上的二维码，或输入回执上的编号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No application matches this number and these last 4 characters of the ID number. Please check the number on the receipt and the last 4 characters of the applicant&apos;s ID number and try again, or call the hotline.</source>
        <translation>没有找到与这个编号和证件号码后4位相符的办件。请核对回执上的编号和申请人证件号码后4位后重试，或拨打热线咨询。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The district&apos;s government service platform cannot be reached right now. Please try again later, or call the hotline.</source>
        <translation>暂时无法连接区政务服务平台，请稍后再试，或拨打热线咨询。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The QR code of this receipt cannot be looked up directly. Please type the number on the receipt and the last 4 characters of the applicant&apos;s ID number below.</source>
        <translation>这张回执的二维码不能直接查询。请在下面输入回执上的编号和申请人证件号码后4位。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No application was found for this receipt. Please call the hotline.</source>
        <translation>没有找到这张回执对应的办件，请拨打热线咨询。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please type the last 4 characters of the applicant&apos;s ID number (4 digits; the last may be X).</source>
        <translation>请输入申请人证件号码的后4位（4个数字，最后一位可能是X）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last 4 characters of the ID number were typed wrong too many times for this number, so looking it up by number is paused. Please scan the QR code on the receipt or place the ID card on the reader, or call the hotline.</source>
        <translation>这个编号的证件号码后4位输错次数太多，已暂停用编号查询。请扫描回执上的二维码，或把身份证放在读卡器上查询，也可拨打热线咨询。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The district&apos;s government service platform sent an answer that cannot be read. Please try again later, or call the hotline.</source>
        <translation>区政务服务平台返回了无法识别的内容，请稍后再试，或拨打热线咨询。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please write your question in a few more words (at least %1 characters), so that the hotline can answer it.</source>
        <translation>请把问题写得再详细一些（至少 %1 个字），以便热线答复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The question is too long: at most %1 characters, it has %2. Please shorten it.</source>
        <translation>问题太长了：最多 %1 个字，现在有 %2 个字。请删减一些。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The address is too long: at most %1 characters, it has %2. Please shorten it.</source>
        <translation>地址过长：最多 %1 个字，现有 %2 个字。请精简。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please write the full address (at least %1 characters): district, street, building and door number.</source>
        <translation>请填写完整地址（至少 %1 个字）：区、街道、楼号和门牌号。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The submission could not be saved. Please ask the staff; what you filled in is still on the screen</source>
        <translation>提交没有保存成功，请联系工作人员，您填写的内容仍在屏幕上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitting is not possible right now. Please ask the staff</source>
        <translation>暂时无法提交，请联系工作人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong. Please ask the station staff for help.</source>
        <translation>出现了问题，请联系工作人员协助。</translation>
    </message>
</context>
<context>
    <name>style</name>
    <message>
        <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="+47"/>
        <source>Delete the last character</source>
        <translation>删除最后一个字</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type in English</source>
        <translation>切换到英文输入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type in Chinese (pinyin)</source>
        <translation>切换到中文拼音输入</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Del</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>EN</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New line</source>
        <translation>换行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hide the keyboard</source>
        <translation>收起键盘</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Hide</source>
        <translation>收起</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Capital letters</source>
        <translation>大写字母</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Caps</source>
        <translation>大写</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Numbers and symbols, or letters</source>
        <translation>数字和符号，或字母</translation>
    </message>
</context>
</TS>
